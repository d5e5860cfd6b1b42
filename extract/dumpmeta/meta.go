package dumpmeta

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille"
)

// Meta is what the metadata finder found in one dump.
type Meta struct {
	Title              string
	Authors            []string
	Published, Updated veille.Date
	// PublishedFrom says where Published was read: "byline" (a date in the
	// byline zone next to the title), "label" (announced: "Publié le",
	// "Published", "date"), "text" (a dateline opening the body:
	// "OUAGADOUGOU, 5 mars 2024 (AIB) –"), or "" when none.
	PublishedFrom    string
	Tags, Categories []string
	// Consumed lists, in increasing order, the indices of the lines that
	// are metadata (title, byline, date, category and keyword lines): the
	// caller removes them from the body.
	Consumed []int
}

// Where Published was read.
const (
	FromByline = "byline"
	FromLabel  = "label"
	FromText   = "text"
)

// Scan limits around the body start, in non-blank lines.
const (
	maxUp   = 12
	maxDown = 12
)

// Find finds the metadata of a dump. lines is the dump split into lines
// (untrimmed); bodyStart/bodyEnd is the body region found by the body
// extractor (line indices, end exclusive; 0,0 when unknown). Find must
// work, less well, when the region is wrong or unknown.
//
// The title, byline and dates are looked for in the header zone: the few
// lines above the body start (up to the first menu, ticker, copyright or
// related-list line) and the first lines of the body. A "last updated"
// date is not a publication date: it fills Updated, and Published stays
// zero unless a publication date is stated too.
func Find(lines []string, bodyStart, bodyEnd int) Meta {
	if len(lines) == 0 {
		return Meta{}
	}
	d := newDoc(lines)
	guessed := false
	if bodyStart < 0 || bodyEnd > len(lines) || bodyStart >= bodyEnd {
		bodyStart, bodyEnd = d.guessBody()
		guessed = true
	}
	m, score := d.find(bodyStart, bodyEnd)
	if score == 0 && !guessed {
		// Nothing around the given region: try our own estimate.
		if gs, ge := d.guessBody(); gs < ge && (gs != bodyStart || ge != bodyEnd) {
			if m2, s2 := d.find(gs, ge); s2 > 0 {
				return m2
			}
		}
	}
	return m
}

// doc is a dump being read.
type doc struct {
	raw   []string
	t     []string // trimmed lines
	prose []int8   // isProse per line: 0 unknown, 1 no, 2 yes
}

func newDoc(lines []string) *doc {
	d := &doc{raw: lines, t: make([]string, len(lines)), prose: make([]int8, len(lines))}
	for i, l := range lines {
		d.t[i] = trim(l)
	}
	return d
}

// isProse is isProse of line i, computed once.
func (d *doc) isProse(i int) bool {
	if d.prose[i] == 0 {
		d.prose[i] = 1
		if isProse(d.t[i]) {
			d.prose[i] = 2
		}
	}
	return d.prose[i] == 2
}

// guessBody estimates the body region when the caller does not know it:
// it starts at the first prose line followed, within three non-blank
// lines, by another (a subheading may sit between two paragraphs), and
// ends after the last prose line before a related-list heading or a run of
// four non-prose lines.
func (d *doc) guessBody() (int, int) {
	start := -1
	for i := range d.t {
		if !d.isProse(i) {
			continue
		}
		seen := 0
		for j := i + 1; j < len(d.t) && seen < 3; j++ {
			if d.t[j] == "" {
				continue
			}
			seen++
			if d.isProse(j) {
				start = i
				break
			}
		}
		if start >= 0 {
			break
		}
	}
	if start < 0 {
		for i := range d.t {
			if d.isProse(i) {
				start = i
				break
			}
		}
	}
	if start < 0 {
		return 0, 0
	}
	last, run := start, 0
	for i := start + 1; i < len(d.t); i++ {
		t := d.t[i]
		if t == "" {
			continue
		}
		if isSectionHeading(t) {
			break
		}
		if d.isProse(i) {
			last, run = i, 0
			continue
		}
		if run++; run >= 4 {
			break
		}
	}
	return start, last + 1
}

