// Package timex finds the temporal expressions of French text and
// normalises them to TIMEX3 values relative to an anchor date (the
// article's publication date): "hier soir" → 2023-10-06TEV, "le 5
// octobre" → 2023-10-05, "en juillet dernier" → 2023-07, "cette semaine"
// → 2023-W40, "il y a trois jours" → 2023-10-04, "depuis septembre 2022"
// → 2022-09, "fin 2022" → 2022 (END), "trois ans" → P3Y, "tous les
// jeudis" → XXXX-WXX-4.
//
// It is written here because no Go library finds French temporal
// expressions: go-dateparser parses an absolute date once its span is
// known, but neither finds spans in running text nor resolves relative
// ones against an anchor (span F1 0.29 on FR-TimeBank). The rules follow
// the TIMEX3 guidelines for French (ISO-TimeML): a span keeps its
// determiner and its approximation word ("le 16 juillet", "vers 14 h"),
// not the prepositions that relate it to an event ("en", "depuis", "à").
//
// Direction: "dernier" and "prochain" decide; otherwise the tense of the
// sentence does (a future or conditional verb, "va", "prévu" point
// forward; news otherwise reports the past): "mercredi" in "a reçu
// mercredi" is the last Wednesday, in "recevra mercredi" the next one.
// Times of day and anaphoric dates ("la veille", "le même jour") take the
// last date the text stated, or the anchor.
package timex

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/tokenize"
)

// tok is a token with its folded form.
type tok struct {
	text, f    string
	start, end int
	kind       tokenize.Kind
	sent       int
}

// cand is a candidate expression over tokens [s, e).
type cand struct {
	s, e    int
	typ     string
	mod     string
	resolve func(c *context) string
	// date: the expression states a calendar day (a reference for the
	// times and anaphors after it)
	date bool
}

// context is what resolution needs: the anchor, the last date stated,
// the direction of the sentence.
type context struct {
	anchor    time.Time
	hasAnchor bool
	// month: the anchor when only its month is known (an article dated
	// "2023-10"): enough to place "le 5 octobre", not "hier"
	month    time.Time
	hasMonth bool
	ref      time.Time // last day stated, or the anchor
	hasRef   bool
	future   bool // the sentence speaks of the future
}

// Find returns the temporal expressions of text in order, their values
// resolved against anchor (the article's date; the zero Date leaves the
// parts it would give as X).
func Find(text string, anchor veille.Date) []veille.Timex {
	ts := tokens(text)
	if len(ts) == 0 {
		return nil
	}
	futures := sentenceTenses(ts)
	c := &context{}
	if !anchor.IsZero() && anchor.Precision >= veille.PrecisionDay {
		c.anchor, c.hasAnchor = anchor.Time, true
		c.ref, c.hasRef = anchor.Time, true
		c.month, c.hasMonth = anchor.Time, true
	} else if anchor.Precision == veille.PrecisionMonth {
		t := anchor.Time
		c.month, c.hasMonth = time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC), true
	}
	var out []veille.Timex
	for i := 0; i < len(ts); {
		// "2002/2003", "1999-2000": two years in one token
		if g := rxYearPair.FindStringSubmatchIndex(ts[i].text); g != nil {
			for k := 2; k <= 4; k += 2 {
				st, en := ts[i].start+g[k], ts[i].start+g[k+1]
				out = append(out, veille.Timex{Start: st, End: en, Text: text[st:en], Type: veille.TimexDate, Value: text[st:en]})
			}
			i++
			continue
		}
		best := (*cand)(nil)
		for _, r := range rules {
			if cd := r(ts, i); cd != nil && cd.e > i && (best == nil || cd.e > best.e) {
				best = cd
			}
		}
		if best == nil {
			i++
			continue
		}
		c.future = futures[ts[i].sent]
		// a determiner taken back may belong to the expression before
		for n := len(out); n > 0 && best.s < best.e && ts[best.s].start < out[n-1].End; {
			best.s++
		}
		if best.s >= best.e {
			i++
			continue
		}
		v := best.resolve(c)
		if v != "" {
			out = append(out, veille.Timex{
				Start: ts[best.s].start, End: ts[best.e-1].end,
				Text: text[ts[best.s].start:ts[best.e-1].end],
				Type: best.typ, Value: v, Mod: best.mod,
			})
			if (best.date || best.typ == veille.TimexTime) && len(v) >= 10 && v[0] != 'X' {
				if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
					c.ref, c.hasRef = t, true
				}
			}
		} else if best.e > i+1 {
			// nothing to give it: the words inside may still be one
			// ("les 27 et 28 juillet" is no bare "les 27")
			i++
			continue
		}
		i = best.e
	}
	return joinDayAndTime(text, out)
}

