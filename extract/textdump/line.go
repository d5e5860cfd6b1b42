package textdump

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind is what a single line looks like on its own, before its context on
// the page is considered.
type Kind uint8

// The line kinds, from the most specific to plain text.
const (
	Blank          Kind = iota // empty, or only spaces and separators
	Text                       // ordinary text: prose, heading, list item...
	Placeholder                // an unrendered template ({{title}}, {% block %})
	Media                      // an image, embed or form field rendered as [alt] / [    ]
	UI                         // a UI label or notice: "Share", "Subscribe", cookie banner, legal line
	ShareRow                   // a row of share targets: "Facebook Twitter WhatsApp Email"
	RelatedHeading             // a heading that opens trailing chrome: "Related", "Articles similaires", "Comments"
	InlineRelated              // a link to another page from inside a body: "Read more: ...", "Lire aussi : ..."
	Copyright                  // a copyright line: "© Site 2024", "All rights reserved"
	Byline                     // "By Jane Doe", "Par Jean Dupont", or a lone "By"
	DateLine                   // a line that is (almost) only a date or timestamp
	ReadingTime                // "5 min read", "2 mn(s) de lecture"
	Credit                     // a photo credit or caption with a credit marker
	CommentHeader              // the header of a reader comment: "jdoe says:", "Marie a dit :"
)

var kindNames = [...]string{"blank", "text", "placeholder", "media", "ui", "share", "related", "inline-related",
	"copyright", "byline", "date", "reading-time", "credit", "comment-header"}

// String returns the kind's name.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Line describes one line of a dump.
type Line struct {
	Kind    Kind
	Indent  int    // display columns of leading white space
	TextCol int    // display column where Text starts (after indentation and bullet)
	Width   int    // display columns of the line without trailing space
	Bullet  bool   // the line starts with a list bullet (after indentation)
	Text    string // the line trimmed, bullet removed
	// Words counts \w-like tokens (letters and digits runs); Stop counts
	// those that are stopwords of the line's best-matching language.
	Words, Stop int
	// Upper reports that the first letter of Text is upper case (or Text
	// starts with a digit or an opening quote).
	Upper bool
	// Terminal reports that Text ends like a sentence: . ! ? … possibly
	// followed by closing quotes or brackets.
	Terminal bool
	// Ellipsis reports that Text ends with "..." or "…" (a truncated teaser).
	Ellipsis bool
	// HasDate reports that the line, if it has at most 30 words, contains
	// a recognisable date.
	HasDate bool
	// Capitalized counts words starting with an upper-case letter.
	Capitalized int
	// Punct counts sentence-internal punctuation marks (, ; : and inner periods).
	Punct int
	// Cells counts the cells of a table row as renderers lay them out:
	// runs of text separated by three spaces or more (1 for plain text).
	Cells int
}

// IsDataRow reports whether the line is a row of a data table: several
// cells, one of them at least holding a number.
func (l *Line) IsDataRow() bool {
	return l.Cells >= 3 && strings.ContainsAny(l.Text, "0123456789")
}

// StopRatio is the share of the line's words that are stopwords (0 when the
// line has no words).
func (l *Line) StopRatio() float64 {
	if l.Words == 0 {
		return 0
	}
	return float64(l.Stop) / float64(l.Words)
}

// bullets are the list markers text renderers emit: w3m writes • for the
// first level and □ ◦ ▪ for deeper ones; markdown-like dumps use - * ·.
const bulletRunes = "•·◦▪▫□■●○‣⁃∙*-–—+►▸»"

// IsBullet reports whether line, after its indentation, starts with a list
// bullet followed by a space (or ends there). Hyphens and asterisks count
// only when followed by a space, so "-5°C" or "*Note" are not bullets.
func IsBullet(line string) bool {
	_, ok := cutBullet(trimLeftBlank(line))
	return ok
}

// TrimBullet returns line without indentation, bullet and surrounding space.
func TrimBullet(line string) string {
	s := trimLeftBlank(line)
	if rest, ok := cutBullet(s); ok {
		s = rest
	}
	return strings.TrimSpace(s)
}

