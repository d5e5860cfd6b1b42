// Package event reads the events an article states: who did what to or
// with whom, where and when, typed by the PLOVER ontology (CONSULT for
// visits and meetings, AGREE for agreements, MOBILIZE for deployments,
// ASSAULT, COERCE, SANCTION, SUPPORT, AID...), with the sentence as
// evidence.
//
// It is written here because no library codes French political events:
// the event coders (PETRARCH, the PLOVER/POLECAT models) are English and
// Python. The rules work on the output of the earlier stages: the
// sentence's entity mentions (package entity) give the actors, its
// temporal expressions (package timex) the date. A trigger (a French verb
// or noun form: "s'est rendue à", "a reçu", "ont signé", "sont arrivés"
// with soldiers, "a rouvert son ambassade") gives the type; the actor
// mentioned before it is the source, the one after it the target ("par"
// turns a passive round), a place after "à", "au" or "en" the location;
// a capital visited stands for its state as the target. The date is the
// sentence's own, else that of the event just told when this one is of
// the same type (the talks of a visit), else the publication date, and
// the event says which (WhenFrom).
package event

import (
	"slices"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/tokenize"
)

// Extractor reads events; it is safe for concurrent use.
type Extractor struct {
	kb *kb.KB
}

// New returns an Extractor that looks places up in k (a capital visited
// stands for its state).
func New(k *kb.KB) *Extractor { return &Extractor{kb: k} }

// word is a token of a sentence with its folded form.
type word struct {
	f          string
	start, end int
}

// Extract returns the events text states, in order. mentions and
// timexes are those of the same text (offsets into it); anchor is the
// article's date.
func (x *Extractor) Extract(text string, mentions []veille.Mention, timexes []veille.Timex, anchor veille.Date) []veille.Event {
	var out []veille.Event
	lastWhen, lastWhenText, lastType := "", "", ""
	for _, s := range tokenize.Sentences(text) {
		ws := make([]word, len(s.Tokens))
		for i, t := range s.Tokens {
			ws[i] = word{f: tokenize.Fold(t.Text), start: t.Start, end: t.End}
		}
		ms := within(mentions, s.Start, s.End, mentionSpan)
		tx := within(timexes, s.Start, s.End, timexSpan)
		sWhen, sWhenText, sWhenFrom := sentenceDate(tx)
		// the triggers of the sentence, verbs before nouns: "Au cours de
		// cette visite, la délégation a été reçue par…" is told by
		// "reçue", whose actors are around it, not by "visite"
		type hit struct {
			i, n    int
			tr      *trigger
			nominal bool
		}
		var hits []hit
		for i := 0; i < len(ws); i++ {
			tr, n := matchTrigger(ws, i)
			if tr == nil {
				continue
			}
			if len(tr.needs) > 0 && !hasAny(ws, tr.needs) {
				continue
			}
			if i > 0 && demonstratives[ws[i-1].f] {
				// "Cette rencontre", "Ce déploiement": an event told
				// already, not a new one
				i += n - 1
				continue
			}
			hits = append(hits, hit{i, n, tr, i > 0 && determiners[ws[i-1].f]})
			i += n - 1
		}
		slices.SortStableFunc(hits, func(a, b hit) int {
			if a.nominal != b.nominal {
				if a.nominal {
					return 1
				}
				return -1
			}
			return 0
		})
		seen := map[string]bool{}
		first := len(out)
		for _, h := range hits {
			if seen[h.tr.typ] {
				continue
			}
			if h.nominal && len(seen) > 0 {
				continue // "a condamné le coup d'État": the object of the event found
			}
			ev := x.read(text, ws, h.i, h.n, h.tr, ms, h.nominal)
			if ev.Source == nil && ev.Target == nil && !(anonymous[h.tr.typ] && ev.Location != nil) {
				continue // an event of nobody we know
			}
			seen[h.tr.typ] = true
			ev.Start, ev.End = s.Start, s.End
			ev.Evidence = text[s.Start:s.End]
			// the date: the sentence's; else that of the last event told
			// when this one is more of the same happening (the talks of a
			// visit, the audience after it); else the article's
			ev.When, ev.WhenText, ev.WhenFrom = sWhen, sWhenText, sWhenFrom
			switch {
			case ev.When != "":
			case lastWhen != "" && h.tr.typ == lastType:
				ev.When, ev.WhenText, ev.WhenFrom = lastWhen, lastWhenText, "context"
			case !anchor.IsZero():
				ev.When, ev.WhenFrom = articleDay(anchor), "article"
			}
			ev.Confidence = confidence(ev)
			ev.Figures = figures(text, ws, ev.Type)
			out = append(out, ev)
		}
		// in the order the sentence tells them
		slices.SortStableFunc(out[first:], func(a, b veille.Event) int {
			return strings.Index(a.Evidence, a.Trigger) - strings.Index(b.Evidence, b.Trigger)
		})
		// the context date is that of the last event told, so that a date
		// stated in passing ("lors du sommet de juillet 2023") does not
		// date the events after it
		if n := len(out); n > 0 && out[n-1].Start == s.Start {
			lastType = out[n-1].Type
			if out[n-1].WhenFrom == "sentence" || out[n-1].WhenFrom == "context" {
				lastWhen, lastWhenText = out[n-1].When, out[n-1].WhenText
			} else {
				lastWhen, lastWhenText = "", ""
			}
		}
	}
	return out
}

