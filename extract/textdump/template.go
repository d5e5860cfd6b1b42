package textdump

import (
	"strings"
	"unicode"
)

// Template is what was learned about sites' chrome from several dumps
// processed together: which pages belong to the same site, and which lines
// that site repeats on its pages (menus, footers, sidebars, teasers).
//
// A Template is read-only after Learn and safe for concurrent use by
// Extract.
type Template struct {
	// owner maps the key of a short template-like line to the group of
	// the first page it was seen on, to place a page in a group at
	// extraction time (whether or not it was among the learned dumps).
	owner map[uint64]int32
	// seen maps (group, line key) to the number of pages of the group
	// holding the line.
	seen map[uint64]uint32
	// size is the number of distinct pages of each group.
	size []int32
}

// Grouping parameters: a page joins the group of an earlier page when they
// share at least minShared short lines and this is at least shareFrac of
// the page's short lines. Generic lines ("Facebook", "Home") are shared by
// unrelated sites too, but never many of them with one same page.
const (
	minShared   = 6
	shareFrac   = 0.2
	shortWords  = 12 // lines up to this many words may be template lines
	proseRepeat = 3  // a prose line must be on this many pages of a site to be chrome
)

// Learn builds a Template from dumps processed together: lines seen on
// several pages of the same site are its chrome. Pages are first grouped
// by site (pages sharing many short template lines), and lines are then
// counted within a group, so a wire story published by two different sites
// is not mistaken for chrome. Identical dumps count once. Learn runs in time
// linear in the total number of lines.
func Learn(texts []string) *Template {
	t := &Template{owner: make(map[uint64]int32), seen: make(map[uint64]uint32)}
	type page struct {
		keys  []uint64 // distinct line keys
		short []uint64 // distinct keys of short lines
	}
	var pages []page
	dup := make(map[uint64]struct{}, len(texts))
	for _, text := range texts {
		h := hashString(text)
		if _, ok := dup[h]; ok {
			continue
		}
		dup[h] = struct{}{}
		var p page
		seen := make(map[uint64]struct{})
		for _, line := range splitLines(text) {
			s := TrimBullet(line)
			if s == "" || strings.IndexFunc(s, isWordRune) < 0 {
				continue
			}
			k := keyOf(s)
			if _, ok := seen[k]; ok {
				continue
			}
			seen[k] = struct{}{}
			p.keys = append(p.keys, k)
			if isTemplateLike(s) {
				p.short = append(p.short, k)
			}
		}
		pages = append(pages, p)
	}

	// Group pages with union-find. Each short line votes for the last
	// earlier page that had it: a site's template lines all point to the
	// site's previous page, while generic lines ("Facebook", "Contact")
	// point to pages of many sites. Votes go to pages, never to whole
	// groups, so a large group cannot snowball by collecting generic lines.
	// Each line is looked at once.
	parent := make([]int32, len(pages))
	for i := range parent {
		parent[i] = int32(i)
	}
	find := func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	last := make(map[uint64]int32)
	votes := make(map[int32]int)
	for i, p := range pages {
		clear(votes)
		for _, k := range p.short {
			if q, ok := last[k]; ok {
				votes[q]++
			}
			last[k] = int32(i)
		}
		need := max(minShared, int(shareFrac*float64(len(p.short))))
		for q, v := range votes {
			if v >= need {
				a, b := find(int32(i)), find(q)
				if a != b {
					parent[a] = b
				}
			}
		}
	}

	// Number groups densely and count lines per group.
	gid := make(map[int32]int32)
	for i := range pages {
		r := find(int32(i))
		if _, ok := gid[r]; !ok {
			gid[r] = int32(len(t.size))
			t.size = append(t.size, 0)
		}
	}
	for i, p := range pages {
		g := gid[find(int32(i))]
		t.size[g]++
		for _, k := range p.keys {
			t.seen[groupKey(g, k)]++
		}
		for _, k := range p.short {
			if _, ok := t.owner[k]; !ok {
				t.owner[k] = g
			}
		}
	}
	return t
}

// Groups returns the number of site groups the Template found.
func (t *Template) Groups() int {
	if t == nil {
		return 0
	}
	return len(t.size)
}

// group returns the group a page with these short-line keys belongs to,
// or -1.
func (t *Template) group(short []uint64) int32 {
	votes := make(map[int32]int)
	for _, k := range short {
		if g, ok := t.owner[k]; ok {
			votes[g]++
		}
	}
	need := max(minShared, int(shareFrac*float64(len(short))))
	best, bestV := int32(-1), 0
	for g, v := range votes {
		if v >= need && (v > bestV || v == bestV && g < best) {
			best, bestV = g, v
		}
	}
	return best
}

// markChrome demotes blocks whose lines the page's site repeats on other
// pages.
func (t *Template) markChrome(lines []string, blocks []block) {
	if t == nil || len(t.size) == 0 {
		return
	}
	var short []uint64
	seen := make(map[uint64]struct{})
	for _, line := range lines {
		s := TrimBullet(line)
		if s == "" || !isTemplateLike(s) {
			continue
		}
		k := keyOf(s)
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
			short = append(short, k)
		}
	}
	g := t.group(short)
	if g < 0 || t.size[g] < 2 {
		return
	}
	for i := range blocks {
		b := &blocks[i]
		if b.class == bad || b.info.Kind == Media {
			continue
		}
		n := t.seen[groupKey(g, b.key)]
		if n < 2 {
			continue
		}
		if b.info.Words > shortWords && (n < proseRepeat || int32(n)*2 < t.size[g]) {
			// Prose shared by a few pages of a site is more likely the
			// same story twice than chrome.
			continue
		}
		b.class, b.chrome = bad, true
	}
}

// isTemplateLike reports whether a line is short enough to be part of a
// site's template (menu item, section label, footer link).
func isTemplateLike(s string) bool {
	n := 0
	for range tokens(s) {
		n++
		if n > shortWords {
			return false
		}
	}
	return n > 0
}

func groupKey(g int32, k uint64) uint64 {
	return k ^ (uint64(g)+1)*0x9e3779b97f4a7c15
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
