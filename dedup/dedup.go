// Package dedup finds exact and near-duplicate articles: the same article
// on several URLs or sites, with a different chrome, truncated, or with
// its lead rewritten. The cost grows linearly with the corpus: every
// article is compared only with the few earlier ones that share a
// locality-sensitive hash bucket with it, never with all of them.
//
// It is hand-written because the Go libraries that do MinHash or SimHash
// hash with their own tokeniser (which splits French wrongly, see package
// tokenize), keep every shingle set in memory, estimate only the Jaccard
// similarity (a truncated copy has a low one) or have no bound on a
// bucket's size, so that 10,000 identical copies make them quadratic.
//
// # Method
//
// A text is cut into words (package tokenize: words and numbers, folded
// by tokenize.Fold, punctuation dropped), and the words into overlapping
// shingles of Options.Shingle consecutive words (5 by default), each
// hashed to 64 bits (FNV-1a over the folded word, mixed). A Signature
// holds three things:
//
//   - a MinHash of the set of distinct shingles, K = Bands×Rows values
//     computed in one pass by one-permutation hashing with optimal
//     densification (Shrivastava, ICML 2017): a shingle falls into one of
//     K bins by its hash and each bin keeps the smallest value; an empty
//     bin copies a non-empty one picked by a fixed probe sequence;
//   - the hashes of its first Options.Anchors sentences of eight words or
//     more;
//   - a sample of its shingle hashes: the Options.Sketch smallest and all
//     those under a fixed threshold (a quarter of them by default), a
//     consistent sample from which the Jaccard similarity of two texts
//     and the containment of the shorter in the longer are estimated.
//
// Candidates are found by LSH banding: the K values are cut into Bands
// bands of Rows values, and two texts are candidates when one band is
// equal. With Jaccard similarity s the probability of that is
// 1-(1-s^Rows)^Bands, an S-curve whose steepest point is near
// (1/Bands)^(1/Rows). The default 24 bands of 3 rows (K=72) put it near
// 0.35, below the Jaccard threshold (0.5): a pair at 0.6 is a candidate
// with probability 0.997, one at 0.5 with 0.96, one at 0.33 (a copy
// truncated to a third of its source) with 0.58, one at 0.1 with 0.024,
// two articles of the same topic (under 0.02) with under 0.0002. A
// truncated copy, or one inside a large chrome, can fall under the curve;
// it keeps its source's opening sentences, so texts sharing one of their
// first anchor sentences are candidates too. With the anchors, 8 bands of
// 2 rows find as many copies as 42 bands of 3 on `veille bench dedup`,
// which has no light rewrite of every sentence; 24 bands of 3 keep the
// curve steep for those, at 28 index entries per text. Every candidate
// is then verified on the samples: it is a near duplicate when the
// estimated Jaccard similarity reaches Options.Jaccard (0.5), or when the
// shorter text, at most Options.MaxRatio (10) times shorter, has
// Options.Containment (0.8) of its sampled shingles in the longer,
// estimated on Options.MinSample (8) of them at least. `veille bench
// dedup` measures these choices on copies of real articles, and SimHash
// (Charikar's, see SimHash) against them: SimHash cannot estimate
// containment and measures worse.
//
// Exact duplicates (the same words in the same order, whatever the case,
// accents, punctuation and spacing) are found first by a hash of the
// normalised text, in constant time, and are not indexed again. A bucket
// is read up to Options.MaxBucket of its newest members, so a giant bucket
// cannot make the detection quadratic: adding a text costs at most
// (Bands+Anchors)×MaxBucket comparisons, whatever the corpus.
package dedup

import "slices"

