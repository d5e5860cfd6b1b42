package dumpmeta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A labelled list: "Mots clés : a, b", "Tags: a · b", "Catégorie : Politique".
type listLabel struct {
	text  string // folded
	colon bool   // the label needs a colon before its value
}

var tagLabels = []listLabel{
	{"mots cles", false}, {"mots-cles", false}, {"mot cles", false}, {"mot-cles", false},
	{"mots clefs", false}, {"mots-clefs", false}, {"etiquettes", false}, {"tags", false},
	{"tag", true}, {"keywords", false}, {"hashtags", true}, {"sujets", true}, {"themes", true},
	{"topics", true},
}

var categoryLabels = []listLabel{
	{"categories", true}, {"categorie", true}, {"category", true}, {"rubriques", true},
	{"rubrique", true}, {"filed under", false}, {"posted in", false}, {"classe dans", false},
	{"publie dans", false},
}

// maxLabelLen is the length of the longest list label.
var maxLabelLen = func() int {
	n := 0
	for _, l := range append(append([]listLabel(nil), tagLabels...), categoryLabels...) {
		n = max(n, len(l.text))
	}
	return n
}()

// labelValue returns the value of a line that opens with one of the
// labels, and whether it does.
func labelValue(t string, lbls []listLabel) (string, bool) {
	t = unbullet(t)
	if len(t) > 1000 || t == "" {
		return "", false
	}
	// Cheap test first: the line must start with a label's first letter.
	var buf [8]byte
	var first []byte
	if c := t[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		first = append(buf[:0], c)
	} else {
		r, _ := utf8.DecodeRuneInString(t)
		first = foldInto(buf[:0], string(r))
	}
	found := false
	for _, lb := range lbls {
		if len(first) > 0 && lb.text[0] == first[0] {
			found = true
			break
		}
	}
	if !found {
		return "", false
	}
	// Labels are short: fold the first runes alone to rule out most
	// lines before folding the line. Each rune folds to a byte or more,
	// so maxLabelLen runes give at least as many bytes.
	short := t
	n := 0
	for i := range t {
		if n == maxLabelLen {
			short = t[:i]
			break
		}
		n++
	}
	var sbuf [64]byte
	sf := foldInto(sbuf[:0], short)
	found = false
	for _, lb := range lbls {
		if len(lb.text) <= len(sf) && string(sf[:len(lb.text)]) == lb.text || len(sf) < len(lb.text) && short == t {
			found = true
			break
		}
	}
	if !found {
		return "", false
	}
	f := fold(head(t))
	for _, lb := range lbls {
		if !strings.HasPrefix(f, lb.text) || isLetterByte(f, len(lb.text)) {
			continue
		}
		rest := f[len(lb.text):]
		r := strings.TrimLeft(rest, " ")
		colon := strings.HasPrefix(r, ":") || strings.HasPrefix(r, "：")
		if lb.colon && !colon && r != "" {
			continue
		}
		if !colon && r != "" && rest == r {
			continue // "Tagsxyz"
		}
		// The label is ASCII once folded and its letters are one rune each
		// in the original: skip as many runes.
		v := cutRunes(t, utf8.RuneCountInString(lb.text))
		v = trim(t[len(v):])
		v = strings.TrimLeft(v, ":： ")
		return trim(v), true
	}
	return "", false
}

// labelled finds the first line at or after from that opens with one of
// the labels and returns its items and the lines they took. A label alone
// on its line takes the short lines that follow it as items.
func (d *doc) labelled(from int, lbls []listLabel) ([]string, []int) {
	v, lines := d.labelledValue(from, lbls, false)
	if len(lines) == 0 {
		return nil, nil
	}
	items, ok := categoryList(v, false)
	if !ok {
		return nil, nil
	}
	return items, lines
}

// labelledValue is labelled before the value is split into items.
//
// alone says whether a label alone on its line introduces the lines below.
func (d *doc) labelledValue(from int, lbls []listLabel, alone bool) (string, []int) {
	if from < 0 {
		from = 0
	}
	for i := from; i < len(d.t); i++ {
		t := d.t[i]
		if t == "" || len(t) > 1000 {
			continue
		}
		v, ok := labelValue(t, lbls)
		if !ok || d.isProse(i) {
			continue
		}
		lines := []int{i}
		if v != "" {
			if strings.ContainsAny(v, "[]{}") {
				return "", nil // a form field: "Categories [Select Category]"
			}
			return v, lines
		}
		if isBullet(t) || !alone {
			continue // a menu entry, or a label that needs its value
		}
		var items []string
		for j := i + 1; j < len(d.t) && j <= i+40 && len(items) < 20; j++ {
			u := d.t[j]
			if u == "" {
				continue
			}
			it := unbullet(u)
			if countWords(it) > 5 || len(it) > 60 || isSectionHeading(it) || isUILine(it) || len(FindDates(it)) > 0 ||
				letterCount(it) < 2 || isCount(it) {
				break
			}
			items = append(items, it)
			lines = append(lines, j)
		}
		if len(items) == 0 {
			return "", nil
		}
		return strings.Join(items, ", "), lines
	}
	return "", nil
}

