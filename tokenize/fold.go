package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in a form for matching names and words whatever their
// case, accents and typography: lower-cased, with diacritics removed
// ("Pétersbourg" → "petersbourg"), compatibility characters decomposed
// (ligatures "ﬁ" → "fi", superscript "ᵉ" → "e"), "œ" → "oe", "æ" → "ae",
// "ß" → "ss", "ø" → "o", typographic apostrophes (’ ‘ ʼ ´ `) → "'",
// hyphens and dashes (‐ ‑ ‒ – — ―, minus) → "-", and every space
// character (no-break, narrow no-break, thin) → " ". Invalid UTF-8 bytes
// become U+FFFD. A string with nothing to change is returned as is,
// without allocating. The result may differ in length from s, so offsets
// into it are not offsets into s.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '`' || (c != ' ' && asciiClass[c] == cSpace) {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	var buf [utf8.UTFMax]byte
	for _, r := range s[i:] {
		if r < utf8.RuneSelf {
			switch {
			case 'A' <= r && r <= 'Z':
				r += 'a' - 'A'
			case r == '`':
				r = '\''
			case r != ' ' && asciiClass[r] == cSpace:
				r = ' '
			}
			b.WriteByte(byte(r))
			continue
		}
		if f, ok := foldSpecial(r); ok {
			b.WriteString(f)
			continue
		}
		if isSpace(r) {
			b.WriteByte(' ')
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		d := norm.NFKD.Properties(buf[:n]).Decomposition()
		if d == nil {
			if !unicode.IsMark(r) {
				b.WriteRune(unicode.ToLower(r))
			}
			continue
		}
		for _, dr := range string(d) {
			if unicode.IsMark(dr) {
				continue
			}
			if f, ok := foldSpecial(dr); ok {
				b.WriteString(f)
				continue
			}
			b.WriteRune(unicode.ToLower(dr))
		}
	}
	return b.String()
}

// foldSpecial folds the runes that have no decomposition but a usual
// plain form.
func foldSpecial(r rune) (string, bool) {
	switch r {
	case 'œ', 'Œ':
		return "oe", true
	case 'æ', 'Æ':
		return "ae", true
	case 'ß', 'ẞ':
		return "ss", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ł', 'Ł':
		return "l", true
	case 'ħ', 'Ħ':
		return "h", true
	case 'ı':
		return "i", true
	case 'þ', 'Þ':
		return "th", true
	case '’', '‘', 'ʼ', '´', '′', '‛', 'ʹ':
		return "'", true
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return "-", true
	}
	return "", false
}