// Options are the settings of a Detector. The zero value of each field
// means its default.
type Options struct {
	// Shingle is the number of words per shingle (default 5).
	Shingle int
	// Bands and Rows set the LSH banding: signatures have Bands×Rows
	// values (defaults 24 and 3).
	Bands, Rows int
	// Jaccard is the estimated Jaccard similarity from which a candidate
	// is a near duplicate (default 0.5).
	Jaccard float64
	// Containment is the estimated share of the smaller text's shingles
	// found in the larger one from which a candidate is a near duplicate
	// (default 0.8), when their sizes differ by at most MaxRatio; a
	// value over 1 turns containment off.
	Containment float64
	// MaxRatio bounds the size ratio of two texts compared by containment
	// (default 10): a text ten times shorter than another may be its
	// truncated copy; a shorter one is rather a summary or a quotation.
	MaxRatio float64
	// Anchors is the number of opening sentences of AnchorWords words or
	// more (default 4 and 8; Anchors negative: none) whose hashes make two
	// texts candidates when they share one. A truncated copy, a copy
	// inside a chrome or with its lead rewritten keeps some of them, even
	// when its Jaccard similarity to the source is too low for the LSH
	// bands.
	Anchors     int
	AnchorWords int
	// Sketch is the number of the smallest shingle hashes kept of each
	// text (a bottom-k sketch, default 64), from which the similarity of
	// two candidates is estimated.
	Sketch int
	// Sample is the share of a text's shingle hashes kept beyond the
	// Sketch smallest: every hash under Sample×2³² is kept (default 1/4),
	// so that the containment of a text in a much longer one is estimated
	// on about Sample of its shingles, not on Sketch×(shorter/longer).
	Sample float64
	// MinSample is the number of sketch values below which a containment
	// estimate is not trusted (default 8).
	MinSample int
	// MinWords is the number of words under which a text is never
	// grouped, neither as an exact nor as a near duplicate (default 10):
	// an empty body or a few words are not an article to compare.
	MinWords int
	// MaxBucket is the number of the newest members of an LSH bucket a
	// new text is compared with (default 64).
	MaxBucket int
	// Expected is the number of texts expected, if known: the index is
	// sized for them at once instead of growing (and copying itself) as
	// they come.
	Expected int
}

func (o Options) withDefaults() Options {
	if o.Shingle <= 0 {
		o.Shingle = 5
	}
	if o.Bands <= 0 {
		o.Bands = 24
	}
	if o.Rows <= 0 {
		o.Rows = 3
	}
	if o.Jaccard <= 0 {
		o.Jaccard = 0.5
	}
	if o.Containment <= 0 {
		o.Containment = 0.8
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = 10
	}
	if o.Anchors == 0 {
		o.Anchors = 4
	}
	if o.AnchorWords <= 0 {
		o.AnchorWords = 8
	}
	if o.Sketch <= 0 {
		o.Sketch = 64
	}
	if o.Sample <= 0 {
		o.Sample = 1.0 / 4
	}
	if o.MinSample <= 0 {
		o.MinSample = 8
	}
	if o.MinWords <= 0 {
		o.MinWords = 10
	}
	if o.MaxBucket <= 0 {
		o.MaxBucket = 64
	}
	return o
}

// Signature is what a Detector keeps of a text. It is computed by
// Detector.Signature, a pure function that callers may run in parallel.
type Signature struct {
	// Exact is a hash of the normalised text: its folded words in order.
	Exact uint64
	// Words is the number of words of the text.
	Words int
	// Shingles is the number of distinct shingles of the text.
	Shingles int
	// Min is the MinHash of the shingle set, nil when the text has fewer
	// than Options.MinWords words. Its bands are the text's LSH keys.
	Min []uint32
	// Anchors are the hashes of the text's opening sentences (see
	// Options.Anchors).
	Anchors []uint64
	// Bottom are the smallest shingle hashes (their high 32 bits), in
	// increasing order: the Options.Sketch smallest, and all those under
	// Options.Sample×2³²; all of them when the text has fewer.
	Bottom []uint32
}

// Match is an earlier text a new one duplicates.
type Match struct {
	// ID is the earlier text's id.
	ID string `json:"id"`
	// Exact is true when the two texts have the same words in the same
	// order.
	Exact bool `json:"exact"`
	// Jaccard is the estimated Jaccard similarity of the two texts'
	// shingle sets.
	Jaccard float64 `json:"jaccard"`
	// Containment is the estimated share of the smaller text's shingles
	// found in the larger one.
	Containment float64 `json:"containment"`
}

