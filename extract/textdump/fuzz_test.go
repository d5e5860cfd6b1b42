package textdump_test

import (
	"testing"

	"github.com/veille-news/veille/extract/textdump"
)

// FuzzExtract checks that no input makes Extract panic, that Body indices
// are valid and increasing, and that Text is valid UTF-8 when the input is.
// The seed corpus is the synthetic dumps of these tests; crashers found are
// kept in testdata/fuzz.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"", "\n", "\r\n\r\n", "a", "\xff\xfe\x00", "  • ", "[ ]", "{{x}}", "Par", "- -- ---",
		tickerPage, seoListPage, commentsPage, wrappedPage, captionPage, listPage, menuOnlyPage,
		"日本語の文章です。これはテストです。\n日本語の文章です。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := textdump.Extract(s, nil)
		checkResult(t, s, r)
		tpl := textdump.Learn([]string{s, s + "\nAccueil\n"})
		checkResult(t, s, textdump.Extract(s, tpl))
		for _, line := range r.Lines {
			textdump.AnalyzeLine(line)
		}
		textdump.WrapWidths(r.Lines)
	})
}
