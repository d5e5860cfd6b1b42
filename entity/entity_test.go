package entity

import (
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
)

func day(s string) veille.Date {
	d, err := veille.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestVariantsMerge checks that the variants the press writes of one
// person or state come out as one entity.
func TestVariantsMerge(t *testing.T) {
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tg := range []struct {
		name string
		t    Tagger
	}{{"gazetteer only", nil}, {"with tagger", m}} {
		t.Run(tg.name, func(t *testing.T) { testVariantsMerge(t, New(kb.Default(), tg.t)) })
	}
}

func testVariantsMerge(t *testing.T, r *Recognizer) {
	text := "Ce samedi à Ouagadougou, le Capitaine Ibrahim TRAORE, Président de la Transition, a reçu une délégation russe. " +
		"Le Président TRAORE a salué la coopération avec la Fédération de Russie. Moscou a exprimé son soutien.\n\n" +
		"Sous la présidence du Colonel Major Kassoum Coulibaly, ministre d'État, les deux parties ont travaillé. " +
		"Le Colonel-major Kassoum COULIBALY a reçu ses homologues russes."
	ms := r.Recognize(text, day("2023-10-07"))
	byText := map[string]veille.Mention{}
	for _, m := range ms {
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %q has offsets [%d,%d) giving %q", m.Text, m.Start, m.End, text[m.Start:m.End])
		}
		byText[m.Text] = m
		t.Logf("%-28q %-4s %-24s %s", m.Text, m.Type, m.Entity, m.Label)
	}
	same := func(a, b string) {
		t.Helper()
		ma, oka := byText[a]
		mb, okb := byText[b]
		if !oka || !okb {
			t.Errorf("missing mention %q (%v) or %q (%v)", a, oka, b, okb)
			return
		}
		if ma.Entity != mb.Entity {
			t.Errorf("%q → %s but %q → %s: want one entity", a, ma.Entity, b, mb.Entity)
		}
	}
	same("Ibrahim TRAORE", "TRAORE")
	same("Kassoum Coulibaly", "Kassoum COULIBALY")
	same("russe", "Fédération de Russie")
	same("Moscou", "Fédération de Russie")
	if m := byText["Ouagadougou"]; m.Type != veille.TypeLOC {
		t.Errorf("Ouagadougou = %+v, want a LOC", m)
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct{ typ, name, want string }{
		{"PER", "Kassoum COULIBALY", "per:kassoum-coulibaly"},
		{"ORG", "Agence d'Information du Burkina", "org:agence-d-information-du-burkina"},
	} {
		if got := Slug(tt.typ, tt.name); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestBadInput(t *testing.T) {
	r := New(kb.Default(), nil)
	for _, s := range []string{"", "12 34 !!! ...", "\xff\xfe invalid", string(make([]byte, 1<<20))} {
		r.Recognize(s, veille.Date{})
	}
}

func TestTagBIO(t *testing.T) {
	r := New(kb.Default(), nil)
	words := []string{"Le", "Capitaine", "Ibrahim", "Traoré", "a", "reçu", "la", "délégation", "russe", "à", "Ouagadougou", "."}
	got := r.Tag(words)
	want := []string{"O", "O", "B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "B-LOC", "O"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("tags = %v, want %v", got, want)
			break
		}
	}
}