// demonstratives before a noun trigger point back to an event told.
var demonstratives = map[string]bool{"ce": true, "cet": true, "cette": true, "ces": true}

// determiners before a noun trigger make it the object of a verb.
var determiners = map[string]bool{
	"le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "des": true, "du": true,
	"ce": true, "cet": true, "cette": true, "son": true, "sa": true, "ses": true, "leur": true, "leurs": true,
}

// byFirst indexes the triggers by their first word.
var byFirst = func() map[string][]int {
	m := map[string][]int{}
	for k, t := range triggers {
		m[t.words[0]] = append(m[t.words[0]], k)
	}
	return m
}()

// matchTrigger returns the longest trigger starting at word i and its
// length in words.
func matchTrigger(ws []word, i int) (*trigger, int) {
	var best *trigger
	for _, k := range byFirst[ws[i].f] {
		t := &triggers[k]
		if len(t.words) > len(ws)-i || (best != nil && len(t.words) <= len(best.words)) {
			continue
		}
		ok := true
		for j, w := range t.words[1:] {
			if ws[i+1+j].f != w {
				ok = false
				break
			}
		}
		if ok {
			best = t
		}
	}
	if best == nil {
		return nil, 0
	}
	return best, len(best.words)
}

func hasAny(ws []word, needs []string) bool {
	for _, w := range ws {
		if slices.Contains(needs, w.f) {
			return true
		}
	}
	return false
}

// towardsPlace are the types whose place is the other party: a visit to
// Ouagadougou meets Burkina Faso, troops sent to Bamako go to Mali, an
// ambassador named to Moscow goes to Russia. For the other types only a
// country named as the place is the target ("a condamné le coup d'État
// au Niger"); attacks, protests and arrests have no target by place.
var towardsPlace = map[string]bool{"CONSULT": true, "MOBILIZE": true, "AID": true, "RETREAT": true, "SUPPORT": true}

// anonymous are the types reported without their authors ("des hommes
// armés ont attaqué", "des manifestants ont défilé à Niamey"): kept when
// a place is known.
var anonymous = map[string]bool{"ASSAULT": true, "PROTEST": true}

// placePreps are the prepositions before a place.
var placePreps = map[string]bool{"a": true, "au": true, "aux": true, "en": true, "vers": true, "dans": true, "pres": true, "de": false}

