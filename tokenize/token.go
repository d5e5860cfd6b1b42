package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is the kind of a token.
type Kind uint8

// Token kinds.
const (
	// Other is a byte or rune that is none of the others: a control
	// character, an invalid UTF-8 byte, an unassigned code point.
	Other Kind = iota
	// Word is a run of letters (and digits inside it, as in "G5"),
	// possibly hyphenated, an elided word such as "l'", an abbreviation
	// with its period ("M.", "U.S."), or an inverted pronoun ("-t-il").
	Word
	// Number is a number, date, time or ordinal: "9,4", "1 500",
	// "28/12/2023", "14h30", "1er", "XXe".
	Number
	// Punct is punctuation: . , ; : ! ? … « » ( ) " ' - – —.
	Punct
	// Symbol is a symbol: % € $ + = ° © or an emoji.
	Symbol
	// URL is a web address: "https://…", "www.…" or "example.com/…".
	URL
	// Email is an e-mail address.
	Email
	// Handle is a social-media handle: "@name".
	Handle
	// Hashtag is a hashtag: "#Sahel".
	Hashtag
)

var kindNames = [...]string{"Other", "Word", "Number", "Punct", "Symbol", "URL", "Email", "Handle", "Hashtag"}

// String returns the name of the kind, "Word" for Word.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			return string(b[i:])
		}
	}
}

// Token is one token of a text.
type Token struct {
	// Start and End are byte offsets into the text: Text == text[Start:End].
	Start, End int
	Text       string
	Kind       Kind
}

// Tokens splits text into tokens, in order. See the package documentation
// for the conventions. It returns nil when text has no token.
func Tokens(text string) []Token {
	if len(text) == 0 {
		return nil
	}
	toks := AppendTokens(make([]Token, 0, len(text)/5+1), text)
	if len(toks) == 0 {
		return nil
	}
	return toks
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice, so that callers can reuse one buffer across texts.
func AppendTokens(dst []Token, text string) []Token {
	sc := scanner{s: text, toks: dst}
	s := text
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case cSpace:
				i++
			case cLetter:
				i = sc.word(i)
			case cDigit:
				i = sc.number(i)
			case cPunct:
				i = sc.punct(i)
			case cSymbol:
				i = sc.symbol(i)
			default:
				sc.emit(i, i+1, Other)
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			sc.emit(i, i+1, Other)
			i++
		case isSpace(r):
			i += n
		case r == 'ʼ':
			i = sc.punct(i)
		case unicode.IsLetter(r) || unicode.IsMark(r):
			i = sc.word(i)
		case unicode.IsNumber(r):
			i = sc.number(i)
		case unicode.IsPunct(r):
			i = sc.punct(i)
		case unicode.IsSymbol(r):
			i = sc.symbol(i)
		default:
			sc.emit(i, i+n, Other)
			i += n
		}
	}
	return sc.toks
}

// ASCII classes.
const (
	cOther uint8 = iota
	cSpace
	cLetter
	cDigit
	cPunct
	cSymbol
)

var asciiClass [utf8.RuneSelf]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch {
		case c == ' ' || ('\t' <= c && c <= '\r'):
			asciiClass[c] = cSpace
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			asciiClass[c] = cLetter
		case '0' <= c && c <= '9':
			asciiClass[c] = cDigit
		case strings.IndexByte("%&*#@$+<=>^`|~", byte(c)) >= 0:
			asciiClass[c] = cSymbol
		case c > ' ' && c < 0x7f:
			asciiClass[c] = cPunct
		}
	}
}

// isSpace reports whether r separates tokens: unicode.IsSpace plus the
// zero-width space, the word joiner and the byte-order mark.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\u2060' || r == '\ufeff'
}

