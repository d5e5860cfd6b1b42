package extract

import (
	"context"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
)

func TestEntities(t *testing.T) {
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := entity.New(kb.Default(), m)
	page := "Le capitaine Ibrahim Traoré a reçu à Ouagadougou une délégation de la Fédération de Russie.\n\n" +
		"Selon le communiqué, la coopération militaire entre le Burkina Faso et la Russie sera renforcée dans les mois à venir.\n"
	doc := veille.Document{Source: "t.txt", Format: veille.FormatText, Text: page, Raw: []byte(page)}

	tests := []struct {
		name    string
		opts    Options
		want    bool // entities recognised
		version string
	}{
		{"with", Options{Entities: r}, true, Version},
		{"without", Options{}, false, Version + noEntitiesSuffix},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ex := New(tt.opts)
			if got := ex.Version(); got != tt.version {
				t.Errorf("Version() = %q, want %q", got, tt.version)
			}
			art, err := ex.Extract(context.Background(), doc)
			if err != nil {
				t.Fatal(err)
			}
			if !tt.want {
				if art.Entities != nil {
					t.Errorf("Entities = %v, want nil without a recognizer", art.Entities)
				}
				return
			}
			if art.Entities == nil {
				t.Fatal("Entities is nil although recognition ran")
			}
			found := map[string]bool{}
			for _, m := range art.Entities {
				if m.Start < 0 || m.End > len(art.Text) || m.Start >= m.End || art.Text[m.Start:m.End] != m.Text {
					t.Errorf("mention %+v: offsets do not point at its text in the article", m)
					continue
				}
				found[m.Label] = true
			}
			for _, want := range []string{"Ibrahim Traoré", "Ouagadougou"} {
				if !found[want] {
					t.Errorf("no mention of %q in %+v", want, art.Entities)
				}
			}
		})
	}

	// Recognition that finds nothing still gives a non-nil list.
	empty := veille.Document{Source: "e.txt", Format: veille.FormatText, Text: "...", Raw: []byte("...")}
	art, err := New(Options{Entities: r}).Extract(context.Background(), empty)
	if err != nil {
		t.Fatal(err)
	}
	if art.Entities == nil {
		t.Error("Entities is nil for a text without names; want an empty list")
	}
}
