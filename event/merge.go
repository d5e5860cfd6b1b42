package event

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/veille-news/veille"
)

// Report is an event as one article tells it.
type Report struct {
	Event     veille.Event `json:"event"`
	ArticleID string       `json:"article"`
	Site      string       `json:"site,omitempty"`
	Title     string       `json:"title,omitempty"`
	URL       string       `json:"url,omitempty"`
	Published veille.Date  `json:"published"`
	// Background: the article recalls the event long after it happened
	// (more than BackgroundAfter before its publication).
	Background bool `json:"background"`
	// Entities are the ids of the entities the article mentions; they
	// tell which event an undated report belongs to.
	Entities []string `json:"-"`
}

// Claim is one date the reports give an event, with the articles that
// give it.
type Claim struct {
	When     string   `json:"when"`
	Articles []string `json:"articles"`
}

// Merged is one event, told by one or more reports: the same type
// between the same parties at compatible dates. Reports that disagree on
// the date keep their claims (Claims has several entries).
type Merged struct {
	Type     string        `json:"type"`
	Mode     string        `json:"mode,omitempty"`
	Source   *veille.Actor `json:"source,omitempty"`
	Target   *veille.Actor `json:"target,omitempty"`
	Location *veille.Actor `json:"location,omitempty"`
	// When is the most precise date the reports agree on, "" when none
	// gives one.
	When   string  `json:"when,omitempty"`
	Claims []Claim `json:"claims,omitempty"`
	// Background: every report recalls it long after the fact.
	Background bool `json:"background"`
	// Figures are the numbers the reports give (the dead of an attack),
	// each with the articles that give it: reports that disagree keep
	// their own.
	Figures []FigureClaim `json:"figures,omitempty"`
	Reports []Report      `json:"reports"`
}

// FigureClaim is one number given for an event, by the articles that
// give it.
type FigureClaim struct {
	veille.Figure
	Articles []string `json:"articles"`
}

// BackgroundAfter is how long after an event an article recalls it as
// background rather than news.
const BackgroundAfter = 30 * 24 * time.Hour

// Merge groups the reports of one event into one Merged, in date order
// (undated last). Two reports tell the same event when they have the same
// type, the same parties (a party one report leaves out does not part
// them; the source and target may be swapped, "X met Y" being "Y met X"),
// and compatible dates: equal, one within the other ("2023-10" and
// "2023-10-02"), or days one apart (a claim each). Dates taken from the
// publication date only are weak: they join a dated event of the same
// parties within three days. A report with no date at all joins the only
// dated event of its type between its two parties, when there is exactly
// one.
func Merge(reports []Report) []Merged {
	var out []*Merged
	// dated reports first, so that an undated one can find its event
	ordered := slices.Clone(reports)
	slices.SortStableFunc(ordered, func(a, b Report) int {
		switch {
		case a.Event.When == "" && b.Event.When != "":
			return 1
		case a.Event.When != "" && b.Event.When == "":
			return -1
		}
		return 0
	})
	// in how many articles each entity is mentioned
	df := map[string]int{}
	seenArt := map[string]bool{}
	for _, r := range reports {
		if seenArt[r.ArticleID] {
			continue
		}
		seenArt[r.ArticleID] = true
		for _, e := range r.Entities {
			df[e]++
		}
	}
	for _, r := range ordered {
		r.Background = isBackground(r)
		var into *Merged
		if r.Event.When == "" {
			into = onlyMatch(out, r, df)
		}
		for _, m := range out {
			if into != nil {
				break
			}
			if sameEvent(m, r.Event) {
				into = m
				break
			}
		}
		if into == nil {
			into = &Merged{Type: r.Event.Type, Mode: r.Event.Mode}
			out = append(out, into)
		}
		into.add(r)
	}
	res := make([]Merged, len(out))
	for i, m := range out {
		m.settle()
		res[i] = *m
	}
	slices.SortStableFunc(res, func(a, b Merged) int {
		switch {
		case a.When == "" && b.When != "":
			return 1
		case a.When != "" && b.When == "":
			return -1
		}
		sa, ea, _ := period(a.When)
		sb, eb, _ := period(b.When)
		if c := sa.Compare(sb); c != 0 {
			return c
		}
		return ea.Compare(eb) // the shorter period first
	})
	return res
}

// id is the key of a party: its state when the base knows it, so that
// Ibrahim Traoré receiving a Russian delegation and Russia visiting
// Burkina Faso the same day are one event between the two states.
func id(a *veille.Actor) string {
	if a == nil {
		return ""
	}
	if a.State != "" {
		return a.State
	}
	return a.Entity
}

