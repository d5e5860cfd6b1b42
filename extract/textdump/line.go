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
	return l.Cells >= 3 && hasASCIIDigit(l.Text)
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
	var arr [256]byte
	return string(appendLabelForm(arr[:0], s))
}

// appendLabelForm appends the label form of s to b.
func appendLabelForm(b []byte, s string) []byte {
	start := len(b)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'':
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = len(b) > start
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == 'ʼ':
			r = '\''
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = len(b) > start
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = utf8.AppendRune(b, r)
	}
	// Trim "-' " on both ends, as strings.Trim does.
	e := len(b)
	for e > start && (b[e-1] == '-' || b[e-1] == '\'' || b[e-1] == ' ') {
		e--
	}
	k := start
	for k < e && (b[k] == '-' || b[k] == '\'' || b[k] == ' ') {
		k++
	}
	if k > start {
		n := copy(b[start:], b[k:e])
		e = start + n
	}
	return b[:e]
}

// lowerForm is s in lower case with typographic apostrophes made ASCII,
// for phrase search.
func lowerForm(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			var arr [256]byte
			return string(appendLowerForm(append(arr[:0], s[:i]...), s[i:]))
		}
	}
	return s
}

// appendLowerForm appends the lower form of s to b. Invalid UTF-8 bytes
// become U+FFFD, as strings.Map makes them.
func appendLowerForm(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '’' || r == 'ʼ':
			b = append(b, '\'')
			continue
		case unicode.IsSpace(r):
			b = append(b, ' ')
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// forms returns the lower form of s and, with label, its label form,
// built in one pass and allocated as one string, and keyOf(s).
func forms(s string, label bool) (low, f string, key uint64) {
	var larr [512]byte
	var farr [256]byte
	lb, fb := larr[:0], farr[:0]
	space := false
	// keyOf's hash, computed on the way.
	h := uint64(fnvOffset64)
	kspace, kstarted := false, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			lb = append(lb, c)
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
				if kspace {
					h = (h ^ ' ') * fnvPrime64
					kspace = false
				}
				kstarted = true
				h = (h ^ uint64(c)) * fnvPrime64
			} else {
				kspace = kstarted
			}
			if !label {
				continue
			}
			if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '\'' {
				if space {
					fb = append(fb, ' ')
					space = false
				}
				fb = append(fb, c)
			} else {
				space = len(fb) > 0
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		var lr rune
		word := true
		keyRune := rune(-1) // what keyOf hashes, -1 for a separator
		switch {
		case r == '’':
			lr = '\''
		case r == 'ʼ': // a letter (modifier apostrophe) for keyOf
			lr, keyRune = '\'', r
		case unicode.IsSpace(r):
			lr, word = ' ', false
		default:
			lr = unicode.ToLower(r)
			word = !isPunctBlock(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
			if word {
				keyRune = lr
			}
		}
		lb = utf8.AppendRune(lb, lr)
		if keyRune >= 0 {
			if kspace {
				h = (h ^ ' ') * fnvPrime64
				kspace = false
			}
			kstarted = true
			var rb [utf8.UTFMax]byte
			for _, x := range utf8.AppendRune(rb[:0], keyRune) {
				h = (h ^ uint64(x)) * fnvPrime64
			}
		} else {
			kspace = kstarted
		}
		if !label {
			continue
		}
		if !word {
			space = len(fb) > 0
			continue
		}
		if space {
			fb = append(fb, ' ')
			space = false
		}
		fb = utf8.AppendRune(fb, lr)
	}
	// Trim "-' " on both ends, as labelForm does.
	e := len(fb)
	for e > 0 && (fb[e-1] == '-' || fb[e-1] == '\'' || fb[e-1] == ' ') {
		e--
	}
	k := 0
	for k < e && (fb[k] == '-' || fb[k] == '\'' || fb[k] == ' ') {
		k++
	}
	n := len(lb)
	all := string(append(lb, fb[k:e]...))
	return all[:n], all[n:], h
}

// prefixIn reports whether the first one to maxWords words of the label
// form f make an entry of set, and returns the number of words matched.
// start is the wordFlags flag of the words that start an entry of set.
func prefixIn(f string, set map[string]struct{}, start uint32, maxWords int) int {
	first := f
	if i := strings.IndexByte(f, ' '); i >= 0 {
		first = f[:i]
	}
	if flagTable.get(first)&start == 0 {
		return 0 // no entry starts with f's first word
	}
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
	low, f, _ := forms(s, true)
	return norm{s: s, f: f, low: low}
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
	g := trimNumbers(n.f)
	cnt, _, last := fieldsInfo(g)
	t, _ := sentenceEnd(n.s)
	var gf uint32
	if g != n.f {
		gf = flagTable.get(g)
	}
	return n.endHeadingOf(flagTable.get(n.f), gf, cnt, last, t)
}

// endHeadingOf is endHeading given the wordFlags of the label form (ff)
// and of the label form without leading numbers (gf, 0 when there are
// none), the count and last of the latter's words, and whether the line
// ends like a sentence.
func (n norm) endHeadingOf(ff, gf uint32, cnt int, last string, terminal bool) bool {
	// "3 Comments", "Comments (12)", "12 commentaires".
	if (ff|gf)&inEndHeadings != 0 {
		return true
	}
	if !terminal && cnt >= 2 && cnt <= 4 && flagTable.get(last)&inCommentNouns != 0 {
		return true // "Top Rated Comments", "Reader comments"
	}
	if k := prefixIn(n.f, aboutMarkers, startsAbout, 3); k > 0 {
		rest := strings.Fields(n.s)
		if len(rest) > k && len(rest) <= k+4 && allCapitalized(rest[k:]) {
			return true
		}
	}
	return false
}

// trimNumbers removes the leading digits and spaces of a label form.
func trimNumbers(f string) string {
	i := 0
	for i < len(f) && (f[i] >= '0' && f[i] <= '9' || f[i] == ' ') {
		i++
	}
	return f[i:]
}

// fieldsInfo returns the number of space-separated fields of s, the first
// and the last, as strings.Fields would give them.
func fieldsInfo(s string) (n int, first, last string) {
	for w := range strings.FieldsSeq(s) {
		if n == 0 {
			first = w
		}
		last = w
		n++
	}
	return n, first, last
}

// IsRelatedHeading reports whether line, as a whole, is a heading that opens
// a list of other articles, a comment section or tags ("Related",
// "Articles similaires", "Lire aussi", "Comments").
func IsRelatedHeading(line string) bool {
	n := normOf(line)
	return n.relatedHeading(flagTable.get(n.f))
}

// relatedHeading is IsRelatedHeading given the wordFlags of the label form.
func (n norm) relatedHeading(ff uint32) bool {
	if ff&inRelatedHeadings != 0 {
		return true
	}
	// "3 Comments", "Comments (12)".
	g := trimNumbers(n.f)
	var gf uint32
	if g != n.f {
		gf = flagTable.get(g)
		if gf&inRelatedHeadings != 0 {
			return true
		}
	}
	cnt, first, last := fieldsInfo(g)
	t, _ := sentenceEnd(n.s)
	if n.endHeadingOf(ff, gf, cnt, last, t) {
		return true
	}
	// "Latest Stories", "More Videos", "Latest News": a short label ending
	// with the name of a list of other content.
	if t || cnt < 2 || cnt > 4 {
		return false
	}
	lf := flagTable.get(last)
	if lf&inRelatedNouns != 0 {
		return true
	}
	if flagTable.get(first)&inRelatedQualifiers != 0 {
		return lf&inNewsNouns != 0
	}
	return false
}

// IsShareRow reports whether most words of line name share targets or
// share actions ("Facebook Twitter linkedin WhatsApp Email"), or line
// invites to follow the site on several networks.
func IsShareRow(line string) bool { return normOf(line).shareRow() }

func (n norm) shareRow() bool {
	total := 0
	if n.f != "" {
		// The label form has single spaces between its words.
		total = strings.Count(n.f, " ") + 1
	}
	words, hit, follow := 0, 0, false
	for w := range strings.FieldsSeq(n.f) {
		words++
		wf := flagTable.get(w)
		if wf&inSocialWords != 0 {
			hit++
		}
		if words == 1 {
			follow = wf&inFollowVerbs != 0
		}
		// Stop as soon as the remaining words could not make a share row.
		if !(follow && total <= 16) && (hit+total-words)*3 < total*2 {
			return false
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
	k := prefixIn(n.f, bylineMarkers, startsByline, 4)
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
	k := prefixIn(n.f, bylineMarkers, startsByline, 4)
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
	if len(n.low) > 60 || !hasASCIIDigit(n.low) {
		return false
	}
	return readingTimeWords.match(n.low)
}

// IsCopyright reports whether line is a copyright or rights notice.
func IsCopyright(line string) bool { return normOf(line).copyright() }

func (n norm) copyright() bool { return n.copyrightGiven(copyrightPhrases.match(n.low)) }

// copyrightGiven is copyright given whether n.low holds a copyright
// phrase.
func (n norm) copyrightGiven(phrase bool) bool {
	s := n.low
	if len(s) > 1200 {
		return false
	}
	return strings.HasPrefix(s, "(c) ") || strings.HasPrefix(s, "copyright") || phrase
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
		f := flagTable.get(t)
		switch {
		case f&inMonthNames != 0:
			core++
			for j := max(0, i-2); j <= min(n-1, i+2); j++ {
				if j != i && isDayOrYear(toks[j]) {
					has = true
				}
			}
		case isNumberish(t):
			core++
		default:
			if f&inWeekdayNames != 0 {
				core++
			} else if f&inDateFiller != 0 {
				filler++
			}
		}
	}
	if core*3 < n {
		return float64(core) / float64(n), has
	}
	return float64(core+filler) / float64(n), has
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
				r >= utf8.RuneSelf && r != utf8.RuneError && !isPunctBlock(r) && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
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
// written without spaces. It reads the tokens as tokens yields them.
func countWordsCaps(s string) (n, stop int, lang Language, caps, wide int) {
	// Tokens are read as tokens yields them, lower-cased and hashed on the
	// way for the stopword lookup.
	var c wordCounter
	start := -1
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_':
			case b >= 'A' && b <= 'Z':
				if start < 0 {
					c.caps++
				}
				b += 'a' - 'A'
			default:
				if start >= 0 {
					c.end(i - start)
					start = -1
				}
				i++
				continue
			}
			if start < 0 {
				start = i
				c.begin(false)
			}
			c.addByte(b)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || isPunctBlock(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)) {
			if start >= 0 {
				c.end(i - start)
				start = -1
			}
			i += size
			continue
		}
		if start < 0 {
			start = i
			c.begin(true)
			if unicode.IsUpper(r) {
				c.caps++
			}
		}
		if c.wideFirst && isWideScript(r) {
			c.tokWide++
		}
		var rb [utf8.UTFMax]byte
		for _, x := range utf8.AppendRune(rb[:0], unicode.ToLower(r)) {
			c.addByte(x)
		}
		i += size
	}
	if start >= 0 {
		c.end(len(s) - start)
	}
	for l := Language(0); l < numLanguages; l++ {
		if c.per[l] > stop {
			stop, lang = c.per[l], l
		}
	}
	return c.n, stop, lang, c.caps, c.wide
}

