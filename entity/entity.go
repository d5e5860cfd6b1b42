// Package entity finds the people, places and organisations an article
// mentions and ties every mention to one entity that is the same across
// articles: a Wikidata QID when the knowledge base (entity/kb) knows it,
// else a stable slug of the normalised name.
//
// Recognition combines two sources: a statistical tagger (entity/tagger)
// for the names no list knows, and the knowledge base's gazetteer for the
// names it does, with their variants. Linking then resolves each mention:
// by name in the base (titles, case, accents and one typing error
// forgiven), by what the same article already said (a surname after the
// full name, "le Président TRAORE" after "Ibrahim Traoré"), by who held
// the title the mention carries at the article's date, and by metonymy: a
// demonym ("la délégation russe") or a capital acting as a government
// ("Moscou a exprimé son soutien") stands for its state.
//
// This layer is written by hand because it is veille's own: no library
// links French news mentions to a base of the Sahel's actors.
package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/tokenize"
)

// Tagger labels a sentence's tokens with BIO tags: "B-PER", "I-PER",
// "B-LOC", "B-ORG", "B-MISC", "O".
type Tagger interface {
	Tag(tokens []string) []string
}

// Recognizer finds and links the entities of texts. It is safe for
// concurrent use.
type Recognizer struct {
	kb     *kb.KB
	gaz    *kb.Gazetteer
	tagger Tagger
}

// New returns a Recognizer over the base k. t may be nil: only the names
// the base knows are then found.
func New(k *kb.KB, t Tagger) *Recognizer {
	return &Recognizer{kb: k, gaz: k.Gazetteer(), tagger: t}
}

// span is a candidate mention: tokens [s, e) of a sentence.
type span struct {
	s, e    int
	typ     string
	entries []*kb.Entry // gazetteer candidates, nil for tagger spans
	demonym string      // the country id, for a demonym
}

