package reuse

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/veille-news/veille"
)

// Kind is how one text reuses another.
type Kind string

// Kinds of reuse.
const (
	// Verbatim: the shared passages are the same words in the same
	// order, whatever chrome surrounds or interrupts them (a copy, a
	// truncation, a republication under another menu).
	Verbatim Kind = "verbatim"
	// Rewrite: the texts share passages but with edits — words
	// substituted, phrases added or dropped, paragraphs or sentences
	// reordered, a stretch rewritten.
	Rewrite Kind = "rewrite"
	// Wire: both texts credit the same news agency near the passages
	// they share: neither copied the other, both ran the dispatch.
	Wire Kind = "wire"
)

// Direction says which text of a pair is the source.
type Direction string

// Directions.
const (
	// SourceA: a was published first; b copied it.
	SourceA Direction = "a"
	// SourceB: b was published first; a copied it.
	SourceB Direction = "b"
	// Unknown: the dates do not tell (DirectionReason says why).
	Unknown Direction = "unknown"
	// None: neither copied the other (a wire both ran).
	None Direction = "none"
)

// Reasons given with a Direction.
const (
	ReasonEarlier     = "published earlier"
	ReasonMissingDate = "missing date"
	// ReasonSameDay: both dates fall on the same day at the precision
	// they are known (two dates to the minute on one day do tell).
	ReasonSameDay = "same day"
	// ReasonOverlap: a date known to the month or year covers the
	// other ("2023-10" and "2023-10-05").
	ReasonOverlap = "overlapping dates"
	ReasonWire    = "both credit the wire"
)

// Pair is the reuse found between two documents.
type Pair struct {
	// A and B are the documents' ids; A comes first in the input.
	A string `json:"a"`
	B string `json:"b"`
	// Passages are the shared passages, in the order of A.
	Passages []Passage `json:"passages"`
	// CoverageA and CoverageB are the shares of each text's words inside
	// the passages.
	CoverageA float64 `json:"coverage_a"`
	CoverageB float64 `json:"coverage_b"`
	// Identity is the share of equal words over all the passages'
	// alignment columns.
	Identity float64 `json:"identity"`
	// Edits counts the edits seen: runs of unequal words inside passages,
	// and stretches between or around passages that are rewritten
	// (unaligned on both sides but sharing their vocabulary, or other
	// words inside a paragraph between two passages).
	Edits int `json:"edits"`
	// Reordered counts the passages that come in another order in B
	// than in A.
	Reordered int  `json:"reordered"`
	Kind      Kind `json:"kind"`
	// Agency is the news agency both texts credit, for a Wire pair.
	Agency string `json:"agency,omitempty"`
	// Direction says which one is the source; DirectionReason why.
	Direction       Direction `json:"direction"`
	DirectionReason string    `json:"direction_reason"`
	// Duplicate is set when the two texts are byte for byte the same.
	Duplicate bool `json:"duplicate,omitempty"`
}

// Source returns the id of the source document of the pair and of its
// copy; ok is false when the direction is not known.
func (p Pair) Source() (source, copy string, ok bool) {
	switch p.Direction {
	case SourceA:
		return p.A, p.B, true
	case SourceB:
		return p.B, p.A, true
	}
	return "", "", false
}

// swap returns the pair seen from the other side: B as A.
func (p Pair) swap() Pair {
	q := p
	q.A, q.B = p.B, p.A
	q.CoverageA, q.CoverageB = p.CoverageB, p.CoverageA
	q.Passages = make([]Passage, len(p.Passages))
	for k, x := range p.Passages {
		x.AStart, x.BStart = x.BStart, x.AStart
		x.AEnd, x.BEnd = x.BEnd, x.AEnd
		x.AWords, x.BWords = x.BWords, x.AWords
		x.a, x.b = x.b, x.a
		q.Passages[k] = x
	}
	slices.SortFunc(q.Passages, func(x, y Passage) int { return cmp.Compare(x.a[0], y.a[0]) })
	switch p.Direction {
	case SourceA:
		q.Direction = SourceB
	case SourceB:
		q.Direction = SourceA
	}
	q.DirectionReason = strings.NewReplacer("(a)", "(b)", "(b)", "(a)").Replace(p.DirectionReason)
	return q
}

