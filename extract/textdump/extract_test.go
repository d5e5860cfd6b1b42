package textdump_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille-news/veille/extract/textdump"
)

// Synthetic French dumps, written for these tests, with the kinds of chrome
// real pages carry.

const tickerPage = `  • Accueil
  • Politique
  • Économie
  • Afrique
  • Sport
Breaking News
  • Mali : la junte annonce un nouveau calendrier électoral   |   12 Mar 2024

  • Sénégal : le président reçoit les partis d'opposition   |   12 Mar 2024

  • Niger : réouverture partielle de la frontière avec le Bénin   |   11 Mar 2024

Coopération : une mission économique à Niamey

Jean Kaboré 12 Mar 2024 Afrique, Économie 1 204 Lectures

Une mission économique conduite par le ministre du Commerce est arrivée lundi à Niamey pour trois jours de rencontres avec les opérateurs privés et les autorités de la transition.

Les échanges ont porté sur l'approvisionnement en carburant, la sécurisation des corridors routiers et le financement des petites et moyennes entreprises de la région.

Selon un communiqué publié à l'issue de la première journée, les deux délégations se sont accordées sur la création d'un comité mixte chargé du suivi des engagements.

Mots clés niger commerce corridors
Facebook Twitter WhatsApp Telegram Email

Articles similaires

Mali : la junte annonce un nouveau calendrier électoral

Mali : la junte annonce un nouveau calendrier électoral

Leave a Reply Cancel reply

© Le Journal du Sahel, tous droits réservés
{{playListTitle}}
  • {{ index + 1 }}
`

const seoListPage = `la délégation est arrivée jeudi à Bamako pour une visite de travail de deux jours, à l'invitation du ministre de la Défense, afin de faire le point sur les accords signés l'an dernier.
Un programme chargé / Des rencontres au plus haut niveau
Au cours de cette première journée, les deux délégations ont passé en revue les projets en cours, notamment dans les domaines de la formation et de la logistique.
- Recette facile : le gâteau au yaourt sans balance en dix minutes
- Football : le club local recrute un nouvel entraîneur pour la saison
- Beauté : cinq astuces naturelles pour des cheveux plus brillants
- Voyage : les plus belles plages à découvrir cet été en Europe
Une coopération appelée à durer
À l'issue des entretiens, le ministre a salué la qualité des échanges et annoncé la tenue d'une prochaine session de travail avant la fin de l'année à Bamako.
Les deux parties se sont engagées à renforcer leur coopération dans la durée, au bénéfice de la sécurité des populations de la région.`

const commentsPage = `Accueil
Actualités
Le conseil municipal adopte le budget de l'année

Publié le 4 février 2024

Le conseil municipal a adopté mardi soir le budget de la commune pour l'année en cours, après plus de quatre heures de débats entre la majorité et l'opposition.

Le texte prévoit une hausse des dépenses consacrées à l'entretien des écoles et à l'éclairage public, financée par une meilleure collecte des taxes locales.

L'opposition a voté contre, estimant que les priorités des quartiers périphériques n'avaient pas été suffisamment prises en compte dans les arbitrages.

3 commentaires

Moussa a dit :
Enfin un budget qui pense aux écoles, il était temps que la mairie s'occupe de l'état des salles de classe dans nos quartiers.

Awa a dit :
Je ne suis pas d'accord, les quartiers périphériques sont encore une fois oubliés alors que les besoins y sont immenses depuis des années.

Laisser un commentaire Annuler la réponse
Votre adresse e-mail ne sera pas publiée.
`

