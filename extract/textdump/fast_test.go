package textdump

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The line analysis is written for speed. These tests hold the fast code
// to plain reference versions of the same functions, on every line of the
// dumps at hand and on random strings with invalid UTF-8.

func refLabelForm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '’' || r == '\'' || r == 'ʼ':
			r = '\''
		case r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "-' ")
}

func refLowerForm(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < utf8.RuneSelf:
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		case r == '’' || r == 'ʼ':
			return '\''
		case unicode.IsSpace(r):
			return ' '
		}
		return unicode.ToLower(r)
	}, s)
}

func refCountWordsCaps(s string) (n, stop int, lang Language, caps, wide int) {
	var per [numLanguages]int
	for t := range tokens(s) {
		n++
		r, _ := utf8.DecodeRuneInString(t)
		if r >= utf8.RuneSelf {
			for _, c := range t {
				if isWideScript(c) {
					wide++
				}
			}
		}
		if r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r) {
			caps++
		}
		var b []byte
		for _, r := range t {
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
		var m uint16
		if len(t) <= maxStopwordLen {
			m = stopwords[string(b)]
		}
		for m != 0 {
			l := bits.TrailingZeros16(m)
			per[l]++
			m &^= 1 << l
		}
	}
	for l := Language(0); l < numLanguages; l++ {
		if per[l] > stop {
			stop, lang = per[l], l
		}
	}
	return n, stop, lang, caps, wide
}

// refMatch is phraseSet.match by brute force.
func refMatch(p *phraseSet, low string, phrases []string) bool {
	for _, ph := range phrases {
		if wordLen(ph) < 2 {
			if strings.Contains(low, ph) {
				return true
			}
			continue
		}
		for i := 0; i < len(low); i++ {
			if !p.anywhere && i > 0 && isWordByte(low[i-1]) {
				continue
			}
			if strings.HasPrefix(low[i:], ph) {
				return true
			}
		}
	}
	return false
}

func refKeyOf(s string) uint64 {
	h := uint64(14695981039346656037)
	space, started := false, false
	var buf [utf8.UTFMax]byte
	for _, r := range s {
		if !(r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9')) {
			switch {
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				r = unicode.ToLower(r)
			default:
				space = started
				continue
			}
		}
		if space {
			h ^= ' '
			h *= 1099511628211
			space = false
		}
		started = true
		n := utf8.EncodeRune(buf[:], r)
		for i := 0; i < n; i++ {
			h ^= uint64(buf[i])
			h *= 1099511628211
		}
	}
	return h
}

func refCountCells(s string) int {
	cells, spaces := 1, 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			spaces++
			continue
		}
		if spaces >= 3 {
			cells++
		}
		spaces = 0
	}
	return cells
}

func refInnerPunct(s string) int {
	n := 0
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case ',', ';', ':', '.':
			n++
		}
	}
	return n
}

func refWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

// testLines returns every line of the dumps at hand and random strings.
func testLines(t *testing.T) []string {
	var lines []string
	for _, pattern := range []string{
		"../../../shared/bench/extraction/scrapinghub/text/*.txt",
		"../../../shared/seeds/*.txt",
		"../../samples/pages/*.txt",
	} {
		files, _ := filepath.Glob(pattern)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "B", "é", "É", "’", "ʼ", "'", "-", " ", "\u00a0", "\u3000", "\t", "\xff", "\xe2\x80",
		"İ", "K", "ß", "字", "©", "(c)", "/", "photo", "Getty Images", "1", "2024", ".", ":", "_", "\u0301", "\ufffd",
		"»", "”", ")", "]", "*", "\"", "\xbb", "\x9d", "…", "–", "•", "\u2028", "\u200b", "\u2066", "Ⱥ", "ǅ", "\u00a0x", "\x01", "\x1f", "\x7f", "abcdefgh", "        "}
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(30) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		lines = append(lines, sb.String())
	}
	return lines
}

