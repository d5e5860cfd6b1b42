package reuse

import (
	"cmp"
	"slices"
	"sort"
)

// Passage is a stretch of text two documents share: [AStart, AEnd) of
// the first text aligned with [BStart, BEnd) of the second, in bytes.
type Passage struct {
	AStart int `json:"a_start"`
	AEnd   int `json:"a_end"`
	BStart int `json:"b_start"`
	BEnd   int `json:"b_end"`
	// AWords and BWords count the words of each side.
	AWords int `json:"a_words"`
	BWords int `json:"b_words"`
	// Matches counts the aligned words equal after folding.
	Matches int `json:"matches"`
	// Identity is Matches over the columns of the word alignment
	// (matches, substitutions, insertions, deletions): 1 for a verbatim
	// passage.
	Identity float64 `json:"identity"`
	// Edits counts the runs of unequal words inside the passage: a
	// substituted word, an inserted phrase.
	Edits int `json:"edits"`

	// a and b are the word ranges [lo, hi) of the passage.
	a, b [2]int
}

// Align returns the passages texts a and b share, in the order of a,
// each with at least opt.MinWords equal words. See the package
// documentation for the method; it runs in time about linear in the
// lengths of the texts, whatever they hold.
func Align(a, b Doc, opt Options) []Passage {
	opt = opt.withDefaults()
	return align(prepare(a.Text), prepare(b.Text), opt)
}

// maxPairing is the number of occurrences of an n-gram in each text up to
// which all its occurrences in one are paired with all in the other; a
// more repeated n-gram pairs its occurrences in order.
const maxPairing = 4

// seed is an n-gram at word i of the first text and word j of the second.
type seed struct{ i, j int32 }

// seedGrams returns the hashes of the n-grams of t, one per start
// position, with free[p] false for those holding a boilerplate word.
func seedGrams(t *text, n int) (gs []uint64, free []bool) {
	gs = grams(t.words, n)
	if t.common == nil {
		return gs, nil
	}
	free = make([]bool, len(gs))
	common := 0 // boilerplate words in the current n-gram
	for i := 0; i < n-1 && i < len(t.words); i++ {
		if t.isCommon(i) {
			common++
		}
	}
	for p := range gs {
		if t.isCommon(p + n - 1) {
			common++
		}
		free[p] = common == 0
		if t.isCommon(p) {
			common--
		}
	}
	return gs, free
}

// gramInfo counts an n-gram of the second text in both texts and chains
// its occurrences in the second.
type gramInfo struct {
	ca, cb      int32
	first, last int32 // first and last occurrence in b
	cursor      int32 // next occurrence in b to pair in order
}

// seeds returns the n-grams a and b share as (i, j) pairs sorted by i
// then j. An n-gram found at most maxPairing times in each text gives
// every pair of its occurrences; a more repeated one pairs its k-th
// occurrence in a with its k-th in b, so the seeds are at most
// maxPairing per word of a.
func seeds(a, b *text, n int) []seed {
	gb, freeB := seedGrams(b, n)
	ga, freeA := seedGrams(a, n)
	if len(ga) == 0 || len(gb) == 0 {
		return nil
	}
	index := make(map[uint64]int32, len(gb))
	infos := make([]gramInfo, 0, len(gb))
	next := make([]int32, len(gb)) // next occurrence in b of the same n-gram
	for j, h := range gb {
		next[j] = -1
		if freeB != nil && !freeB[j] {
			continue
		}
		k, ok := index[h]
		if !ok {
			k = int32(len(infos))
			index[h] = k
			infos = append(infos, gramInfo{first: int32(j), cursor: int32(j), last: -1})
		}
		g := &infos[k]
		if g.last >= 0 {
			next[g.last] = int32(j)
		}
		g.last = int32(j)
		g.cb++
	}
	where := make([]int32, len(ga)) // the n-gram's info, -1 when b lacks it
	for i, h := range ga {
		where[i] = -1
		if freeA != nil && !freeA[i] {
			continue
		}
		if k, ok := index[h]; ok {
			where[i] = k
			infos[k].ca++
		}
	}
	var out []seed
	for i, k := range where {
		if k < 0 {
			continue
		}
		g := &infos[k]
		if g.ca <= maxPairing && g.cb <= maxPairing {
			for j := g.first; j >= 0; j = next[j] {
				out = append(out, seed{int32(i), j})
			}
		} else if g.cursor >= 0 {
			out = append(out, seed{int32(i), g.cursor})
			g.cursor = next[g.cursor]
		}
	}
	return out
}

