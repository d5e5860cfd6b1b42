package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
)

// Attribution is the credit the country data asks for; it is written into
// kb.json and must appear in the repository's NOTICE.
const Attribution = "Country data: mledoze/countries, ODbL"

// entry is an entry as written to kb.json (kb.Entry with dates as plain
// strings, so that unknown dates are left out rather than written null).
type entry struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label"`
	Aliases   []string `json:"aliases,omitempty"`
	Kind      string   `json:"kind,omitempty"`
	Country   string   `json:"country,omitempty"`
	ISO3      string   `json:"iso3,omitempty"`
	Official  string   `json:"official,omitempty"`
	Demonyms  []string `json:"demonyms,omitempty"`
	Capital   string   `json:"capital,omitempty"`
	CapitalOf string   `json:"capital_of,omitempty"`
	Surname   string   `json:"surname,omitempty"`
	Titles    []string `json:"titles,omitempty"`
	Roles     []role   `json:"roles,omitempty"`

	independent bool // a sovereign state (countries only)
}

type role struct {
	Title string `json:"title"`
	Kind  string `json:"kind,omitempty"`
	Of    string `json:"of"`
	Start string `json:"start,omitempty"`
	End   string `json:"end,omitempty"`
}

// Stats counts what Generate wrote.
type Stats struct {
	Entries int
	ByType  map[string]int
	QIDs    int
	Roles   int
	// GivenNames is the length of the given-name list.
	GivenNames int
}

// country is the part of a mledoze/countries record the base uses.
type country struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  bool     `json:"independent"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Translations map[string]struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"translations"`
	Demonyms map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

var (
	rxQID  = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	rxSlug = regexp.MustCompile(`^(per|loc|org|misc):[a-z0-9]+(-[a-z0-9]+)*$`)
	rxDate = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// builder accumulates the entries in output order.
type builder struct {
	entries []*entry
	byID    map[string]*entry
	byCode  map[string]*entry // cca2 -> country
	given   []string          // given names, sorted, unique
}

func (b *builder) add(e *entry) error {
	if _, dup := b.byID[e.ID]; dup {
		return fmt.Errorf("duplicate id %q (%s)", e.ID, e.Label)
	}
	if !rxQID.MatchString(e.ID) && !rxSlug.MatchString(e.ID) {
		return fmt.Errorf("id %q (%s) is neither a QID nor a slug", e.ID, e.Label)
	}
	b.byID[e.ID] = e
	b.entries = append(b.entries, e)
	return nil
}

// resolve turns a reference written in a source file into an entry id:
// an id as is, or a country's alpha-2 code.
func (b *builder) resolve(ref string) (string, error) {
	if c, ok := b.byCode[ref]; ok {
		return c.ID, nil
	}
	if _, ok := b.byID[ref]; ok {
		return ref, nil
	}
	return "", fmt.Errorf("unknown reference %q", ref)
}

// Generate builds kb.json from the countries file and the source
// directory.
func Generate(ctx context.Context, countriesPath, srcDir string) ([]byte, Stats, error) {
	raw, err := os.ReadFile(countriesPath)
	if err != nil {
		return nil, Stats{}, fmt.Errorf("read countries: %w", err)
	}
	var cs []country
	if err := json.Unmarshal(raw, &cs); err != nil {
		return nil, Stats{}, fmt.Errorf("parse %s: %w", countriesPath, err)
	}
	b := &builder{byID: map[string]*entry{}, byCode: map[string]*entry{}}
	steps := []func() error{
		func() error { return b.countries(cs, filepath.Join(srcDir, "countries.tsv")) },
		func() error { return eachSource(srcDir, "places", b.places) },
		func() error { return eachSource(srcDir, "orgs", b.orgs) },
		func() error { return eachSource(srcDir, "people", b.people) },
		func() error { return b.roles(filepath.Join(srcDir, "roles.tsv")) },
	}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, Stats{}, err
		}
		if err := step(); err != nil {
			return nil, Stats{}, err
		}
	}
	ambiguous := map[string]bool{}
	if err := eachSource(srcDir, "ambiguous", func(path string) error {
		return readAmbiguous(path, ambiguous)
	}); err != nil {
		return nil, Stats{}, err
	}
	for _, e := range b.entries {
		if startsWithDate(e.Label) {
			return nil, Stats{}, fmt.Errorf("%s: label %q begins with a date", e.ID, e.Label)
		}
		e.Aliases = slices.DeleteFunc(e.Aliases, startsWithDate)
	}
	if err := b.givenNames(filepath.Join(srcDir, "givennames.txt")); err != nil {
		return nil, Stats{}, err
	}
	if err := b.check(ambiguous); err != nil {
		return nil, Stats{}, err
	}
	data, err := b.encode()
	if err != nil {
		return nil, Stats{}, err
	}
	// The package must load what we wrote.
	if _, err := kb.Load(data); err != nil {
		return nil, Stats{}, fmt.Errorf("generated base does not load: %w", err)
	}
	st := Stats{Entries: len(b.entries), ByType: map[string]int{}, GivenNames: len(b.given)}
	for _, e := range b.entries {
		st.ByType[e.Type]++
		if rxQID.MatchString(e.ID) {
			st.QIDs++
		}
		st.Roles += len(e.Roles)
	}
	return data, st, nil
}

