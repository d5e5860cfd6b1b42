package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/reuse"
	"github.com/veille-news/veille/tokenize"
)

// NewsArticle is one article of a news corpus (MasakhaNEWS French).
type NewsArticle struct {
	// Name is its URL, else "file:line", e.g. "train-50:12".
	Name     string
	Category string
	Headline string
	Text     string
}

// LoadNews reads the MasakhaNEWS files dev.tsv, test.tsv and train-50.tsv
// under dir (../shared/corpus/masakhanews-fra), in that order, with
// ReadNewsTSV, leaving out the rows without text.
func LoadNews(dir string) ([]NewsArticle, error) {
	var out []NewsArticle
	for _, f := range []string{"dev", "test", "train-50"} {
		docs, err := ReadNewsTSV(filepath.Join(dir, f+".tsv"))
		if err != nil {
			return nil, fmt.Errorf("bench: news: %w", err)
		}
		for _, d := range docs {
			out = append(out, NewsArticle{Name: d.ID, Category: d.Category, Headline: d.Title, Text: d.Text})
		}
	}
	return out, nil
}

// Transforms a derived document of the reuse benchmark is made by.
const (
	TransformCopy      = "copy"      // the same paragraphs under another site's chrome
	TransformMirror    = "mirror"    // the same text byte for byte
	TransformTruncated = "truncated" // the first half of the paragraphs, "read more"
	TransformLead      = "lead"      // the first paragraph rewritten
	TransformWire      = "wire"      // a wire-style rewrite crediting an agency
	TransformInserted  = "inserted"  // a copy with chrome inserted between paragraphs
)

// ReuseDoc is one document of a generated reuse set with what is known
// of it.
type ReuseDoc struct {
	reuse.Doc
	// Source is the id of the original it derives from; "" for an
	// original (a source or a distractor).
	Source string `json:"source,omitempty"`
	// Transform is how it was derived (TransformCopy...), "" for an
	// original.
	Transform string `json:"transform,omitempty"`
	// Article names the corpus article it comes from.
	Article string `json:"article"`
}

// ReuseSet is a generated reuse benchmark: originals, documents derived
// from some of them, and the others as distractors.
type ReuseSet struct {
	Docs []ReuseDoc
	// Sources, Derived and Distractors count the documents of each role.
	Sources, Derived, Distractors int
	// Dropped counts the corpus articles left out because they share
	// text with another one (the corpus's own reuse, whose truth is
	// unknown).
	Dropped int
}

// ReuseSetOptions tune GenerateReuseSet.
type ReuseSetOptions struct {
	// Seed makes the set: the same seed and corpus give the same set.
	Seed uint64
	// Sources is the number of originals documents are derived from
	// (default 200).
	Sources int
	// Distractors caps the other originals kept (0: all).
	Distractors int
}

// siteChrome is a fictional outlet's template: its menu and footer, the
// same on every page of the site.
type siteChrome struct{ name, menu, footer string }

