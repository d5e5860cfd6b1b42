package htmlpage

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/veille-news/veille"
)

func TestIsBoilerplate(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Advertisement", true},
		{"PUBLICITÉ", true},
		{"Lire aussi : Mali : la junte prolonge la transition de deux ans", true},
		{"À lire aussi — Niger : le général Tiani reçoit une délégation", true},
		{"» Lire aussi: Burkina Faso, la nouvelle donne sécuritaire", true},
		{"Read more: Alibaba poised to launch record listing", true},
		{"Photo : AFP", true},
		{"© Reuters", true},
		{"Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité", true},
		{"Téléchargez notre application", true},
		{"Sign up for a free account to get started with the service today", false},
		{"Lire aussi le rapport complet de la commission, publié hier, qui détaille les conclusions de l'enquête menée pendant deux ans dans les trois pays.", false},
		{"La publicité a été interdite dans les rues de la capitale.", false},
		{"Les ministres ont signé l'accord jeudi.", false},
	}
	for _, tt := range tests {
		if got := isBoilerplate(tt.p); got != tt.want {
			t.Errorf("isBoilerplate(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestIsShareRow(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"Facebook Twitter WhatsApp", true},
		{"Partager sur Facebook Partager sur X Envoyer par e-mail", true},
		{"Share 12 Tweet 4", true},
		{"Partager", true},
		{"Facebook a annoncé une nouvelle politique de modération.", false},
		{"Twitter", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := isShareRow(tt.p); got != tt.want {
			t.Errorf("isShareRow(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestIsTemplate(t *testing.T) {
	tests := []struct {
		p    string
		want bool
	}{
		{"{{playListTitle}}", true},
		{"{{ title }} - {{ date }}", true},
		{"Voir la vidéo {{videoTitle}}", true},
		{"Le code {{x}} apparaît dans une longue phrase qui parle d'autre chose et qui continue encore.", false},
		{"Un paragraphe normal.", false},
	}
	for _, tt := range tests {
		if got := isTemplate(tt.p); got != tt.want {
			t.Errorf("isTemplate(%q) = %v, want %v", tt.p, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	long := strings.Repeat("Une phrase du corps de l'article qui apporte une information. ", 3)
	tests := []struct {
		name  string
		in    []string
		title string
		want  []string
	}{
		{"title copy dropped", []string{"Le titre de l'article", long}, "Le titre de l'article", []string{long}},
		{"title with site suffix", []string{"Le titre de l'article | Le Site", long}, "Le titre de l'article", []string{long}},
		{"title not first is kept", []string{long, "Le titre de l'article"}, "Le titre de l'article", []string{long, "Le titre de l'article"}},
		{"trailing related block", []string{long, long, long, "À lire aussi", "Mali : un titre", "Niger : un autre titre"}, "", []string{long, long, long}},
		{"related heading followed by prose: prose kept", []string{long, long, "Related", long}, "", []string{long, long, long}},
		{"ads, share, template", []string{long, "Publicité", "Facebook Twitter", "{{playListTitle}}", long}, "", []string{long, long}},
		{"repeats kept", []string{"Ingrédients", long, "Ingrédients", long}, "", []string{"Ingrédients", long, "Ingrédients", long}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(slices.Clone(tt.in), lead{title: tt.title}); !slices.Equal(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSplitAuthors(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Aminata Ouédraogo et Paul Kaboré", []string{"Aminata Ouédraogo", "Paul Kaboré"}},
		{"Par Fatoumata Diallo", []string{"Fatoumata Diallo"}},
		{"By Jane Doe and John Smith", []string{"Jane Doe", "John Smith"}},
		{"Jane Doe; John Smith, Ali Ba", []string{"Jane Doe", "John Smith", "Ali Ba"}},
		{"Reuters, Washington, Nov", []string{"Reuters", "Washington"}},
		{"Jane Doe; jane doe", []string{"Jane Doe"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := splitAuthors(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPrimaryLang(t *testing.T) {
	for in, want := range map[string]string{
		"fr": "fr", "fr-FR": "fr", "fr_FR": "fr", "EN-us": "en", "fr, en": "fr", "": "", "français": "", "x": "",
	} {
		if got := primaryLang(in); got != want {
			t.Errorf("primaryLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSiteAndTitle(t *testing.T) {
	if got := siteName("https://www.facebook.com/SomePaper", "https://www.somepaper.example/a/b"); got != "somepaper.example" {
		t.Errorf("social publisher: %q", got)
	}
	if got := siteName("https://www.lemonde.fr", ""); got != "lemonde.fr" {
		t.Errorf("url site: %q", got)
	}
	if got := siteName("Le Site; Le Site", ""); got != "Le Site" {
		t.Errorf("repeated site: %q", got)
	}
	if got := stripSiteFromTitle("Burkina : la transition prolongée - Le Courrier", "Le Courrier"); got != "Burkina : la transition prolongée" {
		t.Errorf("title: %q", got)
	}
	if got := stripSiteFromTitle("Burkina : la transition prolongée", "Le Courrier"); got != "Burkina : la transition prolongée" {
		t.Errorf("title without site: %q", got)
	}
	if got := cleanTags([]string{"AES", "@post-id:1", "_no-apple-news", "source:tagname:X", "aes", "Sahel"}); !slices.Equal(got, []string{"AES", "Sahel"}) {
		t.Errorf("tags: %q", got)
	}
}

func TestPrecisionOf(t *testing.T) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		res  htmldate.Result
		want veille.Precision
	}{
		{htmldate.Result{DateTime: d(2024, 3, 14), SrcString: "2024-03-14"}, veille.PrecisionDay},
		{htmldate.Result{DateTime: d(2024, 3, 14), HasTime: true, SrcString: "2024-03-14T09:30:00Z"}, veille.PrecisionSecond},
		{htmldate.Result{DateTime: d(2024, 3, 14), HasTime: true, SrcString: "2024-03-14T09:30Z"}, veille.PrecisionMinute},
		{htmldate.Result{DateTime: d(2024, 3, 14), HasTime: true, SrcString: "14 mars 2024 à 09:30"}, veille.PrecisionMinute},
		{htmldate.Result{DateTime: d(2024, 1, 1), SrcString: "2024"}, veille.PrecisionYear},
		{htmldate.Result{DateTime: d(2024, 3, 1), SrcString: "mars 2024"}, veille.PrecisionMonth},
		{htmldate.Result{DateTime: d(2024, 3, 1), SrcString: "1er mars 2024"}, veille.PrecisionDay},
		{htmldate.Result{DateTime: d(2024, 3, 1), SrcString: "2024-03-01"}, veille.PrecisionDay},
		{htmldate.Result{DateTime: d(2024, 1, 1), SrcString: "2024-01-01"}, veille.PrecisionDay},
		{htmldate.Result{DateTime: d(2024, 1, 1), SrcString: "2024-01"}, veille.PrecisionMonth},
	}
	for _, tt := range tests {
		if got := precisionOf(tt.res); got != tt.want {
			t.Errorf("precisionOf(%q) = %v, want %v", tt.res.SrcString, got, tt.want)
		}
	}
}

func TestPrune(t *testing.T) {
	page := articlePage("", `<div class="Newsletter-box"><p>Inscrivez-vous</p></div><p style="display: none">Texte caché</p><div hidden>Masqué</div>`)
	a, _, err := Extract(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, junk := range []string{"Inscrivez-vous", "Texte caché", "Masqué"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("text keeps %q", junk)
		}
	}
	// An article container whose class looks like furniture stays.
	body := strings.Repeat("<p>"+strings.Repeat("Un long paragraphe de l'article principal. ", 6)+"</p>", 4)
	page = `<html><body><div class="post has-comments">` + body + `</div><ul class="related"><li>Autre</li></ul></body></html>`
	a, _, err = Extract(context.Background(), page, Options{})
	if err != nil || !strings.Contains(a.Text, "Un long paragraphe") {
		t.Errorf("article container pruned: err %v, text %.60q", err, a.Text)
	}
}

func TestContinuation(t *testing.T) {
	part := func(topic string) string {
		return `<div class="article__body grid">` + strings.Repeat("<p>"+topic+" "+strings.Repeat("est un sujet que les journalistes suivent de près dans la région. ", 3)+"</p>", 3) + `</div>`
	}
	card := `<div class="card"><p>Un titre d'article lié, assez court.</p></div>`
	page := `<html><head><title>Titre</title></head><body><article>` +
		part("La sécurité") + `<div class="ad-box"><p>Publicité</p></div>` +
		part("Le commerce") + `<figure><img src="x.jpg"></figure>` + part("La santé") +
		`</article><section class="more">` + card + card + card + `</section></body></html>`
	a, _, err := Extract(context.Background(), page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"La sécurité est", "Le commerce est", "La santé est"} {
		if n := strings.Count(a.Text, want); n != 3 {
			t.Errorf("%q appears %d times, want 3:\n%s", want, n, a.Text)
		}
	}
	if strings.Contains(a.Text, "article lié") {
		t.Error("teaser cards appended")
	}
}
