package bench

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille/textsim"
)

func TestPearsonSpearman(t *testing.T) {
	tests := []struct {
		name     string
		x, y     []float64
		pearson  float64
		spearman float64
	}{
		{"identical", []float64{1, 2, 3, 4}, []float64{1, 2, 3, 4}, 1, 1},
		{"affine", []float64{1, 2, 3, 4}, []float64{10, 8, 6, 4}, -1, -1},
		{"monotone, not linear", []float64{1, 2, 3, 4}, []float64{1, 4, 9, 100}, 0.8160, 1},
		{"ties", []float64{1, 1, 2, 3}, []float64{1, 2, 2, 3}, 0.8528, 0.8333},
		{"constant", []float64{1, 1, 1}, []float64{1, 2, 3}, 0, 0},
		{"too short", []float64{1}, []float64{2}, 0, 0},
		{"empty", nil, nil, 0, 0},
	}
	for _, tt := range tests {
		if p := Pearson(tt.x, tt.y); math.Abs(p-tt.pearson) > 1e-4 {
			t.Errorf("%s: Pearson %.4f, want %.4f", tt.name, p, tt.pearson)
		}
		if s := Spearman(tt.x, tt.y); math.Abs(s-tt.spearman) > 1e-4 {
			t.Errorf("%s: Spearman %.4f, want %.4f", tt.name, s, tt.spearman)
		}
	}
}

const semevalHead = "Unnamed: 0,pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone\n"

