package bench

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/veille-news/veille/reuse"
)

// The reuse benchmark scores reuse.Find on a set GenerateReuseSet builds.
//
// A predicted pair is right when both documents belong to one family: a
// source and a document derived from it, or two documents derived from
// the same source (both took the same text; a wire both ran). Precision
// is over all predicted pairs. Recall is over the source→derived pairs;
// the pairs of two derived documents are counted apart (found / all),
// since whether two copies of one source share enough text depends on
// what each kept.
//
// Direction is scored on the source→derived pairs found: when both are
// dated on different days (or to different minutes) the source must be
// the one the pair names; when a date is missing, or both fall on the
// same day, the pair must say unknown with that reason. The expected kind
// is verbatim for copies, mirrors, truncations and inserted chrome,
// rewrite for a rewritten lead and for a wire-style rewrite against its
// source, and wire (direction none) for two wire-style rewrites crediting
// the same agency.

// ReuseTransformScore is the score of the source→derived pairs of one
// transform.
type ReuseTransformScore struct {
	Transform string `json:"transform"`
	Gold      int    `json:"gold"`
	Found     int    `json:"found"`
	// KindRight counts the pairs found with the expected kind.
	KindRight int `json:"kind_right"`
	// Directed counts the pairs with both dates on different days,
	// DirectionRight those found with the right source.
	Directed       int `json:"directed"`
	DirectionRight int `json:"direction_right"`
}

// ReuseScore is the score of predicted pairs on a reuse set.
type ReuseScore struct {
	Docs      int `json:"docs"`
	Predicted int `json:"predicted"`
	// Right counts the predicted pairs within one family.
	Right     int     `json:"right"`
	Precision float64 `json:"precision"`
	// Gold counts the source→derived pairs, Found those predicted.
	Gold   int     `json:"gold"`
	Found  int     `json:"found"`
	Recall float64 `json:"recall"`
	// Siblings counts the pairs of two documents derived from one
	// source, SiblingsFound those predicted.
	Siblings      int `json:"siblings"`
	SiblingsFound int `json:"siblings_found"`
	// Directed counts the source→derived pairs dated on different days;
	// DirectionPredicted the found ones given a source (a or b),
	// DirectionRight those given the right one.
	Directed           int     `json:"directed"`
	DirectionPredicted int     `json:"direction_predicted"`
	DirectionRight     int     `json:"direction_right"`
	DirectionPrecision float64 `json:"direction_precision"`
	DirectionRecall    float64 `json:"direction_recall"`
	// Undirected counts the source→derived pairs found whose direction
	// cannot be told (a date missing, the same day); UnknownRight those
	// said unknown with the right reason.
	Undirected   int `json:"undirected"`
	UnknownRight int `json:"unknown_right"`
	// KindScored counts the pairs whose kind is scored (source→derived
	// found, and wire pairs of two derived documents found); KindRight
	// those with the expected kind.
	KindScored   int     `json:"kind_scored"`
	KindRight    int     `json:"kind_right"`
	KindAccuracy float64 `json:"kind_accuracy"`
	// Transforms breaks the source→derived pairs down by transform.
	Transforms []ReuseTransformScore `json:"transforms"`
	// Errors lists the wrong pairs and the pairs missed, for reading
	// (json --per-doc).
	Errors []string `json:"errors,omitempty"`
}

// expectedKind is the kind a source→derived pair of a transform has.
func expectedKind(transform string) reuse.Kind {
	switch transform {
	case TransformLead, TransformWire:
		return reuse.Rewrite
	}
	return reuse.Verbatim
}

