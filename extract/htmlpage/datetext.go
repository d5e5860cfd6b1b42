package htmlpage

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/veille-news/veille"
)

// statedDate is a date read from a string, at the precision the string
// states, with where it sits in that string.
type statedDate struct {
	date       veille.Date
	start, end int // byte offsets of the date in the string read
}

// rxISO matches an ISO 8601 (or RFC 3339) value as written in datetime
// attributes, meta elements and JSON-LD: a year, month, day, then hours and
// minutes, then seconds, each optional after the year, and an offset that
// is ignored (the page's wall clock is kept, as htmldate does).
var rxISO = regexp.MustCompile(`^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$`)

// parseStated reads a machine-readable date value (a datetime attribute,
// a meta content, a JSON-LD date) at the precision it states: "2024" is a
// year, "2024-03" a month, "2024-03-14" a day, "2024-03-14T09:30" a minute
// and "2024-03-14T09:30:12+01:00" a second. A value that is not ISO is read
// as text ("Sat, 07 Oct 2023 08:30:12 GMT", "14/03/2024 09h30"). Dates
// before 1995 or in the future are refused.
func parseStated(s string) (veille.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return veille.Date{}, false
	}
	if m := rxISO.FindStringSubmatch(s); m != nil {
		n := make([]int, 7)
		p := veille.PrecisionYear
		for i := 1; i <= 6; i++ {
			if m[i] == "" {
				break
			}
			n[i], _ = strconv.Atoi(m[i])
			switch i {
			case 2:
				p = veille.PrecisionMonth
			case 3:
				p = veille.PrecisionDay
			case 5:
				p = veille.PrecisionMinute
			case 6:
				p = veille.PrecisionSecond
			}
		}
		if n[2] == 0 {
			n[2] = 1
		}
		if n[3] == 0 {
			n[3] = 1
		}
		return makeDate(n[1], n[2], n[3], n[4], n[5], n[6], p)
	}
	if ds := datesInText(s); len(ds) > 0 {
		return ds[0].date, true
	}
	return veille.Date{}, false
}

// makeDate builds a Date at precision p after checking that the fields
// name a real instant between 1995 and tomorrow.
func makeDate(y, mo, d, h, mi, sec int, p veille.Precision) (veille.Date, bool) {
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 || h < 0 || mi < 0 || sec < 0 {
		return veille.Date{}, false
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC)
	if t.Day() != d {
		return veille.Date{}, false // 30 February
	}
	if y < 1995 || t.After(time.Now().UTC().Add(48*time.Hour)) {
		return veille.Date{}, false
	}
	return veille.NewDate(t, p), true
}

// months maps French and English month names and their usual
// abbreviations, lower case, to month numbers.
var months = map[string]int{
	"janvier": 1, "janv": 1, "jan": 1, "january": 1,
	"février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "feb": 2, "february": 2,
	"mars": 3, "mar": 3, "march": 3,
	"avril": 4, "avr": 4, "apr": 4, "april": 4,
	"mai": 5, "may": 5,
	"juin": 6, "jun": 6, "june": 6,
	"juillet": 7, "juil": 7, "jul": 7, "july": 7,
	"août": 8, "aout": 8, "aoû": 8, "aug": 8, "august": 8,
	"septembre": 9, "sept": 9, "sep": 9, "september": 9,
	"octobre": 10, "oct": 10, "october": 10,
	"novembre": 11, "nov": 11, "november": 11,
	"décembre": 12, "decembre": 12, "déc": 12, "dec": 12, "december": 12,
}

const monthAlt = `janvier|janv|january|jan|février|fevrier|february|févr|fevr|fév|fev|feb|mars|march|mar|avril|april|avr|apr|mai|may|juin|june|jun|juillet|july|juil|jul|août|aout|aoû|august|aug|septembre|september|sept|sep|octobre|october|oct|novembre|november|nov|décembre|decembre|december|déc|dec`

// Date patterns of running text, French and English.
var (
	rxDayMonthYear = regexp.MustCompile(`(?i)\b(\d{1,2})(?:er|st|nd|rd|th)?\s+(` + monthAlt + `)\.?,?\s+(\d{4})\b`)
	rxMonthDayYear = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)
	rxYMD          = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T|\b)`)
	rxDMY          = regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b`)
	rxMonthYear    = regexp.MustCompile(`(?i)\b(` + monthAlt + `)\.?\s+(\d{4})\b`)
	// rxClock matches a time of day right after a date: "à 10h05",
	// ", 08:30:12", "T10:05", "5:20 PM".
	// rxClockBefore matches a time of day that ends right before a date,
	// a time zone or a weekday between them.
	rxClockBefore = regexp.MustCompile(`(?i)\b(\d{1,2})\s*[:h]\s*(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?)?(?:\s+[A-Z]{2,4})?(?:,?\s+[A-Za-zéû]{3,9}\.?)?\s*[,|–-]?\s*$`)
	rxClock       = regexp.MustCompile(`(?i)^(?:\s*(?:,|à|a|at|-|–|—|\||·|T)?\s*)(\d{1,2})\s*(?:h|:)\s*(\d{2})(?:\s*(?::|m|min)\s*(\d{2}))?(?:\s*([ap])\.?m\.?\b)?`)
)