// onlyMatch returns the dated event an undated report tells: the only
// one of its type between its two parties (either way round), or among
// several the one whose articles share the most other entities with the
// report's (the same minister met, the same town); nil when none stands
// out. The parties are compared as entities first (Ibrahim Traoré and
// Russia), then as states; an event held in another country than the
// report's place is not a candidate.
func onlyMatch(ms []*Merged, r Report, df map[string]int) *Merged {
	for _, key := range []func(*veille.Actor) string{entityKey, id} {
		cands := candidates(ms, r.Event, key)
		switch {
		case len(cands) == 1:
			return cands[0]
		case len(cands) > 1:
			return closest(cands, r, df)
		}
	}
	return nil
}

// closest picks among candidate events the one whose reporting articles
// share the most with r's article: the other entities they both mention
// (the same minister met, the same town), each weighted by how few of the
// articles mention it (df), so that the country every article names
// counts for little, and people twice as much as the rest. nil on a tie
// or when nothing is shared.
func closest(cands []*Merged, r Report, df map[string]int) *Merged {
	mine := map[string]bool{}
	for _, e := range r.Entities {
		mine[e] = true
	}
	delete(mine, entityKey(r.Event.Source))
	delete(mine, entityKey(r.Event.Target))
	best, bestScore, tie := (*Merged)(nil), 0.0, false
	for _, m := range cands {
		shared := map[string]bool{}
		for _, rep := range m.Reports {
			for _, e := range rep.Entities {
				if mine[e] {
					shared[e] = true
				}
			}
		}
		score := 0.0
		for e := range shared {
			w := 1 / float64(max(df[e], 1))
			if strings.HasPrefix(e, "per:") {
				w *= 2 // a person met is better evidence than a place named
			}
			score += w
		}
		switch {
		case score > bestScore+1e-9:
			best, bestScore, tie = m, score, false
		case score > 0 && score >= bestScore-1e-9:
			tie = true
		}
	}
	if tie || best == nil {
		return nil
	}
	return best
}

// candidates returns the dated events of e's type with a report between
// e's two parties as key names them.
func candidates(ms []*Merged, e veille.Event, key func(*veille.Actor) string) []*Merged {
	s, t := key(e.Source), key(e.Target)
	if s == "" || t == "" {
		return nil
	}
	var found []*Merged
	for _, m := range ms {
		if m.Type != e.Type || len(m.Reports) == 0 || m.Reports[0].Event.When == "" || modesDiffer(m.Type, m.Mode, e.Mode) {
			continue
		}
		if el, ml := place(e.Location), place(m.Location); el != "" && ml != "" && el != ml {
			continue // met elsewhere
		}
		for _, r := range m.Reports {
			rs, rt := key(r.Event.Source), key(r.Event.Target)
			if (rs == s && rt == t) || (rs == t && rt == s) {
				found = append(found, m)
				break
			}
		}
	}
	return found
}

// modesDiffer reports whether two modes of one type name different
// happenings: an ambassador appointed and an embassy reopened are two
// SUPPORT events, while the visit of a delegation and the meetings it
// holds are one CONSULT.
func modesDiffer(typ, a, b string) bool {
	return typ != "CONSULT" && a != "" && b != "" && a != b
}

// parties match when no known party of one contradicts the other's.
func partiesMatch(a1, b1, a2, b2 string) bool {
	ok := func(x, y string) bool { return x == "" || y == "" || x == y }
	if ok(a1, a2) && ok(b1, b2) && (a1 == a2 && a1 != "" || b1 == b2 && b1 != "") {
		return true
	}
	// swapped: a meeting of X with Y is one of Y with X
	return ok(a1, b2) && ok(b1, a2) && (a1 == b2 && a1 != "" || b1 == a2 && b1 != "")
}

// sameParties compares e's parties with the event's as its reports
// have filled them in: a report that names one party only cannot bridge
// two events that name different others.
func (m *Merged) sameParties(e veille.Event) bool {
	return partiesMatch(id(m.Source), id(m.Target), id(e.Source), id(e.Target))
}

func sameEvent(m *Merged, e veille.Event) bool {
	if m.Type != e.Type || modesDiffer(m.Type, m.Mode, e.Mode) || !m.sameParties(e) {
		return false // an embassy reopened is no ambassador appointed
	}
	if e.When == "" {
		// an undated report joins a dated event only through onlyMatch;
		// otherwise the undated reports of the same parties go together
		return len(m.Reports) > 0 && m.Reports[0].Event.When == ""
	}
	for _, r := range m.Reports {
		if datesCompatible(r.Event, e) {
			return true
		}
	}
	return false
}

// period returns the span of time a TIMEX3 date value names: a year, a
// month, an ISO week ("2023-W40"), a day; ok is false for other values.
func period(v string) (start, end time.Time, ok bool) {
	if len(v) == 8 && v[4:6] == "-W" {
		var y, w int
		if _, err := fmt.Sscanf(v, "%4d-W%2d", &y, &w); err != nil {
			return time.Time{}, time.Time{}, false
		}
		// the Monday of ISO week 1 is in the week of 4 January
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return mon, mon.AddDate(0, 0, 7), true
	}
	d, err := veille.ParseDate(v)
	if err != nil || d.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	return d.Span()
}

