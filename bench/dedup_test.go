package bench

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille/dedup"
	"github.com/veille-news/veille/internal/sharedtest"
)

func dedupArticles(t *testing.T, n int) []ScaleDoc {
	t.Helper()
	arts, err := ReadNewsTSV(filepath.Join(sharedtest.Dir(t), "corpus", "masakhanews-fra", "dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	return arts[:min(n, len(arts))]
}

func TestBuildDedupSet(t *testing.T) {
	arts := dedupArticles(t, 80)
	docs := BuildDedupSet(arts, 1)
	if again := BuildDedupSet(arts, 1); !slices.Equal(docs, again) {
		t.Fatal("the same seed built a different set")
	}
	kinds := map[string]int{}
	for i, d := range docs {
		kinds[d.Kind]++
		src := docs[d.Source]
		switch d.Kind {
		case DedupOriginal, DedupMix:
			if d.Source != i {
				t.Errorf("%s: a %s is its own source, got %d", d.ID, d.Kind, d.Source)
			}
			continue
		}
		if src.Kind != DedupOriginal || src.Category != d.Category {
			t.Errorf("%s: source %s is a %s of %q", d.ID, src.ID, src.Kind, src.Category)
		}
		switch d.Kind {
		case DedupExact:
			norm := func(s string) string {
				return strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " ")
			}
			if d.Text == src.Text || norm(d.Text) != norm(src.Text) {
				t.Errorf("%s: not the source's words with another typography", d.ID)
			}
		case DedupChrome:
			if !strings.Contains(d.Text, src.Text) || len(d.Text) <= len(src.Text) {
				t.Errorf("%s: the source is not inside", d.ID)
			}
		case DedupTruncated:
			body := strings.Join(strings.Fields(strings.TrimSuffix(d.Text, " […] Lire la suite")), "")
			all := strings.Join(strings.Fields(src.Text), "")
			if len(body) >= len(all) || !strings.HasPrefix(all, body) {
				t.Errorf("%s: not a beginning of the source", d.ID)
			}
		case DedupLead:
			if d.Text == src.Text || !strings.HasSuffix(src.Text, d.Text[len(d.Text)-50:]) {
				t.Errorf("%s: not the source with another beginning", d.ID)
			}
		}
	}
	for _, k := range append([]string{DedupOriginal, DedupMix}, DedupKinds...) {
		if kinds[k] == 0 {
			t.Errorf("no %s text in %v", k, kinds)
		}
	}
	if kinds[DedupOriginal] != len(arts) {
		t.Errorf("%d originals for %d articles", kinds[DedupOriginal], len(arts))
	}
}

// TestRunDedupScores checks the pair metric on methods whose scores are
// known: the gold grouping, every text alone, every text together.
func TestRunDedupScores(t *testing.T) {
	docs := []DedupDoc{
		{ID: "a", Source: 0, Kind: DedupOriginal},
		{ID: "a1", Source: 0, Kind: DedupExact},
		{ID: "a2", Source: 0, Kind: DedupTruncated},
		{ID: "b", Source: 3, Kind: DedupOriginal},
		{ID: "m", Source: 4, Kind: DedupMix},
	}
	fixed := func(name string, labels ...int) DedupMethod {
		return DedupMethod{Name: name, Group: func(context.Context, []DedupDoc) ([]int, error) { return labels, nil }}
	}
	rep, err := RunDedup(context.Background(), docs, []DedupMethod{
		fixed("gold", 0, 0, 0, 3, 4),
		fixed("alone", 0, 1, 2, 3, 4),
		fixed("together", 0, 0, 0, 0, 0),
		fixed("half", 0, 0, 2, 3, 3),
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.GoldPairs != 3 {
		t.Fatalf("gold pairs %d, want 3", rep.GoldPairs)
	}
	want := []struct {
		p, r, exact, trunc, mix float64
	}{
		{1, 1, 1, 1, 0},
		{0, 0, 0, 0, 0},
		{0.3, 1, 1, 1, 1},
		{0.5, 1.0 / 3, 1, 0, 1},
	}
	for i, w := range want {
		res := rep.Results[i]
		if !near(res.Precision, w.p) || !near(res.Recall, w.r) || res.KindRecall[DedupExact] != w.exact || res.KindRecall[DedupTruncated] != w.trunc || res.KindRecall[DedupMix] != w.mix {
			t.Errorf("%s: P %.3f R %.3f exact %.1f truncated %.1f mix %.1f; want %+v", res.Method, res.Precision, res.Recall,
				res.KindRecall[DedupExact], res.KindRecall[DedupTruncated], res.KindRecall[DedupMix], w)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestDedupDetectorOnCopies is a floor for the Detector on copies of 100
// development articles.
func TestDedupDetectorOnCopies(t *testing.T) {
	docs := BuildDedupSet(dedupArticles(t, 100), 1)
	rep, err := RunDedup(context.Background(), docs, []DedupMethod{
		DetectorMethod("minhash detector", dedup.Options{}),
		SimHashMethod("simhash", 5, 6, 10),
	})
	if err != nil {
		t.Fatal(err)
	}
	mh, sh := rep.Results[0], rep.Results[1]
	if mh.Precision < 0.95 || mh.Recall < 0.8 || mh.KindRecall[DedupExact] != 1 || mh.KindRecall[DedupChrome] < 0.9 {
		t.Errorf("minhash: P %.3f R %.3f %v", mh.Precision, mh.Recall, mh.KindRecall)
	}
	if sh.Recall >= mh.Recall {
		t.Errorf("simhash recall %.3f not under minhash's %.3f", sh.Recall, mh.Recall)
	}
}