// wrappedPage is laid out the way w3m renders a page: long paragraphs
// wrapped at 79 columns.
var wrappedPage = `Accueil | Politique | Économie | Sport
Recherche [                    ]

Sécheresse : les éleveurs du nord face à la pénurie d'eau

Par Fatou Ndiaye
` + wrapText("Dans les villages du nord, les éleveurs parcourent désormais plus de vingt kilomètres chaque jour pour abreuver leurs troupeaux, faute de pluies suffisantes depuis le début de la saison. Les points d'eau traditionnels sont à sec et les forages, trop peu nombreux, sont pris d'assaut dès l'aube.", 79) + `

` + wrapText("Les services de l'élevage estiment que près d'un tiers du cheptel pourrait être menacé si la situation ne s'améliore pas d'ici deux mois. Ils appellent à la mise en place rapide de points d'abreuvement temporaires le long des couloirs de transhumance.", 79) + `

` + wrapText("Sur le terrain, les organisations d'éleveurs demandent surtout que les aides annoncées arrivent avant le pic de la saison sèche, lorsque les animaux sont les plus fragiles.", 79) + `

Partager
Articles similaires
  • La pluie revient enfin dans le sud du pays
  • Le prix du mil augmente sur les marchés
`

// wrapText word-wraps s at width columns like w3m.
func wrapText(s string, width int) string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(out, line), "\n")
}

const captionPage = `Économie
Le port autonome bat un nouveau record de trafic

Le 15 janvier 2024 - 3 min de lecture

[photo-port]
Crédit photo : Archives
Le port autonome a traité l'an dernier un volume de marchandises jamais atteint, porté par la reprise des importations de produits pétroliers et de céréales.

La direction attribue cette performance à l'extension du terminal à conteneurs, mise en service au printemps, qui a réduit de moitié le temps d'attente des navires en rade.

Publicité

Les transitaires se montrent toutefois prudents : la hausse des coûts du fret maritime pourrait freiner l'activité au cours des prochains mois, selon plusieurs professionnels interrogés.
`

const listPage = `Le ministère des Sports a dévoilé lundi le calendrier de la saison prochaine, qui comptera davantage de rencontres en semaine afin d'alléger le programme des week-ends.

La fédération a précisé que les dates pourraient encore évoluer en fonction des compétitions continentales et des conditions de sécurité dans certaines villes du pays.

Voici les principales dates retenues :
  • 14 septembre : ouverture de la saison à Ouagadougou
  • 2 novembre : première journée de coupe nationale
  • 21 décembre : fin de la phase aller
  • 15 mars : reprise de la phase retour

Partager
Facebook Twitter WhatsApp
`

const menuOnlyPage = `  • Accueil
  • Politique
  • Économie
  • Sport
  • Culture
Se connecter
Mentions légales | Politique de confidentialité | Contact
© Le Journal 2024
`