// reuseSites are outlets we made up, with chrome we wrote.
var reuseSites = []siteChrome{
	{"Le Réveil du Sahel", "Accueil | Politique | Économie | Société | Sport | Culture | Contact",
		"© Le Réveil du Sahel. Tous droits réservés. Toute reproduction, même partielle, des contenus de ce site est interdite sans l'accord écrit de la rédaction."},
	{"Kibaru Hebdo", "À la une · Actualités · Régions · International · Opinions · Vidéos",
		"Kibaru Hebdo, le journal qui informe les familles chaque semaine depuis 1998. Siège : avenue du Fleuve, Bamako. Directeur de publication : la rédaction."},
	{"Niger Express", "MENU Accueil Nation Afrique Monde Économie Santé Sport Technologie",
		"Niger Express est édité par une société de presse indépendante. Pour toute question, écrivez à la rédaction via le formulaire de contact du site."},
	{"Faso Actu 24", "ACCUEIL / POLITIQUE / SÉCURITÉ / ÉCONOMIE / SPORT / PEOPLE / PUBLIREPORTAGE",
		"Faso Actu 24 décline toute responsabilité quant au contenu des commentaires publiés par les internautes, qui n'engagent que leurs auteurs respectifs."},
	{"L'Observateur du Golfe", "Accueil Actualité Économie Diplomatie Sports Santé Science Archives",
		"L'Observateur du Golfe utilise des cookies pour mesurer l'audience et améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation."},
	{"Dakar Matin", "Accueil — Politique — Société — Économie — Sport — Culture — International",
		"Dakar Matin, quotidien d'information générale. Abonnez-vous pour soutenir un journalisme libre et indépendant au service de tous les lecteurs."},
	{"La Voix de Lomé", "Accueil | Togo | Afrique | Monde | Économie | Sport | Santé | Technologie",
		"La Voix de Lomé remercie ses annonceurs et ses lecteurs fidèles. Les articles signés n'engagent que la responsabilité de leurs auteurs et non celle du journal."},
	{"Abidjan Direct", "ACTUALITÉS • POLITIQUE • ÉCONOMIE • SOCIÉTÉ • SPORTS • CULTURE • VIDÉOS",
		"Abidjan Direct est membre du groupement des éditeurs de presse en ligne. Signalez une erreur ou un contenu inapproprié à notre équipe de modération."},
	{"Le Messager de Conakry", "Accueil Guinée Afrique Monde Économie Mines Sport Société Tribune",
		"Le Messager de Conakry : retrouvez toute l'actualité de la Guinée et de la sous-région sur notre application mobile, disponible gratuitement sur les boutiques."},
	{"Yaoundé Info", "Accueil > Cameroun > Politique > Économie > Société > Sport > Médias",
		"Yaoundé Info vous remercie de votre visite. Nos contenus sont protégés par le droit d'auteur et ne peuvent être repris sans mention de la source et du lien."},
	{"Tchad Hebdo", "Accueil · Nationale · Région · Afrique · Monde · Sport · Culture · Annonces",
		"Tchad Hebdo paraît chaque jeudi. Les petites annonces sont reçues au siège du journal du lundi au vendredi, de huit heures à seize heures."},
	{"Bénin Soir", "ACCUEIL | ACTUALITÉ | POLITIQUE | ÉCONOMIE | SPORT | FAITS DIVERS | CONTACT",
		"Bénin Soir, l'information du soir en continu. Pour nous proposer un reportage ou un témoignage, contactez la rédaction par courriel ou par téléphone."},
	{"Le Courrier de Nouakchott", "Accueil Mauritanie Sahel Afrique Monde Économie Sport Opinion",
		"Le Courrier de Nouakchott rappelle que les commentaires injurieux ou diffamatoires sont supprimés sans préavis par la modération du site."},
	{"Sahel Regard", "Accueil Dossiers Analyses Entretiens Reportages Vidéos Podcasts Contact",
		"Sahel Regard est un média d'analyse soutenu par ses lecteurs. Chaque contribution, même modeste, nous aide à enquêter en toute indépendance sur la région."},
	{"Kinshasa Flash", "ACCUEIL › POLITIQUE › SÉCURITÉ › ÉCONOMIE › SPORT › CULTURE › DIASPORA",
		"Kinshasa Flash : suivez nos alertes en temps réel sur les réseaux sociaux et recevez chaque matin l'essentiel de l'actualité congolaise dans votre boîte."},
	{"Radio Horizon Info", "Direct | Journaux | Émissions | Actualités | Podcasts | Grille | Contact",
		"Radio Horizon Info émet sur la bande FM dans plusieurs villes du pays. Écoutez nos journaux en direct ou réécoutez nos émissions en podcast sur notre site."},
}

