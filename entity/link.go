package entity

import (
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
)

// governs are the verbs and auxiliaries after which a capital city names
// its government: "Moscou a exprimé", "Paris dénonce", "Bamako accuse".
var governs = map[string]bool{
	"a": true, "avait": true, "aurait": true, "ont": true, "est": true, "sera": true,
	"accuse": true, "affirme": true, "annonce": true, "appelle": true, "assure": true,
	"condamne": true, "confirme": true, "declare": true, "demande": true, "denonce": true,
	"entend": true, "envisage": true, "estime": true, "exige": true, "exprime": true,
	"menace": true, "promet": true, "reclame": true, "refuse": true, "rejette": true,
	"reproche": true, "salue": true, "soutient": true, "souhaite": true, "veut": true,
	"n'a": true, "ne": true, "n'entend": true, "dispose": true, "compte": true, "mise": true,
}

// link resolves the entity of mention m (span sp of the sentence words),
// given the mentions of the article before it.
func (r *Recognizer) link(m *veille.Mention, sp span, words []string, at veille.Date, prev []veille.Mention) {
	if sp.demonym != "" {
		if e, ok := r.kb.Get(sp.demonym); ok {
			m.Entity, m.Label, m.Type = e.ID, e.Label, e.Type
			return
		}
	}
	var cands []*kb.Entry
	if sp.entries != nil {
		cands = sp.entries
	} else {
		for _, e := range r.kb.Lookup(m.Text) {
			if compatible(sp.typ, e.Type) {
				cands = append(cands, &e)
			}
		}
	}
	title := ""
	if sp.s > 0 {
		title = fold(strings.TrimSuffix(words[sp.s-1], "."))
	}
	if e := r.choose(cands, title, at, prev); e != nil {
		m.Entity, m.Label, m.Type = e.ID, e.Label, e.Type
		// A capital acting or speaking stands for its state's government.
		if e.CapitalOf != "" && sp.e < len(words) && governs[fold(words[sp.e])] {
			if st, ok := r.kb.Get(e.CapitalOf); ok {
				m.Entity, m.Label, m.Type = st.ID, st.Label, st.Type
			}
		}
		return
	}
	m.Entity = Slug(m.Type, m.Text)
	m.Label = cleanLabel(m.Text)
}

// compatible reports whether a tagger's type may name an entry of the
// base's type: a state or a city is often tagged as an organisation when
// it acts, and the reverse.
func compatible(tagged, base string) bool {
	if tagged == base {
		return true
	}
	geo := func(t string) bool { return t == veille.TypeLOC || t == veille.TypeORG }
	return geo(tagged) && geo(base)
}

// choose picks the entry a mention refers to among the base's candidates:
// the one the article already mentioned, else the one holding the title
// the mention carries at the article's date, else the only candidate. It
// returns nil when the choice stays open.
func (r *Recognizer) choose(cands []*kb.Entry, title string, at veille.Date, prev []veille.Mention) *kb.Entry {
	switch len(cands) {
	case 0:
		return nil
	case 1:
		return cands[0]
	}
	for i := len(prev) - 1; i >= 0; i-- {
		for _, c := range cands {
			if prev[i].Entity == c.ID {
				return c
			}
		}
	}
	if title != "" {
		var holders []*kb.Entry
		for _, c := range cands {
			if holds(c, title, at) {
				holders = append(holders, c)
			}
		}
		if len(holders) == 1 {
			return holders[0]
		}
	}
	return nil
}

// holds reports whether person e carried a title starting with the folded
// word title at date at (any time when at is unknown).
func holds(e *kb.Entry, title string, at veille.Date) bool {
	for _, t := range e.Titles {
		if strings.HasPrefix(fold(t), title) && at.IsZero() {
			return true
		}
	}
	for _, ro := range e.Roles {
		if !strings.HasPrefix(fold(ro.Title), title) {
			continue
		}
		if at.IsZero() || within(at, ro.Start, ro.End) {
			return true
		}
	}
	return false
}

