package textdump_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille/extract/textdump"
)

// seedDumps reads the real French dumps of ../shared/seeds (skipping when
// absent). They are read at test time and never copied.
func seedDumps(t *testing.T) map[string]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(sharedDir(t), "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Skip("no seed dumps")
	}
	seeds := make(map[string]string)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("read seed: %v", err)
		}
		seeds[filepath.Base(p)] = string(b)
	}
	return seeds
}

// TestSeedsGeneral checks properties every seed's body must have: it
// exists, holds prose, and no body line is page chrome.
func TestSeedsGeneral(t *testing.T) {
	for name, dump := range seedDumps(t) {
		t.Run(name, func(t *testing.T) {
			r := textdump.Extract(dump, nil)
			checkResult(t, dump, r)
			if len(strings.Fields(r.Text)) < 100 {
				t.Fatalf("body has %d words, want an article", len(strings.Fields(r.Text)))
			}
			for _, i := range r.Body {
				l := textdump.AnalyzeLine(r.Lines[i])
				switch l.Kind {
				case textdump.Text:
				default:
					t.Errorf("body line %d is %v: %q", i, l.Kind, r.Lines[i])
				}
				if textdump.IsBullet(r.Lines[i]) {
					t.Errorf("body line %d is a list item: %q", i, r.Lines[i])
				}
			}
			if strings.Contains(r.Text, "{{") {
				t.Error("body holds a template placeholder")
			}
			// The first body paragraph is prose, not a title or byline.
			first, _, _ := strings.Cut(r.Text, "\n\n")
			if l := textdump.AnalyzeLine(first); !l.Terminal || l.Words < 15 {
				t.Errorf("body starts with %q, not a paragraph", first)
			}
		})
	}
}

// TestSeedTicker checks the seed with a "Breaking News" ticker and an
// "Articles similaires" list: the body starts at the first real paragraph,
// after the ticker, title and byline, and stops before the keywords, share
// row and related list.
func TestSeedTicker(t *testing.T) {
	var dump string
	for _, d := range seedDumps(t) {
		if hasLine(d, "Breaking News") && hasLine(d, "Articles similaires") {
			dump = d
		}
	}
	if dump == "" {
		t.Skip("no seed with a ticker and a related list")
	}
	r := textdump.Extract(dump, nil)
	if !strings.HasPrefix(r.Text, "Une délégation russe dirigée par") {
		t.Errorf("body starts with %.80q", r.Text)
	}
	related := lineIndex(r.Lines, "Articles similaires")
	for _, i := range r.Body {
		line := r.Lines[i]
		switch {
		case i >= related:
			t.Errorf("body line %d is after the related list: %q", i, line)
		case strings.Contains(line, "|"):
			t.Errorf("body line %d is a ticker item: %q", i, line)
		case textdump.IsShareRow(line), strings.HasPrefix(strings.TrimSpace(line), "Mots clés"):
			t.Errorf("body line %d is keywords or share row: %q", i, line)
		}
	}
	// Every prose paragraph between the byline and the keywords is kept.
	for i := r.Start; i < r.End; i++ {
		l := textdump.AnalyzeLine(r.Lines[i])
		if l.Words >= 20 && l.Terminal && !inBody(r, i) {
			t.Errorf("paragraph at line %d dropped: %.60q", i, r.Lines[i])
		}
	}
}

// TestSeedSEOList checks the seed whose body is interrupted by a bulleted
// list of links to unrelated pages: the links are dropped, the subheadings
// and the paragraphs after them are kept.
func TestSeedSEOList(t *testing.T) {
	var dump string
	for _, d := range seedDumps(t) {
		if countPrefixed(d, "- ") >= 3 {
			dump = d
		}
	}
	if dump == "" {
		t.Skip("no seed with a bulleted list inside the body")
	}
	r := textdump.Extract(dump, nil)
	for _, i := range r.Body {
		if strings.HasPrefix(r.Lines[i], "- ") {
			t.Errorf("link kept in body: %q", r.Lines[i])
		}
	}
	if strings.Contains(r.Text, "Sport à domicile") {
		t.Error("body holds the unrelated links")
	}
	if !strings.Contains(r.Text, "Une réunion de travail constructive") {
		t.Error("body lost the subheading after the list")
	}
	// All the prose of the page is body, before and after the list, and so
	// are the short subheadings between paragraphs.
	last := -1
	for i, line := range r.Lines {
		l := textdump.AnalyzeLine(line)
		if l.Words >= 20 && l.Terminal {
			last = i
			if !inBody(r, i) {
				t.Errorf("paragraph at line %d dropped: %.60q", i, line)
			}
		}
	}
	for i := r.Start; i < last; i++ {
		line := r.Lines[i]
		if !strings.HasPrefix(line, "- ") && strings.TrimSpace(line) != "" && !inBody(r, i) {
			t.Errorf("subheading at line %d dropped: %q", i, line)
		}
	}
}

func hasLine(dump, want string) bool {
	for line := range strings.SplitSeq(dump, "\n") {
		if strings.TrimSpace(line) == want {
			return true
		}
	}
	return false
}

func lineIndex(lines []string, want string) int {
	for i, l := range lines {
		if strings.TrimSpace(l) == want {
			return i
		}
	}
	return len(lines)
}

func countPrefixed(dump, prefix string) int {
	n := 0
	for line := range strings.SplitSeq(dump, "\n") {
		if strings.HasPrefix(line, prefix) {
			n++
		}
	}
	return n
}

func inBody(r textdump.Result, line int) bool {
	for _, i := range r.Body {
		if i == line {
			return true
		}
	}
	return false
}