// shareRows, asides and readMores are the chrome we wrote that varies
// from page to page.
var (
	shareRows = []string{
		"Partager : Facebook Twitter WhatsApp LinkedIn E-mail",
		"Partager sur Facebook | Partager sur X | Envoyer par WhatsApp | Imprimer",
		"Partagez cet article avec vos proches",
		"J'aime · Commenter · Partager",
		"Imprimer l'article | Envoyer à un ami | Agrandir le texte",
	}
	asides = []string{
		"PUBLICITÉ",
		"Abonnez-vous à notre lettre d'information quotidienne pour ne rien manquer de l'actualité.",
		"Téléchargez notre application mobile gratuite et recevez nos alertes.",
		"Vous avez une information à nous communiquer ? Écrivez-nous en toute confidentialité.",
		"Publicité — La suite après cette annonce",
		"Rejoignez notre chaîne WhatsApp pour recevoir les dernières informations.",
	}
	readMores = []string{
		"Lire la suite sur notre site partenaire.",
		"La suite de cet article est réservée aux abonnés. Abonnez-vous dès maintenant.",
		"(…) Lire l'article complet",
		"Continuer la lecture",
	}
	wireCities = []string{"OUAGADOUGOU", "BAMAKO", "NIAMEY", "DAKAR", "ABIDJAN", "LOMÉ", "COTONOU",
		"CONAKRY", "YAOUNDÉ", "KINSHASA", "N'DJAMENA", "NOUAKCHOTT", "LIBREVILLE", "ADDIS-ABEBA"}
)

// wireAgency is how a wire-style text credits an agency: a dateline
// mark, a phrase inside a sentence and a closing credit.
type wireAgency struct{ name, dateline, phrase, closing string }

var wireAgencies = []wireAgency{
	{"AFP", "(AFP) -", ", selon l'AFP", "Avec AFP"},
	{"AFP", "(AFP) —", ", a rapporté l'Agence France-Presse", "(Avec AFP)"},
	{"Reuters", "(Reuters) -", ", selon l'agence Reuters", "Avec Reuters"},
	{"APA", "(APA) -", ", rapporte l'APA", "Source : APA"},
	{"AIB", "(AIB) -", ", selon l'Agence d'information du Burkina", "Avec AIB"},
	{"Xinhua", "(Xinhua) -", ", selon l'agence Xinhua", "Source : Xinhua"},
}

// synonyms are the substitutions paraphrases make: a word and the words
// that replace it.
var synonyms = map[string]string{
	"aussi": "également", "également": "aussi", "cependant": "toutefois", "toutefois": "cependant",
	"mais": "toutefois", "environ": "près de", "récemment": "dernièrement", "notamment": "en particulier",
	"rapidement": "vite", "actuellement": "à l'heure actuelle", "déclaré": "affirmé", "indiqué": "précisé",
	"annoncé": "fait savoir", "expliqué": "détaillé", "affirmé": "assuré", "dit": "affirmé",
	"souligné": "insisté sur le fait", "président": "chef de l'État", "gouvernement": "exécutif",
	"problème": "difficulté", "problèmes": "difficultés", "personnes": "individus", "ville": "localité",
	"entreprise": "société", "entreprises": "sociétés", "enfants": "jeunes", "très": "fort",
	"beaucoup": "énormément", "encore": "toujours", "important": "majeur", "importante": "majeure",
	"grand": "vaste", "grande": "vaste", "nombreux": "multiples", "nombreuses": "multiples",
	"début": "commencement", "pays": "territoire", "selon": "d'après", "plusieurs": "divers",
	"population": "populace", "lors": "au moment", "années": "ans", "semaines": "huit jours",
}

// agencyWords are the names that make an article credit a news agency;
// such articles are not made sources, so that the wire kind of the pairs
// depends only on the transforms.
var agencyWords = map[string]bool{
	"AFP": true, "Reuters": true, "AP": true, "APS": true, "AIB": true, "MAP": true, "Xinhua": true,
	"Sputnik": true, "TASS": true, "Novosti": true, "ANP": true, "PANA": true, "APA": true, "dpa": true,
	"France-Presse": true, "Associated": true, "Bloomberg": true, "Anadolu": true, "Interfax": true,
	"Tass": true, "EFE": true, "ANSA": true, "ATS": true, "ACP": true, "AMAP": true, "AGP": true, "AIP": true,
	"ANGOP": true, "MENA": true, "IRNA": true, "Belga": true, "Kyodo": true, "Yonhap": true, "RIA": true,
	"Panapress": true, "XINHUA": true, "REUTERS": true, "DPA": true,
}

