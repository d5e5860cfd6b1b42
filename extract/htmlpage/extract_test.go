package htmlpage

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille"
)

func readPage(t testing.TB, name string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	page, _, err := DecodeHTML(raw)
	if err != nil {
		t.Fatal(err)
	}
	return page
}

func TestExtractFrenchNews(t *testing.T) {
	page := readPage(t, "fr-news.html")
	a, lang, err := Extract(context.Background(), page, Options{URL: "https://courrier-sahel.example/politique/x?utm=1"})
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		field, got, want string
	}{
		{"title", a.Title, "Sahel : Niamey et Ouagadougou signent un accord de défense commun"},
		{"authors", strings.Join(a.Authors, "|"), "Aminata Ouédraogo|Paul Kaboré"},
		{"site", a.Site, "Le Courrier du Sahel"},
		{"url", a.URL, "https://courrier-sahel.example/politique/2024/03/accord-defense-commun.html"},
		{"published", a.Published.String(), "2024-03-14T09:30:00"},
		{"published precision", a.Published.Precision.String(), "second"},
		{"published_from", a.PublishedFrom, FromJSONLD},
		{"updated", a.Updated.String(), "2024-03-15T18:05:00"},
		{"tags", strings.Join(a.Tags, "|"), "AES|Défense"},
		{"categories", strings.Join(a.Categories, "|"), "Politique"},
		{"language hint", lang, "fr"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	paras := strings.Split(a.Text, "\n\n")
	if len(paras) != 6 {
		t.Errorf("got %d paragraphs, want 6 (5 paragraphs and a subheading):\n%s", len(paras), a.Text)
	}
	if !strings.HasPrefix(a.Text, "Les ministres de la Défense") {
		t.Errorf("body should open on the first paragraph, not the title or byline: %.80q", a.Text)
	}
	if !strings.Contains(a.Text, "\n\nUne coopération élargie au renseignement\n\n") {
		t.Error("subheading inside the article should be kept as its own paragraph")
	}
	if !strings.HasSuffix(a.Text, "lors du prochain sommet de l'Alliance.") {
		t.Errorf("body should end with the last article paragraph: %q", a.Text[max(0, len(a.Text)-80):])
	}
	for _, junk := range []string{
		"Accueil", "Flash info", "reprise des cours", // menu and ticker
		"Facebook", "Partager", // share row
		"cérémonie de signature", "Photo AFP", // caption
		"Lire aussi", "la junte prolonge", // inline cross-reference
		"Publicité", "Advertisement", // ad labels
		"Sur le même sujet", "délégation russe", // related list
		"commentaires", "Moussa", "Votre commentaire", // comments
		"Tous droits réservés",       // footer
		"{{", "Par ", "14 mars 2024", // template, byline, dateline
	} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("body contains %q", junk)
		}
	}
}

func TestExtractNoDate(t *testing.T) {
	a, _, err := Extract(context.Background(), readPage(t, "no-date.html"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.IsZero() || !a.Updated.IsZero() || a.PublishedFrom != "" {
		t.Errorf("page states no date, got published %v (%q), updated %v", a.Published, a.PublishedFrom, a.Updated)
	}
	if !strings.HasPrefix(a.Text, "Le mil est une céréale") {
		t.Errorf("text = %.60q", a.Text)
	}
	if a.Title != "Guide de la culture du mil" {
		t.Errorf("title = %q", a.Title)
	}
}

func TestExtractWindows1252(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "cp1252.html"))
	if err != nil {
		t.Fatal(err)
	}
	page, cs, err := DecodeHTML(raw)
	if err != nil {
		t.Fatal(err)
	}
	if cs != "windows-1252" {
		t.Errorf("charset = %q, want windows-1252", cs)
	}
	a, lang, err := Extract(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Les délégations", "« très étroite »", "l’issue", "l’été."} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q: %.120q", want, a.Text)
		}
	}
	if a.Title != "Rencontre à Bamako" || lang != "fr" {
		t.Errorf("title %q lang %q", a.Title, lang)
	}
}

// articlePage wraps head markup and body markup around three paragraphs
// long enough for trafilatura to take them as an article.
func articlePage(head, body string) string {
	p := "<p>" + strings.Repeat("Les délégations ont discuté de la sécurité régionale et de la coopération militaire. ", 4) + "</p>"
	return "<html><head><title>Un titre</title>" + head + "</head><body><article>" + body + p + p + p + "</article></body></html>"
}

func TestExtractDates(t *testing.T) {
	tests := []struct {
		name, url, head, body string
		published, from       string
		updated               string
	}{
		{name: "meta date only is day precision",
			head:      `<meta property="article:published_time" content="2024-03-14">`,
			published: "2024-03-14", from: FromMeta},
		{name: "meta datetime with seconds is second precision, page wall clock kept",
			head:      `<meta property="article:published_time" content="2024-03-14T09:30:12+01:00"><meta property="article:modified_time" content="2024-03-16T10:00:00+01:00">`,
			published: "2024-03-14T09:30:12", from: FromMeta, updated: "2024-03-16T10:00:00"},
		{name: "meta datetime without seconds is minute precision",
			head:      `<meta property="article:published_time" content="2024-03-14T09:30+01:00">`,
			published: "2024-03-14T09:30", from: FromMeta},
		{name: "json-ld datePublished",
			head:      `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-09-02T11:51:00Z"}</script>`,
			published: "2023-09-02T11:51:00", from: FromJSONLD},
		{name: "time element",
			body:      `<p class="date">Publié le <time datetime="2025-04-03">3 avril 2025</time></p>`,
			published: "2025-04-03", from: FromTimeElement},
		{name: "date in URL only",
			url:       "https://example.org/2022/11/05/un-article.html",
			published: "2022-11-05", from: FromURL},
		{name: "no date anywhere", published: ""},
		{name: "update equal to publication is not an update",
			head:      `<meta property="article:published_time" content="2024-03-14T09:30:00Z"><meta property="article:modified_time" content="2024-03-14T09:30:00Z">`,
			published: "2024-03-14T09:30:00", from: FromMeta, updated: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Extract(context.Background(), articlePage(tt.head, tt.body), Options{URL: tt.url})
			if err != nil {
				t.Fatal(err)
			}
			if a.Published.String() != tt.published || a.PublishedFrom != tt.from {
				t.Errorf("published = %q from %q, want %q from %q", a.Published, a.PublishedFrom, tt.published, tt.from)
			}
			if a.Updated.String() != tt.updated {
				t.Errorf("updated = %q, want %q", a.Updated, tt.updated)
			}
		})
	}
}