// isWordRune reports whether r continues a word: a letter, a mark, a digit
// or other number ("km²", "CO₂"), a soft hyphen or a zero-width (non-)joiner. The modifier letter
// apostrophe U+02BC is an apostrophe here, not a letter.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && (asciiClass[r] == cLetter || asciiClass[r] == cDigit)
	}
	return (unicode.IsLetter(r) && r != 'ʼ') || unicode.IsNumber(r) || unicode.IsMark(r) ||
		r == '\u00ad' || r == '\u200c' || r == '\u200d'
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 0 && asciiClass[r] == cLetter
	}
	return unicode.IsLetter(r) && r != 'ʼ'
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '´' }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// at decodes the rune at byte i of s; it returns (-1, 0) at the end of s
// and (utf8.RuneError, 1) on an invalid byte.
func at(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

type scanner struct {
	s    string
	toks []Token
	// runEnd is the end of the last run of e-mail/domain characters
	// checked for an e-mail address or a domain name. A word starting
	// inside it cannot be one either, which keeps the scan linear.
	runEnd int
}

func (sc *scanner) emit(start, end int, k Kind) {
	sc.toks = append(sc.toks, Token{Start: start, End: end, Text: sc.s[start:end], Kind: k})
}

// wordRun returns the end of the run of word runes starting at i.
func (sc *scanner) wordRun(i int) int {
	s := sc.s
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if cl := asciiClass[c]; cl == cLetter || cl == cDigit {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !isWordRune(r) {
			return i
		}
		i += n
	}
	return i
}

// word scans the word starting at i and emits it, as several tokens when
// it holds an elision, a possessive or an inverted pronoun. It returns
// the end of what it consumed.
func (sc *scanner) word(i int) int {
	if end, k, ok := sc.special(i); ok {
		sc.emit(i, end, k)
		return end
	}
	return sc.wordFrom(i, sc.wordRun(i))
}

// wordFrom continues the word that starts at start and whose first run of
// word runes ends at j.
func (sc *scanner) wordFrom(start, j int) int {
	s := sc.s
	hyphens := false
loop:
	for j < len(s) {
		r, n := at(s, j)
		switch {
		case isApostrophe(r):
			next, nn := at(s, j+n)
			prefix := s[start:j]
			if !isLetter(next) {
				if isClitic(prefix) && next >= 0 && nn > 0 && isSpace(next) {
					// "l’ armée": a stray space after the elision.
					sc.emit(start, j+n, Word)
					return j + n
				}
				break loop
			}
			if isClitic(prefix) && !isNameAfterApostrophe(prefix, s[j+n:]) &&
				!(strings.EqualFold(prefix, "presqu") && hasFoldPrefix(s[j+n:], "île", "ile")) {
				sc.emit(start, j+n, Word)
				start = j + n
				j = sc.wordRun(start)
				hyphens = false
				continue
			}
			if (next == 's' || next == 'S') && len(prefix) >= 2 {
				if after, _ := at(s, j+n+1); !isWordRune(after) && !isApostrophe(after) {
					// English possessive: "Putin's".
					sc.finishWord(start, j, hyphens)
					sc.emit(j, j+n+1, Word)
					return j + n + 1
				}
			}
			j = sc.wordRun(j + n + nn)
		case isHyphen(r):
			next, _ := at(s, j+n)
			if !isWordRune(next) {
				break loop
			}
			hyphens = true
			j = sc.wordRun(j + n)
		case r == '.':
			if end, ok := sc.abbreviation(start, j); ok {
				sc.emit(start, end, Word)
				return end
			}
			break loop
		case r == '°' && j-start == 1 && (s[start] == 'n' || s[start] == 'N'):
			sc.emit(start, j+n, Word)
			return j + n
		case r == '·' || r == '_':
			// "étudiant·e·s", and identifiers such as "spot_img".
			next, _ := at(s, j+n)
			if !isWordRune(next) || (r == '·' && !isLetter(next)) {
				break loop
			}
			j = sc.wordRun(j + n)
		default:
			break loop
		}
	}
	sc.finishWord(start, j, hyphens)
	return j
}

// isNameAfterApostrophe reports whether an N' or M' starts a name rather
// than an elision: "N'Djamena", "M'Baye" (a capital then a small letter).
func isNameAfterApostrophe(prefix, rest string) bool {
	if prefix != "N" && prefix != "M" {
		return false
	}
	r1, n1 := at(rest, 0)
	r2, _ := at(rest, n1)
	return n1 > 0 && unicode.IsUpper(r1) && unicode.IsLower(r2)
}

// hasFoldPrefix reports whether s starts with one of the prefixes, ignoring
// the case of its first letter.
func hasFoldPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if len(s) < len(p) {
			continue
		}
		if strings.EqualFold(s[:len(p)], p) {
			return true
		}
	}
	return false
}

// finishWord emits the word s[start:end], splitting off a trailing chain
// of inverted pronouns when it is hyphenated.
func (sc *scanner) finishWord(start, end int, hyphens bool) {
	if start >= end {
		return
	}
	w := sc.s[start:end]
	if hyphens {
		if p := inversionSplit(w); p > 0 {
			sc.emit(start, start+p, wordKind(w[:p]))
			sc.emit(start+p, end, Word)
			return
		}
	}
	sc.emit(start, end, wordKind(w))
}