// GenerateReuseSet builds a reuse benchmark from corpus articles. The
// articles that share text with an earlier one (ten word 6-grams or more
// in common: the corpus's own reuse, whose truth is unknown) are dropped
// first.
// Then opt.Sources articles, drawn at random among those with at least
// six sentences that credit no news agency, become originals with a
// publication date and one to three derived documents each, on other
// sites and at later dates or none: a copy under other chrome, a mirror
// (same bytes), a truncation, a rewritten lead, two wire-style rewrites
// crediting the same agency, a copy with chrome inserted in the middle.
// The other articles are distractors (same categories: the hard
// negatives). Every page carries its site's chrome; the documents come
// out shuffled.
func GenerateReuseSet(arts []NewsArticle, opt ReuseSetOptions) ReuseSet {
	if opt.Sources <= 0 {
		opt.Sources = 200
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	kept, dropped := dropShared(arts)
	var set ReuseSet
	set.Dropped = dropped
	order := rng.Perm(len(kept))
	var sources, others []int
	for _, k := range order {
		a := kept[k]
		if len(sources) < opt.Sources && len(tokenize.Sentences(a.Text)) >= 6 && !creditsAgency(a.Text) {
			sources = append(sources, k)
		} else {
			others = append(others, k)
		}
	}
	if opt.Distractors > 0 && len(others) > opt.Distractors {
		others = others[:opt.Distractors]
	}
	g := &generator{rng: rng, arts: kept}
	for n, k := range sources {
		set.Docs = append(set.Docs, g.family(n, kept[k])...)
	}
	set.Sources = len(sources)
	set.Derived = len(set.Docs) - len(sources)
	for n, k := range others {
		a := kept[k]
		site := rng.IntN(len(reuseSites))
		d := ReuseDoc{Article: a.Name}
		d.ID = fmt.Sprintf("other-%04d", n)
		d.Site, d.Title = reuseSites[site].name, a.Headline
		d.Published = g.date()
		d.Text = g.page(site, paragraphs(a.Text, rng), nil)
		set.Docs = append(set.Docs, d)
	}
	set.Distractors = len(others)
	rng.Shuffle(len(set.Docs), func(i, j int) { set.Docs[i], set.Docs[j] = set.Docs[j], set.Docs[i] })
	return set
}

// dropShared keeps the articles that share fewer than ten distinct word
// 6-grams (folded) with every earlier kept article: a run of 15 words,
// the shortest passage reuse.Align reports, holds ten.
func dropShared(arts []NewsArticle) (kept []NewsArticle, dropped int) {
	const n, limit = 6, 10
	owner := map[uint64][]int32{} // 6-gram → kept articles holding it
	for _, a := range arts {
		var ws []string
		for _, t := range tokenize.Tokens(a.Text) {
			if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
				ws = append(ws, tokenize.Fold(t.Text))
			}
		}
		seen := map[uint64]bool{}
		var gs []uint64
		for i := 0; i+n <= len(ws); i++ {
			h := hashWords(ws[i : i+n])
			if !seen[h] {
				seen[h] = true
				gs = append(gs, h)
			}
		}
		counts := map[int32]int{}
		shared := false
		for _, h := range gs {
			for _, k := range owner[h] {
				counts[k]++
				if counts[k] >= limit {
					shared = true
				}
			}
		}
		if shared {
			dropped++
			continue
		}
		id := int32(len(kept))
		for _, h := range gs {
			owner[h] = append(owner[h], id)
		}
		kept = append(kept, a)
	}
	return kept, dropped
}

// hashWords is the FNV-1a hash of words joined by spaces.
func hashWords(ws []string) uint64 {
	h := uint64(14695981039346656037)
	for _, w := range ws {
		for i := 0; i < len(w); i++ {
			h ^= uint64(w[i])
			h *= 1099511628211
		}
		h ^= ' '
		h *= 1099511628211
	}
	return h
}

