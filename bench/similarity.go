package bench

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/veille-news/veille/textsim"
)

// SimilarityPair is one pair of news articles of the SemEval-2022 task 8
// benchmark (multilingual news article similarity) with its gold score.
type SimilarityPair struct {
	// ID is the pair_id column: the two articles' ids joined by "_".
	ID string
	// Lang1 and Lang2 are the ISO 639-1 codes of the two texts.
	Lang1, Lang2 string
	// Text1 and Text2 are the articles: headline, then body, as the task
	// distributes them (the headline is sometimes on a line of its own,
	// sometimes run into the body).
	Text1, Text2 string
	// Overall is the annotators' mean overall score: 1 = the same story,
	// 4 = unrelated.
	Overall float64
}

// Gold returns the pair's gold similarity in [0,1]: (4 − Overall)/3, so 1
// is the same story and 0 unrelated.
func (p SimilarityPair) Gold() float64 { return (4 - p.Overall) / 3 }

// Langs returns the pair's languages as "l1-l2" in the order of the file.
func (p SimilarityPair) Langs() string { return p.Lang1 + "-" + p.Lang2 }

// French reports whether either text of the pair is French.
func (p SimilarityPair) French() bool { return p.Lang1 == "fr" || p.Lang2 == "fr" }

// SemEvalFile is the name of the SemEval-2022 task 8 training file in
// the shared similarity benchmark directory
// (../shared/bench/similarity).
const SemEvalFile = "semeval2022-task8-train.csv"

// LoadSemEval reads the SemEval-2022 task 8 training CSV (columns
// "Unnamed: 0", pair_id, lang1, lang2, text1, text2, Geography, Entities,
// Time, Narrative, Overall, Style, Tone; texts are quoted and span lines).
// Columns are found by their header names.
func LoadSemEval(path string) ([]SimilarityPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: semeval: %w", err)
	}
	defer f.Close()
	pairs, err := readSemEval(f)
	if err != nil {
		return nil, fmt.Errorf("bench: semeval: %s: %w", path, err)
	}
	return pairs, nil
}

// readSemEval reads the CSV of LoadSemEval from r.
func readSemEval(r io.Reader) ([]SimilarityPair, error) {
	cr := csv.NewReader(r)
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("header: %w", err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	need := []string{"pair_id", "lang1", "lang2", "text1", "text2", "Overall"}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("no %q column", n)
		}
	}
	var pairs []SimilarityPair
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		overall, err := strconv.ParseFloat(rec[col["Overall"]], 64)
		if err != nil || overall < 1 || overall > 4 {
			return nil, fmt.Errorf("line %d: Overall %q is not a score from 1 to 4", line, rec[col["Overall"]])
		}
		pairs = append(pairs, SimilarityPair{
			ID:      rec[col["pair_id"]],
			Lang1:   rec[col["lang1"]],
			Lang2:   rec[col["lang2"]],
			Text1:   rec[col["text1"]],
			Text2:   rec[col["text2"]],
			Overall: overall,
		})
	}
	if len(pairs) == 0 {
		return nil, errors.New("no pairs")
	}
	return pairs, nil
}

// Pearson returns the Pearson correlation of x and y, 0 when either is
// constant or they are shorter than 2. It panics if their lengths differ.
func Pearson(x, y []float64) float64 {
	if len(x) != len(y) {
		panic("bench: Pearson of slices of different lengths")
	}
	n := float64(len(x))
	if len(x) < 2 {
		return 0
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// Spearman returns Spearman's rank correlation of x and y: the Pearson
// correlation of their ranks, ties given their mean rank.
func Spearman(x, y []float64) float64 {
	return Pearson(ranks(x), ranks(y))
}

// ranks returns the 1-based rank of each value of x, ties averaged.
func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case x[a] < x[b]:
			return -1
		case x[a] > x[b]:
			return 1
		}
		return 0
	})
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		mean := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			r[idx[k]] = mean
		}
		i = j + 1
	}
	return r
}

// PairScorer scores every pair of a batch of texts: it is handed all the
// pairs at once, so that it can learn the collection's term statistics
// from them, and returns one score per pair, in order, higher = more
// alike.
type PairScorer func(ctx context.Context, pairs [][2]string) ([]float64, error)

// Names of the sets RunSimilarity reports.
const (
	SimilarityFrench    = "French (fr-fr + de-fr)"
	SimilarityFrFr      = "fr-fr"
	SimilarityDeFr      = "de-fr"
	SimilarityNonFrench = "non-French"
	SimilarityAll       = "all"
)

// SemEvalFrenchReference is the best published figure on the task's
// French pairs, for comparison.
const SemEvalFrenchReference = "best system of SemEval-2022 task 8 on French: 0.865 (large neural models)"

// SimilarityResult is the agreement of a scorer with the gold on one set
// of pairs.
type SimilarityResult struct {
	Set      string  `json:"set"`
	Pairs    int     `json:"pairs"`
	Pearson  float64 `json:"pearson"`
	Spearman float64 `json:"spearman"`
}

