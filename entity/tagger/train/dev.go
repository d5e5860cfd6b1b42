package main

import (
	"path/filepath"
	"strings"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// NewsDevSet is the name of the silver modern-news development set.
const NewsDevSet = "masakhanews-silver-dev"

// GoldDevSet is the name of our hand-annotated part of the same held-out
// file (see nerdata.MasakhaGoldDev).
const GoldDevSet = "masakhanews-gold-dev"

// devLabel builds the silver development set of modern news: the
// sentences of the held-out corpus file, labelled without any model, by
// the knowledge base's names, the country names and capitals (known, with
// their types) and lone acronyms as ORG (the silver acronym rule), and
// kept only when every capitalised word outside those names is a word
// mostly written in lower case (a sentence-initial word), so that no name
// is left unlabelled. It measures the tagger on the names of the region's
// news the way veille meets them, independently of the tagger's own
// output; it is biased towards known names, which is why it is read
// alongside the gold held-out sets, never alone.
func (r silverRules) devLabel(sents [][]string) []nerdata.Sentence {
	var out []nerdata.Sentence
	for _, toks := range sents {
		if len(toks) < 4 || len(toks) > 80 {
			continue
		}
		tags := make([]string, len(toks))
		for i := range tags {
			tags[i] = "O"
		}
		if r.known != nil {
			for _, sp := range nerdata.Spans(r.known.Tags(toks)) {
				relabel(tags, sp)
			}
		}
		r.markAcronyms(toks, tags)
		if !r.keep(toks, tags) || len(nerdata.Spans(tags)) == 0 {
			continue
		}
		out = append(out, nerdata.Sentence{Tokens: toks, Tags: tags})
	}
	return out
}

// isHeldOutFile reports whether the corpus file at path is the one kept
// out of the lexicon and the silver data, for the development set.
func isHeldOutFile(path, devFile string) bool {
	return devFile != "" && strings.EqualFold(filepath.Base(path), devFile)
}

// allowedSets drops WikiNEuRal from sets unless final: choices are made on
// the held-out gold parts and the silver news set only, and WikiNEuRal is
// scored once, at the end (-final).
func allowedSets(sets []bench.NERSet, final bool) []bench.NERSet {
	var out []bench.NERSet
	for _, s := range sets {
		if s.Name == bench.NERWikiNEuRal && !final {
			continue
		}
		out = append(out, s)
	}
	return out
}
