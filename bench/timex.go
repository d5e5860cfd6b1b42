package bench

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/veille-news/veille"
)

// TimexDoc is one document of a temporal-expression benchmark: its plain
// text, the date its expressions are resolved against, and the gold
// expressions.
type TimexDoc struct {
	// Name is the document's file name without its extension.
	Name string
	// Anchor is the document creation time (the TimeML DCT).
	Anchor veille.Date
	// Text is the plain text of the document body, tags removed and XML
	// entities decoded.
	Text string
	// Gold are the annotated expressions of Text, in order, as byte
	// spans into it: Text[g.Start:g.End] == g.Text.
	Gold []veille.Timex
}

// LoadTimeBank reads the French TimeBank (FR-TimeBank 1.1) under dir
// (../shared/bench/time/fr-timebank from the repository root): every
// Data/*.tml file, sorted by name. The TIMEX3 of the DCT gives the anchor;
// the TIMEX3 inside TEXT are the gold expressions.
func LoadTimeBank(dir string) ([]TimexDoc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "Data", "*.tml"))
	if err != nil {
		return nil, fmt.Errorf("bench: timebank: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("bench: timebank: no Data/*.tml files under %s", dir)
	}
	slices.Sort(paths)
	docs := make([]TimexDoc, 0, len(paths))
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("bench: timebank: %w", err)
		}
		doc, err := readTimeML(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("bench: timebank: %s: %w", p, err)
		}
		doc.Name = strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
		docs = append(docs, doc)
	}
	return docs, nil
}

// readTimeML reads one ISO-TimeML document with inline annotation: the
// value of the TIMEX3 inside DCT, and the character data of TEXT with the
// spans of the TIMEX3 elements it holds.
func readTimeML(r io.Reader) (TimexDoc, error) {
	var (
		doc          TimexDoc
		text         strings.Builder
		inDCT        bool
		inText, seen bool
		dct          string
		open         []veille.Timex // TIMEX3 elements of TEXT not yet closed
	)
	dec := xml.NewDecoder(r)
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return doc, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch {
			case t.Name.Local == "DCT":
				inDCT = true
			case t.Name.Local == "TEXT":
				if seen {
					return doc, errors.New("more than one TEXT element")
				}
				inText, seen = true, true
			case t.Name.Local == "TIMEX3" && inDCT:
				dct = attr(t, "value")
			case t.Name.Local == "TIMEX3" && inText:
				open = append(open, veille.Timex{
					Start: text.Len(),
					Type:  attr(t, "type"),
					Value: attr(t, "value"),
					Mod:   attr(t, "mod"),
				})
			}
		case xml.EndElement:
			switch {
			case t.Name.Local == "DCT":
				inDCT = false
			case t.Name.Local == "TEXT":
				inText = false
			case t.Name.Local == "TIMEX3" && inText && len(open) > 0:
				x := open[len(open)-1]
				open = open[:len(open)-1]
				x.End = text.Len()
				doc.Gold = append(doc.Gold, x)
			}
		case xml.CharData:
			if inText {
				text.Write(t)
			}
		}
	}
	if !seen {
		return doc, errors.New("no TEXT element")
	}
	if dct == "" {
		return doc, errors.New("no TIMEX3 value in DCT")
	}
	anchor, err := veille.ParseDate(dct)
	if err != nil {
		return doc, fmt.Errorf("DCT: %w", err)
	}
	doc.Anchor, doc.Text = anchor, text.String()
	// Nested TIMEX3 close inner first; keep the gold in text order.
	slices.SortStableFunc(doc.Gold, func(a, b veille.Timex) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	for i := range doc.Gold {
		doc.Gold[i].Text = doc.Text[doc.Gold[i].Start:doc.Gold[i].End]
	}
	return doc, nil
}

// attr returns the value of the attribute called name, or "".
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// SplitTimeBank splits documents (in name order, as LoadTimeBank returns
// them) into the development half, at even indexes, and the held-out
// half, at odd indexes.
func SplitTimeBank(docs []TimexDoc) (dev, heldOut []TimexDoc) {
	for i, d := range docs {
		if i%2 == 0 {
			dev = append(dev, d)
		} else {
			heldOut = append(heldOut, d)
		}
	}
	return dev, heldOut
}

// PRF is a precision, recall and F1 with the true positives they come
// from.
type PRF struct {
	TP        int     `json:"tp"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// prf computes precision over pred and recall over gold from tp.
func prf(tp, gold, pred int) PRF {
	s := PRF{TP: tp}
	if pred > 0 {
		s.Precision = float64(tp) / float64(pred)
	}
	if gold > 0 {
		s.Recall = float64(tp) / float64(gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// TimexScore scores predicted temporal expressions against gold ones the
// way TempEval-3 does.
type TimexScore struct {
	// Gold and Predicted count the expressions on each side.
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	// Strict counts a prediction right when its span is exactly a gold
	// one's.
	Strict PRF `json:"strict"`
	// Relaxed counts a prediction right when its span overlaps a gold
	// one's; each gold expression is matched at most once.
	Relaxed PRF `json:"relaxed"`
	// TypeAccuracy and ValueAccuracy are the shares of the relaxed
	// matches whose type, and whose value, equal the gold one's (0 when
	// nothing matched).
	TypeAccuracy  float64 `json:"type_accuracy"`
	ValueAccuracy float64 `json:"value_accuracy"`
	// Type and Value count a relaxed match right only when its type, and
	// its value, also equal the gold one's: precision is over the
	// predictions, recall over the gold (TempEval-3's type and value F1).
	Type  PRF `json:"type"`
	Value PRF `json:"value"`
}

// ScoreTimex scores pred against gold, one slice of expressions per
// document; a document missing on one side counts as having none there.
// Spans are byte offsets; types and values are compared as strings after
// trimming spaces. Relaxed matching is greedy: each prediction, in order,
// takes the first gold expression of its document that it overlaps and no
// earlier prediction took.
func ScoreTimex(gold, pred [][]veille.Timex) TimexScore {
	var s TimexScore
	var strict, relaxed, typeOK, valueOK int
	for i := range max(len(gold), len(pred)) {
		var g, p []veille.Timex
		if i < len(gold) {
			g = gold[i]
		}
		if i < len(pred) {
			p = pred[i]
		}
		s.Gold += len(g)
		s.Predicted += len(p)
		exact := map[[2]int]int{}
		for _, x := range g {
			exact[[2]int{x.Start, x.End}]++
		}
		taken := make([]bool, len(g))
		for _, x := range p {
			if k := [2]int{x.Start, x.End}; exact[k] > 0 {
				exact[k]--
				strict++
			}
			for j, y := range g {
				if taken[j] || !overlaps(x, y) {
					continue
				}
				taken[j] = true
				relaxed++
				if strings.TrimSpace(x.Type) == strings.TrimSpace(y.Type) {
					typeOK++
				}
				if strings.TrimSpace(x.Value) == strings.TrimSpace(y.Value) {
					valueOK++
				}
				break
			}
		}
	}
	s.Strict = prf(strict, s.Gold, s.Predicted)
	s.Relaxed = prf(relaxed, s.Gold, s.Predicted)
	s.Type = prf(typeOK, s.Gold, s.Predicted)
	s.Value = prf(valueOK, s.Gold, s.Predicted)
	if relaxed > 0 {
		s.TypeAccuracy = float64(typeOK) / float64(relaxed)
		s.ValueAccuracy = float64(valueOK) / float64(relaxed)
	}
	return s
}

// overlaps reports whether two spans share at least one byte. An empty
// span overlaps a span that strictly contains its position, or an equal
// empty span.
func overlaps(a, b veille.Timex) bool {
	if a.Start == b.Start && a.End == b.End {
		return true
	}
	return a.Start < b.End && b.Start < a.End
}

// TimexFinder finds the temporal expressions of a text, resolved against
// anchor: timex.Find's signature.
type TimexFinder func(text string, anchor veille.Date) []veille.Timex

// RunTimex runs find on every document, one call each on one goroutine,
// and scores the result with ScoreTimex. It also returns the documents
// found per second, timing the find calls only.
func RunTimex(ctx context.Context, find TimexFinder, docs []TimexDoc) (TimexScore, float64, error) {
	gold := make([][]veille.Timex, len(docs))
	pred := make([][]veille.Timex, len(docs))
	var elapsed time.Duration
	for i, d := range docs {
		if err := ctx.Err(); err != nil {
			return TimexScore{}, 0, fmt.Errorf("bench: timex: %w", err)
		}
		start := time.Now()
		pred[i] = find(d.Text, d.Anchor)
		elapsed += time.Since(start)
		gold[i] = d.Gold
	}
	var perSecond float64
	if elapsed > 0 {
		perSecond = float64(len(docs)) / elapsed.Seconds()
	}
	return ScoreTimex(gold, pred), perSecond, nil
}

// Names of the rows RunTimeBank reports.
const (
	TimexAll     = "all"
	TimexDev     = "dev"
	TimexHeldOut = "held-out"
)

// HeidelTimeReference is the published figure veille's temporal tagger
// is compared with on the French TimeBank.
const HeidelTimeReference = "HeidelTime (published): strict F1 0.860, value F1 0.736"

// TimexResult is the score of a finder on one set of documents.
type TimexResult struct {
	Set           string     `json:"set"`
	Docs          int        `json:"docs"`
	Score         TimexScore `json:"score"`
	DocsPerSecond float64    `json:"docs_per_second"`
}

// TimexReport is the result of RunTimeBank.
type TimexReport struct {
	Results []TimexResult `json:"results"`
}

// RunTimeBank runs find with RunTimex on all docs, then on their
// development and held-out halves (SplitTimeBank). Each set is run
// runs times (at least once) and its fastest pass reported.
func RunTimeBank(ctx context.Context, find TimexFinder, docs []TimexDoc, runs int) (TimexReport, error) {
	dev, held := SplitTimeBank(docs)
	sets := []struct {
		name string
		docs []TimexDoc
	}{{TimexAll, docs}, {TimexDev, dev}, {TimexHeldOut, held}}
	var rep TimexReport
	for _, set := range sets {
		res := TimexResult{Set: set.name, Docs: len(set.docs)}
		for range max(runs, 1) {
			score, speed, err := RunTimex(ctx, find, set.docs)
			if err != nil {
				return rep, fmt.Errorf("%s: %w", set.name, err)
			}
			res.Score = score
			res.DocsPerSecond = max(res.DocsPerSecond, speed)
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

// Result returns the result for the named set.
func (r TimexReport) Result(set string) (TimexResult, bool) {
	i := slices.IndexFunc(r.Results, func(x TimexResult) bool { return x.Set == set })
	if i < 0 {
		return TimexResult{}, false
	}
	return r.Results[i], true
}

// WriteTable writes one line per set: strict and relaxed precision,
// recall and F1, type and value accuracy, value F1, expression counts and
// speed.
func (r TimexReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tstrict P\tR\tF1\trelaxed P\tR\tF1\ttype acc\tvalue acc\tvalue F1\tgold\tpredicted\tdocs/s")
	for _, res := range r.Results {
		s := res.Score
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.0f\n", res.Set,
			s.Strict.Precision, s.Strict.Recall, s.Strict.F1,
			s.Relaxed.Precision, s.Relaxed.Recall, s.Relaxed.F1,
			s.TypeAccuracy, s.ValueAccuracy, s.Value.F1,
			s.Gold, s.Predicted, res.DocsPerSecond)
	}
	return tw.Flush()
}
