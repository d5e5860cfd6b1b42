package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// countryNames reads the French common and official country names and the
// capitals (as countries.json writes them, often the French name too) of
// countries.json (facts: mledoze/countries, ODbL), as token lists.
func countryNames(path string) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("countries: %w", err)
	}
	var cs []struct {
		Capital      []string `json:"capital"`
		Translations map[string]struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"translations"`
	}
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("countries: %s: %w", path, err)
	}
	var out [][]string
	for _, c := range cs {
		f, ok := c.Translations["fra"]
		if !ok {
			continue
		}
		for _, n := range append([]string{f.Common, f.Official}, c.Capital...) {
			if t := tokens(n); len(t) > 0 {
				out = append(out, t)
			}
		}
	}
	return out, nil
}

// addEntities adds the entities of sents to g with their types.
func addEntities(g *tagger.Phrases, sents []nerdata.Sentence) {
	for _, s := range sents {
		for _, sp := range nerdata.Spans(s.Tags) {
			toks := s.Tokens[sp.Start:sp.End]
			if len(strings.Join(toks, "")) < 2 {
				continue
			}
			g.Add(toks, sp.Type)
		}
	}
}

// gazetteers builds the training-time gazetteers. A gazetteer listing the
// names of the very sentences it marks would always be right and teach
// the model to trust it blindly; so the gold sentences are cut in two
// halves and each half sees a gazetteer of the other half's entity names
// plus the country names (cross[i] is for half 1-i): it then knows some
// names and misses others, as a real knowledge base does. full lists
// every name, for silver data; countries only the country names.
func gazetteers(halves [2][]nerdata.Sentence, countryList [][]string) (cross [2]*tagger.Phrases, full, countries *tagger.Phrases) {
	full, countries = tagger.NewPhrases(), tagger.NewPhrases()
	cross[0], cross[1] = tagger.NewPhrases(), tagger.NewPhrases()
	for _, c := range countryList {
		for _, g := range []*tagger.Phrases{full, countries, cross[0], cross[1]} {
			g.Add(c, "LOC")
		}
	}
	addEntities(cross[0], halves[1])
	addEntities(cross[1], halves[0])
	addEntities(full, halves[0])
	addEntities(full, halves[1])
	return cross, full, countries
}
