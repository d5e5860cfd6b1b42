package dumpmeta

import "testing"

func TestSite(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  string
	}{
		{"copyright with rights", []string{"Texte.", "© 2025 Le Courrier du Faso – Tous droits réservés | Réalisation : Studio Web"}, "Le Courrier du Faso"},
		{"holder then year", []string{"© Ouaga Direct 2025."}, "Ouaga Direct"},
		{"sign after name", []string{"Aminata24. © 2025"}, "Aminata24"},
		{"comma rights", []string{"© Africa Presse, tous droits réservés"}, "Africa Presse"},
		{"english", []string{"Copyright © 2019 Dow Jones & Company, Inc. All Rights Reserved"}, "Dow Jones & Company, Inc"},
		{"last notice wins", []string{"© Autre Site", "corps", "© 2024 Le Journal"}, "Le Journal"},
		{"domain line", []string{"www.libreinfo.net", "Article."}, "libreinfo.net"},
		{"sentence is not a notice", []string{"Le site www.exemple.org a publié la nouvelle hier."}, ""},
		{"bare sign", []string{"© 2024"}, ""},
		{"nothing", []string{"Une délégation est arrivée."}, ""},
	}
	for _, tt := range tests {
		if got := Site(tt.lines, 0, 0); got != tt.want {
			t.Errorf("%s: Site = %q, want %q", tt.name, got, tt.want)
		}
	}
	// Lines inside the body are not chrome.
	if got := Site([]string{"© 2024 Le Journal"}, 0, 1); got != "" {
		t.Errorf("notice inside the body gave %q", got)
	}
}