// encode writes the entries one per line, for readable diffs.
func (b *builder) encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	buf.WriteString("{\"attribution\":")
	if err := enc.Encode(Attribution); err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	buf.Truncate(buf.Len() - 1)
	buf.WriteString(",\n\"entries\":[\n")
	for i, e := range b.entries {
		if err := enc.Encode(e); err != nil {
			return nil, fmt.Errorf("encode %s: %w", e.ID, err)
		}
		if i < len(b.entries)-1 {
			buf.Truncate(buf.Len() - 1)
			buf.WriteString(",\n")
		}
	}
	buf.WriteString("]")
	if len(b.given) > 0 {
		buf.WriteString(",\n\"given_names\":[\n")
		for i, g := range b.given {
			if err := enc.Encode(g); err != nil {
				return nil, fmt.Errorf("encode %q: %w", g, err)
			}
			if i < len(b.given)-1 {
				buf.Truncate(buf.Len() - 1)
				buf.WriteString(",\n")
			}
		}
		buf.WriteString("]")
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}

// rxDayMonth matches a name that begins with a day and a month, once
// folded: "14 juillet", "11-septembre", "1er mai".
var rxDayMonth = regexp.MustCompile(`^[0-9]{1,2}(er)?[ -](janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b`)

// startsWithDate reports whether a name begins with a day and a month
// ("14-Juillet", "11 Septembre"): to a gazetteer every date of that day
// would be the holiday or the event, so such names are left out of the
// base; the longer names around the date stay ("attentats du 11
// septembre 2001").
func startsWithDate(name string) bool { return rxDayMonth.MatchString(kb.Normalize(name)) }

// givenNames reads the list of given names, one a line, if the file
// exists: each must start with a capital letter and hold no tab.
// Duplicates (without case and accents) are dropped; the list is sorted.
func (b *builder) givenNames(path string) error {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read given names: %w", err)
	}
	seen := map[string]bool{}
	for i, line := range strings.Split(string(data), "\n") {
		name := strings.TrimSpace(line)
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) || strings.ContainsAny(name, "\t|") {
			return fmt.Errorf("%s:%d: %q is not a capitalised name", filepath.Base(path), i+1, name)
		}
		if k := kb.Fold(name); !seen[k] {
			seen[k] = true
			b.given = append(b.given, name)
		}
	}
	slices.SortFunc(b.given, func(x, y string) int {
		if c := strings.Compare(kb.Fold(x), kb.Fold(y)); c != 0 {
			return c
		}
		return strings.Compare(x, y)
	})
	return nil
}

