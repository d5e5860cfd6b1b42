package textdump_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/veille-news/veille/extract/textdump"
)

// siteChrome builds the menu and footer of a synthetic site.
type site struct {
	name, about string
	menu        []string
}

var (
	siteA = site{
		name:  "Le Journal du Sahel",
		about: "Le Journal du Sahel est un média indépendant qui couvre l'actualité politique, économique et culturelle de la région depuis plus de quinze ans, avec des correspondants dans chaque capitale.",
		menu: []string{"Accueil", "Politique", "Économie", "Société", "Culture", "Sport", "International", "Opinions",
			"Vidéos", "Podcasts", "Nous contacter", "Annonces légales", "Archives du journal", "Le Journal du Sahel"},
	}
	siteB = site{
		name:  "Ouaga Matin",
		about: "Ouaga Matin publie chaque jour les nouvelles de la capitale et des provinces, avec une attention particulière aux questions de sécurité, d'éducation et de santé publique.",
		menu: []string{"Une", "Nation", "Régions", "Monde", "Sports", "Santé", "Éducation", "Agriculture",
			"Tribune libre", "Petites annonces", "Abonnements papier", "Ouaga Matin"},
	}
)

// wire is a story both sites publish: shared prose, not chrome.
var wire = []string{
	"Les ministres des Affaires étrangères des trois pays se sont réunis mardi pour préparer le prochain sommet de leur alliance, prévu au début de l'été dans la capitale malienne.",
	"Selon le communiqué final, les discussions ont porté sur la création d'une force commune, la libre circulation des personnes et le financement d'une banque régionale d'investissement.",
	"Les délégations se sont séparées en promettant de se retrouver dans un mois pour arrêter l'ordre du jour définitif du sommet.",
}

// page renders a dump of site s with the given article paragraphs.
func (s site) page(title string, paras []string) string {
	var b strings.Builder
	for _, m := range s.menu {
		b.WriteString("  • " + m + "\n")
	}
	b.WriteString("\n" + title + "\n\n")
	for _, p := range paras {
		b.WriteString(p + "\n\n")
	}
	b.WriteString(s.about + "\n\n")
	b.WriteString("Mentions légales | Contact\n© " + s.name + " 2024\n")
	return b.String()
}

// story returns three distinct paragraphs for story n.
func story(n int, topic string) []string {
	return []string{
		fmt.Sprintf("Le conseil régional a examiné jeudi le dossier numéro %d consacré à %s, en présence des élus et des représentants des associations concernées par le projet.", n, topic),
		fmt.Sprintf("Les débats sur %s ont duré plus de trois heures, plusieurs conseillers demandant des garanties sur le calendrier et le coût total des travaux envisagés cette année.", topic),
		fmt.Sprintf("Le vote définitif sur %s est attendu lors de la prochaine session, une fois les avis techniques rendus par les services de l'État.", topic),
	}
}

var topics = []string{"la route du nord", "le marché central", "l'hôpital de district", "les forages ruraux",
	"la gare routière", "le lycée technique", "l'éclairage public", "le barrage agricole"}

func sitePages() (a, b []string) {
	for i, topic := range topics {
		a = append(a, siteA.page(fmt.Sprintf("Dossier %d : %s", i, topic), story(i, topic)))
		b = append(b, siteB.page(fmt.Sprintf("Région : %s en débat", topic), story(100+i, topic)))
	}
	a = append(a, siteA.page("Diplomatie : vers un sommet de l'alliance", wire))
	b = append(b, siteB.page("Les chefs de la diplomatie préparent le sommet", wire))
	return a, b
}

func TestLearnGroupsSites(t *testing.T) {
	a, b := sitePages()
	tpl := textdump.Learn(append(append([]string{}, a...), b...))
	if got := tpl.Groups(); got != 2 {
		t.Errorf("Groups() = %d, want 2 (one per site)", got)
	}
}

func TestTemplateRemovesSiteChrome(t *testing.T) {
	a, b := sitePages()
	tpl := textdump.Learn(append(append([]string{}, a...), b...))
	for _, page := range append(append([]string{}, a...), b...) {
		plain := textdump.Extract(page, nil)
		learned := textdump.Extract(page, tpl)
		checkResult(t, page, learned)
		for _, about := range []string{siteA.about, siteB.about} {
			if strings.Contains(learned.Text, about) {
				t.Errorf("with the template, the body keeps the site's about text")
			}
		}
		// Without the template the about paragraph, prose right after the
		// article, is part of the body: that is what the template is for.
		if !strings.Contains(plain.Text, siteA.about) && !strings.Contains(plain.Text, siteB.about) {
			t.Errorf("without the template the about text was already dropped; the test shows nothing")
		}
	}
}

