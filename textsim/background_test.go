package textsim

import (
	"strings"
	"testing"
)

func TestFrenchBackground(t *testing.T) {
	b := FrenchBackground()
	if b == nil {
		t.Fatal("embedded French background does not decode")
	}
	if b.Docs() < 500 || b.Len() < 5000 {
		t.Fatalf("background of %d documents and %d terms: too small", b.Docs(), b.Len())
	}
	term := func(w string) uint64 { return Hash(French().Terms(w)[0]) }
	// An empty collection over the background already tells a common
	// word from a rare one; without it every term weighs alike.
	df := NewFrenchDF()
	common, rare := term("gouvernement"), term("Ouagadougou")
	if df.IDF(common) >= df.IDF(rare) {
		t.Errorf("IDF(gouvernement) %.2f ≥ IDF(Ouagadougou) %.2f", df.IDF(common), df.IDF(rare))
	}
	if plain := NewDF(); plain.IDF(common) != plain.IDF(rare) {
		t.Errorf("an empty DF without background weighs terms differently")
	}
	// The collection's own counts add to the background's.
	n, c := df.N(), df.Count(common)
	df.Add(Bag{common: 1})
	if df.N() != n+1 || df.Count(common) != c+1 {
		t.Errorf("after one document: N %d→%d, count %d→%d", n, df.N(), c, df.Count(common))
	}
	var nilBack *Background
	if nilBack.Docs() != 0 || nilBack.Count(common) != 0 {
		t.Error("a nil Background counts something")
	}
}

func TestBackgroundRoundTrip(t *testing.T) {
	df := NewDF()
	for _, doc := range []string{"a b c", "a b", "a d", "e"} {
		df.Add(NewBag(strings.Fields(doc)))
	}
	b := NewBackground(df, 2) // keeps a (3) and b (2)
	if b.Docs() != 4 || b.Len() != 2 {
		t.Fatalf("docs %d terms %d, want 4 and 2", b.Docs(), b.Len())
	}
	data, err := b.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var got Background
	if err := got.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]int{"a": 3, "b": 2, "c": 0, "e": 0} {
		if n := got.Count(Hash(w)); n != want {
			t.Errorf("count %q = %d, want %d", w, n, want)
		}
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"wrong magic", []byte("XXXX\x01\x00")},
		{"truncated", data[:len(data)-1]},
		{"trailing", append(append([]byte{}, data...), 0)},
		{"too many terms", []byte("VDF1\x01\xff\xff\x03")},
	}
	for _, tt := range tests {
		if err := new(Background).UnmarshalBinary(tt.data); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}