// inversionSplit returns the offset in w of the hyphen that starts a
// trailing chain of inverted pronouns ("a-t-il" gives 1), or 0.
func inversionSplit(w string) int {
	split, end := 0, len(w)
	for {
		h, hn := lastHyphen(w[:end])
		if h <= 0 {
			break
		}
		seg := w[h+hn : end]
		if pronouns[seg] {
			split, end = h, h
			continue
		}
		if seg == "t" && split > 0 {
			split = h // the euphonic t of "a-t-il"
		}
		break
	}
	if split == 0 || (len(w) <= 24 && notInversions[strings.ToLower(w)]) {
		return 0
	}
	return split
}

// lastHyphen returns the offset and width of the last hyphen in w (-,
// U+2010 or U+2011), or -1.
func lastHyphen(w string) (int, int) {
	for i := len(w) - 1; i >= 0; i-- {
		c := w[i]
		if c == '-' {
			return i, 1
		}
		if (c == 0x90 || c == 0x91) && i >= 2 && w[i-2] == 0xe2 && w[i-1] == 0x80 {
			return i - 2, 3
		}
	}
	return -1, 0
}

// wordKind is Number for a Roman ordinal ("XXe", "Ier"), else Word.
func wordKind(w string) Kind {
	n := 0
	for n < len(w) && strings.IndexByte("IVXLCDM", w[n]) >= 0 {
		n++
	}
	if n == 0 || n == len(w) || !romanSuffixes[w[n:]] {
		return Word
	}
	if n == 1 && w[0] != 'I' && w[0] != 'V' && w[0] != 'X' {
		return Word // "Le", "De", "Ce", "Me" are words
	}
	return Number
}

// abbreviation reports whether the word s[start:dot] followed by the period
// at dot is an abbreviation or initialism, and returns the end of the
// token including its final period.
func (sc *scanner) abbreviation(start, dot int) (int, bool) {
	s := sc.s
	w := s[start:dot]
	if w == "c" && strings.HasPrefix(s[dot:], ".-à-d.") {
		return dot + len(".-à-d."), true
	}
	if r, n := at(w, 0); n == len(w) && isLetter(r) {
		// Initialisms: "U.S.", "O.N.U.", "J.-C.", "É.-U.", "e.g.".
		letters, end, p := 1, dot+1, dot+1
		for {
			q := p
			hyphen := q < len(s) && s[q] == '-'
			if hyphen {
				q++
			}
			r, n := at(s, q)
			if !isLetter(r) {
				break
			}
			q += n
			r2, n2 := at(s, q)
			if r2 == '.' {
				letters++
				end = q + n2
				p = end
				continue
			}
			if !hyphen && !isWordRune(r2) && !isApostrophe(r2) {
				letters++ // "U.S" without its last period
				end = q
			}
			break
		}
		if letters >= 2 {
			return end, true
		}
		// A capital initial before a capitalised word: "J. Dupont", but not
		// "vitamine D. Le" or "Serie A. C'est".
		if unicode.IsUpper(r) {
			q := dot + 1
			spaced := false
			for {
				r, n := at(s, q)
				if n == 0 || !isSpace(r) || r == '\n' {
					break
				}
				spaced = true
				q += n
			}
			if r, _ := at(s, q); spaced && unicode.IsUpper(r) && !startsWithSentenceWord(s[q:]) {
				return dot + 1, true
			}
		}
	}
	if len(w) <= maxAbbrLen && abbreviations[w] != notAbbr {
		return dot + 1, true
	}
	return 0, false
}

// startsWithSentenceWord reports whether s starts with a word that usually
// starts a sentence ("Le", "C'est", "Mais"), not a name.
func startsWithSentenceWord(s string) bool {
	j := 0
	for j < len(s) && j <= 12 {
		r, n := at(s, j)
		if !isLetter(r) {
			break
		}
		j += n
	}
	w := s[:j]
	next, _ := at(s, j)
	if isApostrophe(next) {
		return isClitic(w)
	}
	if next == '.' && utf8.RuneCountInString(w) == 1 {
		return false // another initial: "A. J. Weberman"
	}
	return sentenceWords[w]
}

