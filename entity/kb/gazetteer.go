package kb

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Gazetteer finds the names of the base in tokenised text. It works on
// the tokens of any tokeniser: each token is folded (see Fold) into one or
// more words, so "Bobo-Dioulasso" matches whether the tokeniser kept it
// whole or split it at the hyphen, and "d'Ivoire" whether the elision was
// split off or not. Matches start and end on token boundaries.
//
// Names are matched as the base writes them, except that a lower-case
// determiner or title they are written with is not part of the match
// ("le Kremlin" matches "Kremlin"; "Le Monde" needs its "Le"). Demonyms
// are not in the gazetteer (they are adjectives; see KB.Demonym). A
// Gazetteer is immutable and safe for concurrent use.
type Gazetteer struct {
	nodes []gnode
}

// gnode is a node of the word trie: node 0 is the root.
type gnode struct {
	next    map[string]int32
	entries []*Entry
	// lowerOK: some name ending here is written in lower case in the
	// base ("groupe Wagner"), so a lower-case mention is as good.
	lowerOK bool
	// acronym: every name ending here is an acronym written in capitals
	// ("AES", "UA"): only a mention in capitals matches it well.
	acronym bool
	// caps has bit i set when word i (after the first) is capitalised
	// in every name ending here: "Le Temps" needs its "Temps" ("Le temps
	// passe" is no newspaper), "Banque mondiale" takes either.
	caps uint64
}

// Match is a name of the base found in a token sequence.
type Match struct {
	// Start and End delimit the name: tokens[Start:End].
	Start, End int
	// Entries are the entries the name may refer to, in the base's order
	// (shared with the base: do not modify).
	Entries []*Entry
	// CaseOK reports whether the mention's capitals agree with the name:
	// it starts with a capital or a digit (or the name is written in lower
	// case in the base), and an acronym is written in capitals. Lower-case
	// matches of names ("grenade", "niger" in running text) are usually
	// common words.
	CaseOK bool
}

// Gazetteer returns the base's gazetteer, built on first use.
func (k *KB) Gazetteer() *Gazetteer {
	k.gazOnce.Do(func() { k.gaz = newGazetteer(k) })
	return k.gaz
}

func newGazetteer(k *KB) *Gazetteer {
	g := &Gazetteer{nodes: []gnode{{}}}
	type state struct {
		upper, lower, other bool
		caps                uint64
	}
	seen := map[int32]*state{}
	for i := range k.entries {
		e := &k.entries[i]
		for name := range e.names() {
			// A name written with a lower-case determiner or title
			// ("le Kremlin", "roi Mohammed VI") is matched without
			// it; a capitalised one is part of the name ("Le Monde",
			// "La Havane") and stays.
			key := Fold(name)
			caps := capsMask(name)
			lower := startsLower(name)
			if lower {
				if stripped := stripLeading(key); stripped != key {
					caps >>= strings.Count(key, " ") - strings.Count(stripped, " ")
					key, lower = stripped, false
				}
			}
			n := g.insert(key)
			if n == 0 {
				continue
			}
			node := &g.nodes[n]
			if !slices.Contains(node.entries, e) {
				node.entries = append(node.entries, e)
			}
			st := seen[n]
			if st == nil {
				st = &state{caps: ^uint64(0)}
				seen[n] = st
			}
			st.caps &= caps
			switch {
			case isAcronym(name):
				st.upper = true
			case lower:
				st.lower = true
			default:
				st.other = true
			}
		}
	}
	for n, st := range seen {
		g.nodes[n].lowerOK = st.lower
		g.nodes[n].acronym = st.upper && !st.lower && !st.other
		g.nodes[n].caps = st.caps &^ 1
	}
	return g
}

// capsMask returns the bit mask of the folded words of name that come
// from a word written with a capital (bit i for word i).
func capsMask(name string) uint64 {
	var mask uint64
	i := 0
	for _, w := range strings.Fields(name) {
		n := len(strings.Fields(Fold(w)))
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			for k := i; k < i+n && k < 64; k++ {
				mask |= 1 << k
			}
		}
		i += n
	}
	return mask
}

// insert adds the words of a folded key to the trie and returns its last
// node (0 for an empty key).
func (g *Gazetteer) insert(key string) int32 {
	if key == "" {
		return 0
	}
	n := int32(0)
	for len(key) > 0 {
		w := key
		rest := ""
		for i := 0; i < len(key); i++ {
			if key[i] == ' ' {
				w, rest = key[:i], key[i+1:]
				break
			}
		}
		key = rest
		next, ok := g.nodes[n].next[w]
		if !ok {
			if g.nodes[n].next == nil {
				g.nodes[n].next = map[string]int32{}
			}
			next = int32(len(g.nodes))
			g.nodes[n].next[w] = next
			g.nodes = append(g.nodes, gnode{})
		}
		n = next
	}
	return n
}