// Line kinds in the header zone.
type kind uint8

const (
	kOther kind = iota
	kBlank
	kProse
	kDate      // a line whose dates are metadata
	kLabelOnly // "Publié le :" with no value
	kByline    // "Par X"
	kName      // a lone name next to a byline or date
	kReadTime  // "2 mn(s) de lecture"
	kCount     // "734 Lectures"
	kUI        // "Partager"
	kRelTime   // "Il y a 3 heures": a relative time, not a date
)

// dated is a date found in the header zone.
type dated struct {
	line int
	date veille.Date
	role role
	src  string
}

// zone is the header zone being read.
type zone struct {
	d          *doc
	lo, hi     int // lines [lo, hi)
	anchor     int // body start
	firstProse int // first prose line at or after anchor, or hi
	kinds      []kind
	dates      []dated
	authors    []string
	cats       []string
}

// find reads the metadata around the body region [start, end). score
// counts what was found, to compare regions.
func (d *doc) find(start, end int) (Meta, int) {
	z := d.zoneAt(start, end)
	z.classify()
	var m Meta
	var consumed []int

	title, titleLines := z.title()
	m.Title = title
	consumed = append(consumed, titleLines...)
	titleAt := -1
	if len(titleLines) > 0 {
		titleAt = titleLines[len(titleLines)-1]
	}

	// Dates.
	pub, upd := z.pickDates(titleAt)
	if pub != nil {
		m.Published, m.PublishedFrom = pub.date, pub.src
	}
	if upd != nil {
		m.Updated = upd.date
	}

	// Meta lines of the header zone.
	for i := z.lo; i < z.hi; i++ {
		switch z.kinds[i-z.lo] {
		case kDate, kLabelOnly, kByline, kName, kReadTime, kCount, kRelTime:
			consumed = append(consumed, i)
		case kUI:
			if z.nextToMeta(i) {
				consumed = append(consumed, i)
			}
		}
	}
	m.Authors = dedupe(z.authors)
	sigAuthors, sigLines := d.signature(end)
	if len(m.Authors) == 0 {
		m.Authors = sigAuthors
	}
	consumed = append(consumed, sigLines...)

	// Categories: byline lists, then a breadcrumb or rubric line above the
	// title, then labelled category lines.
	cats := z.cats
	if titleAt >= 0 {
		if c, at := z.categoryAbove(titleLines[0]); len(c) > 0 {
			cats = append(cats, c...)
			consumed = append(consumed, at)
		}
	}
	lc, lcLines := d.labelled(z.lo, categoryLabels)
	cats = append(cats, lc...)
	consumed = append(consumed, lcLines...)
	m.Categories = dedupe(cats)

	// Tags.
	tags, tagLines := d.tags(z, m)
	m.Tags = tags
	consumed = append(consumed, tagLines...)

	m.Consumed = sortedUnique(consumed)
	score := 0
	if m.Title != "" {
		score++
	}
	if len(m.Authors) > 0 {
		score++
	}
	if !m.Published.IsZero() || !m.Updated.IsZero() {
		score++
	}
	return m, score
}

