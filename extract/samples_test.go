package extract

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/ingest"
)

// expectation is one page's human truth in samples/expected.json.
type expectation struct {
	Site      string   `json:"site"`
	Language  string   `json:"language"`
	Title     string   `json:"title"`
	Authors   []string `json:"authors"`
	Published *string  `json:"published"`
	Updated   *string  `json:"updated"`
	First     string   `json:"body_first_words"`
	Last      string   `json:"body_last_words"`
	NotInBody []string `json:"not_in_body"`
}

// extractSamples extracts the shipped sample corpus as `veille extract
// samples/pages` does: all pages read, templates learned, then extracted.
func extractSamples(t *testing.T) (map[string]expectation, map[string]veille.Article) {
	t.Helper()
	b, err := os.ReadFile("../samples/expected.json")
	if err != nil {
		t.Fatalf("read expected.json: %v", err)
	}
	var exp map[string]expectation
	if err := json.Unmarshal(b, &exp); err != nil {
		t.Fatalf("parse expected.json: %v", err)
	}
	var docs []veille.Document
	for src, err := range ingest.Sources([]string{"../samples/pages"}) {
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := ingest.Read(context.Background(), src, ingest.Options{})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	ex := New(Options{})
	ex.Learn(docs)
	arts := map[string]veille.Article{}
	for _, d := range docs {
		a, err := ex.Extract(context.Background(), d)
		if err != nil {
			t.Fatalf("%s: %v", d.Source, err)
		}
		arts[filepath.Base(d.Source)] = a
	}
	return exp, arts
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestSamples checks every sample page against the truth a careful reader
// gives: body boundaries, noise left out, title, authors, dates, language.
func TestSamples(t *testing.T) {
	exp, arts := extractSamples(t)
	for name, e := range exp {
		t.Run(name, func(t *testing.T) {
			a, ok := arts[name]
			if !ok {
				t.Fatal("no article")
			}
			body := norm(a.Text)
			if !strings.HasPrefix(body, norm(e.First)) {
				t.Errorf("body starts %q, want %q", clip(body, 80), e.First)
			}
			if !strings.HasSuffix(body, norm(e.Last)) {
				t.Errorf("body ends %q, want %q", clipEnd(body, 80), e.Last)
			}
			for _, s := range e.NotInBody {
				if strings.Contains(body, norm(s)) {
					t.Errorf("body holds noise %q", s)
				}
			}
			if norm(a.Title) != norm(e.Title) {
				t.Errorf("title = %q, want %q", a.Title, e.Title)
			}
			if !slices.Equal(a.Authors, e.Authors) && !(len(a.Authors) == 0 && len(e.Authors) == 0) {
				t.Errorf("authors = %q, want %q", a.Authors, e.Authors)
			}
			if got, want := a.Published.String(), deref(e.Published); got != want {
				t.Errorf("published = %q, want %q", got, want)
			}
			if got, want := a.Updated.String(), deref(e.Updated); got != want {
				t.Errorf("updated = %q, want %q", got, want)
			}
			if a.Site != "" && a.Site != e.Site {
				t.Errorf("site = %q, want %q", a.Site, e.Site)
			}
			if a.Language != e.Language {
				t.Errorf("language = %q, want %q", a.Language, e.Language)
			}
		})
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func clipEnd(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