// number scans a number starting at i.
func (sc *scanner) number(i int) int {
	s := sc.s
	if s[i] >= utf8.RuneSelf {
		// Digits of other scripts, fractions, superscripts: a plain run.
		j := i
		for {
			r, n := at(s, j)
			if n == 0 || !unicode.IsNumber(r) {
				break
			}
			j += n
		}
		sc.emit(i, j, Number)
		return j
	}
	if end, k, ok := sc.special(i); ok {
		sc.emit(i, end, k)
		return end
	}
	j := digits(s, i)
	plain := j - i // digits only so far
	grouped := false
	if plain <= 3 {
		for {
			sp := groupSpace(s, j)
			g := j + sp
			if sp == 0 || g+3 > len(s) || !isDigitByte(s[g]) || !isDigitByte(s[g+1]) ||
				!isDigitByte(s[g+2]) || (g+3 < len(s) && isDigitByte(s[g+3])) {
				break
			}
			j = g + 3
			grouped = true
		}
	}
	if grouped {
		if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isDigitByte(s[j+1]) {
			j = digits(s, j+1)
		}
	} else {
		for j+1 < len(s) && strings.IndexByte(".,:/-", s[j]) >= 0 && isDigitByte(s[j+1]) {
			j = digits(s, j+1)
		}
	}
	simple := !grouped && j-i == plain
	if r, _ := at(s, j); !isLetter(r) {
		sc.emit(i, j, Number)
		return j
	}
	// Letters right after the digits.
	if simple && plain <= 2 && (s[j] == 'h' || s[j] == 'H') {
		// "14h", "14h30".
		k := j + 1
		if k+1 < len(s) && isDigitByte(s[k]) && isDigitByte(s[k+1]) {
			k += 2
		}
		if r, _ := at(s, k); !isWordRune(r) {
			sc.emit(i, k, Number)
			return k
		}
	}
	k := j
	for {
		r, n := at(s, k)
		if n == 0 || !isLetter(r) {
			break
		}
		k += n
	}
	suffix := s[j:k]
	if after, _ := at(s, k); !isWordRune(after) {
		if ordinalSuffixes[suffix] {
			sc.emit(i, k, Number)
			return k
		}
		if units[suffix] {
			sc.emit(i, j, Number)
			return j
		}
	}
	if !simple {
		sc.emit(i, j, Number)
		return j
	}
	// An alphanumeric word: "5G", "4x4", "3D".
	return sc.wordFrom(i, sc.wordRun(i))
}

