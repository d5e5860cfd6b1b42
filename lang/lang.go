// Package lang identifies the language of an article's text with lingua-go,
// restricted to the languages veille's users meet in African news (French
// first, then English, Arabic, Portuguese, Spanish, German, Italian,
// Russian, Swahili, Yoruba, Somali and others), so that detection is both
// fast and accurate on short texts.
package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	lingua "github.com/pemistahl/lingua-go"
)

// Languages is the set veille tells apart.
var Languages = []lingua.Language{
	lingua.French, lingua.English, lingua.Arabic, lingua.Portuguese,
	lingua.Spanish, lingua.German, lingua.Italian, lingua.Russian,
	lingua.Swahili, lingua.Yoruba, lingua.Somali, lingua.Dutch,
	lingua.Turkish, lingua.Chinese, lingua.Ukrainian, lingua.Polish,
}

// maxSample is how much text detection looks at: a few paragraphs decide
// the language of a news article, and the cost grows with the length.
const maxSample = 1200

var (
	once     sync.Once
	detector lingua.LanguageDetector
)

func get() lingua.LanguageDetector {
	once.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().
			FromLanguages(Languages...).
			WithMinimumRelativeDistance(0.1).
			WithPreloadedLanguageModels().
			WithLowAccuracyMode().
			Build()
	})
	return detector
}

// Detect returns the ISO 639-1 code of the language of text, or "" when the
// text is too short or too ambiguous to tell.
func Detect(text string) string {
	sample := Sample(text, maxSample)
	letters := 0
	for _, r := range sample {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 12 {
		return ""
	}
	l, ok := get().DetectLanguageOf(sample)
	if !ok {
		return ""
	}
	return strings.ToLower(l.IsoCode639_1().String())
}

// Sample returns at most n bytes of text, cut at a word boundary and valid
// UTF-8.
func Sample(text string, n int) string {
	if len(text) <= n {
		return text
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if i := strings.LastIndexAny(text[:cut], " \n\t"); i > n/2 {
		cut = i
	}
	return text[:cut]
}