// fragmentWords is the number of equal words an aligned stretch too
// short to be a passage needs to count as a fragment: evidence of
// rewriting (a moved or reworded sentence) when it lies inside a
// paragraph.
const fragmentWords = 8

// align finds the passages a and b share.
func align(a, b *text, opt Options) []Passage {
	ps, _ := alignAll(a, b, opt)
	return ps
}

// alignAll finds the passages a and b share and the fragments: aligned
// stretches of fragmentWords to MinWords equal words outside them.
func alignAll(a, b *text, opt Options) (passages, fragments []Passage) {
	n := opt.N
	ss := seeds(a, b, n)
	if len(ss) == 0 {
		return nil, nil
	}
	// Chain: each seed's best predecessor among the seeds a little before
	// it in both texts; a chain's score is about the words it covers,
	// less the words it skips.
	score := make([]float64, len(ss))
	pred := make([]int32, len(ss))
	lo := 0
	reach := int32(n + opt.MaxGap)
	gap := int32(opt.MaxGap)
	for s, sd := range ss {
		for ss[lo].i < sd.i-reach {
			lo++
		}
		best, bp := float64(n), int32(-1)
		for p := s - 1; p >= lo; p-- {
			pd := ss[p]
			if pd.i >= sd.i || pd.j >= sd.j {
				continue
			}
			da, db := sd.i-pd.i, sd.j-pd.j
			ga, gb := max(da-int32(n), 0), max(db-int32(n), 0)
			if ga > gap || gb > gap {
				continue
			}
			shift := da - db
			if shift < 0 {
				shift = -shift
			}
			gain := min(int32(n), da, db)
			sc := score[p] + float64(gain) - 0.5*float64(max(ga, gb)) - 0.5*float64(shift)
			if sc > best {
				best, bp = sc, int32(p)
			}
		}
		score[s], pred[s] = best, bp
	}
	// Take the chains best first; a chain stops at a seed a better one
	// took.
	order := make([]int32, len(ss))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(x, y int32) int { return cmp.Compare(score[y], score[x]) })
	used := make([]bool, len(ss))
	var (
		chain  []seed
		takenA ranges
		takenB ranges
		minor  []Passage
		g      gapAligner
	)
	for _, e := range order {
		if used[e] {
			continue
		}
		chain = chain[:0]
		for k := e; k >= 0 && !used[k]; k = pred[k] {
			used[k] = true
			chain = append(chain, ss[k])
		}
		slices.Reverse(chain)
		// The seeds of the chain outside the passages kept so far, in
		// runs: a chain that ends on a better passage's words is cut
		// there rather than dropped.
		free := func(i, j int) bool {
			return !takenA.overlaps([2]int{i, i + 1}) && !takenB.overlaps([2]int{j, j + 1})
		}
		for len(chain) > 0 {
			k := 0
			for k < len(chain) && !freeSeed(chain[k], n, &takenA, &takenB) {
				k++
			}
			m := k
			for m < len(chain) && freeSeed(chain[m], n, &takenA, &takenB) {
				m++
			}
			run := chain[k:m]
			chain = chain[m:]
			for _, p := range chainPassages(a, b, run, n, &g, free) {
				switch {
				case p.Identity < opt.MinIdentity || p.Matches < fragmentWords:
				case p.Matches < opt.MinWords:
					minor = append(minor, p)
				case !takenA.overlaps(p.a) && !takenB.overlaps(p.b):
					takenA.insert(p.a)
					takenB.insert(p.b)
					passages = append(passages, p)
				}
			}
		}
	}
	for _, p := range minor {
		if !takenA.overlaps(p.a) && !takenB.overlaps(p.b) {
			takenA.insert(p.a)
			takenB.insert(p.b)
			fragments = append(fragments, p)
		}
	}
	byA := func(x, y Passage) int { return cmp.Compare(x.a[0], y.a[0]) }
	slices.SortFunc(passages, byA)
	slices.SortFunc(fragments, byA)
	return mergeEqualGaps(a, b, passages), fragments
}

