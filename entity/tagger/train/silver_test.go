package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/veille-news/veille/bench"
)

func TestOrgPhrases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"la Banque mondiale a prêté", "[1 3]"},
		{"le Conseil national de la Transition siège", "[1 6]"},
		{"les Forces armées maliennes ont", "[1 4]"},
		{"le Conseil de sécurité", "[]"},
		{"l' Union a dit", "[]"},
		{"la Banque des États de l' Afrique centrale", "[1 8]"},
		{"le Parti socialiste et les autres", "[1 3]"},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range orgPhrases(strings.Fields(tt.in)) {
			got = append(got, fmt.Sprint(sp.Start, " ", sp.End))
		}
		if s := fmt.Sprint(got); s != tt.want {
			t.Errorf("orgPhrases(%q) = %s, want %s", tt.in, s, tt.want)
		}
	}
}

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