// creditsAgency reports whether text names a news agency.
func creditsAgency(text string) bool {
	for _, t := range tokenize.Tokens(text) {
		if agencyWords[t.Text] {
			return true
		}
	}
	return false
}

// paragraphs splits a corpus text (one line) into paragraphs of two to
// four sentences.
func paragraphs(text string, rng *rand.Rand) []string {
	sents := tokenize.Sentences(text)
	var out []string
	for k := 0; k < len(sents); {
		n := min(2+rng.IntN(3), len(sents)-k)
		out = append(out, text[sents[k].Start:sents[k+n-1].End])
		k += n
	}
	return out
}

// generator draws the documents of a set.
type generator struct {
	rng  *rand.Rand
	arts []NewsArticle
}

// reuseEpoch is the first day originals are dated.
var reuseEpoch = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)

// date draws an original's publication date: a day of 2023–2024, to the
// minute for one in five.
func (g *generator) date() veille.Date {
	t := reuseEpoch.AddDate(0, 0, g.rng.IntN(700))
	if g.rng.IntN(5) == 0 {
		return veille.NewDate(t.Add(time.Duration(6*60+g.rng.IntN(15*60))*time.Minute), veille.PrecisionMinute)
	}
	return veille.NewDate(t, veille.PrecisionDay)
}

// derivedDate draws the date of a document derived from one published at
// src: none for one in ten, the same day (to the day) for one in ten,
// else hours (to the minute, when src is) or days later.
func (g *generator) derivedDate(src veille.Date) veille.Date {
	switch r := g.rng.IntN(10); {
	case src.IsZero() || r == 0:
		return veille.Date{}
	case r == 1:
		return veille.NewDate(src.Time, veille.PrecisionDay)
	case src.Precision == veille.PrecisionMinute && r < 6:
		return veille.NewDate(src.Time.Add(time.Duration(30+g.rng.IntN(20*60))*time.Minute), veille.PrecisionMinute)
	}
	return veille.NewDate(src.Time.AddDate(0, 0, 1+g.rng.IntN(6)), veille.PrecisionDay)
}

// headline returns the headline of a random corpus article, for related
// links.
func (g *generator) headline() string {
	return g.arts[g.rng.IntN(len(g.arts))].Headline
}

// page lays out a page of site: its menu, maybe a ticker, the
// paragraphs, a share row, related links and its footer. extra, when not
// nil, returns chrome to insert after paragraph k.
func (g *generator) page(site int, paras []string, extra func(k int) string) string {
	s := reuseSites[site]
	var b strings.Builder
	b.WriteString(s.menu + "\n\n")
	if g.rng.IntN(2) == 0 {
		b.WriteString("À la une : " + g.headline() + "\n\n")
	}
	for k, p := range paras {
		b.WriteString(p + "\n\n")
		if extra != nil {
			if x := extra(k); x != "" {
				b.WriteString(x + "\n\n")
			}
		}
	}
	b.WriteString(shareRows[g.rng.IntN(len(shareRows))] + "\n\n")
	if g.rng.IntN(3) > 0 {
		b.WriteString("Articles liés\n")
		for range 2 + g.rng.IntN(3) {
			b.WriteString("• " + g.headline() + "\n")
		}
		b.WriteString("\n")
	}
	b.WriteString(s.footer + "\n")
	return b.String()
}

// familyTransforms is the cycle of transforms given to sources in turn.
var familyTransforms = []string{TransformCopy, TransformTruncated, TransformLead, TransformWire, TransformInserted}

