package bench

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/reuse"
)

// newsDir is the MasakhaNEWS French corpus, beside the repository.
const newsDir = "../../shared/corpus/masakhanews-fra"

func loadNews(t *testing.T) []NewsArticle {
	t.Helper()
	if _, err := os.Stat(newsDir); err != nil {
		t.Skip("shared corpus absent:", err)
	}
	arts, err := LoadNews(newsDir)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

func TestGenerateReuseSet(t *testing.T) {
	arts := loadNews(t)
	opt := ReuseSetOptions{Seed: 7, Sources: 30, Distractors: 60}
	a, b := GenerateReuseSet(arts, opt), GenerateReuseSet(arts, opt)
	if len(a.Docs) != len(b.Docs) {
		t.Fatalf("two runs with one seed: %d and %d documents", len(a.Docs), len(b.Docs))
	}
	for i := range a.Docs {
		if a.Docs[i].ID != b.Docs[i].ID || a.Docs[i].Text != b.Docs[i].Text || a.Docs[i].Published != b.Docs[i].Published {
			t.Fatalf("document %d differs between two runs with one seed", i)
		}
	}
	if a.Sources != 30 || a.Distractors != 60 || a.Derived < 30 || len(a.Docs) != a.Sources+a.Derived+a.Distractors {
		t.Errorf("sources %d, derived %d, distractors %d, docs %d", a.Sources, a.Derived, a.Distractors, len(a.Docs))
	}
	byID := map[string]ReuseDoc{}
	for _, d := range a.Docs {
		byID[d.ID] = d
	}
	seen := map[string]bool{}
	for _, d := range a.Docs {
		if d.Source == "" {
			continue
		}
		seen[d.Transform] = true
		src, ok := byID[d.Source]
		if !ok {
			t.Fatalf("%s: source %s not in the set", d.ID, d.Source)
		}
		if d.Site == src.Site {
			t.Errorf("%s: same site as its source", d.ID)
		}
		if !d.Published.IsZero() && !src.Published.IsZero() && d.Published.Time.Before(src.Published.Time) {
			t.Errorf("%s: published %s before its source (%s)", d.ID, d.Published, src.Published)
		}
		switch d.Transform {
		case TransformMirror:
			if d.Text != src.Text {
				t.Errorf("%s: a mirror differs from its source", d.ID)
			}
		case TransformWire:
			if !strings.Contains(d.Text, "(") && !strings.Contains(d.Text, "selon") && !strings.Contains(d.Text, "rapport") {
				t.Errorf("%s: no agency credit", d.ID)
			}
		}
		if d.Text == src.Text && d.Transform != TransformMirror {
			t.Errorf("%s (%s): same text as its source", d.ID, d.Transform)
		}
	}
	for _, tr := range []string{TransformCopy, TransformTruncated, TransformLead, TransformWire, TransformInserted} {
		if !seen[tr] {
			t.Errorf("no %s document", tr)
		}
	}
}

func TestScoreReuse(t *testing.T) {
	day := func(s string) veille.Date {
		d, err := veille.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	doc := func(id, source, tr, date string) ReuseDoc {
		d := ReuseDoc{Source: source, Transform: tr}
		d.ID, d.Published = id, day(date)
		return d
	}
	set := ReuseSet{Docs: []ReuseDoc{
		doc("s", "", "", "2024-01-01"),
		doc("c", "s", TransformCopy, "2024-01-03"),
		doc("l", "s", TransformLead, ""),
		doc("x", "", "", "2024-01-02"),
	}}
	pairs := []reuse.Pair{
		{A: "c", B: "s", Kind: reuse.Verbatim, Direction: reuse.SourceB, DirectionReason: reuse.ReasonEarlier},
		{A: "s", B: "l", Kind: reuse.Verbatim, Direction: reuse.Unknown, DirectionReason: reuse.ReasonMissingDate + " (b)"},
		{A: "c", B: "l", Kind: reuse.Verbatim, Direction: reuse.Unknown},
		{A: "x", B: "s", Kind: reuse.Verbatim, Direction: reuse.SourceB},
	}
	s := ScoreReuse(set, pairs)
	want := ReuseScore{Docs: 4, Predicted: 4, Right: 3, Precision: 0.75, Gold: 2, Found: 2, Recall: 1,
		Siblings: 1, SiblingsFound: 1, Directed: 1, DirectionPredicted: 1, DirectionRight: 1,
		DirectionPrecision: 1, DirectionRecall: 1, Undirected: 1, UnknownRight: 1, KindScored: 2, KindRight: 1, KindAccuracy: 0.5}
	s.Transforms, s.Errors = nil, nil
	if s.Docs != want.Docs || s.Right != want.Right || s.Precision != want.Precision || s.Found != want.Found ||
		s.Recall != want.Recall || s.Siblings != want.Siblings || s.SiblingsFound != want.SiblingsFound ||
		s.Directed != want.Directed || s.DirectionRight != want.DirectionRight || s.DirectionPredicted != want.DirectionPredicted ||
		s.Undirected != want.Undirected || s.UnknownRight != want.UnknownRight ||
		s.KindScored != want.KindScored || s.KindRight != want.KindRight || s.KindAccuracy != want.KindAccuracy {
		t.Errorf("score\n%+v\nwant\n%+v", s, want)
	}
}

// TestReuseBenchmark runs the reuse benchmark on a small generated set and
// holds its figures above floors a little under those measured.
func TestReuseBenchmark(t *testing.T) {
	arts := loadNews(t)
	set := GenerateReuseSet(arts, ReuseSetOptions{Seed: 1, Sources: 40, Distractors: 120})
	rep, err := RunReuse(context.Background(), set, reuse.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d docs\n%s", len(set.Docs), b.String())
	for _, e := range rep.Errors {
		t.Log(e)
	}
	floors := []struct {
		name      string
		got, want float64
	}{
		{"pair precision", rep.Precision, 0.95},
		{"pair recall", rep.Recall, 0.95},
		{"direction precision", rep.DirectionPrecision, 0.95},
		{"direction recall", rep.DirectionRecall, 0.95},
		{"unknown right", ratio(rep.UnknownRight, rep.Undirected), 0.95},
		{"kind accuracy", rep.KindAccuracy, 0.9},
	}
	for _, f := range floors {
		if f.got < f.want {
			t.Errorf("%s %.3f, want at least %.2f", f.name, f.got, f.want)
		}
	}
}
