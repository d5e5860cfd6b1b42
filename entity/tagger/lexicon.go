package tagger

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lexicon is what the tagger knows of words from unlabelled text: a word
// cluster at two granularities (from the exchange algorithm of Kneser and
// Ney over word bigrams) and how often each word is capitalised inside a
// sentence. It is built from our own counts over the texts given to
// BuildLexicon; no word list is copied from anywhere.
type Lexicon struct {
	entries map[string]lexEntry
}

// Len returns the number of words in the lexicon.
func (l *Lexicon) Len() int { return len(l.entries) }

// LexiconOptions controls BuildLexicon.
type LexiconOptions struct {
	// MinCount is the least number of occurrences for a word to enter the
	// lexicon (default 3).
	MinCount int
	// Clusters and Coarse are the numbers of fine and coarse clusters
	// (defaults 256 and 48).
	Clusters, Coarse int
	// Iterations of the exchange algorithm (default 4).
	Iterations int
}

// BuildLexicon counts words in sentences of tokens and clusters them.
// The result depends only on the input and options.
func BuildLexicon(ctx context.Context, sents [][]string, opts LexiconOptions) (*Lexicon, error) {
	if opts.MinCount <= 0 {
		opts.MinCount = 3
	}
	if opts.Clusters <= 0 {
		opts.Clusters = 256
	}
	if opts.Coarse <= 0 {
		opts.Coarse = 48
	}
	if opts.Iterations <= 0 {
		opts.Iterations = 4
	}
	type stat struct{ n, inner, capsInner int }
	stats := map[string]*stat{}
	var buf []byte
	normSents := make([][]string, len(sents))
	for si, s := range sents {
		ns := make([]string, len(s))
		for i, tok := range s {
			buf = normalize(buf[:0], tok)
			w := string(buf)
			ns[i] = w
			st := stats[w]
			if st == nil {
				st = &stat{}
				stats[w] = st
			}
			st.n++
			if i > 0 && !isSentenceEnd(s[i-1]) {
				st.inner++
				if r, _ := utf8.DecodeRuneInString(tok); unicode.IsUpper(r) {
					st.capsInner++
				}
			}
		}
		normSents[si] = ns
	}
	var vocab []string
	for w, st := range stats {
		if st.n >= opts.MinCount {
			vocab = append(vocab, w)
		}
	}
	// frequency order, ties alphabetical: deterministic
	slices.SortFunc(vocab, func(a, b string) int {
		if d := stats[b].n - stats[a].n; d != 0 {
			return d
		}
		if a < b {
			return -1
		}
		return 1
	})
	fine, err := exchange(ctx, vocab, normSents, opts.Clusters, opts.Iterations)
	if err != nil {
		return nil, err
	}
	coarse, err := exchange(ctx, vocab, normSents, opts.Coarse, opts.Iterations)
	if err != nil {
		return nil, err
	}
	lex := &Lexicon{entries: make(map[string]lexEntry, len(vocab))}
	for i, w := range vocab {
		st := stats[w]
		e := lexEntry{cluster: uint16(fine[i]), coarse: uint16(coarse[i]), caps: capsNever}
		if st.inner > 0 {
			r := float64(st.capsInner) / float64(st.inner)
			switch {
			case r < 0.05:
				e.caps = capsNever
			case r < 0.3:
				e.caps = capsRare
			case r < 0.7:
				e.caps = capsHalf
			case r < 0.95:
				e.caps = capsMostly
			default:
				e.caps = capsAlways
			}
		} else {
			e.caps = capsUnseen
		}
		lex.entries[w] = e
	}
	return lex, nil
}

func xlogx(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return x * math.Log(x)
}

type nb struct {
	v int32
	n float64
}