// mergeEqualGaps joins consecutive passages separated by the same words
// on both sides: words no seed could hold (boilerplate inside an article,
// a phrase many documents share) between two aligned stretches.
func mergeEqualGaps(a, b *text, ps []Passage) []Passage {
	if len(ps) < 2 {
		return ps
	}
	out := ps[:1]
	for _, q := range ps[1:] {
		p := &out[len(out)-1]
		ga, gb := q.a[0]-p.a[1], q.b[0]-p.b[1]
		if ga < 0 || ga != gb || !slices.Equal(a.words[p.a[1]:q.a[0]], b.words[p.b[1]:q.b[0]]) {
			out = append(out, q)
			continue
		}
		cols := float64(p.Matches)/p.Identity + float64(ga) + float64(q.Matches)/q.Identity
		p.Matches += ga + q.Matches
		p.Edits += q.Edits
		p.a[1], p.b[1] = q.a[1], q.b[1]
		p.AEnd, p.BEnd = q.AEnd, q.BEnd
		p.AWords, p.BWords = p.a[1]-p.a[0], p.b[1]-p.b[0]
		p.Identity = float64(p.Matches) / cols
	}
	return out
}

// freeSeed reports whether the words of sd are outside the ranges taken.
func freeSeed(sd seed, n int, takenA, takenB *ranges) bool {
	i, j := int(sd.i), int(sd.j)
	return !takenA.overlaps([2]int{i, i + n}) && !takenB.overlaps([2]int{j, j + n})
}

// chainPassages aligns a chain of seeds word by word, extends it by equal
// words at both ends (while free says the words are not taken) and
// returns it as passages: the chain is cut where the words left
// unmatched between two seeds are whole lines on each side (or none), an
// inserted block of chrome, not an edit; and where both sides hold
// other words that start or end a line.
func chainPassages(a, b *text, chain []seed, n int, g *gapAligner, free func(i, j int) bool) []Passage {
	if len(chain) == 0 {
		return nil
	}
	var out []Passage
	ia, ib := int(chain[0].i), int(chain[0].j)
	for ia > 0 && ib > 0 && a.words[ia-1] == b.words[ib-1] && !a.isCommon(ia-1) && !b.isCommon(ib-1) && free(ia-1, ib-1) {
		ia--
		ib--
	}
	var p Passage
	p.a[0], p.b[0] = ia, ib
	ca, cb := ia, ib // the words aligned so far end here
	cols := 0
	for _, sd := range chain {
		i, j := int(sd.i), int(sd.j)
		off := max(ca-i, cb-j, 0)
		if off >= n {
			continue
		}
		si, sj := i+off, j+off
		if si > ca || sj > cb {
			k, ok := blockShift(a, b, ca, cb, si, sj, min(n, ca-p.a[0]-1))
			if !ok && si > ca && sj > cb && (a.breakBefore(ca) && b.breakBefore(cb) || a.breakBefore(si) && b.breakBefore(sj)) {
				// Other words on both sides at the end or start of a
				// line: two lines alike but for their ends (two menus
				// with the same first items), cut there too.
				k, ok = 0, true
			}
			if ok {
				// The words between are a block of whole lines (maybe
				// once shifted left over equal words): cut there.
				p.Matches -= k
				out = append(out, p.finish(a, b, ca-k, cb-k, cols-k))
				p, cols = Passage{Matches: k}, k
				p.a[0], p.b[0] = si-k, sj-k
			} else {
				m, c, e := g.align(a.words[ca:si], b.words[cb:sj])
				p.Matches += m
				cols += c
				p.Edits += e
			}
		}
		p.Matches += n - off
		cols += n - off
		ca, cb = i+n, j+n
	}
	for ca < len(a.words) && cb < len(b.words) && a.words[ca] == b.words[cb] && !a.isCommon(ca) && !b.isCommon(cb) && free(ca, cb) {
		ca++
		cb++
		p.Matches++
		cols++
	}
	return append(out, p.finish(a, b, ca, cb, cols))
}

