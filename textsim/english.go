package textsim

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
)

// English is assembled here from bleve's parts because bleve's own
// English analyser imports a Porter stemmer module veille does not
// carry; it uses the Snowball English stemmer instead, which the
// module's other analysers already bring.

// englishStop are the English function words dropped before stemming.
const englishStop = `a an and are as at be been but by for from had has have he her his i in
into is it its more not of on or our said she so than that the their them
then there these they this to was we were which who will with would you`

// newEnglish returns the English analyser: Unicode words, the
// possessive "'s" dropped, lower-cased, stop words dropped, Snowball
// stemmed.
func newEnglish() *Analyzer {
	stops := analysis.NewTokenMap()
	for _, w := range strings.Fields(englishStop) {
		stops.AddToken(w)
	}
	return &Analyzer{a: &analysis.DefaultAnalyzer{
		Tokenizer: unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{
			lowercase.NewLowerCaseFilter(),
			possessiveFilter{},
			stop.NewStopTokensFilter(stops),
			englishStemmer{},
		},
	}}
}

// possessiveFilter drops a final "'s" or "’s".
type possessiveFilter struct{}

func (possessiveFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		s := string(t.Term)
		if r, ok := strings.CutSuffix(s, "'s"); ok {
			t.Term = []byte(r)
		} else if r, ok := strings.CutSuffix(s, "’s"); ok {
			t.Term = []byte(r)
		}
	}
	return in
}

// englishStemmer stems with the Snowball English stemmer.
type englishStemmer struct{}

func (englishStemmer) Filter(in analysis.TokenStream) analysis.TokenStream {
	for _, t := range in {
		env := snowballstem.NewEnv(string(t.Term))
		english.Stem(env)
		t.Term = []byte(env.Current())
	}
	return in
}
