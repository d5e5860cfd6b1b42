package tagger

import (
	"slices"
	"strings"
	"testing"
)

func TestDefaultLoads(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Default()
	if m != again {
		t.Error("Default loads the model twice")
	}
	want := []string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"}
	if got := m.Tags(); !slices.Equal(got, want) {
		t.Errorf("tags %v, want %v", got, want)
	}
	if len(m.lex) == 0 {
		t.Error("the embedded model has no lexicon")
	}
}

func TestDefaultTagsFrench(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want map[string]string // entity text -> type
	}{
		{"Le président Emmanuel Macron est arrivé à Marseille mardi .",
			map[string]string{"Emmanuel Macron": "PER", "Marseille": "LOC"}},
		{"M. Dupont a quitté Paris pour Lyon .",
			map[string]string{"Dupont": "PER", "Paris": "LOC", "Lyon": "LOC"}},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.text)
		tags := m.Tag(toks)
		got := map[string]string{}
		var cur []string
		typ := ""
		flush := func() {
			if cur != nil {
				got[strings.Join(cur, " ")] = typ
			}
			cur = nil
		}
		for i, tag := range tags {
			switch {
			case strings.HasPrefix(tag, "B-"):
				flush()
				cur, typ = []string{toks[i]}, tag[2:]
			case strings.HasPrefix(tag, "I-"):
				cur = append(cur, toks[i])
			default:
				flush()
			}
		}
		flush()
		for name, ty := range tt.want {
			if got[name] != ty {
				t.Errorf("%q: %q tagged %q, want %s (all: %v)", tt.text, name, got[name], ty, got)
			}
		}
	}
}

func TestDefaultHasKBGazetteer(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if m.gaz == nil {
		t.Fatal("Default has no gazetteer")
	}
	toks := strings.Fields("Le Burkina Faso et la CEDEAO")
	if got := strings.Join(m.gaz.Tags(toks), " "); !strings.Contains(got, "B-LOC") || !strings.Contains(got, "B-ORG") {
		t.Errorf("knowledge-base gazetteer tags %q: want a LOC and an ORG", got)
	}
}