// exchange clusters the vocabulary into k classes by the exchange
// algorithm, maximising the likelihood of a class bigram model. Words out
// of the vocabulary and sentence boundaries count as two extra words with
// fixed classes of their own. It returns the class of each vocabulary word.
func exchange(ctx context.Context, vocab []string, sents [][]string, k, iters int) ([]int, error) {
	V := len(vocab)
	if V == 0 {
		return nil, nil
	}
	id := make(map[string]int32, V)
	for i, w := range vocab {
		id[w] = int32(i)
	}
	rare, bound := int32(V), int32(V+1)
	W := V + 2
	big := map[[2]int32]float64{}
	for _, s := range sents {
		prev := bound
		for _, w := range s {
			cur, ok := id[w]
			if !ok {
				cur = rare
			}
			big[[2]int32{prev, cur}]++
			prev = cur
		}
		big[[2]int32{prev, bound}]++
	}
	right := make([][]nb, W)
	left := make([][]nb, W)
	pairs := make([][2]int32, 0, len(big))
	for p := range big {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	for _, p := range pairs {
		n := big[p]
		right[p[0]] = append(right[p[0]], nb{p[1], n})
		left[p[1]] = append(left[p[1]], nb{p[0], n})
	}
	K := k + 2 // the two fixed classes come last
	class := make([]int, W)
	for i := 0; i < V; i++ {
		class[i] = i % k
	}
	class[rare], class[bound] = k, k+1
	N := make([]float64, K*K)
	Nl := make([]float64, K)
	Nr := make([]float64, K)
	for _, p := range pairs {
		n := big[p]
		N[class[p[0]]*K+class[p[1]]] += n
		Nl[class[p[0]]] += n
		Nr[class[p[1]]] += n
	}
	R := make([]float64, K)
	L := make([]float64, K)
	var touchR, touchL []int
	for it := 0; it < iters; it++ {
		moved := 0
		for w := 0; w < V; w++ {
			if w%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("tagger: clustering: %w", err)
				}
			}
			touchR, touchL = touchR[:0], touchL[:0]
			self, cl, cr := 0.0, 0.0, 0.0
			for _, e := range right[w] {
				cl += e.n
				if int(e.v) == w {
					self += e.n
					continue
				}
				c := class[e.v]
				if R[c] == 0 {
					touchR = append(touchR, c)
				}
				R[c] += e.n
			}
			for _, e := range left[w] {
				cr += e.n
				if int(e.v) == w {
					continue
				}
				c := class[e.v]
				if L[c] == 0 {
					touchL = append(touchL, c)
				}
				L[c] += e.n
			}
			old := class[w]
			// remove w from its class
			for _, d := range touchR {
				N[old*K+d] -= R[d]
			}
			for _, d := range touchL {
				N[d*K+old] -= L[d]
			}
			N[old*K+old] -= self
			Nl[old] -= cl
			Nr[old] -= cr
			best, bestGain := old, math.Inf(-1)
			for c := 0; c < k; c++ {
				g := 0.0
				for _, d := range touchR {
					if d != c {
						x := N[c*K+d]
						g += xlogx(x+R[d]) - xlogx(x)
					}
				}
				for _, d := range touchL {
					if d != c {
						x := N[d*K+c]
						g += xlogx(x+L[d]) - xlogx(x)
					}
				}
				x := N[c*K+c]
				g += xlogx(x+R[c]+L[c]+self) - xlogx(x)
				g -= xlogx(Nl[c]+cl) - xlogx(Nl[c])
				g -= xlogx(Nr[c]+cr) - xlogx(Nr[c])
				if g > bestGain+1e-9 || (c == old && g >= bestGain-1e-9) {
					best, bestGain = c, g
				}
			}
			for _, d := range touchR {
				N[best*K+d] += R[d]
			}
			for _, d := range touchL {
				N[d*K+best] += L[d]
			}
			N[best*K+best] += self
			Nl[best] += cl
			Nr[best] += cr
			if best != old {
				moved++
				class[w] = best
			}
			for _, d := range touchR {
				R[d] = 0
			}
			for _, d := range touchL {
				L[d] = 0
			}
		}
		if moved == 0 {
			break
		}
	}
	return class[:V], nil
}

// AddGivenNames marks words as given names, a feature of the tagger;
// names of several words ("Jean-Pierre" is one token, "Abdel Aziz" two)
// mark each word. Words the corpus never showed enter the lexicon
// without a cluster.
func (l *Lexicon) AddGivenNames(names []string) {
	var buf []byte
	for _, name := range names {
		for _, w := range strings.Fields(name) {
			buf = normalize(buf[:0], w)
			e, ok := l.entries[string(buf)]
			if !ok {
				e = lexEntry{cluster: noCluster, coarse: noCluster, caps: capsUnseen}
			}
			e.flags |= lexGiven
			l.entries[string(buf)] = e
		}
	}
}

// MostlyLower reports whether the lexicon knows word (any case) and has
// seen it capitalised inside a sentence less than three times in ten.
func (l *Lexicon) MostlyLower(word string) bool {
	e, ok := l.entries[string(normalize(nil, word))]
	return ok && (e.caps == capsNever || e.caps == capsRare)
}
