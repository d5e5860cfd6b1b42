package dumpmeta

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille-news/veille"
)

// The fuzz corpora are synthetic: no text of the shared data goes into
// testdata.

func FuzzFind(f *testing.F) {
	f.Add("• Accueil\n\nUn titre de test pour le fuzz\n\nPar Jean Dupont\nPublié le 3 mars 2024 à 10h15\n\n"+p1+"\n\n"+p2+"\n\nMots clés : a, b, c\n", 0, 0)
	f.Add("Breaking News\n • Un titre de ticker assez long ici   |   29 Aug 2025\n\nTitre\n\nAwa Traoré 02 Sep 2023 Mali, Politique 12 Lectures\n\n"+p1+"\n"+p2, 5, 7)
	f.Add(" date 2023-10 Publicité\n\n"+p1+"\n\n"+p2, 2, 5)
	f.Add("ActualitésAfrique\n\nTitre ?\n\nKoffi24\nDernière mise à jour: 3 avril 2025 11h51\n"+p1, -1, 99)
	f.Add("Publié le : \n\nPublié le :\n\xff\xfe\n", 1, 1)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		lines := strings.Split(text, "\n")
		m := Find(lines, start, end)
		for k, i := range m.Consumed {
			if i < 0 || i >= len(lines) || (k > 0 && m.Consumed[k-1] >= i) {
				t.Fatalf("bad consumed %v for %d lines", m.Consumed, len(lines))
			}
		}
		strs := append([]string{m.Title}, m.Authors...)
		strs = append(strs, m.Tags...)
		strs = append(strs, m.Categories...)
		for _, s := range strs {
			if !utf8.ValidString(s) || strings.Contains(s, "\n") {
				t.Fatalf("bad output string %q", s)
			}
		}
		for _, d := range []veille.Date{m.Published, m.Updated} {
			checkDate(t, d)
		}
		if m.Published.IsZero() != (m.PublishedFrom == "") {
			t.Fatalf("published %q from %q", m.Published, m.PublishedFrom)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"02 Sep 2023", "3 avril 2025 11h51", "le 1er mars 2024", "mardi 5 mars 2024 à 14:30",
		"05/03/2024", "2024-03-05T14:30:00Z", "2023-10", "March 5, 2024", "Sep 2, 2023 at 3:04 pm",
		"3:04 PM ET, Wed November 20, 2019", "2 septembre 2023 à 10 h 30", "Sept. 2nd, 2023 10.15",
		"hier", "2024", "31 avril 2024", "12/25/2024", "\xff2024-13-01",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := ParseDate(s); ok {
			checkDate(t, d)
			if d.IsZero() {
				t.Fatalf("ParseDate(%q) ok with zero date", s)
			}
		}
		prev := 0
		for _, m := range FindDates(s) {
			if m.Start < prev || m.Start >= m.End || m.End > len(s) {
				t.Fatalf("FindDates(%q): bad span [%d,%d) after %d", s, m.Start, m.End, prev)
			}
			prev = m.End
			if m.Date.IsZero() {
				t.Fatalf("FindDates(%q): zero date", s)
			}
			checkDate(t, m.Date)
			// A span found in context is a date on its own, the same one.
			span := s[m.Start:m.End]
			again := FindDates(span)
			if len(again) != 1 || again[0].Start != 0 || again[0].End != len(span) || again[0].Date != m.Date {
				t.Fatalf("FindDates(%q) found %q = %s, but alone it gives %v", s, span, m.Date, again)
			}
		}
	})
}

// checkDate checks that a date is zero or well-formed at its precision.
func checkDate(t *testing.T, d veille.Date) {
	t.Helper()
	if d.IsZero() {
		return
	}
	if y := d.Time.Year(); y < minYear || y > maxYear {
		t.Fatalf("date %s out of range", d)
	}
	if d.Precision > veille.PrecisionSecond {
		t.Fatalf("bad precision %d", d.Precision)
	}
	back, err := veille.ParseDate(d.String())
	if err != nil || back.String() != d.String() {
		t.Fatalf("date %s does not round-trip: %v", d, err)
	}
}