func TestReadSemEval(t *testing.T) {
	in := semevalHead +
		"7,1_2,de,fr,\"Titel\nText, mit \"\"Zitat\"\"\",Texte,1,1,1,1,1.0,1,1\n" +
		"8,3_4,fr,fr,a,b,4,4,4,4,3.6666666666666665,4,4\n"
	pairs, err := readSemEval(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 2 {
		t.Fatalf("%d pairs, want 2", len(pairs))
	}
	p := pairs[0]
	if p.ID != "1_2" || p.Langs() != "de-fr" || p.Text1 != "Titel\nText, mit \"Zitat\"" || p.Text2 != "Texte" || p.Gold() != 1 || !p.French() {
		t.Errorf("pair 0 = %+v", p)
	}
	if g := pairs[1].Gold(); math.Abs(g-1.0/9) > 1e-9 {
		t.Errorf("gold of Overall 3.67 = %v, want 1/9", g)
	}
	for _, bad := range []string{
		"",
		"pair_id,lang1,lang2,text1,text2\n1,fr,fr,a,b\n",
		semevalHead + "1,1_2,fr,fr,a,b,1,1,1,1,5,1,1\n",
		semevalHead + "1,1_2,fr,fr,a,b,1,1,1,1,x,1,1\n",
		semevalHead,
		semevalHead + "1,1_2,fr,fr,\"a,b,1,1,1,1,1,1,1\n",
	} {
		if _, err := readSemEval(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func TestRunSimilarity(t *testing.T) {
	pairs := []SimilarityPair{
		{Lang1: "fr", Lang2: "fr", Text1: "a", Text2: "a", Overall: 1},
		{Lang1: "fr", Lang2: "fr", Text1: "a", Text2: "b", Overall: 4},
		{Lang1: "de", Lang2: "fr", Text1: "a", Text2: "a", Overall: 2},
		{Lang1: "de", Lang2: "fr", Text1: "a", Text2: "b", Overall: 3},
		{Lang1: "en", Lang2: "en", Text1: "a", Text2: "a", Overall: 4},
		{Lang1: "en", Lang2: "en", Text1: "a", Text2: "b", Overall: 1},
	}
	// Scores 1 for equal texts, 0 otherwise: right on French, reversed on English.
	eq := func(_ context.Context, ps [][2]string) ([]float64, error) {
		out := make([]float64, len(ps))
		for i, p := range ps {
			if p[0] == p[1] {
				out[i] = 1
			}
		}
		return out, nil
	}
	rep, err := RunSimilarity(context.Background(), eq, pairs, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		n int
		r float64
	}{
		SimilarityFrench: {4, 0.8944}, SimilarityFrFr: {2, 1}, SimilarityDeFr: {2, 1},
		SimilarityNonFrench: {2, -1}, SimilarityAll: {6, 0.1325},
	}
	for set, w := range want {
		res, ok := rep.Result(set)
		if !ok || res.Pairs != w.n || math.Abs(res.Pearson-w.r) > 1e-4 {
			t.Errorf("%s: %+v, want %d pairs, Pearson %.4f", set, res, w.n, w.r)
		}
	}
	if rep.PairsPerSecond <= 0 || len(rep.Scores) != len(pairs) {
		t.Errorf("speed %v, %d scores", rep.PairsPerSecond, len(rep.Scores))
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil || !strings.Contains(b.String(), "de-fr") || !strings.Contains(b.String(), "pairs/s") {
		t.Errorf("table: %v\n%s", err, b.String())
	}

	fail := errors.New("boom")
	if _, err := RunSimilarity(context.Background(), func(context.Context, [][2]string) ([]float64, error) { return nil, fail }, pairs, 1); !errors.Is(err, fail) {
		t.Errorf("scorer error: %v", err)
	}
	if _, err := RunSimilarity(context.Background(), func(context.Context, [][2]string) ([]float64, error) { return []float64{1}, nil }, pairs, 1); err == nil {
		t.Error("no error for a wrong number of scores")
	}
}

// semevalPath is the shared SemEval-2022 task 8 file, beside the
// repository.
var semevalPath = filepath.Join("..", "..", "shared", "bench", "similarity", SemEvalFile)

// frenchPairs returns the shared file's French pairs, skipping the test
// when ../shared is absent.
func frenchPairs(tb testing.TB) []SimilarityPair {
	tb.Helper()
	if _, err := os.Stat(semevalPath); err != nil {
		tb.Skip("shared benchmark absent:", err)
	}
	pairs, err := LoadSemEval(semevalPath)
	if err != nil {
		tb.Fatal(err)
	}
	var fr []SimilarityPair
	for _, p := range pairs {
		if p.French() {
			fr = append(fr, p)
		}
	}
	if len(pairs) != 1283 || len(fr) != 84 {
		tb.Fatalf("%d pairs, %d French; want 1283 and 84", len(pairs), len(fr))
	}
	return fr
}

// TestSimilarityFrench is a regression floor on the French pairs of
// SemEval-2022 task 8, scored as a batch of their own (the document
// frequencies of their 168 texts; `veille bench similarity` scores the
// whole file as one batch and reports 0.783): measured 0.776, floor 0.03
// below.
func TestSimilarityFrench(t *testing.T) {
	fr := frenchPairs(t)
	rep, err := RunSimilarity(context.Background(), textsim.ScorePairs, fr, 1)
	if err != nil {
		t.Fatal(err)
	}
	const measured = 0.776
	res, _ := rep.Result(SimilarityFrench)
	if res.Pearson < measured-0.03 {
		t.Errorf("Pearson on the French pairs %.3f, below the floor %.3f", res.Pearson, measured-0.03)
	}
	t.Logf("French pairs: Pearson %.3f, Spearman %.3f, %.0f pairs/s", res.Pearson, res.Spearman, rep.PairsPerSecond)
}

// BenchmarkScore measures textsim.ScorePairs on the French pairs, the
// whole batch per iteration: language detection, analysis, document
// frequencies and scores. It reports pairs/s.
func BenchmarkScore(b *testing.B) {
	fr := frenchPairs(b)
	texts := make([][2]string, len(fr))
	for i, p := range fr {
		texts[i] = [2]string{p.Text1, p.Text2}
	}
	for b.Loop() {
		if _, err := textsim.ScorePairs(context.Background(), texts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "pairs/s")
}
