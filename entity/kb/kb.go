// Package kb is veille's knowledge base of the region its users follow
// and of the world its news speaks of: every country (French and English
// names, official names, demonyms, capitals), the cities and regions of
// the Sahel and its neighbours, the heads of state and government,
// defence and foreign ministers of the Sahel, West African states, Russia,
// France and the main partners with the dates they held office, and the
// organisations of the region (AES, CEDEAO, UA, ONU, MINUSMA, Wagner,
// Africa Corps, JNIM, EIGS, armed forces, ministries, news agencies); then,
// for the world, about 30,000 entries in all: places (towns, regions,
// rivers, mountains), people in the news and in history, organisations
// (parties, companies, media, clubs, universities), named events, works and
// peoples (MISC), and a list of given names (IsGivenName), a word feature
// of the tagger rather than entities.
//
// Each entry has a stable id — a Wikidata QID when the base knows it for
// certain, otherwise a slug such as "org:africa-corps" — so that every
// mention of the same thing, in any article, links to the same id.
//
// The base is hand-written because no library ships these facts for
// francophone Sahel news: the country facts come from mledoze/countries
// (ODbL, see NOTICE) and everything else from our own source files in
// data/src. The command in ./gen merges both into data/kb.json, which this
// package embeds and parses once (Default). Names are compared through
// Normalize, which folds case, accents and punctuation and drops the
// titles the press puts before names ("Capitaine", "Colonel-major",
// "Président"); Lookup, Demonym, HolderOf and the token Gazetteer all use
// it.
package kb

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"iter"
	"slices"
	"strings"
	"sync"

	"github.com/veille-news/veille"
)

// Location kinds (Entry.Kind of a LOC).
const (
	KindCountry   = "country"
	KindCity      = "city"
	KindRegion    = "region"
	KindContinent = "continent"
	KindRiver     = "river"
	KindLake      = "lake"
)

// Role kinds (Role.Kind): the office a role is, whatever its local title.
const (
	RoleHeadOfState      = "head-of-state"
	RoleHeadOfGovernment = "head-of-government"
	RoleDefence          = "defence"
	RoleForeign          = "foreign"
)

// Entry is one thing the base knows: a person, place, organisation or
// other named thing. Slices are shared with the base: read them, do not
// modify them.
type Entry struct {
	// ID is the Wikidata QID ("Q965") or a stable slug ("per:kassoum-coulibaly").
	ID string `json:"id"`
	// Type is veille.TypePER, TypeLOC, TypeORG or TypeMISC.
	Type string `json:"type"`
	// Label is the canonical French name.
	Label string `json:"label"`
	// Aliases are the other names of the entry: French and English forms,
	// acronyms, spellings seen in the press. Case and accents do not
	// matter to lookups (see Normalize), so the base does not list
	// variants that differ only in them, except the capitalised surnames
	// of people ("TRAORE").
	Aliases []string `json:"aliases,omitempty"`
	// Kind refines Type: for a LOC one of the Kind constants; for an ORG
	// "intergovernmental", "armed-forces", "armed-group", "ministry",
	// "government", "presidency", "junta", "news-agency", "media",
	// "company"...; for a MISC "operation", "event" or "treaty".
	Kind string `json:"kind,omitempty"`
	// Country is the ISO 3166-1 alpha-2 code of the country the entry
	// belongs to (a country's own code for a country); empty when it
	// spans several.
	Country string `json:"country,omitempty"`
	// ISO3 is a country's ISO 3166-1 alpha-3 code.
	ISO3 string `json:"iso3,omitempty"`
	// Official is a country's official French name.
	Official string `json:"official,omitempty"`
	// Demonyms are a country's demonyms in lower case, masculine,
	// feminine and plural ("russe", "russes"; "burkinabè", "burkinabé").
	Demonyms []string `json:"demonyms,omitempty"`
	// Capital is the id of a country's capital city.
	Capital string `json:"capital,omitempty"`
	// CapitalOf is, for a capital city, the id of its country: the
	// city's name also stands for that country's government ("Moscou a
	// exprimé son soutien").
	CapitalOf string `json:"capital_of,omitempty"`
	// Surname is the name a person is called by alone ("Traoré").
	Surname string `json:"surname,omitempty"`
	// Titles are the titles the press puts before a person's name
	// ("Capitaine", "Président").
	Titles []string `json:"titles,omitempty"`
	// Roles are the offices a person held, with their dates.
	Roles []Role `json:"roles,omitempty"`
}

