package main

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger/nerdata"
	"github.com/veille-news/veille/tokenize"
)

// namePools holds, per entity type, names to put in place of others, as
// tokens.
type namePools map[string][][]string

// kbPools collects the names of the knowledge base by type: each entry's
// label and aliases that start with a capital letter and carry no
// parenthesis (labels such as "Valence (Espagne)" never occur in text).
func kbPools(k *kb.KB) namePools {
	p := namePools{}
	for e := range k.All() {
		if e.Type != "PER" && e.Type != "LOC" && e.Type != "ORG" {
			continue
		}
		for _, name := range append([]string{e.Label}, e.Aliases...) {
			r, _ := utf8.DecodeRuneInString(name)
			if !unicode.IsUpper(r) || strings.ContainsAny(name, "()") {
				continue
			}
			p.add(e.Type, tokensOf(name))
		}
	}
	return p
}

// addSpans adds the names the sentences hold (gold or silver) to the
// pools.
func (p namePools) addSpans(sents []nerdata.Sentence) {
	for _, s := range sents {
		for _, sp := range nerdata.Spans(s.Tags) {
			p.add(sp.Type, s.Tokens[sp.Start:sp.End])
		}
	}
}

func (p namePools) add(typ string, toks []string) {
	if len(toks) == 0 || len(toks) > 8 {
		return
	}
	p[typ] = append(p[typ], slices.Clone(toks))
}

// addPeople adds n made-up person names to the PER pool, each a given name
// of the base followed by a surname seen as the last word of a person's
// name in the pool, drawn with seed.
func (p namePools) addPeople(given []string, n int, seed uint64) {
	var surnames []string
	for _, name := range p["PER"] {
		if len(name) > 1 {
			surnames = append(surnames, name[len(name)-1])
		}
	}
	if len(given) == 0 || len(surnames) == 0 {
		return
	}
	slices.Sort(surnames)
	surnames = slices.Compact(surnames)
	rng := rand.New(rand.NewPCG(seed, 0xface))
	for i := 0; i < n; i++ {
		first := tokensOf(given[rng.IntN(len(given))])
		p.add("PER", append(first, surnames[rng.IntN(len(surnames))]))
	}
}

// dedupe sorts every pool and drops repeated names, so that the draws
// depend only on the set of names.
func (p namePools) dedupe() {
	for typ, names := range p {
		slices.SortFunc(names, func(a, b []string) int { return slices.Compare(a, b) })
		p[typ] = slices.CompactFunc(names, func(a, b []string) bool { return slices.Equal(a, b) })
	}
}

func tokensOf(s string) []string {
	toks := tokenize.Tokens(s)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

// augment makes copies of the sentences that hold entities, with every
// entity replaced by a name of the same type drawn from pools: mention
// replacement, which teaches the tagger the contexts of names rather than
// the names of its few training articles, and shows it the shapes of
// names of the whole world (clubs, companies, foreign towns). copies per
// sentence; the draws follow seed.
func augment(sents []nerdata.Sentence, pools namePools, copies int, seed uint64) []nerdata.Sentence {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var out []nerdata.Sentence
	for _, s := range sents {
		spans := nerdata.Spans(s.Tags)
		if len(spans) == 0 {
			continue
		}
		for c := 0; c < copies; c++ {
			var toks, tags []string
			at := 0
			for _, sp := range spans {
				toks = append(toks, s.Tokens[at:sp.Start]...)
				tags = append(tags, s.Tags[at:sp.Start]...)
				name := s.Tokens[sp.Start:sp.End]
				if pool := pools[sp.Type]; len(pool) > 0 {
					name = pool[rng.IntN(len(pool))]
				}
				toks = append(toks, name...)
				for i := range name {
					if i == 0 {
						tags = append(tags, "B-"+sp.Type)
					} else {
						tags = append(tags, "I-"+sp.Type)
					}
				}
				at = sp.End
			}
			toks = append(toks, s.Tokens[at:]...)
			tags = append(tags, s.Tags[at:]...)
			out = append(out, nerdata.Sentence{Tokens: toks, Tags: tags})
		}
	}
	return out
}