func TestExtractFrench(t *testing.T) {
	tests := []struct {
		name     string
		dump     string
		contains []string // each must be in the body
		excludes []string // none may be in the body
		first    string   // the body starts with this
	}{
		{
			name:  "ticker, byline and trailing chrome",
			dump:  tickerPage,
			first: "Une mission économique conduite par le ministre",
			contains: []string{
				"Les échanges ont porté sur l'approvisionnement",
				"création d'un comité mixte chargé du suivi des engagements.",
			},
			excludes: []string{"Breaking News", "la junte annonce", "Jean Kaboré", "Lectures", "Mots clés", "Facebook",
				"Articles similaires", "Leave a Reply", "tous droits réservés", "{{", "Coopération : une mission économique"},
		},
		{
			name:  "SEO links inside the body, subheadings kept",
			dump:  seoListPage,
			first: "la délégation est arrivée jeudi à Bamako",
			contains: []string{
				"Un programme chargé / Des rencontres au plus haut niveau",
				"Une coopération appelée à durer",
				"annoncé la tenue d'une prochaine session de travail",
				"au bénéfice de la sécurité des populations de la région.",
			},
			excludes: []string{"Recette facile", "Football :", "Beauté :", "Voyage :"},
		},
		{
			name: "standfirst between title and byline is kept, caption is not",
			dump: `  • Accueil
  • Défense
Un vice-ministre russe en visite à Niamey
Coopération : Moscou envoie une délégation militaire au Niger

Publié le :

Une délégation militaire russe est arrivée mardi à Niamey pour discuter de la formation des forces armées nigériennes et de nouvelles livraisons d'équipements.

Par Issa Moussa

La délégation, conduite par un vice-ministre de la Défense, a été reçue par le chef de la transition dans l'après-midi, selon la télévision nationale qui a diffusé des images de l'audience.

Les discussions ont porté sur la lutte contre les groupes armés dans la zone des trois frontières et sur le renforcement des capacités aériennes de l'armée.

© Niamey Actu 2024
`,
			first: "Une délégation militaire russe est arrivée mardi à Niamey",
			contains: []string{
				"a été reçue par le chef de la transition",
				"renforcement des capacités aériennes",
			},
			excludes: []string{"Un vice-ministre russe en visite", "Par Issa Moussa", "Publié le"},
		},
		{
			name: "a lone paragraph after pasted links ends the article",
			dump: `Les ministres de l'Économie des trois pays se sont retrouvés lundi à Ouagadougou pour préparer la mise en place d'une banque commune d'investissement et d'un fonds de stabilisation.

Les experts ont présenté un calendrier qui prévoit l'adoption des statuts de la banque avant la fin de l'année, sous réserve de l'accord des chefs d'État.

- Astuce : dix façons de réduire sa facture d'électricité à la maison
- Immobilier : comment bien choisir son premier appartement en ville
- Santé : les bienfaits méconnus du gingembre au quotidien

Pour les commerçants et les transporteurs, beaucoup reste toutefois à préciser : droits de douane, circulation des marchandises et convertibilité restent en suspens.

- Publicité -

Dans la même rubrique

Kaya : une caravane de sensibilisation contre le paludisme

Une caravane organisée par des associations locales a sillonné les quartiers de la ville...
`,
			first: "Les ministres de l'Économie des trois pays",
			contains: []string{
				"convertibilité restent en suspens.",
			},
			excludes: []string{"Astuce :", "Immobilier :", "Publicité", "Dans la même rubrique", "caravane"},
		},
		{
			name:  "reader comments are not body",
			dump:  commentsPage,
			first: "Le conseil municipal a adopté mardi soir",
			contains: []string{
				"financée par une meilleure collecte des taxes locales.",
				"L'opposition a voté contre",
			},
			excludes: []string{"commentaires", "Moussa", "Enfin un budget", "quartiers périphériques sont encore",
				"Publié le", "Laisser un commentaire", "Le conseil municipal adopte le budget"},
		},
		{
			name:  "wrapped paragraphs are joined",
			dump:  wrappedPage,
			first: "Dans les villages du nord, les éleveurs",
			contains: []string{
				"les forages, trop peu nombreux, sont pris d'assaut dès l'aube.",
				"de points d'abreuvement temporaires le long des couloirs de transhumance.",
				"lorsque les animaux sont les plus fragiles.",
			},
			excludes: []string{"Par Fatou Ndiaye", "Recherche", "Partager", "La pluie revient", "Sécheresse :"},
		},
		{
			name:  "captions, dates, reading time and ads",
			dump:  captionPage,
			first: "Le port autonome a traité l'an dernier",
			contains: []string{
				"réduit de moitié le temps d'attente",
				"Les transitaires se montrent toutefois prudents",
			},
			excludes: []string{"Crédit photo", "[photo-port]", "3 min de lecture", "Publicité", "Le 15 janvier 2024"},
		},
		{
			name:  "a list the article introduces is body",
			dump:  listPage,
			first: "Le ministère des Sports a dévoilé lundi",
			contains: []string{
				"Voici les principales dates retenues :",
				"14 septembre : ouverture de la saison à Ouagadougou",
				"15 mars : reprise de la phase retour",
			},
			excludes: []string{"Partager", "Facebook"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := textdump.Extract(tt.dump, nil)
			checkResult(t, tt.dump, r)
			if !strings.HasPrefix(r.Text, tt.first) {
				t.Errorf("body starts with %.60q, want %q", r.Text, tt.first)
			}
			for _, s := range tt.contains {
				if !strings.Contains(r.Text, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tt.excludes {
				if strings.Contains(r.Text, s) {
					t.Errorf("body contains %q", s)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", r.Text)
			}
		})
	}
}

func TestExtractParagraphs(t *testing.T) {
	r := textdump.Extract(wrappedPage, nil)
	paras := strings.Split(r.Text, "\n\n")
	if len(paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3:\n%s", len(paras), r.Text)
	}
	for _, p := range paras {
		if strings.Contains(p, "\n") {
			t.Errorf("paragraph keeps a line break: %q", p)
		}
	}
	// The body lines are those of the three wrapped paragraphs.
	for _, i := range r.Body {
		if strings.TrimSpace(r.Lines[i]) == "" {
			t.Errorf("body line %d is blank", i)
		}
	}
}

func TestExtractNoBody(t *testing.T) {
	tests := map[string]string{
		"empty":       "",
		"blank lines": "\n\n  \n\t\n",
		"menu only":   menuOnlyPage,
		"one word":    "Bonjour",
		"binary":      "\x00\x01\x02\xff\xfe\x7f",
	}
	for name, dump := range tests {
		t.Run(name, func(t *testing.T) {
			r := textdump.Extract(dump, nil)
			checkResult(t, dump, r)
			if r.Text != "" || len(r.Body) != 0 || r.Start != 0 || r.End != 0 {
				t.Errorf("got body %q (lines %d-%d), want none", r.Text, r.Start, r.End)
			}
		})
	}
}

func TestExtractLines(t *testing.T) {
	r := textdump.Extract("a\r\nb\n\nc", nil)
	want := []string{"a", "b", "", "c"}
	if strings.Join(r.Lines, "|") != strings.Join(want, "|") {
		t.Errorf("Lines = %q, want %q", r.Lines, want)
	}
	r = textdump.Extract("  indentation gardée  \n", nil)
	if r.Lines[0] != "  indentation gardée  " {
		t.Errorf("Lines[0] = %q, want it untrimmed", r.Lines[0])
	}
}

func TestExtractHugeLine(t *testing.T) {
	sentence := "La délégation a rencontré les autorités de la transition pour parler de la coopération. "
	dump := "Accueil\n\n" + strings.Repeat(sentence, 20000) + "\n\nPartager\n"
	r := textdump.Extract(dump, nil)
	checkResult(t, dump, r)
	if len(r.Body) != 1 || r.Body[0] != 2 {
		t.Errorf("Body = %v, want the one long line", r.Body)
	}
}

func TestExtractInvalidUTF8(t *testing.T) {
	p := "Les échanges ont porté sur la sécurité des corridors et le financement des entreprises de la région, selon le communiqué."
	q := "Le ministre a salué la qualité des discussions et annoncé une nouvelle rencontre avant la fin de l'année à Niamey."
	dump := "Menu\n\n" + p + "\xff\xfe\n\n" + q[:40] + "\xc3" + q[41:] + "\n"
	r := textdump.Extract(dump, nil)
	checkResult(t, dump, r)
	if r.Text == "" {
		t.Error("no body")
	}
}

// checkResult checks the invariants of a Result.
func checkResult(t *testing.T, dump string, r textdump.Result) {
	t.Helper()
	prev := -1
	for _, i := range r.Body {
		if i < 0 || i >= len(r.Lines) || i <= prev {
			t.Fatalf("Body indices %v invalid or not increasing (%d lines)", r.Body, len(r.Lines))
		}
		prev = i
	}
	if len(r.Body) == 0 {
		if r.Start != 0 || r.End != 0 || r.Text != "" {
			t.Errorf("empty body with Start %d End %d Text %q", r.Start, r.End, r.Text)
		}
	} else if r.Start != r.Body[0] || r.End != r.Body[len(r.Body)-1]+1 {
		t.Errorf("Start/End %d/%d do not match Body %v", r.Start, r.End, r.Body)
	}
	if utf8.ValidString(dump) && !utf8.ValidString(r.Text) {
		t.Errorf("Text is not valid UTF-8")
	}
	if strings.Contains(r.Text, "\n\n\n") || strings.HasPrefix(r.Text, "\n") || strings.HasSuffix(r.Text, "\n") {
		t.Errorf("Text paragraphs badly joined: %q", r.Text)
	}
}