func digits(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

// groupSpace returns the width of a space that may separate groups of
// digits at s[i] (space, no-break space, narrow no-break space, thin space,
// figure space), or 0.
func groupSpace(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == ' ' {
		return 1
	}
	switch r, n := at(s, i); r {
	case '\u00a0', '\u202f', '\u2009', '\u2007':
		return n
	}
	return 0
}

// punct scans punctuation at i: a run of periods, a run of ! and ?, a run
// of hyphens, or one rune.
func (sc *scanner) punct(i int) int {
	s := sc.s
	switch c := s[i]; c {
	case '.', '-':
		j := i + 1
		for j < len(s) && s[j] == c {
			j++
		}
		sc.emit(i, j, Punct)
		return j
	case '!', '?':
		j := i + 1
		for j < len(s) && (s[j] == '!' || s[j] == '?') {
			j++
		}
		sc.emit(i, j, Punct)
		return j
	}
	_, n := at(s, i)
	sc.emit(i, i+n, Punct)
	return i + n
}

// symbol scans a symbol at i: a hashtag, a handle, or one symbol with the
// modifiers that make an emoji.
func (sc *scanner) symbol(i int) int {
	s := sc.s
	switch s[i] {
	case '#':
		j, letters := i+1, false
		for {
			r, n := at(s, j)
			if n == 0 || !(isWordRune(r) || r == '_') {
				break
			}
			letters = letters || isLetter(r)
			j += n
		}
		if letters {
			sc.emit(i, j, Hashtag)
			return j
		}
	case '@':
		j := i + 1
		for j < len(s) {
			c := s[j]
			if c == '_' || isDigitByte(c) || asciiClass[c&0x7f] == cLetter && c < utf8.RuneSelf {
				j++
				continue
			}
			if c == '.' && j+1 < len(s) && j > i+1 && s[j+1] < utf8.RuneSelf &&
				(asciiClass[s[j+1]] == cLetter || isDigitByte(s[j+1])) {
				j++
				continue
			}
			break
		}
		if j > i+1 {
			sc.emit(i, j, Handle)
			return j
		}
	}
	r, n := at(s, i)
	j := i + n
	if 0x1F1E6 <= r && r <= 0x1F1FF {
		// A flag is a pair of regional indicators.
		if r2, n2 := at(s, j); 0x1F1E6 <= r2 && r2 <= 0x1F1FF {
			j += n2
		}
	}
	for {
		r, n := at(s, j)
		switch {
		case r == '\ufe0e' || r == '\ufe0f' || r == '\u20e3' ||
			(0x1F3FB <= r && r <= 0x1F3FF) || (0xE0020 <= r && r <= 0xE007F):
			j += n
			continue
		case r == '\u200d':
			if r2, n2 := at(s, j+n); n2 > 0 && unicode.IsSymbol(r2) {
				j += n + n2
				continue
			}
		}
		break
	}
	sc.emit(i, j, Symbol)
	return j
}

// special recognises a URL, an e-mail address or a bare domain name
// starting at i, the start of a word or number.
func (sc *scanner) special(i int) (int, Kind, bool) {
	s := sc.s
	switch s[i] {
	case 'h', 'H', 'f', 'F', 'w', 'W':
		if hasURLPrefix(s[i:]) {
			return urlEnd(s, i), URL, true
		}
	}
	if i < sc.runEnd {
		return 0, 0, false
	}
	// The run of characters an e-mail's local part may hold.
	e, dot := i, false
	for e < len(s) && s[e] < utf8.RuneSelf && isEmailByte(s[e]) {
		dot = dot || s[e] == '.'
		e++
	}
	sc.runEnd = e
	if e == i || (!dot && (e == len(s) || s[e] != '@')) {
		return 0, 0, false
	}
	if e < len(s) && s[e] == '@' {
		if d := domainEnd(s, e+1); d > 0 {
			return d, Email, true
		}
		return 0, 0, false
	}
	if d := domainEnd(s, i); d > 0 {
		if d < len(s) && s[d] == '/' {
			d = urlEnd(s, d)
		}
		return d, URL, true
	}
	return 0, 0, false
}

func isEmailByte(c byte) bool {
	return asciiClass[c] == cLetter || isDigitByte(c) || c == '.' || c == '-' || c == '_' || c == '%' || c == '+'
}

// domainEnd returns the end of the domain name starting at i ("lefaso.net":
// dot-separated labels of ASCII letters, digits and hyphens, the last one a
// known lower-case top-level domain, a letter in the first), or 0.
func domainEnd(s string, i int) int {
	j := i
	for j < len(s) && s[j] < utf8.RuneSelf &&
		(asciiClass[s[j]] == cLetter || isDigitByte(s[j]) || s[j] == '.' || s[j] == '-') {
		j++
	}
	for j > i && (s[j-1] == '.' || s[j-1] == '-') {
		j--
	}
	if r, _ := at(s, j); isWordRune(r) || r == '@' || r == '_' {
		return 0
	}
	d := s[i:j]
	last := strings.LastIndexByte(d, '.')
	if last <= 0 || !tlds[d[last+1:]] || strings.Contains(d, "..") {
		return 0
	}
	first := d
	if k := strings.IndexByte(d, '.'); k >= 0 {
		first = d[:k]
	}
	for k := 0; k < len(first); k++ {
		if asciiClass[first[k]] == cLetter {
			return j
		}
	}
	return 0
}

// hasURLPrefix reports whether s starts with a URL scheme or "www.".
func hasURLPrefix(s string) bool {
	return hasFoldPrefix(s, "http://", "https://", "ftp://", "www.") && len(s) > 4
}

// urlEnd returns the end of the URL whose text starts at i: up to a space,
// a quote or an angle bracket, without trailing punctuation or an
// unbalanced closing bracket.
func urlEnd(s string, i int) int {
	j := i
	open := 0 // unbalanced "(" and "[" in the URL
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiClass[c] == cSpace || c < ' ' || c == 0x7f || strings.IndexByte("\"<>`{}|\\^", c) >= 0 {
				break
			}
			switch c {
			case '(', '[':
				open++
			case ')', ']':
				if open == 0 {
					return trimURL(s, i, j)
				}
				open--
			}
			j++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if (r == utf8.RuneError && n == 1) || !isWordRune(r) {
			break
		}
		j += n
	}
	return trimURL(s, i, j)
}

func trimURL(s string, i, j int) int {
	for j > i+1 && strings.IndexByte(".,;:!?'*", s[j-1]) >= 0 {
		j--
	}
	return j
}