// cutBullet removes a leading bullet from s (already left-trimmed).
func cutBullet(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !strings.ContainsRune(bulletRunes, r) {
		return s, false
	}
	rest := s[n:]
	if rest == "" {
		return "", true
	}
	next, _ := utf8.DecodeRuneInString(rest)
	if next == ' ' || next == '\t' || next == '\u00a0' {
		return trimLeftBlank(rest), true
	}
	// "•Item" is a bullet; "-5" or "*Note" or "--" are not.
	if r != '-' && r != '*' && r != '+' && r != '–' && r != '—' && r != '»' && !strings.ContainsRune(bulletRunes, next) {
		return rest, true
	}
	return s, false
}

// trimLeftBlank removes leading spaces, tabs, carriage returns,
// no-break spaces and ideographic spaces (what renderers indent with).
func trimLeftBlank(s string) string {
	for len(s) > 0 {
		switch {
		case s[0] == ' ' || s[0] == '\t' || s[0] == '\r':
			s = s[1:]
		case strings.HasPrefix(s, "\u00a0"):
			s = s[2:]
		case strings.HasPrefix(s, "\u3000"):
			s = s[3:]
		default:
			return s
		}
	}
	return s
}

// trimRightBlank removes trailing blanks as trimLeftBlank does leading ones.
func trimRightBlank(s string) string {
	for len(s) > 0 {
		switch {
		case s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:len(s)-2]
		case strings.HasSuffix(s, "\u3000"):
			s = s[:len(s)-3]
		default:
			return s
		}
	}
	return s
}

// Indent returns the display width of line's leading white space (a tab
// counts 8).
func Indent(line string) int {
	n := 0
	for _, r := range line {
		switch r {
		case ' ', '\u00a0', '\u3000':
			n++
		case '\t':
			n += 8
		default:
			return n
		}
	}
	return n
}

// IsPlaceholder reports whether line holds an unrendered template tag such
// as {{playListTitle}} or {% block %}.
func IsPlaceholder(line string) bool {
	if strings.IndexByte(line, '{') < 0 && strings.IndexByte(line, '}') < 0 {
		return false
	}
	return strings.Contains(line, "{{") || strings.Contains(line, "}}") ||
		strings.Contains(line, "{%") || strings.Contains(line, "%}")
}

// IsMedia reports whether line is only bracketed groups such as w3m's
// [image alt], [INS::INS] or a form field [          ], with at most a few
// short words around them.
func IsMedia(line string) bool {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, "[") {
		return false
	}
	inside, outside, groups := 0, 0, 0
	depth := 0
	for _, r := range s {
		switch {
		case r == '[':
			if depth == 0 {
				groups++
			}
			depth++
		case r == ']':
			if depth > 0 {
				depth--
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if depth > 0 {
				inside++
			} else {
				outside++
			}
		}
	}
	if groups == 0 || outside > 12 {
		return false
	}
	// A bracketed sentence is an editorial note, not an image.
	if groups == 1 && inside > 60 && strings.Count(s, " ") > 8 {
		return false
	}
	return true
}