// isAcronym reports whether a name is a short word written in capitals
// ("AES", "FAMA", "EI"), digits allowed ("G5").
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsDigit(r) || r == '-' || r == '.':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 6
}

func startsLower(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsLower(r)
}

// word is one folded word of a token sequence.
type word struct {
	start, end int // bytes of the fold buffer
	tok        int // index of the token it comes from
	first      bool
	last       bool
}

// scan folds the tokens into words. A token that folds to nothing is
// transparent when it is only hyphens, dashes or apostrophes, and a
// barrier (ends any name) otherwise: barriers are marked by a word with
// tok = -1.
func scan(tokens []string, buf []byte, words []word) ([]byte, []word) {
	for i, t := range tokens {
		if len(t) > maxTokenLen {
			// No name has such a word: a barrier, not worth folding.
			words = append(words, word{tok: -1})
			continue
		}
		before := len(buf)
		buf = appendFold(buf, t)
		if len(buf) == before {
			if !joinerToken(t) {
				words = append(words, word{tok: -1})
			}
			continue
		}
		first := len(words)
		s := before
		for j := before; j <= len(buf); j++ {
			if j == len(buf) || buf[j] == ' ' {
				words = append(words, word{start: s, end: j, tok: i})
				s = j + 1
			}
		}
		words[first].first = true
		words[len(words)-1].last = true
		buf = append(buf, ' ')
	}
	return buf, words
}

// joinerToken reports whether a token holds only hyphens, dashes and
// apostrophes (and spaces), which may sit inside a name.
func joinerToken(t string) bool {
	for _, r := range t {
		switch r {
		case '-', '‐', '‑', '–', '—', '\'', '’', 'ʼ', '‘', ' ':
		default:
			return false
		}
	}
	return true
}

// Find returns the names of the base in tokens, left to right, each the
// longest starting at its token, not overlapping. It takes time linear in
// the number of tokens (times the length of the longest name).
func (g *Gazetteer) Find(tokens []string) []Match {
	buf, words := scan(tokens, make([]byte, 0, 8*len(tokens)), make([]word, 0, len(tokens)+4))
	var out []Match
	for w := 0; w < len(words); {
		if !words[w].first {
			w++
			continue
		}
		m, next, ok := g.longest(tokens, buf, words, w)
		if !ok {
			w++
			continue
		}
		out = append(out, m)
		w = next
	}
	return out
}

// Longest returns the longest name of the base starting at tokens[i].
func (g *Gazetteer) Longest(tokens []string, i int) (Match, bool) {
	if i < 0 || i >= len(tokens) {
		return Match{}, false
	}
	// Names are short: look at a bounded window of tokens.
	end := min(len(tokens), i+maxNameTokens)
	buf, words := scan(tokens[i:end], nil, nil)
	if len(words) == 0 || words[0].tok != 0 {
		return Match{}, false // tokens[i] is punctuation
	}
	m, _, ok := g.longest(tokens[i:end], buf, words, 0)
	if ok {
		m.Start += i
		m.End += i
	}
	return m, ok
}

// maxNameTokens bounds the window Longest folds; maxTokenLen is the
// longest token (in bytes) that may be part of a name.
const (
	maxNameTokens = 24
	maxTokenLen   = 256
)

// longest walks the trie from words[w] and returns the longest match that
// ends on a token boundary, and the index of the word after it.
func (g *Gazetteer) longest(tokens []string, buf []byte, words []word, w int) (Match, int, bool) {
	n := int32(0)
	best, bestEnd := int32(0), -1
	for j := w; j < len(words); j++ {
		wd := words[j]
		if wd.tok < 0 {
			break
		}
		next, ok := g.nodes[n].next[string(buf[wd.start:wd.end])]
		if !ok {
			break
		}
		n = next
		if wd.last && len(g.nodes[n].entries) > 0 {
			best, bestEnd = n, j
		}
	}
	if bestEnd < 0 {
		return Match{}, 0, false
	}
	node := &g.nodes[best]
	m := Match{Start: words[w].tok, End: words[bestEnd].tok + 1, Entries: node.entries}
	m.CaseOK = caseOK(tokens[m.Start:m.End], node) && innerCaps(tokens, words[w:bestEnd+1], node.caps)
	return m, bestEnd + 1, true
}

// innerCaps reports whether the words of a match that the name writes
// with a capital (caps, see gnode) start with a capital or a digit in the
// text, for the words that start a token.
func innerCaps(tokens []string, ws []word, caps uint64) bool {
	for i, wd := range ws {
		if i == 0 || i >= 64 || caps&(1<<i) == 0 || !wd.first {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(tokens[wd.tok]); unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func caseOK(toks []string, node *gnode) bool {
	if node.acronym {
		for _, t := range toks {
			for _, r := range t {
				if unicode.IsLower(r) {
					return false
				}
			}
		}
		return true
	}
	if node.lowerOK {
		return true
	}
	for _, t := range toks {
		for _, r := range t {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return !unicode.IsLower(r)
			}
		}
	}
	return false
}
