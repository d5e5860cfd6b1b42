package dumpmeta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// role says what a labelled date is.
type role uint8

const (
	roleNone role = iota
	rolePublished
	roleUpdated
)

// label is a word or phrase that announces a date. Weak labels ("date",
// "le") only count right before the date.
type label struct {
	text string // folded
	role role
	weak bool
}

// labels, longest first within a family so that the nearest, most
// specific one is found.
var labels = []label{
	{"derniere mise a jour", roleUpdated, false},
	{"derniere modification", roleUpdated, false},
	{"mis a jour le", roleUpdated, false},
	{"mise a jour le", roleUpdated, false},
	{"mis a jour", roleUpdated, false},
	{"mise a jour", roleUpdated, false},
	{"actualise le", roleUpdated, false},
	{"actualise", roleUpdated, false},
	{"modifie le", roleUpdated, false},
	{"modifie", roleUpdated, false},
	{"maj", roleUpdated, false},
	{"last updated", roleUpdated, false},
	{"last modified", roleUpdated, false},
	{"updated on", roleUpdated, false},
	{"updated", roleUpdated, false},
	{"modified", roleUpdated, false},
	{"date de publication", rolePublished, false},
	{"publie le", rolePublished, false},
	{"publiee le", rolePublished, false},
	{"publie", rolePublished, false},
	{"publiee", rolePublished, false},
	{"publication", rolePublished, false},
	{"paru le", rolePublished, false},
	{"parue le", rolePublished, false},
	{"mis en ligne le", rolePublished, false},
	{"mis en ligne", rolePublished, false},
	{"poste le", rolePublished, false},
	{"posted on", rolePublished, false},
	{"posted", rolePublished, false},
	{"published on", rolePublished, false},
	{"published", rolePublished, false},
	{"first published", rolePublished, false},
	{"cree le", rolePublished, false},
	{"created", rolePublished, false},
	{"date", rolePublished, true},
}

// labelBefore finds the label that governs a date starting at byte end of
// s (s[:end] is the text before the date). It returns the label's role and
// the byte offset in s where the label starts, or roleNone and -1.
func labelBefore(s string, end int) (role, int) {
	from := 0
	if end > 160 {
		from = end - 160
		for from < end && !utf8.RuneStart(s[from]) {
			from++
		}
	}
	f, at := foldMap(s[from:end])
	best, bestEnd, bestStart := roleNone, -1, -1
	for _, lb := range labels {
		i := lastWord(f, lb.text)
		if i < 0 {
			continue
		}
		e := i + len(lb.text)
		gap := strings.Trim(f[e:], " :-|,.\t")
		if lb.weak && gap != "" && gap != "le" && gap != "du" {
			continue
		}
		if len(gap) > 80 {
			continue
		}
		if e > bestEnd || (e == bestEnd && i < bestStart) {
			best, bestEnd, bestStart = lb.role, e, i
		}
	}
	if best == roleNone {
		return roleNone, -1
	}
	return best, from + at[bestStart]
}

// lastWord returns the offset of the last occurrence of w in f as a whole
// word (or words), or -1.
func lastWord(f, w string) int {
	j := len(f)
	for {
		i := strings.LastIndex(f[:j], w)
		if i < 0 {
			return -1
		}
		if !isLetterBefore(f, i) && !isLetterByte(f, i+len(w)) {
			return i
		}
		j = i
	}
}

func isLetterBefore(s string, i int) bool {
	if i == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// labelOnly returns the role of a line that is only a date label with no
// value ("Publié le :"), or roleNone.
func labelOnly(t string) role {
	if len(t) > 40 {
		return roleNone
	}
	f := strings.Trim(fold(unbullet(t)), " :-–|,.\t")
	for _, lb := range labels {
		if f == lb.text && !lb.weak {
			return lb.role
		}
	}
	return roleNone
}

// bylinePrefixes introduce author names.
var bylinePrefixes = []string{
	"par :", "par:", "par ", "by :", "by:", "by ", "auteur :", "auteur:", "auteur ", "auteurs :",
	"author:", "author :", "written by ", "redige par ", "ecrit par ", "publie par ",
	"posted by ", "reportage de ", "propos recueillis par ", "une analyse de ", "de notre correspondant ",
	"de notre envoye special ", "de notre envoyee speciale ", "signe ",
}

// byline returns the author part of a line that opens with a byline
// prefix ("Par André-Martin Bado", "By Jamelle Bouie | 3 mars 2024"), and
// whether it is one.
func byline(t string) (string, bool) {
	t = unbullet(t)
	if len(t) > 200 {
		return "", false
	}
	f := fold(t)
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(f, p) {
			continue
		}
		// The prefix is ASCII after folding; its accented letters are one
		// rune each in the original, so count runes to map back.
		rest := t
		for n := utf8.RuneCountInString(p); n > 0 && rest != ""; n-- {
			_, sz := utf8.DecodeRuneInString(rest)
			rest = rest[sz:]
		}
		return trim(rest), true
	}
	return "", false
}