// zoneAt delimits the header zone around a body starting at start.
func (d *doc) zoneAt(start, end int) *zone {
	n := len(d.t)
	if start < 0 {
		start = 0
	}
	if start > n {
		start = n
	}
	z := &zone{d: d, anchor: start}
	// Upwards, to the first line that belongs to the page's furniture.
	lo, seen, prose := start, 0, 0
	for i := start - 1; i >= 0 && seen < maxUp && start-i <= 4*maxUp; i-- {
		t := d.t[i]
		if t == "" {
			lo = i
			continue
		}
		seen++
		if z.isMetaLine(t) {
			lo = i
			continue
		}
		if isSectionHeading(t) || isCopyright(t) || isMenuLine(t) || strings.Contains(t, "{{") ||
			isBullet(t) || isTicker(t) {
			break
		}
		if d.isProse(i) {
			if prose++; prose > 1 {
				break
			}
		}
		lo = i
	}
	// Downwards, into the first lines of the body.
	hi, seen, prose := start, 0, 0
	limit := n
	if end > start && end < n {
		limit = end
	}
	for i := start; i < limit && seen < maxDown; i++ {
		hi = i + 1
		t := d.t[i]
		if t == "" {
			continue
		}
		seen++
		if d.isProse(i) {
			if prose++; prose >= 2 {
				break
			}
		}
	}
	z.lo, z.hi = lo, hi
	z.firstProse = hi
	for i := start; i < hi; i++ {
		if d.isProse(i) {
			z.firstProse = i
			break
		}
	}
	return z
}

// isTicker reports whether t is a news-ticker or related-list item: a
// headline followed by a bar and a date.
func isTicker(t string) bool {
	i := strings.LastIndex(t, "|")
	if i < 0 || len(t)-i > 80 {
		return false
	}
	tail := trim(t[i+1:])
	ms := FindDates(tail)
	return len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(tail) && countWords(t[:i]) > 5
}

// isMetaLine is a cheap test used while delimiting the zone.
func (z *zone) isMetaLine(t string) bool {
	if _, ok := byline(t); ok {
		return true
	}
	if labelOnly(t) != roleNone || isReadTime(t) || isCount(t) {
		return true
	}
	if u := unbullet(t); len(u) < 200 {
		if ms := FindDates(u); len(ms) > 0 {
			if _, _, ok := z.metaDateParts(u, ms); ok {
				return true
			}
		}
	}
	return false
}

// classify gives every line of the zone a kind and collects dates,
// authors and byline categories.
func (z *zone) classify() {
	d := z.d
	z.kinds = make([]kind, z.hi-z.lo)
	for i := z.lo; i < z.hi; i++ {
		t := d.t[i]
		k := kOther
		switch {
		case t == "":
			k = kBlank
		case z.classifyDates(i, t):
			k = kDate
		case labelOnly(t) != roleNone:
			k = kLabelOnly
		case isReadTime(t):
			k = kReadTime
		case isRelativeTime(t):
			k = kRelTime
		case isCount(t):
			k = kCount
		case isUILine(t):
			k = kUI
		case d.isProse(i):
			k = kProse
		default:
			if s, ok := byline(t); ok {
				if names := authorsIn(s, true); len(names) > 0 {
					z.authors = append(z.authors, names...)
					k = kByline
				}
			} else if isNameList(unbullet(t)) {
				k = kName // confirmed below
			}
		}
		z.kinds[i-z.lo] = k
	}
	// A label alone on its line ("Publié le :") whose value, on the next
	// line, is in a form FindDates does not read: ParseDate's fallback
	// may read it.
	for i := z.lo; i < z.hi; i++ {
		if z.kinds[i-z.lo] != kLabelOnly {
			continue
		}
		n := z.nextNonBlank(i)
		if n < 0 || n >= z.hi || z.kinds[n-z.lo] == kDate || len(d.t[n]) > 64 {
			continue
		}
		if dt, ok := ParseDate(d.t[n]); ok && dt.Precision >= veille.PrecisionDay {
			z.kinds[n-z.lo] = kDate
			z.dates = append(z.dates, dated{line: n, date: dt, role: labelOnly(d.t[i]), src: FromLabel})
		}
	}
	// A lone name is an author only next to a byline or a dated line.
	for i := z.lo; i < z.hi; i++ {
		if z.kinds[i-z.lo] != kName {
			continue
		}
		if z.near(i, 2, kDate, kByline) {
			z.authors = append(z.authors, authorsIn(unbullet(d.t[i]), false)...)
		} else {
			z.kinds[i-z.lo] = kOther
		}
	}
	// A date alone on its line after a label alone on its own
	// ("Publié le :" / "3 mars 2024") takes the label's role.
	for k := range z.dates {
		dt := &z.dates[k]
		if dt.role != roleNone {
			continue
		}
		if p := z.prevNonBlank(dt.line); p >= 0 {
			if r := labelOnly(d.t[p]); r != roleNone && z.onlyDate(dt.line) {
				dt.role, dt.src = r, FromLabel
			}
		}
	}
}

