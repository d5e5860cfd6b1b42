package bench

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille/internal/sharedtest"
)

func scaleCorpus(t *testing.T) []ScaleDoc {
	t.Helper()
	dir := filepath.Join(sharedtest.Dir(t), "corpus", "masakhanews-fra")
	docs, err := ReadNewsCorpus(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestSynthesize(t *testing.T) {
	corpus := scaleCorpus(t)
	syn, err := NewScaleSynth(corpus, ScaleOptions{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	docs, err := syn.Generate(context.Background(), 2000)
	if err != nil {
		t.Fatal(err)
	}
	again := syn.Article(1234)
	if again != docs[1234] {
		t.Errorf("article 1234 differs when built again")
	}
	ids := map[string]bool{}
	var size, copies int
	lo, hi := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC)
	for _, d := range docs {
		if ids[d.ID] {
			t.Fatalf("duplicate id %s", d.ID)
		}
		ids[d.ID] = true
		if d.Title == "" || d.Text == "" || d.Category == "" {
			t.Fatalf("%s: empty field: %+v", d.ID, d)
		}
		if d.Published.Before(lo) || d.Published.After(hi) {
			t.Errorf("%s: published %v, outside 2023–2024", d.ID, d.Published)
		}
		if d.CopyOf != "" {
			copies++
			if !ids[d.CopyOf] {
				t.Errorf("%s copies %s, not an earlier article", d.ID, d.CopyOf)
			}
		}
		size += len(d.Text)
	}
	if avg := size / len(docs); avg < 600 || avg > 2500 {
		t.Errorf("average text %d bytes, want about 1–2 KB", avg)
	}
	if copies < 100 || copies > 300 {
		t.Errorf("%d copies of 2000, want about 10%%", copies)
	}
	// Articles built from the same corpus article are not copies of
	// each other: no sentence of 8 words or more recurs in many of them.
	count := map[string]int{}
	for _, d := range docs {
		if d.CopyOf != "" {
			continue
		}
		for _, s := range scaleSentences(d.Text) {
			if len(strings.Fields(s)) >= 8 {
				count[s]++
			}
		}
	}
	for s, n := range count {
		if n > 3 {
			t.Errorf("sentence in %d originals: %.80q", n, s)
		}
	}
}

func TestRunScale(t *testing.T) {
	corpus := scaleCorpus(t)
	rep, err := RunScale(context.Background(), corpus, []ScaleStage{DedupStage{}}, ScaleOptions{Sizes: []int{1000, 2000}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 {
		t.Fatalf("%d results, want 2", len(rep.Results))
	}
	for _, r := range rep.Results {
		if r.Stage != "dedup" || r.Wall <= 0 || r.PerSecond <= 0 || r.PeakHeap < r.BaseHeap || r.Allocated == 0 {
			t.Errorf("implausible result %+v", r)
		}
		f := r.Stats.Figures
		if f["copies found"] < 0.9 {
			t.Errorf("%d articles: %.3f of the injected copies found, want 0.9 or more", r.Articles, f["copies found"])
		}
		if f["grouped"] > 0.25 {
			t.Errorf("%d articles: %.3f grouped, want about the 10%% copies and their sources", r.Articles, f["grouped"])
		}
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "dedup: 1000→2000 articles") {
		t.Errorf("no growth line in:\n%s", b.String())
	}
	t.Log("\n" + b.String())
}