// read fills an event from trigger tr at words [i, i+n) of the sentence
// and its mentions.
func (x *Extractor) read(text string, ws []word, i, n int, tr *trigger, ms []veille.Mention, nominal bool) veille.Event {
	ev := veille.Event{Type: tr.typ, Mode: tr.mode, Trigger: text[ws[i].start:ws[i+n-1].end]}
	passive := tr.passive || (i > 0 && ws[i-1].f == "ete")
	trigStart, trigEnd := ws[i].start, ws[i+n-1].end
	// the words before each mention, to tell places and agents
	prevWord := func(m veille.Mention) string {
		for k := len(ws) - 1; k >= 0; k-- {
			if ws[k].end <= m.Start {
				if ws[k].f == "l'" || ws[k].f == "la" || ws[k].f == "le" || ws[k].f == "les" {
					continue
				}
				return ws[k].f
			}
		}
		return ""
	}
	var before, after []veille.Mention
	for _, m := range ms {
		switch {
		case m.End <= trigStart:
			before = append(before, m)
		case m.Start >= trigEnd:
			after = append(after, m)
		}
	}
	actor := func(m veille.Mention) *veille.Actor {
		a := &veille.Actor{Entity: m.Entity, Label: m.Label, Type: m.Type, Text: m.Text}
		if st, ok := x.stateOf(m.Entity); ok {
			a.State = st.Entity
		}
		return a
	}
	// source: the last actor before the trigger, a person or an
	// organisation rather than a place when both are there
	if len(before) > 0 {
		src := before[len(before)-1]
		for k := len(before) - 1; k >= 0; k-- {
			if before[k].Type == veille.TypePER || before[k].Type == veille.TypeORG || isDemonymLike(before[k]) {
				src = before[k]
				break
			}
		}
		if src.Type != veille.TypeMISC && !placePreps[prevWord(src)] {
			ev.Source = actor(src)
		}
	}
	// "a désigné X Ambassadeur … du Burkina Faso auprès de la Russie":
	// the sending state is the source when none was seen
	if tr.mode == "appoint" && ev.Source == nil {
		for _, m := range after {
			if m.Type == veille.TypeLOC && !afterAupres(ws, m) && (prevWord(m) == "du" || prevWord(m) == "de") {
				if st, ok := x.stateOf(m.Entity); ok && st.Entity == m.Entity {
					ev.Source = actor(m)
					after = slices.DeleteFunc(slices.Clone(after), func(o veille.Mention) bool { return o.Start == m.Start })
					break
				}
			}
		}
	}
	// a noun's agent follows it: "la participation du Président TRAORE",
	// "l'arrivée de militaires russes"
	// (else the subject of a light verb before it: "les ministres …
	// entament une visite")
	if nominal {
		if k := i + n; k < len(ws) && (ws[k].f == "de" || ws[k].f == "du" || ws[k].f == "des" || ws[k].f == "d'") {
			lim := ws[min(k+4, len(ws)-1)].end
			for j, m := range after {
				if m.Start >= ws[k].end && m.Start <= lim && m.Type != veille.TypeMISC {
					ev.Source = actor(m)
					after = slices.Delete(slices.Clone(after), j, j+1)
					break
				}
			}
		}
	}
	// "la réunion entre les dirigeants burkinabé et russes": the two
	// parties follow "entre"
	for k := i + n; k < len(ws) && k <= i+n+2; k++ {
		if ws[k].f != "entre" {
			continue
		}
		var two []veille.Mention
		for _, m := range after {
			if m.Start >= ws[k].end && m.Type != veille.TypeMISC && (m.Type != veille.TypeLOC || isDemonymLike(m) || !placePreps[prevWord(m)]) {
				two = append(two, m)
				if len(two) == 2 {
					break
				}
			}
		}
		if len(two) == 2 {
			ev.Source, ev.Target = actor(two[0]), actor(two[1])
			after = slices.DeleteFunc(slices.Clone(after), func(o veille.Mention) bool {
				return o.Start == two[0].Start || o.Start == two[1].Start
			})
		}
		break
	}
	// target and location after the trigger
	for _, m := range after {
		if m.Type == veille.TypeMISC {
			continue
		}
		p := prevWord(m)
		if afterAupres(ws, m) {
			// "ambassadeur auprès de la Russie": the counterpart
			ev.Target = actor(m)
			continue
		}
		isPlace := m.Type == veille.TypeLOC && (placePreps[p] || nearPlace(ws, m) || tr.mode == "visit") && !isDemonymLike(m)
		if isPlace && ev.Location == nil {
			ev.Location = actor(m)
			continue
		}
		if isPlace && towardsPlace[tr.typ] {
			continue // a second destination ("au Burkina Faso et au Mali")
		}
		if ev.Target == nil {
			ev.Target = actor(m)
		}
	}
	if passive {
		// the agent after "par" is the source, the subject is the one
		// the event befell ("Bazoum a été destitué par des militaires",
		// "reçue par le Président de la Transition, le Capitaine Ibrahim
		// TRAORE")
		ev.Target, ev.Source = ev.Source, nil
		par := -1
		for k := i + n; k < len(ws) && k < i+n+8; k++ {
			if ws[k].f == "par" {
				par = ws[k].end
				break
			}
		}
		if par >= 0 {
			for _, m := range after {
				if m.Start >= par && m.Type != veille.TypeMISC && !isDemonymLike(m) {
					ev.Source = actor(m)
					break
				}
			}
			if ev.Target != nil && ev.Source != nil && ev.Target.Entity == ev.Source.Entity {
				ev.Target = nil
			}
		}
	}
	// the place may come first: "ce samedi matin à Ouagadougou, le
	// Capitaine … a accueilli"
	if ev.Location == nil {
		for _, m := range before {
			if m.Type == veille.TypeLOC && placePreps[prevWord(m)] && !isDemonymLike(m) &&
				(ev.Source == nil || m.Entity != ev.Source.Entity) {
				ev.Location = actor(m)
				break
			}
		}
	}
	// a place visited or met in stands for its state as the target
	if ev.Target == nil && ev.Location != nil && !anonymous[tr.typ] && tr.typ != "COERCE" {
		if st, ok := x.stateOf(ev.Location.Entity); ok && (ev.Source == nil || st.Entity != ev.Source.Entity) &&
			(towardsPlace[tr.typ] || st.Entity == ev.Location.Entity) {
			ev.Target = st
		}
	}
	if ev.Source != nil && ev.Target != nil && ev.Source.Entity == ev.Target.Entity {
		ev.Target = nil
	}
	return ev
}

