package lang

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Une délégation russe conduite par le vice-ministre de la Défense a été reçue samedi à Ouagadougou par le chef de l'État.", "fr"},
		{"A Russian delegation led by the deputy defence minister was received on Saturday in Ouagadougou by the head of state.", "en"},
		{"Uma delegação russa liderada pelo vice-ministro da Defesa foi recebida no sábado em Uagadugu pelo chefe de Estado.", "pt"},
		{"وصل وفد روسي برئاسة نائب وزير الدفاع إلى واغادوغو يوم السبت", "ar"},
		{"", ""},
		{"12 34 56 !!", ""},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.30q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestSample(t *testing.T) {
	s := strings.Repeat("é mot ", 1000)
	got := Sample(s, 101)
	if len(got) > 101 || !utf8.ValidString(got) {
		t.Errorf("Sample gave %d bytes, valid=%v", len(got), utf8.ValidString(got))
	}
}

func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("Les ministres des Affaires étrangères du Mali, du Niger et du Burkina Faso entament ce mercredi une visite officielle à Moscou. ", 20)
	Detect(text)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Detect(text)
	}
}
