package dedup

import (
	"math/bits"
	"sync"
	"unicode/utf8"

	"github.com/veille-news/veille/tokenize"
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	// empty marks a MinHash bin no shingle fell into.
	empty = ^uint32(0)
)

// mix is the finaliser of SplitMix64: a bijection of 64-bit words whose
// every output bit depends on every input bit.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// reduce maps the 32 bits x onto [0, n) without a division.
func reduce(x uint32, n int) int { return int(uint64(x) * uint64(n) >> 32) }

// foldTable holds tokenize.Fold of every rune under its length: Fold
// works rune by rune, so a word made of such runes folds without
// allocating.
var foldTable = sync.OnceValue(func() []string {
	t := make([]string, 0x2100)
	for r := range t {
		t[r] = tokenize.Fold(string(rune(r)))
	}
	return t
})

// foldHash returns the FNV-1a hash of tokenize.Fold(w).
func foldHash(w string) uint64 {
	table := foldTable()
	h := uint64(fnvOffset)
	for _, r := range w {
		if r >= rune(len(table)) || r == utf8.RuneError {
			return fnv(tokenize.Fold(w))
		}
		f := table[r]
		for i := 0; i < len(f); i++ {
			h = (h ^ uint64(f[i])) * fnvPrime
		}
	}
	return h
}

// fnv returns the FNV-1a hash of s.
func fnv(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

var tokenBufs = sync.Pool{New: func() any { return new([]tokenize.Token) }}

// wordHashes appends to dst the FNV-1a hash of each word and number of
// text, folded (tokenize.Fold), in order. When anchors > 0 it also returns
// the hashes (exactHash) of the first anchors sentences of minWords words
// or more.
func wordHashes(text string, dst []uint64, anchors, minWords int) (words, sentences []uint64) {
	buf := tokenBufs.Get().(*[]tokenize.Token)
	toks := tokenize.AppendTokens((*buf)[:0], text)
	add := func(toks []tokenize.Token) {
		for _, t := range toks {
			if t.Kind != tokenize.Word && t.Kind != tokenize.Number {
				continue
			}
			dst = append(dst, foldHash(t.Text))
		}
	}
	if anchors <= 0 {
		add(toks)
	} else {
		for _, s := range tokenize.SentencesFromTokens(text, toks) {
			start := len(dst)
			add(s.Tokens)
			if len(sentences) < anchors && len(dst)-start >= minWords {
				sentences = append(sentences, exactHash(dst[start:]))
			}
		}
	}
	if cap(toks) <= 1<<16 {
		clear(toks) // let the text go
		*buf = toks[:0]
		tokenBufs.Put(buf)
	}
	return dst, sentences
}

// exactHash hashes a sequence of word hashes: equal for the same words in
// the same order.
func exactHash(words []uint64) uint64 {
	h := uint64(fnvOffset)
	for _, w := range words {
		h = (h ^ w) * fnvPrime
	}
	return mix(h ^ uint64(len(words)))
}

// shingleHashes appends to dst the hash of every run of k consecutive
// words, or of all the words when there are fewer than k (none for no
// word).
func shingleHashes(dst, words []uint64, k int) []uint64 {
	if len(words) == 0 {
		return dst
	}
	n := max(1, len(words)-k+1)
	k = min(k, len(words))
	for i := range n {
		h := uint64(fnvOffset)
		for _, w := range words[i : i+k] {
			h = (h ^ w) * fnvPrime
		}
		dst = append(dst, mix(h))
	}
	return dst
}

// hashBufs are the buffers of word and shingle hashes Signature reuses.
var hashBufs = sync.Pool{New: func() any { return new([]uint64) }}

// minHash returns the one-permutation MinHash of the distinct shingle
// hashes sh in len(m) bins, written into m, densified: a shingle's high 32 bits pick its bin,
// its low 32 bits are its value, and each bin keeps the smallest; an
// empty bin then takes the value of the first non-empty bin of its own
// fixed pseudo-random probe sequence (optimal densification). It returns
// nil when sh is empty.
func minHash(m []uint32, sh []uint64) []uint32 {
	if len(sh) == 0 {
		return nil
	}
	k := len(m)
	for i := range m {
		m[i] = empty
	}
	for _, x := range sh {
		b := reduce(uint32(x>>32), k)
		v := uint32(x)
		if v == empty {
			v--
		}
		if v < m[b] {
			m[b] = v
		}
	}
	full := make([]uint64, (k+63)/64) // bins a shingle fell into
	some := false
	for i, v := range m {
		if v != empty {
			full[i/64] |= 1 << (i % 64)
		} else {
			some = true
		}
	}
	if !some {
		return m
	}
	for i, v := range m {
		if v != empty {
			continue
		}
		for t := uint64(0); ; t++ {
			j := reduce(uint32(mix(uint64(i)<<32|t)), k)
			if full[j/64]&(1<<(j%64)) != 0 {
				m[i] = m[j]
				break
			}
		}
	}
	return m
}

// bandKey hashes the values of band b of a signature.
func bandKey(b int, vals []uint32) uint64 {
	h := mix(uint64(b) + 1)
	for _, v := range vals {
		h = mix(h ^ uint64(v))
	}
	return h
}

// anchorKey is the bucket key of an anchor sentence's hash, apart from
// the bands' keys.
func anchorKey(h uint64) uint64 { return mix(h ^ 0x616e63686f72) }

// SimHash returns the 64-bit SimHash (Charikar) of text's shingles of
// shingle words, each weighted by its number of occurrences: bit i is set
// when the shingles whose hash has bit i set outweigh the others. The
// Hamming distance of two SimHashes estimates the angle between the two
// texts' shingle-count vectors. It returns 0 for a text without words.
func SimHash(text string, shingle int) uint64 {
	if shingle <= 0 {
		shingle = 5
	}
	words, _ := wordHashes(text, nil, 0, 0)
	sh := shingleHashes(nil, words, shingle)
	if len(sh) == 0 {
		return 0
	}
	var v [64]int32
	for _, x := range sh {
		for i := range v {
			v[i] += int32(x>>i&1)*2 - 1
		}
	}
	var h uint64
	for i, c := range v {
		if c > 0 {
			h |= 1 << i
		}
	}
	return h
}

// Hamming returns the number of bits that differ between a and b.
func Hamming(a, b uint64) int { return bits.OnesCount64(a ^ b) }
