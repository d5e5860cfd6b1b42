package htmlpage

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.html"))
	for _, fn := range files {
		if b, err := os.ReadFile(fn); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "<", "<html", "<p>é</p>", "\x00\xff", "<meta charset=koi8-r><p>\xc4</p>",
		"<script type=application/ld+json>{\"datePublished\":\"2024-02-30\"}</script>",
		"<time datetime=9999-99-99T99:99>x</time>", strings.Repeat("<b><i>", 300),
		`<html lang="xx-"><head><meta property="og:url" content="::"><link rel=canonical href="http://[::1"></head></html>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		page, _, err := DecodeHTML(raw)
		if err != nil {
			return
		}
		if !utf8.ValidString(page) {
			t.Fatalf("DecodeHTML returned invalid UTF-8")
		}
		a, _, err := Extract(context.Background(), page, Options{URL: "https://example.org/2024/01/02/a"})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
			t.Fatalf("invalid UTF-8 in the article")
		}
		if a.Published.IsZero() != (a.PublishedFrom == "") {
			t.Fatalf("published %v from %q: source without date or date without source", a.Published, a.PublishedFrom)
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("empty paragraph in text %q", a.Text)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	pages := []string{readPage(b, "fr-news.html"), readPage(b, "no-date.html"), readPage(b, "cp1252.html")}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		if _, _, err := Extract(context.Background(), pages[n%len(pages)], Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
