package timex

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that any input gives expressions inside the text, in
// order, with a type and a value, and never a panic.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"le 5 octobre 2023 à 14 h 30", "il y a trois jours", "les 27 et 28 juillet", "mardi 31",
		"le 31 février", "25 h 99", "mi-", "fin de", "du 3 au", "XIXe siècle", "\xff\xfe le 1er mai",
	} {
		f.Add(s, "2023-10-07")
	}
	f.Fuzz(func(t *testing.T, text, anchor string) {
		a, err := parseAnchor(anchor)
		if err != nil {
			return
		}
		last := 0
		for _, tx := range Find(text, a) {
			if tx.Start < last || tx.End <= tx.Start || tx.End > len(text) || text[tx.Start:tx.End] != tx.Text {
				t.Fatalf("bad span %+v in %q", tx, text)
			}
			if tx.Type == "" || tx.Value == "" || (utf8.ValidString(text) && !utf8.ValidString(tx.Text)) {
				t.Fatalf("bad timex %+v", tx)
			}
			last = tx.End
		}
	})
}
