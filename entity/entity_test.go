package entity

import (
	"strings"
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

// TestCoordinate checks that a one-word tagger span listed with a name of
// the base takes the base's type, and that nothing else changes.
func TestCoordinate(t *testing.T) {
	known := []*kb.Entry{{}}
	for _, tc := range []struct {
		name  string
		words []string
		in    []span
		want  []string
	}{
		{"et after base LOC", []string{"Béthune", "et", "Lens"},
			[]span{{s: 0, e: 1, typ: "LOC", entries: known}, {s: 2, e: 3, typ: "PER"}}, []string{"LOC", "LOC"}},
		{"comma before base LOC", []string{"Lens", ",", "Béthune"},
			[]span{{s: 0, e: 1, typ: "PER"}, {s: 2, e: 3, typ: "LOC", entries: known}}, []string{"LOC", "LOC"}},
		{"tagger neighbour only", []string{"Béthune", "et", "Lens"},
			[]span{{s: 0, e: 1, typ: "LOC"}, {s: 2, e: 3, typ: "PER"}}, []string{"LOC", "PER"}},
		{"not a coordinator", []string{"Béthune", "contre", "Lens"},
			[]span{{s: 0, e: 1, typ: "LOC", entries: known}, {s: 2, e: 3, typ: "PER"}}, []string{"LOC", "PER"}},
		{"two-word span kept", []string{"Béthune", "et", "Jean", "Lens"},
			[]span{{s: 0, e: 1, typ: "LOC", entries: known}, {s: 2, e: 4, typ: "PER"}}, []string{"LOC", "PER"}},
		{"neighbours disagree", []string{"Paris", ",", "Lens", "et", "Traoré"},
			[]span{{s: 0, e: 1, typ: "LOC", entries: known}, {s: 2, e: 3, typ: "ORG"}, {s: 4, e: 5, typ: "PER", entries: known}}, []string{"LOC", "ORG", "PER"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := coordinate(tc.words, tc.in)
			for i, sp := range got {
				if sp.typ != tc.want[i] {
					t.Errorf("span %d: type %s, want %s", i, sp.typ, tc.want[i])
				}
			}
		})
	}
}

// TestHugeSentence guards against any cost quadratic in a sentence's
// length: a 1 MB text without a full stop is one sentence of ~150,000
// tokens, which a pairwise pass would take minutes over.
func TestHugeSentence(t *testing.T) {
	r := New(kb.Default(), nil)
	text := strings.Repeat("le Capitaine Ibrahim Traoré a reçu à Ouagadougou une délégation russe et ", 14000)
	ms := r.Recognize(text, veille.Date{})
	if len(ms) < 14000*3 {
		t.Fatalf("found %d mentions, want at least %d", len(ms), 14000*3)
	}
	ids := map[string]bool{}
	for _, m := range ms {
		ids[m.Entity] = true
	}
	if len(ids) > 5 {
		t.Errorf("%d distinct entities for one repeated sentence: %v", len(ids), ids)
	}
}

func TestUnifyTypes(t *testing.T) {
	ms := []veille.Mention{
		{Text: "Bamenda", Type: "LOC", Entity: "loc:bamenda"},
		{Text: "Coton Sport", Type: "ORG", Entity: "org:coton-sport"},
		{Text: "Bamenda", Type: "ORG", Entity: "org:bamenda"},
		{Text: "BAMENDA", Type: "ORG", Entity: "org:bamenda"},
		{Text: "Mali", Type: "LOC", Entity: "Q912", Label: "Mali"},
		{Text: "Mali", Type: "PER", Entity: "per:mali"},
	}
	unifyTypes(ms, func(id string) bool { return id == "Q912" })
	for _, i := range []int{0, 2, 3} {
		if ms[i].Type != "ORG" || ms[i].Entity != "org:bamenda" {
			t.Errorf("mention %d: %s %s, want the majority reading ORG org:bamenda", i, ms[i].Type, ms[i].Entity)
		}
	}
	if ms[5].Entity != "Q912" || ms[5].Type != "LOC" || ms[5].Label != "Mali" {
		t.Errorf("unlinked Mali: %+v, want the linked mention's entity", ms[5])
	}
	if ms[1].Entity != "org:coton-sport" {
		t.Errorf("a name met once changed: %+v", ms[1])
	}
}
