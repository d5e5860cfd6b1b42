// Package textsim measures how close two news texts are: it turns a text
// into analysed terms, weighs them by TF-IDF against a collection, and
// compares the weighted vectors by cosine.
//
// French analysis (elision, stop words, light stemming) comes from
// bleve's French analyser; the weighting and vectors are written here
// because they are a few lines and must be compact and fast for
// clustering millions of articles: terms are hashed to 64 bits and a
// vector is two sorted slices.
//
// A collection's document frequencies may start from a background
// ([NewFrenchDF]): counts of French newspaper text shipped in
// data/french.vdf, built by `go run ./textsim/gen` from corpora that may
// train what veille ships, so that a small collection already weighs
// common words low.
//
// The pair score ([Scorer], [ScorePairs]) says how likely two texts tell
// the same story, in [0,1], without neural models: each text is analysed
// once ([Analyze]: its language detected by package lang, terms from
// bleve's analyser for that language, its headline and lead, its
// capitalised names, its numbers), weighed by TF-IDF against a collection, and a pair's
// cosines are combined by a linear model, one for pairs in one language
// and one across languages. The models are fitted on the non-French
// pairs of SemEval-2022 task 8 and measured on its French pairs by
// `veille bench similarity`. This part is written here because no Go
// library scores news story similarity.
package textsim

import (
	"hash/fnv"
	"math"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/registry"
)

// Analyzer turns a text into its index terms. It is safe for concurrent
// use.
type Analyzer struct {
	a analysis.Analyzer
}

var (
	frOnce sync.Once
	frAn   *Analyzer
	frErr  error
)

// French returns the French analyser: words cut on Unicode boundaries,
// elisions removed ("l'armée" → "armée"), lower-cased, stop words
// dropped, light-stemmed ("délégations" → "deleg"). Other languages go
// through it without harm: their words are kept, unstemmed.
func French() *Analyzer {
	frOnce.Do(func() {
		a, err := registry.NewCache().AnalyzerNamed(fr.AnalyzerName)
		if err != nil {
			frErr = err
			return
		}
		frAn = &Analyzer{a: a}
	})
	if frErr != nil {
		// the analyser is compiled in: failing to build it is a bug
		panic("textsim: French analyser: " + frErr.Error())
	}
	return frAn
}

// Terms returns the analysed terms of text, in order, repeats kept.
func (a *Analyzer) Terms(text string) []string {
	ts := a.a.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}

// Hash returns the 64-bit hash a term is known by in vectors.
func Hash(term string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(term))
	return h.Sum64()
}

// Bag counts the terms of a text by their hashes.
type Bag map[uint64]int

// NewBag counts terms.
func NewBag(terms []string) Bag {
	b := make(Bag, len(terms))
	for _, t := range terms {
		b[Hash(t)]++
	}
	return b
}

// Vector is a sparse vector of term weights, sorted by term hash. A
// vector made by [DF.Vector] has unit length, so that the dot product of
// two is their cosine.
type Vector struct {
	Terms   []uint64
	Weights []float32
}

// Len returns the number of terms with a weight.
func (v Vector) Len() int { return len(v.Terms) }

// Dot returns the dot product of two vectors.
func (v Vector) Dot(o Vector) float64 {
	var s float64
	i, j := 0, 0
	for i < len(v.Terms) && j < len(o.Terms) {
		switch {
		case v.Terms[i] < o.Terms[j]:
			i++
		case v.Terms[i] > o.Terms[j]:
			j++
		default:
			s += float64(v.Weights[i]) * float64(o.Weights[j])
			i++
			j++
		}
	}
	return s
}

// Top returns the n heaviest terms of v, heaviest first (ties by hash).
func (v Vector) Top(n int) []uint64 {
	idx := make([]int, len(v.Terms))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		switch {
		case v.Weights[a] > v.Weights[b]:
			return -1
		case v.Weights[a] < v.Weights[b]:
			return 1
		case v.Terms[a] < v.Terms[b]:
			return -1
		case v.Terms[a] > v.Terms[b]:
			return 1
		}
		return 0
	})
	if n > len(idx) {
		n = len(idx)
	}
	out := make([]uint64, n)
	for k := range n {
		out[k] = v.Terms[idx[k]]
	}
	return out
}