// eachSource calls read on the source file NAME.tsv of dir, then on the
// files NAME-*.tsv in name order: a large table (the world's places, say)
// is kept in several files by subject.
func eachSource(dir, name string, read func(path string) error) error {
	more, err := filepath.Glob(filepath.Join(dir, name+"-*.tsv"))
	if err != nil {
		return err
	}
	slices.Sort(more)
	for _, p := range append([]string{filepath.Join(dir, name+".tsv")}, more...) {
		if err := read(p); err != nil {
			return err
		}
	}
	return nil
}

// readTSV reads a tab-separated source file: one record a line, '#'
// comments and blank lines skipped, fields trimmed and padded to n.
func readTSV(path string, n int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open source: %w", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) > n {
			return nil, fmt.Errorf("%s:%d: %d fields, want at most %d", filepath.Base(path), line, len(fields), n)
		}
		for len(fields) < n {
			fields = append(fields, "")
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		rows = append(rows, fields)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return rows, nil
}

// list splits a multi-valued field ("a | b | c").
func list(field string) []string {
	if field == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(field, "|") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// addAliases appends names to e.Aliases, skipping the label and exact
// duplicates.
func (e *entry) addAliases(names ...string) {
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" || n == e.Label || slices.Contains(e.Aliases, n) {
			continue
		}
		e.Aliases = append(e.Aliases, n)
	}
}

// slug makes the slug part of an id from a name.
func slug(name string) string {
	return strings.ReplaceAll(kb.Fold(name), " ", "-")
}

// countries adds one entry per country of the file, then one per capital.
func (b *builder) countries(cs []country, extraPath string) error {
	rows, err := readTSV(extraPath, 8)
	if err != nil {
		return err
	}
	type extra struct {
		qid, label, capital, capitalQID string
		capitalAliases, aliases         []string
		demonyms                        []string
	}
	extras := map[string]extra{}
	for _, r := range rows {
		if _, dup := extras[r[0]]; dup {
			return fmt.Errorf("countries.tsv: %s twice", r[0])
		}
		extras[r[0]] = extra{r[1], r[2], r[3], r[4], list(r[5]), list(r[6]), list(r[7])}
	}
	seen := map[string]bool{}
	for _, c := range cs {
		fra := c.Translations["fra"]
		x, ok := extras[c.CCA2]
		if ok {
			seen[c.CCA2] = true
		}
		e := &entry{Type: veille.TypeLOC, Kind: kb.KindCountry, Country: c.CCA2, ISO3: c.CCA3, independent: c.Independent}
		e.Label = fra.Common
		if x.label != "" {
			e.Label = x.label
		}
		if e.Label == "" {
			e.Label = c.Name.Common
		}
		e.Official = fra.Official
		e.ID = x.qid
		if e.ID == "" {
			e.ID = "loc:" + slug(e.Label)
		}
		e.addAliases(fra.Common, fra.Official, c.Name.Common, c.Name.Official)
		e.addAliases(altSpellings(c)...)
		e.addAliases(x.aliases...)
		if d, ok := c.Demonyms["fra"]; ok {
			e.Demonyms = demonymForms(d.M, d.F)
		}
		for _, d := range x.demonyms {
			for _, f := range demonymForms(d, "") {
				if !slices.Contains(e.Demonyms, f) {
					e.Demonyms = append(e.Demonyms, f)
				}
			}
		}
		if err := b.add(e); err != nil {
			return err
		}
		b.byCode[c.CCA2] = e
	}
	for code := range extras {
		if !seen[code] {
			return fmt.Errorf("countries.tsv: unknown country code %q", code)
		}
	}
	b.shareDemonyms()

	// Capitals, with ids made unique by country when two share a name.
	type capital struct {
		c     *entry
		label string
		x     extra
		en    string
	}
	var caps []capital
	count := map[string]int{}
	for _, c := range cs {
		if len(c.Capital) == 0 {
			continue
		}
		x := extras[c.CCA2]
		label := x.capital
		if label == "" {
			label = c.Capital[0]
		}
		caps = append(caps, capital{b.byCode[c.CCA2], label, x, c.Capital[0]})
		if x.capitalQID == "" {
			count[slug(label)]++
		}
	}
	for _, cp := range caps {
		e := &entry{Type: veille.TypeLOC, Kind: kb.KindCity, Country: cp.c.Country, Label: cp.label, CapitalOf: cp.c.ID}
		switch {
		case cp.x.capitalQID != "":
			e.ID = cp.x.capitalQID
		case count[slug(cp.label)] > 1 || b.byID["loc:"+slug(cp.label)] != nil:
			// Two capitals of one name, or a city named as its
			// territory (Gibraltar): qualify by country.
			e.ID = "loc:" + slug(cp.label) + "-" + strings.ToLower(cp.c.Country)
		default:
			e.ID = "loc:" + slug(cp.label)
		}
		e.addAliases(cp.en)
		e.addAliases(cp.x.capitalAliases...)
		if err := b.add(e); err != nil {
			return err
		}
		cp.c.Capital = e.ID
	}
	return nil
}

