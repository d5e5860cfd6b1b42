package tagger

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// Example is one training sentence, with the gazetteer tags its features
// see (nil: no gazetteer for this sentence).
type Example struct {
	nerdata.Sentence
	Gaz []string
}

// TrainOptions controls Train.
type TrainOptions struct {
	// Epochs is the number of passes over the data (default 10).
	Epochs int
	// Seed fixes the order of the examples in every epoch.
	Seed uint64
	// Tags is the tag set; by default the tags seen in the data, O first.
	Tags []string
	// Lexicon gives word clusters and capitalisation statistics from
	// unlabelled text; nil means none.
	Lexicon *Lexicon
	// Prune drops, after averaging, the weights whose absolute value is
	// below it, and the features left with no weight (default 0: keep all).
	Prune float64
	// Logger receives one line per epoch; nil is silent.
	Logger *slog.Logger
	// CRF trains a linear-chain conditional random field by averaged
	// stochastic gradient (step Rate, default 0.1) instead of the
	// perceptron: the same features and decoder, probabilistic updates.
	CRF  bool
	Rate float64
}

// Train learns a model from examples. By default it runs the averaged
// structured perceptron (Collins 2002): decode each example with the
// current weights, move the weights toward the gold features and away
// from the predicted ones. With opts.CRF it runs stochastic gradient
// ascent on the log-likelihood of a linear-chain CRF (marginals by
// forward-backward). Either way it returns the average of the weights
// over all steps. Training is deterministic for a given input and options.
func Train(ctx context.Context, data []Example, opts TrainOptions) (*Model, error) {
	if len(data) == 0 {
		return nil, errors.New("tagger: no training examples")
	}
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.Rate <= 0 {
		opts.Rate = 0.1
	}
	tags := opts.Tags
	if tags == nil {
		tags = tagSet(data)
	}
	if len(tags) > 255 {
		return nil, fmt.Errorf("tagger: %d tags, at most 255", len(tags))
	}
	m := newModel(tags)
	if opts.Lexicon != nil {
		m.lex = opts.Lexicon.entries
	}
	tagIndex := map[string]int{}
	for i, t := range tags {
		tagIndex[t] = i
	}
	gold := make([][]int, len(data))
	for i, ex := range data {
		if len(ex.Tokens) != len(ex.Tags) {
			return nil, fmt.Errorf("tagger: example %d has %d tokens and %d tags", i, len(ex.Tokens), len(ex.Tags))
		}
		g := make([]int, len(ex.Tags))
		for j, t := range Repair(ex.Tags) {
			k, ok := tagIndex[t]
			if !ok {
				k = tagIndex["O"]
			}
			g[j] = k
		}
		gold[i] = g
	}

	T := m.nTags
	tr := &trainer{m: m, index: map[uint64]int32{}, T: T, transU: make([]float64, len(m.trans))}
	sc := new(scratch)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var feats []uint64
	var emit []float32
	var ctxs []uint8
	for epoch := 0; epoch < opts.Epochs; epoch++ {
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, toks := 0, 0
		for n, idx := range order {
			if n%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("tagger: training: %w", err)
				}
			}
			ex := data[idx]
			L := len(ex.Tokens)
			if L == 0 {
				continue
			}
			m.fill(sc, ex.Tokens, ex.Gaz)
			feats = feats[:0]
			offs := make([]int, L+1)
			for i := 0; i < L; i++ {
				sc.feats = featuresAt(sc.info, i, sc.feats)
				feats = append(feats, sc.feats...)
				offs[i+1] = len(feats)
			}
			emit = slices.Grow(emit[:0], L*T)[:L*T]
			clear(emit)
			for i := 0; i < L; i++ {
				e := emit[i*T : (i+1)*T]
				for _, k := range feats[offs[i]:offs[i+1]] {
					if r, ok := tr.index[k]; ok {
						w := tr.w[int(r)*T : int(r+1)*T]
						for t := range e {
							e[t] += w[t]
						}
					}
				}
			}
			ctxs = slices.Grow(ctxs[:0], L)[:L]
			for i := range ctxs {
				ctxs[i] = sc.info[i].pctx
			}
			g := gold[idx]
			if opts.CRF {
				tr.c++
				toks += L
				errs += tr.crfStep(emit, ctxs, g, feats, offs, opts.Rate)
				continue
			}
			pred := m.viterbi(emit, ctxs)
			tr.c++
			for i := 0; i < L; i++ {
				toks++
				pp, gp := -1, -1
				if i > 0 {
					pp, gp = pred[i-1], g[i-1]
				}
				if pred[i] != g[i] {
					errs++
					for _, k := range feats[offs[i]:offs[i+1]] {
						tr.update(k, g[i], 1)
						tr.update(k, pred[i], -1)
					}
				}
				if pred[i] != g[i] || pp != gp {
					tr.updateTrans(ctxs[i], gp, g[i], 1)
					tr.updateTrans(ctxs[i], pp, pred[i], -1)
				}
			}
		}
		if opts.Logger != nil {
			opts.Logger.Info("epoch", "n", epoch+1, "token_errors", errs, "tokens", toks,
				"features", len(tr.index), "took", time.Since(start).Round(time.Millisecond))
		}
	}
	tr.finish(opts.Prune)
	return m, nil
}

