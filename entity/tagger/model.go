package tagger

import (
	"math"
	"strings"
	"sync"
)

// Gazetteer marks the tokens of a sequence that a list of known names
// covers. Tags returns one tag per token: "B-"+type on the first token of a
// known name, "I-"+type on the next ones, and "O" or "" elsewhere. Types
// are free strings (PER, LOC, ORG, MISC, or finer ones); the tagger only
// learns how far to trust each.
type Gazetteer interface {
	Tags(tokens []string) []string
}

// lexEntry is what the model knows of a word from unlabelled text: its
// word cluster at two granularities and how often it is capitalised.
type lexEntry struct {
	cluster, coarse uint16 // noCluster: a listed word never seen in the corpus
	caps            uint8
	flags           uint8 // lexGiven
}

// noCluster is the cluster of a lexicon word that only a list gave.
const noCluster = 0xffff

// Lexicon flags.
const (
	lexGiven uint8 = 1 << iota // a given name ("Mamadou", "Sergueï")
)

// Model is a trained sequence tagger: a linear model over sparse features
// with first-order tag transitions, decoded by Viterbi under the BIO
// constraints. A Model is immutable and safe for concurrent use.
type Model struct {
	tags   []string
	nTags  int
	typeOf []int // entity type index of each tag, -1 for O
	isI    []bool
	// weights: open-addressing table of feature keys, nTags weights per key
	keys    []uint64
	weights []float32
	mask    uint64
	// trans[(c*(nTags+1)+p+1)*nTags+t] is the weight of tag t after tag p
	// (p = -1 at the start of the sequence) in transition context c; the
	// score of a transition is that of context 0 plus that of the
	// token's own context (see connectors).
	trans   []float32
	allowed []bool // allowed[(p+1)*nTags+t]
	lex     map[string]lexEntry
	gaz     Gazetteer
	pool    *sync.Pool
}

// Tags returns the tag set of the model ("O", "B-PER", ...).
func (m *Model) Tags() []string { return append([]string(nil), m.tags...) }

// WithGazetteer returns a copy of m whose features include g's tags; nil
// removes the gazetteer. m itself is unchanged.
func (m *Model) WithGazetteer(g Gazetteer) *Model {
	c := *m
	c.gaz = g
	return &c
}

// newModel sets up the derived fields of a model with the given tag set.
func newModel(tags []string) *Model {
	m := &Model{tags: tags, nTags: len(tags), lex: map[string]lexEntry{}}
	types := map[string]int{}
	for _, t := range tags {
		p, typ := splitTag(t)
		idx := -1
		if p != 'O' {
			if _, ok := types[typ]; !ok {
				types[typ] = len(types)
			}
			idx = types[typ]
		}
		m.typeOf = append(m.typeOf, idx)
		m.isI = append(m.isI, p == 'I')
	}
	n := m.nTags
	m.trans = make([]float32, nPairCtx*(n+1)*n)
	m.allowed = make([]bool, (n+1)*n)
	for p := -1; p < n; p++ {
		for t := 0; t < n; t++ {
			ok := true
			if m.isI[t] {
				ok = p >= 0 && m.typeOf[p] == m.typeOf[t]
			}
			m.allowed[(p+1)*n+t] = ok
		}
	}
	m.pool = &sync.Pool{New: func() any { return new(scratch) }}
	return m
}

func splitTag(tag string) (byte, string) {
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		return tag[0], tag[2:]
	}
	return 'O', ""
}

// setTable builds the lookup table from parallel keys and weight rows.
func (m *Model) setTable(keys []uint64, rows []float32) {
	size := 1
	for size < len(keys)*2 {
		size <<= 1
	}
	if size < 16 {
		size = 16
	}
	m.keys = make([]uint64, size)
	m.weights = make([]float32, size*m.nTags)
	m.mask = uint64(size - 1)
	for i, k := range keys {
		j := k & m.mask
		for m.keys[j] != 0 {
			j = (j + 1) & m.mask
		}
		m.keys[j] = k
		copy(m.weights[int(j)*m.nTags:], rows[i*m.nTags:(i+1)*m.nTags])
	}
}

