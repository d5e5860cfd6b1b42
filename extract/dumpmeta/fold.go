package dumpmeta

import (
	"unicode"
	"unicode/utf8"
)

// foldRune maps a lower-case rune to its unaccented Latin form; ok is false
// when the rune has no such form.
func foldRune(r rune) (string, bool) {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å':
		return "a", true
	case 'ç', 'ć', 'č':
		return "c", true
	case 'è', 'é', 'ê', 'ë', 'ě':
		return "e", true
	case 'ì', 'í', 'î', 'ï':
		return "i", true
	case 'ñ', 'ń':
		return "n", true
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø':
		return "o", true
	case 'ù', 'ú', 'û', 'ü':
		return "u", true
	case 'ý', 'ÿ':
		return "y", true
	case 'œ':
		return "oe", true
	case 'æ':
		return "ae", true
	case '’', '‘', 'ʼ', '`', '´':
		return "'", true
	case '\u00a0', '\u202f', '\u2009', '\u2007':
		return " ", true
	case '–', '—', '‐', '‑':
		return "-", true
	}
	return "", false
}

// fold lower-cases s and removes Latin diacritics, so that labels and
// month names compare whatever the page's accents and capitals.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var buf [256]byte
	return string(foldInto(buf[:0], s))
}

// foldInto is fold for short words, written into buf to avoid allocating.
func foldInto(buf []byte, s string) []byte {
	buf = buf[:0]
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldRune(r); ok {
			buf = append(buf, f...)
			continue
		}
		buf = utf8.AppendRune(buf, r)
	}
	return buf
}

// foldMap is fold that also returns, for each byte of the folded string,
// the offset in s of the rune it comes from.
func foldMap(s string) (string, []int) {
	b := make([]byte, 0, len(s))
	at := make([]int, 0, len(s)+1)
	for i, r := range s {
		n := len(b)
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
		default:
			r = unicode.ToLower(r)
			if f, ok := foldRune(r); ok {
				b = append(b, f...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		}
		for ; n < len(b); n++ {
			at = append(at, i)
		}
	}
	at = append(at, len(s))
	return string(b), at
}