// Compare aligns a and b (Align) and describes their reuse: coverage,
// kind and direction. ok is false when their passages hold fewer than
// opt.MinPairWords equal words, titles of other articles both link to
// left out.
func Compare(a, b Doc, opt Options) (Pair, bool) {
	opt = opt.withDefaults()
	return compare(a, b, prepare(a.Text), prepare(b.Text), opt)
}

// compare is Compare on prepared texts.
func compare(a, b Doc, ta, tb *text, opt Options) (Pair, bool) {
	ps, frags := alignAll(ta, tb, opt)
	matches := 0
	for _, x := range ps {
		if !titleLine(ta, tb, x, opt) {
			matches += x.Matches
		}
	}
	if len(ps) == 0 || matches < opt.MinPairWords {
		return Pair{}, false
	}
	p := Pair{A: a.ID, B: b.ID, Passages: ps}
	p.describe(ta, tb, frags, opt)
	p.Kind = p.kind()
	if ag := sharedAgency(ta, tb, ps); ag != "" {
		p.Kind, p.Agency = Wire, ag
		p.Direction, p.DirectionReason = None, ReasonWire+" ("+ag+")"
	} else {
		p.Direction, p.DirectionReason = Orient(a.Published, b.Published)
	}
	return p, true
}

// titleLine reports whether passage x is short (under MinPairWords
// words) and a line on both sides with no final period: the title of a
// related article both pages link to, a slogan, not reuse.
func titleLine(ta, tb *text, x Passage, opt Options) bool {
	return x.Matches < opt.MinPairWords && ta.lineLike(x.a[0], x.a[1]) && tb.lineLike(x.b[0], x.b[1]) &&
		!ta.endsSentence(x.a[1]) && !tb.endsSentence(x.b[1])
}

// kind tells a verbatim pair, the same words in the same order, from a
// rewrite (the wire is told by the agencies, after).
func (p *Pair) kind() Kind {
	if p.Reordered == 0 && p.Edits == 0 {
		return Verbatim
	}
	return Rewrite
}

// A leading stretch of each text (before the first passage) counts as a
// rewrite of the other rather than different text (menus, another
// opening) when they share at least rewrittenShared distinct words of
// four letters or more, and rewrittenDice of them (Dice coefficient),
// counting only the words of prose lines (proseLine words or more), up to
// maxStretch words before the passage.
const (
	rewrittenShared = 8
	rewrittenDice   = 0.4
	proseLine       = 10
	maxStretch      = 300
)

// describe computes the coverage, identity, edits and reordering of the
// pair's passages.
//
// Edits are the runs of unequal words inside passages; each fragment (a
// stretch aligned outside the passages, too short to be one) inside a
// paragraph on either side: a sentence moved or reworded (one made of
// lines on both sides, linesLike, is chrome both pages carry); between
// two passages, words added, dropped or replaced inside a paragraph
// (whole lines are an aside, an advertisement); and a rewritten opening
// (rewritten).
// Short passages that are a line on both sides with no final period (a
// related article's title both pages link to) count for coverage but
// not for order.
func (p *Pair) describe(ta, tb *text, frags []Passage, opt Options) {
	for _, f := range frags {
		if !ta.linesLike(f.a[0], f.a[1]) || !tb.linesLike(f.b[0], f.b[1]) {
			p.Edits++
		}
	}
	var wa, wb, matches, cols float64
	var ps []Passage // the passages that count for order
	for _, x := range p.Passages {
		wa += float64(x.a[1] - x.a[0])
		wb += float64(x.b[1] - x.b[0])
		matches += float64(x.Matches)
		if x.Identity > 0 {
			cols += float64(x.Matches) / x.Identity
		}
		p.Edits += x.Edits
		if !titleLine(ta, tb, x, opt) {
			ps = append(ps, x)
		}
	}
	if len(ta.words) > 0 {
		p.CoverageA = wa / float64(len(ta.words))
	}
	if len(tb.words) > 0 {
		p.CoverageB = wb / float64(len(tb.words))
	}
	if cols > 0 {
		p.Identity = matches / cols
	}
	for k := 1; k < len(ps); k++ {
		if ps[k].b[0] < ps[k-1].b[1] {
			p.Reordered++
		}
	}
	if p.Reordered > 0 || len(ps) == 0 {
		return
	}
	ra := [2]int{max(0, ps[0].a[0]-maxStretch), ps[0].a[0]}
	rb := [2]int{max(0, ps[0].b[0]-maxStretch), ps[0].b[0]}
	if rewritten(ta.proseWords(ra, p.Passages, true), tb.proseWords(rb, p.Passages, false)) {
		p.Edits++
	}
	for k := 1; k < len(ps); k++ {
		ra, rb := [2]int{ps[k-1].a[1], ps[k].a[0]}, [2]int{ps[k-1].b[1], ps[k].b[0]}
		if (ra[1] > ra[0] || rb[1] > rb[0]) && !layout(ta, tb, ra, rb) {
			p.Edits++
		}
	}
}

