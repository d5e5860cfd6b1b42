package htmlpage

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille"
	"golang.org/x/net/html"
)

// newsTitle is the headline of the pages newsPage builds.
const newsTitle = "Niamey et Bamako renforcent leur coopération sur le fleuve"

// newsBody is the article text of the pages newsPage builds: no date in
// it, so that any date found comes from the markup around it.
var newsBody = []string{
	"Les ministres chargés de l'hydraulique du Niger et du Mali se sont retrouvés à Niamey pour examiner la gestion commune du fleuve et des barrages qui le jalonnent.",
	"Les deux délégations ont passé en revue les projets d'irrigation en cours, les besoins des riziculteurs et les mesures à prendre pendant la saison sèche, lorsque le débit baisse fortement.",
	"Un comité technique conjoint sera chargé de suivre ces engagements et de proposer un calendrier de travaux aux deux gouvernements avant la prochaine réunion ministérielle.",
}

// newsPage builds a French news page: a site header with today's date and
// a ticker, the article (kicker, headline, byline, body, more) and after
// it whatever after holds, then a footer with a date. head goes into
// <head>.
func newsPage(head, byline, more, after string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>` + newsTitle + ` - Le Courrier du Fleuve</title>`)
	b.WriteString(`<meta property="og:site_name" content="Le Courrier du Fleuve">` + head + `</head><body>`)
	b.WriteString(`<header class="site-header"><span class="today">mardi 20 mai 2025</span><nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav></header>`)
	b.WriteString(`<div class="breaking"><ul><li><a href="/a">Zinder : ouverture du marché de bétail</a> <span class="date">19/05/2025</span></li><li><a href="/b">Dosso : la saison des pluies se prépare</a> <span class="date">18/05/2025</span></li></ul></div>`)
	b.WriteString(`<div id="content"><div class="article"><p class="kicker">Environnement</p><h1>` + newsTitle + `</h1>` + byline + `<div class="texte">`)
	for _, p := range newsBody {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString(more + `</div></div>` + after + `</div>`)
	b.WriteString(`<footer><p>Le Courrier du Fleuve © 2025 – mis en ligne le 20/05/2025</p></footer></body></html>`)
	return b.String()
}

// Chrome blocks that carry dates that are not the article's.
const (
	relatedList  = `<section class="related-posts"><h3>Articles similaires</h3><ul><li><a href="/c">Gao : la route nationale rouverte</a> <time datetime="2025-05-12">12/05/2025</time></li><li><a href="/d">Ségou : le festival revient</a> <time datetime="2025-05-10">10/05/2025</time></li></ul></section>`
	comments     = `<section id="comments"><h3>3 commentaires</h3><div class="comment"><div class="comment-author">Moussa K.</div><time datetime="2025-05-14T14:02">14/05/2025 à 14:02</time><p>Enfin une bonne nouvelle pour les riziculteurs.</p></div></section>`
	plainRelated = `<div id="memes"><h4>Dans la même rubrique</h4><ul><li><a href="/e">Tillabéri : des semences pour les producteurs</a> <span>(19/05/2025)</span></li><li><a href="/f">Agadez : la foire artisanale reportée</a> <span>(18/05/2025)</span></li></ul></div>`
	plainComment = `<div id="avis"><h4>Réactions des lecteurs (2)</h4><div><b>Abdou</b> <i>le 29/01/2024 à 21h03</i><p>Une décision attendue depuis longtemps.</p></div><div><b>Salamatou</b> <i>le 30/01/2024 à 10h48</i><p>Il fallait le faire.</p></div></div>`
	sideBox      = `<aside><h3>Agenda</h3><p>Conférence le 22/05/2025 à 10h00</p></aside>`
)

func TestDates(t *testing.T) {
	tests := []struct {
		name, url, head, byline, more, after string
		published, from, updated             string
	}{
		{name: "json-ld in @graph beats the byline, seconds kept",
			head:      `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Le Courrier du Fleuve"},{"@type":"NewsArticle","headline":"` + newsTitle + `","datePublished":"2024-02-05T07:45:10+00:00","dateModified":"2024-02-06T09:00:00+00:00"}]}</script>`,
			byline:    `<p class="byline">Par Awa Maïga · <time datetime="2024-02-04">4 février 2024</time></p>`,
			published: "2024-02-05T07:45:10", from: FromJSONLD, updated: "2024-02-06T09:00:00"},
		{name: "json-ld WebPage when there is no article object",
			head:      `<script type="application/ld+json">{"@type":"WebPage","datePublished":"2024-02-05T07:45"}</script>`,
			published: "2024-02-05T07:45", from: FromJSONLD},
		{name: "meta beats the byline, refined by an agreeing time",
			head:      `<meta property="article:published_time" content="2024-02-05">`,
			byline:    `<p class="byline">Par Awa Maïga, le <time datetime="2024-02-05T07:45">5 février 2024 à 07h45</time></p>`,
			published: "2024-02-05T07:45", from: FromTimeElement},
		{name: "meta itemprop datePublished",
			head:      `<meta itemprop="datePublished" content="2024-02-05T07:45:00">`,
			published: "2024-02-05T07:45:00", from: FromMeta},
		{name: "byline time near the headline, not the header date nor the ticker",
			byline:    `<p class="byline">Par Awa Maïga · <time datetime="2024-02-05T07:45">5 février 2024</time></p>`,
			after:     relatedList + comments,
			published: "2024-02-05T07:45", from: FromTimeElement},
		{name: "published and updated times of a WordPress byline",
			byline:    `<div class="entry-meta"><time class="entry-date published" datetime="2024-02-05T07:45">05/02/2024</time> <time class="updated" datetime="2024-02-06T10:12:30">Mis à jour le 06/02/2024</time></div>`,
			published: "2024-02-05T07:45", from: FromTimeElement, updated: "2024-02-06T10:12:30"},
		{name: "update labelled in text beside a time",
			byline:    `<div class="meta"><time datetime="2024-02-05">5 février 2024</time> <span>Mis à jour le <time datetime="2024-02-07">7 février</time></span></div>`,
			published: "2024-02-05", from: FromTimeElement, updated: "2024-02-07"},
		{name: "labelled dates in a date element",
			byline:    `<div class="date">Publié le 5 février 2024 à 07h45, mis à jour le 6 février 2024 à 10h12</div>`,
			published: "2024-02-05T07:45", from: FromByline, updated: "2024-02-06T10:12"},
		{name: "date line without markup next to the headline",
			byline:    `<p><b>Awa Maïga</b>, 05/02/2024 à 07h45</p>`,
			after:     plainRelated,
			published: "2024-02-05T07:45", from: FromByline},
		{name: "date line at the end of the article, read by htmldate",
			more:      `<p>Publié le 05/02/2024</p>`,
			after:     plainRelated,
			published: "2024-02-05", from: FromText},
		{name: "only an update time: no publication date",
			byline:  `<p class="updated">Mis à jour le 6 février 2024 à 10h12</p>`,
			updated: "2024-02-06T10:12"},
		{name: "date in the URL when the page states none",
			url:       "https://fleuve.example/2024/02/05/cooperation-fleuve.html",
			published: "2024-02-05", from: FromURL},
		// The page states no date for its article: none is invented.
		{name: "no date: header, ticker, related list, comments, footer",
			byline: `<p class="byline">Par Awa Maïga</p>`, after: relatedList + comments},
		{name: "no date: unmarked related list and comments",
			after: plainRelated + plainComment + sideBox},
		{name: "no date: comment list inside the article",
			more: `<ol class="comment-list"><li><span>Issa</span> <time datetime="2024-03-01T08:00">01/03/2024</time><p>Bonne initiative.</p></li><li><span>Ali</span> <time datetime="2024-03-02T09:00">02/03/2024</time><p>À suivre.</p></li></ol>`},
		{name: "no date: event dates in the running text",
			more: `<p>La précédente réunion, le 30 septembre 2022 à Bamako, avait été consacrée aux crues. Les deux pays s'étaient alors engagés à partager leurs données hydrologiques chaque semaine pendant la saison des pluies.</p>`},
		{name: "no date: a related article's JSON-LD in the sidebar",
			after: `<aside class="sidebar"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Autre","datePublished":"2025-05-01T10:00:00Z"}</script><a href="/g">Autre article</a></aside>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := newsPage(tt.head, tt.byline, tt.more, tt.after)
			a, _, err := Extract(context.Background(), page, Options{URL: tt.url})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published.String() != tt.published || a.PublishedFrom != tt.from {
				t.Errorf("published = %q from %q, want %q from %q", a.Published, a.PublishedFrom, tt.published, tt.from)
			}
			if a.Updated.String() != tt.updated {
				t.Errorf("updated = %q, want %q", a.Updated, tt.updated)
			}
			if !strings.HasPrefix(a.Text, newsBody[0][:40]) {
				t.Errorf("body starts %.80q", a.Text)
			}
		})
	}
}

func TestParseStated(t *testing.T) {
	tests := []struct {
		in, want string
		p        veille.Precision
	}{
		{"2024", "2024", veille.PrecisionYear},
		{"2024-03", "2024-03", veille.PrecisionMonth},
		{"2024-03-14", "2024-03-14", veille.PrecisionDay},
		{"2024-03-14T09:30", "2024-03-14T09:30", veille.PrecisionMinute},
		{"2024-03-14T09:30+01:00", "2024-03-14T09:30", veille.PrecisionMinute},
		{"2024-03-14T09:30:12+01:00", "2024-03-14T09:30:12", veille.PrecisionSecond},
		{"2024-03-14T09:30:00Z", "2024-03-14T09:30:00", veille.PrecisionSecond},
		{"2024-03-14 09:30:00.123", "2024-03-14T09:30:00", veille.PrecisionSecond},
		{"Sat, 07 Oct 2023 08:30:12 GMT", "2023-10-07T08:30:12", veille.PrecisionSecond},
		{"14/03/2024 09h30", "2024-03-14T09:30", veille.PrecisionMinute},
		// Refused: not a date, impossible, before 1995, in the future.
		{"", "", veille.PrecisionNone},
		{"demain", "", veille.PrecisionNone},
		{"2024-02-30", "", veille.PrecisionNone},
		{"9999-99-99T99:99", "", veille.PrecisionNone},
		{"1990-05-01", "", veille.PrecisionNone},
		{time.Now().AddDate(1, 0, 0).Format("2006-01-02"), "", veille.PrecisionNone},
	}
	for _, tt := range tests {
		d, ok := parseStated(tt.in)
		if d.String() != tt.want || d.Precision != tt.p || ok != (tt.want != "") {
			t.Errorf("parseStated(%q) = %q %v %v, want %q %v", tt.in, d, d.Precision, ok, tt.want, tt.p)
		}
	}
}

func TestDatesInText(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Publié le 1er mars 2024 à 10h05", []string{"2024-03-01T10:05"}},
		{"Vendredi 12 avril 2024", []string{"2024-04-12"}},
		{"April 4, 2025 5:20 PM GMT", []string{"2025-04-04T17:20"}},
		{"le 29/01/2024 à 21h03", []string{"2024-01-29T21:03"}},
		{"07/10/2023 08:30:12", []string{"2023-10-07T08:30:12"}},
		{"12/25/2023", []string{"2023-12-25"}},
		{"(avril 2024)", []string{"2024-04"}},
		{"Publié le 5 févr. 2024, mis à jour le 2024-02-06T10:12", []string{"2024-02-05", "2024-02-06T10:12"}},
		{"3 min de lecture", nil},
		{"Tél. 20 72 33 44", nil},
		{"le 31/02/2024", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range datesInText(tt.in) {
			got = append(got, d.date.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("datesInText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAuthors(t *testing.T) {
	tests := []struct {
		name, head, byline, after string
		want                      []string
	}{
		{name: "signature with an author span",
			byline: `<div class="signature">Par <span class="auteur">Zara Moussa</span></div>`,
			want:   []string{"Zara Moussa"}},
		{name: "byline text with a date",
			byline: `<p class="byline">Par Awa Maïga et Idrissa Koné · 5 février 2024</p>`,
			want:   []string{"Awa Maïga", "Idrissa Koné"}},
		{name: "rel=author link",
			byline: `<p>Un article de <a rel="author" href="/auteurs/ib">Ibrahim Sangaré</a></p>`,
			want:   []string{"Ibrahim Sangaré"}},
		{name: "json-ld author",
			head: `<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Fanta Coulibaly"}}</script>`,
			want: []string{"Fanta Coulibaly"}},
		// Negative cases: nobody is bylined.
		{name: "comment authors are not authors",
			after: comments + plainComment},
		{name: "the site is not an author",
			byline: `<p class="author">Le Courrier du Fleuve</p>`},
		{name: "a placeholder is not an author",
			byline: `<p class="signature">Par La Rédaction</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Extract(context.Background(), newsPage(tt.head, tt.byline, "", tt.after), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(a.Authors, tt.want) {
				t.Errorf("authors = %q, want %q", a.Authors, tt.want)
			}
			for _, n := range append([]string{"Par ", "Moussa K."}, tt.want...) {
				if strings.Contains(a.Text, n) {
					t.Errorf("body holds byline text %q: %.100q", n, a.Text)
				}
			}
		})
	}
}

func TestDropLead(t *testing.T) {
	title := "Le fleuve Niger au cœur des discussions"
	body := "Les ministres se sont retrouvés à Niamey pour examiner la gestion commune du fleuve et des barrages qui le jalonnent."
	l := lead{title: title, kickers: []string{"Environnement"}, authors: []string{"Awa Maïga"}}
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"kicker, title and separator", []string{"Environnement", title, "·", body}, []string{body}},
		{"unknown kicker before the title", []string{"Exclusif", title, body}, []string{body}},
		{"byline and reading time", []string{"Par Awa Maïga | 5 février 2024 à 07h45", "3 min de lecture", body}, []string{body}},
		{"date line", []string{"Publié le 05/02/2024", body}, []string{body}},
		{"section label alone", []string{"Environnement", body}, []string{body}},
		{"body starting with the title", []string{title + " " + body}, []string{body}},
		// Kept: text that is not the lead.
		{"short first paragraph", []string{"Le calme est revenu.", body}, []string{"Le calme est revenu.", body}},
		{"subheading first, no title after it", []string{"Analyse", body, title}, []string{"Analyse", body, title}},
		{"name of someone else", []string{"Par Jean Dupont, correspondant", body}, []string{"Par Jean Dupont, correspondant", body}},
		{"paragraph starting with the title's first words", []string{"Le fleuve Niger au cœur des discussionsions entre riverains et éleveurs du delta intérieur depuis des années."}, []string{"Le fleuve Niger au cœur des discussionsions entre riverains et éleveurs du delta intérieur depuis des années."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dropLead(slices.Clone(tt.in), l); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLeadOfPage(t *testing.T) {
	// The kicker, headline and byline inside the extracted block stay out
	// of the body.
	byline := `<p class="byline">Par <span class="author">Awa Maïga</span> &middot; <time datetime="2024-02-05">5 février 2024</time></p>`
	page := strings.Replace(newsPage("", "", "", ""), `<div class="texte">`, byline+`<div class="texte">`, 1)
	page = strings.Replace(page, `<div class="article">`, `<article class="story">`, 1)
	page = strings.Replace(page, `</div></div><footer>`, `</div></article></div><footer>`, 1)
	a, _, err := Extract(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(a.Text, newsBody[0]) {
		t.Errorf("body starts %.120q", a.Text)
	}
	if a.Published.String() != "2024-02-05" {
		t.Errorf("published = %q", a.Published)
	}
}

func TestFindLayout(t *testing.T) {
	page := strings.Replace(newsPage("", `<p class="byline">Par Awa Maïga</p>`, "", relatedList+plainRelated+plainComment),
		`<span class="today">`, `<h1 class="logo">Le Courrier du Fleuve</h1><span class="today">`, 1)
	doc, err := parse(page)
	if err != nil {
		t.Fatal(err)
	}
	l := findLayout(doc, newsTitle, newsBody)
	if got := l.headingText(); got != newsTitle {
		t.Errorf("headline = %q, want the article's, not the logo's", got)
	}
	if l.container == nil || attrOf(l.container, "class") != "article" {
		t.Errorf("container = %v, want div.article", l.container)
	}
	if l.bodyStart == nil || !strings.HasPrefix(textOf(l.bodyStart), "Les ministres") {
		t.Errorf("body start = %v", l.bodyStart)
	}
	if kk := l.kickers(); !slices.Equal(kk, []string{"Environnement"}) {
		t.Errorf("kickers = %q", kk)
	}
	// Chrome: the site header, the ticker, the related lists and the
	// comments, by tag, class or heading; never the article.
	for _, c := range []struct {
		text   string
		chrome bool
	}{
		{"mardi 20 mai 2025", true},
		{"Zinder : ouverture du marché de bétail", true},
		{"Gao : la route nationale rouverte", true},
		{"Tillabéri : des semences pour les producteurs", true},
		{"Une décision attendue depuis longtemps.", true},
		{"Par Awa Maïga", false},
		{newsBody[1], false},
	} {
		n := findText(doc, c.text)
		if n == nil {
			t.Fatalf("no element holds %q", c.text)
		}
		if l.inChrome(n) != c.chrome {
			t.Errorf("%q: chrome = %v, want %v", c.text, l.inChrome(n), c.chrome)
		}
	}
}

// findText returns the parent element of the text node holding s.
func findText(n *html.Node, s string) *html.Node {
	if n.Type == html.TextNode && strings.Contains(n.Data, s) {
		return n.Parent
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findText(c, s); f != nil {
			return f
		}
	}
	return nil
}