// clock12 converts an hour of a 12-hour clock to 24 hours; ampm is "a"
// or "p".
func clock12(h int, ampm string) int {
	if h > 12 {
		return h
	}
	switch strings.ToLower(ampm) {
	case "p":
		if h < 12 {
			h += 12
		}
	case "a":
		if h == 12 {
			h = 0
		}
	}
	return h
}

// datesInText finds the dates written in s, in order: "10 juin 2025",
// "April 4, 2025 5:20 PM", "07/10/2023 08:30", "2023-10-07", "mars 2024".
// A numeric d/m/y date is read day first unless the day cannot be a month.
// Each date has the precision s states: a month, a day, a minute, or a
// second when the clock gives them.
func datesInText(s string) []statedDate {
	var out []statedDate
	taken := func(a, b int) bool {
		for _, d := range out {
			if a < d.end && b > d.start {
				return true
			}
		}
		return false
	}
	add := func(loc []int, y, mo, d int, p veille.Precision) {
		if taken(loc[0], loc[1]) {
			return
		}
		end := loc[1]
		h, mi, sec := 0, 0, 0
		if p == veille.PrecisionDay {
			if c := rxClockBefore.FindStringSubmatchIndex(s[:loc[0]]); c != nil {
				// "01:38:07 PM IST Nov 20, 2019", "Fri 6:45 PM, Feb 16, 2018"
				h, _ = strconv.Atoi(s[c[2]:c[3]])
				mi, _ = strconv.Atoi(s[c[4]:c[5]])
				p = veille.PrecisionMinute
				if c[6] >= 0 {
					sec, _ = strconv.Atoi(s[c[6]:c[7]])
					p = veille.PrecisionSecond
				}
				if c[8] >= 0 {
					h = clock12(h, s[c[8]:c[9]])
				}
			} else if c := rxClock.FindStringSubmatchIndex(s[end:]); c != nil {
				h, _ = strconv.Atoi(s[end+c[2] : end+c[3]])
				mi, _ = strconv.Atoi(s[end+c[4] : end+c[5]])
				p = veille.PrecisionMinute
				if c[6] >= 0 {
					sec, _ = strconv.Atoi(s[end+c[6] : end+c[7]])
					p = veille.PrecisionSecond
				}
				if c[8] >= 0 {
					h = clock12(h, s[end+c[8]:end+c[9]])
				}
				end += c[1]
			}
		}
		if dt, ok := makeDate(y, mo, d, h, mi, sec, p); ok {
			out = append(out, statedDate{date: dt, start: loc[0], end: end})
		}
	}
	atoi := func(m []int, i int) int {
		v, _ := strconv.Atoi(s[m[2*i]:m[2*i+1]])
		return v
	}
	month := func(m []int, i int) int { return months[strings.ToLower(s[m[2*i]:m[2*i+1]])] }
	for _, m := range rxDayMonthYear.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(m, 3), month(m, 2), atoi(m, 1), veille.PrecisionDay)
	}
	for _, m := range rxMonthDayYear.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(m, 3), month(m, 1), atoi(m, 2), veille.PrecisionDay)
	}
	for _, m := range rxYMD.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(m, 1), atoi(m, 2), atoi(m, 3), veille.PrecisionDay)
	}
	for _, m := range rxDMY.FindAllStringSubmatchIndex(s, -1) {
		d, mo := atoi(m, 1), atoi(m, 2)
		if mo > 12 && d <= 12 {
			d, mo = mo, d
		}
		add(m, atoi(m, 3), mo, d, veille.PrecisionDay)
	}
	for _, m := range rxMonthYear.FindAllStringSubmatchIndex(s, -1) {
		add(m, atoi(m, 2), month(m, 1), 1, veille.PrecisionMonth)
	}
	// In order of appearance.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// rxSeconds matches a clock time that states its seconds.
var rxSeconds = regexp.MustCompile(`\d{1,2}:\d{2}:\d{2}`)