// family makes source number n and its derived documents.
func (g *generator) family(n int, a NewsArticle) []ReuseDoc {
	paras := paragraphs(a.Text, g.rng)
	sites := g.rng.Perm(len(reuseSites))
	src := ReuseDoc{Article: a.Name}
	src.ID = fmt.Sprintf("src-%04d", n)
	src.Site, src.Title = reuseSites[sites[0]].name, a.Headline
	if g.rng.IntN(20) > 0 {
		src.Published = g.date()
	}
	src.Text = g.page(sites[0], paras, nil)
	out := []ReuseDoc{src}
	transforms := []string{familyTransforms[n%len(familyTransforms)]}
	if g.rng.IntN(2) == 0 {
		transforms = append(transforms, familyTransforms[(n+2)%len(familyTransforms)])
	}
	if g.rng.IntN(20) == 0 {
		transforms = append(transforms, TransformMirror)
	}
	next := 1
	derive := func(tr string, text string) {
		d := ReuseDoc{Source: src.ID, Transform: tr, Article: a.Name}
		d.ID = fmt.Sprintf("src-%04d-%s-%d", n, tr, next)
		d.Site, d.Title = reuseSites[sites[next]].name, a.Headline
		d.Published = g.derivedDate(src.Published)
		d.Text = text
		next++
		out = append(out, d)
	}
	for _, tr := range transforms {
		site := sites[next]
		switch tr {
		case TransformCopy:
			derive(tr, g.page(site, paras, nil))
		case TransformMirror:
			derive(tr, src.Text)
		case TransformTruncated:
			half := paras[:max(1, (len(paras)+1)/2)]
			derive(tr, g.page(site, append(slices.Clone(half), readMores[g.rng.IntN(len(readMores))]), nil))
		case TransformLead:
			derive(tr, g.page(site, g.rewriteLead(paras), nil))
		case TransformInserted:
			at := map[int]string{}
			for range 1 + g.rng.IntN(2) {
				k := g.rng.IntN(max(len(paras)-1, 1))
				at[k] = g.aside()
			}
			derive(tr, g.page(site, paras, func(k int) string { return at[k] }))
		case TransformWire:
			ag := wireAgencies[g.rng.IntN(len(wireAgencies))]
			derive(tr, g.page(site, g.wire(paras, ag, true), nil))
			derive(tr, g.page(sites[next], g.wire(paras, ag, false), nil))
		}
	}
	return out
}

// aside is a block of chrome inserted in an article: a "read also" link,
// an advertisement, a newsletter box.
func (g *generator) aside() string {
	if g.rng.IntN(2) == 0 {
		return "Lire aussi : " + g.headline()
	}
	return asides[g.rng.IntN(len(asides))] + "\n\n" + shareRows[g.rng.IntN(len(shareRows))]
}

// rewriteLead paraphrases the first paragraph: a sentence is dropped
// (the lead's last when it has three or more, else the second
// paragraph's first), the lead's first sentence moves to its end, words
// are replaced by synonyms (two per sentence at most; a connector starts
// the last sentence when fewer than two could be).
func (g *generator) rewriteLead(paras []string) []string {
	out := slices.Clone(paras)
	lead := sentencesOf(out[0])
	if len(lead) >= 3 {
		lead = lead[:len(lead)-1]
	} else if len(out) > 1 {
		second := sentencesOf(out[1])
		if len(second) > 1 {
			out[1] = strings.Join(second[1:], " ")
		} else {
			out = slices.Delete(out, 1, 2)
		}
	}
	if len(lead) >= 2 {
		lead = append(lead[1:], lead[0])
	}
	done := 0
	for i := range lead {
		var n int
		lead[i], n = g.substitute(lead[i], 2)
		done += n
	}
	if done < 2 {
		// Few words to replace: the rewriter adds a connector.
		k := len(lead) - 1
		lead[k] = connectors[g.rng.IntN(len(connectors))] + lowerFirst(lead[k])
	}
	out[0] = strings.Join(lead, " ")
	return out
}

// connectors are what a rewriter puts before a sentence.
var connectors = []string{"Par ailleurs, ", "De fait, ", "Il faut rappeler que ", "En outre, ", "Pour rappel, "}