// onlyDate reports whether line i holds nothing but its date.
func (z *zone) onlyDate(i int) bool {
	t := unbullet(z.d.t[i])
	ms := FindDates(head(t))
	return len(ms) == 1 && strings.Trim(t[:ms[0].Start]+t[ms[0].End:], " ,.:-–|") == ""
}

// near reports whether a line of one of the kinds is within dist lines of i.
func (z *zone) near(i, dist int, ks ...kind) bool {
	for j := i - dist; j <= i+dist; j++ {
		if j == i || j < z.lo || j >= z.hi {
			continue
		}
		for _, k := range ks {
			if z.kinds[j-z.lo] == k {
				return true
			}
		}
	}
	return false
}

// nextToMeta reports whether line i sits in a run of metadata lines.
func (z *zone) nextToMeta(i int) bool {
	return z.near(i, 2, kDate, kByline, kName, kReadTime, kCount, kLabelOnly, kRelTime)
}

// nonBlankBetween counts the non-blank lines strictly between a and b.
func (z *zone) nonBlankBetween(a, b int) int {
	if a > b {
		a, b = b, a
	}
	n := 0
	for i := a + 1; i < b; i++ {
		if z.d.t[i] != "" {
			n++
		}
	}
	return n
}

func (z *zone) prevNonBlank(i int) int {
	for j := i - 1; j >= z.lo; j-- {
		if z.d.t[j] != "" {
			return j
		}
	}
	return -1
}

// classifyDates records the dates of line i that are metadata and reports
// whether the line is a metadata line. A date is metadata when a label
// announces it, or when the rest of the line is only a name, labels,
// counts and a category list (a byline); a date inside running text is
// not.
func (z *zone) classifyDates(i int, t string) bool {
	if isCopyright(t) {
		return false
	}
	t = unbullet(t)
	h := head(t)
	ms := FindDates(h)
	if len(ms) == 0 {
		return false
	}
	prose := isProse(t)
	found := false
	prev := 0
	for _, m := range ms {
		r, at := labelBefore(h[:m.Start], m.Start)
		if r != roleNone && at < prev {
			r = roleNone // the label belongs to an earlier date
		}
		if r != roleNone && (!prose || at <= 30) {
			z.dates = append(z.dates, dated{line: i, date: refine(h, m), role: r, src: FromLabel})
			found = true
		}
		prev = m.End
	}
	if found {
		if names, cats, ok := z.metaDateParts(t, ms); ok {
			z.authors = append(z.authors, names...)
			z.cats = append(z.cats, cats...)
		} else if s, ok := byline(t); ok {
			z.authors = append(z.authors, authorsIn(s, true)...)
		}
		return true
	}
	if prose {
		return false
	}
	names, cats, ok := z.metaDateParts(t, ms)
	if !ok {
		return false
	}
	z.authors = append(z.authors, names...)
	z.cats = append(z.cats, cats...)
	z.dates = append(z.dates, dated{line: i, date: ms[0].Date, role: roleNone, src: FromByline})
	return true
}

// refine returns the date of m, made more precise when the text right
// after it states a time of day in a form FindDates does not read
// ("3 mars 2024 10.15"): the value is then handed to ParseDate and its
// go-dateparser fallback, and kept only if it reads the same day.
func refine(h string, m Match) veille.Date {
	if m.Date.Precision != veille.PrecisionDay {
		return m.Date
	}
	rest := h[m.End:]
	if len(rest) > 12 {
		rest = rest[:12]
	}
	if !hasDigit(rest) {
		return m.Date
	}
	v := h[m.Start:]
	if len(v) > 40 {
		v = v[:40]
	}
	// Cut the value at a separator: what follows is not part of it.
	for _, sep := range []string{" | ", " - ", " – ", " — ", " · ", " • ", " / ", "  "} {
		if k := strings.Index(v[m.End-m.Start:], sep); k >= 0 {
			v = v[:m.End-m.Start+k]
		}
	}
	if d, ok := ParseDate(v); ok && d.Precision > m.Date.Precision && sameDay(d, m.Date) {
		return d
	}
	return m.Date
}

