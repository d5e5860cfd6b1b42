package main

import (
	"strings"
	"testing"

	"github.com/veille-news/veille/bench"
)

func TestDevLabel(t *testing.T) {
	r := rules()
	got := r.devLabel([][]string{
		strings.Fields("le Mali et la CEDEAO ont signé"), // kept: every name explained
		strings.Fields("hier Bamako a voté vite"),        // dropped: Bamako unexplained
		strings.Fields("le Mali"),                        // dropped: too short
		strings.Fields("la ville a voté vite"),           // dropped: no entity
	})
	if len(got) != 1 || strings.Join(got[0].Tags, " ") != "O B-LOC O O B-ORG O O" {
		t.Errorf("devLabel = %v", got)
	}
}

func TestAllowedSets(t *testing.T) {
	sets := []bench.NERSet{{Name: bench.NERWikiNEuRal}, {Name: bench.NEREuropeana}}
	if got := allowedSets(sets, false); len(got) != 1 || got[0].Name != bench.NEREuropeana {
		t.Errorf("allowedSets(final=false) = %v", got)
	}
	if got := allowedSets(sets, true); len(got) != 2 {
		t.Errorf("allowedSets(final=true) = %v", got)
	}
}