// wordCounter accumulates countWordsCaps's counts and the token being
// read: its lower-case form, as far as buf holds it.
type wordCounter struct {
	n, caps, wide int
	per           [numLanguages]int
	buf           [64]byte
	len           int  // bytes of the lower-case form
	wideFirst     bool // the token starts with a non-ASCII rune
	tokWide       int  // characters of wide scripts in the token
}

func (c *wordCounter) begin(nonASCII bool) {
	c.len, c.wideFirst, c.tokWide = 0, nonASCII, 0
}

func (c *wordCounter) addByte(b byte) {
	if c.len < len(c.buf) {
		c.buf[c.len] = b
	}
	c.len++
}

// end counts the token read, of n bytes in the text.
func (c *wordCounter) end(n int) {
	c.n++
	c.wide += c.tokWide
	if n > maxStopwordLen || c.len > len(c.buf) {
		return
	}
	lw := c.buf[:c.len]
	if !maybeStopword(string(lw)) {
		return
	}
	h := strHashInit
	for _, b := range lw {
		h = strHashStep(h, b)
	}
	m := stopTable.getHashed(h, lw)
	for m != 0 {
		l := bits.TrailingZeros16(m)
		c.per[l]++
		m &^= 1 << l
	}
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
		if i+8 <= len(s) {
			// Eight printable ASCII bytes at once: none has the high bit
			// set, none is below 0x20.
			w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
				uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
			if w&0x8080808080808080 == 0 && (w-0x2020202020202020)&^w&0x8080808080808080 == 0 {
				n += 8
				i += 8
				continue
			}
		}
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
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0xfeff || !isPunctBlock(r) && unicode.Is(unicode.Mn, r):
		return 0
	case r >= 0x1100 && r <= 0x115f, r >= 0x2e80 && r <= 0xa4cf && r != 0x303f,
		r >= 0xac00 && r <= 0xd7a3, r >= 0xf900 && r <= 0xfaff, r >= 0xfe30 && r <= 0xfe4f,
		r >= 0xff00 && r <= 0xff60, r >= 0xffe0 && r <= 0xffe6, r >= 0x1f300 && r <= 0x1faff,
		r >= 0x20000 && r <= 0x3fffd:
		return 2
	}
	return 1
}