// altSpellings keeps the alternative spellings of a country that are
// names a French or English text may use: several words in Latin script,
// or an acronym in capitals ("UAE", "DRC"). Single native words ("Suomi",
// "Holland") and inverted forms ("Korea, Republic of") are left out: they
// are rare in our news and some are common words.
func altSpellings(c country) []string {
	var out []string
	for _, s := range c.AltSpellings {
		if s == c.CCA2 || s == c.CCA3 || strings.ContainsAny(s, ",()") {
			continue
		}
		latin, upper, lower := true, 0, 0
		for _, r := range s {
			switch {
			case r >= 0x250 && unicode.IsLetter(r):
				latin = false
			case unicode.IsUpper(r):
				upper++
			case unicode.IsLower(r):
				lower++
			}
		}
		if !latin {
			continue
		}
		acronym := lower == 0 && upper >= 2 && upper <= 5
		if acronym || strings.ContainsAny(s, " -") {
			out = append(out, s)
		}
	}
	return out
}

// demonymForms returns the lower-case forms of a demonym: masculine,
// feminine and their plurals. Multi-word demonyms are kept as they are,
// and "A, B" gives the forms of A and of B.
func demonymForms(m, f string) []string {
	var out []string
	addForm := func(s string) {
		s = strings.ToLower(strings.TrimSpace(s))
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	plural := func(s string) string {
		s = strings.ToLower(strings.TrimSpace(s))
		if s == "" || strings.Contains(s, " ") || strings.Contains(s, "-et-") {
			return ""
		}
		if strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") {
			return s
		}
		return s + "s"
	}
	ms, fs := strings.Split(m, ","), strings.Split(f, ",")
	for _, s := range ms {
		addForm(s)
	}
	for _, s := range fs {
		addForm(s)
	}
	for _, s := range ms {
		addForm(plural(s))
	}
	for _, s := range fs {
		addForm(plural(s))
	}
	return out
}

// shareDemonyms resolves demonyms shared by several countries: a
// dependent territory sharing one with a sovereign state loses it ("française"
// is France's, not the French Southern Lands'). Demonyms still shared
// after that stay on all of them, and kb.Demonym reports them as
// ambiguous.
func (b *builder) shareDemonyms() {
	owners := map[string][]*entry{}
	for _, e := range b.entries {
		for _, d := range e.Demonyms {
			k := kb.Fold(d)
			owners[k] = append(owners[k], e)
		}
	}
	for _, e := range b.entries {
		if e.Kind != kb.KindCountry || e.independent {
			continue
		}
		e.Demonyms = slices.DeleteFunc(e.Demonyms, func(d string) bool {
			for _, o := range owners[kb.Fold(d)] {
				if o.independent {
					return true
				}
			}
			return false
		})
	}
}