// Role is an office held by a person.
type Role struct {
	// Title is the office as the country names it ("Président de la
	// Transition", "ministre d'État, ministre de la Défense et des
	// Anciens Combattants").
	Title string `json:"title"`
	// Kind is one of the Role constants, or "" for other offices.
	Kind string `json:"kind,omitempty"`
	// Of is the id of the country or organisation the office belongs to.
	Of string `json:"of"`
	// Start and End bound the tenure at the precision known; a zero End
	// means the role is held to this day (as far as the base knows), a
	// zero Start that its beginning is not recorded.
	Start veille.Date `json:"start"`
	End   veille.Date `json:"end"`
}

// file is the layout of data/kb.json.
type file struct {
	Attribution string  `json:"attribution"`
	Entries     []Entry `json:"entries"`
	// GivenNames are first names ("Mamadou", "Jean-Pierre"), a word
	// list rather than entities: the tagger uses them as a feature.
	GivenNames []string `json:"given_names,omitempty"`
}

//go:embed data/kb.json
var embedded []byte

// KB is a loaded knowledge base. It is immutable and safe for concurrent
// use.
type KB struct {
	entries  []Entry
	byID     map[string]int32
	byKey    map[string][]int32 // Normalize(name) -> entries
	byDel    map[string][]string
	demonyms map[string]int32 // Fold(demonym) -> country; -1 when shared
	byCode   map[string]int32 // alpha-2 and alpha-3 -> country
	given    []string         // given names as listed
	givenKey map[string]bool  // Fold(given name)

	gazOnce sync.Once
	gaz     *Gazetteer
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
)

// Default returns the knowledge base shipped with veille, parsed on first
// use. It panics if the embedded data is corrupt, which the package tests
// rule out.
func Default() *KB {
	defaultOnce.Do(func() {
		k, err := Load(embedded)
		if err != nil {
			panic(fmt.Sprintf("kb: embedded base: %v", err))
		}
		defaultKB = k
	})
	return defaultKB
}

// Load parses a knowledge base in the data/kb.json format and indexes it.
func Load(data []byte) (*KB, error) {
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("kb: parse: %w", err)
	}
	k := &KB{
		entries:  f.Entries,
		byID:     make(map[string]int32, len(f.Entries)),
		byKey:    make(map[string][]int32, 8*len(f.Entries)),
		byDel:    make(map[string][]string),
		demonyms: make(map[string]int32),
		byCode:   make(map[string]int32),
		given:    f.GivenNames,
		givenKey: make(map[string]bool, len(f.GivenNames)),
	}
	for _, g := range f.GivenNames {
		k.givenKey[Fold(g)] = true
	}
	for i := range k.entries {
		e := &k.entries[i]
		if e.ID == "" {
			return nil, fmt.Errorf("kb: entry %d (%q) has no id", i, e.Label)
		}
		if _, dup := k.byID[e.ID]; dup {
			return nil, fmt.Errorf("kb: duplicate id %q", e.ID)
		}
		k.byID[e.ID] = int32(i)
		for name := range e.names() {
			k.addKey(Normalize(name), int32(i))
		}
		for _, d := range e.Demonyms {
			key := Fold(d)
			if j, ok := k.demonyms[key]; ok && j != int32(i) {
				k.demonyms[key] = -1
			} else {
				k.demonyms[key] = int32(i)
			}
		}
		if e.Kind == KindCountry {
			if e.Country != "" {
				k.byCode[e.Country] = int32(i)
			}
			if e.ISO3 != "" {
				k.byCode[e.ISO3] = int32(i)
			}
		}
	}
	for key := range k.byKey {
		if fuzzyKey(key) {
			for d := range deletions(key) {
				k.byDel[d] = append(k.byDel[d], key)
			}
		}
	}
	return k, nil
}

// names yields the label and aliases of e.
func (e *Entry) names() iter.Seq[string] {
	return func(yield func(string) bool) {
		if !yield(e.Label) {
			return
		}
		for _, a := range e.Aliases {
			if !yield(a) {
				return
			}
		}
	}
}

func (k *KB) addKey(key string, i int32) {
	if key == "" {
		return
	}
	list := k.byKey[key]
	for _, j := range list {
		if j == i {
			return
		}
	}
	k.byKey[key] = append(list, i)
}

// IsGivenName reports whether word, compared without case and accents, is
// one of the base's given names ("MAMADOU", "Sergueï").
func (k *KB) IsGivenName(word string) bool { return k.givenKey[Fold(word)] }

// GivenNames returns the base's given names, as listed.
func (k *KB) GivenNames() []string { return slices.Clone(k.given) }

// Len returns the number of entries.
func (k *KB) Len() int { return len(k.entries) }

// All yields every entry, in the base's order.
func (k *KB) All() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range k.entries {
			if !yield(e) {
				return
			}
		}
	}
}

