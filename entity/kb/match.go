package kb

import (
	"iter"
	"strings"
	"time"

	"github.com/veille-news/veille"
)

// Approximate matching of names (Lookup's fallback). A key is matched
// approximately only when it has at least two words and fuzzyMinLen
// bytes; fuzzyMaxLen bounds the work on absurd input.
const (
	fuzzyMinLen = 10
	fuzzyMaxLen = 64
)

func fuzzyKey(key string) bool {
	return len(key) >= fuzzyMinLen && len(key) <= fuzzyMaxLen && strings.IndexByte(key, ' ') > 0
}

// deletions yields the distinct strings made by removing one rune of s.
func deletions(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		prev := ""
		for i, r := range s {
			n := len(string(r))
			d := s[:i] + s[i+n:]
			if d == prev {
				continue // deleting either of two equal runes gives the same string
			}
			prev = d
			if !yield(d) {
				return
			}
		}
	}
}

// withinOneEdit reports whether a and b differ by at most one insertion,
// deletion, substitution or swap of adjacent runes.
func withinOneEdit(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	switch len(rb) - len(ra) {
	case 0:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true // one substitution
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] &&
			string(ra[i+2:]) == string(rb[i+2:])
	case 1:
		i := 0
		for i < len(ra) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i:]) == string(rb[i+1:])
	}
	return false
}

// lowerBound is the first instant a date at its precision may denote.
func lowerBound(d veille.Date) time.Time { return d.Time }

// upperBound is the first instant after the period a date denotes.
func upperBound(d veille.Date) time.Time {
	t := d.Time
	switch d.Precision {
	case veille.PrecisionYear:
		return t.AddDate(1, 0, 0)
	case veille.PrecisionMonth:
		return t.AddDate(0, 1, 0)
	case veille.PrecisionDay:
		return t.AddDate(0, 0, 1)
	case veille.PrecisionMinute:
		return t.Add(time.Minute)
	}
	return t.Add(time.Second)
}

// overlaps reports whether the tenure [start, end] (either may be zero:
// unbounded) may include a moment of the period at.
func overlaps(start, end, at veille.Date) bool {
	if !start.IsZero() && !lowerBound(start).Before(upperBound(at)) {
		return false
	}
	if !end.IsZero() && !lowerBound(at).Before(upperBound(end)) {
		return false
	}
	return true
}
