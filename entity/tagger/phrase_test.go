package tagger

import (
	"fmt"
	"strings"
	"testing"
)

func TestOrgPhrases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"la Banque mondiale a prêté", "[[1 3]]"},
		{"le Conseil national de la Transition siège", "[[1 6]]"},
		{"les Forces armées maliennes ont", "[[1 4]]"},
		{"le Conseil de sécurité", "[]"},
		{"l' Union a dit", "[]"},
		{"la Banque des États de l' Afrique centrale", "[[1 8]]"},
		{"le Parti socialiste et les autres", "[[1 3]]"},
		{"le FC Nantes a gagné contre l' Olympique de Marseille", "[[1 3] [7 10]]"},
		{"à l' Université de Ouagadougou", "[[2 5]]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(OrgPhrases(strings.Fields(tt.in))); got != tt.want {
			t.Errorf("OrgPhrases(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestMiscPhrases(t *testing.T) {
	tests := []struct{ in, want string }{
		{"après la Bataille de Verdun en 1916", "[[2 5]]"},
		{"le Festival de Cannes et le Prix Goncourt", "[[1 4] [6 8]]"},
		{"la Coupe du monde", "[]"},
		{"le prix de Paris", "[]"},
	}
	for _, tt := range tests {
		if got := fmt.Sprint(MiscPhrases(strings.Fields(tt.in))); got != tt.want {
			t.Errorf("MiscPhrases(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
