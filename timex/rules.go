package timex

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/tokenize"
)

// rule tries to read an expression starting at token i; nil when none.
type rule func(ts []tok, i int) *cand

// rules are tried at every token; the longest match wins, the first rule
// on ties.
var rules = []rule{
	ruleNumericDate, ruleDayMonth, ruleMonth, ruleYear, ruleDecade, ruleCentury,
	ruleRelDay, ruleDeictic, ruleUnitDir, ruleWeekday, ruleAgo, ruleDuration,
	ruleTime, ruleRef, ruleAnaphor, ruleSet, rulePartOfDay, ruleBoundary, ruleSeason,
	ruleQuarter, ruleDayList, ruleWord, ruleApprox, rulePhrase, ruleHoliday,
}

// singularUnit reports whether f is a unit in the singular: "par an",
// "par semestre".
func singularUnit(f string) bool {
	_, ok := units[f]
	return ok && !strings.HasSuffix(f, "s")
}

// ruleDayList reads the first day of "les 27 et 28 juillet", "du 3 au 5
// mai": a day of the month named after the second one.
func ruleDayList(ts []tok, i int) *cand {
	d := dayNumber(at(ts, i))
	if d == 0 || (at(ts, i+1) != "et" && at(ts, i+1) != "au" && at(ts, i+1) != "-") {
		return nil
	}
	if dayNumber(at(ts, i+2)) == 0 {
		return nil
	}
	m, ok := months[at(ts, i+3)]
	if !ok {
		return nil
	}
	y := yearAt(ts, i+4)
	return &cand{s: i, e: i + 1, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
		if y != 0 {
			if t, ok := dateOf(y, m, d); ok {
				return ymd(t)
			}
			return ""
		}
		t, ok := c.nearestMonthDay(m, d, 0)
		if !ok {
			return fmt.Sprintf("XXXX-%02d-%02d", m, d)
		}
		return ymd(t)
	}}
}

func at(ts []tok, i int) string {
	if i < 0 || i >= len(ts) {
		return ""
	}
	return ts[i].f
}

func isDet(f string) bool { return f == "le" || f == "la" || f == "l'" || f == "les" }

// withDet moves the start of a candidate back over a determiner before
// it ("le 16 juillet", "la veille").
func withDet(ts []tok, i int) int {
	if isDet(at(ts, i-1)) {
		return i - 1
	}
	return i
}

func fixed(v string) func(*context) string { return func(*context) string { return v } }

