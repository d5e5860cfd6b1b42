package entity

import (
	"os"
	"path/filepath"
	"strings"
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
	// entity id and type by surface text, per page
	pages := map[string]map[string]string{}
	types := map[string]map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body := textdump.Extract(string(b), nil).Text
		ids, typ := map[string]string{}, map[string]string{}
		for _, mm := range r.Recognize(body, veille.Date{}) {
			ids[mm.Text] = mm.Entity
			typ[mm.Text] = mm.Type
		}
		pages[filepath.Base(f)[:3]] = ids
		types[filepath.Base(f)[:3]] = typ
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
	// every person and place the bodies name, with its type
	want := map[string]map[string]string{
		"000": {"Ibrahim Traoré": "PER", "Assimi Goïta": "PER", "Burkina Faso": "LOC", "Mali": "LOC",
			"Bamako": "LOC", "Russie": "LOC", "Moscou": "LOC", "Saint-Pétersbourg": "LOC", "Sahel": "LOC"},
		"001": {"Ibrahim TRAORE": "PER", "Kassoum Coulibaly": "PER", "Burkina Faso": "LOC",
			"Ouagadougou": "LOC", "Russie": "LOC", "Saint-Pétersbourg": "LOC"},
		"002": {"Ibrahim Traoré": "PER", "Aristide Rapougdoudba Ludovic Tapsoba": "PER", "Burkina Faso": "LOC",
			"Ouagadougou": "LOC", "Russie": "LOC", "Moscou": "LOC", "Fédération de Russie": "LOC",
			"Agence d’Information du Burkina": "ORG"},
		"003": {"Ibrahim TRAORE": "PER", "Kassoum COULIBALY": "PER", "Burkina Faso": "LOC", "Mali": "LOC", "Russie": "LOC"},
		"004": {"Sergueï Lavrov": "PER", "Burkina Faso": "LOC", "Mali": "LOC", "Niger": "LOC", "Russie": "LOC",
			"Moscou": "LOC", "AES": "ORG", "Alliance des États du Sahel": "ORG"},
	}
	for p, names := range want {
		for name, typ := range names {
			if got := types[p][name]; got != typ {
				t.Errorf("%s: %q found as %q, want %s", p, name, got, typ)
			}
		}
	}
	// Titles and words French capitalises by convention are not names:
	// "Ambassadeur Extraordinaire et Plénipotentiaire", "Ministre d'État",
	// "Colonel Major".
	for p, ids := range pages {
		for text := range ids {
			if upperFirst(text) && onlyCommonWords(strings.Fields(text)) {
				t.Errorf("%s: %q taken for a name", p, text)
			}
		}
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