// layout reports whether the unaligned words ra of ta and rb of tb
// differ by whole lines only (an aside, an advertisement), once the words
// they start or end with alike are set aside (boilerplate masking may
// leave a paragraph's first word out of the passage that follows).
func layout(ta, tb *text, ra, rb [2]int) bool {
	for ra[0] < ra[1] && rb[0] < rb[1] && ta.words[ra[0]] == tb.words[rb[0]] {
		ra[0]++
		rb[0]++
	}
	for ra[0] < ra[1] && rb[0] < rb[1] && ta.words[ra[1]-1] == tb.words[rb[1]-1] {
		ra[1]--
		rb[1]--
	}
	return ta.wholeLines(ra[0], ra[1]) && tb.wholeLines(rb[0], rb[1])
}

// rewritten reports whether two stretches share enough of the vocabulary
// of their prose lines (proseWords) to be a rewrite of one another.
func rewritten(sa, sb map[uint64]bool) bool {
	both := 0
	for w := range sa {
		if sb[w] {
			both++
		}
	}
	return both >= rewrittenShared && 2*float64(both) >= rewrittenDice*float64(len(sa)+len(sb))
}

// proseWords returns the distinct words of at least four bytes of the
// range r that belong to lines of proseLine words or more, boilerplate
// and the words of the passages ps (their a side when a is set, else their
// b side) left out.
func (t *text) proseWords(r [2]int, ps []Passage, a bool) map[uint64]bool {
	aligned := func(i int) bool {
		for _, p := range ps {
			x := p.b
			if a {
				x = p.a
			}
			if x[0] <= i && i < x[1] {
				return true
			}
		}
		return false
	}
	m := map[uint64]bool{}
	for lo := r[0]; lo < r[1]; {
		hi := lo + 1
		for hi < r[1] && !strings.Contains(t.s[t.end[hi-1]:t.start[hi]], "\n") {
			hi++
		}
		if hi-lo >= proseLine {
			for i := lo; i < hi; i++ {
				if t.end[i]-t.start[i] >= 4 && !t.isCommon(i) && !aligned(i) {
					m[t.words[i]] = true
				}
			}
		}
		lo = hi
	}
	return m
}

// Orient tells which of two publication dates is the earlier, at the
// precision each is known: SourceA when a's whole period ends before b's
// begins, SourceB the other way round, else Unknown with the reason.
func Orient(a, b veille.Date) (Direction, string) {
	as, ae, aok := a.Span()
	bs, be, bok := b.Span()
	switch {
	case !aok && !bok:
		return Unknown, ReasonMissingDate + " (both)"
	case !aok:
		return Unknown, ReasonMissingDate + " (a)"
	case !bok:
		return Unknown, ReasonMissingDate + " (b)"
	case !ae.After(bs):
		return SourceA, ReasonEarlier
	case !be.After(as):
		return SourceB, ReasonEarlier
	}
	// The periods overlap.
	day := func(d veille.Date) string { return d.Time.Format("2006-01-02") }
	if a.Precision >= veille.PrecisionDay && b.Precision >= veille.PrecisionDay && day(a) == day(b) {
		return Unknown, ReasonSameDay
	}
	return Unknown, fmt.Sprintf("%s (%s, %s)", ReasonOverlap, a, b)
}
