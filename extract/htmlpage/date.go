package htmlpage

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/go-shiori/dom"
	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/veille-news/veille"
	"golang.org/x/net/html"
)

// Values of Article.PublishedFrom: where the publication date was read.
const (
	FromMeta        = "meta"         // a <meta> element (article:published_time, date...)
	FromJSONLD      = "json-ld"      // a JSON-LD script (datePublished)
	FromURL         = "url"          // the /yyyy/mm/dd/ path of the page URL
	FromTimeElement = "time-element" // a <time> element
	FromAbbr        = "abbr"         // an <abbr> element (hCard/hAtom markup)
	FromText        = "text"         // a date written in the page text
)

// setDates fills Published, Updated and PublishedFrom with go-htmldate:
// once for the original publication date, once for the latest date. The
// latest date becomes Updated only when it is after Published. A date
// htmldate does not find stays unknown.
func setDates(doc *html.Node, a *veille.Article, opts Options) {
	u := opts.URL
	if u == "" {
		u = a.URL
	}
	pub, ok := findDate(doc, u, true)
	if !ok {
		return
	}
	a.Published = pub.date
	a.PublishedFrom = dateSource(doc, pub.src, u)
	if upd, ok := findDate(doc, u, false); ok && upd.date.Time.After(pub.date.Time) &&
		upd.date.String() != pub.date.String() {
		a.Updated = upd.date
	}
}

type foundDate struct {
	date veille.Date
	src  string // the text the date was read from
}

// findDate runs htmldate for the original (or the latest) date and gives
// it the precision its source text states.
func findDate(doc *html.Node, url string, original bool) (foundDate, bool) {
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:       true,
		UseOriginalDate:   original,
		URL:               url,
		DeferUrlExtractor: true,
	})
	if err != nil || res.IsZero() {
		return foundDate{}, false
	}
	if rxRelative.MatchString(res.SrcString) {
		return foundDate{}, false // relative to the crawl, not stated
	}
	p := precisionOf(res)
	return foundDate{date: veille.NewDate(res.DateTime, p), src: res.SrcString}, true
}

// rxRelative matches expressions of a date relative to the reading time.
var rxRelative = regexp.MustCompile(`(?i)\b(ago|yesterday|today|il y a|hier|aujourd)`)

// rxYearOnly matches a source that is a bare year ("2024", "© 2024").
var rxYearOnly = regexp.MustCompile(`^[^\pL\pN]*\d{4}[^\pL\pN]*$`)

// precisionOf says how precise an htmldate result is: minute when a time
// of day was read, year when the source is a bare year, month when the
// result is the first of a month the source never names as day 1, day
// otherwise.
func precisionOf(res htmldate.Result) veille.Precision {
	src := res.SrcString
	if res.HasTime {
		return veille.PrecisionMinute
	}
	if rxYearOnly.MatchString(src) {
		return veille.PrecisionYear
	}
	if res.DateTime.Day() == 1 && !mentionsDayOne(src, res.DateTime) {
		return veille.PrecisionMonth
	}
	return veille.PrecisionDay
}

// mentionsDayOne reports whether src states day 1 of t's month once the
// year is removed: a "1", "01", "1er" or "1st" token, or two of them in
// January, whose month number is a 1 too.
func mentionsDayOne(src string, t time.Time) bool {
	n := 0
	for _, tok := range strings.FieldsFunc(strings.ReplaceAll(src, t.Format("2006"), " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch strings.ToLower(tok) {
		case "1", "01", "1er", "1st":
			n++
		}
	}
	if t.Month() == time.January && !rxJanuary.MatchString(src) {
		return n >= 2
	}
	return n >= 1
}

var rxJanuary = regexp.MustCompile(`(?i)\bjan`)

// dateSource names where htmldate read the date from src: the URL, a
// meta element, a JSON-LD script, a <time> or <abbr> element, or else the
// page text.
func dateSource(doc *html.Node, src, url string) string {
	src = cleanSpace(src)
	if src == "" {
		return FromText
	}
	if url != "" && src == cleanSpace(url) || strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return FromURL
	}
	for _, n := range dom.GetElementsByTagName(doc, "meta") {
		if cleanSpace(dom.GetAttribute(n, "content")) == src || cleanSpace(dom.GetAttribute(n, "datetime")) == src {
			return FromMeta
		}
	}
	for _, n := range dom.QuerySelectorAll(doc, "script") {
		if t := strings.ToLower(dom.GetAttribute(n, "type")); strings.Contains(t, "json") && strings.Contains(dom.TextContent(n), src) {
			return FromJSONLD
		}
	}
	for _, n := range dom.GetElementsByTagName(doc, "time") {
		if overlaps(src, cleanSpace(dom.GetAttribute(n, "datetime"))) || overlaps(src, cleanSpace(dom.TextContent(n))) {
			return FromTimeElement
		}
	}
	for _, n := range dom.GetElementsByTagName(doc, "abbr") {
		if overlaps(src, cleanSpace(dom.GetAttribute(n, "title"))) || overlaps(src, cleanSpace(dom.TextContent(n))) {
			return FromAbbr
		}
	}
	return FromText
}

// overlaps reports whether the date source text src and an element's text
// s contain one another, s holding at least a digit: htmldate reads
// either the element alone or the line around it.
func overlaps(src, s string) bool {
	if s == "" || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return strings.Contains(s, src) || strings.Contains(src, s)
}
