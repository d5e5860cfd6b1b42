package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/veille-news/veille/internal/repo"
	"github.com/veille-news/veille/textsim"
)

// TestUpToDate regenerates the background and compares it with the
// committed file: a change to the analyser or the corpora reading must
// come with `go run ./textsim/gen`.
func TestUpToDate(t *testing.T) {
	root, err := repo.Root()
	if err != nil {
		t.Skip(err)
	}
	dir := filepath.Join(root, "..", "shared", "bench", "ner")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	got, st, err := Generate(dir)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, "textsim", "data", "french.vdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Fatal("textsim/data/french.vdf is stale: run go run ./textsim/gen")
	}
	if st.Docs < 500 || st.Terms < 5000 {
		t.Errorf("background of %d documents, %d terms: corpora misread", st.Docs, st.Terms)
	}
	var b textsim.Background
	if err := b.UnmarshalBinary(got); err != nil || b.Len() != st.Terms {
		t.Fatalf("round trip: %v, %d terms", err, b.Len())
	}
}