// Group is a set of duplicate texts.
type Group struct {
	// ID is the id of the group's earliest text.
	ID string `json:"id"`
	// Members are the ids of the group's texts in the order they were
	// added, the earliest first.
	Members []string `json:"members"`
}

// Detector groups texts added one after the other into duplicate groups.
// Its Signature method may be called from several goroutines; Add and
// AddSignature must be called from one goroutine at a time.
type Detector struct {
	opt Options
	k   int // signature length

	ids   []string
	group []int32  // text → its parent in the union-find forest of groups; a root is its group's earliest text
	sk    []sketch // the indexed texts, in order
	bott  []uint32 // their samples (Signature.Bottom), one after the other
	exact map[uint64]int32
	// buckets are the LSH buckets of the bands and the anchors: the 32
	// low bits of a bucket's key (bandKey, anchorKey) → the newest entry
	// of the bucket. Entry e is column e%cols of sketch e/cols: a band,
	// then the anchors in order. Two keys equal on 32 bits share a bucket,
	// which costs a few verifications, never a wrong match.
	buckets  table
	cols     int
	next     []int32 // entry → the previous entry of its bucket, -1
	keys     []uint32
	heads    []int32
	seen     []int32 // sketch → the last query that met it
	query    int32
	compared int // candidates verified
}

// New returns an empty Detector.
func New(opt Options) *Detector {
	opt = opt.withDefaults()
	d := &Detector{
		opt:   opt,
		k:     opt.Bands * opt.Rows,
		exact: map[uint64]int32{},
		cols:  opt.Bands + max(0, opt.Anchors),
	}
	if n := opt.Expected; n > 0 {
		d.exact = make(map[uint64]int32, n)
		d.ids = make([]string, 0, n)
		d.group = make([]int32, 0, n)
		d.sk = make([]sketch, 0, n)
		d.seen = make([]int32, 0, n)
		d.next = make([]int32, 0, n*d.cols)
		d.bott = make([]uint32, 0, n*opt.Sketch)
		d.buckets.reserve(n * d.cols)
	}
	return d
}

// Stats are counts of a Detector's work.
type Stats struct {
	// Texts is the number of texts added, Indexed the number in the LSH
	// index (neither exact duplicates nor too short).
	Texts, Indexed int
	// Compared is the number of candidates verified.
	Compared int
	// Bytes is about the memory d holds, the ids' bytes aside (they are
	// the caller's strings).
	Bytes int64
}

// Stats returns counts of d's work so far.
func (d *Detector) Stats() Stats {
	b := int64(cap(d.ids))*16 + int64(cap(d.sk))*16 + int64(cap(d.group)+cap(d.seen)+cap(d.next)+cap(d.bott))*4 +
		int64(cap(d.buckets.slots))*8 + int64(len(d.exact))*24
	return Stats{Texts: len(d.ids), Indexed: len(d.sk), Compared: d.compared, Bytes: b}
}

// Len returns the number of texts added.
func (d *Detector) Len() int { return len(d.ids) }

// Add adds a text under id and returns the id of its duplicate group (the
// earliest text of the group; id itself when the text duplicates no
// earlier one) and the earlier texts it duplicates, the most similar
// first. A near duplicate of texts of several groups merges them into the
// group of the earliest text: a truncated copy and a copy with a
// rewritten lead of one article are in its group once the article comes,
// even when neither duplicates the other. So the group an earlier Add
// returned may since have joined an earlier one; Groups tells the groups
// as they are.
func (d *Detector) Add(id, text string) (group string, dups []Match) {
	return d.AddSignature(id, d.Signature(text))
}

