package main

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// silverRules are the heuristics that turn a first model's output on
// unlabelled news into silver training sentences.
type silverRules struct {
	// gazShare is the share of training examples that see a gazetteer.
	gazShare float64
	// consistent gives each name its corpus-wide majority type.
	consistent bool
	// acronyms makes a lone upper-case word of 2-7 letters an ORG.
	acronyms bool
	// orgPhrases makes a capitalised organisation head word with its
	// name an ORG ("Banque mondiale", "Conseil national de la Transition").
	orgPhrases bool
	// known marks the names that are sure enough to override the
	// model: country names, and the knowledge base's names.
	known tagger.Gazetteer
	// lowerish reports whether a word is mostly written in lower case
	// inside a sentence.
	lowerish func(string) bool
}

// withGaz reports whether training example i sees a gazetteer: a fixed
// pseudo-random choice of gazShare of the examples.
func (r silverRules) withGaz(i int) bool {
	return float64((uint64(i)*0x9e3779b97f4a7c15)>>11)/float64(1<<53) < r.gazShare
}

// label tags the sentences with m (and the gazetteer gaz), then:
//
//  1. consistency: a name the model tags at least twice, with one type
//     at least 70% of the time, gets that type wherever it occurs in the
//     corpus, also where the model missed it;
//  2. acronyms: an upper-case word of 2 to 7 letters standing alone (not
//     in a longer entity, not right after a capitalised word, which makes
//     it a surname as in "Ibrahim TRAORE"), not a country and not a word
//     mostly written in lower case, is an ORG ("CEDEAO", "ONU");
//  3. organisation phrases: see orgPhrases;
//  4. known names: a country name is a LOC, a name of the knowledge base
//     has the base's type;
//
// and keeps a sentence of 4 to 80 tokens only if every entity holds a
// capitalised word and every capitalised word outside the entities is one
// mostly written in lower case (a sentence-initial or heading word): the
// sentences where a name may have been missed are dropped.
func (r silverRules) label(m *tagger.Model, gaz tagger.Gazetteer, sents [][]string) []nerdata.Sentence {
	tm := m.WithGazetteer(gaz)
	tagged := make([][]string, len(sents))
	votes := map[string]map[string]int{}
	for i, toks := range sents {
		if len(toks) < 4 || len(toks) > 80 {
			continue
		}
		tagged[i] = tm.Tag(toks)
		for _, sp := range nerdata.Spans(tagged[i]) {
			k := strings.ToLower(strings.Join(toks[sp.Start:sp.End], " "))
			if votes[k] == nil {
				votes[k] = map[string]int{}
			}
			votes[k][sp.Type]++
		}
	}
	major := tagger.NewPhrases()
	keys := make([]string, 0, len(votes))
	for k := range votes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		total, best, bestN := 0, "", 0
		for _, typ := range []string{"LOC", "ORG", "PER"} {
			n := votes[k][typ]
			total += n
			if n > bestN {
				best, bestN = typ, n
			}
		}
		if total >= 2 && float64(bestN) >= 0.7*float64(total) {
			major.Add(strings.Fields(k), best)
		}
	}
	var out []nerdata.Sentence
	for i, toks := range sents {
		tags := tagged[i]
		if tags == nil {
			continue
		}
		if r.consistent {
			for _, sp := range nerdata.Spans(major.Tags(toks)) {
				relabel(tags, sp)
			}
		}
		if r.acronyms {
			r.markAcronyms(toks, tags)
		}
		if r.orgPhrases {
			for _, sp := range tagger.OrgPhrases(toks) {
				relabel(tags, nerdata.Span{Start: sp[0], End: sp[1], Type: "ORG"})
			}
		}

		if r.known != nil {
			for _, sp := range nerdata.Spans(r.known.Tags(toks)) {
				relabel(tags, sp)
			}
		}
		if r.keep(toks, tags) {
			out = append(out, nerdata.Sentence{Tokens: toks, Tags: tags})
		}
	}
	return out
}

func (r silverRules) markAcronyms(toks, tags []string) {
	for j, tok := range toks {
		if !isAcronym(tok) || r.lowerish(tok) || tagger.IsCommonAcronym(tok) {
			continue
		}
		if r.known != nil && r.known.Tags(toks[j : j+1])[0] != "O" {
			continue
		}
		alone := tags[j] == "O" || (strings.HasPrefix(tags[j], "B-") && (j+1 == len(toks) || !strings.HasPrefix(tags[j+1], "I-")))
		afterName := j > 0 && upperInitial(toks[j-1]) && !isAcronym(toks[j-1])
		if alone && !afterName {
			tags[j] = "B-ORG"
		}
	}
}

// keep applies the filter of label.
func (r silverRules) keep(toks, tags []string) bool {
	for _, sp := range nerdata.Spans(tags) {
		if !slices.ContainsFunc(toks[sp.Start:sp.End], upperInitial) {
			return false
		}
	}
	for i, t := range toks {
		if upperInitial(t) && tags[i] == "O" && !r.lowerish(t) && !tagger.IsCommonAcronym(t) {
			return false
		}
	}
	return true
}

// relabel makes sp an entity of its type in tags unless that would cut
// through another entity: the token before sp must not be continued into
// it and the token after it must not continue it.
func relabel(tags []string, sp nerdata.Span) {
	if inside(tags, sp.Start) || (sp.End < len(tags) && inside(tags, sp.End)) {
		return
	}
	tags[sp.Start] = "B-" + sp.Type
	for i := sp.Start + 1; i < sp.End; i++ {
		tags[i] = "I-" + sp.Type
	}
}

// inside reports whether tags[i] continues an entity.
func inside(tags []string, i int) bool {
	p, _ := nerdata.SplitTag(tags[i])
	return p == 'I'
}

// isAcronym reports whether tok is 2 to 7 upper-case letters.
func isAcronym(tok string) bool {
	n := 0
	for _, r := range tok {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 7
}

func upperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
