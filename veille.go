// Package veille holds the domain types shared by every stage of the
// veille pipeline: the raw documents that enter it and the clean articles
// that come out of extraction.
//
// Data flows one way: ingest produces a Document, extract turns it into an
// Article, store keeps both. Stages depend on this package, never on each
// other's internals.
package veille

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Format is the kind of markup a raw document is written in.
type Format string

// The formats veille reads.
const (
	FormatText Format = "text" // a rendered text dump (browser or w3m output)
	FormatHTML Format = "html" // an HTML page
)

// Document is one raw input as ingest read it: the bytes as found (after
// transparent gzip decompression), their identity, and their text decoded to
// UTF-8.
type Document struct {
	// Source is the path or URL exactly as the user gave it ("-" for stdin).
	Source string
	// ID is the hex SHA-256 of Raw: the content address of the document.
	ID string
	// Raw holds the bytes as read, before any charset decoding.
	Raw []byte
	// Format is the detected markup.
	Format Format
	// Charset is the encoding Raw was decoded from ("utf-8", "windows-1252"...).
	Charset string
	// Text is Raw decoded to valid UTF-8.
	Text string
	// URL is the page address when known (given as source, or found in a
	// WARC record); empty otherwise.
	URL string
}

// Article is a clean article extracted from one Document. Its JSON form is
// a public contract: field names must not change.
type Article struct {
	Source        string   `json:"source"`
	ID            string   `json:"id"`
	Format        Format   `json:"format"`
	Site          string   `json:"site"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Authors       []string `json:"authors"`
	Published     Date     `json:"published"`
	Updated       Date     `json:"updated"`
	PublishedFrom string   `json:"published_from"`
	Language      string   `json:"language"`
	Tags          []string `json:"tags"`
	Categories    []string `json:"categories"`
	Text          string   `json:"text"`
	// Entities are the named entities mentioned in Text, in order; nil
	// until the entity stage has run.
	Entities []Mention `json:"entities,omitempty"`
	// Timexes are the temporal expressions of Text, in order, resolved
	// against the publication date; nil until the time stage has run.
	Timexes []Timex `json:"timexes,omitempty"`
	// Events are the events Text states, in order; nil until the event
	// stage has run.
	Events []Event `json:"events,omitempty"`
}

// Entity types.
const (
	TypePER  = "PER"  // a person
	TypeLOC  = "LOC"  // a place: country, city, region, natural place
	TypeORG  = "ORG"  // an organisation: government, army, party, company, agency
	TypeMISC = "MISC" // any other name: event, treaty, product
)

// Mention is one mention of a named entity in a text.
type Mention struct {
	// Start and End are byte offsets into the text: Text == text[Start:End].
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
	Text  string `json:"text"`
	// Entity is the canonical id of the entity mentioned, the same in
	// every article: a Wikidata QID ("Q57618") when the knowledge base
	// has one, else a stable slug of the normalised name ("per:kassoum-coulibaly").
	Entity string `json:"entity"`
	// Label is the entity's canonical name.
	Label string `json:"label"`
}

// Timex is a temporal expression found in a text, normalised as a TIMEX3
// value relative to the text's anchor date (its publication date).
type Timex struct {
	// Start and End are byte offsets into the text: Text == text[Start:End].
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Type is DATE, TIME, DURATION or SET (TIMEX3 types).
	Type string `json:"type"`
	// Value is the TIMEX3 value at the expression's granularity:
	// "2023-10-07", "2023-07", "2023-W40", "2022", "2023-10-07TMO",
	// "2023-10-07T14:30", "P3D", "PRESENT_REF", "XXXX-WXX-4" (every
	// Thursday). Unknown parts are X ("XXXX-05-27" without an anchor).
	Value string `json:"value"`
	// Mod is the TIMEX3 modifier when one applies: START ("début
	// octobre"), MID, END ("fin 2022"), APPROX ("vers 14 h"), BEFORE,
	// AFTER.
	Mod string `json:"mod,omitempty"`
}

// Actor is a participant of an event: an entity of the knowledge base or
// of the article, as one of its mentions names it.
type Actor struct {
	Entity string `json:"entity"`
	Label  string `json:"label"`
	Type   string `json:"type"`
	// Text is the mention in the evidence sentence ("la délégation
	// russe" gives Russia's entity with Text "russe").
	Text string `json:"text"`
	// State is the entity id of the state the actor belongs to, when the
	// knowledge base says: a country is its own, Ibrahim Traoré's and
	// Ouagadougou's is Burkina Faso's. Timelines of a country gather its
	// people and bodies through it.
	State string `json:"state,omitempty"`
}

// Event is something an article states happened: who (Source) did what
// (Type, a PLOVER category, with its Mode) to or with whom (Target),
// where, when, with the sentence that says so.
type Event struct {
	// Type is the PLOVER event category: CONSULT, AGREE, SUPPORT,
	// COOPERATE, AID, MOBILIZE, ASSAULT, COERCE, SANCTION, ...
	Type string `json:"type"`
	// Mode refines the type where PLOVER defines modes: "visit",
	// "meeting", "sign", "deploy", "coup", ...
	Mode string `json:"mode,omitempty"`
	// Trigger is the words that state the event ("s'est rendue à").
	Trigger  string `json:"trigger"`
	Source   *Actor `json:"source,omitempty"`
	Target   *Actor `json:"target,omitempty"`
	Location *Actor `json:"location,omitempty"`
	// When is the TIMEX3 value of the event's date ("2023-10-05",
	// "2023-10"), empty when the text gives none; WhenText is the
	// expression it comes from, and WhenFrom says where the date was
	// taken: "sentence", "context" (an earlier sentence) or "article"
	// (the publication date).
	When     string `json:"when,omitempty"`
	WhenText string `json:"when_text,omitempty"`
	WhenFrom string `json:"when_from,omitempty"`
	// Start and End are the byte offsets of the evidence sentence in the
	// article text.
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Evidence string `json:"evidence"`
	// Confidence, from 0 to 1, of the reading.
	Confidence float64 `json:"confidence"`
	// Figures are the numbers the sentence gives the event: the dead and
	// wounded of an attack, the soldiers of a deployment.
	Figures []Figure `json:"figures,omitempty"`
}

// Placement is the story an article was put in when stories were built:
// the story's id (the id of the article that opened it) and the score the
// article joined it with. Stories are built online, so a placement is
// never revisited: recording placements keeps story ids stable as a
// collection grows.
type Placement struct {
	Article string  `json:"article"`
	Story   string  `json:"story"`
	Score   float64 `json:"score"`
}

// Figure is a number an event report gives.
type Figure struct {
	// Kind is what is counted: "killed", "wounded", "troops".
	Kind string `json:"kind"`
	// Value is the number; Approx is set for "une vingtaine", "plus de
	// 50", "des dizaines" (Value then the order of magnitude).
	Value  float64 `json:"value"`
	Approx bool    `json:"approx,omitempty"`
	// Text is the words that state it ("une vingtaine de civils tués").
	Text string `json:"text"`
}

// Timex types (TIMEX3).
const (
	TimexDate     = "DATE"
	TimexTime     = "TIME"
	TimexDuration = "DURATION"
	TimexSet      = "SET"
)

// Normalize replaces nil slices with empty ones so that the JSON form always
// carries arrays, never null, for list fields.
func (a *Article) Normalize() {
	if a.Authors == nil {
		a.Authors = []string{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	if a.Categories == nil {
		a.Categories = []string{}
	}
}

// Precision says how much of a Date the source actually stated.
type Precision int

// Precisions, from none (unknown date) to a full time of day.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
	PrecisionMinute
	PrecisionSecond
)

// String names the precision.
func (p Precision) String() string {
	switch p {
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	case PrecisionMinute:
		return "minute"
	case PrecisionSecond:
		return "second"
	}
	return "none"
}

// Date is a calendar date known to a given precision. The zero Date means
// "not stated" and marshals to JSON null. Fields finer than the precision
// are meaningless and kept at their zero value.
type Date struct {
	Time      time.Time
	Precision Precision
}

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// Compare orders dates by the start of the period each covers, unknown
// dates after every known one: -1 when d comes first, +1 when o does, 0
// when they start together or are both unknown. Sorting by it puts
// articles in publication order, undated last.
func (d Date) Compare(o Date) int {
	ds, _, dok := d.Span()
	os, _, ook := o.Span()
	switch {
	case !dok && !ook:
		return 0
	case !dok:
		return 1
	case !ook:
		return -1
	}
	return ds.Compare(os)
}

// Span returns the period the date covers, [start, end), in UTC: the
// whole year for "2023", the day for "2023-09-02", one minute for a time
// to the minute. ok is false for the unknown date.
func (d Date) Span() (start, end time.Time, ok bool) {
	if d.IsZero() || d.String() == "" {
		return time.Time{}, time.Time{}, false
	}
	start = NewDate(d.Time, d.Precision).Time
	switch d.Precision {
	case PrecisionYear:
		end = start.AddDate(1, 0, 0)
	case PrecisionMonth:
		end = start.AddDate(0, 1, 0)
	case PrecisionDay:
		end = start.AddDate(0, 0, 1)
	case PrecisionMinute:
		end = start.Add(time.Minute)
	default:
		end = start.Add(time.Second)
	}
	return start, end, true
}

// NewDate builds a Date from t truncated to precision p.
func NewDate(t time.Time, p Precision) Date {
	if p == PrecisionNone {
		return Date{}
	}
	y, m, day := t.Date()
	switch p {
	case PrecisionYear:
		t = time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		t = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionDay:
		t = time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	case PrecisionMinute:
		t = time.Date(y, m, day, t.Hour(), t.Minute(), 0, 0, time.UTC)
	case PrecisionSecond:
		t = time.Date(y, m, day, t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return Date{Time: t, Precision: p}
}

// String formats the date in ISO 8601 at its precision: "2023", "2023-10",
// "2023-09-02", "2025-04-03T11:51", "2025-04-03T11:51:07". The unknown date
// formats as "".
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return d.Time.Format("2006")
	case PrecisionMonth:
		return d.Time.Format("2006-01")
	case PrecisionDay:
		return d.Time.Format("2006-01-02")
	case PrecisionMinute:
		return d.Time.Format("2006-01-02T15:04")
	case PrecisionSecond:
		return d.Time.Format("2006-01-02T15:04:05")
	}
	return ""
}

// ParseDate parses an ISO 8601 date at any of the precisions String writes.
// The empty string parses to the zero Date.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Date{}, nil
	}
	layouts := []struct {
		layout string
		p      Precision
	}{
		{"2006", PrecisionYear},
		{"2006-01", PrecisionMonth},
		{"2006-01-02", PrecisionDay},
		{"2006-01-02T15:04", PrecisionMinute},
		{"2006-01-02T15:04:05", PrecisionSecond},
	}
	for _, l := range layouts {
		if len(s) != len(l.layout) {
			continue
		}
		t, err := time.Parse(l.layout, s)
		if err == nil {
			return Date{Time: t, Precision: l.p}, nil
		}
	}
	return Date{}, fmt.Errorf("veille: invalid ISO 8601 date %q", s)
}

// MarshalJSON writes the date as an ISO string, or null when unknown.
func (d Date) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(d.String())
}

// UnmarshalJSON reads what MarshalJSON writes.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = Date{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("veille: date: %w", err)
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