// metaDateParts checks that what surrounds the dates ms of t (found in t,
// list marker removed) is byline
// material and returns the names before the first date and the categories
// after the last one.
func (z *zone) metaDateParts(t string, ms []Match) (names, cats []string, ok bool) {
	before := t[:ms[0].Start]
	after := t[ms[len(ms)-1].End:]
	for k := 1; k < len(ms); k++ {
		mid := t[ms[k-1].End:ms[k].Start]
		if r, at := labelBefore(mid, len(mid)); r != roleNone {
			mid = mid[:at]
		}
		if strings.Trim(fold(mid), " ,.;:-|•·/()et") != "" {
			return nil, nil, false
		}
	}
	// Before: [Par] [Name] [label] [le]
	if r, at := labelBefore(before, len(before)); r != roleNone {
		before = before[:at]
	}
	before = strings.Trim(before, " ,;:-–—|•·/(")
	explicit := false
	if s, ok := byline(before); ok {
		before, explicit = s, true
	}
	before = trimWord(before, "le", "on")
	if before != "" {
		ns := authorsIn(before, explicit)
		// The names must make most of the part before any descriptor
		// ("Jean Dupont, envoyé spécial à Bamako").
		core := before
		if k := strings.IndexAny(core, ",(|"); k >= 0 {
			core = core[:k]
		}
		if len(ns) == 0 || len(strings.Join(ns, " ")) < len(trim(core))/2 {
			return nil, nil, false
		}
		names = ns
	}
	// After: [counts] [categories] [counts], or [by Name].
	after = strings.Trim(after, " ,;:-–—|•·/)")
	after = stripCounts(after)
	if s, ok := byline(after); ok {
		ns := authorsIn(s, true)
		if len(ns) == 0 {
			return nil, nil, false
		}
		return append(names, ns...), nil, true
	}
	if after != "" {
		cs, ok := categoryList(after, true)
		if !ok {
			return nil, nil, false
		}
		cats = cs
	}
	return names, cats, true
}

// stripCounts removes view, comment and reading-time counts from the ends
// of s ("… Russie 734 Lectures").
func stripCounts(s string) string {
	for {
		s = strings.Trim(s, " ,;:-–—|•·/()")
		if s == "" {
			return s
		}
		words := strings.Fields(s)
		changed := false
		for _, n := range []int{4, 3, 2, 1} {
			if len(words) < n {
				continue
			}
			tail := strings.Join(words[len(words)-n:], " ")
			if isCount(tail) || isReadTime(tail) || isUILine(tail) || isSectionHeading(tail) {
				s = strings.Join(words[:len(words)-n], " ")
				changed = true
				break
			}
		}
		if !changed {
			return s
		}
	}
}

// categoryList splits a category list ("Burkina Faso, Mali, Politique")
// and reports whether s is one. capital requires every item to start with
// a capital, as in bylines; labelled lists may be in lower case.
func categoryList(s string, capital bool) ([]string, bool) {
	parts := splitAny(s, []string{",", "|", "•", "·", ";", " / ", "»", "›", " > "})
	var out []string
	for _, p := range parts {
		p = strings.Trim(trim(p), ".-–")
		if p == "" || isSectionHeading(p) || isUILine(p) {
			continue
		}
		if _, by := byline(p); by {
			return nil, false
		}
		if countWords(p) > 4 || len(p) > 40 || letterCount(p) < 2 || (capital && !isUpperStart(p)) ||
			strings.ContainsAny(p, "0123456789:!?[]{}()") {
			return nil, false
		}
		out = append(out, p)
	}
	if len(out) > 8 {
		return nil, false
	}
	return out, len(out) > 0
}