type trainer struct {
	m      *Model
	T      int
	index  map[uint64]int32
	keys   []uint64
	w      []float32
	u      []float64 // sum of step * update, for averaging
	transU []float64
	c      float64
}

func (tr *trainer) update(k uint64, t int, d float32) {
	r, ok := tr.index[k]
	if !ok {
		r = int32(len(tr.keys))
		tr.index[k] = r
		tr.keys = append(tr.keys, k)
		tr.w = append(tr.w, make([]float32, tr.T)...)
		tr.u = append(tr.u, make([]float64, tr.T)...)
	}
	i := int(r)*tr.T + t
	tr.w[i] += d
	tr.u[i] += tr.c * float64(d)
}

func (tr *trainer) updateTrans(c uint8, p, t int, d float32) {
	for _, i := range []int{(p+1)*tr.T + t, (int(c)*(tr.T+1)+p+1)*tr.T + t} {
		tr.m.trans[i] += d
		tr.transU[i] += tr.c * float64(d)
	}
}

// finish averages the weights, prunes them and builds the model's table.
func (tr *trainer) finish(prune float64) {
	c := tr.c + 1
	for i := range tr.m.trans {
		tr.m.trans[i] = float32(float64(tr.m.trans[i]) - tr.transU[i]/c)
	}
	var keys []uint64
	var rows []float32
	T := tr.T
	for r, k := range tr.keys {
		row := make([]float32, T)
		keep := false
		for t := 0; t < T; t++ {
			v := float64(tr.w[r*T+t]) - tr.u[r*T+t]/c
			if math.Abs(v) < prune || v == 0 {
				continue
			}
			row[t] = float32(v)
			keep = true
		}
		if keep {
			keys = append(keys, k)
			rows = append(rows, row...)
		}
	}
	tr.m.setTable(keys, rows)
}

// tagSet returns O then the B-/I- tags of every type in the data, types
// sorted.
func tagSet(data []Example) []string {
	types := map[string]bool{}
	for _, ex := range data {
		for _, t := range ex.Tags {
			if p, typ := splitTag(t); p != 'O' {
				types[typ] = true
			}
		}
	}
	var names []string
	for t := range types {
		names = append(names, t)
	}
	slices.Sort(names)
	out := []string{"O"}
	for _, t := range names {
		out = append(out, "B-"+t, "I-"+t)
	}
	return out
}

