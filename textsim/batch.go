package textsim

import (
	"context"
	"runtime"
	"sync"
)

// SameLanguage and CrossLanguage are the default models of [Scorer],
// for pairs in one language and across two. They are least-squares fits
// of the gold similarity of the SemEval-2022 task 8 training pairs that
// have no French text (842 pairs in one language as detected: de, en,
// es, tr, zh, pl, it, ar, ru; 357 across two: de-en, zh-en, es-it, es-en,
// pl-en), measured over the batch of all the task's texts, so that the
// French figure `veille bench similarity` reports is not fitted to
// itself. `veille bench similarity-fit` refits and prints them.
//
// Within a language, the analysed terms, the lead and the headline carry
// the score; across languages, where few terms are shared, the names do.
var (
	SameLanguage  = Model{Bias: -0.034, Weights: [NumSignals]float64{0.802, 0.442, 0.073, 0.097, 0.343}}
	CrossLanguage = Model{Bias: 0.160, Weights: [NumSignals]float64{0.376, 0.337, 1.080, 0.266, 0.150}}
)

// Batch is a collection of texts analysed together: each distinct text
// once, its document frequencies counted once.
type Batch struct {
	texts map[string]*Text
	df    *DF
}

// AnalyzeBatch analyses texts, the distinct ones once, on all cores, and
// counts their document frequencies over the French background
// ([NewFrenchDF]). It stops early, returning ctx's
// error, when ctx ends.
func AnalyzeBatch(ctx context.Context, texts []string) (*Batch, error) {
	b := &Batch{texts: make(map[string]*Text, len(texts)), df: NewFrenchDF()}
	var uniq []string
	for _, t := range texts {
		if _, ok := b.texts[t]; !ok {
			b.texts[t] = nil
			uniq = append(uniq, t)
		}
	}
	out := make([]*Text, len(uniq))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(len(uniq), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = Analyze(uniq[i])
			}
		}()
	}
	var err error
feed:
	for i := range uniq {
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return nil, err
	}
	for i, t := range uniq {
		b.texts[t] = out[i]
		b.df.Add(out[i].Bag())
	}
	return b, nil
}

// DF returns the batch's document frequencies, each distinct text
// counted once.
func (b *Batch) DF() *DF { return b.df }

// Text returns the analysis of a text of the batch, nil for a text not
// in it.
func (b *Batch) Text(s string) *Text { return b.texts[s] }

// ScorePairs scores pairs of texts with a Scorer over the batch of all
// their texts: the document frequencies are those of the distinct texts
// of pairs added to the French background, so a term shared by many of
// them, or common in French, weighs little. The scores are in [0,1], in
// the order of pairs. A batch of one pair still scores: its French terms
// then weigh by the background alone.
func ScorePairs(ctx context.Context, pairs [][2]string) ([]float64, error) {
	return ScorePairsWith(ctx, pairs, SameLanguage, CrossLanguage)
}

// ScorePairsWith is ScorePairs with the models same and cross in place
// of the default ones.
func ScorePairsWith(ctx context.Context, pairs [][2]string, same, cross Model) ([]float64, error) {
	sc, feats, err := batchFeatures(ctx, pairs)
	if err != nil {
		return nil, err
	}
	sc.Same, sc.Cross = same, cross
	out := make([]float64, len(pairs))
	for i, p := range pairs {
		out[i] = sc.Compare(feats[p[0]], feats[p[1]])
	}
	return out, nil
}

// PairSignals returns the signals of pairs over the batch of all their
// texts, as ScorePairs measures them, and whether each pair is in one
// language: what a Model is fitted on.
func PairSignals(ctx context.Context, pairs [][2]string) ([]Signals, []bool, error) {
	sc, feats, err := batchFeatures(ctx, pairs)
	if err != nil {
		return nil, nil, err
	}
	sig := make([]Signals, len(pairs))
	same := make([]bool, len(pairs))
	for i, p := range pairs {
		a, b := feats[p[0]], feats[p[1]]
		sig[i] = sc.Signals(a, b)
		same[i] = SameLang(a, b)
	}
	return sig, same, nil
}

// batchFeatures analyses the texts of pairs as one batch and returns a
// default Scorer over it with the features of each distinct text.
func batchFeatures(ctx context.Context, pairs [][2]string) (*Scorer, map[string]*Features, error) {
	texts := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		texts = append(texts, p[0], p[1])
	}
	b, err := AnalyzeBatch(ctx, texts)
	if err != nil {
		return nil, nil, err
	}
	sc := NewScorer(b.DF())
	feats := make(map[string]*Features, len(b.texts))
	for s, t := range b.texts {
		feats[s] = sc.Features(t)
	}
	return sc, feats, nil
}