func isUpperStart(s string) bool { return unicode.IsUpper(firstRune(s)) }

// pickDates chooses the published and updated dates. A labelled
// publication date wins; else a byline date, preferably below the title;
// else a dateline opening the body.
func (z *zone) pickDates(titleAt int) (pub, upd *dated) {
	var byl []*dated
	for k := range z.dates {
		dt := &z.dates[k]
		switch dt.role {
		case rolePublished:
			if pub == nil {
				pub = dt
			}
		case roleUpdated:
			if upd == nil {
				upd = dt
			}
		default:
			byl = append(byl, dt)
		}
	}
	if pub == nil {
		// The first byline date below the title; one above it only when
		// it is close (a date line just over the headline), since the
		// top of a page often shows today's date.
		for _, dt := range byl {
			if dt.line > titleAt {
				pub = dt
				break
			}
		}
		if pub == nil && len(byl) > 0 {
			if last := byl[len(byl)-1]; titleAt < 0 || z.nonBlankBetween(last.line, titleAt) <= 2 {
				pub = last
			}
		}
	}
	if pub == nil && upd == nil {
		pub = z.dateline()
	}
	return pub, upd
}

// dateline finds a date opening the first paragraph of the body, as
// agencies write it: "OUAGADOUGOU, 5 mars 2024 (AIB) – …", "Bamako, le 3
// mars 2024 - …".
func (z *zone) dateline() *dated {
	i := z.firstProse
	if i >= z.hi || i < z.lo {
		return nil
	}
	t := head(z.d.t[i])
	ms := FindDates(t)
	if len(ms) == 0 || ms[0].Start > 50 {
		return nil
	}
	m := ms[0]
	before := strings.TrimSpace(t[:m.Start])
	before = trimWord(before, "le")
	before = strings.TrimRight(before, " ,(")
	if before != "" && (countWords(before) > 4 || !isUpperStart(before) || strings.ContainsAny(before, ".!?")) {
		return nil
	}
	after := strings.TrimLeft(t[m.End:], " ")
	if !strings.HasPrefix(after, "(") && !strings.HasPrefix(after, "-") && !strings.HasPrefix(after, "–") &&
		!strings.HasPrefix(after, "—") && !strings.HasPrefix(after, ":") && !strings.HasPrefix(after, ")") {
		return nil
	}
	return &dated{line: i, date: m.Date, src: FromText}
}

// title picks the title among the headline-like lines of the zone above
// the first paragraph. A line followed by the byline or by the body scores
// high, a line repeated elsewhere in the page (a "reading:" bar, a
// duplicate heading) higher. It returns the title and its line indices
// (two when the page repeats it right away).
func (z *zone) title() (string, []int) {
	d := z.d
	best, bestScore := -1, 0.0
	for i := z.lo; i < z.firstProse && i < z.hi; i++ {
		if z.kinds[i-z.lo] != kOther {
			continue
		}
		t := unbullet(d.t[i])
		if !isHeadline(t) || z.isBylineCategoryOnly(t) || d.wrapped(i) {
			continue
		}
		if ms := FindDates(t); len(ms) > 0 && ms[0].Start <= 3 {
			continue // a line opening with a date is a byline or a list item
		}
		score := 1.0
		next := z.nextNonBlank(i)
		if next >= 0 && d.t[next] == d.t[i] { // repeated right away
			next = z.nextNonBlank(next)
		}
		// A name line the classifier left alone ("Kevin Johnson USA
		// TODAY") between the title and the date.
		if next >= 0 && z.kindOf(next) == kOther && isNameList(unbullet(d.t[next])) {
			if n2 := z.nextNonBlank(next); n2 >= 0 && z.kindOf(n2) == kDate {
				next = n2
			}
		}
		if next >= 0 {
			switch k := z.kindOf(next); {
			case k == kDate || k == kByline || k == kName || k == kLabelOnly || k == kRelTime:
				score += 3
			case next >= z.firstProse && k == kProse:
				score += 2
			case k == kProse || countWords(d.t[next]) >= 12:
				// a standfirst, then the byline or the body
				if n2 := z.nextNonBlank(next); n2 >= 0 {
					if k2 := z.kindOf(n2); k2 == kDate || k2 == kByline || k2 == kName || k2 == kLabelOnly || n2 >= z.firstProse {
						score += 2
					}
				}
			}
		}
		if p := z.prevNonBlank(i); p >= 0 && z.kindOf(p) == kDate {
			score += 0.5
		}
		if d.repeated(i) {
			score += 2
		}
		score -= 0.05 * float64(abs(z.anchor-i))
		if score > bestScore || (score == bestScore && best >= 0 && abs(z.anchor-i) < abs(z.anchor-best)) {
			best, bestScore = i, score
		}
	}
	if best < 0 || bestScore < 2.5 {
		return "", nil
	}
	at := []int{best}
	if p := z.prevNonBlank(best); p >= 0 && d.t[p] == d.t[best] {
		at = []int{p, best}
	}
	if n := z.nextNonBlank(best); n >= 0 && d.t[n] == d.t[best] {
		at = append(at, n)
	}
	return strings.ToValidUTF8(unbullet(d.t[best]), "\uFFFD"), at
}