func TestExtractBadInput(t *testing.T) {
	deep := "<html><body>" + strings.Repeat("<div>", 20000) + strings.Repeat("Texte au fond de la page. ", 40) + strings.Repeat("</div>", 20000) + "</body></html>"
	tests := []struct {
		name    string
		page    string
		opts    Options
		wantErr error // nil: any outcome but a panic
	}{
		{name: "empty", page: "", wantErr: ErrEmpty},
		{name: "blank", page: " \n\t ", wantErr: ErrEmpty},
		{name: "binary", page: "\x00\x01\x02\xff\xfe garbage \x00", wantErr: ErrBinary},
		{name: "invalid utf-8", page: "<p>caf\xe9 \xc3\x28 " + strings.Repeat("mot ", 100) + "</p>"},
		{name: "unclosed tags", page: "<html><body><div><p>Un <b>texte <i>mal <table><tr><td>formé"},
		{name: "only tags", page: "<html><head></head><body></body></html>"},
		{name: "text without markup", page: strings.Repeat("Une phrase sans balise. ", 50)},
		{name: "deeply nested", page: deep},
		{name: "huge single line", page: "<p>" + strings.Repeat("a", 1<<20) + "</p>"},
		{name: "too large", page: strings.Repeat("<p>bla</p>", 100), opts: Options{MaxBytes: 100}, wantErr: ErrTooLarge},
		{name: "20 MB", page: strings.Repeat("<p>Un paragraphe.</p>\n", 20<<20/22), wantErr: ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _, err := Extract(context.Background(), tt.page, tt.opts)
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("err = %v, want %v", err, tt.wantErr)
			}
			if err == nil && !strings.Contains(a.Text+" ", "") {
				t.Error("unreachable")
			}
		})
	}
	t.Run("deep nesting keeps text", func(t *testing.T) {
		a, _, err := Extract(context.Background(), deep, Options{})
		if err != nil || !strings.Contains(a.Text, "Texte au fond de la page.") {
			t.Errorf("err %v, text %.60q", err, a.Text)
		}
	})
}

func TestExtractCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Extract(ctx, readPage(t, "fr-news.html"), Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestTrafilaturaOnly(t *testing.T) {
	text, err := TrafilaturaOnly(readPage(t, "fr-news.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, "Les ministres de la Défense") {
		t.Errorf("baseline lost the article: %.100q", text)
	}
	if _, err := TrafilaturaOnly(""); err == nil {
		t.Error("empty page: want an error")
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, raw, want, charset string
		err                      error
	}{
		{"utf-8 declared", `<meta charset="utf-8"><p>café</p>`, `<meta charset="utf-8"><p>café</p>`, "utf-8", nil},
		{"utf-8 undeclared", `<p>café</p>`, `<p>café</p>`, "utf-8", nil},
		{"utf-8 despite latin-1 declaration", `<meta charset="iso-8859-1"><p>café</p>`, `<meta charset="iso-8859-1"><p>café</p>`, "utf-8", nil},
		{"latin-1 declared", "<meta charset=\"iso-8859-1\"><p>caf\xe9</p>", `<meta charset="iso-8859-1"><p>café</p>`, "windows-1252", nil},
		{"late declaration", "<html><head>" + strings.Repeat(" ", 2000) + "<meta charset=\"koi8-r\"></head><p>\xc4\xc1</p>", "<html><head>" + strings.Repeat(" ", 2000) + "<meta charset=\"koi8-r\"></head><p>да</p>", "koi8-r", nil},
		{"undeclared legacy bytes", "<p>caf\xe9</p>", "<p>café</p>", "windows-1252", nil},
		{"bom", "\xef\xbb\xbf<p>é</p>", "<p>é</p>", "utf-8", nil},
		{"empty", "", "", "utf-8", nil},
		{"binary", "\x00\x00\x01PK\x03\x04", "", "", ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := DecodeHTML([]byte(tt.raw))
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			if got != tt.want || cs != tt.charset {
				t.Errorf("got %q (%s), want %q (%s)", got, cs, tt.want, tt.charset)
			}
		})
	}
}

func TestExtractKeepsWallClock(t *testing.T) {
	a, _, err := Extract(context.Background(), articlePage(`<meta property="article:published_time" content="2024-03-14T23:30:00-05:00">`, ""), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := veille.NewDate(time.Date(2024, 3, 14, 23, 30, 0, 0, time.UTC), veille.PrecisionSecond)
	if a.Published != want {
		t.Errorf("published = %v, want %v", a.Published, want)
	}
}
