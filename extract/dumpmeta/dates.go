package dumpmeta

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
)

// Match is one absolute date found in a line of text.
type Match struct {
	// Start and End are byte offsets: line[Start:End] is the date as the
	// page wrote it, weekday and time of day included.
	Start, End int
	// Date is the date at the precision the text states.
	Date veille.Date
}

// Dates are accepted between these years: outside, a four-digit number is
// far more often a quantity than a news date.
const (
	minYear = 1900
	maxYear = 2199
)

// FindDates returns the absolute dates written in line, in order, without
// overlaps. It knows French and English forms: "02 Sep 2023", "3 avril 2025
// 11h51", "le 1er mars 2024", "mardi 5 mars 2024 à 14:30", "05/03/2024",
// "2024-03-05T14:30:00Z", "2023-10", "March 5, 2024", "3:04 PM ET, Wed
// November 20, 2019", "septembre 2022". The precision is what the text
// states: month for "2023-10" or "septembre 2022", day for "02 Sep 2023",
// minute or second when a time of day follows or precedes the date.
//
// Relative expressions ("hier", "ce samedi", "last week") and dates
// without a year ("5 octobre") are not absolute and are not returned;
// neither are lone years, too often quantities or copyright notices.
// Numeric dates are read day first (French order) unless only the
// month-first reading is valid ("12/25/2024"). Times are kept as written:
// time-zone names are included in the span but not converted.
func FindDates(line string) []Match {
	if !hasYear4(line) {
		return nil // every absolute date has a four-digit year
	}
	var out []Match
	lx := lexer{s: line}
	for i := 0; ; {
		t, ok := lx.at(i)
		if !ok {
			break
		}
		if t.kind == tPunct {
			i++
			continue
		}
		if end, p, ok := lx.matchAt(i); ok {
			// A well-formed but impossible date ("31 avril 2024") is
			// skipped whole, not read again as "avril 2024".
			if d, ok := p.date(); ok {
				first, _ := lx.at(i)
				last, _ := lx.at(end - 1)
				out = append(out, Match{Start: first.start, End: last.end, Date: d})
			}
			i = end
			lx.drop(i)
			continue
		}
		i++
		lx.drop(i)
	}
	return out
}

// ParseDate parses s when the whole of it is one absolute date, French or
// English, in any form FindDates knows, or a lone year ("2024", year
// precision). A leading "le", "on" or "the" and trailing punctuation are
// ignored. Other absolute forms are handed to go-dateparser (strict: day,
// month and year required); relative expressions are refused.
func ParseDate(s string) (veille.Date, bool) {
	s = trimDateString(s)
	if s == "" || len(s) > 200 {
		return veille.Date{}, false
	}
	if len(s) == 4 && isDigits(s) {
		y := atoi(s)
		if y < minYear || y > maxYear {
			return veille.Date{}, false
		}
		return veille.NewDate(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), veille.PrecisionYear), true
	}
	ms := FindDates(s)
	if len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(s) {
		return ms[0].Date, true
	}
	if len(ms) > 1 {
		return veille.Date{}, false
	}
	d, ok := parseFallback(s)
	if len(ms) == 1 {
		// Part of s is a date we read: accept the fallback only when it
		// reads the same calendar day, at least as precisely ("… 10.15").
		a := ms[0].Date
		if !ok || !sameDay(a, d) || (d.Precision < a.Precision) || (d.Precision == a.Precision && d != a) {
			return veille.Date{}, false
		}
	}
	return d, ok
}

// trimDateString removes what commonly surrounds a date value.
func trimDateString(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".,;:!)]")
	s = strings.TrimLeft(s, "([:")
	s = strings.TrimSpace(s)
	for _, p := range []string{"le ", "on ", "the "} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
			break
		}
	}
	return s
}

// Token kinds.
const (
	tNum = iota + 1
	tWord
	tPunct
)

// token is a run of ASCII digits, a run of letters, or one other
// non-space rune.
type token struct {
	start, end int
	kind       uint8
	space      bool // white space precedes the token
	ndig       int  // digits, for numbers
	num        int  // value for numbers of at most 9 digits
}

// lexer tokenizes lazily, keeping only a window of tokens, so that a huge
// line costs no more memory than a short one.
type lexer struct {
	s    string
	pos  int
	toks []token
	base int // absolute index of toks[0]
	buf  [32]byte
}

