package textsim

import (
	"math"
	"slices"
	"testing"
)

func TestFrenchTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Les délégations russes", []string{"deleg", "ruse"}},
		{"l'armée malienne", []string{"arme", "malien"}},
		{"", []string{}},
		{"le la les de du", []string{}},
	}
	for _, tt := range tests {
		got := French().Terms(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestVectorCosine(t *testing.T) {
	df := NewDF()
	docs := []string{
		"La délégation russe est arrivée à Ouagadougou pour rencontrer le capitaine Traoré.",
		"Une délégation russe a été reçue à Ouagadougou par le capitaine Ibrahim Traoré.",
		"Le prix du cacao a fortement augmenté sur les marchés ivoiriens cette semaine.",
	}
	bags := make([]Bag, len(docs))
	for i, d := range docs {
		bags[i] = NewBag(French().Terms(d))
		df.Add(bags[i])
	}
	vs := make([]Vector, len(docs))
	for i := range docs {
		vs[i] = df.Vector(bags[i])
		if n := vs[i].Dot(vs[i]); math.Abs(n-1) > 1e-5 {
			t.Errorf("doc %d: |v|² = %v, want 1", i, n)
		}
	}
	same, other := vs[0].Dot(vs[1]), vs[0].Dot(vs[2])
	if same < 0.3 || other > 0.05 || same <= other {
		t.Errorf("cosine same story %.3f, other story %.3f", same, other)
	}
	if z := (Vector{}).Dot(vs[0]); z != 0 {
		t.Errorf("empty vector dot = %v", z)
	}
	top := vs[0].Top(2)
	if len(top) != 2 {
		t.Fatalf("Top(2) = %v", top)
	}
	if w := df.IDF(Hash("inconnu")); w <= df.IDF(Hash("deleg")) {
		t.Errorf("an unseen term weighs %v, not more than a seen one %v", w, df.IDF(Hash("deleg")))
	}
}

func BenchmarkFrenchTerms(b *testing.B) {
	text := "La délégation russe conduite par le vice-ministre de la Défense est arrivée samedi matin à Ouagadougou, où elle a été reçue par le capitaine Ibrahim Traoré, président de la Transition, pour parler de coopération militaire et de la lutte contre le terrorisme au Sahel. "
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		French().Terms(text)
	}
}