func TestFastEqualsReference(t *testing.T) {
	for w, v := range wordFlags {
		if flagTable.get(w) != v {
			t.Fatalf("flagTable[%q] = %b, want %b", w, flagTable.get(w), v)
		}
	}
	for w, v := range stopwords {
		if stopTable.get(w) != v {
			t.Fatalf("stopTable[%q] = %b, want %b", w, stopTable.get(w), v)
		}
	}
	sets := []struct {
		p       *phraseSet
		phrases []string
	}{
		{uiPhrases, nil}, {creditMarkers, nil}, {copyrightPhrases, nil}, {readingTimeWords, nil},
	}
	for i := range sets {
		for _, l := range sets[i].p.keyed.lists {
			for _, ph := range l {
				sets[i].phrases = append(sets[i].phrases, ph.text)
			}
		}
		for _, ph := range sets[i].p.other {
			sets[i].phrases = append(sets[i].phrases, ph.text)
		}
	}
	for _, l := range testLines(t) {
		low, f, key := forms(l, true)
		if key != refKeyOf(l) {
			t.Fatalf("forms(%q) key differs from keyOf", l)
		}
		if low2, f2, key2 := forms(l, false); low2 != low || f2 != "" || key2 != key {
			t.Fatalf("forms(%q, false) = %q, %q", l, low2, f2)
		}
		if want := refLowerForm(l); low != want || lowerForm(l) != want {
			t.Fatalf("lower form of %q: %q, want %q", l, low, want)
		}
		if want := refLabelForm(l); f != want || labelForm(l) != want {
			t.Fatalf("label form of %q: %q, want %q", l, f, want)
		}
		n, stop, lang, caps, wide := countWordsCaps(l)
		rn, rstop, rlang, rcaps, rwide := refCountWordsCaps(l)
		if n != rn || stop != rstop || lang != rlang || caps != rcaps || wide != rwide {
			t.Fatalf("countWordsCaps(%q) = %d %d %d %d %d, want %d %d %d %d %d", l, n, stop, lang, caps, wide, rn, rstop, rlang, rcaps, rwide)
		}
		if keyOf(l) != refKeyOf(l) {
			t.Fatalf("keyOf(%q) differs", l)
		}
		for _, w := range append(strings.Fields(f), Words(low)...) {
			if flagTable.get(w) != wordFlags[w] || stopTable.get(w) != stopwords[w] {
				t.Fatalf("tables differ from maps on %q", w)
			}
		}
		if got, want := Width(l), refWidth(l); got != want {
			t.Fatalf("Width(%q) = %d, want %d", l, got, want)
		}
		if cells, punct, digit := byteCounts(l); cells != refCountCells(l) || punct != refInnerPunct(l) || digit != strings.ContainsAny(l, "0123456789") {
			t.Fatalf("byteCounts(%q) = %d %d %t", l, cells, punct, digit)
		}
		if got, want := trimClosers(l), strings.TrimRight(l, " \"'»”’)]*"); got != want {
			t.Fatalf("trimClosers(%q) = %q, want %q", l, got, want)
		}
		var want [4]bool
		for i, s := range sets {
			want[i] = refMatch(s.p, low, s.phrases)
			if got := s.p.match(low); got != want[i] {
				t.Fatalf("match(%q) = %t, want %t", low, got, want[i])
			}
		}
		bits := uiCopyright.matchBits(low)
		if bits&bitUIPhrase != 0 != want[0] || bits&bitCopyrightPhrase != 0 != want[2] {
			t.Fatalf("uiCopyright.matchBits(%q) = %b, want %t %t", low, bits, want[0], want[2])
		}
	}
}

func TestPunctBlock(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		if !isPunctBlock(r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsUpper(r) ||
			unicode.Is(unicode.Mn, r) || unicode.ToLower(r) != r {
			t.Errorf("%U: not a rune isPunctBlock may skip", r)
		}
	}
}