// labelForm normalises s for matching word lists: lower case, typographic
// apostrophes made ASCII, every run of characters other than letters,
// digits, apostrophes and hyphens collapsed to one space, trimmed.
func labelForm(s string) string {
	var b strings.Builder
	b.Grow(len(s))
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

// lowerForm is s in lower case with typographic apostrophes made ASCII,
// for phrase search.
func lowerForm(s string) string {
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

// prefixIn reports whether the first one to maxWords words of the label
// form f make an entry of set, and returns the number of words matched.
func prefixIn(f string, set map[string]struct{}, maxWords int) int {
	end := 0
	best := 0
	for n := 1; n <= maxWords && end < len(f); n++ {
		next := strings.IndexByte(f[end:], ' ')
		if next < 0 {
			end = len(f)
		} else {
			end += next
		}
		if _, ok := set[f[:end]]; ok {
			best = n
		}
		end++
	}
	return best
}

// norm holds the forms of a line the word-list tests look at, computed
// once per line.
type norm struct {
	s   string // trimmed, bullet removed
	f   string // label form: lower case words, punctuation dropped
	low string // lower case, ASCII apostrophes
}

func normOf(line string) norm {
	s := TrimBullet(line)
	return norm{s: s, f: labelForm(s), low: lowerForm(s)}
}

// IsUILabel reports whether line, as a whole, is a UI label of page chrome
// ("Share", "Subscribe", "Publicité", "Menu"...).
func IsUILabel(line string) bool {
	_, ok := uiLabels[labelForm(TrimBullet(line))]
	return ok
}

// IsEndHeading reports whether line, as a whole, opens what follows an
// article for good: reader comments, a comment form, an author bio ("About
// Jane Doe") or a company boilerplate ("About Acme").
func IsEndHeading(line string) bool { return normOf(line).endHeading() }

func (n norm) endHeading() bool {
	if _, ok := endHeadings[n.f]; ok {
		return true
	}
	// "3 Comments", "Comments (12)", "12 commentaires".
	g := strings.TrimLeft(n.f, "0123456789 ")
	if _, ok := endHeadings[g]; ok && g != n.f {
		return true
	}
	words := strings.Fields(g)
	if t, _ := sentenceEnd(n.s); !t && len(words) >= 2 && len(words) <= 4 {
		if _, ok := commentNouns[words[len(words)-1]]; ok {
			return true // "Top Rated Comments", "Reader comments"
		}
	}
	if k := prefixIn(n.f, aboutMarkers, 3); k > 0 {
		rest := strings.Fields(n.s)
		if len(rest) > k && len(rest) <= k+4 && allCapitalized(rest[k:]) {
			return true
		}
	}
	return false
}

// IsRelatedHeading reports whether line, as a whole, is a heading that opens
// a list of other articles, a comment section or tags ("Related",
// "Articles similaires", "Lire aussi", "Comments").
func IsRelatedHeading(line string) bool { return normOf(line).relatedHeading() }

func (n norm) relatedHeading() bool {
	if _, ok := relatedHeadings[n.f]; ok {
		return true
	}
	// "3 Comments", "Comments (12)".
	g := strings.TrimLeft(n.f, "0123456789 ")
	if g != n.f {
		if _, ok := relatedHeadings[g]; ok {
			return true
		}
	}
	if n.endHeading() {
		return true
	}
	// "Latest Stories", "More Videos", "Latest News": a short label ending
	// with the name of a list of other content.
	words := strings.Fields(g)
	if t, _ := sentenceEnd(n.s); t || len(words) < 2 || len(words) > 4 {
		return false
	}
	last := words[len(words)-1]
	if _, ok := relatedNouns[last]; ok {
		return true
	}
	if _, ok := relatedQualifiers[words[0]]; ok {
		_, news := newsNouns[last]
		return news
	}
	return false
}

// IsShareRow reports whether most words of line name share targets or
// share actions ("Facebook Twitter linkedin WhatsApp Email"), or line
// invites to follow the site on several networks.
func IsShareRow(line string) bool { return normOf(line).shareRow() }

func (n norm) shareRow() bool {
	words, hit, follow := 0, 0, false
	for w := range strings.FieldsSeq(n.f) {
		words++
		if _, ok := socialWords[w]; ok {
			hit++
		}
		if words == 1 {
			_, follow = followVerbs[w]
		}
	}
	// "Follow us on Facebook, Twitter and YouTube."
	if follow && hit >= 2 && words <= 16 {
		return true
	}
	return words >= 2 && hit*3 >= words*2
}

// IsByline reports whether line is a byline: a byline marker ("By", "Par",
// "Written by", "Auteur") followed by at most a few capitalised name words,
// or the marker alone (w3m often puts the name on the next line).
func IsByline(line string) bool { return normOf(line).byline() }

func (n norm) byline() bool {
	k := prefixIn(n.f, bylineMarkers, 4)
	if k == 0 {
		return false
	}
	words := strings.Fields(n.s)
	if len(words) > k+8 {
		return false
	}
	var rest []string
	for _, w := range words[min(k, len(words)):] {
		if strings.IndexFunc(w, isWordRune) >= 0 { // skip lone ":" or "-"
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return true
	}
	if strings.HasSuffix(n.s, ".") && len(rest) > 3 {
		return false // "By the way, ..." style sentence
	}
	names := 0
	for _, w := range rest {
		w = strings.TrimLeft(w, ":,;-–—(\"'«“")
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || r == '@':
			names++
		case isConnector(strings.ToLower(w)):
			names++
		}
	}
	return names*4 >= len(rest)*3
}

// BylineName returns the names a byline gives, without its marker:
// "Par Jean Dupont" gives "Jean Dupont", "By Jane Doe and John Roe" gives
// "Jane Doe and John Roe", a lone "By" gives "". ok is false when line is
// not a byline.
func BylineName(line string) (name string, ok bool) {
	n := normOf(line)
	if !n.byline() {
		return "", false
	}
	k := prefixIn(n.f, bylineMarkers, 4)
	rest := n.s
	for range k {
		rest = strings.TrimLeft(rest, " :,;-–—\t")
		i := strings.IndexAny(rest, " \t:")
		if i < 0 {
			return "", true
		}
		rest = rest[i:]
	}
	return strings.Trim(rest, " :,;-–—\t"), true
}

// allCapitalized reports whether every word starts with an upper-case
// letter or a digit, connectors aside.
func allCapitalized(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !isConnector(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

func isConnector(w string) bool {
	switch w {
	case "and", "et", "y", "e", "und", "en", "&", "-", "–", "|", "/", "de", "du", "van", "von", "da", "di", "del", "le", "la", "des", "dos", "bin", "ben", "el", "al":
		return true
	}
	return false
}

// IsReadingTime reports whether line gives a reading time ("5 min read",
// "2 mn(s) de lecture").
func IsReadingTime(line string) bool { return normOf(line).readingTime() }

func (n norm) readingTime() bool {
	if len(n.low) > 60 || !strings.ContainsAny(n.low, "0123456789") {
		return false
	}
	return readingTimeWords.match(n.low)
}

// IsCopyright reports whether line is a copyright or rights notice.
func IsCopyright(line string) bool { return normOf(line).copyright() }

func (n norm) copyright() bool {
	s := n.low
	if len(s) > 1200 {
		return false
	}
	return strings.HasPrefix(s, "(c) ") || strings.HasPrefix(s, "copyright") || copyrightPhrases.match(s)
}

// IsCredit reports whether line is a photo credit or caption carrying a
// credit marker ("© Reuters / John Doe", "Photo : AFP").
func IsCredit(line string) bool {
	n := normOf(line)
	return len(n.low) <= 1600 && creditMarkers.match(n.low)
}

// HasDate reports whether line contains a date: a month name next to a
// day or year number, or a numeric date such as 2023-09-02 or 02/09/2023.
func HasDate(line string) bool {
	_, has := dateScore(line)
	return has
}

// IsDateLine reports whether line is (almost) only a date or timestamp,
// possibly with words like "Published", "Mis à jour le", "Updated".
func IsDateLine(line string) bool {
	frac, has := dateScore(line)
	return has && frac >= 0.6
}

// dateScore returns the share of date-like tokens in line and whether it
// holds a date at all. Lines over 32 tokens score 0.
func dateScore(line string) (float64, bool) {
	return dateScoreLow(lowerForm(line))
}

// dateScoreLow is dateScore on a line already in lower case.
func dateScoreLow(s string) (float64, bool) {
	var toks [32]string
	n := 0
	has := numericDate(s)
	for t := range tokens(s) {
		if n == len(toks) {
			return 0, has
		}
		toks[n] = t
		n++
	}
	if n == 0 {
		return 0, false
	}
	// Months, weekdays and numbers are the date itself; filler words
	// ("le", "à", "updated", "am") may surround it. A date line is mostly
	// date, with at least a third of its tokens date parts proper.
	core, filler := 0, 0
	for i := 0; i < n; i++ {
		t := toks[i]
		switch {
		case isMonth(t):
			core++
			for j := max(0, i-2); j <= min(n-1, i+2); j++ {
				if j != i && isDayOrYear(toks[j]) {
					has = true
				}
			}
		case isNumberish(t):
			core++
		default:
			if _, ok := weekdayNames[t]; ok {
				core++
			} else if _, ok := dateFiller[t]; ok {
				filler++
			}
		}
	}
	if core*3 < n {
		return float64(core) / float64(n), has
	}
	return float64(core+filler) / float64(n), has
}

func isMonth(t string) bool {
	_, ok := monthNames[t]
	return ok
}

// isDayOrYear reports a 1-2 digit day (1-31, optionally "1er"/"1st") or a
// 4-digit year.
func isDayOrYear(t string) bool {
	d := 0
	for d < len(t) && t[d] >= '0' && t[d] <= '9' {
		d++
	}
	if d == 0 {
		return false
	}
	switch t[d:] {
	case "", "st", "nd", "rd", "th", "er", "e", "º", "°":
	default:
		return false
	}
	if d == 4 {
		return t[0] == '1' || t[0] == '2'
	}
	if d > 2 {
		return false
	}
	v := int(t[0] - '0')
	if d == 2 {
		v = v*10 + int(t[1]-'0')
	}
	return v >= 1 && v <= 31
}

// isNumberish reports tokens made of digits with an optional short suffix
// (19th, 11h51, 1er).
func isNumberish(t string) bool {
	d := 0
	for d < len(t) && t[d] >= '0' && t[d] <= '9' {
		d++
	}
	return d > 0 && len(t)-d <= 3
}

// numericDate finds 2023-09-02, 2023/09/02, 02/09/2023, 02.09.2023 or 2/9/23.
func numericDate(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' || (i > 0 && s[i-1] >= '0' && s[i-1] <= '9') {
			continue
		}
		a := digits(s[i:])
		if a == 0 || i+a >= len(s) {
			continue
		}
		sep := s[i+a]
		if sep != '-' && sep != '/' && sep != '.' {
			continue
		}
		j := i + a + 1
		b := digits(s[j:])
		if b == 0 || b > 2 || j+b >= len(s) || s[j+b] != sep {
			continue
		}
		k := j + b + 1
		c := digits(s[k:])
		if k+c < len(s) && s[k+c] >= '0' && s[k+c] <= '9' {
			continue
		}
		if (a == 4 && c >= 1 && c <= 2) || (a <= 2 && (c == 4 || c == 2)) {
			return true
		}
	}
	return false
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 4 {
		return 0
	}
	return n
}

// tokens yields the \w-like tokens of s: maximal runs of letters, digits
// and marks. Apostrophes and hyphens split tokens ("l'état" gives "l",
// "état"), so elided articles count as stopwords.
func tokens(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		start := -1
		for i, r := range s {
			w := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') ||
				r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
			if w {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if !yield(s[start:i]) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(s[start:])
		}
	}
}

// Words returns the \w-like tokens of s (letters, digits and marks runs).
func Words(s string) []string {
	var out []string
	for t := range tokens(s) {
		out = append(out, t)
	}
	return out
}

// StopwordRatio returns the share of s's words that are stopwords of the
// language whose list matches best, and that language.
func StopwordRatio(s string) (float64, Language) {
	n, stop, lang := countWords(s)
	if n == 0 {
		return 0, lang
	}
	return float64(stop) / float64(n), lang
}

// countWords counts s's tokens, those that are stopwords of the best
// language, and tokens starting with an upper-case letter.
func countWords(s string) (n, stop int, lang Language) {
	n, stop, lang, _, _ = countWordsCaps(s)
	return
}

// countWordsCaps also counts capitalised tokens and characters of scripts
// written without spaces.
func countWordsCaps(s string) (n, stop int, lang Language, caps, wide int) {
	var per [numLanguages]int
	var buf [64]byte
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
		if len(t) > maxStopwordLen {
			continue
		}
		var m uint16
		if isLowerASCII(t) {
			m = stopwords[t]
		} else {
			m = stopwords[string(lowerInto(buf[:0], t))]
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

// isLowerASCII reports whether t is only lower-case ASCII letters and
// digits.
func isLowerASCII(t string) bool {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// lowerInto appends the lower-case form of t to b.
func lowerInto(b []byte, t string) []byte {
	ascii := true
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
		}
		return b
	}
	for _, r := range t {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// Width returns the display width of s in terminal columns: wide East
// Asian characters count two, combining marks and zero-width characters
// zero.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeWidth(r)
		i += size
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r < 0x300:
		if r < 0x20 {
			return 0
		}
		return 1
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0xfeff || unicode.Is(unicode.Mn, r):
		return 0
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf && r != 0x303f,
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f,
		r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1faff,
		r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// isWideScript reports whether r belongs to a script written without
// spaces between words (Han, Kana, Hangul, Thai...), where word counts are
// meaningless and characters are counted instead.
func isWideScript(r rune) bool {
	return r >= 0x2e80 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff ||
		r >= 0x0e00 && r <= 0x0e7f || r >= 0x20000 && r <= 0x3fffd
}

// AnalyzeLine describes one line of a dump on its own.
func AnalyzeLine(line string) Line {
	var l Line
	l.Indent = Indent(line)
	trimmed := trimRightBlank(line)
	l.Width = Width(trimmed)
	s := trimLeftBlank(trimmed)
	if rest, ok := cutBullet(s); ok {
		l.Bullet = true
		s = rest
	}
	s = strings.TrimSpace(s)
	l.Text = s
	if s != "" {
		l.TextCol = l.Width - Width(s)
	}
	var wide int
	l.Words, l.Stop, _, l.Capitalized, wide = countWordsCaps(s)
	if wide > 0 {
		// Count two wide characters as one word; assume prose shape from
		// punctuation since there are no stopwords to look at.
		l.Words += wide/2 - min(l.Words, wide/2)
		if strings.ContainsAny(s, "，。、；") {
			l.Stop = l.Words * 3 / 10
		}
	}
	if l.Words == 0 {
		if IsPlaceholder(s) {
			l.Kind = Placeholder
		} else if IsMedia(s) {
			l.Kind = Media
		}
		return l // Blank otherwise
	}
	l.Cells = countCells(s)
	l.Upper = startsUpper(s)
	l.Terminal, l.Ellipsis = sentenceEnd(s)
	l.Punct = innerPunct(s)
	// The word-list tests only apply to lines up to a length; skip the
	// normalisation work for long prose.
	n := norm{s: s}
	if l.Words <= 120 {
		n.low = lowerForm(s)
	}
	if l.Words <= 40 {
		n.f = labelForm(s)
	}
	frac := 0.0
	if l.Words <= 30 && strings.ContainsAny(s, "0123456789") {
		frac, l.HasDate = dateScoreLow(n.low)
	}
	l.Kind = classify(&l, n, frac)
	return l
}

// classify assigns the line's kind from its text and counts. n.f is set
// for lines up to 40 words, n.low up to 120.
func classify(l *Line, n norm, dateFrac float64) Kind {
	s := n.s
	switch {
	case IsPlaceholder(s):
		return Placeholder
	case IsMedia(s):
		return Media
	}
	if l.Words > 120 {
		if l.Words <= 250 && endsWithCredit(lowerForm(s[max(0, len(s)-120):])) {
			return Credit
		}
		return Text
	}
	if l.Words <= 8 {
		if n.relatedHeading() {
			return RelatedHeading
		}
		if _, ok := uiLabels[n.f]; ok {
			return UI
		}
	}
	if l.Words <= 12 {
		if n.readingTime() {
			return ReadingTime
		}
		if n.byline() {
			return Byline
		}
	}
	if l.Words <= 16 && n.commentHeader() {
		return CommentHeader
	}
	if l.HasDate && dateFrac >= 0.6 && l.Words <= 16 {
		return DateLine
	}
	if l.Words <= 40 {
		if n.shareRow() {
			return ShareRow
		}
		if n.copyright() {
			return Copyright
		}
	}
	if hasFormField(s) {
		return UI
	}
	if l.Words <= 25 && prefixIn(n.f, inlineRelated, 4) > 0 && hasLinkSep(s) {
		return InlineRelated
	}
	low := n.low
	switch {
	case l.Words <= 100 && strings.Contains(low, "cookie"):
		return UI
	case l.Words <= 30 && uiPhrases.match(low):
		return UI
	case l.Words <= 12 && creditMarkers.match(low), l.Words <= 40 && !l.Terminal && creditMarkers.match(low):
		return Credit
	case l.Words <= 250 && endsWithCredit(low):
		return Credit
	case l.Words <= 120 && hasPrefixAny(low, captionStarts):
		return Credit
	}
	return Text
}

// hasFormField reports whether s holds a rendered form control: an empty
// text field "[        ]", a checkbox "[ ]" or "[X]" followed by a label,
// or a radio button "( )".
func hasFormField(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '[' && s[i] != '(' {
			continue
		}
		closer := byte(']')
		if s[i] == '(' {
			closer = ')'
		}
		j := i + 1
		for j < len(s) && (s[j] == ' ' || s[j] == '_') {
			j++
		}
		if j < len(s) && s[j] == closer && (j-i > 3 || s[i] == '[' && j-i == 2 || j-i == 2 && i == 0) {
			return true
		}
		if s[i] == '[' && j == i+1 && i+2 < len(s) && (s[i+1] == 'X' || s[i+1] == '*') && s[i+2] == ']' && i == 0 {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// IsCommentHeader reports whether line introduces a reader comment:
// "jdoe says:", "Jane on May 3, 2019 at 4:47 pm said:", "Marie a écrit :".
func IsCommentHeader(line string) bool { return normOf(line).commentHeader() }

func (n norm) commentHeader() bool {
	s := strings.TrimRight(n.low, " ")
	if !strings.HasSuffix(s, ":") && !strings.HasSuffix(s, " says") {
		return false
	}
	s = strings.TrimRight(strings.TrimSuffix(s, ":"), " ")
	for _, v := range commentVerbs {
		if strings.HasSuffix(s, " "+v) {
			return true
		}
	}
	return false
}

// endsWithCredit reports whether a long caption ends with a photo credit:
// "... (Photo by Jane Doe/Getty Images)".
func endsWithCredit(low string) bool {
	tail := low[max(0, len(low)-80):]
	return strings.Contains(tail, "photo by") || strings.Contains(tail, "getty images") ||
		strings.Contains(tail, "photo credit") || strings.Contains(tail, "crédit photo") ||
		strings.Contains(tail, "photo :") || strings.Contains(tail, "photo:")
}

// hasLinkSep reports whether an inline-related line has the shape
// "Label: headline" or "LABEL headline" rather than being a sentence that
// happens to start with "Watch" or "Follow".
func hasLinkSep(s string) bool {
	i := strings.IndexAny(s, ":|»>→")
	if i >= 0 && i < 40 {
		return true
	}
	// "Also on rt.com Journalists...": the label is followed by a
	// capitalised headline without punctuation at the end.
	t, _ := sentenceEnd(s)
	return !t
}

func startsUpper(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			return true
		case unicode.IsLetter(r):
			return unicode.Is(unicode.Lo, r) // scripts without case
		case strings.ContainsRune("\"'«“‘„¿¡([—–- \u00a0\u202f", r):
			continue
		default:
			return false
		}
	}
	return false
}

// sentenceEnd reports whether s ends like a sentence, and whether it ends
// with an ellipsis.
func sentenceEnd(s string) (terminal, ellipsis bool) {
	s = strings.TrimRight(s, " \"'»”’)]*")
	if s == "" {
		return false, false
	}
	if strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…") || strings.HasSuffix(s, "[…]") || strings.HasSuffix(s, "[...]") {
		return true, true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '.', '!', '?', '。', '！', '？', ';':
		return true, false
	}
	return false, false
}

// countCells counts the runs of text of s separated by three spaces or
// more.
func countCells(s string) int {
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

// innerPunct counts commas, semicolons, colons and periods inside s.
func innerPunct(s string) int {
	n := 0
	for i := 0; i < len(s)-1; i++ {
		switch s[i] {
		case ',', ';', ':', '.':
			n++
		}
	}
	return n
}