// isPunctBlock reports whether r is in Unicode's General Punctuation
// block (U+2000-U+206F: dashes, curly quotes, bullets, ellipsis, spaces),
// which holds no letter, digit or mark: frequent in dumps, these runes
// skip the table searches of package unicode.
func isPunctBlock(r rune) bool { return r >= 0x2000 && r <= 0x206f }

// isWideScript reports whether r belongs to a script written without
// spaces between words (Han, Kana, Hangul, Thai...), where word counts are
// meaningless and characters are counted instead.
func isWideScript(r rune) bool {
	return r >= 0x2e80 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7a3 || r >= 0xf900 && r <= 0xfaff ||
		r >= 0x0e00 && r <= 0x0e7f || r >= 0x20000 && r <= 0x3fffd
}

// AnalyzeLine describes one line of a dump on its own.
func AnalyzeLine(line string) Line {
	l, _ := analyzeLine(line, nil)
	return l
}

// analyzeLine is AnalyzeLine, also returning keyOf(Text); sh, when not
// nil, is the shape of the line (not blank), whose widths are then not
// computed again.
func analyzeLine(line string, sh *lineShape) (l Line, key uint64) {
	trimmed := trimRightBlank(line)
	if sh != nil {
		l.Indent, l.Width = sh.indent, sh.width
	} else {
		l.Indent = Indent(line)
		l.Width = Width(trimmed)
	}
	s := trimLeftBlank(trimmed)
	if rest, ok := cutBullet(s); ok {
		l.Bullet = true
		s = rest
	}
	rest := s
	s = strings.TrimSpace(s)
	l.Text = s
	switch {
	case s == "":
	case sh != nil && len(s) == len(rest):
		l.TextCol = sh.textCol // the shape measured the same text
	default:
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
		return l, keyOf(s) // Blank otherwise
	}
	var digit bool
	l.Cells, l.Punct, digit = byteCounts(s)
	l.Upper = startsUpper(s)
	l.Terminal, l.Ellipsis = sentenceEnd(s)
	// The word-list tests only apply to lines up to a length; skip the
	// normalisation work for long prose.
	n := norm{s: s}
	if l.Words <= 120 {
		n.low, n.f, key = forms(s, l.Words <= 40)
	} else {
		key = keyOf(s)
	}
	frac := 0.0
	if l.Words <= 30 && digit {
		frac, l.HasDate = dateScoreLow(n.low)
	}
	l.Kind = classify(&l, n, frac)
	return l, key
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
		ff := flagTable.get(n.f)
		if n.relatedHeading(ff) {
			return RelatedHeading
		}
		if ff&inUILabels != 0 {
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
	// uiPhrases and copyrightPhrases are looked for in one scan.
	var phraseBits uint8
	if l.Words <= 40 {
		if n.shareRow() {
			return ShareRow
		}
		phraseBits = uiCopyright.matchBits(n.low)
		if n.copyrightGiven(phraseBits&bitCopyrightPhrase != 0) {
			return Copyright
		}
	}
	if hasFormField(s) {
		return UI
	}
	if l.Words <= 25 && prefixIn(n.f, inlineRelated, startsInlineRelated, 4) > 0 && hasLinkSep(s) {
		return InlineRelated
	}
	low := n.low
	switch {
	case l.Words <= 100 && strings.Contains(low, "cookie"):
		return UI
	case l.Words <= 30 && phraseBits&bitUIPhrase != 0:
		return UI
	case l.Words <= 12 && creditMarkers.match(low), l.Words <= 40 && !l.Terminal && creditMarkers.match(low):
		return Credit
	case l.Words <= 250 && endsWithCredit(low):
		return Credit
	case l.Words <= 120 && low != "" && hasPrefixAny(low, captionStartsBy[low[0]]):
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
	if !strings.Contains(tail, "photo") {
		return strings.Contains(tail, "getty images")
	}
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
	s = trimClosers(s)
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

// trimClosers removes the spaces, closing quotes, brackets and
// asterisks that may follow the end of a sentence, as
// strings.TrimRight(s, " \"'»”’)]*") does.
func trimClosers(s string) string {
	for len(s) > 0 {
		switch c := s[len(s)-1]; {
		case c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']' || c == '*':
			s = s[:len(s)-1]
		case strings.HasSuffix(s, "»"):
			s = s[:len(s)-len("»")]
		case strings.HasSuffix(s, "”"):
			s = s[:len(s)-len("”")]
		case strings.HasSuffix(s, "’"):
			s = s[:len(s)-len("’")]
		default:
			return s
		}
	}
	return s
}

// hasASCIIDigit reports whether s holds a digit 0-9.
func hasASCIIDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// byteCounts returns countCells(s), innerPunct(s) and whether s holds
// an ASCII digit, in one pass.
func byteCounts(s string) (cells, punct int, digit bool) {
	cells, spaces := 1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			spaces++
			continue
		}
		if spaces >= 3 {
			cells++
		}
		spaces = 0
		switch {
		case c == ',' || c == ';' || c == ':' || c == '.':
			if i < len(s)-1 {
				punct++
			}
		case c >= '0' && c <= '9':
			digit = true
		}
	}
	return cells, punct, digit
}
