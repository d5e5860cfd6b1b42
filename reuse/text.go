package reuse

import (
	"math/bits"
	"strings"

	"github.com/veille-news/veille/tokenize"
)

// text is a document prepared for alignment: its folded words, hashed,
// with their byte spans.
type text struct {
	s     string
	words []uint64
	start []int32
	end   []int32
	// common marks the words of boilerplate n-grams (nil: none); seeds
	// and extensions do not use them.
	common []bool
}

// prepare splits s into words: the Word and Number tokens of
// tokenize.Tokens, folded.
func prepare(s string) *text {
	toks := tokenize.Tokens(s)
	t := &text{s: s}
	n := 0
	for _, tk := range toks {
		if tk.Kind == tokenize.Word || tk.Kind == tokenize.Number {
			n++
		}
	}
	t.words = make([]uint64, 0, n)
	t.start = make([]int32, 0, n)
	t.end = make([]int32, 0, n)
	for _, tk := range toks {
		if tk.Kind != tokenize.Word && tk.Kind != tokenize.Number {
			continue
		}
		t.words = append(t.words, wordHash(tokenize.Fold(tk.Text)))
		t.start = append(t.start, int32(tk.Start))
		t.end = append(t.end, int32(tk.End))
	}
	return t
}

// wholeLines reports whether the words [lo, hi) are whole lines of the
// text, a line break before and after them (or the text's ends); true
// for no word.
func (t *text) wholeLines(lo, hi int) bool {
	if lo >= hi {
		return true
	}
	before := 0
	if lo > 0 {
		before = int(t.end[lo-1])
	}
	after := len(t.s)
	if hi < len(t.words) {
		after = int(t.start[hi])
	}
	return (lo == 0 || strings.Contains(t.s[before:t.start[lo]], "\n")) &&
		(hi == len(t.words) || strings.Contains(t.s[t.end[hi-1]:after], "\n"))
}

// lineSlack is the number of words a line may hold besides a stretch for
// the stretch to be that line: "Lire aussi :" before a linked title.
const lineSlack = 3

// lineLike reports whether the words [lo, hi) make up their line(s) but
// for at most lineSlack words: a title, a link, a caption, rather than
// words inside a paragraph.
func (t *text) lineLike(lo, hi int) bool {
	if lo >= hi {
		return true
	}
	extra := 0
	for i := lo; i > 0 && !strings.Contains(t.s[t.end[i-1]:t.start[i]], "\n"); i-- {
		if extra++; extra > lineSlack {
			return false
		}
	}
	for i := hi; i < len(t.words) && !strings.Contains(t.s[t.end[i-1]:t.start[i]], "\n"); i++ {
		if extra++; extra > lineSlack {
			return false
		}
	}
	return true
}

// linesLike reports whether the words [lo, hi), cut at line breaks, are
// in each piece longer than lineSlack words a line of their own
// (lineLike): a stretch of chrome lines, which may end on the first words
// of the next line.
func (t *text) linesLike(lo, hi int) bool {
	for s := lo; s < hi; {
		e := s + 1
		for e < hi && !strings.Contains(t.s[t.end[e-1]:t.start[e]], "\n") {
			e++
		}
		if e-s > lineSlack && !t.lineLike(s, e) {
			return false
		}
		s = e
	}
	return true
}

// endsSentence reports whether the line of word hi-1 ends with a
// sentence's final mark (. ! ? …) after its last word: a paragraph
// rather than a title.
func (t *text) endsSentence(hi int) bool {
	for hi < len(t.words) && !strings.Contains(t.s[t.end[hi-1]:t.start[hi]], "\n") {
		hi++
	}
	after := len(t.s)
	if hi < len(t.words) {
		after = int(t.start[hi])
	}
	gap := t.s[t.end[hi-1]:after]
	if i := strings.IndexByte(gap, '\n'); i >= 0 {
		gap = gap[:i]
	}
	return strings.ContainsAny(gap, ".!?…")
}

// breakBefore reports whether a line break comes right before word i
// (or i is the first word or past the last).
func (t *text) breakBefore(i int) bool {
	if i <= 0 || i >= len(t.words) {
		return true
	}
	return strings.Contains(t.s[t.end[i-1]:t.start[i]], "\n")
}

// isCommon reports whether word i is boilerplate.
func (t *text) isCommon(i int) bool { return t.common != nil && t.common[i] }

// wordHash is the 64-bit FNV-1a hash of a folded word.
func wordHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// gramHash hashes the word hashes ws in order.
func gramHash(ws []uint64) uint64 {
	var h uint64
	for _, w := range ws {
		h = bits.RotateLeft64(h, 17) ^ w
		h *= 0x9e3779b97f4a7c15
	}
	return h ^ h>>31
}

// grams returns the hashes of the n-grams of words, one per start
// position, none when there are fewer than n words.
func grams(words []uint64, n int) []uint64 {
	if len(words) < n {
		return nil
	}
	gs := make([]uint64, len(words)-n+1)
	for i := range gs {
		gs[i] = gramHash(words[i : i+n])
	}
	return gs
}