var (
	rxISO    = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
	rxSlash  = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})$`)
	rxHour   = regexp.MustCompile(`^(\d{1,2})(?:h|:)(\d{2})?$`)
	rxYear   = regexp.MustCompile(`^\d{4}$`)
	rxDay    = regexp.MustCompile(`^(\d{1,2})(er)?$`)
	rxRoman  = regexp.MustCompile(`^([ivxl]+)(e|eme|er)$`)
	rxNumber = regexp.MustCompile(`^\d+([.,]\d+)?$`)
)

func dateOf(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d
}

// ruleNumericDate reads 2023-10-07, 07/10/2023, 7.10.23.
func ruleNumericDate(ts []tok, i int) *cand {
	f := at(ts, i)
	var y, m, d int
	if g := rxISO.FindStringSubmatch(f); g != nil {
		y, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
		d, _ = strconv.Atoi(g[3])
	} else if g := rxSlash.FindStringSubmatch(f); g != nil {
		d, _ = strconv.Atoi(g[1])
		m, _ = strconv.Atoi(g[2])
		y, _ = strconv.Atoi(g[3])
		if len(g[3]) == 2 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
	} else {
		return nil
	}
	t, ok := dateOf(y, m, d)
	if !ok {
		return nil
	}
	return &cand{s: withDet(ts, i), e: i + 1, typ: veille.TimexDate, resolve: fixed(ymd(t)), date: true}
}

// dayNumber reads a day of the month: "5", "1er", "premier".
func dayNumber(f string) int {
	if f == "premier" {
		return 1
	}
	if g := rxDay.FindStringSubmatch(f); g != nil {
		d, _ := strconv.Atoi(g[1])
		if d >= 1 && d <= 31 {
			return d
		}
	}
	return 0
}

// yearAt reads a year at token j: four digits from 1000 to 2199.
func yearAt(ts []tok, j int) int {
	f := at(ts, j)
	if !rxYear.MatchString(f) {
		return 0
	}
	y, _ := strconv.Atoi(f)
	if y < 1000 || y > 2199 {
		return 0
	}
	return y
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// shortYear reads a year written with two digits after a month ("le 10
// novembre 93", "octobre 98"), unless a noun follows ("octobre 30
// soldats").
func shortYear(ts []tok, j int) int {
	f := at(ts, j)
	if len(f) != 2 || !rxNumber.MatchString(f) {
		return 0
	}
	if j+1 < len(ts) && !afterYearOK(ts[j+1].text, ts[j+1].kind) {
		return 0
	}
	y, _ := strconv.Atoi(f)
	if y < 30 {
		return 2000 + y
	}
	return 1900 + y
}

// ruleDayMonth reads "[le|ce] [mercredi] 1er mai [1962] [prochain]".
func ruleDayMonth(ts []tok, i int) *cand {
	j := i
	if f := at(ts, j); f == "ce" || f == "le" {
		j++
	}
	if _, ok := weekdays[at(ts, j)]; ok {
		j++
	}
	d := dayNumber(at(ts, j))
	if d == 0 {
		return nil
	}
	m, ok := months[at(ts, j+1)]
	if !ok {
		if j == i || weekdays[at(ts, j-1)] == 0 || at(ts, j+1) == "h" || units[at(ts, j+1)].code != "" {
			return nil
		}
		// "mardi 18": a day of the anchor's month, or of the one
		// before or after that brings it nearest
		start := i
		if j-1 == i && isDet(at(ts, i-1)) {
			start = i - 1
		}
		return &cand{s: start, e: j + 1, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
			if !c.hasAnchor {
				return fmt.Sprintf("XXXX-XX-%02d", d)
			}
			a := c.anchor
			best := time.Time{}
			for _, dm := range []int{-1, 0, 1} {
				t := time.Date(a.Year(), a.Month()+time.Month(dm), d, 0, 0, 0, 0, time.UTC)
				if t.Day() != d {
					continue
				}
				if best.IsZero() || absDur(t.Sub(a)) < absDur(best.Sub(a)) {
					best = t
				}
			}
			if best.IsZero() {
				return ""
			}
			return ymd(best)
		}}
	}
	start := i
	if j == i && isDet(at(ts, i-1)) {
		start = i - 1
	}
	e := j + 2
	y := yearAt(ts, e)
	if y == 0 {
		y = shortYear(ts, e)
	}
	if y != 0 {
		t, ok := dateOf(y, m, d)
		if !ok {
			return nil
		}
		return &cand{s: start, e: e + 1, typ: veille.TimexDate, resolve: fixed(ymd(t)), date: true}
	}
	dir := 0
	if dv, ok := directions[at(ts, e)]; ok {
		dir = dv
		e++
	}
	return &cand{s: start, e: e, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
		t, ok := c.nearestMonthDay(m, d, dir)
		if !ok {
			return fmt.Sprintf("XXXX-%02d-%02d", m, d)
		}
		return ymd(t)
	}}
}

// monthCue are the words before a month that make a bare month word a
// date: "en juillet", "depuis mars", "fin août".
var monthCue = map[string]bool{
	"en": true, "depuis": true, "des": true, "jusqu'en": true, "d'": true, "de": true, "fin": true,
	"debut": true, "courant": true, "mois": true, "mi": true, "au": true, "a": true, "avant": true,
	"apres": true, "entre": true, "et": true, "jusqu'a": true, "vers": true, "milieu": true,
}

// boundMods are the words of a part of a period: "début octobre".
var boundMods = map[string]string{"debut": "START", "fin": "END", "mi": "MID", "milieu": "MID", "courant": ""}

// ruleMonth reads "[début|fin|mi-]juillet [2023|dernier|prochain]".
func ruleMonth(ts []tok, i int) *cand {
	f := at(ts, i)
	mod, start, j := "", i, i
	if bm, ok := boundMods[f]; ok {
		k := i + 1
		if at(ts, k) == "de" || at(ts, k) == "d'" {
			k++
		}
		if _, ok := months[at(ts, k)]; ok {
			mod, j = bm, k
		}
	}
	mf := at(ts, j)
	if strings.HasPrefix(mf, "mi-") {
		mf, mod = mf[3:], "MID"
	}
	m, ok := months[mf]
	if !ok {
		return nil
	}
	// "le mois de juin": the span holds "mois de"
	if start == i && (at(ts, i-1) == "de" || at(ts, i-1) == "d'") && at(ts, i-2) == "mois" {
		start = i - 2
		if isDet(at(ts, i-3)) {
			start = i - 3
		}
	}
	e := j + 1
	if y := yearAt(ts, e); y != 0 {
		return &cand{s: start, e: e + 1, typ: veille.TimexDate, mod: mod, resolve: fixed(fmt.Sprintf("%04d-%02d", y, m))}
	}
	if y := shortYear(ts, e); y != 0 {
		return &cand{s: start, e: e + 1, typ: veille.TimexDate, mod: mod, resolve: fixed(fmt.Sprintf("%04d-%02d", y, m))}
	}
	dir, hasDir := directions[at(ts, e)]
	if hasDir {
		e++
	}
	if !hasDir && mod == "" && !monthCue[at(ts, i-1)] && !strings.HasPrefix(at(ts, j), "mi-") {
		return nil
	}
	if mf == "mars" && !hasDir && at(ts, i-1) != "en" && at(ts, i-1) != "depuis" && at(ts, i-1) != "mois" && mod == "" {
		return nil // the planet, the god
	}
	return &cand{s: start, e: e, typ: veille.TimexDate, mod: mod, resolve: func(c *context) string {
		t, ok := c.nearestMonthDay(m, 0, dir)
		if !ok {
			return fmt.Sprintf("XXXX-%02d", m)
		}
		return ym(t)
	}}
}

// yearCue are the words before a number that make it a year.
var yearCue = map[string]bool{
	"en": true, "depuis": true, "des": true, "jusqu'en": true, "de": true, "d'": true, "fin": true,
	"debut": true, "mi": true, "annee": true, "an": true, "avant": true, "apres": true, "entre": true,
	"et": true, "vers": true, "printemps": true, "ete": true, "automne": true, "hiver": true,
	"au": true, "a": true, "(": true, "saison": true, "pour": true, "milieu": true, "courant": true,
	"jusqu'a": true, "exercice": true, "budget": true, "ou": true, "-": true, "–": true, "cru": true,
	"ici": true, "horizon": true, "dici": true,
}

// afterYear are the words that may follow a year; another lower-case word
// makes the number a quantity ("2000 soldats").
func afterYearOK(f string, k tokenize.Kind) bool {
	if k != tokenize.Word {
		return true
	}
	switch f {
	case "et", "ou", "a", "au", "aux", "pour", "dans", "avec", "contre", "qui", "que", "le", "la", "les", "l'",
		"un", "une", "des", "du", "de", "d'", "est", "sont", "ont", "se", "s'", "il", "elle", "ils", "elles",
		"en", "sur", "par", "ce", "cette", "lors", "puis", "alors", "deja", "encore", "avant", "apres",
		"jusqu'a", "on", "n'", "ne", "y", "mais", "car", "selon", "entre", "chez", "vers", "depuis":
		return true
	}
	return f != "" && strings.ToUpper(f[:1]) == f[:1] // capitalised words
}

// ruleYear reads "2022", "en 2022", "fin 2022", "l'été 2022".
func ruleYear(ts []tok, i int) *cand {
	f := at(ts, i)
	mod, start, j := "", i, i
	if bm, ok := boundMods[f]; ok && yearAt(ts, i+1) != 0 {
		mod, j = bm, i+1
	}
	if strings.HasPrefix(f, "mi-") && rxYear.MatchString(f[3:]) {
		return &cand{s: i, e: i + 1, typ: veille.TimexDate, mod: "MID", resolve: fixed(f[3:])}
	}
	season := ""
	if s, ok := seasons[f]; ok && yearAt(ts, i+1) != 0 {
		season, j = s, i+1
		start = withDet(ts, i)
	}
	if (f == "l'" || f == "l’") && (at(ts, i+1) == "annee" || at(ts, i+1) == "an") && yearAt(ts, i+2) != 0 {
		j = i + 2 // "l'année 2001"
	}
	y := yearAt(ts, j)
	if y == 0 {
		return nil
	}
	if j == i {
		prev := at(ts, i-1)
		next := ""
		var nk tokenize.Kind
		if i+1 < len(ts) {
			next, nk = ts[i+1].text, ts[i+1].kind
		}
		if !yearCue[prev] && !(i == 0 || ts[i-1].kind == tokenize.Punct) {
			return nil
		}
		if next != "" && !afterYearOK(next, nk) {
			return nil
		}
	}
	v := fmt.Sprintf("%04d", y)
	if season != "" {
		v += "-" + season
	}
	return &cand{s: start, e: j + 1, typ: veille.TimexDate, mod: mod, resolve: fixed(v)}
}

// ruleSeason reads "en été", "au printemps", "l'hiver": a season of no
// stated year.
func ruleSeason(ts []tok, i int) *cand {
	s, ok := seasons[at(ts, i)]
	if !ok {
		return nil
	}
	if dir, ok := directions[at(ts, i+1)]; ok {
		// "au printemps prochain", "l'hiver dernier"
		start := i
		if at(ts, i-1) == "l'" {
			start = i - 1
		}
		return &cand{s: start, e: i + 2, typ: veille.TimexDate, resolve: func(c *context) string {
			if !c.hasMonth {
				return "XXXX-" + s
			}
			return fmt.Sprintf("%04d-%s", c.month.Year()+dir, s)
		}}
	}
	switch at(ts, i-1) {
	case "d'":
		return nil // "les Jeux d'hiver", "l'heure d'été", "les sports d'hiver"
	case "en", "au", "l'", "cet", "cette":
	default:
		// a bare season: "hiver comme été"; "été" is also the participle
		// of "être", so it needs its capital ("Été comme hiver"), and
		// "printemps" may be a movement ("Printemps arabe")
		switch {
		case s == "SU" && upperFirst(ts[i].text):
		case s == "WI" || s == "FA":
		case s == "SP" && at(ts, i+1) != "arabe" && (i+1 >= len(ts) || !upperFirst(ts[i+1].text)):
		default:
			return nil
		}
	}
	start := i
	if at(ts, i-1) == "l'" {
		start = i - 1
	}
	return &cand{s: start, e: i + 1, typ: veille.TimexDate, resolve: fixed("XXXX-" + s)}
}

var ordinals = map[string]int{
	"premier": 1, "1er": 1, "deuxieme": 2, "second": 2, "2e": 2, "2eme": 2, "troisieme": 3, "3e": 3,
	"3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "dernier": 4,
}

// ruleQuarter reads "le premier trimestre 2024", "au deuxième semestre":
// 2024-Q1, 2023-H2.
func ruleQuarter(ts []tok, i int) *cand {
	n, ok := ordinals[at(ts, i)]
	if !ok {
		return nil
	}
	kind := ""
	switch at(ts, i+1) {
	case "trimestre":
		kind = "Q"
	case "semestre":
		kind = "H"
		if at(ts, i) == "dernier" {
			n = 2
		}
		if n > 2 {
			return nil
		}
	default:
		return nil
	}
	e := i + 2
	y := yearAt(ts, e)
	if y != 0 {
		e++
	}
	return &cand{s: withDet(ts, i), e: e, typ: veille.TimexDate, resolve: func(c *context) string {
		switch {
		case y != 0:
			return fmt.Sprintf("%04d-%s%d", y, kind, n)
		case c.hasAnchor:
			return fmt.Sprintf("%04d-%s%d", c.anchor.Year(), kind, n)
		}
		return fmt.Sprintf("XXXX-%s%d", kind, n)
	}}
}

// ruleDecade reads "les années 1990", "les années 90".
func ruleDecade(ts []tok, i int) *cand {
	if at(ts, i) != "annees" {
		return nil
	}
	f := at(ts, i+1)
	var y int
	switch {
	case rxYear.MatchString(f):
		y, _ = strconv.Atoi(f)
	case len(f) == 2 && rxNumber.MatchString(f):
		y, _ = strconv.Atoi(f)
		y += 1900
	default:
		n, ok := ParseNumber(f)
		if !ok || n < 20 || n > 90 {
			return nil
		}
		y = 1900 + int(n)
	}
	if y%10 != 0 {
		return nil
	}
	return &cand{s: withDet(ts, i), e: i + 2, typ: veille.TimexDate, resolve: fixed(fmt.Sprintf("%03d", y/10))}
}

func roman(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50}
	n := 0
	for k := 0; k < len(s); k++ {
		v := vals[s[k]]
		if k+1 < len(s) && vals[s[k+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// ruleCentury reads "le XIXe siècle".
func ruleCentury(ts []tok, i int) *cand {
	g := rxRoman.FindStringSubmatch(at(ts, i))
	if g == nil || (at(ts, i+1) != "siecle") {
		return nil
	}
	n := roman(g[1])
	if n < 1 || n > 22 {
		return nil
	}
	return &cand{s: withDet(ts, i), e: i + 2, typ: veille.TimexDate, resolve: fixed(fmt.Sprintf("%02d", n-1))}
}

// ruleRelDay reads "hier", "demain matin", "aujourd'hui vendredi".
func ruleRelDay(ts []tok, i int) *cand {
	off, ok := relDays[at(ts, i)]
	if !ok {
		return nil
	}
	e := i + 1
	if _, ok := weekdays[at(ts, e)]; ok {
		e++
	}
	pod := ""
	if p, ok := partsOfDay[at(ts, e)]; ok && p != "DT" {
		pod = p
		e++
	}
	typ := veille.TimexDate
	if pod != "" {
		typ = veille.TimexTime
	}
	return &cand{s: i, e: e, typ: typ, date: true, resolve: func(c *context) string {
		if !c.hasAnchor {
			return "XXXX-XX-XX" + podSuffix(pod)
		}
		return ymd(c.anchor.AddDate(0, 0, off)) + podSuffix(pod)
	}}
}

func podSuffix(p string) string {
	if p == "" {
		return ""
	}
	return "T" + p
}

// ruleDeictic reads "ce matin", "cette semaine", "ce mois-ci", "cette
// année", "ce week-end", "ce lundi", "cet été".
func ruleDeictic(ts []tok, i int) *cand {
	f := at(ts, i)
	if f != "ce" && f != "cet" && f != "cette" {
		return nil
	}
	k := i + 1
	if at(ts, k) == "meme" {
		k++
	}
	w := at(ts, k)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "-ci"), "-la")
	e := k + 1
	if at(ts, e) == "-ci" || at(ts, e) == "-la" {
		e++
	}
	mk := func(typ string, f func(c *context, a time.Time) string) *cand {
		return &cand{s: i, e: e, typ: typ, resolve: func(c *context) string {
			if !c.hasAnchor {
				return ""
			}
			return f(c, c.anchor)
		}}
	}
	if p, ok := partsOfDay[w]; ok && p != "DT" {
		return mk(veille.TimexTime, func(_ *context, a time.Time) string { return ymd(a) + "T" + p })
	}
	if s, ok := seasons[w]; ok {
		return mk(veille.TimexDate, func(_ *context, a time.Time) string { return yy(a) + "-" + s })
	}
	if wd, ok := weekdays[w]; ok {
		pod := ""
		if p, ok := partsOfDay[at(ts, e)]; ok && p != "DT" {
			pod, e = p, e+1
		}
		typ := veille.TimexDate
		if pod != "" {
			typ = veille.TimexTime
		}
		c := mk(typ, func(c *context, _ time.Time) string {
			t, _ := c.weekdayNear(wd, 0)
			return ymd(t) + podSuffix(pod)
		})
		c.date = pod == ""
		return c
	}
	switch w {
	case "semaine":
		return mk(veille.TimexDate, func(_ *context, a time.Time) string { return week(a) })
	case "mois":
		return mk(veille.TimexDate, func(_ *context, a time.Time) string { return ym(a) })
	case "annee", "an":
		return mk(veille.TimexDate, func(_ *context, a time.Time) string { return yy(a) })
	case "week-end":
		return mk(veille.TimexDate, func(c *context, a time.Time) string {
			// a past week-end seen from a weekday is the last one
			if wd := a.Weekday(); !c.future && wd != time.Saturday && wd != time.Sunday {
				a = a.AddDate(0, 0, -7)
			}
			return week(a) + "-WE"
		})
	case "jour":
		if strings.HasSuffix(at(ts, k), "-la") || at(ts, k+1) == "-la" {
			return &cand{s: i, e: e, typ: veille.TimexDate, resolve: func(c *context) string { return c.xday() }}
		}
		return mk(veille.TimexDate, func(_ *context, a time.Time) string { return ymd(a) })
	}
	return nil
}

// ruleUnitDir reads "la semaine dernière", "l'an prochain", "le mois
// suivant".
func ruleUnitDir(ts []tok, i int) *cand {
	if !isDet(at(ts, i)) {
		return nil
	}
	u := at(ts, i+1)
	dir, ok := directions[at(ts, i+2)]
	if !ok {
		return nil
	}
	relRef := strings.HasPrefix(at(ts, i+2), "suiv") || strings.HasPrefix(at(ts, i+2), "prec")
	base := func(c *context) (time.Time, bool) {
		if relRef {
			return c.day()
		}
		return c.anchor, c.hasAnchor
	}
	var f func(t time.Time) string
	switch u {
	case "semaine":
		f = func(t time.Time) string { return week(t.AddDate(0, 0, 7*dir)) }
	case "mois":
		f = func(t time.Time) string {
			return ym(time.Date(t.Year(), t.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC))
		}
	case "annee", "an":
		f = func(t time.Time) string { return fmt.Sprintf("%04d", t.Year()+dir) }
	case "week-end":
		f = func(t time.Time) string { return week(t.AddDate(0, 0, 7*dir)) + "-WE" }
	case "jour":
		f = func(t time.Time) string { return ymd(t.AddDate(0, 0, dir)) }
	case "nuit", "soiree", "matinee":
		p := partsOfDay[u]
		if dir < 0 && !relRef {
			dir = 0 // "la nuit dernière" is the night before the anchor's day
			f = func(t time.Time) string { return ymd(t.AddDate(0, 0, -1)) + "T" + p }
		} else {
			f = func(t time.Time) string { return ymd(t.AddDate(0, 0, dir)) + "T" + p }
		}
	default:
		if s, ok := seasons[u]; ok {
			f = func(t time.Time) string { return fmt.Sprintf("%04d-%s", t.Year()+dir, s) }
		} else {
			return nil
		}
	}
	typ := veille.TimexDate
	if _, ok := partsOfDay[u]; ok {
		typ = veille.TimexTime
	}
	return &cand{s: i, e: i + 3, typ: typ, resolve: func(c *context) string {
		t, ok := base(c)
		if !ok {
			return ""
		}
		return f(t)
	}}
}

// ruleWeekday reads "[le] mercredi [soir] [dernier|prochain]".
func ruleWeekday(ts []tok, i int) *cand {
	wd, ok := weekdays[at(ts, i)]
	if !ok {
		return nil
	}
	e := i + 1
	pod := ""
	if p, ok := partsOfDay[at(ts, e)]; ok && p != "DT" {
		pod = p
		e++
	}
	dir := 0
	if d, ok := directions[at(ts, e)]; ok {
		dir = d
		e++
	}
	typ := veille.TimexDate
	if pod != "" {
		typ = veille.TimexTime
	}
	return &cand{s: withDet(ts, i), e: e, typ: typ, date: pod == "", resolve: func(c *context) string {
		t, ok := c.weekdayNear(wd, dir)
		if !ok {
			return fmt.Sprintf("XXXX-WXX-%d", wd) + podSuffix(pod)
		}
		return ymd(t) + podSuffix(pod)
	}}
}

func durValue(n float64, u unit, vague bool) string {
	num := "X"
	if !vague {
		v := n * float64(u.mult)
		num = strconv.FormatFloat(v, 'f', -1, 64)
	}
	if u.time {
		return "PT" + num + u.code
	}
	if u.code == "Y" && !vague && u.mult >= 10 && n*float64(u.mult) >= 10 {
		return "P" + num + "Y"
	}
	return "P" + num + u.code
}

// ruleAgo reads "il y a trois jours", "dans deux semaines".
func ruleAgo(ts []tok, i int) *cand {
	var j, sign int
	switch {
	case at(ts, i) == "il" && at(ts, i+1) == "y" && at(ts, i+2) == "a":
		j, sign = i+3, -1
	case at(ts, i) == "dans":
		j, sign = i+1, 1
	default:
		return nil
	}
	n, ok := ParseNumber(at(ts, j))
	if !ok {
		return nil // "il y a quelques mois": the duration alone
	}
	u, ok := units[at(ts, j+1)]
	if !ok || u.time {
		return nil
	}
	e := j + 2
	return &cand{s: i, e: e, typ: veille.TimexDate, resolve: func(c *context) string {
		if !c.hasAnchor {
			return ""
		}
		k := int(n) * u.mult * sign
		a := c.anchor
		switch u.code {
		case "D":
			return ymd(a.AddDate(0, 0, k))
		case "W":
			return week(a.AddDate(0, 0, 7*k))
		case "M":
			return ym(time.Date(a.Year(), a.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC))
		case "Y":
			return fmt.Sprintf("%04d", a.Year()+k)
		}
		return ""
	}}
}

// ruleDuration reads "trois ans", "environ une heure", "plusieurs
// jours", "ces derniers mois", "un an et demi", "quinquennat".
func ruleDuration(ts []tok, i int) *cand {
	f := at(ts, i)
	if v, ok := termNouns[f]; ok {
		return &cand{s: i, e: i + 1, typ: veille.TimexDuration, resolve: fixed(v)}
	}
	start, j, mod := i, i, ""
	switch {
	case f == "pres" && at(ts, i+1) == "de":
		mod, j = "APPROX", i+2
	case f == "plus" && at(ts, i+1) == "de":
		mod, j = "MORE_THAN", i+2
	case f == "moins" && at(ts, i+1) == "de":
		mod, j = "LESS_THAN", i+2
	case f == "environ" || f == "quelque" || f == "presque":
		mod, j = "APPROX", i+1
	}
	// "ces derniers jours": an unknown span up to now
	if at(ts, j) == "ces" {
		if _, ok := directions[at(ts, j+1)]; ok {
			if u, ok := units[at(ts, j+2)]; ok {
				return &cand{s: start, e: j + 3, typ: veille.TimexDuration, mod: mod, resolve: fixed(durValue(0, u, true))}
			}
		}
		return nil
	}
	isVague := false
	n, ok := ParseNumber(at(ts, j))
	if !ok {
		if !vague[at(ts, j)] {
			return nil
		}
		isVague = true
	}
	k := j + 1
	// "un quart de siècle", "un demi-siècle", "une demi-heure"
	if at(ts, k) == "quart" && at(ts, k+1) == "de" {
		n, k = n*0.25, k+2
	}
	uw := at(ts, k)
	if strings.HasPrefix(uw, "demi-") {
		uw, n = uw[len("demi-"):], n*0.5
	}
	u, ok := units[uw]
	if !ok {
		return nil
	}
	e := k + 1
	if at(ts, e) == "et" && (at(ts, e+1) == "demi" || at(ts, e+1) == "demie") {
		n += 0.5
		e += 2
	}
	if isAge(ts, start, e, u) {
		return nil
	}
	if isVague && at(ts, j) == "des" && u.code != "Y" {
		return nil // "des jours" alone is rarely a duration worth a value
	}
	return &cand{s: start, e: e, typ: veille.TimexDuration, mod: mod, resolve: fixed(durValue(n, u, isVague))}
}

// personNouns are the nouns whose "de N ans" is an age.
var personNouns = map[string]bool{
	"age": true, "agee": true, "ages": true, "agees": true, "homme": true, "femme": true,
	"garcon": true, "fille": true, "jeune": true, "enfant": true, "adolescent": true,
	"adolescente": true, "bebe": true, "fils": true, "victime": true, "mere": true, "pere": true,
	"hommes": true, "femmes": true, "jeunes": true, "enfants": true, "victimes": true,
	"fillette": true, "garconnet": true, "chauffeur": true, "conducteur": true, "conductrice": true,
	"automobiliste": true, "motard": true, "cycliste": true, "pieton": true, "pietonne": true,
	"retraite": true, "retraitee": true, "etudiant": true, "etudiante": true, "lyceen": true,
	"lyceenne": true, "collegien": true, "collegienne": true, "eleve": true, "patient": true,
	"patiente": true, "mineur": true, "suspect": true, "detenu": true, "prevenu": true,
	"prevenue": true, "ressortissant": true, "habitant": true, "habitante": true, "soldat": true,
	"militaire": true, "joueur": true, "joueuse": true, "individu": true, "personne": true,
	"epouse": true, "mari": true, "fils.": true, "petit": true, "petite": true, "nourrisson": true,
}

// isAge reports whether "N ans" over [s, e) gives a person's age, which
// is no temporal expression: "âgé de 26 ans", "un homme de 30 ans",
// "(54 ans)", "Pierre, 38 ans,".
func isAge(ts []tok, s, e int, u unit) bool {
	if u.code != "Y" || u.mult != 1 {
		return false
	}
	prev, next := at(ts, s-1), at(ts, e)
	switch {
	case prev == "(" && next == ")":
		return true
	case (prev == "de" || prev == "d'") && (personNouns[at(ts, s-2)] || (s >= 2 && upperFirst(ts[s-2].text) && ts[s-2].kind == tokenize.Word)):
		// "une femme d'une trentaine d'années", "une Alsacienne de 6 ans"
		return true
	case prev == "les" && at(ts, s) == "moins", prev == "de" && at(ts, s-2) == "moins" && at(ts, s-3) == "les":
		return true // "les moins de 17 ans": an age group
	case prev == "," && (next == "," || next == ".") && s >= 2 && ts[s-2].kind == tokenize.Word && upperFirst(ts[s-2].text):
		return true
	}
	return false
}

func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// timeCue are the words before "N heures" that make it a clock time.
var timeCue = map[string]bool{
	"a": true, "vers": true, "des": true, "jusqu'a": true, "avant": true, "apres": true, "de": true,
	"entre": true, "et": true, "environs": true, "alentours": true,
}

// ruleTime reads "14 h", "14 h 30", "14h30", "14:30", "midi", "14
// heures". "vers" and "à" before it are prepositions relating it to an
// event, left out of the span like "en" and "depuis".
func ruleTime(ts []tok, i int) *cand {
	start, j, mod := i, i, ""
	f := at(ts, j)
	hh, mm, e := -1, 0, j+1
	if f == "midi" || f == "minuit" {
		hh = 12
		if f == "minuit" {
			hh = 0
		}
	} else if g := rxHour.FindStringSubmatch(f); g != nil && (strings.Contains(f, "h") || strings.Contains(f, ":")) {
		hh, _ = strconv.Atoi(g[1])
		if g[2] != "" {
			mm, _ = strconv.Atoi(g[2])
		}
	} else if rxDay.MatchString(f) && !strings.HasSuffix(f, "er") {
		n, _ := strconv.Atoi(f)
		unit := at(ts, j+1)
		if unit != "h" && !(unit == "heures" || unit == "heure") {
			return nil
		}
		if unit != "h" && !timeCue[at(ts, j-1)] && !rxNumber.MatchString(at(ts, j+2)) {
			return nil // "14 heures" of work: a duration
		}
		hh, e = n, j+2
		if m := at(ts, e); rxNumber.MatchString(m) && len(m) == 2 {
			mm, _ = strconv.Atoi(m)
			e++
		}
	} else {
		return nil
	}
	if hh < 0 || hh > 24 || mm > 59 {
		return nil
	}
	// "8 heures du matin", "8 h du soir"
	if at(ts, e) == "du" {
		switch at(ts, e+1) {
		case "matin":
			e += 2
		case "soir", "apres-midi":
			if hh < 12 {
				hh += 12
			}
			e += 2
		}
	}
	clock := fmt.Sprintf("T%02d:%02d", hh, mm)
	return &cand{s: start, e: e, typ: veille.TimexTime, mod: mod, resolve: func(c *context) string {
		return c.xday() + clock
	}}
}

// ruleRef reads "actuellement", "désormais", "à présent", "en ce
// moment", "par le passé". ("à l'avenir" is left out: "l'avenir du
// pays" is no time.)
func ruleRef(ts []tok, i int) *cand {
	f := at(ts, i)
	if v, ok := refWords[f]; ok {
		return &cand{s: i, e: i + 1, typ: veille.TimexDate, resolve: fixed(v)}
	}
	seq := func(words ...string) bool {
		for k, w := range words {
			if at(ts, i+k) != w {
				return false
			}
		}
		return true
	}
	switch {
	case seq("a", "present"), seq("en", "ce", "moment"):
		n := 2
		if f == "en" {
			n = 3
		}
		return &cand{s: i, e: i + n, typ: veille.TimexDate, resolve: fixed("PRESENT_REF")}
	case seq("par", "le", "passe"):
		return &cand{s: i + 1, e: i + 3, typ: veille.TimexDate, resolve: fixed("PAST_REF")}
	}
	return nil
}

// ruleAnaphor reads "la veille", "le lendemain [matin]", "le même jour",
// "l'avant-veille", "le surlendemain".
func ruleAnaphor(ts []tok, i int) *cand {
	f := at(ts, i)
	off, n := 0, 0
	switch {
	case f == "la" && at(ts, i+1) == "veille":
		off, n = -1, 2
	case f == "le" && at(ts, i+1) == "lendemain":
		off, n = 1, 2
	case f == "l'" && at(ts, i+1) == "avant-veille":
		off, n = -2, 2
	case f == "le" && at(ts, i+1) == "surlendemain":
		off, n = 2, 2
	case f == "le" && at(ts, i+1) == "meme" && at(ts, i+2) == "jour":
		off, n = 0, 3
	case f == "le" && at(ts, i+1) == "jour" && at(ts, i+2) == "meme":
		off, n = 0, 3
	case f == "le" && partsOfDay[at(ts, i+1)] != "" && at(ts, i+2) == "meme":
		p := partsOfDay[at(ts, i+1)]
		return &cand{s: i, e: i + 3, typ: veille.TimexTime, resolve: func(c *context) string { return c.xday() + "T" + p }}
	default:
		return nil
	}
	e := i + n
	pod := ""
	if at(ts, e) == "au" || at(ts, e) == "en" {
		if p, ok := partsOfDay[at(ts, e+1)]; ok && p != "DT" {
			pod, e = p, e+2
		}
	} else if p, ok := partsOfDay[at(ts, e)]; ok && p != "DT" {
		pod, e = p, e+1
	}
	typ := veille.TimexDate
	if pod != "" {
		typ = veille.TimexTime
	}
	return &cand{s: i, e: e, typ: typ, date: pod == "", resolve: func(c *context) string {
		t, ok := c.day()
		if !ok {
			return "XXXX-XX-XX" + podSuffix(pod)
		}
		return ymd(t.AddDate(0, 0, off)) + podSuffix(pod)
	}}
}

// ruleSet reads "chaque jour", "tous les ans", "tous les deux ans",
// "tous les jeudis", "par an", "quotidiennement".
func ruleSet(ts []tok, i int) *cand {
	f := at(ts, i)
	if v, ok := setAdverbs[f]; ok {
		return &cand{s: i, e: i + 1, typ: veille.TimexSet, resolve: fixed(v)}
	}
	j := 0
	switch {
	case f == "chaque":
		j = i + 1
	case (f == "tous" || f == "toutes") && at(ts, i+1) == "les":
		j = i + 2
	case f == "par" && singularUnit(at(ts, i+1)):
		// the preposition stays outside: "par semestre"
		u := units[at(ts, i+1)]
		return &cand{s: i + 1, e: i + 2, typ: veille.TimexSet, resolve: fixed(durValue(1, u, false))}
	default:
		return nil
	}
	n := 1.0
	if q, ok := ParseNumber(at(ts, j)); ok && at(ts, j) != "un" && at(ts, j) != "une" {
		n, j = q, j+1
	}
	w := at(ts, j)
	if wd, ok := weekdays[w]; ok {
		return &cand{s: i, e: j + 1, typ: veille.TimexSet, resolve: fixed(fmt.Sprintf("XXXX-WXX-%d", wd))}
	}
	if wd, ok := weekdayPlural[w]; ok {
		return &cand{s: i, e: j + 1, typ: veille.TimexSet, resolve: fixed(fmt.Sprintf("XXXX-WXX-%d", wd))}
	}
	if p, ok := partsOfDay[strings.TrimSuffix(w, "s")]; ok {
		return &cand{s: i, e: j + 1, typ: veille.TimexSet, resolve: fixed("XXXX-XX-XXT" + p)}
	}
	if u, ok := units[w]; ok {
		return &cand{s: i, e: j + 1, typ: veille.TimexSet, resolve: fixed(durValue(n, u, false))}
	}
	return nil
}

// rulePartOfDay reads "la nuit", "dans la soirée de samedi", "le matin",
// "en fin de matinée": a part of the day last stated.
func rulePartOfDay(ts []tok, i int) *cand {
	f := at(ts, i)
	var j int
	mod := ""
	switch {
	case f == "la" || f == "l'" || f == "le":
		j = i + 1
	case (f == "fin" || f == "debut") && (at(ts, i+1) == "de" || at(ts, i+1) == "d'"):
		j, mod = i+2, boundMods[f]
	case f == "en" && (at(ts, i+1) == "soiree" || at(ts, i+1) == "matinee" || at(ts, i+1) == "journee"):
		j = i + 1
	default:
		return nil
	}
	p, ok := partsOfDay[at(ts, j)]
	if !ok {
		return nil
	}
	e := j + 1
	wd := 0
	if (at(ts, e) == "de" || at(ts, e) == "du") && weekdays[at(ts, e+1)] != 0 {
		wd, e = weekdays[at(ts, e+1)], e+2
	}
	return &cand{s: i, e: e, typ: veille.TimexTime, mod: mod, resolve: func(c *context) string {
		if wd != 0 {
			t, ok := c.weekdayNear(wd, 0)
			if !ok {
				return fmt.Sprintf("XXXX-WXX-%dT%s", wd, p)
			}
			return ymd(t) + "T" + p
		}
		return c.xday() + "T" + p
	}}
}

// ruleBoundary reads "à la fin de l'année", "en début d'année", "fin du
// mois", "en fin de semaine": a part of the anchor's period.
func ruleBoundary(ts []tok, i int) *cand {
	f := at(ts, i)
	j, start := i, i
	if (f == "la" || f == "le") && (at(ts, i+1) == "fin" || at(ts, i+1) == "debut") {
		j = i + 1
	}
	mod, ok := boundMods[at(ts, j)]
	if !ok || mod == "" || at(ts, j) == "mi" {
		return nil
	}
	k := j + 1
	switch at(ts, k) {
	case "de", "du", "d'":
		k++
	default:
		return nil
	}
	if at(ts, k) == "l'" || at(ts, k) == "la" {
		k++
	}
	dir, hasDir := directions[at(ts, k+1)]
	var f2 func(a time.Time) string
	switch at(ts, k) {
	case "annee", "an":
		f2 = func(a time.Time) string { return fmt.Sprintf("%04d", a.Year()+dir) }
	case "mois":
		f2 = func(a time.Time) string {
			return ym(time.Date(a.Year(), a.Month()+time.Month(dir), 1, 0, 0, 0, 0, time.UTC))
		}
	case "semaine":
		f2 = func(a time.Time) string { return week(a.AddDate(0, 0, 7*dir)) }
	default:
		return nil
	}
	e := k + 1
	if hasDir {
		e++
	}
	return &cand{s: start, e: e, typ: veille.TimexDate, mod: mod, resolve: func(c *context) string {
		if !c.hasAnchor {
			return ""
		}
		return f2(c.anchor)
	}}
}