// places reads a places file: id, kind, country, label, aliases.
func (b *builder) places(path string) error {
	rows, err := readTSV(path, 5)
	if err != nil {
		return err
	}
	for _, r := range rows {
		e := &entry{ID: r[0], Type: veille.TypeLOC, Kind: r[1], Label: r[3]}
		if err := b.setCountry(e, r[2]); err != nil {
			return fmt.Errorf("%s: %s: %w", filepath.Base(path), r[3], err)
		}
		if e.ID == "" {
			e.ID = "loc:" + slug(e.Label)
		}
		e.addAliases(list(r[4])...)
		if err := b.add(e); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
	}
	return nil
}

func (b *builder) setCountry(e *entry, code string) error {
	if code == "" {
		return nil
	}
	if _, ok := b.byCode[code]; !ok {
		return fmt.Errorf("unknown country code %q", code)
	}
	e.Country = code
	return nil
}

// orgs reads an orgs file: id, type, kind, country, label, aliases.
func (b *builder) orgs(path string) error {
	rows, err := readTSV(path, 6)
	if err != nil {
		return err
	}
	for _, r := range rows {
		typ := r[1]
		if typ != veille.TypeORG && typ != veille.TypeMISC {
			return fmt.Errorf("%s: %s: type %q, want ORG or MISC", filepath.Base(path), r[4], typ)
		}
		e := &entry{ID: r[0], Type: typ, Kind: r[2], Label: r[4]}
		if err := b.setCountry(e, r[3]); err != nil {
			return fmt.Errorf("%s: %s: %w", filepath.Base(path), r[4], err)
		}
		if e.ID == "" {
			e.ID = strings.ToLower(typ) + ":" + slug(e.Label)
		}
		e.addAliases(list(r[5])...)
		if err := b.add(e); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
	}
	return nil
}

// people reads people.tsv: id, label, surname, country, titles, aliases.
// Each person is also known by their surname alone and by the forms in
// capitals the press uses ("TRAORE", "Ibrahim TRAORE").
func (b *builder) people(path string) error {
	rows, err := readTSV(path, 6)
	if err != nil {
		return err
	}
	for _, r := range rows {
		e := &entry{ID: r[0], Type: veille.TypePER, Label: r[1], Surname: r[2], Titles: list(r[4])}
		if err := b.setCountry(e, r[3]); err != nil {
			return fmt.Errorf("%s: %s: %w", filepath.Base(path), r[1], err)
		}
		if e.ID == "" {
			e.ID = "per:" + slug(e.Label)
		}
		e.addAliases(list(r[5])...)
		if s := e.Surname; s != "" {
			up := upperASCII(s)
			e.addAliases(s, up)
			if given, ok := strings.CutSuffix(e.Label, " "+s); ok {
				e.addAliases(given + " " + up)
			}
		}
		if err := b.add(e); err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(path), err)
		}
	}
	return nil
}

// upperASCII writes a name in capitals without accents, as the press
// does ("Traoré" -> "TRAORE").
func upperASCII(s string) string {
	var out strings.Builder
	for _, w := range strings.Fields(s) {
		if out.Len() > 0 {
			out.WriteByte(' ')
		}
		// Fold drops accents and separates at hyphens and apostrophes;
		// put the original separators back.
		f := strings.Fields(kb.Fold(w))
		seps := []rune{}
		for _, r := range w {
			if r == '-' || r == '\'' || r == '’' {
				seps = append(seps, r)
			}
		}
		for i, p := range f {
			if i > 0 {
				if i-1 < len(seps) {
					out.WriteRune(seps[i-1])
				} else {
					out.WriteByte(' ')
				}
			}
			out.WriteString(strings.ToUpper(p))
		}
	}
	return out.String()
}

var roleKinds = map[string]string{
	"state": kb.RoleHeadOfState,
	"gov":   kb.RoleHeadOfGovernment,
	"def":   kb.RoleDefence,
	"fm":    kb.RoleForeign,
	"-":     "",
}

