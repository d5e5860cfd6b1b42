// Package bench measures veille against public benchmarks: the body-text
// extraction metric of the shared scrapinghub set, and the runners of the
// `veille bench` commands.
package bench

import (
	"strings"
	"unicode"
)

// Tokens splits s into \w+ tokens: maximal runs of Unicode letters, digits,
// marks and the underscore, as Python's re module defines \w.
func Tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || unicode.Is(unicode.Nd, r))
	})
}

// shingles counts the 4-token shingles of s as a multiset.
func shingles(s string) map[string]int {
	toks := Tokens(s)
	m := make(map[string]int)
	if len(toks) < 4 {
		if len(toks) > 0 {
			m[strings.Join(toks, " ")]++
		}
		return m
	}
	for i := 0; i+4 <= len(toks); i++ {
		m[strings.Join(toks[i:i+4], " ")]++
	}
	return m
}

// Score holds one document's normalised counts: TP+FP+FN = 1 unless all are
// zero (both texts empty).
type Score struct {
	TP, FP, FN float64
}

// Compare scores a predicted body against the true body with the shared
// extraction metric: 4-token shingle multisets, counts normalised per
// document.
func Compare(pred, truth string) Score {
	p, t := shingles(pred), shingles(truth)
	var tp, fp, fn int
	for k, n := range p {
		m := t[k]
		if n < m {
			tp += n
		} else {
			tp += m
			fp += n - m
		}
	}
	for k, m := range t {
		if n := p[k]; n < m {
			fn += m - n
		}
	}
	total := float64(tp + fp + fn)
	if total == 0 {
		return Score{}
	}
	return Score{TP: float64(tp) / total, FP: float64(fp) / total, FN: float64(fn) / total}
}

// Result aggregates document scores the way the shared README defines:
// precision is the mean over documents with TP+FP > 0, recall the mean over
// documents with TP+FN > 0, F1 the harmonic mean of those means. A document
// with an empty prediction and a non-empty truth scores precision 0.
type Result struct {
	Precision, Recall, F1 float64
	Docs                  int
}

// Aggregator accumulates per-document scores into a Result.
type Aggregator struct {
	pSum, rSum float64
	pN, rN     int
	docs       int
}

// Add records one document's prediction and truth.
func (a *Aggregator) Add(pred, truth string) Score {
	s := Compare(pred, truth)
	a.docs++
	truthEmpty := len(Tokens(truth)) == 0
	predEmpty := len(Tokens(pred)) == 0
	switch {
	case s.TP+s.FP > 0:
		a.pSum += s.TP / (s.TP + s.FP)
		a.pN++
	case predEmpty && !truthEmpty:
		a.pN++ // precision 0 for a missing prediction
	}
	if s.TP+s.FN > 0 {
		a.rSum += s.TP / (s.TP + s.FN)
		a.rN++
	}
	return s
}

// Result returns the aggregate so far.
func (a *Aggregator) Result() Result {
	var r Result
	r.Docs = a.docs
	if a.pN > 0 {
		r.Precision = a.pSum / float64(a.pN)
	}
	if a.rN > 0 {
		r.Recall = a.rSum / float64(a.rN)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}
