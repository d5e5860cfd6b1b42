package kb

import (
	"fmt"
	"strings"
	"testing"
)

// span is a match as tests state it: tokens[start:end] names entry id.
type span struct {
	start, end int
	id         string
	caseOK     bool
}

func spans(ms []Match) []span {
	out := make([]span, len(ms))
	for i, m := range ms {
		out[i] = span{m.Start, m.End, m.Entries[0].ID, m.CaseOK}
	}
	return out
}

func TestGazetteerFind(t *testing.T) {
	g := Default().Gazetteer()
	tests := []struct {
		tokens string // tokens separated by "|"
		want   []span
	}{
		{"Le|Capitaine|Ibrahim|TRAORE|,|Président|de|la|Transition|au|Burkina|Faso|,|a|reçu|une|délégation|russe|à|Ouagadougou|.",
			[]span{{2, 4, "per:ibrahim-traore", true}, {10, 12, "Q965", true}, {19, 20, "Q3777", true}}},
		{"Côte|d'|Ivoire", []span{{0, 3, "Q1008", true}}},
		{"Côte|d’Ivoire", []span{{0, 2, "Q1008", true}}},
		{"Bobo|-|Dioulasso", []span{{0, 3, "loc:bobo-dioulasso", true}}},
		{"Bobo-Dioulasso", []span{{0, 1, "loc:bobo-dioulasso", true}}},
		{"Mali|,|Niger", []span{{0, 1, "Q912", true}, {2, 3, "Q1032", true}}},
		{"la|Fédération|de|Russie", []span{{1, 4, "Q159", true}}},
		{"Colonel-major|Kassoum|COULIBALY", []span{{1, 3, "per:kassoum-coulibaly", true}}},
		{"l'|AES", []span{{1, 2, "org:aes", true}}},
		{"l'AES", nil}, // an elision glued to its word is the tokeniser's job
		{"le|groupe|Wagner", []span{{1, 3, "org:wagner", true}}},
		{"Alliance|des|États|du|Sahel|(|AES|)", []span{{0, 5, "org:aes", true}, {6, 7, "org:aes", true}}},
		// Capitals tell common words from names.
		{"une|grenade|a|explosé", []span{{1, 2, "Q769", false}}},
		{"la|aes", []span{{1, 2, "org:aes", false}}},
		// A capital the name has inside must be there too: "Le Temps"
		// is a newspaper, "Le temps passe" is not.
		{"Le|temps|passe", []span{{0, 2, "org:le-temps", false}}},
		{"Le|Temps|a|écrit", []span{{0, 2, "org:le-temps", true}}},
		{"la|Banque|Mondiale", []span{{1, 3, "org:banque-mondiale", true}}},
		{"", nil},
		{"...|!!!", nil},
	}
	for _, tt := range tests {
		var tokens []string
		if tt.tokens != "" {
			tokens = strings.Split(tt.tokens, "|")
		}
		got := spans(g.Find(tokens))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.tokens, got, tt.want)
		}
	}
}

func TestGazetteerNamesakes(t *testing.T) {
	g := Default().Gazetteer()
	ms := g.Find([]string{"Président", "TRAORE"})
	if len(ms) != 1 || len(ms[0].Entries) < 2 || ms[0].Entries[0].ID != "per:ibrahim-traore" {
		t.Fatalf("Find(Président TRAORE) = %+v, want every Traoré, Ibrahim first", ms)
	}
	m, ok := g.Longest([]string{"à", "Saint", "-", "Pétersbourg", "en", "juillet"}, 1)
	if !ok || m.Start != 1 || m.End != 4 || m.Entries[0].ID != "loc:saint-petersbourg" {
		t.Errorf("Longest(Saint - Pétersbourg) = %+v, %v", m, ok)
	}
	if _, ok := g.Longest([]string{"à", "Saint"}, 0); ok {
		t.Error("Longest(à) matched")
	}
	if m, ok := g.Longest([]string{"-", "Mali"}, 0); ok {
		t.Errorf("Longest(-) matched %+v", m)
	}
	if m, ok := g.Longest([]string{"au", "Mali"}, 1); !ok || m.Start != 1 || m.End != 2 {
		t.Errorf("Longest(Mali) = %+v, %v", m, ok)
	}
}

var benchNames = []string{
	"Capitaine Ibrahim TRAORE", "Président TRAORE", "la Fédération de Russie", "Moscou",
	"Colonel-major Kassoum COULIBALY", "CEDEAO", "Ibrahima Traore", "Jean Dupont",
	"Kassoum Koulibaly", "Sergueï Lavrov", "Alliance des États du Sahel", "Ouagadougou",
}

func BenchmarkLookup(b *testing.B) {
	k := Default()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k.Lookup(benchNames[i%len(benchNames)])
	}
}

func BenchmarkNormalize(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Normalize(benchNames[i%len(benchNames)])
	}
}

func BenchmarkDemonym(b *testing.B) {
	k := Default()
	words := []string{"russe", "burkinabè", "maliens", "table", "nigérienne"}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k.Demonym(words[i%len(words)])
	}
}

const benchText = `Lors de cette rencontre , les dirigeants du Burkina Faso , notamment le Président Ibrahim Traoré , ont tenu des entretiens avec la délégation russe . Les discussions ont porté sur l' état actuel de leur coopération militaro-technique , en prolongement de la réunion précédente entre les dirigeants burkinabé et russes lors du deuxième sommet Russie-Afrique à Saint-Pétersbourg , en juillet dernier . Il est essentiel de rappeler que Moscou a exprimé son soutien aux autorités de la transition au Burkina Faso . Les ministres des Affaires étrangères du Mali , du Niger et du Burkina Faso entament une visite à Moscou , sur invitation de Sergueï Lavrov , dans le cadre de l' Alliance des États du Sahel ( AES ) .`

func BenchmarkGazetteerFind(b *testing.B) {
	g := Default().Gazetteer()
	tokens := strings.Fields(benchText)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Find(tokens)
	}
	b.ReportMetric(float64(len(tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(embedded); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGazetteerBuild(b *testing.B) {
	k := Default()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		newGazetteer(k)
	}
}