// AddSignature is Add for a text whose signature the caller computed with
// d.Signature (or the Signature of a Detector with the same Options).
func (d *Detector) AddSignature(id string, sig Signature) (group string, dups []Match) {
	i := int32(len(d.ids))
	d.ids = append(room(d.ids, 1), id)
	d.group = append(room(d.group, 1), i)
	if sig.Words < d.opt.MinWords || len(sig.Min) != d.k {
		return id, nil
	}
	if j, ok := d.exact[sig.Exact]; ok {
		g := d.find(j)
		d.group[i] = g
		return d.ids[g], []Match{{ID: d.ids[j], Exact: true, Jaccard: 1, Containment: 1}}
	}
	d.exact[sig.Exact] = i

	d.query++
	start := uint32(len(d.bott))
	d.bott = append(room(d.bott, len(sig.Bottom)), sig.Bottom...)
	d.sk = append(room(d.sk, 1), sketch{text: i, size: int32(sig.Shingles), off: start, end: uint32(len(d.bott))})
	d.seen = append(room(d.seen, 1), d.query)
	// The keys first, then their buckets' heads, then the chains: the
	// lookups are independent loads the processor overlaps, where a
	// large index makes each one a cache miss.
	keys, heads := d.keys[:0], d.heads[:0]
	rows := d.opt.Rows
	for col := range d.opt.Bands {
		keys = append(keys, uint32(bandKey(col, sig.Min[col*rows:(col+1)*rows])))
	}
	for _, a := range sig.Anchors[:min(len(sig.Anchors), d.cols-d.opt.Bands)] {
		keys = append(keys, uint32(anchorKey(a)))
	}
	for _, key := range keys {
		head, ok := d.buckets.get(key)
		if !ok {
			head = -1
		}
		heads = append(heads, head)
	}
	var found []matchAt
	for _, head := range heads {
		for at, n := head, 0; at >= 0 && n < d.opt.MaxBucket; n++ {
			if s := int(at) / d.cols; d.seen[s] != d.query {
				d.seen[s] = d.query
				if m, ok := d.verify(sig, s); ok {
					found = append(found, m)
				}
			}
			at = d.next[at]
		}
	}
	d.next = room(d.next, d.cols)
	for col := range d.cols {
		e := int32(len(d.next))
		if col >= len(keys) {
			d.next = append(d.next, -1)
			continue
		}
		head, ok := d.buckets.get(keys[col])
		if !ok {
			head = -1
		}
		d.next = append(d.next, head)
		d.buckets.put(keys[col], e)
	}
	d.keys, d.heads = keys, heads
	if len(found) == 0 {
		return id, nil
	}
	slices.SortStableFunc(found, func(a, b matchAt) int {
		if a.Jaccard != b.Jaccard {
			if a.Jaccard > b.Jaccard {
				return -1
			}
			return 1
		}
		if a.Containment > b.Containment {
			return -1
		}
		if a.Containment < b.Containment {
			return 1
		}
		return 0
	})
	dups = make([]Match, len(found))
	for k, f := range found {
		dups[k] = f.Match
	}
	g := i
	for _, f := range found {
		g = min(g, d.find(f.index))
	}
	for _, f := range found {
		d.group[d.find(f.index)] = g
	}
	d.group[i] = g
	return d.ids[g], dups
}