// blockShift reports whether the words a[ca:si] and b[cb:sj] left
// unmatched between two aligned stretches are whole lines on each side (or
// none), and by how many words the cut must move left for them to be: an
// insertion on one side can slide left over up to max words when its last
// words equal the ones before it ("Lire aussi : X" inserted before a
// paragraph that starts with "Lire aussi").
func blockShift(a, b *text, ca, cb, si, sj, max int) (int, bool) {
	if a.wholeLines(ca, si) && b.wholeLines(cb, sj) {
		return 0, true
	}
	for k := 1; k <= max; k++ {
		switch {
		case si == ca && b.words[cb-k] == b.words[sj-k]:
			if b.wholeLines(cb-k, sj-k) {
				return k, true
			}
		case sj == cb && a.words[ca-k] == a.words[si-k]:
			if a.wholeLines(ca-k, si-k) {
				return k, true
			}
		default:
			return 0, false
		}
	}
	return 0, false
}

// finish ends a passage at words ca and cb (exclusive), cols columns
// aligned: it sets the byte spans, word counts and identity.
func (p Passage) finish(a, b *text, ca, cb, cols int) Passage {
	ia, ib := p.a[0], p.b[0]
	p.a[1], p.b[1] = ca, cb
	p.AStart, p.AEnd = int(a.start[ia]), int(a.end[ca-1])
	p.BStart, p.BEnd = int(b.start[ib]), int(b.end[cb-1])
	p.AWords, p.BWords = ca-ia, cb-ib
	if cols > 0 {
		p.Identity = float64(p.Matches) / float64(cols)
	}
	return p
}

// gapAligner aligns the short stretches between two seeds by edit
// distance, reusing its table.
type gapAligner struct{ d []int32 }

// maxGapCells bounds the edit-distance table; a larger gap (only
// possible with unusual options) counts as one edit without matches.
const maxGapCells = 1 << 14

// align returns the equal words, the columns and the runs of unequal
// words of an edit-distance alignment of x and y.
func (g *gapAligner) align(x, y []uint64) (matches, cols, edits int) {
	if len(x) == 0 || len(y) == 0 {
		return 0, len(x) + len(y), 1
	}
	w := len(y) + 1
	if (len(x)+1)*w > maxGapCells {
		return 0, max(len(x), len(y)), 1
	}
	if cap(g.d) < (len(x)+1)*w {
		g.d = make([]int32, (len(x)+1)*w)
	}
	d := g.d[:(len(x)+1)*w]
	for j := 0; j < w; j++ {
		d[j] = int32(j)
	}
	for i := 1; i <= len(x); i++ {
		d[i*w] = int32(i)
		for j := 1; j < w; j++ {
			c := d[(i-1)*w+j-1]
			if x[i-1] != y[j-1] {
				c++
			}
			c = min(c, d[(i-1)*w+j]+1, d[i*w+j-1]+1)
			d[i*w+j] = c
		}
	}
	i, j := len(x), len(y)
	inEdit := false
	for i > 0 || j > 0 {
		cols++
		match := false
		switch {
		case i > 0 && j > 0 && x[i-1] == y[j-1] && d[i*w+j] == d[(i-1)*w+j-1]:
			match = true
			i--
			j--
		case i > 0 && j > 0 && d[i*w+j] == d[(i-1)*w+j-1]+1:
			i--
			j--
		case i > 0 && d[i*w+j] == d[(i-1)*w+j]+1:
			i--
		default:
			j--
		}
		if match {
			matches++
			inEdit = false
		} else if !inEdit {
			edits++
			inEdit = true
		}
	}
	return matches, cols, edits
}

// ranges is a sorted set of disjoint word ranges [lo, hi).
type ranges [][2]int

// overlaps reports whether r meets one of the ranges.
func (rs ranges) overlaps(r [2]int) bool {
	k := sort.Search(len(rs), func(k int) bool { return rs[k][1] > r[0] })
	return k < len(rs) && rs[k][0] < r[1]
}

// insert adds r, which overlaps none of the ranges.
func (rs *ranges) insert(r [2]int) {
	k := sort.Search(len(*rs), func(k int) bool { return (*rs)[k][0] >= r[0] })
	*rs = slices.Insert(*rs, k, r)
}