// wrapped reports whether line i is a piece of a paragraph that the
// renderer wrapped: the next line continues it in lower case, or the
// previous line runs to the wrapping width.
func (d *doc) wrapped(i int) bool {
	if i+1 < len(d.raw) && d.t[i+1] != "" && unicode.IsLower(firstRune(d.t[i+1])) {
		return true
	}
	return i > 0 && d.t[i-1] != "" && utf8.RuneCountInString(d.raw[i-1]) >= 150 && !d.isProse(i-1)
}

// isBylineCategoryOnly reports whether t is only a short category list
// that a headline test would accept ("Burkina Faso, Mali, Politique").
func (z *zone) isBylineCategoryOnly(t string) bool {
	if !strings.Contains(t, ",") {
		return false
	}
	_, ok := categoryList(t, true)
	return ok
}

func (z *zone) kindOf(i int) kind {
	if i < z.lo || i >= z.hi {
		if i >= z.hi && i < len(z.d.t) && z.d.isProse(i) {
			return kProse
		}
		return kOther
	}
	return z.kinds[i-z.lo]
}

func (z *zone) nextNonBlank(i int) int {
	for j := i + 1; j < len(z.d.t) && j < z.hi+4; j++ {
		if z.d.t[j] != "" {
			return j
		}
	}
	return -1
}

// repeated reports whether the text of line i appears on another line of
// the page, alone or after a short prefix ("Lecture: <title>").
func (d *doc) repeated(i int) bool {
	t := unbullet(d.t[i])
	for j, u := range d.t {
		if j == i || len(u) < len(t) {
			continue
		}
		u = unbullet(u)
		if u == t {
			// A duplicate right next to it is the same heading twice.
			return true
		}
		if strings.HasSuffix(u, t) && len(u)-len(t) < 30 {
			p := strings.TrimSpace(u[:len(u)-len(t)])
			if strings.HasSuffix(p, ":") || strings.HasSuffix(p, "|") || strings.HasSuffix(p, "-") || strings.HasSuffix(p, "»") {
				return true
			}
		}
	}
	return false
}