// SimilarityReport is the result of RunSimilarity.
type SimilarityReport struct {
	Results []SimilarityResult `json:"results"`
	// PairsPerSecond is the speed of the scorer over all the pairs, its
	// collection statistics included (the fastest of the runs).
	PairsPerSecond float64 `json:"pairs_per_second"`
	// Scores are the scores of the pairs, in the order given.
	Scores []float64 `json:"-"`
}

// RunSimilarity scores all pairs with score in one batch, runs times (at
// least once, the fastest reported), and correlates the scores with the
// gold similarity on the French pairs (either text French), fr-fr, de-fr,
// the non-French pairs and all; a set with no pair is left out.
func RunSimilarity(ctx context.Context, score PairScorer, pairs []SimilarityPair, runs int) (SimilarityReport, error) {
	texts := make([][2]string, len(pairs))
	for i, p := range pairs {
		texts[i] = [2]string{p.Text1, p.Text2}
	}
	var rep SimilarityReport
	for range max(runs, 1) {
		start := time.Now()
		s, err := score(ctx, texts)
		if err != nil {
			return rep, fmt.Errorf("bench: similarity: %w", err)
		}
		if len(s) != len(pairs) {
			return rep, fmt.Errorf("bench: similarity: %d scores for %d pairs", len(s), len(pairs))
		}
		if el := time.Since(start); el > 0 {
			rep.PairsPerSecond = max(rep.PairsPerSecond, float64(len(pairs))/el.Seconds())
		}
		rep.Scores = s
	}
	sets := []struct {
		name string
		in   func(SimilarityPair) bool
	}{
		{SimilarityFrench, SimilarityPair.French},
		{SimilarityFrFr, func(p SimilarityPair) bool { return p.Lang1 == "fr" && p.Lang2 == "fr" }},
		{SimilarityDeFr, func(p SimilarityPair) bool {
			return p.Lang1 == "de" && p.Lang2 == "fr" || p.Lang1 == "fr" && p.Lang2 == "de"
		}},
		{SimilarityNonFrench, func(p SimilarityPair) bool { return !p.French() }},
		{SimilarityAll, func(SimilarityPair) bool { return true }},
	}
	for _, set := range sets {
		var x, y []float64
		for i, p := range pairs {
			if set.in(p) {
				x = append(x, rep.Scores[i])
				y = append(y, p.Gold())
			}
		}
		if len(x) == 0 {
			continue
		}
		rep.Results = append(rep.Results, SimilarityResult{
			Set: set.name, Pairs: len(x), Pearson: Pearson(x, y), Spearman: Spearman(x, y),
		})
	}
	return rep, nil
}

// Result returns the result for the named set.
func (r SimilarityReport) Result(set string) (SimilarityResult, bool) {
	i := slices.IndexFunc(r.Results, func(x SimilarityResult) bool { return x.Set == set })
	if i < 0 {
		return SimilarityResult{}, false
	}
	return r.Results[i], true
}

// WriteTable writes one line per set: pairs, Pearson and Spearman, then
// the speed.
func (r SimilarityReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tpairs\tPearson\tSpearman")
	for _, res := range r.Results {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\n", res.Set, res.Pairs, res.Pearson, res.Spearman)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\n%.0f pairs/s (the whole batch: language detection and analysis of every text on all cores, document frequencies, scores)\n", r.PairsPerSecond)
	return err
}

// FitSimilarity fits textsim's two models, for pairs in one language and
// in two, by least squares on the gold similarity of the pairs that have
// no French text, so that the figures on the French pairs are not fitted
// to them. The signals are measured over the batch of all pairs, as
// textsim.ScorePairs measures them.
func FitSimilarity(ctx context.Context, pairs []SimilarityPair) (same, cross textsim.Model, err error) {
	texts := make([][2]string, len(pairs))
	for i, p := range pairs {
		texts[i] = [2]string{p.Text1, p.Text2}
	}
	sig, one, err := textsim.PairSignals(ctx, texts)
	if err != nil {
		return same, cross, fmt.Errorf("bench: similarity: %w", err)
	}
	var ss, cs []textsim.Signals
	var sg, cg []float64
	for i, p := range pairs {
		switch {
		case p.French():
		case one[i]:
			ss, sg = append(ss, sig[i]), append(sg, p.Gold())
		default:
			cs, cg = append(cs, sig[i]), append(cg, p.Gold())
		}
	}
	var use [textsim.NumSignals]bool
	for i := range use {
		use[i] = true
	}
	if same, err = textsim.FitModel(ss, sg, use, fitRidge); err != nil {
		return same, cross, fmt.Errorf("bench: similarity: same language: %w", err)
	}
	if cross, err = textsim.FitModel(cs, cg, use, fitRidge); err != nil {
		return same, cross, fmt.Errorf("bench: similarity: across languages: %w", err)
	}
	return same, cross, nil
}

// fitRidge is the ridge penalty of FitSimilarity, per pair: small, only
// to keep the fit stable.
const fitRidge = 1e-3