func TestTemplateKeepsWireCopy(t *testing.T) {
	a, b := sitePages()
	tpl := textdump.Learn(append(append([]string{}, a...), b...))
	for _, page := range []string{a[len(a)-1], b[len(b)-1]} {
		r := textdump.Extract(page, tpl)
		for _, p := range wire {
			if !strings.Contains(r.Text, p) {
				t.Errorf("wire paragraph shared by two sites was dropped: %.50q", p)
			}
		}
	}
}

var siteC = site{
	name:  "Niamey Express",
	about: "Niamey Express informe ses lecteurs sur la vie de la capitale et du pays, des marchés aux institutions, avec une rédaction installée au cœur de la ville.",
	menu: []string{"Actualités", "Gouvernance", "Marchés", "Quartiers", "Jeunesse", "Environnement", "Faits divers",
		"Météo", "Emploi", "Agenda culturel", "Nos offres", "Niamey Express"},
}

func TestTemplateKeepsWireCopyAcrossSites(t *testing.T) {
	// Three small sites of two pages each, each publishing the wire story
	// once: counted over all pages together, the wire paragraphs would be
	// on half of them and look like chrome; counted per site, they are on
	// one page of each.
	var texts, wirePages []string
	for i, s := range []site{siteA, siteB, siteC} {
		texts = append(texts, s.page("Actualité locale", story(200+i, topics[i])))
		w := s.page("Diplomatie", wire)
		texts = append(texts, w)
		wirePages = append(wirePages, w)
	}
	tpl := textdump.Learn(texts)
	if got := tpl.Groups(); got != 3 {
		t.Errorf("Groups() = %d, want 3", got)
	}
	for _, page := range wirePages {
		r := textdump.Extract(page, tpl)
		for _, p := range wire {
			if !strings.Contains(r.Text, p) {
				t.Errorf("wire paragraph shared by three sites was dropped: %.50q", p)
			}
		}
	}
}

func TestTemplateDuplicates(t *testing.T) {
	// The same dump given several times (or one site's page fetched
	// twice) must not turn its own article into chrome.
	a, _ := sitePages()
	page := a[0]
	tpl := textdump.Learn([]string{page, page, page})
	r := textdump.Extract(page, tpl)
	for _, p := range story(0, topics[0]) {
		if !strings.Contains(r.Text, p) {
			t.Errorf("duplicate dumps made the article chrome: lost %.50q", p)
		}
	}
}

func TestTemplateUnseenPage(t *testing.T) {
	// A page of a learned site that was not among the learned dumps is
	// placed in its site's group.
	a, b := sitePages()
	tpl := textdump.Learn(append(append([]string{}, a[:5]...), b...))
	page := siteA.page("Dossier inédit", story(42, "la nouvelle halle"))
	r := textdump.Extract(page, tpl)
	if strings.Contains(r.Text, siteA.about) {
		t.Error("unseen page of a learned site keeps the site's about text")
	}
	if !strings.Contains(r.Text, "la nouvelle halle") {
		t.Error("unseen page lost its article")
	}
}

func TestTemplateEmpty(t *testing.T) {
	for _, tpl := range []*textdump.Template{nil, textdump.Learn(nil), textdump.Learn([]string{"", "\n\n"})} {
		r := textdump.Extract(tickerPage, tpl)
		if !strings.HasPrefix(r.Text, "Une mission économique") {
			t.Errorf("template %v changed the extraction: %.60q", tpl, r.Text)
		}
		if tpl.Groups() > 2 {
			t.Errorf("Groups() = %d on empty input", tpl.Groups())
		}
	}
}

func BenchmarkLearn(b *testing.B) {
	pages := scrapinghub(b)
	texts := make([]string, len(pages))
	lines := 0
	for i, p := range pages {
		texts[i] = p.text
		lines += strings.Count(p.text, "\n")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		textdump.Learn(texts)
	}
	b.ReportMetric(float64(lines)*float64(b.N)/b.Elapsed().Seconds(), "lines/s")
}
