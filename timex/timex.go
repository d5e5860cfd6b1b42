// Package timex finds the temporal expressions of French text and
// normalises them to TIMEX3 values relative to an anchor date.
package timex

import (
	"github.com/veille-news/veille"
)

// Find returns the temporal expressions of text in order, their values
// resolved against anchor (the article's date; the zero Date leaves the
// parts it would give as X).
func Find(text string, anchor veille.Date) []veille.Timex {
	return nil
}