// Recognize returns the mentions of text in order, each linked to its
// entity. at is the article's date (zero when unknown), used to tell who
// held an office then.
func (r *Recognizer) Recognize(text string, at veille.Date) []veille.Mention {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	var out []veille.Mention
	var words []string
	for _, sent := range tokenize.Sentences(text) {
		toks := sent.Tokens
		if len(toks) == 0 {
			continue
		}
		words = words[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		for _, sp := range r.spans(words) {
			sp = trimTitles(r.kb, words, sp)
			if sp.s >= sp.e {
				continue
			}
			m := veille.Mention{
				Start: toks[sp.s].Start,
				End:   toks[sp.e-1].End,
				Type:  sp.typ,
			}
			m.Text = text[m.Start:m.End]
			r.link(&m, sp, words, at, out)
			out = append(out, m)
		}
	}
	unifyTypes(out, func(id string) bool { _, ok := r.kb.Get(id); return ok })
	mergeSurnames(out)
	return out
}

// Tag labels a sentence's tokens with the BIO tags of the names found in
// it (the tagger's and the base's, titles left out; demonyms, which are
// not names, are not tagged). It makes the Recognizer a tagger that NER
// benchmarks can score.
func (r *Recognizer) Tag(words []string) []string {
	tags := make([]string, len(words))
	for i := range tags {
		tags[i] = "O"
	}
	for _, sp := range r.spans(words) {
		if sp.demonym != "" {
			continue
		}
		sp = trimTitles(r.kb, words, sp)
		for i := sp.s; i < sp.e; i++ {
			if i == sp.s {
				tags[i] = "B-" + sp.typ
			} else {
				tags[i] = "I-" + sp.typ
			}
		}
	}
	return tags
}

// spans finds the candidate mentions of one sentence: the base's names
// written as names, organisation names built on a head word ("Université
// de Ouagadougou", see tagger.OrgPhrases) and events ("Festival de
// Cannes", see tagger.MiscPhrases), the tagger's spans, and demonyms,
// longest first where they overlap.
func (r *Recognizer) spans(words []string) []span {
	var tagged []span
	if r.tagger != nil {
		tagged = bioSpans(r.tagger.Tag(words))
	}
	orgAt := map[[2]int]bool{}
	for _, sp := range tagged {
		if sp.typ == veille.TypeORG {
			orgAt[[2]int{sp.s, sp.e}] = true
		}
	}
	var cands []span
	for _, m := range r.gaz.Find(words) {
		if !m.CaseOK || len(m.Entries) == 0 || r.partOfPersonName(words, m) {
			continue
		}
		if orgAt[[2]int{m.Start, m.End}] && townsOnly(m.Entries) {
			// a town's name the tagger reads as an organisation, with
			// the base's name in view: a club or a firm named after
			// it ("Liverpool a battu Arsenal"); the tagger's span stays
			continue
		}
		cands = append(cands, span{s: m.Start, e: m.End, typ: m.Entries[0].Type, entries: m.Entries})
	}
	for _, sp := range tagger.OrgPhrases(words) {
		cands = append(cands, span{s: sp[0], e: sp[1], typ: veille.TypeORG})
	}
	for _, sp := range tagger.MiscPhrases(words) {
		cands = append(cands, span{s: sp[0], e: sp[1], typ: veille.TypeMISC})
	}
	for _, sp := range tagged {
		if !onlyCommonWords(words[sp.s:sp.e]) {
			cands = append(cands, sp)
		}
	}
	for i, w := range words {
		if !startsLetter(w) {
			continue
		}
		if id, ok := r.kb.Demonym(w); ok {
			cands = append(cands, span{s: i, e: i + 1, typ: veille.TypeLOC, demonym: id})
		}
	}
	return coordinate(words, resolveOverlaps(cands))
}

// townsOnly reports whether every entry is a town or a region: names a
// club or a firm also bears, unlike a country's, which stays a place in
// "la France a battu le Maroc".
func townsOnly(es []*kb.Entry) bool {
	for _, e := range es {
		if e.Type != veille.TypeLOC || (e.Kind != kb.KindCity && e.Kind != kb.KindRegion) {
			return false
		}
	}
	return true
}

// partOfPersonName reports whether a one-word place name of the base is
// here part of a person's name: a given name before a capitalised word
// ("Florence Parly", "Jordan Bardella") or a word after a given name
// ("Hillary Clinton").
func (r *Recognizer) partOfPersonName(words []string, m kb.Match) bool {
	if m.End-m.Start != 1 || m.Entries[0].Type != veille.TypeLOC {
		return false
	}
	w := words[m.Start]
	if r.kb.IsGivenName(w) && m.End < len(words) && upperFirst(words[m.End]) && !r.kb.IsGivenName(words[m.End]) {
		return true
	}
	return m.Start > 0 && upperFirst(words[m.Start-1]) && r.kb.IsGivenName(words[m.Start-1])
}

// coordinators join the members of a list of names ("Béthune et Lens",
// "Paris, Lyon ou Marseille").
var coordinators = map[string]bool{"et": true, "ou": true, ",": true}

// coordinate gives a one-word tagger span the type of the names it is
// listed with, when that list agrees on one type and a name of the base
// is among them: a list of names is a list of one kind of thing, and the
// base's type is surer than the tagger's guess for an unknown word.
func coordinate(words []string, sps []span) []span {
	for i := range sps {
		sp := &sps[i]
		if sp.entries != nil || sp.demonym != "" || sp.e-sp.s != 1 {
			continue
		}
		typ := ""
		for _, j := range []int{i - 1, i + 1} {
			if j < 0 || j >= len(sps) {
				continue
			}
			o := sps[j]
			if o.demonym != "" || o.typ == sp.typ {
				continue
			}
			gap := o.s - sp.e
			at := sp.e
			if j < i {
				gap, at = sp.s-o.e, o.e
			}
			if gap != 1 || !coordinators[fold(words[at])] {
				continue
			}
			if o.entries == nil {
				continue
			}
			if typ != "" && typ != o.typ {
				typ = "-"
				continue
			}
			typ = o.typ
		}
		if typ != "" && typ != "-" {
			sp.typ = typ
		}
	}
	return sps
}

// rank orders candidates of one length: a name of the base first, then a
// demonym ("Algériens" is a people, whatever the tagger thinks), then the
// tagger's reading.
func (sp span) rank() int {
	switch {
	case sp.entries != nil:
		return 0
	case sp.demonym != "":
		return 1
	}
	return 2
}

// resolveOverlaps keeps the best candidates that do not overlap: the
// longest first, by rank on ties (see span.rank), then the earliest. It
// returns them in text order, in O(n log n) for n candidates, so a
// sentence of a million tokens costs no more than a million short ones.
func resolveOverlaps(cands []span) []span {
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b span) int {
		if la, lb := a.e-a.s, b.e-b.s; la != lb {
			return lb - la
		}
		if ra, rb := a.rank(), b.rank(); ra != rb {
			return ra - rb
		}
		return a.s - b.s
	})
	end := 0
	for _, c := range cands {
		end = max(end, c.e)
	}
	taken := make([]bool, end)
	var out []span
	for _, c := range cands {
		free := true
		for k := c.s; k < c.e; k++ {
			if taken[k] {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for k := c.s; k < c.e; k++ {
			taken[k] = true
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b span) int { return a.s - b.s })
	return out
}

// bioSpans decodes BIO tags into spans; an I- tag after O opens a span.
func bioSpans(tags []string) []span {
	var out []span
	cur := span{s: -1}
	flush := func(i int) {
		if cur.s >= 0 {
			cur.e = i
			out = append(out, cur)
		}
		cur = span{s: -1}
	}
	for i, t := range tags {
		switch {
		case strings.HasPrefix(t, "B-"):
			flush(i)
			cur = span{s: i, typ: t[2:]}
		case strings.HasPrefix(t, "I-"):
			if cur.s < 0 || cur.typ != t[2:] {
				flush(i)
				cur = span{s: i, typ: t[2:]}
			}
		default:
			flush(i)
		}
	}
	flush(len(tags))
	return out
}

// titles are the words that precede a person's name without being part
// of it. They are dropped from a mention's span.
var titles = map[string]bool{
	"m": true, "mm": true, "mme": true, "mlle": true, "monsieur": true, "madame": true,
	"president": true, "presidente": true, "capitaine": true, "colonel": true, "colonel-major": true,
	"major": true, "general": true, "generale": true, "lieutenant": true, "lieutenant-colonel": true,
	"commandant": true, "marechal": true, "ministre": true, "premier": true, "vice-ministre": true,
	"chef": true, "dr": true, "pr": true, "professeur": true, "docteur": true, "sergent": true,
	"adjudant": true, "amiral": true, "le": true, "la": true, "l'": true, "les": true, "sem": true, "s.e.m.": true,
}

// commonNouns are words French writes with a capital by convention ("l'État",
// "Son Excellence", "Ambassadeur Extraordinaire et Plénipotentiaire")
// without them being names.
var commonNouns = map[string]bool{
	"etat": true, "etats": true, "gouvernement": true, "excellence": true, "majeste": true,
	"plenipotentiaire": true, "extraordinaire": true, "ambassadeur": true, "ministere": true,
	"republique": true, "nation": true, "nations": true, "presidence": true, "transition": true,
	"honneur": true, "son": true, "sa": true, "de": true, "d'": true, "du": true, "des": true, "et": true,
}

// onlyCommonWords reports whether a span the tagger found is made only of
// titles, conventionally capitalised common nouns and common acronyms
// ("Colonel Major", "Plénipotentiaire", "État militaires", "VIH"): its
// capitalised words are all such words. A name of the base is never filtered this way.
func onlyCommonWords(words []string) bool {
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			continue
		}
		f := fold(strings.TrimSuffix(w, "."))
		if !titles[f] && !commonNouns[f] && !tagger.IsCommonAcronym(w) {
			return false
		}
	}
	return true
}

// trimTitles drops leading titles from a person's span ("Capitaine
// Ibrahim TRAORE" → "Ibrahim TRAORE") and trailing punctuation from any.
func trimTitles(k *kb.KB, words []string, sp span) span {
	if sp.typ == veille.TypePER {
		for sp.e-sp.s > 1 && titles[fold(strings.TrimSuffix(words[sp.s], "."))] {
			sp.s++
		}
	}
	// a leading demonym, with its "de" ("l'Égyptien Mohamed Salah",
	// "les Égyptiens d'Al Ahly"), is not part of the name
	if sp.entries == nil && sp.e-sp.s > 1 {
		if _, ok := k.Demonym(words[sp.s]); ok && upperFirst(words[sp.s+1]) {
			sp.s++
		} else if ok && sp.e-sp.s > 2 && (fold(words[sp.s+1]) == "d'" || fold(words[sp.s+1]) == "de") {
			sp.s += 2
		}
	}
	for sp.e > sp.s && !hasLetterOrDigit(words[sp.e-1]) {
		sp.e--
	}
	for sp.s < sp.e && !hasLetterOrDigit(words[sp.s]) {
		sp.s++
	}
	return sp
}

func fold(s string) string { return tokenize.Fold(s) }

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