// Normalize scales v to unit length in place and returns it; a zero
// vector stays zero.
func (v Vector) Normalize() Vector {
	var n float64
	for _, w := range v.Weights {
		n += float64(w) * float64(w)
	}
	if n == 0 {
		return v
	}
	n = math.Sqrt(n)
	for i := range v.Weights {
		v.Weights[i] = float32(float64(v.Weights[i]) / n)
	}
	return v
}

// DF counts in how many documents of a collection each term occurs. It
// grows as documents arrive, so that weights follow the collection the
// user has. A DF may start from a background ([NewFrenchDF]): counts of
// a reference collection added to the collection's own, so that a small
// collection still tells common words from rare ones. It is not safe for
// concurrent use.
type DF struct {
	n    int
	df   map[uint64]int32
	back *Background
}

// NewDF returns an empty collection.
func NewDF() *DF { return &DF{df: map[uint64]int32{}} }

// NewDFOver returns an empty collection whose counts start from back's
// (none when back is nil).
func NewDFOver(back *Background) *DF { return &DF{df: map[uint64]int32{}, back: back} }

// Add counts one document's terms.
func (d *DF) Add(b Bag) {
	d.n++
	for t := range b {
		d.df[t]++
	}
}

// N returns the number of documents counted, the background's included.
func (d *DF) N() int { return d.n + d.back.Docs() }

// Count returns the number of documents holding term t, the background's
// included.
func (d *DF) Count(t uint64) int { return int(d.df[t]) + d.back.Count(t) }

// IDF returns the smoothed inverse document frequency of t:
// ln((1+N)/(1+df)) + 1, so that a term never seen weighs most and one in
// every document still weighs a little.
func (d *DF) IDF(t uint64) float64 {
	return math.Log(float64(1+d.N())/float64(1+d.Count(t))) + 1
}

// Vector weighs a bag by sublinear TF-IDF (1 + ln tf) × idf and returns
// it at unit length.
func (d *DF) Vector(b Bag) Vector {
	v := Vector{Terms: make([]uint64, 0, len(b)), Weights: make([]float32, 0, len(b))}
	for t := range b {
		v.Terms = append(v.Terms, t)
	}
	slices.Sort(v.Terms)
	for _, t := range v.Terms {
		v.Weights = append(v.Weights, float32((1+math.Log(float64(b[t])))*d.IDF(t)))
	}
	return v.Normalize()
}

// Counts is a bag of terms in compact form: the distinct term hashes,
// sorted, and how many times each occurs. It holds what a [Bag] holds in
// a fraction of the memory, for collections kept whole in memory.
type Counts struct {
	Terms []uint64
	N     []int32
}

// CountHashes counts term hashes; it sorts hashes in place.
func CountHashes(hashes []uint64) Counts {
	slices.Sort(hashes)
	var c Counts
	for i := 0; i < len(hashes); {
		j := i + 1
		for j < len(hashes) && hashes[j] == hashes[i] {
			j++
		}
		c.Terms = append(c.Terms, hashes[i])
		c.N = append(c.N, int32(j-i))
		i = j
	}
	return c
}

// Len returns the number of distinct terms.
func (c Counts) Len() int { return len(c.Terms) }

// AddCounts counts one document's terms, as Add does for a Bag.
func (d *DF) AddCounts(c Counts) {
	d.n++
	for _, t := range c.Terms {
		d.df[t]++
	}
}

// VectorCounts weighs counted terms as Vector weighs a Bag.
func (d *DF) VectorCounts(c Counts) Vector {
	v := Vector{Terms: slices.Clone(c.Terms), Weights: make([]float32, len(c.Terms))}
	for i, t := range c.Terms {
		v.Weights[i] = float32((1 + math.Log(float64(c.N[i]))) * d.IDF(t))
	}
	return v.Normalize()
}