// joinDayAndTime makes one expression of a day and the clock time that
// follows it ("hier à 10 h", "le 2 octobre vers 9 h 15"): a TIME on that
// day.
func joinDayAndTime(text string, ts []veille.Timex) []veille.Timex {
	out := ts[:0]
	for k := 0; k < len(ts); k++ {
		a := ts[k]
		if k+1 < len(ts) {
			b := ts[k+1]
			if b.Start < a.End {
				out = append(out, a)
				continue
			}
			gap := strings.TrimSpace(text[a.End:b.Start])
			if a.Type == veille.TimexDate && b.Type == veille.TimexTime && len(a.Value) == 10 &&
				strings.HasPrefix(b.Value[min(10, len(b.Value)):], "T") && len(b.Value) > 11 && b.Value[11] >= '0' && b.Value[11] <= '9' &&
				gap == "à" {
				a.End, a.Text, a.Type = b.End, text[a.Start:b.End], veille.TimexTime
				a.Value += b.Value[10:]
				out = append(out, a)
				k++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}

// rxYearPair matches two years in one token: a season, a range.
var rxYearPair = regexp.MustCompile(`^(1[89]\d\d|20\d\d)[-/–](1[89]\d\d|20\d\d)$`)

// tokens cuts text into tokens with their folded forms and sentence
// numbers.
func tokens(text string) []tok {
	var out []tok
	for si, s := range tokenize.Sentences(text) {
		for _, t := range s.Tokens {
			out = append(out, tok{text: t.Text, f: tokenize.Fold(t.Text), start: t.Start, end: t.End, kind: t.Kind, sent: si})
		}
	}
	return out
}

// futureWords mark a sentence about the future.
var futureWords = map[string]bool{
	"va": true, "vont": true, "sera": true, "seront": true, "aura": true, "auront": true,
	"devra": true, "devront": true, "devrait": true, "devraient": true, "prevu": true, "prevue": true,
	"prevus": true, "prevues": true, "pourra": true, "pourront": true, "compte": true, "entend": true,
	"envisage": true, "doit": true, "doivent": true, "prochain": true, "prochaine": true,
}

// sentenceTenses tells, for each sentence, whether it speaks of the
// future: a future-tense verb (ending in -ra, -ront, -rai, -rons, -rez)
// or a word of futureWords. Nouns ending the same way ("caméra") are
// rare next to a date.
func sentenceTenses(ts []tok) []bool {
	n := ts[len(ts)-1].sent + 1
	out := make([]bool, n)
	for _, t := range ts {
		if t.kind != tokenize.Word {
			continue
		}
		f := t.f
		if futureWords[f] || (len(f) > 4 && t.text[0] >= 'a' && t.text[0] <= 'z' &&
			(strings.HasSuffix(f, "ra") || strings.HasSuffix(f, "ront") || strings.HasSuffix(f, "rez"))) {
			out[t.sent] = true
		}
	}
	return out
}

// Formatting of values.

func ymd(t time.Time) string { return t.Format("2006-01-02") }
func ym(t time.Time) string  { return t.Format("2006-01") }
func yy(t time.Time) string  { return t.Format("2006") }
func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// day returns the reference day, or "" when there is none.
func (c *context) day() (time.Time, bool) { return c.ref, c.hasRef }

// xday formats the reference day, or XXXX-XX-XX.
func (c *context) xday() string {
	if t, ok := c.day(); ok {
		return ymd(t)
	}
	return "XXXX-XX-XX"
}

// nearestMonthDay places month m (and day d, 0 for the month alone)
// before or after the anchor: dir -1 the last one, +1 the next one, 0 by
// the sentence's tense. Without an anchor the year is X.
func (c *context) nearestMonthDay(m, d, dir int) (time.Time, bool) {
	if !c.hasMonth {
		return time.Time{}, false
	}
	a := c.month
	dd := d
	if dd == 0 {
		dd = 1
	}
	t := time.Date(a.Year(), time.Month(m), dd, 0, 0, 0, 0, time.UTC)
	if dir == 0 {
		dir = -1
		if c.future {
			dir = 1
		}
		// a date of this month or close to the anchor stays in its year
		if d == 0 && m == int(a.Month()) {
			return t, true
		}
		if diff := t.Sub(a); diff > -45*24*time.Hour && diff < 45*24*time.Hour {
			return t, true
		}
	}
	if dir < 0 {
		lim := a
		if d == 0 {
			lim = time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		if t.After(lim) {
			t = t.AddDate(-1, 0, 0)
		}
	} else {
		lim := a
		if d == 0 {
			lim = time.Date(a.Year(), a.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		if t.Before(lim) {
			t = t.AddDate(1, 0, 0)
		}
	}
	return t, true
}

// weekdayNear returns the weekday wd (1 Monday … 7 Sunday) nearest the
// anchor (news name weekdays from the day they appear) in the direction
// dir (0: by tense; the anchor's own
// weekday is the anchor).
func (c *context) weekdayNear(wd, dir int) (time.Time, bool) {
	base, ok := c.anchor, c.hasAnchor
	if !ok {
		return time.Time{}, false
	}
	cur := int(base.Weekday())
	if cur == 0 {
		cur = 7
	}
	if dir == 0 {
		if cur == wd {
			return base, true
		}
		dir = -1
		if c.future {
			dir = 1
		}
	}
	if dir < 0 {
		back := (cur - wd + 7) % 7
		if back == 0 {
			back = 7
		}
		return base.AddDate(0, 0, -back), true
	}
	fwd := (wd - cur + 7) % 7
	if fwd == 0 {
		fwd = 7
	}
	return base.AddDate(0, 0, fwd), true
}