// categoryAbove reads the rubric or breadcrumb line just above the title:
// "ActualitésAfrique", "Accueil > Afrique > Politique", "Politique".
func (z *zone) categoryAbove(title int) ([]string, int) {
	d := z.d
	p := -1
	for j := title - 1; j >= 0 && j >= title-3; j-- {
		if d.t[j] != "" {
			p = j
			break
		}
	}
	if p < 0 {
		return nil, -1
	}
	t := d.t[p]
	if len(t) > 150 || isBullet(t) || isSectionHeading(t) || isUILine(t) || isCopyright(t) ||
		strings.ContainsAny(t, "0123456789{}[]()") {
		return nil, -1
	}
	var items []string
	switch {
	case strings.ContainsAny(t, ">»›/|"):
		for _, it := range splitAny(t, []string{">", "»", "›", "/", "|"}) {
			it = trim(it)
			if it == "" {
				continue
			}
			if countWords(it) > 5 {
				if len(items) > 0 {
					continue // the page's own title closing the trail
				}
				return nil, -1
			}
			items = append(items, it)
		}
	default:
		if countWords(t) > 3 || len(t) > 40 || strings.ContainsAny(t, ".:!?,;") || !isUpperStart(t) {
			return nil, -1
		}
		for _, w := range strings.Fields(t) {
			items = append(items, splitCamel(w)...)
		}
		if len(items) > 1 && len(strings.Fields(t)) > 1 {
			items = []string{t} // a multi-word rubric such as "Afrique de l'Ouest"
		}
	}
	var out []string
	for _, it := range items {
		f := fold(it)
		if f == "accueil" || f == "home" || f == "une" || f == "a la une" {
			continue
		}
		out = append(out, it)
	}
	if len(out) == 0 || len(out) > 6 {
		return nil, -1
	}
	return out, p
}

// splitCamel splits words that a rendering glued together:
// "ActualitésAfrique" → "Actualités", "Afrique". Each part must be at
// least three letters long, so "McCain" or "iPhone" stay whole.
func splitCamel(w string) []string {
	var parts []string
	start := 0
	prevLower := false
	for i, r := range w {
		isUp := unicode.IsUpper(r)
		if isUp && prevLower && utf8.RuneCountInString(w[start:i]) >= 3 {
			parts = append(parts, w[start:i])
			start = i
		}
		prevLower = !isUp && r != '-' && r != '\''
	}
	parts = append(parts, w[start:])
	for _, p := range parts {
		if utf8.RuneCountInString(p) < 3 {
			return []string{w}
		}
	}
	return parts
}

// signature finds a "Par X" / "By X" line closing the body: among the
// last lines of the region or the few lines right after it.
func (d *doc) signature(end int) ([]string, []int) {
	if end <= 0 || end > len(d.t) {
		return nil, nil
	}
	seen := 0
	for i := end - 1; i >= 0 && seen < 2; i-- {
		if d.t[i] == "" {
			continue
		}
		seen++
		if names, ok := signatureLine(d.t[i]); ok {
			return names, []int{i}
		}
	}
	seen = 0
	for i := end; i < len(d.t) && seen < 3; i++ {
		if d.t[i] == "" {
			continue
		}
		if isSectionHeading(d.t[i]) {
			break // what follows is another article's
		}
		seen++
		if names, ok := signatureLine(d.t[i]); ok {
			return names, []int{i}
		}
	}
	return nil, nil
}

// signatureLine reads a line that is only a byline.
func signatureLine(t string) ([]string, bool) {
	if len(t) >= 80 {
		return nil, false
	}
	s, ok := byline(t)
	if !ok {
		return nil, false
	}
	names := authorsIn(s, true)
	return names, len(names) > 0
}

// trimWord removes one of the ASCII words ws (any case) ending s.
func trimWord(s string, ws ...string) string {
	for _, w := range ws {
		if n := len(s) - len(w); n >= 0 && strings.EqualFold(s[n:], w) && (n == 0 || s[n-1] == ' ') {
			return trim(s[:n])
		}
	}
	return s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dedupe removes empty and repeated (case- and accent-insensitively)
// strings, keeping the first spelling, and makes them valid UTF-8.
func dedupe(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		x = strings.ToValidUTF8(trim(x), "\uFFFD")
		if x == "" {
			continue
		}
		k := fold(x)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

func sortedUnique(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	sort.Ints(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] && x >= 0 {
			out = append(out, x)
		}
	}
	if out[0] < 0 {
		out = out[1:]
	}
	return out
}