// lowerFirst lower-cases the first letter of s, unless the second is a
// capital too (an acronym).
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// wire makes a wire-style rewrite: a dateline with the agency (or, when
// dateline is false, the agency credited in the first sentence), two
// body paragraphs swapped, three words replaced (a connector added when
// fewer than two could be), a closing credit.
func (g *generator) wire(paras []string, ag wireAgency, dateline bool) []string {
	out := slices.Clone(paras)
	if dateline {
		city := wireCities[g.rng.IntN(len(wireCities))]
		out[0] = city + " " + ag.dateline + " " + out[0]
	} else {
		ss := sentencesOf(out[0])
		ss[0] = creditSentence(ss[0], ag.phrase)
		out[0] = strings.Join(ss, " ")
	}
	if len(out) > 2 {
		body := out[1:]
		i := g.rng.IntN(len(body))
		j := g.rng.IntN(len(body))
		for j == i && len(body) > 1 {
			j = g.rng.IntN(len(body))
		}
		body[i], body[j] = body[j], body[i]
	}
	done := 0
	for _, k := range g.rng.Perm(len(out)) {
		var n int
		out[k], n = g.substitute(out[k], 1)
		if done += n; done == 3 {
			break
		}
	}
	if done < 2 {
		k := len(out) - 1
		out[k] = connectors[g.rng.IntN(len(connectors))] + lowerFirst(out[k])
	}
	return append(out, ag.closing)
}

// creditSentence inserts the agency phrase before a sentence's final
// punctuation.
func creditSentence(s, phrase string) string {
	end := len(s)
	for end > 0 && strings.ContainsRune(".!?…»\" ", rune(s[end-1])) {
		end--
	}
	return s[:end] + phrase + s[end:]
}

// sentencesOf splits a paragraph into its sentences.
func sentencesOf(p string) []string {
	var out []string
	for _, s := range tokenize.Sentences(p) {
		out = append(out, p[s.Start:s.End])
	}
	if len(out) == 0 {
		out = []string{p}
	}
	return out
}

// substitute replaces up to max words of s found in synonyms, chosen at
// random, keeping a capital initial, and returns how many it replaced.
func (g *generator) substitute(s string, max int) (string, int) {
	toks := tokenize.Tokens(s)
	var cands []tokenize.Token
	for _, t := range toks {
		if _, ok := synonyms[strings.ToLower(t.Text)]; ok && t.Kind == tokenize.Word {
			cands = append(cands, t)
		}
	}
	g.rng.Shuffle(len(cands), func(i, j int) { cands[i], cands[j] = cands[j], cands[i] })
	cands = cands[:min(max, len(cands))]
	slices.SortFunc(cands, func(a, b tokenize.Token) int { return b.Start - a.Start })
	for _, t := range cands {
		rep := synonyms[strings.ToLower(t.Text)]
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			f, n := utf8.DecodeRuneInString(rep)
			rep = string(unicode.ToUpper(f)) + rep[n:]
		}
		s = s[:t.Start] + rep + s[t.End:]
	}
	return s, len(cands)
}

// WriteReuseSet writes the documents of set under dir, for reading: one
// ID.txt file each (a header with its site, date, source and transform,
// then its text) and docs.jsonl with every document as a JSON object.
func WriteReuseSet(dir string, set ReuseSet) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("bench: reuse set: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "docs.jsonl"))
	if err != nil {
		return fmt.Errorf("bench: reuse set: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, d := range set.Docs {
		if err := enc.Encode(d); err != nil {
			f.Close()
			return fmt.Errorf("bench: reuse set: %w", err)
		}
		head := fmt.Sprintf("id: %s\nsite: %s\npublished: %s\nsource: %s\ntransform: %s\narticle: %s\ntitle: %s\n\n",
			d.ID, d.Site, d.Published, d.Source, d.Transform, d.Article, d.Title)
		if err := os.WriteFile(filepath.Join(dir, d.ID+".txt"), []byte(head+d.Text), 0o644); err != nil {
			f.Close()
			return fmt.Errorf("bench: reuse set: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("bench: reuse set: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("bench: reuse set: %w", err)
	}
	return nil
}
