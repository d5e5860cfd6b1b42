package textdump_test

import (
	"strings"
	"testing"

	"github.com/veille-news/veille/extract/textdump"
)

func TestBullets(t *testing.T) {
	tests := []struct {
		line   string
		bullet bool
		trim   string
	}{
		{"  • Politique", true, "Politique"},
		{"    □ Sous-rubrique", true, "Sous-rubrique"},
		{"- Sport à domicile : conseils", true, "Sport à domicile : conseils"},
		{"* élément", true, "élément"},
		{"· point", true, "point"},
		{"•Collé", true, "Collé"},
		{"-5 °C à Paris", false, "-5 °C à Paris"},
		{"*Note de la rédaction", false, "*Note de la rédaction"},
		{"-- fin --", false, "-- fin --"},
		{"Texte ordinaire", false, "Texte ordinaire"},
		{"", false, ""},
		{"   ", false, ""},
	}
	for _, tt := range tests {
		if got := textdump.IsBullet(tt.line); got != tt.bullet {
			t.Errorf("IsBullet(%q) = %v, want %v", tt.line, got, tt.bullet)
		}
		if got := textdump.TrimBullet(tt.line); got != tt.trim {
			t.Errorf("TrimBullet(%q) = %q, want %q", tt.line, got, tt.trim)
		}
	}
}

func TestIndentAndWidth(t *testing.T) {
	if got := textdump.Indent("    • x"); got != 4 {
		t.Errorf("Indent = %d, want 4", got)
	}
	if got := textdump.Indent("\tx"); got != 8 {
		t.Errorf("Indent(tab) = %d, want 8", got)
	}
	tests := []struct {
		s string
		w int
	}{
		{"abc", 3},
		{"Côte d’Ivoire", 13},
		{"日本語", 6},
		{"e\u0301", 1}, // combining accent
	}
	for _, tt := range tests {
		if got := textdump.Width(tt.s); got != tt.w {
			t.Errorf("Width(%q) = %d, want %d", tt.s, got, tt.w)
		}
	}
}

