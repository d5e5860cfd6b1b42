package entity

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/extract/textdump"
)

// TestSeeds runs body extraction and recognition on the real pages in
// ../shared/seeds: the people and places of the bodies are found and
// merged across pages, and the pasted links and ads bring no entity.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(files) < 5 {
		t.Skip("../shared/seeds absent")
	}
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(kb.Default(), m)
	// entity id by surface text, per page
	pages := map[string]map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body := textdump.Extract(string(b), nil).Text
		ids := map[string]string{}
		for _, mm := range r.Recognize(body, veille.Date{}) {
			ids[mm.Text] = mm.Entity
		}
		pages[filepath.Base(f)[:3]] = ids
	}
	same := func(pa, a, pb, b string) {
		t.Helper()
		ia, ib := pages[pa][a], pages[pb][b]
		if ia == "" || ia != ib {
			t.Errorf("%s %q → %q, %s %q → %q: want one entity", pa, a, ia, pb, b, ib)
		}
	}
	same("000", "Ibrahim Traoré", "001", "Ibrahim TRAORE")
	same("001", "Ibrahim TRAORE", "001", "TRAORE")
	same("003", "Ibrahim TRAORE", "002", "Ibrahim Traoré")
	same("001", "Kassoum Coulibaly", "003", "Kassoum COULIBALY")
	same("002", "Fédération de Russie", "000", "russe")
	same("000", "Moscou", "004", "Russie") // "Moscou a exprimé son soutien": the government
	same("001", "Ouagadougou", "002", "Ouagadougou")
	for _, name := range []string{"Burkina Faso", "Saint-Pétersbourg"} {
		if pages["001"][name] == "" {
			t.Errorf("001: %q not found", name)
		}
	}
	for _, name := range []string{"Assimi Goïta", "Bamako", "Mali"} {
		if pages["000"][name] == "" {
			t.Errorf("000: %q not found", name)
		}
	}
	if pages["004"]["Sergueï Lavrov"] == "" || pages["004"]["AES"] == "" {
		t.Errorf("004: Lavrov or AES not found: %v", pages["004"])
	}
	// The SEO links pasted in 001's body and 000's related list are not
	// article text, so they bring no entity.
	for _, name := range []string{"Jessy Guitton", "Real Madrid", "UEFA", "Côte d’Ivoire", "Paetongtarn Shinawatra", "Youssef El Assal"} {
		for p, ids := range pages {
			if ids[name] != "" {
				t.Errorf("%s: %q comes from the page's noise", p, name)
			}
		}
	}
}
