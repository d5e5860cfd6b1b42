package dumpmeta

import (
	"time"

	dps "github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"

	"github.com/veille-news/veille"
)

// absoluteParser is go-dateparser restricted to absolute dates: no
// timestamps, no relative expressions ("hier", "il y a 3 jours").
var absoluteParser = &dps.Parser{ParserTypes: []dps.ParserType{dps.AbsoluteTime}}

// fallbackConfig asks for a full calendar date (day, month and year must
// all be written) in French or English, day first when ambiguous.
var fallbackConfig = &dps.Configuration{
	Languages:          []string{"fr", "en"},
	DateOrder:          dps.DMY,
	StrictParsing:      true,
	ReturnTimeAsPeriod: true,
	// Fixed so that nothing depends on the clock; strict parsing never
	// fills a missing part from it anyway.
	CurrentTime:     time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC),
	DefaultTimezone: time.UTC,
}

// parseFallback hands s to go-dateparser for the absolute forms FindDates
// does not know ("2 septembre 2023 à 10 h 30", "Sept. 2nd, 2023 10.15").
// It is only called on a string already isolated as a date value, and
// requires a four-digit year in it, so that it never turns a relative or
// partial expression into an invented date.
func parseFallback(s string) (d veille.Date, ok bool) {
	// Numeric forms are FindDates' own: what it rejects is invalid, and
	// go-dateparser would read it in another order ("2024-13-01").
	if len(s) > 64 || !hasYear(s) || letterCount(s) < 3 {
		return veille.Date{}, false
	}
	defer func() {
		if recover() != nil { // third-party parser on arbitrary input
			d, ok = veille.Date{}, false
		}
	}()
	r, err := absoluteParser.Parse(fallbackConfig, s)
	if err != nil || r.IsZero() {
		return veille.Date{}, false
	}
	t := r.Time // wall clock as written, like FindDates
	if y := t.Year(); y < minYear || y > maxYear {
		return veille.Date{}, false
	}
	var p veille.Precision
	switch r.Period {
	case date.Second:
		p = veille.PrecisionSecond
	case date.Minute, date.Hour:
		p = veille.PrecisionMinute
	case date.Day:
		p = veille.PrecisionDay
	default:
		return veille.Date{}, false
	}
	return veille.NewDate(t, p), true
}

// hasYear reports whether s holds a plausible four-digit year.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 {
			if y := atoi(s[i-4 : i]); y >= minYear && y <= maxYear {
				return true
			}
		}
		run = 0
	}
	return false
}