// roles reads roles.tsv: person, kind, title, of, start, end.
func (b *builder) roles(path string) error {
	rows, err := readTSV(path, 6)
	if err != nil {
		return err
	}
	for _, r := range rows {
		p, ok := b.byID[r[0]]
		if !ok || p.Type != veille.TypePER {
			return fmt.Errorf("roles.tsv: %q is not a person of people.tsv", r[0])
		}
		kind, ok := roleKinds[r[1]]
		if !ok {
			return fmt.Errorf("roles.tsv: %s: unknown role kind %q", r[0], r[1])
		}
		of, err := b.resolve(r[3])
		if err != nil {
			return fmt.Errorf("roles.tsv: %s: %w", r[0], err)
		}
		for _, d := range r[4:6] {
			if d != "" && !rxDate.MatchString(d) {
				return fmt.Errorf("roles.tsv: %s: bad date %q", r[0], d)
			}
			if _, err := veille.ParseDate(d); err != nil {
				return fmt.Errorf("roles.tsv: %s: %w", r[0], err)
			}
		}
		if n := min(len(r[4]), len(r[5])); n > 0 && r[5][:n] < r[4][:n] {
			return fmt.Errorf("roles.tsv: %s: ends %s before it starts %s", r[0], r[5], r[4])
		}
		if r[2] == "" {
			return fmt.Errorf("roles.tsv: %s: role without title", r[0])
		}
		p.Roles = append(p.Roles, role{Title: r[2], Kind: kind, Of: of, Start: r[4], End: r[5]})
	}
	return nil
}

// readAmbiguous reads an ambiguous.tsv file (a name, then a comment) into
// the set into.
func readAmbiguous(path string, into map[string]bool) error {
	rows, err := readTSV(path, 2)
	if err != nil {
		return err
	}
	for _, r := range rows {
		into[kb.Normalize(r[0])] = true
	}
	return nil
}

// check validates the base: references resolve, every name has a key,
// and no name is shared by two entries of one type unless ambiguous.tsv
// says it is, or they are a country and its own capital ("Djibouti").
func (b *builder) check(ambiguous map[string]bool) error {
	var errs []error
	keys := map[string][]*entry{}
	for _, e := range b.entries {
		if e.Capital != "" {
			if _, ok := b.byID[e.Capital]; !ok {
				errs = append(errs, fmt.Errorf("%s: unknown capital %q", e.ID, e.Capital))
			}
		}
		if e.Label == "" {
			errs = append(errs, fmt.Errorf("%s: no label", e.ID))
		}
		names := append([]string{e.Label}, e.Aliases...)
		for _, n := range names {
			k := kb.Normalize(n)
			if k == "" {
				errs = append(errs, fmt.Errorf("%s: name %q has an empty key", e.ID, n))
				continue
			}
			if !slices.Contains(keys[k], e) {
				keys[k] = append(keys[k], e)
			}
		}
	}
	used := map[string]bool{}
	var clashes []string
	for k, es := range keys {
		byType := map[string][]*entry{}
		for _, e := range es {
			byType[e.Type] = append(byType[e.Type], e)
		}
		for _, same := range byType {
			if len(same) < 2 || ownCapital(same) {
				continue
			}
			if ambiguous[k] {
				used[k] = true
				continue
			}
			ids := make([]string, len(same))
			for i, e := range same {
				ids[i] = e.ID + " " + e.Label
			}
			clashes = append(clashes, fmt.Sprintf("%q: %s", k, strings.Join(ids, ", ")))
		}
	}
	slices.Sort(clashes)
	for _, c := range clashes {
		errs = append(errs, fmt.Errorf("name shared by entries of one type, not in ambiguous.tsv: %s", c))
	}
	var unused []string
	for k := range ambiguous {
		if !used[k] {
			unused = append(unused, k)
		}
	}
	slices.Sort(unused)
	for _, k := range unused {
		errs = append(errs, fmt.Errorf("ambiguous.tsv: %q is not shared by two entries of one type", k))
	}
	return errors.Join(errs...)
}

// ownCapital reports whether entries are exactly a country and its
// capital.
func ownCapital(es []*entry) bool {
	return len(es) == 2 && (es[0].Capital == es[1].ID || es[1].Capital == es[0].ID)
}
