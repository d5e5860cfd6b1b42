package dumpmeta

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille/internal/sharedtest"
)

// sharedDir returns the shared data directory, or skips the test.
func sharedDir(tb testing.TB) string { return sharedtest.Dir(tb) }

// readDumps reads the text dumps matching pattern under the shared dir,
// split into lines.
func readDumps(tb testing.TB, pattern string) map[string][]string {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(sharedDir(tb), pattern))
	if err != nil {
		tb.Fatalf("glob %s: %v", pattern, err)
	}
	if len(files) == 0 {
		tb.Skipf("no dumps match %s", pattern)
	}
	out := make(map[string][]string, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatalf("read %s: %v", f, err)
		}
		out[filepath.Base(f)] = strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	}
	return out
}

// seedCase states what a seed page says about itself. The expected title
// and author are given as the line of the dump that holds them (0-based),
// so that no text of the pages is copied here; -1 means the page does not
// state it.
type seedCase struct {
	prefix      string
	titleLine   int
	authorLine  int
	authorStrip string // a byline prefix to strip from the author line
	published   string
	from        string
	updated     string
	catsLine    int // the line the categories are read from, or -1
	tagsLine    int // the keyword line, or -1
}

var seedCases = []seedCase{
	// Byline "name date categories views" under the title; a ticker of
	// later dates above; keywords without separators after the body.
	// The title is the headline right above the byline, not the photo
	// caption pair above it.
	{prefix: "000_", titleLine: 94, authorLine: -2, published: "2023-09-02", from: FromByline, catsLine: 96, tagsLine: 109},
	// Body only: no title, no author, and "ce samedi matin" is no date.
	{prefix: "001_", titleLine: -1, authorLine: -1, catsLine: -1, tagsLine: -1},
	// "Publié le : " with the value missing, twice: no date; the dates
	// in the body and the related list are not the publication date.
	{prefix: "002_", titleLine: 2, authorLine: 10, authorStrip: "Par ", catsLine: -1, tagsLine: -1},
	// " date 2023-10 Publicité": month precision, from the label.
	{prefix: "003_", titleLine: -1, authorLine: -1, published: "2023-10", from: FromLabel, catsLine: -1, tagsLine: -1},
	// "Dernière mise à jour: …": updated only, published stays zero (a
	// last-update date is not a publication date); rubric line glued
	// ("ActualitésAfrique") above the title.
	{prefix: "004_", titleLine: 36, authorLine: 38, updated: "2025-04-03T11:51", catsLine: 34, tagsLine: -1},
}

func TestSeeds(t *testing.T) {
	dumps := readDumps(t, "seeds/*.txt")
	for _, sc := range seedCases {
		var name string
		var lines []string
		for n, l := range dumps {
			if strings.HasPrefix(n, sc.prefix) {
				name, lines = n, l
			}
		}
		if lines == nil {
			t.Errorf("seed %s* absent", sc.prefix)
			continue
		}
		t.Run(name, func(t *testing.T) {
			s, e := bodyRegion(lines)
			for _, region := range [][2]int{{s, e}, {0, 0}} {
				m := Find(lines, region[0], region[1])
				where := "estimated region"
				if region == [2]int{0, 0} {
					where = "unknown region"
				}
				checkConsumed(t, lines, m.Consumed)

				wantTitle := ""
				if sc.titleLine >= 0 {
					wantTitle = strings.TrimSpace(lines[sc.titleLine])
					if !slices.Contains(m.Consumed, sc.titleLine) {
						t.Errorf("%s: title line %d not consumed", where, sc.titleLine)
					}
				}
				if m.Title != wantTitle {
					t.Errorf("%s: title = %q, want line %d %q", where, m.Title, sc.titleLine, wantTitle)
				}

				var wantAuthors []string
				switch {
				case sc.authorLine >= 0:
					wantAuthors = []string{strings.TrimPrefix(strings.TrimSpace(lines[sc.authorLine]), sc.authorStrip)}
				case sc.authorLine == -2:
					// The name opening the byline, before its date.
					bl := lines[sc.catsLine]
					ms := FindDates(bl)
					if len(ms) != 1 {
						t.Fatalf("byline line %d: %d dates", sc.catsLine, len(ms))
					}
					wantAuthors = []string{strings.TrimSpace(bl[:ms[0].Start])}
				}
				if !slices.Equal(m.Authors, wantAuthors) {
					t.Errorf("%s: authors = %q, want %q", where, m.Authors, wantAuthors)
				}

				if m.Published.String() != sc.published || m.PublishedFrom != sc.from {
					t.Errorf("%s: published = %q from %q, want %q from %q", where, m.Published, m.PublishedFrom, sc.published, sc.from)
				}
				if m.Updated.String() != sc.updated {
					t.Errorf("%s: updated = %q, want %q", where, m.Updated, sc.updated)
				}

				if sc.catsLine >= 0 {
					cl := lines[sc.catsLine]
					if len(m.Categories) < 2 {
						t.Errorf("%s: categories = %q, want those of line %d", where, m.Categories, sc.catsLine)
					}
					for _, c := range m.Categories {
						if !strings.Contains(cl, c) {
							t.Errorf("%s: category %q not on line %d", where, c, sc.catsLine)
						}
					}
				} else if len(m.Categories) > 0 {
					t.Errorf("%s: categories = %q, want none", where, m.Categories)
				}

				if sc.tagsLine >= 0 {
					// The keywords, grouped, are the label's value in order.
					tl := strings.Fields(lines[sc.tagsLine])
					value := strings.Join(tl[2:], " ") // after a two-word label
					if strings.Join(m.Tags, " ") != value || len(m.Tags) >= len(tl)-2 {
						t.Errorf("%s: tags = %q, want multi-word groups of %q", where, m.Tags, value)
					}
					if !slices.Contains(m.Consumed, sc.tagsLine) {
						t.Errorf("%s: keyword line %d not consumed", where, sc.tagsLine)
					}
				} else if len(m.Tags) > 0 {
					t.Errorf("%s: tags = %q, want none", where, m.Tags)
				}

				// No consumed line is a paragraph of the body.
				for _, i := range m.Consumed {
					if i >= s && i < e && isProse(strings.TrimSpace(lines[i])) {
						t.Errorf("%s: consumed body paragraph %d", where, i)
					}
				}
			}
		})
	}
}