func (l *lexer) next() (token, bool) {
	s := l.s
	space := false
	for l.pos < len(s) {
		r, n := utf8.DecodeRuneInString(s[l.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		space = true
		l.pos += n
	}
	if l.pos >= len(s) {
		return token{}, false
	}
	t := token{start: l.pos, space: space}
	c := s[l.pos]
	switch {
	case '0' <= c && c <= '9':
		t.kind = tNum
		for l.pos < len(s) && '0' <= s[l.pos] && s[l.pos] <= '9' {
			if t.ndig < 9 {
				t.num = t.num*10 + int(s[l.pos]-'0')
			}
			t.ndig++
			l.pos++
		}
	default:
		r, n := utf8.DecodeRuneInString(s[l.pos:])
		if r != utf8.RuneError && unicode.IsLetter(r) {
			t.kind = tWord
			for l.pos < len(s) {
				r, n := utf8.DecodeRuneInString(s[l.pos:])
				if r == utf8.RuneError || !unicode.IsLetter(r) {
					break
				}
				l.pos += n
			}
		} else {
			t.kind = tPunct
			l.pos += n
		}
	}
	t.end = l.pos
	return t, true
}

// at returns the token of absolute index i.
func (l *lexer) at(i int) (token, bool) {
	if i < l.base {
		return token{}, false
	}
	for i-l.base >= len(l.toks) {
		t, ok := l.next()
		if !ok {
			return token{}, false
		}
		l.toks = append(l.toks, t)
	}
	return l.toks[i-l.base], true
}

// drop forgets the tokens before absolute index i.
func (l *lexer) drop(i int) {
	if k := i - l.base; k > 256 && k <= len(l.toks) {
		n := copy(l.toks, l.toks[k:])
		l.toks = l.toks[:n]
		l.base = i
	}
}

// word returns the folded text of token i when it is a short word, in a
// buffer reused by the next call: use it at once (map lookups and
// comparisons on string(b) do not allocate).
func (l *lexer) word(i int) []byte {
	t, ok := l.at(i)
	if !ok || t.kind != tWord || t.end-t.start > len(l.buf) {
		return nil
	}
	return foldInto(l.buf[:0], l.s[t.start:t.end])
}

// isWord reports whether token i is one of the folded words ws.
func (l *lexer) isWord(i int, ws ...string) bool {
	w := l.word(i)
	if w == nil {
		return false
	}
	for _, x := range ws {
		if string(w) == x {
			return true
		}
	}
	return false
}

// punct returns the rune of token i when it is punctuation.
func (l *lexer) punct(i int) rune {
	t, ok := l.at(i)
	if !ok || t.kind != tPunct {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(l.s[t.start:])
	return r
}

// adjacent reports whether token i exists and touches the previous token.
func (l *lexer) adjacent(i int) bool {
	t, ok := l.at(i)
	return ok && !t.space
}

// num returns token i when it is a number of 1 to maxDigits digits.
func (l *lexer) num(i, minDigits, maxDigits int) (int, bool) {
	t, ok := l.at(i)
	if !ok || t.kind != tNum || t.ndig < minDigits || t.ndig > maxDigits {
		return 0, false
	}
	return t.num, true
}

var months = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1,
	"fevrier": 2, "fevr": 2, "fev": 2, "february": 2, "feb": 2,
	"mars": 3, "mar": 3, "march": 3,
	"avril": 4, "avr": 4, "april": 4, "apr": 4,
	"mai": 5, "may": 5,
	"juin": 6, "june": 6, "jun": 6,
	"juillet": 7, "juil": 7, "july": 7, "jul": 7,
	"aout": 8, "aou": 8, "august": 8, "aug": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9,
	"octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11,
	"decembre": 12, "dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true,
	"lun": true, "mar": true, "mer": true, "jeu": true, "ven": true,
	"sam": true, "dim": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true,
	"thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

var ordinals = map[string]bool{
	"er": true, "re": true, "e": true, "eme": true, "ᵉʳ": true, "ᵉ": true,
	"st": true, "nd": true, "rd": true, "th": true,
}

var zones = map[string]bool{
	"gmt": true, "utc": true, "tu": true, "est": true, "edt": true,
	"cet": true, "cest": true, "wat": true, "cat": true, "eat": true,
	"pst": true, "pdt": true, "cst": true, "cdt": true, "bst": true,
}

// parts is a date being assembled.
type parts struct {
	y, mo, d, h, mi, s int
	prec               veille.Precision
}

func (p parts) date() (veille.Date, bool) {
	if p.y < minYear || p.y > maxYear || p.mo < 1 || p.mo > 12 {
		return veille.Date{}, false
	}
	d := p.d
	if p.prec <= veille.PrecisionMonth {
		d = 1
	}
	t := time.Date(p.y, time.Month(p.mo), d, p.h, p.mi, p.s, 0, time.UTC)
	if t.Day() != d || t.Month() != time.Month(p.mo) {
		return veille.Date{}, false // 31 April and the like
	}
	return veille.NewDate(t, p.prec), true
}

// matchAt matches a date starting at token i; end is the index after its
// last token.
func (l *lexer) matchAt(i int) (end int, p parts, ok bool) {
	// A time of day before the date: "3:04 PM ET, Wed November 20, 2019".
	if tend, h, mi, s, sec, strong, ok := l.clock(i); ok && strong {
		j := tend
		if l.punct(j) == ',' || l.punct(j) == '-' || l.punct(j) == '|' {
			j++
		}
		if l.isWord(j, "on", "le") {
			j++
		}
		j = l.skipWeekday(j)
		if dend, dp, ok := l.core(j); ok && dp.prec == veille.PrecisionDay {
			dp.h, dp.mi, dp.s = h, mi, s
			dp.prec = veille.PrecisionMinute
			if sec {
				dp.prec = veille.PrecisionSecond
			}
			return dend, dp, true
		}
	}
	j := l.skipWeekday(i)
	if j != i && l.isWord(j, "le", "the") {
		j++
	}
	end, p, ok = l.core(j)
	if !ok {
		return 0, p, false
	}
	if p.prec == veille.PrecisionDay {
		end, p = l.timeAfter(end, p)
	}
	return end, p, true
}

// skipWeekday returns the index after a weekday name and its punctuation
// when token i is one, else i.
func (l *lexer) skipWeekday(i int) int {
	if !weekdays[string(l.word(i))] {
		return i
	}
	j := i + 1
	if l.punct(j) == '.' && l.adjacent(j) {
		j++
	}
	if l.punct(j) == ',' {
		j++
	}
	return j
}

// core matches the calendar part of a date at token i.
func (l *lexer) core(i int) (end int, p parts, ok bool) {
	t, ok := l.at(i)
	if !ok {
		return 0, p, false
	}
	switch t.kind {
	case tNum:
		if t.ndig == 4 {
			return l.iso(i)
		}
		if t.ndig <= 2 {
			if end, p, ok := l.numeric(i); ok {
				return end, p, true
			}
			return l.dayMonthYear(i)
		}
	case tWord:
		return l.monthFirst(i)
	}
	return 0, p, false
}

// iso matches 2024-03-05, 2024/03/05, 2024.03.05 and 2023-10.
func (l *lexer) iso(i int) (end int, p parts, ok bool) {
	y, _ := l.num(i, 4, 4)
	sep := l.punct(i + 1)
	if (sep != '-' && sep != '/' && sep != '.') || !l.adjacent(i+1) || !l.adjacent(i+2) {
		return 0, p, false
	}
	// Not the tail of a longer numeric run: "12-2023-10".
	if i > 0 {
		if q := l.punct(i - 1); (q == '-' || q == '/' || q == '.') && l.adjacent(i) {
			return 0, p, false
		}
	}
	mo, ok := l.num(i+2, 1, 2)
	if !ok || mo < 1 || mo > 12 {
		return 0, p, false
	}
	if l.punct(i+3) == sep && l.adjacent(i+3) && l.adjacent(i+4) {
		d, ok := l.num(i+4, 1, 2)
		if !ok {
			return 0, p, false
		}
		if l.punct(i+5) == sep && l.adjacent(i+5) {
			return 0, p, false // a longer numeric run
		}
		p = parts{y: y, mo: mo, d: d, prec: veille.PrecisionDay}
		end = i + 5
		// 2024-03-05T14:30:00Z
		if l.isWord(end, "t") && l.adjacent(end) && l.adjacent(end+1) {
			if tend, h, mi, s, sec, _, ok := l.clock(end + 1); ok {
				p.h, p.mi, p.s = h, mi, s
				p.prec = veille.PrecisionMinute
				if sec {
					p.prec = veille.PrecisionSecond
				}
				end = l.skipOffset(tend)
			}
		}
		return end, p, true
	}
	// Year and month only: two-digit month, dash, and not a range of
	// years such as 2011-12.
	if sep != '-' || l.tokLen(i+2) != 2 || mo == (y+1)%100 {
		return 0, p, false
	}
	if q := l.punct(i + 3); (q == '-' || q == '/' || q == '.') && l.adjacent(i+3) {
		if _, ok := l.num(i+4, 1, 9); ok && l.adjacent(i+4) {
			return 0, p, false
		}
	}
	return i + 3, parts{y: y, mo: mo, prec: veille.PrecisionMonth}, true
}

func (l *lexer) tokLen(i int) int {
	t, ok := l.at(i)
	if !ok {
		return 0
	}
	return t.end - t.start
}

// skipOffset skips a time-zone suffix after an ISO time: Z, +01:00, .123Z.
func (l *lexer) skipOffset(i int) int {
	if l.punct(i) == '.' && l.adjacent(i) {
		if _, ok := l.num(i+1, 1, 9); ok && l.adjacent(i+1) {
			i += 2
		}
	}
	if l.isWord(i, "z") && l.adjacent(i) {
		return i + 1
	}
	if q := l.punct(i); (q == '+' || q == '-') && l.adjacent(i) {
		if _, ok := l.num(i+1, 2, 4); ok && l.adjacent(i+1) {
			j := i + 2
			if l.punct(j) == ':' && l.adjacent(j) {
				if _, ok := l.num(j+1, 2, 2); ok && l.adjacent(j+1) {
					j += 2
				}
			}
			return j
		}
	}
	return i
}

// numeric matches 05/03/2024, 5.3.2024 and 05-03-2024.
func (l *lexer) numeric(i int) (end int, p parts, ok bool) {
	a, _ := l.num(i, 1, 2)
	sep := l.punct(i + 1)
	if (sep != '/' && sep != '.' && sep != '-') || !l.adjacent(i+1) || !l.adjacent(i+2) {
		return 0, p, false
	}
	if i > 0 {
		if q := l.punct(i - 1); (q == sep || q == ':') && l.adjacent(i) {
			return 0, p, false
		}
	}
	b, ok := l.num(i+2, 1, 2)
	if !ok || l.punct(i+3) != sep || !l.adjacent(i+3) || !l.adjacent(i+4) {
		return 0, p, false
	}
	y, ok := l.num(i+4, 4, 4)
	if !ok {
		return 0, p, false
	}
	if q := l.punct(i + 5); q == sep && l.adjacent(i+5) {
		if _, ok := l.num(i+6, 1, 9); ok && l.adjacent(i+6) {
			return 0, p, false
		}
	}
	d, mo := a, b
	if mo > 12 && d <= 12 {
		d, mo = mo, d // only the month-first reading is valid
	}
	p = parts{y: y, mo: mo, d: d, prec: veille.PrecisionDay}
	end, p = l.timeAfter(i+5, p)
	return end, p, true
}

// dayMonthYear matches "02 Sep 2023", "1er mars 2024", "5th of March,
// 2024", "3 avril 2025".
func (l *lexer) dayMonthYear(i int) (end int, p parts, ok bool) {
	d, _ := l.num(i, 1, 2)
	if d < 1 || d > 31 {
		return 0, p, false
	}
	j := i + 1
	if ordinals[string(l.word(j))] && l.adjacent(j) {
		j++
	}
	if l.isWord(j, "de", "of") {
		j++
	}
	mo, ok := months[string(l.word(j))]
	if !ok {
		return 0, p, false
	}
	j++
	if l.punct(j) == '.' && l.adjacent(j) {
		j++
	}
	if l.punct(j) == ',' {
		j++
	}
	y, ok := l.num(j, 4, 4)
	if !ok || l.adjacentDigitRun(j) {
		return 0, p, false
	}
	return j + 1, parts{y: y, mo: mo, d: d, prec: veille.PrecisionDay}, true
}

// adjacentDigitRun reports whether the number at i continues into more
// digits ("2024.5", "2024,5"), which makes it a quantity.
func (l *lexer) adjacentDigitRun(i int) bool {
	if q := l.punct(i + 1); (q == '.' || q == ',') && l.adjacent(i+1) {
		_, ok := l.num(i+2, 1, 9)
		return ok && l.adjacent(i+2)
	}
	return false
}

// monthFirst matches "March 5, 2024", "Sep. 2nd 2023" and, at month
// precision, "septembre 2022".
func (l *lexer) monthFirst(i int) (end int, p parts, ok bool) {
	mo, ok := months[string(l.word(i))]
	if !ok {
		return 0, p, false
	}
	j := i + 1
	if l.punct(j) == '.' && l.adjacent(j) {
		j++
	}
	if d, ok := l.num(j, 1, 2); ok && d >= 1 && d <= 31 {
		k := j + 1
		if ordinals[string(l.word(k))] && l.adjacent(k) {
			k++
		}
		if l.punct(k) == ',' {
			k++
		}
		if y, ok := l.num(k, 4, 4); ok && !l.adjacentDigitRun(k) {
			return k + 1, parts{y: y, mo: mo, d: d, prec: veille.PrecisionDay}, true
		}
		return 0, p, false
	}
	if l.isWord(j, "de", "of") {
		j++
	}
	if l.punct(j) == ',' {
		j++
	}
	y, ok := l.num(j, 4, 4)
	if !ok || l.adjacentDigitRun(j) {
		return 0, p, false
	}
	// "may 2024" in English prose is usually the verb; require a capital.
	if w := l.word(i); string(w) == "may" || string(w) == "mar" {
		if t, _ := l.at(i); l.s[t.start] < 'A' || l.s[t.start] > 'Z' {
			return 0, p, false
		}
	}
	return j + 1, parts{y: y, mo: mo, prec: veille.PrecisionMonth}, true
}

// timeAfter extends a day-precision date with a following time of day:
// "… 2025 11h51", "… 2024 à 14:30", "…, 2019 at 5:00 a.m. EST".
func (l *lexer) timeAfter(i int, p parts) (int, parts) {
	j := i
	for k := 0; k < 2; k++ {
		switch r := l.punct(j); r {
		case ',', '-', '–', '—', '|', '·', '•', '/', '@':
			j++
			continue
		}
		if l.isWord(j, "a", "at", "vers", "t") {
			j++
			continue
		}
		break
	}
	tend, h, mi, s, sec, _, ok := l.clock(j)
	if !ok {
		return i, p
	}
	p.h, p.mi, p.s = h, mi, s
	p.prec = veille.PrecisionMinute
	if sec {
		p.prec = veille.PrecisionSecond
	}
	return tend, p
}

// clock matches a time of day: 11h51, 14h, 14:30, 14:30:05, 3:04 pm,
// 5 p.m., optionally followed by a time-zone name. strong is true when
// the form cannot be a plain number (a colon or am/pm).
func (l *lexer) clock(i int) (end, h, mi, s int, sec, strong, ok bool) {
	h, ok = l.num(i, 1, 2)
	if !ok {
		return
	}
	ok = false
	j := i + 1
	switch {
	case l.punct(j) == ':' && l.adjacent(j) && l.adjacent(j+1):
		m, ok2 := l.num(j+1, 2, 2)
		if !ok2 || m > 59 {
			return
		}
		mi, j, strong = m, j+2, true
		if l.punct(j) == ':' && l.adjacent(j) && l.adjacent(j+1) {
			if v, ok2 := l.num(j+1, 2, 2); ok2 && v <= 59 {
				s, sec, j = v, true, j+2
			}
		}
	case l.isWord(j, "h") && !l.adjacent(j):
		// French typography: "10 h 30"; the minutes are required.
		m, ok2 := l.num(j+1, 2, 2)
		if !ok2 || m > 59 {
			return
		}
		mi, j = m, j+2
	case l.isWord(j, "h") && l.adjacent(j):
		j++
		if l.adjacent(j) {
			if m, ok2 := l.num(j, 2, 2); ok2 {
				if m > 59 {
					return
				}
				mi, j = m, j+1
			} else if t, ok2 := l.at(j); ok2 && t.kind != tPunct {
				return // "14hxx"
			}
		}
	}
	// am / pm
	ampm := ""
	switch w := l.word(j); string(w) {
	case "am", "pm":
		ampm, j = string(w), j+1
	case "a", "p":
		ampm = string(w) + "m"
		if l.punct(j+1) == '.' && l.isWord(j+2, "m") {
			j += 3
			if l.punct(j) == '.' && l.adjacent(j) {
				j++
			}
		} else {
			ampm = ""
		}
	}
	if ampm != "" {
		if h < 1 || h > 12 {
			return
		}
		if ampm == "pm" && h < 12 {
			h += 12
		}
		if ampm == "am" && h == 12 {
			h = 0
		}
		strong = true
	} else if j == i+1 {
		return // a bare number
	}
	if h > 23 {
		return
	}
	if zones[string(l.word(j))] || (l.isWord(j, "et") && l.isUpper(j)) {
		j++
	}
	return j, h, mi, s, sec, strong, true
}

// isUpper reports whether token i is written in capitals.
func (l *lexer) isUpper(i int) bool {
	t, ok := l.at(i)
	if !ok {
		return false
	}
	w := l.s[t.start:t.end]
	return strings.ToUpper(w) == w
}

func sameDay(a, b veille.Date) bool {
	ay, am, ad := a.Time.Date()
	by, bm, bd := b.Time.Date()
	return ay == by && am == bm && ad == bd
}

// hasYear4 reports whether s holds a run of exactly four ASCII digits
// that reads as a year between minYear and maxYear: the lexer reads every
// date's year from such a token, so a line without one holds no date.
func hasYear4(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j-i == 4 {
			if y := atoi(s[i:j]); y >= minYear && y <= maxYear {
				return true
			}
		}
		i = j
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s) && i < 9; i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