// nameStop are the words after which a byline stops being a name.
var nameStop = []string{
	" | ", " - ", " – ", " — ", " • ", " · ", ",", " le ", " on ", " publie", " published",
	" mis a jour", " updated", " il y a ", " avec ", " with ", " pour ", " for ", "(", " / ",
	" a ", " in ", " dans ",
}

// authorsIn splits the name part of a byline into author names. explicit
// says a byline prefix ("Par", "By") announced them, which lets a single
// ordinary word ("Par Catherine") be a name.
func authorsIn(s string, explicit bool) []string {
	if s == "" {
		return nil
	}
	f := fold(s)
	cut := len(f)
	for _, st := range nameStop {
		if st == "," {
			continue
		}
		if i := strings.Index(f, st); i >= 0 && i < cut {
			cut = i
		}
	}
	// Folding may have changed lengths; cut on runes.
	s = cutRunes(s, utf8.RuneCountInString(f[:cut]))
	var out []string
	for _, part := range splitAny(s, []string{" et ", " and ", " & ", ", ", ";"}) {
		part = strings.Trim(trim(part), " .:-|•")
		if !isName(part) && !(explicit && isSingleName(part)) {
			continue
		}
		// Credentials after a name: "Rachael Link, MS, RD".
		if len(out) > 0 && len(part) <= 4 && strings.ToUpper(part) == part {
			continue
		}
		out = append(out, undouble(part))
	}
	return out
}

// undouble turns a name the rendering printed twice ("Sean Martin Sean
// Martin") into one.
func undouble(s string) string {
	w := strings.Fields(s)
	if n := len(w); n >= 2 && n%2 == 0 && strings.Join(w[:n/2], " ") == strings.Join(w[n/2:], " ") {
		return strings.Join(w[:n/2], " ")
	}
	return s
}

// isNameList reports whether t is only a list of names ("Kevin Johnson
// and Kevin McCoy").
func isNameList(t string) bool {
	if len(t) > 120 || strings.ContainsAny(t, ".!?:") && !isName(t) {
		return false
	}
	ns := authorsIn(t, false)
	if len(ns) == 0 {
		return false
	}
	n := 0
	for _, x := range ns {
		if len(ns) > 1 && countWords(x) > 4 {
			return false
		}
		n += len(x)
	}
	return n*10 >= len(t)*7
}

// cutRunes returns the first n runes of s.
func cutRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

// splitAny splits s on any of the separators.
func splitAny(s string, seps []string) []string {
	parts := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, sep)...)
		}
		parts = next
	}
	return parts
}

// particles may appear in lower case inside a personal name.
var particles = map[string]bool{
	"de": true, "du": true, "des": true, "da": true, "di": true, "dos": true, "van": true,
	"von": true, "der": true, "den": true, "le": true, "la": true, "el": true, "al": true,
	"ben": true, "bin": true, "ibn": true, "ould": true, "y": true, "d'": true, "st": true,
}

