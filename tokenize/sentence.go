package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text.
type Sentence struct {
	// Start and End are the byte offsets into the text of the sentence's
	// first and last tokens: text[Start:End] is the sentence without the
	// whitespace around it.
	Start, End int
	// Tokens are the sentence's tokens, a slice of one array shared by
	// all the sentences of the text (with its capacity capped, so that
	// appending to it does not overwrite the next sentence).
	Tokens []Token
}

// Sentences splits text into tokens and groups them into sentences. It
// returns nil when text has no token.
func Sentences(text string) []Sentence {
	return SentencesFromTokens(text, Tokens(text))
}

// SentencesFromTokens groups toks, the tokens of text as Tokens returns
// them, into sentences, for callers that already have the tokens.
func SentencesFromTokens(text string, toks []Token) []Sentence {
	if len(toks) == 0 {
		return nil
	}
	out := make([]Sentence, 0, len(toks)/16+1)
	start := 0
	cut := func(end int) {
		if end > start {
			t := toks[start:end:end]
			out = append(out, Sentence{Start: t[0].Start, End: t[len(t)-1].End, Tokens: t})
		}
		start = end
	}
	for k := 0; k < len(toks); k++ {
		if k > start {
			// Only a gap other than one space can break a paragraph.
			if a, b := toks[k-1].End, toks[k].Start; b-a > 1 || (b-a == 1 && text[a] != ' ') {
				gap := text[a:b]
				if isParagraphBreak(gap) || (isLineBreak(gap) && isBullet(toks[k].Text)) {
					cut(k)
				}
			}
		}
		var startsNext func(Token) bool
		switch t := toks[k]; {
		case t.Kind == Punct && isTerminal(t.Text):
			startsNext = startsSentence
		case t.Kind == Word && len(t.Text) > 1 && t.Text[len(t.Text)-1] == '.' && mayEndSentence(t.Text):
			startsNext = startsSentenceAfterAbbr
		default:
			continue
		}
		// Closing quotes and brackets stay with the sentence.
		m := k + 1
		for m < len(toks) && isCloser(toks[m].Text, gapBefore(text, toks, m) == "") {
			m++
		}
		if m == len(toks) {
			break
		}
		gap := gapBefore(text, toks, m)
		if (gap != "" && startsNext(toks[m])) || (gap == "" && m == k+1 && glued(text, toks, k)) {
			cut(m)
		}
		k = m - 1
	}
	cut(len(toks))
	return out
}

// glued reports whether the terminal toks[k] sits between two sentences
// written without a space: "une bonne nouvelle.Bien que…" (a lower-case
// word or a closing quote, then a capitalised word with a small letter
// after its capital).
func glued(text string, toks []Token, k int) bool {
	if k == 0 || k+1 >= len(toks) || len(toks[k].Text) != 1 || toks[k+1].Kind != Word ||
		gapBefore(text, toks, k) != "" {
		return false
	}
	prev, next := toks[k-1], toks[k+1].Text
	switch prev.Kind {
	case Word:
		last, _ := utf8.DecodeLastRuneInString(prev.Text)
		if !unicode.IsLower(last) || utf8.RuneCountInString(prev.Text) < 2 {
			return false
		}
	case Punct:
		if !isCloser(prev.Text, true) {
			return false
		}
	default:
		return false
	}
	r1, n1 := at(next, 0)
	r2, _ := at(next, n1)
	return unicode.IsUpper(r1) && unicode.IsLower(r2)
}

// gapBefore returns the text between token k-1 and token k.
func gapBefore(text string, toks []Token, k int) string {
	a, b := toks[k-1].End, toks[k].Start
	if a < 0 || b > len(text) || a > b {
		return ""
	}
	return text[a:b]
}

// isParagraphBreak reports whether the whitespace gap holds a blank line.
func isParagraphBreak(gap string) bool {
	if len(gap) < 2 {
		return false
	}
	if n := strings.Count(gap, "\n"); n >= 2 {
		return true
	} else if n == 0 && strings.Count(gap, "\r") >= 2 {
		return true
	}
	return strings.Contains(gap, "\u2029")
}

func isLineBreak(gap string) bool {
	return strings.ContainsAny(gap, "\n\r\u2028\u2029")
}

func isBullet(t string) bool {
	switch t {
	case "•", "◦", "▪", "▫", "▸", "►", "●", "○", "■", "□", "·", "*", "-", "–", "—", "→", "✓", "✔":
		return true
	}
	return false
}

// isTerminal reports whether the punctuation token t ends a sentence:
// . ! ? … and runs of them.
func isTerminal(t string) bool {
	for _, r := range t {
		switch r {
		case '.', '!', '?', '…', '؟', '。', '！', '？':
		default:
			return false
		}
	}
	return t != ""
}

// mayEndSentence reports whether the abbreviation t, with its final
// period, may end a sentence ("etc.", "J.-C.").
func mayEndSentence(t string) bool {
	w := t[:len(t)-1]
	return abbreviations[w] == abbrMayEnd || w == "J.-C"
}

// isCloser reports whether t is a closing quote or bracket that stays with
// the sentence before it. Straight quotes, which open as well as close,
// only when they touch the previous token.
func isCloser(t string, touching bool) bool {
	switch t {
	case "»", "”", "’", ")", "]", "}", "›", "»»":
		return true
	case "\"", "'":
		return touching
	}
	return false
}

// startsSentence reports whether t may start a sentence after a terminal:
// a capitalised word, a number, an opening quote or bracket, a dash.
func startsSentence(t Token) bool {
	switch t.Kind {
	case Number:
		return true
	case Word:
		r := firstRune(t.Text)
		return unicode.IsUpper(r) || unicode.IsTitle(r) || unicode.IsDigit(r)
	case Punct:
		switch t.Text {
		case "«", "“", "\"", "'", "‘", "„", "‹", "(", "[", "¿", "¡", "-", "–", "—", "•", "*":
			return true
		}
	case Handle, Hashtag:
		return true
	}
	return false
}

// startsSentenceAfterAbbr is startsSentence after an abbreviation that may
// end a sentence: only a capitalised word or an opening quote, not a
// number ("12 sept. 2023").
func startsSentenceAfterAbbr(t Token) bool {
	switch t.Kind {
	case Word:
		r := firstRune(t.Text)
		return unicode.IsUpper(r) || unicode.IsTitle(r)
	case Punct:
		switch t.Text {
		case "«", "“", "\"", "‘", "„", "–", "—":
			return true
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := at(s, 0)
	return r
}