// row returns the weights of feature key k, or nil.
func (m *Model) row(k uint64) []float32 {
	if len(m.keys) == 0 {
		return nil
	}
	j := k & m.mask
	for {
		switch m.keys[j] {
		case k:
			return m.weights[int(j)*m.nTags : int(j+1)*m.nTags]
		case 0:
			return nil
		}
		j = (j + 1) & m.mask
	}
}

// Tag returns one BIO tag per token ("O", "B-PER", "I-PER", ...). The
// result never has an I- tag that does not continue an entity of its type.
// Empty input gives an empty result. Tokens are taken as one sequence:
// the cost is linear in their number, so a caller may pass a sentence, a
// paragraph or a whole text.
func (m *Model) Tag(tokens []string) []string {
	out := make([]string, len(tokens))
	if len(tokens) == 0 {
		return out
	}
	for i, t := range m.decode(tokens) {
		out[i] = m.tags[t]
	}
	return out
}

// decode runs Viterbi and returns tag indices.
func (m *Model) decode(tokens []string) []int {
	var gaz []string
	if m.gaz != nil {
		gaz = m.gaz.Tags(tokens)
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	m.fill(sc, tokens, gaz)
	n, T := len(tokens), m.nTags
	emit := make([]float32, n*T)
	for i := 0; i < n; i++ {
		sc.feats = featuresAt(sc.info, i, sc.feats)
		e := emit[i*T : (i+1)*T]
		for _, k := range sc.feats {
			if r := m.row(k); r != nil {
				for t, w := range r {
					e[t] += w
				}
			}
		}
	}
	ctx := make([]uint8, n)
	for i := range ctx {
		ctx[i] = sc.info[i].pctx
	}
	return m.viterbi(emit, ctx)
}

// transScore is the weight of tag t after tag p (-1: start) at a token of
// transition context c.
func (m *Model) transScore(c uint8, p, t int) float32 {
	T := m.nTags
	return m.trans[(p+1)*T+t] + m.trans[(int(c)*(T+1)+p+1)*T+t]
}

var negInf = float32(math.Inf(-1))

// viterbi finds the best allowed tag sequence for the emission scores.
func (m *Model) viterbi(emit []float32, ctx []uint8) []int {
	T, n := m.nTags, len(ctx)
	back := make([]uint8, n*T)
	prev := make([]float32, T)
	cur := make([]float32, T)
	for t := 0; t < T; t++ {
		if m.allowed[t] {
			prev[t] = emit[t] + m.transScore(ctx[0], -1, t)
		} else {
			prev[t] = negInf
		}
	}
	for i := 1; i < n; i++ {
		block := m.trans[int(ctx[i])*(T+1)*T:]
		for t := 0; t < T; t++ {
			best, arg := negInf, 0
			for p := 0; p < T; p++ {
				idx := (p+1)*T + t
				if !m.allowed[idx] || prev[p] == negInf {
					continue
				}
				if s := prev[p] + m.trans[idx] + block[idx]; s > best {
					best, arg = s, p
				}
			}
			if best == negInf {
				cur[t] = negInf
			} else {
				cur[t] = best + emit[i*T+t]
			}
			back[i*T+t] = uint8(arg)
		}
		prev, cur = cur, prev
	}
	best, arg := negInf, 0
	for t := 0; t < T; t++ {
		if prev[t] > best {
			best, arg = prev[t], t
		}
	}
	path := make([]int, n)
	path[n-1] = arg
	for i := n - 1; i > 0; i-- {
		path[i-1] = int(back[i*T+path[i]])
	}
	return path
}

// Repair rewrites a BIO tag sequence so that every I- tag continues an
// entity of its type: a stray I-X becomes B-X. Unknown tags become O.
func Repair(tags []string) []string {
	out := make([]string, len(tags))
	prevType := ""
	for i, t := range tags {
		p, typ := splitTag(t)
		switch {
		case p == 'O':
			out[i], prevType = "O", ""
		case p == 'I' && typ == prevType:
			out[i] = t
		default:
			out[i], prevType = "B-"+typ, typ
		}
		if strings.TrimSpace(typ) == "" && p != 'O' {
			out[i], prevType = "O", ""
		}
	}
	return out
}