// pairKey names an unordered pair of ids.
func pairKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// ScoreReuse scores the pairs predicted on set.
func ScoreReuse(set ReuseSet, pairs []reuse.Pair) ReuseScore {
	byID := map[string]ReuseDoc{}
	family := map[string]string{}
	members := map[string][]ReuseDoc{}
	for _, d := range set.Docs {
		byID[d.ID] = d
		f := d.ID
		if d.Source != "" {
			f = d.Source
		}
		family[d.ID] = f
		members[f] = append(members[f], d)
	}
	pred := map[[2]string]reuse.Pair{}
	s := ReuseScore{Docs: len(set.Docs), Predicted: len(pairs)}
	for _, p := range pairs {
		pred[pairKey(p.A, p.B)] = p
		if family[p.A] != "" && family[p.A] == family[p.B] {
			s.Right++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("wrong pair %s %s (%s, %d passages, %.2f/%.2f)",
				p.A, p.B, p.Kind, len(p.Passages), p.CoverageA, p.CoverageB))
		}
	}
	per := map[string]*ReuseTransformScore{}
	for _, tr := range []string{TransformCopy, TransformMirror, TransformTruncated, TransformLead, TransformWire, TransformInserted} {
		per[tr] = &ReuseTransformScore{Transform: tr}
	}
	for _, d := range set.Docs {
		if d.Source == "" {
			continue
		}
		src := byID[d.Source]
		ts := per[d.Transform]
		s.Gold++
		ts.Gold++
		dir, reason := reuse.Orient(src.Published, d.Published)
		directed := dir == reuse.SourceA
		if directed {
			s.Directed++
			ts.Directed++
		}
		p, ok := pred[pairKey(src.ID, d.ID)]
		if !ok {
			s.Errors = append(s.Errors, fmt.Sprintf("missed %s %s", src.ID, d.ID))
			continue
		}
		s.Found++
		ts.Found++
		s.KindScored++
		if p.Kind == expectedKind(d.Transform) {
			s.KindRight++
			ts.KindRight++
		} else {
			s.Errors = append(s.Errors, fmt.Sprintf("kind %s %s: %s, want %s (edits %d, reordered %d, identity %.3f)",
				src.ID, d.ID, p.Kind, expectedKind(d.Transform), p.Edits, p.Reordered, p.Identity))
		}
		got, _, known := p.Source()
		if known {
			s.DirectionPredicted++
		}
		switch {
		case directed && known && got == src.ID:
			s.DirectionRight++
			ts.DirectionRight++
		case directed:
			s.Errors = append(s.Errors, fmt.Sprintf("direction %s %s: %s (%s)", src.ID, d.ID, p.Direction, p.DirectionReason))
		default:
			s.Undirected++
			if p.Direction == reuse.Unknown && strings.HasPrefix(p.DirectionReason, strings.Fields(reason)[0]) {
				s.UnknownRight++
			} else {
				s.Errors = append(s.Errors, fmt.Sprintf("unknown %s %s: %s (%s), want %s", src.ID, d.ID, p.Direction, p.DirectionReason, reason))
			}
		}
	}
	for _, ms := range members {
		for i, x := range ms {
			for _, y := range ms[i+1:] {
				if x.Source == "" || y.Source == "" {
					continue
				}
				s.Siblings++
				p, ok := pred[pairKey(x.ID, y.ID)]
				if ok {
					s.SiblingsFound++
				}
				if x.Transform == TransformWire && y.Transform == TransformWire {
					if !ok {
						s.Errors = append(s.Errors, fmt.Sprintf("missed wire %s %s", x.ID, y.ID))
						continue
					}
					s.KindScored++
					if p.Kind == reuse.Wire && p.Direction == reuse.None {
						s.KindRight++
					} else {
						s.Errors = append(s.Errors, fmt.Sprintf("kind %s %s: %s, want wire", x.ID, y.ID, p.Kind))
					}
				}
			}
		}
	}
	s.Precision = ratio(s.Right, s.Predicted)
	s.Recall = ratio(s.Found, s.Gold)
	s.DirectionPrecision = ratio(s.DirectionRight, s.DirectionPredicted)
	s.DirectionRecall = ratio(s.DirectionRight, s.Directed)
	s.KindAccuracy = ratio(s.KindRight, s.KindScored)
	for _, tr := range []string{TransformCopy, TransformMirror, TransformTruncated, TransformLead, TransformWire, TransformInserted} {
		s.Transforms = append(s.Transforms, *per[tr])
	}
	slices.Sort(s.Errors)
	return s
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// ReuseReport is the result of RunReuse.
type ReuseReport struct {
	ReuseScore
	Sources     int `json:"sources"`
	Derived     int `json:"derived"`
	Distractors int `json:"distractors"`
	Dropped     int `json:"dropped"`
	// Seconds is the fastest Find over the set; DocsPerSecond the
	// documents over it.
	Seconds       float64 `json:"seconds"`
	DocsPerSecond float64 `json:"docs_per_second"`
}

// RunReuse runs reuse.Find on the set runs times (at least once), scores
// the pairs and reports the fastest pass.
func RunReuse(ctx context.Context, set ReuseSet, opt reuse.Options, runs int) (ReuseReport, error) {
	docs := make([]reuse.Doc, len(set.Docs))
	for i, d := range set.Docs {
		docs[i] = d.Doc
	}
	var (
		pairs []reuse.Pair
		best  time.Duration
	)
	for r := range max(runs, 1) {
		start := time.Now()
		ps, err := reuse.Find(ctx, docs, opt)
		if err != nil {
			return ReuseReport{}, fmt.Errorf("bench: reuse: %w", err)
		}
		if el := time.Since(start); r == 0 || el < best {
			best = el
		}
		pairs = ps
	}
	rep := ReuseReport{
		ReuseScore: ScoreReuse(set, pairs),
		Sources:    set.Sources, Derived: set.Derived, Distractors: set.Distractors, Dropped: set.Dropped,
		Seconds: best.Seconds(),
	}
	if best > 0 {
		rep.DocsPerSecond = float64(len(docs)) / best.Seconds()
	}
	return rep, nil
}

// WriteTable writes the pair, direction and kind figures, then one line
// per transform.
func (r ReuseReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "pairs P\tR\tsiblings\tdirection P\tR\tunknown right\tkind acc\tpredicted\tgold\tdocs/s")
	fmt.Fprintf(tw, "%.3f\t%.3f\t%d/%d\t%.3f\t%.3f\t%d/%d\t%.3f\t%d\t%d\t%.0f\n",
		r.Precision, r.Recall, r.SiblingsFound, r.Siblings, r.DirectionPrecision, r.DirectionRecall,
		r.UnknownRight, r.Undirected, r.KindAccuracy, r.Predicted, r.Gold, r.DocsPerSecond)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "transform\tgold\tfound\trecall\tkind right\tdirected\tdirection right")
	for _, t := range r.Transforms {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.3f\t%d\t%d\t%d\n", t.Transform, t.Gold, t.Found, ratio(t.Found, t.Gold), t.KindRight, t.Directed, t.DirectionRight)
	}
	return tw.Flush()
}