func TestLineKinds(t *testing.T) {
	tests := []struct {
		line string
		kind textdump.Kind
	}{
		// French chrome.
		{"Partager", textdump.UI},
		{"Publicité", textdump.UI},
		{"  • Accueil", textdump.UI},
		{"Articles similaires", textdump.RelatedHeading},
		{"Vous pourriez aussi aimer", textdump.RelatedHeading},
		{"Lire aussi", textdump.RelatedHeading},
		{"12 commentaires", textdump.RelatedHeading},
		{"Lire aussi : Le Niger ferme sa frontière avec le Bénin", textdump.InlineRelated},
		{"Facebook Twitter WhatsApp Telegram E-mail Imprimer", textdump.ShareRow},
		{"Suivez-nous sur Facebook, X et YouTube", textdump.ShareRow},
		{"© Le Journal 2024, tous droits réservés", textdump.Copyright},
		{"En utilisant ce site, vous acceptez la Politique de confidentialité et les Conditions d'utilisation.", textdump.UI},
		{"Nous utilisons des cookies pour améliorer votre expérience sur notre site.", textdump.UI},
		{"Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", textdump.UI},
		{"Nom * [                              ]", textdump.UI},
		{"Par Aminata Traoré", textdump.Byline},
		{"Par", textdump.Byline},
		{"Publié le 3 avril 2025 à 11h51", textdump.DateLine},
		{"Dernière mise à jour: 3 avril 2025 11h51", textdump.DateLine},
		{"2 mn(s) de lecture", textdump.ReadingTime},
		{"Crédit photo : AFP", textdump.Credit},
		{"Légende image, Le président de la Transition à Ouagadougou", textdump.Credit},
		{"Marie Dupont a dit :", textdump.CommentHeader},
		{"{{playListTitle}}", textdump.Placeholder},
		{"[logo-du-site]", textdump.Media},
		{"[INS::INS]", textdump.Media},
		// English chrome.
		{"Share this article", textdump.RelatedHeading},
		{"Top Rated Comments", textdump.RelatedHeading},
		{"By Jane Doe and John Smith", textdump.Byline},
		{"Nov. 19, 2019 8:03 am ET", textdump.DateLine},
		{"5 min read", textdump.ReadingTime},
		{"jdoe says:", textdump.CommentHeader},
		{"READ MORE: China plague outbreak confirmed", textdump.InlineRelated},
		// Text, including sentences that look like chrome at first sight.
		{"Par ailleurs, le 28 décembre 2023, la Russie a rouvert son ambassade à Ouagadougou.", textdump.Text},
		{"Une réunion de travail constructive", textdump.Text},
		{"By the time the delegation arrived, the talks had already started in the capital.", textdump.Text},
		{"WeWork declined to comment.", textdump.Text},
		{"Les discussions ont porté sur la coopération militaire entre les deux pays.", textdump.Text},
	}
	for _, tt := range tests {
		if got := textdump.AnalyzeLine(tt.line).Kind; got != tt.kind {
			t.Errorf("AnalyzeLine(%q).Kind = %v, want %v", tt.line, got, tt.kind)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		line       string
		has, whole bool
	}{
		{"Publié le 2 septembre 2023", true, true},
		{"02 Sep 2023", true, true},
		{"2023-09-02", true, true},
		{"le 02/09/2023 à 14h30", true, true},
		{"Fatima Diallo 02 Sep 2023 Politique, Russie 734 Lectures", true, false},
		{"La délégation est arrivée le 31 août 2023 à Ouagadougou pour deux jours de travail.", true, false},
		{"May we all agree on this", false, false},
		{"Le score était de 3-2 à la mi-temps", false, false},
		{"", false, false},
	}
	for _, tt := range tests {
		if got := textdump.HasDate(tt.line); got != tt.has {
			t.Errorf("HasDate(%q) = %v, want %v", tt.line, got, tt.has)
		}
		if got := textdump.IsDateLine(tt.line); got != tt.whole {
			t.Errorf("IsDateLine(%q) = %v, want %v", tt.line, got, tt.whole)
		}
	}
}

func TestStopwordRatio(t *testing.T) {
	tests := []struct {
		s    string
		lang textdump.Language
		min  float64
	}{
		{"Les entretiens ont mis en lumière l'importance de la coopération entre les deux pays.", textdump.French, 0.4},
		{"The delegation met the president of the transition in the capital on Saturday.", textdump.English, 0.4},
		{"La delegación se reunió con el presidente de la transición en la capital.", textdump.Spanish, 0.4},
	}
	for _, tt := range tests {
		r, lang := textdump.StopwordRatio(tt.s)
		if lang != tt.lang || r < tt.min {
			t.Errorf("StopwordRatio(%q) = %.2f, %v; want >= %.2f, %v", tt.s, r, lang, tt.min, tt.lang)
		}
	}
	if r, _ := textdump.StopwordRatio("Accueil Politique Économie Sport Culture"); r != 0 {
		t.Errorf("menu stopword ratio = %.2f, want 0", r)
	}
	if !textdump.IsStopword("les") || textdump.IsStopword("délégation") {
		t.Error("IsStopword misclassifies")
	}
}

func TestAnalyzeLineShape(t *testing.T) {
	l := textdump.AnalyzeLine("  • « Une coopération renforcée », a déclaré le ministre.")
	if !l.Bullet || l.Indent != 2 || l.TextCol != 4 {
		t.Errorf("bullet/indent/textcol = %v/%d/%d", l.Bullet, l.Indent, l.TextCol)
	}
	if !l.Upper || !l.Terminal || l.Ellipsis {
		t.Errorf("upper/terminal/ellipsis = %v/%v/%v", l.Upper, l.Terminal, l.Ellipsis)
	}
	if l.Words != 7 || l.Stop < 3 {
		t.Errorf("words/stop = %d/%d", l.Words, l.Stop)
	}
	teaser := textdump.AnalyzeLine("Les arts ont joué un rôle prépondérant dans les luttes d'émancipation...")
	if !teaser.Ellipsis {
		t.Error("teaser ending with ... has no Ellipsis")
	}
	row := textdump.AnalyzeLine("DL      Jean Martin          63        85%     1 plaquage")
	if !row.IsDataRow() {
		t.Errorf("table row not a data row (cells %d)", row.Cells)
	}
}

func TestWrapWidths(t *testing.T) {
	para := strings.Repeat("La délégation russe a rencontré les autorités de la transition à Ouagadougou. ", 12)
	var wrapped []string
	line := ""
	for _, w := range strings.Fields(para) {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > 79 {
			wrapped = append(wrapped, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	wrapped = append(wrapped, line)
	got := textdump.WrapWidths(wrapped)
	if len(got) == 0 || got[0] < 72 || got[0] > 79 {
		t.Errorf("WrapWidths(wrapped at 79) = %v", got)
	}
	unwrapped := []string{
		"Premier paragraphe assez long pour compter, avec une phrase complète et quelques mots de plus pour la longueur.",
		"Deuxième paragraphe, bien plus long que le premier, qui continue sur une seule ligne comme le copient les navigateurs quand on sélectionne une page entière.",
		"Troisième paragraphe, de longueur moyenne, écrit d'un seul tenant.",
		"Quatrième paragraphe, qui s'étend lui aussi sur une seule ligne et finit par un point, comme tous les autres avant lui et sans doute après lui.",
	}
	if got := textdump.WrapWidths(unwrapped); len(got) != 0 {
		t.Errorf("WrapWidths(unwrapped) = %v, want none", got)
	}
}

func TestBylineName(t *testing.T) {
	tests := []struct {
		line, name string
		ok         bool
	}{
		{"Par Jean Dupont", "Jean Dupont", true},
		{"By Jane Doe and John Roe", "Jane Doe and John Roe", true},
		{"Écrit par : Aminata Traoré", "Aminata Traoré", true},
		{"Par 24Tioté", "24Tioté", true},
		{"By", "", true},
		{"Par ailleurs, la délégation est repartie.", "", false},
		{"La délégation", "", false},
	}
	for _, tt := range tests {
		name, ok := textdump.BylineName(tt.line)
		if name != tt.name || ok != tt.ok {
			t.Errorf("BylineName(%q) = %q, %v; want %q, %v", tt.line, name, ok, tt.name, tt.ok)
		}
	}
}