// notNames are capitalised words that are page furniture, not people.
var notNames = map[string]bool{
	"breaking": true, "news": true, "actualites": true, "actualite": true, "accueil": true,
	"home": true, "video": true, "videos": true, "photo": true, "photos": true, "direct": true,
	"live": true, "opinion": true, "editorial": true, "publicite": true, "advertisement": true,
	"lecture": true, "commentaires": true, "comments": true, "newsletter": true, "podcast": true,
	"podcasts": true, "politique": true, "economie": true, "societe": true, "sport": true,
	"sports": true, "culture": true, "international": true, "monde": true, "afrique": true,
	"world": true, "business": true, "tech": true, "sante": true, "health": true, "menu": true,
	"sections": true, "search": true, "recherche": true, "contact": true, "redaction": false,
	"mots": true, "cles": true, "tags": true, "articles": true, "similaires": true, "source": true,
	"sources": true, "credit": true, "credits": true, "legende": true, "caption": true,
	"abonnez": true, "subscribe": true, "sign": true, "log": true, "today": true, "aujourd'hui": true,
	"supported": true, "sponsored": true, "partenaire": true, "partner": true, "sharing": true,
	"buttons": true, "addthis": true, "share": true, "partager": true,
	// Function words: a capitalised headline ("Coup D'État Au Niger") is
	// not a name.
	"the": true, "of": true, "on": true, "in": true, "for": true, "to": true, "and": true,
	"with": true, "at": true, "from": true, "is": true, "are": true, "a": true, "an": true,
	"au": true, "aux": true, "en": true, "sur": true, "pour": true, "avec": true, "dans": true,
	"est": true, "sont": true, "un": true, "une": true, "les": true, "apres": true,
	"contre": true, "entre": true, "face": true, "vers": true, "sans": true,
}

// isName reports whether s looks like a personal or agency name: one to
// five words, each capitalised (particles aside), no sentence punctuation,
// no dates, no furniture words. A single word must look like a handle or an
// acronym ("24Tioté", "AFP"), since a lone capitalised word is more often a
// menu entry.
func isName(s string) bool {
	if len(s) < 2 || len(s) > 60 {
		return false
	}
	if strings.ContainsAny(s, "!?:;|{}[]<>=/\\@#©\"«»") {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	letters := 0
	for k, w := range words {
		fw := fold(w)
		if bare := strings.Trim(fw, ".,'’-"); (len(bare) > 1 && notNames[bare]) || fullWeekday(fw) {
			return false
		}
		if particles[fw] || strings.HasPrefix(fw, "d'") || strings.HasPrefix(fw, "l'") {
			if k == 0 || k == len(words)-1 {
				if !(k == 0 && len(words) > 1 && unicode.IsUpper(firstRune(w))) {
					return false
				}
			}
			continue
		}
		r := firstRune(w)
		if !unicode.IsUpper(r) && !(unicode.IsDigit(r) && len(words) == 1) {
			return false
		}
		if strings.Contains(w, "--") {
			return false
		}
		for _, c := range w {
			if unicode.IsLetter(c) {
				letters++
			} else if !unicode.IsDigit(c) && !strings.ContainsRune(".-'’", c) {
				return false
			}
		}
	}
	if letters < 2 {
		return false
	}
	if len(words) == 1 {
		return isHandle(words[0])
	}
	return true
}

// isSingleName reports whether w is one capitalised word that may be a
// name when a byline prefix announces it.
func isSingleName(w string) bool {
	if strings.ContainsAny(w, " \t") || utf8.RuneCountInString(w) < 3 || !unicode.IsUpper(firstRune(w)) {
		return false
	}
	f := fold(w)
	if notNames[f] || months[f] != 0 || fullWeekday(f) || uiWords[f] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// fullWeekday reports whether the folded word is a full weekday name
// (abbreviations such as "Sam" or "Jeu" are also given names).
func fullWeekday(f string) bool {
	return len(f) > 4 && weekdays[strings.Trim(f, ".,")]
}

// isHandle reports whether a single word reads as a name rather than a
// common word: an acronym, or letters mixed with digits or inner capitals.
func isHandle(w string) bool {
	upper, lower, digit, inner := 0, 0, 0, false
	prevLower := false
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			inner = inner || prevLower // camel case: "LinkNaija"
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r):
			digit++
		default:
			return false // "05-Mar-2024", "a.b"
		}
		prevLower = unicode.IsLower(r)
	}
	switch {
	case lower == 0 && upper >= 2 && upper <= 6 && digit == 0:
		return true // AFP, APS, MAP
	case digit > 0 && upper+lower >= 3 && upper+lower >= digit:
		return true
	case inner && lower > 0:
		return true
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