// Get returns the entry with the given id.
func (k *KB) Get(id string) (Entry, bool) {
	i, ok := k.byID[id]
	if !ok {
		return Entry{}, false
	}
	return k.entries[i], true
}

// Country returns the country with the given ISO 3166-1 alpha-2 or
// alpha-3 code, in any case ("bf", "BFA").
func (k *KB) Country(code string) (Entry, bool) {
	i, ok := k.byCode[strings.ToUpper(code)]
	if !ok {
		return Entry{}, false
	}
	return k.entries[i], true
}

// Lookup returns the entries a name may refer to, in the base's order
// (which puts the more prominent of namesakes first). Names are compared
// by their Normalize key, so case, accents, punctuation and leading
// titles do not matter: "Capitaine Ibrahim TRAORE" finds Ibrahim Traoré,
// "la Fédération de Russie" finds Russia. A surname alone returns every
// person of the base known by it ("TRAORE" gives Ibrahim Traoré and
// Karamoko Jean-Marie Traoré); telling them apart is the caller's job.
//
// When no name matches exactly, Lookup tolerates one typing error (a
// letter added, dropped, replaced, or two letters swapped) in names of at
// least two words and ten letters: "Ibrahima Traore" and "Kassoum
// Koulibaly" still find their man. Single words are never matched
// approximately: too many short names are one letter apart.
func (k *KB) Lookup(name string) []Entry {
	if len(name) > maxNameLen {
		return nil
	}
	key := Normalize(name)
	if key == "" {
		return nil
	}
	if list, ok := k.byKey[key]; ok {
		return k.collect(list, nil)
	}
	if !fuzzyKey(key) {
		return nil
	}
	var out []Entry
	seen := map[int32]bool{}
	try := func(cand string) {
		if list, ok := k.byKey[cand]; ok && withinOneEdit(key, cand) {
			out = k.collect(list, seen, out...)
		}
	}
	// The query has one letter too many: one of its deletions is a key.
	// It has one too few, or one replaced or swapped: it, or one of its
	// deletions, is a deletion of a key.
	for d := range deletions(key) {
		try(d)
		for _, cand := range k.byDel[d] {
			try(cand)
		}
	}
	for _, cand := range k.byDel[key] {
		try(cand)
	}
	return out
}

// maxNameLen is the longest input (in bytes) Lookup considers a name.
const maxNameLen = 1024

// collect appends the entries of list not yet seen to out.
func (k *KB) collect(list []int32, seen map[int32]bool, out ...Entry) []Entry {
	for _, i := range list {
		if seen != nil {
			if seen[i] {
				continue
			}
			seen[i] = true
		}
		out = append(out, k.entries[i])
	}
	return out
}

// Demonym returns the country a demonym belongs to: "russe", "Russes",
// "burkinabè", "Burkinabés", "nigérienne" (any case, accents optional).
// It reports false for words that are no demonym and for demonyms shared
// by several states ("congolais").
func (k *KB) Demonym(word string) (countryID string, ok bool) {
	i, found := k.demonyms[Fold(word)]
	if !found || i < 0 {
		return "", false
	}
	return k.entries[i].ID, true
}

// HolderOf returns the people who held an office of the country or
// organisation of id `of` at the date `at`. The office is matched by its
// kind (RoleHeadOfState...), by its title, or by the first words of its
// title, case and accents ignored: "Président" matches "Président de la
// Transition", "ministre de la Défense" matches "ministre de la Défense et
// des Anciens Combattants". Dates are compared at the precision known: a
// tenure ending in "2022-09" and one starting in "2022-09" both overlap
// `at` = "2022-09". The zero date asks for the current holders (roles
// without an end). Several people may be returned around a change of
// holder; the latest to take office comes first.
func (k *KB) HolderOf(title, of string, at veille.Date) []Entry {
	want := Fold(title)
	if want == "" || of == "" {
		return nil
	}
	type hit struct {
		e     Entry
		start veille.Date
	}
	var hits []hit
	for _, e := range k.entries {
		if len(e.Roles) == 0 {
			continue
		}
		for _, r := range e.Roles {
			if r.Of != of || !roleMatches(r, title, want) {
				continue
			}
			if at.IsZero() {
				if !r.End.IsZero() {
					continue
				}
			} else if !overlaps(r.Start, r.End, at) {
				continue
			}
			hits = append(hits, hit{e, r.Start})
			break
		}
	}
	// Latest start first; insertion sort keeps the base's order on ties.
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && lowerBound(hits[j].start).After(lowerBound(hits[j-1].start)); j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	out := make([]Entry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

func roleMatches(r Role, title, folded string) bool {
	if r.Kind != "" && r.Kind == title {
		return true
	}
	t := Fold(r.Title)
	return t == folded || strings.HasPrefix(t, folded+" ")
}