// Average returns the model whose weights are the mean of the models'
// weights: models trained on the same data in different orders (seeds)
// average into a steadier one. The models must share their tag set and
// lexicon; the result takes the first one's lexicon.
func Average(models ...*Model) (*Model, error) {
	if len(models) == 0 {
		return nil, errors.New("tagger: no model to average")
	}
	first := models[0]
	out := newModel(first.tags)
	out.lex = first.lex
	sum := map[uint64][]float32{}
	var order []uint64
	for _, m := range models {
		if !slices.Equal(m.tags, first.tags) {
			return nil, fmt.Errorf("tagger: averaging models with tags %v and %v", first.tags, m.tags)
		}
		for i, v := range m.trans {
			out.trans[i] += v / float32(len(models))
		}
		for j, k := range m.keys {
			if k == 0 {
				continue
			}
			row := sum[k]
			if row == nil {
				row = make([]float32, m.nTags)
				sum[k] = row
				order = append(order, k)
			}
			for t, v := range m.weights[j*m.nTags : (j+1)*m.nTags] {
				row[t] += v / float32(len(models))
			}
		}
	}
	slices.Sort(order)
	rows := make([]float32, 0, len(order)*first.nTags)
	for _, k := range order {
		rows = append(rows, sum[k]...)
	}
	out.setTable(order, rows)
	return out, nil
}

// crfStep moves the weights along the gradient of the log-likelihood of
// the gold tags g, and returns the number of tokens whose most probable
// tag is wrong.
func (tr *trainer) crfStep(emit []float32, ctxs []uint8, g []int, feats []uint64, offs []int, rate float64) int {
	m, T, n := tr.m, tr.T, len(ctxs)
	neg := math.Inf(-1)
	alpha := make([]float64, n*T)
	beta := make([]float64, n*T)
	trans := func(c uint8, p, t int) float64 {
		if !m.allowed[(p+1)*T+t] {
			return neg
		}
		return float64(m.transScore(c, p, t))
	}
	lse := func(xs []float64) float64 {
		mx := neg
		for _, x := range xs {
			mx = max(mx, x)
		}
		if mx == neg {
			return neg
		}
		s := 0.0
		for _, x := range xs {
			s += math.Exp(x - mx)
		}
		return mx + math.Log(s)
	}
	buf := make([]float64, T)
	for t := 0; t < T; t++ {
		alpha[t] = trans(ctxs[0], -1, t) + float64(emit[t])
	}
	for i := 1; i < n; i++ {
		for t := 0; t < T; t++ {
			for p := 0; p < T; p++ {
				buf[p] = alpha[(i-1)*T+p] + trans(ctxs[i], p, t)
			}
			alpha[i*T+t] = lse(buf) + float64(emit[i*T+t])
		}
	}
	for i := n - 2; i >= 0; i-- {
		for t := 0; t < T; t++ {
			for u := 0; u < T; u++ {
				buf[u] = trans(ctxs[i+1], t, u) + float64(emit[(i+1)*T+u]) + beta[(i+1)*T+u]
			}
			beta[i*T+t] = lse(buf)
		}
	}
	z := lse(alpha[(n-1)*T:])
	if math.IsInf(z, 0) || math.IsNaN(z) {
		return n // diverged scores: skip the sentence rather than poison the weights
	}
	errs := 0
	for i := 0; i < n; i++ {
		best, arg := -1.0, 0
		for t := 0; t < T; t++ {
			p := math.Exp(alpha[i*T+t] + beta[i*T+t] - z)
			if p > best {
				best, arg = p, t
			}
			d := -p
			if t == g[i] {
				d += 1
			}
			if math.Abs(d) < 1e-3 {
				continue
			}
			for _, k := range feats[offs[i]:offs[i+1]] {
				tr.update(k, t, float32(rate*d))
			}
		}
		if arg != g[i] {
			errs++
		}
		// transitions into position i
		gp := -1
		if i > 0 {
			gp = g[i-1]
		}
		for t := 0; t < T; t++ {
			for p := -1; p < T; p++ {
				if (i == 0) != (p == -1) {
					continue
				}
				var lp float64
				if p == -1 {
					lp = alpha[t] + beta[t] - z
				} else {
					lp = alpha[(i-1)*T+p] + trans(ctxs[i], p, t) + float64(emit[i*T+t]) + beta[i*T+t] - z
				}
				d := -math.Exp(lp)
				if p == gp && t == g[i] {
					d += 1
				}
				if math.Abs(d) < 1e-4 {
					continue
				}
				tr.updateTrans(ctxs[i], p, t, float32(rate*d))
			}
		}
	}
	return errs
}