// room returns s with room for n more elements, doubling its capacity
// when it has to grow (append grows large slices by a quarter, which
// copies them over and over).
func room[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

// find returns the root of text i's group, its earliest text, halving
// the path on the way.
func (d *Detector) find(i int32) int32 {
	for d.group[i] != i {
		d.group[i] = d.group[d.group[i]]
		i = d.group[i]
	}
	return i
}

// verify compares a new signature with the indexed text s.
func (d *Detector) verify(sig Signature, s int) (matchAt, bool) {
	d.compared++
	sk := d.sk[s]
	j, cont, dup := d.compare(sig.Bottom, d.bott[sk.off:sk.end], sig.Shingles, int(sk.size))
	if !dup {
		return matchAt{}, false
	}
	return matchAt{Match: Match{ID: d.ids[sk.text], Jaccard: j, Containment: cont}, index: sk.text}, true
}

// Compare estimates the Jaccard similarity of the shingle sets of two
// texts from their signatures, and the containment of the smaller set in
// the larger, and tells whether d takes them for near duplicates. Texts
// of fewer than Options.MinWords words are never near duplicates.
func (d *Detector) Compare(a, b Signature) (jaccard, containment float64, dup bool) {
	if a.Words < d.opt.MinWords || b.Words < d.opt.MinWords {
		return 0, 0, false
	}
	return d.compare(a.Bottom, b.Bottom, a.Shingles, b.Shingles)
}

// compare estimates similarity and containment from two bottom-k
// sketches a and b of sets of na and nb elements. Below the smaller of
// the two sketches' largest values τ (when a sketch is not the whole
// set), the sketches hold every element of their sets, so that the
// elements under τ are a consistent sample of both sets, of their union
// and of their intersection.
func (d *Detector) compare(a, b []uint32, na, nb int) (jaccard, containment float64, dup bool) {
	tau := ^uint32(0)
	if na > len(a) && len(a) > 0 {
		tau = a[len(a)-1]
	}
	if nb > len(b) && len(b) > 0 {
		tau = min(tau, b[len(b)-1])
	}
	var ca, cb, inter int
	i, j := 0, 0
	for i < len(a) && a[i] <= tau && j < len(b) && b[j] <= tau {
		switch {
		case a[i] < b[j]:
			ca++
			i++
		case a[i] > b[j]:
			cb++
			j++
		default:
			inter++
			ca++
			cb++
			i++
			j++
		}
	}
	for ; i < len(a) && a[i] <= tau; i++ {
		ca++
	}
	for ; j < len(b) && b[j] <= tau; j++ {
		cb++
	}
	if union := ca + cb - inter; union > 0 {
		jaccard = float64(inter) / float64(union)
	}
	small := ca // the sample of the smaller set
	if nb < na {
		small = cb
	}
	if small > 0 {
		containment = float64(inter) / float64(small)
	}
	lo, hi := float64(min(na, nb)), float64(max(na, nb))
	dup = jaccard >= d.opt.Jaccard ||
		(small >= d.opt.MinSample && containment >= d.opt.Containment && hi <= lo*d.opt.MaxRatio)
	return jaccard, containment, dup
}

// Groups returns the duplicate groups of two texts or more, in the order
// of their earliest text.
func (d *Detector) Groups() []Group {
	count := make(map[int32]int32)
	for i := range d.group {
		count[d.find(int32(i))]++
	}
	var out []Group
	at := make(map[int32]int, len(count))
	for i := range d.group {
		g := d.find(int32(i))
		if count[g] < 2 {
			continue
		}
		k, ok := at[g]
		if !ok {
			k = len(out)
			at[g] = k
			out = append(out, Group{ID: d.ids[g], Members: make([]string, 0, count[g])})
		}
		out[k].Members = append(out[k].Members, d.ids[i])
	}
	return out
}

// Signature returns the signature of text. It is a pure function of text
// and d's options, safe to call from several goroutines at once.
func (d *Detector) Signature(text string) Signature {
	wb, sb := hashBufs.Get().(*[]uint64), hashBufs.Get().(*[]uint64)
	defer func() {
		for _, b := range []*[]uint64{wb, sb} {
			if cap(*b) <= 1<<16 {
				hashBufs.Put(b)
			}
		}
	}()
	words, anchors := wordHashes(text, (*wb)[:0], d.opt.Anchors, d.opt.AnchorWords)
	*wb = words[:0]
	sig := Signature{Words: len(words), Exact: exactHash(words), Anchors: anchors}
	if len(words) < d.opt.MinWords {
		return sig
	}
	sh := shingleHashes((*sb)[:0], words, d.opt.Shingle)
	*sb = sh[:0]
	slices.Sort(sh)
	sh = slices.Compact(sh)
	sig.Shingles = len(sh)
	n := min(len(sh), d.opt.Sketch)
	for n < len(sh) && float64(sh[n]>>32) < d.opt.Sample*(1<<32) {
		n++
	}
	vals := make([]uint32, d.k+n) // one allocation for Min and Bottom
	sig.Min = minHash(vals[:d.k:d.k], sh)
	sig.Bottom = vals[d.k:]
	for i, x := range sh[:n] {
		sig.Bottom[i] = uint32(x >> 32)
	}
	sig.Bottom = slices.Compact(sig.Bottom)
	return sig
}

// sketch is an indexed text: its index, its number of distinct shingles
// and where its sample lies in Detector.bott.
type sketch struct {
	text, size int32
	off, end   uint32
}

// matchAt is a Match with the index of the earlier text.
type matchAt struct {
	Match
	index int32
}