// splitItems splits a list value. With separators it splits on them;
// without, the words are grouped into the multi-word names the page
// writes with capitals elsewhere (phrases), each other word being an item:
// "burkina faso ibrahima traore mali" → "burkina faso", "ibrahima traore",
// "mali" when the page writes "Burkina Faso" and "Ibrahima Traore".
func splitItems(v string, phrases map[string]bool) []string {
	v = trim(v)
	if v == "" {
		return nil
	}
	var parts []string
	if strings.ContainsAny(v, ",;|·•#") || strings.Contains(v, " / ") {
		parts = splitAny(v, []string{",", ";", "|", "·", "•", "#", " / "})
	} else {
		parts = segment(strings.Fields(v), phrases)
	}
	var out []string
	for _, p := range parts {
		p = strings.Trim(trim(p), ".:-–#\"'«»")
		if letterCount(p) < 2 || len(p) > 60 || countWords(p) > 6 || isUILine(p) || isCount(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// segment groups words into known phrases, longest first.
func segment(words []string, phrases map[string]bool) []string {
	var out []string
	for i := 0; i < len(words); {
		n := 1
		for k := 4; k >= 2; k-- {
			if i+k <= len(words) && phrases[fold(strings.Join(words[i:i+k], " "))] {
				n = k
				break
			}
		}
		out = append(out, strings.Join(words[i:i+n], " "))
		i += n
	}
	return out
}

// tags finds the keyword list and the lines it took, including a nearby
// line that repeats the keywords (with a date, as some templates print
// them).
func (d *doc) tags(z *zone, m Meta) ([]string, []int) {
	v, lines := d.labelledValue(z.lo, tagLabels, true)
	if len(lines) == 0 {
		return nil, nil
	}
	tags := splitItems(v, d.phrases(z, m))
	fv := fold(v)
	at := lines[0]
	for j := at - 2; j <= at+2; j++ {
		if j < 0 || j >= len(d.t) || j == at || d.t[j] == "" || len(d.t[j]) > 500 {
			continue
		}
		u := d.t[j]
		rest := u
		if ms := FindDates(u); len(ms) > 0 {
			var b strings.Builder
			p := 0
			for _, mt := range ms {
				b.WriteString(u[p:mt.Start])
				p = mt.End
			}
			b.WriteString(u[p:])
			rest = b.String()
		}
		if fv != "" && strings.Join(strings.Fields(fold(rest)), " ") == strings.Join(strings.Fields(fv), " ") {
			lines = append(lines, j)
		}
	}
	return dedupe(tags), lines
}

// phrases collects the multi-word names the page writes with capitals
// (two to four capitalised words in a row) in its header and first
// paragraphs, plus its title, authors and categories, folded.
func (d *doc) phrases(z *zone, m Meta) map[string]bool {
	ps := map[string]bool{}
	add := func(s string) {
		var run []string
		flush := func() {
			for a := 0; a < len(run); a++ {
				for b := a + 2; b <= len(run) && b-a <= 4; b++ {
					ps[fold(strings.Join(run[a:b], " "))] = true
				}
			}
			run = run[:0]
		}
		for w := range strings.FieldsSeq(s) {
			w2 := strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
			if w2 != "" && unicode.IsUpper(firstRune(w2)) {
				run = append(run, w2)
				if w2 != w && strings.ContainsAny(w[len(w)-1:], ",.;:!?)") {
					flush()
				}
				continue
			}
			flush()
		}
		flush()
	}
	for _, c := range m.Categories {
		ps[fold(c)] = true
	}
	for _, a := range m.Authors {
		ps[fold(a)] = true
	}
	add(m.Title)
	end := z.anchor + 80
	if end > len(d.t) {
		end = len(d.t)
	}
	for i := z.lo; i < end; i++ {
		add(head(d.t[i]))
	}
	return ps
}

// letterCount counts the letters of s.
func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}
