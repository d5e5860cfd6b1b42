package reuse

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/veille-news/veille"
)

// Index fingerprints documents as they are added and tells which earlier
// documents each may share passages with. Its cost grows linearly with
// the documents: each fingerprint keeps at most Options.MaxDocFreq+1
// postings, and a fingerprint held by more documents is boilerplate,
// never searched. An Index is not safe for concurrent use.
type Index struct {
	opt  Options
	docs []indexed
	post map[uint64]*posting
}

type indexed struct {
	doc Doc
	fps []uint64 // distinct fingerprints
}

type posting struct {
	df   int     // documents holding the fingerprint
	docs []int32 // the first MaxDocFreq+1 of them
	// template is set when Options.SiteDocs documents of one site hold
	// the fingerprint: it is that site's chrome.
	template bool
}

// Candidate is an earlier document of the index that may share passages
// with a given one.
type Candidate struct {
	// Doc is its number in the index.
	Doc int
	// Shared counts the fingerprints the two documents share, boilerplate
	// left out.
	Shared int
}

// NewIndex returns an empty index.
func NewIndex(opt Options) *Index {
	return &Index{opt: opt.withDefaults(), post: map[uint64]*posting{}}
}

// Len returns the number of documents added.
func (x *Index) Len() int { return len(x.docs) }

// Doc returns the document numbered i (its order of addition).
func (x *Index) Doc(i int) Doc { return x.docs[i].doc }

// Add adds a document and returns its number.
func (x *Index) Add(d Doc) int {
	return x.add(d, fingerprints(prepare(d.Text), x.opt))
}

// add adds a document with its fingerprints.
func (x *Index) add(d Doc, fps []fingerprint) int {
	n := int32(len(x.docs))
	distinct := make([]uint64, 0, len(fps))
	for _, f := range fps {
		distinct = append(distinct, f.h)
	}
	slices.Sort(distinct)
	distinct = slices.Compact(distinct)
	for _, h := range distinct {
		p := x.post[h]
		if p == nil {
			p = &posting{}
			x.post[h] = p
		}
		p.df++
		if len(p.docs) > x.opt.MaxDocFreq {
			continue
		}
		if !p.template && x.opt.SiteDocs > 0 && d.Site != "" {
			same := 1
			for _, o := range p.docs {
				if x.docs[o].doc.Site == d.Site {
					same++
				}
			}
			p.template = same >= x.opt.SiteDocs
		}
		p.docs = append(p.docs, n)
	}
	x.docs = append(x.docs, indexed{doc: d, fps: distinct})
	return int(n)
}

// boilerplate reports whether the fingerprint h is held by too many
// documents, or is a site's template, as the index stands.
func (x *Index) boilerplate(h uint64) bool {
	p := x.post[h]
	return p != nil && (p.df > x.opt.MaxDocFreq || p.template)
}

// Candidates returns the documents added before document i that share at
// least Options.MinShared fingerprints with it, boilerplate left out:
// at most Options.MaxPairs, those sharing the most first.
func (x *Index) Candidates(i int) []Candidate {
	counts := map[int32]int{}
	for _, h := range x.docs[i].fps {
		if x.boilerplate(h) {
			continue
		}
		for _, d := range x.post[h].docs {
			if int(d) < i {
				counts[d]++
			}
		}
	}
	var out []Candidate
	for d, c := range counts {
		if c >= x.opt.MinShared {
			out = append(out, Candidate{Doc: int(d), Shared: c})
		}
	}
	slices.SortFunc(out, func(a, b Candidate) int {
		if c := cmp.Compare(b.Shared, a.Shared); c != 0 {
			return c
		}
		return cmp.Compare(a.Doc, b.Doc)
	})
	if len(out) > x.opt.MaxPairs {
		out = out[:x.opt.MaxPairs]
	}
	return out
}

// Compare compares documents i and j of the index (Compare), leaving the
// index's boilerplate out of the passages.
func (x *Index) Compare(i, j int) (Pair, bool) {
	return compare(x.docs[i].doc, x.docs[j].doc, x.prepare(i), x.prepare(j), x.opt)
}

// prepare prepares document i with its boilerplate words marked.
func (x *Index) prepare(i int) *text {
	t := prepare(x.docs[i].doc.Text)
	for _, f := range fingerprints(t, x.opt) {
		if !x.boilerplate(f.h) {
			continue
		}
		if t.common == nil {
			t.common = make([]bool, len(t.words))
		}
		for k := f.pos; k < f.pos+x.opt.Shingle; k++ {
			t.common[k] = true
		}
	}
	return t
}

// fingerprint is a winnowed n-gram hash and the word it starts at.
type fingerprint struct {
	h   uint64
	pos int
}

// fingerprints winnows the Shingle-grams of t: in every window of Window
// consecutive n-grams the smallest hash (the rightmost on ties) is kept,
// once.
func fingerprints(t *text, opt Options) []fingerprint {
	gs := grams(t.words, opt.Shingle)
	if len(gs) == 0 {
		return nil
	}
	w := min(opt.Window, len(gs))
	var out []fingerprint
	last := -1
	for lo := 0; lo+w <= len(gs); lo++ {
		m := lo
		for k := lo + 1; k < lo+w; k++ {
			if gs[k] <= gs[m] {
				m = k
			}
		}
		if m != last {
			out = append(out, fingerprint{gs[m], m})
			last = m
		}
	}
	return out
}