// granularity ranks a date value: 1 year, 2 month, 3 week, 4 day.
func granularity(v string) int {
	switch {
	case len(v) == 4:
		return 1
	case len(v) == 7:
		return 2
	case len(v) == 8 && v[4:6] == "-W":
		return 3
	}
	return 4
}

// datesCompatible tells whether two reports' dates may be one event's:
// one period within the other, at most one step coarser (a month and a
// day of it, a week and a day of it; a bare year is too coarse to join a
// day), or two days one apart (three when one came from the publication
// date).
func datesCompatible(a, b veille.Event) bool {
	wa, wb := a.When, b.When
	if wa == "" || wb == "" {
		return wa == wb
	}
	weakA, weakB := a.WhenFrom == "article", b.WhenFrom == "article"
	if wa == wb {
		return true
	}
	sa, ea, okA := period(wa)
	sb, eb, okB := period(wb)
	if !okA || !okB {
		return false
	}
	ga, gb := granularity(wa), granularity(wb)
	inside := (!sa.Before(sb) && !ea.After(eb)) || (!sb.Before(sa) && !eb.After(ea))
	if inside && (ga-gb <= 1 && gb-ga <= 1 || min(ga, gb) >= 2 && max(ga, gb) == 4) {
		return true
	}
	ta, errA := time.Parse("2006-01-02", wa)
	tb, errB := time.Parse("2006-01-02", wb)
	if errA != nil || errB != nil {
		return false
	}
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	if weakA || weakB {
		return d <= 3*24*time.Hour
	}
	return d <= 24*time.Hour
}

func isBackground(r Report) bool {
	if r.Published.IsZero() || r.Event.When == "" || r.Event.WhenFrom == "article" {
		return false
	}
	d, err := veille.ParseDate(r.Event.When)
	if err != nil {
		return false
	}
	_, end, _ := d.Span()
	return r.Published.Time.Sub(end) > BackgroundAfter
}

func (m *Merged) add(r Report) {
	m.Reports = append(m.Reports, r)
	e := r.Event
	if m.Source == nil && e.Source != nil {
		m.Source = e.Source
	}
	if m.Target == nil && e.Target != nil {
		m.Target = e.Target
	}
	if m.Location == nil && e.Location != nil {
		m.Location = e.Location
	}
	if m.Mode == "" {
		m.Mode = e.Mode
	}
}

// settle computes the date, the claims and the background flag once all
// reports are in. Dates read from the sentence outrank those from context,
// which outrank the publication date; among equals the most precise wins.
func (m *Merged) settle() {
	rank := map[string]int{"sentence": 3, "context": 2, "article": 1}
	byWhen := map[string][]string{}
	var order []string
	best, bestRank := "", 0
	m.Background = len(m.Reports) > 0
	for _, r := range m.Reports {
		m.Background = m.Background && r.Background
		w := r.Event.When
		if w == "" {
			continue
		}
		if _, ok := byWhen[w]; !ok {
			order = append(order, w)
		}
		if !slices.Contains(byWhen[w], r.ArticleID) {
			byWhen[w] = append(byWhen[w], r.ArticleID)
		}
		rk := rank[r.Event.WhenFrom]
		if rk > bestRank || (rk == bestRank && len(w) > len(best)) {
			best, bestRank = w, rk
		}
	}
	m.When = best
	for _, r := range m.Reports {
		for _, f := range r.Event.Figures {
			k := slices.IndexFunc(m.Figures, func(c FigureClaim) bool {
				return c.Kind == f.Kind && c.Value == f.Value && c.Approx == f.Approx
			})
			if k < 0 {
				m.Figures = append(m.Figures, FigureClaim{Figure: f})
				k = len(m.Figures) - 1
			}
			if !slices.Contains(m.Figures[k].Articles, r.ArticleID) {
				m.Figures[k].Articles = append(m.Figures[k].Articles, r.ArticleID)
			}
		}
	}
	// claims: the distinct days (or months) given, when they disagree
	// beyond one containing the other
	var claims []Claim
	for _, w := range order {
		claims = append(claims, Claim{When: w, Articles: byWhen[w]})
	}
	disagree := false
	for i := range claims {
		for j := i + 1; j < len(claims); j++ {
			a, b := claims[i].When, claims[j].When
			if !strings.HasPrefix(a, b) && !strings.HasPrefix(b, a) {
				disagree = true
			}
		}
	}
	if disagree {
		m.Claims = claims
	}
}

// place is the key of a location: its state, else itself.
func place(a *veille.Actor) string { return id(a) }

// entityKey is the key of a party as the entity itself, not its state.
func entityKey(a *veille.Actor) string {
	if a == nil {
		return ""
	}
	return a.Entity
}