// afterAupres reports whether mention m follows "auprès de".
func afterAupres(ws []word, m veille.Mention) bool {
	for k := len(ws) - 1; k >= 1; k-- {
		if ws[k].end <= m.Start {
			j := k
			if ws[j].f == "la" || ws[j].f == "l'" || ws[j].f == "le" || ws[j].f == "les" {
				j--
			}
			return j >= 1 && (ws[j].f == "de" || ws[j].f == "d'" || ws[j].f == "du" || ws[j].f == "des") && ws[j-1].f == "aupres"
		}
	}
	return false
}

// nearPlace reports whether mention m follows "près de", "non loin de",
// "autour de".
func nearPlace(ws []word, m veille.Mention) bool {
	for k := len(ws) - 1; k >= 1; k-- {
		if ws[k].end <= m.Start {
			return (ws[k].f == "de" || ws[k].f == "d'") && (ws[k-1].f == "pres" || ws[k-1].f == "loin" || ws[k-1].f == "autour")
		}
	}
	return false
}

// isDemonymLike reports whether a mention is a demonym standing for its
// country ("russe" in "la délégation russe"): a lower-case mention.
func isDemonymLike(m veille.Mention) bool {
	return m.Text != "" && strings.ToLower(m.Text) == m.Text
}

// stateOf returns the state an entity belongs to: a country is itself,
// a city, a person or a body of the base its country.
func (x *Extractor) stateOf(id string) (*veille.Actor, bool) {
	if x.kb == nil {
		return nil, false
	}
	e, ok := x.kb.Get(id)
	if !ok {
		return nil, false
	}
	if e.Kind == kb.KindCountry {
		return &veille.Actor{Entity: e.ID, Label: e.Label, Type: e.Type, Text: e.Label, State: e.ID}, true
	}
	if e.Country == "" {
		return nil, false
	}
	c, ok := x.kb.Country(e.Country)
	if !ok {
		return nil, false
	}
	return &veille.Actor{Entity: c.ID, Label: c.Label, Type: c.Type, Text: c.Label, State: c.ID}, true
}

// sentenceDate returns the first dated expression of a sentence (a DATE
// or TIME whose value starts with a year), its text, and "sentence".
func sentenceDate(tx []veille.Timex) (string, string, string) {
	for _, t := range tx {
		if (t.Type == veille.TimexDate || t.Type == veille.TimexTime) && len(t.Value) >= 4 && t.Value[0] >= '0' && t.Value[0] <= '9' {
			v := t.Value
			if i := strings.IndexByte(v, 'T'); i > 0 {
				v = v[:i]
			}
			return v, t.Text, "sentence"
		}
	}
	return "", "", ""
}

// articleDay is the publication date as an event date: the day, month or
// year it states, never a clock time.
func articleDay(d veille.Date) string {
	if d.Precision > veille.PrecisionDay {
		d = veille.NewDate(d.Time, veille.PrecisionDay)
	}
	return d.String()
}

func confidence(ev veille.Event) float64 {
	c := 0.4
	if ev.Source != nil {
		c += 0.2
	}
	if ev.Target != nil {
		c += 0.2
	}
	switch ev.WhenFrom {
	case "sentence":
		c += 0.2
	case "context":
		c += 0.1
	}
	return c
}

// within returns the items of xs inside [start, end); xs is in text
// order (span gives an item's offsets), so a binary search finds the
// first one.
func within[T any](xs []T, start, end int, span func(T) (int, int)) []T {
	i, _ := slices.BinarySearchFunc(xs, start, func(x T, s int) int {
		b, _ := span(x)
		return b - s
	})
	var out []T
	for ; i < len(xs); i++ {
		b, e := span(xs[i])
		if b >= end {
			break
		}
		if e <= end {
			out = append(out, xs[i])
		}
	}
	return out
}

func mentionSpan(m veille.Mention) (int, int) { return m.Start, m.End }
func timexSpan(t veille.Timex) (int, int)     { return t.Start, t.End }
