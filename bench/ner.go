package bench

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// NERTagger tags a token sequence with one BIO tag per token ("O",
// "B-PER", "I-LOC", ...).
type NERTagger interface {
	Tag(tokens []string) []string
}

// NERTypes are the entity types the NER benchmark scores.
var NERTypes = []string{"PER", "LOC", "ORG"}

// NERSet is one named-entity evaluation set.
type NERSet struct {
	Name      string
	Sentences []nerdata.Sentence
}

// Tokens returns the number of tokens in the set.
func (s NERSet) Tokens() int {
	n := 0
	for _, x := range s.Sentences {
		n += len(x.Tokens)
	}
	return n
}

// NERScore is a strict entity-level count: an entity is right only with
// its exact span and type.
type NERScore struct {
	TP, FP, FN            int
	Precision, Recall, F1 float64
}

func (s *NERScore) finish() {
	if s.TP+s.FP > 0 {
		s.Precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		s.Recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
}

// NERResult is the score of one tagger on one set.
type NERResult struct {
	Set       string
	Sentences int
	Tokens    int
	// Elapsed is the time spent in Tag calls only, on one goroutine.
	Elapsed         time.Duration
	TokensPerSecond float64
	// Types has one score per type of NERTypes; Overall is their micro
	// average (counts summed).
	Types   map[string]NERScore
	Overall NERScore
}

// NERReport is the result of RunNER.
type NERReport struct {
	Results []NERResult
}

// ScoreNER counts strict entity matches of pred against gold, one tag
// sequence per sentence, for the given types; entities of other types
// (MISC) are ignored on both sides. It returns per-type scores and their
// micro average.
func ScoreNER(gold, pred [][]string, types []string) (map[string]NERScore, NERScore, error) {
	if len(gold) != len(pred) {
		return nil, NERScore{}, fmt.Errorf("bench: %d gold and %d predicted sentences", len(gold), len(pred))
	}
	keep := map[string]bool{}
	for _, t := range types {
		keep[t] = true
	}
	per := map[string]*NERScore{}
	for _, t := range types {
		per[t] = &NERScore{}
	}
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return nil, NERScore{}, fmt.Errorf("bench: sentence %d: %d gold and %d predicted tags", i, len(gold[i]), len(pred[i]))
		}
		g := map[nerdata.Span]bool{}
		for _, sp := range nerdata.Spans(gold[i]) {
			if keep[sp.Type] {
				g[sp] = true
			}
		}
		for _, sp := range nerdata.Spans(pred[i]) {
			if !keep[sp.Type] {
				continue
			}
			if g[sp] {
				per[sp.Type].TP++
				delete(g, sp)
			} else {
				per[sp.Type].FP++
			}
		}
		for sp := range g {
			per[sp.Type].FN++
		}
	}
	out := map[string]NERScore{}
	var all NERScore
	for t, s := range per {
		s.finish()
		out[t] = *s
		all.TP += s.TP
		all.FP += s.FP
		all.FN += s.FN
	}
	all.finish()
	return out, all, nil
}

// RunNER tags every sentence of every set with tagger, one sentence per
// Tag call, and scores it with ScoreNER over NERTypes.
func RunNER(ctx context.Context, tagger NERTagger, sets []NERSet) (NERReport, error) {
	var rep NERReport
	for _, set := range sets {
		res := NERResult{Set: set.Name, Sentences: len(set.Sentences)}
		gold := make([][]string, len(set.Sentences))
		pred := make([][]string, len(set.Sentences))
		var elapsed time.Duration
		for i, s := range set.Sentences {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return rep, fmt.Errorf("bench: ner %s: %w", set.Name, err)
				}
			}
			start := time.Now()
			pred[i] = tagger.Tag(s.Tokens)
			elapsed += time.Since(start)
			gold[i] = s.Tags
			res.Tokens += len(s.Tokens)
		}
		types, all, err := ScoreNER(gold, pred, NERTypes)
		if err != nil {
			return rep, fmt.Errorf("bench: ner %s: %w", set.Name, err)
		}
		res.Types, res.Overall, res.Elapsed = types, all, elapsed
		if elapsed > 0 {
			res.TokensPerSecond = float64(res.Tokens) / elapsed.Seconds()
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

// Names of the NER evaluation sets LoadNERSets reads.
const (
	NERWikiNEuRal = "wikineural-fr-test"
	NEREuropeana  = "europeana-fr-heldout"
	NERNewsEye    = "newseye-fr-heldout"
)

// LoadNERSets reads the evaluation sets under dir (../shared/bench/ner from
// the repository root): the WikiNEuRal French test file and the parts of
// Europeana and NewsEye that training holds out (see package nerdata).
func LoadNERSets(dir string) ([]NERSet, error) {
	wiki, err := nerdata.ReadFile(filepath.Join(dir, nerdata.WikiNEuRalTest), nerdata.ReadCoNLL)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	_, eu, err := nerdata.Europeana(dir)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	_, ne, err := nerdata.NewsEye(dir)
	if err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	return []NERSet{
		{Name: NERWikiNEuRal, Sentences: wiki},
		{Name: NEREuropeana, Sentences: eu},
		{Name: NERNewsEye, Sentences: ne},
	}, nil
}

// Result returns the result for the named set.
func (r NERReport) Result(set string) (NERResult, bool) {
	i := slices.IndexFunc(r.Results, func(x NERResult) bool { return x.Set == set })
	if i < 0 {
		return NERResult{}, false
	}
	return r.Results[i], true
}

// WriteTable writes one line per set and type with precision, recall, F1,
// entity counts and speed.
func (r NERReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "set\ttype\tP\tR\tF1\tgold\tpredicted\ttokens/s")
	for _, res := range r.Results {
		for _, t := range NERTypes {
			s := res.Types[t]
			fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", res.Set, t, s.Precision, s.Recall, s.F1, s.TP+s.FN, s.TP+s.FP)
		}
		s := res.Overall
		fmt.Fprintf(tw, "%s\tall\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.0f\n", res.Set, s.Precision, s.Recall, s.F1, s.TP+s.FN, s.TP+s.FP, res.TokensPerSecond)
	}
	return tw.Flush()
}