// TestScrapinghubSanity runs Find over the English benchmark dumps, whose
// truth has no metadata: it checks that nothing panics, that results are
// well-formed, and reports how many dumps get a title, an author, a date.
func TestScrapinghubSanity(t *testing.T) {
	dumps := readDumps(t, "bench/extraction/scrapinghub/text/*.txt")
	var titles, authors, dates int
	for name, lines := range dumps {
		m := Find(lines, 0, 0)
		checkConsumed(t, lines, m.Consumed)
		if m.Title != "" {
			titles++
			if strings.Contains(m.Title, "\n") {
				t.Errorf("%s: multi-line title %q", name, m.Title)
			}
		}
		if len(m.Authors) > 0 {
			authors++
		}
		if !m.Published.IsZero() {
			dates++
			if y := m.Published.Time.Year(); y < 1990 || y > 2030 {
				t.Errorf("%s: implausible published %s", name, m.Published)
			}
		}
		if m.Published.IsZero() != (m.PublishedFrom == "") {
			t.Errorf("%s: published %q but from %q", name, m.Published, m.PublishedFrom)
		}
	}
	n := len(dumps)
	t.Logf("scrapinghub: %d dumps, title %d (%.0f%%), author %d (%.0f%%), published %d (%.0f%%)",
		n, titles, pct(titles, n), authors, pct(authors, n), dates, pct(dates, n))
	// Floors just under the measured figures, so that a regression shows.
	if pct(titles, n) < 35 || pct(dates, n) < 25 || pct(authors, n) < 20 {
		t.Errorf("coverage fell: title %d, author %d, published %d of %d", titles, authors, dates, n)
	}
}

func pct(a, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(a) / float64(n)
}

func BenchmarkFind(b *testing.B) {
	dumps := readDumps(b, "seeds/*.txt")
	type page struct {
		lines []string
		s, e  int
	}
	var pages []page
	for _, lines := range dumps {
		s, e := bodyRegion(lines)
		pages = append(pages, page{lines, s, e})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pages[i%len(pages)]
		Find(p.lines, p.s, p.e)
	}
}

func BenchmarkFindScrapinghub(b *testing.B) {
	dumps := readDumps(b, "bench/extraction/scrapinghub/text/*.txt")
	var pages [][]string
	for _, lines := range dumps {
		pages = append(pages, lines)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(pages[i%len(pages)], 0, 0)
	}
}

// TestMasakhanewsTitles builds dumps from the French BBC Afrique articles
// (headline and text, read at run time, never copied) in two common
// layouts, and checks that Find recovers the headline as the title and
// invents no date.
func TestMasakhanewsTitles(t *testing.T) {
	dir := filepath.Join(sharedDir(t), "corpus", "masakhanews-fra")
	var rows [][2]string
	for _, name := range []string{"dev.tsv", "test.tsv"} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Skipf("masakhanews absent: %v", err)
		}
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		for _, rec := range recs[1:] {
			if len(rec) >= 3 && rec[1] != "" && len(rec[2]) > 300 {
				rows = append(rows, [2]string{strings.TrimSpace(rec[1]), rec[2]})
			}
		}
	}
	layouts := []struct {
		name, header string
		date         string
	}{
		{"title above body", "", ""},
		{"title, byline and date", "Par Awa Traoré\nPublié le 3 mars 2024 à 10h15\n\n", "2024-03-03T10:15"},
	}
	for _, lay := range layouts {
		ok, invented := 0, 0
		for _, row := range rows {
			dump := "• Accueil\n• Afrique\n• Monde\n\n" + row[0] + "\n\n" + lay.header + paragraphs(row[1])
			lines := strings.Split(dump, "\n")
			s, e := bodyRegion(lines)
			m := Find(lines, s, e)
			if m.Title == row[0] {
				ok++
			}
			if m.Published.String() != lay.date {
				invented++
			}
		}
		rate := pct(ok, len(rows))
		t.Logf("%s: %d articles, title exact %.1f%%, wrong published %d", lay.name, len(rows), rate, invented)
		if rate < 97 || invented > 0 {
			t.Errorf("%s: title exact %.1f%% (want ≥ 97%%), wrong published %d", lay.name, rate, invented)
		}
	}
}

// paragraphs splits a one-line article text into paragraphs of about
// three sentences, as a rendered page shows them.
func paragraphs(text string) string {
	var b strings.Builder
	n := 0
	for _, s := range strings.SplitAfter(text, ". ") {
		b.WriteString(s)
		if n++; n%3 == 0 {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}