// Find returns the pairs of docs that share passages, in input order of
// their first document, then of the second. Documents with the same text
// byte for byte are grouped first: only the group's earliest publication
// (undated ones last, then the first in input) is searched; each other
// member is paired with it (a Duplicate pair) and with the documents
// found to share passages with it. Texts with fewer than
// Options.MinWords words are left out.
func Find(ctx context.Context, docs []Doc, opt Options) ([]Pair, error) {
	opt = opt.withDefaults()
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	// Exact duplicates.
	groupOf := map[string]int{} // text → group
	var groups [][]int          // input numbers of each group's documents
	for i, d := range docs {
		g, ok := groupOf[d.Text]
		if !ok {
			g = len(groups)
			groupOf[d.Text] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	reps := make([]int, 0, len(groups)) // input numbers of the documents searched
	repGroup := map[int]int{}
	for g, ms := range groups {
		r := ms[0]
		for _, m := range ms[1:] {
			if earlier(docs[m].Published, docs[r].Published) {
				r = m
			}
		}
		reps = append(reps, r)
		repGroup[r] = g
	}
	slices.Sort(reps)
	// Fingerprint in parallel, index in order.
	fps := make([][]fingerprint, len(reps))
	words := make([]int, len(reps))
	if err := parallel(ctx, workers, len(reps), func(k int) {
		t := prepare(docs[reps[k]].Text)
		words[k] = len(t.words)
		fps[k] = fingerprints(t, opt)
	}); err != nil {
		return nil, err
	}
	x := NewIndex(opt)
	var inIndex []int // index number → input number
	for k, i := range reps {
		if words[k] < opt.MinWords {
			continue
		}
		x.add(docs[i], fps[k])
		inIndex = append(inIndex, i)
	}
	fps = nil
	// Align the candidates, one document and its candidates at a time.
	type match struct {
		j int // the earlier document's index number
		p Pair
	}
	found := make([][]match, x.Len())
	err := parallel(ctx, workers, x.Len(), func(i int) {
		cands := x.Candidates(i)
		if len(cands) == 0 {
			return
		}
		ti := x.prepare(i)
		for _, c := range cands {
			tj := x.prepare(c.Doc)
			if p, ok := compare(x.docs[c.Doc].doc, x.docs[i].doc, tj, ti, x.opt); ok {
				found[i] = append(found[i], match{c.Doc, p})
			}
		}
	})
	if err != nil {
		return nil, err
	}
	order := map[string]int{} // id → input number
	for i, d := range docs {
		if _, ok := order[d.ID]; !ok {
			order[d.ID] = i
		}
	}
	var out []Pair
	// put adds p between docs[u] (as A) and docs[v] (as B), A first in
	// input order, its direction told by their dates.
	put := func(p Pair, u, v int) {
		p.A, p.B = docs[u].ID, docs[v].ID
		if p.Kind != Wire {
			p.Direction, p.DirectionReason = Orient(docs[u].Published, docs[v].Published)
		}
		if u > v {
			p = p.swap()
		}
		out = append(out, p)
	}
	for i, ms := range found {
		for _, m := range ms {
			p, u, v := m.p, inIndex[m.j], inIndex[i]
			put(p, u, v)
			// The other members of each side's group, with the other side.
			for _, m := range groups[repGroup[u]] {
				if m != u {
					put(p, m, v)
				}
			}
			for _, m := range groups[repGroup[v]] {
				if m != v {
					put(p, u, m)
				}
			}
		}
	}
	// Each duplicate with its group's representative.
	for _, r := range inIndex {
		ms := groups[repGroup[r]]
		if len(ms) < 2 {
			continue
		}
		t := prepare(docs[r].Text)
		whole := Passage{
			AStart: int(t.start[0]), AEnd: int(t.end[len(t.words)-1]),
			AWords: len(t.words), Matches: len(t.words), Identity: 1,
			a: [2]int{0, len(t.words)},
		}
		whole.BStart, whole.BEnd, whole.BWords, whole.b = whole.AStart, whole.AEnd, whole.AWords, whole.a
		for _, m := range ms {
			if m != r {
				put(Pair{Passages: []Passage{whole}, CoverageA: 1, CoverageB: 1, Identity: 1, Kind: Verbatim, Duplicate: true}, r, m)
			}
		}
	}
	slices.SortStableFunc(out, func(p, q Pair) int {
		if c := cmp.Compare(order[p.A], order[q.A]); c != 0 {
			return c
		}
		return cmp.Compare(order[p.B], order[q.B])
	})
	return out, nil
}

// earlier reports whether date a is known and begins before b (or b is
// unknown).
func earlier(a, b veille.Date) bool { return a.Compare(b) < 0 }

// parallel runs do(0..n-1) on workers goroutines; it stops early, with
// the context's error, when ctx ends.
func parallel(ctx context.Context, workers, n int, do func(int)) error {
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
	)
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				mu.Lock()
				k := next
				next++
				mu.Unlock()
				if k >= n {
					return
				}
				do(k)
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reuse: %w", err)
	}
	return nil
}