// within reports whether at falls in [start, end], compared at the
// coarser of the precisions; an unknown bound is open.
func within(at, start, end veille.Date) bool {
	cmp := func(a, b veille.Date) int {
		p := min(a.Precision, b.Precision)
		return strings.Compare(veille.NewDate(a.Time, p).String(), veille.NewDate(b.Time, p).String())
	}
	if !start.IsZero() && cmp(at, start) < 0 {
		return false
	}
	if !end.IsZero() && cmp(at, end) > 0 {
		return false
	}
	return true
}

// unifyTypes gives one reading to every mention of one name in an
// article: an unknown name the tagger typed differently from one sentence
// to another ("Bamenda" a club here, a town there) takes the type most of
// its mentions have (the first on ties), and a mention the base linked
// lends its entity to the unlinked mentions of the same name. known
// reports whether an id is the base's.
func unifyTypes(ms []veille.Mention, known func(id string) bool) {
	type group struct {
		idx    []int
		linked int // a mention linked to the base, or -1
	}
	groups := map[string]*group{}
	var order []string
	for i, m := range ms {
		k := kb.Normalize(m.Text)
		g := groups[k]
		if g == nil {
			g = &group{linked: -1}
			groups[k] = g
			order = append(order, k)
		}
		if known(m.Entity) {
			if g.linked < 0 {
				g.linked = i
			}
			continue
		}
		g.idx = append(g.idx, i)
	}
	for _, k := range order {
		g := groups[k]
		if len(g.idx) == 0 {
			continue
		}
		if g.linked >= 0 {
			l := ms[g.linked]
			for _, i := range g.idx {
				ms[i].Entity, ms[i].Label, ms[i].Type = l.Entity, l.Label, l.Type
			}
			continue
		}
		votes := map[string]int{}
		best := ""
		for _, i := range g.idx {
			t := ms[i].Type
			votes[t]++
			if best == "" || votes[t] > votes[best] {
				best = t
			}
		}
		for _, i := range g.idx {
			if ms[i].Type != best {
				ms[i].Type = best
				ms[i].Entity = Slug(best, ms[i].Text)
			}
		}
	}
}

// mergeSurnames ties the person mentions left unlinked or ambiguous to a
// fuller mention of the same article that ends with the same name:
// "Coulibaly" and "COULIBALY" to "Kassoum Coulibaly".
func mergeSurnames(ms []veille.Mention) {
	// fuller maps each proper word suffix of a multi-word person mention
	// ("coulibaly", "kassoum coulibaly") to the longest mention ending
	// with it, the first one on ties: one pass, not one per pair.
	fuller := map[string]int{}
	words := make([]int, len(ms))
	for j := range ms {
		if ms[j].Type != veille.TypePER {
			continue
		}
		long := strings.Fields(fold(ms[j].Text))
		words[j] = len(long)
		for k := 1; k < len(long); k++ {
			key := strings.Join(long[len(long)-k:], " ")
			if b, ok := fuller[key]; !ok || words[b] < len(long) {
				fuller[key] = j
			}
		}
	}
	for i := range ms {
		if ms[i].Type != veille.TypePER || !isSlug(ms[i].Entity) {
			continue
		}
		if b, ok := fuller[strings.Join(strings.Fields(fold(ms[i].Text)), " ")]; ok && b != i {
			ms[i].Entity, ms[i].Label = ms[b].Entity, ms[b].Label
		}
	}
}

// Slug is the id of an entity the base does not know: its type and its
// normalised name, stable across articles ("per:kassoum-coulibaly").
func Slug(typ, name string) string {
	key := kb.Normalize(name)
	var b strings.Builder
	b.WriteString(strings.ToLower(typ))
	b.WriteByte(':')
	dash := false
	for _, r := range key {
		if r == ' ' || r == '-' || r == '\'' || r == '.' {
			dash = b.Len() > len(typ)+1
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isSlug(id string) bool { return strings.Contains(id, ":") }

// cleanLabel makes a label of a mention: spaces normalised, a name
// written in capitals put in title case ("Kassoum COULIBALY" → "Kassoum
// Coulibaly").
func cleanLabel(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if len([]rune(w)) > 3 && w == strings.ToUpper(w) && w != strings.ToLower(w) {
			r := []rune(strings.ToLower(w))
			r[0] = []rune(strings.ToUpper(string(r[0])))[0]
			words[i] = string(r)
		}
	}
	return strings.Join(words, " ")
}
