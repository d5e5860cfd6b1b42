package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"text/tabwriter"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/story"
	"github.com/veille-news/veille/textsim"
)

func init() {
	register(command{
		name:    "similarity",
		args:    "< pairs.jsonl",
		summary: `score how alike pairs of texts are, 1 = same story, 0 = unrelated: reads {"id","a","b"} lines on stdin, all of them first (term weights come from the whole batch), writes {"id","score"} in input order`,
		run:     runSimilarity,
	})
}

// similarityInput is one line of `veille similarity`'s input. A and B
// are pointers to tell a missing text (a bad line) from an empty one
// (score 0).
type similarityInput struct {
	ID string  `json:"id"`
	A  *string `json:"a"`
	B  *string `json:"b"`
}

// similarityOutput is one line of `veille similarity`'s output.
type similarityOutput struct {
	ID    string  `json:"id"`
	Score float64 `json:"score"`
}

// runSimilarity reads every line first: the term weights come from the
// batch, the document frequencies of all the distinct texts of the input
// (textsim.ScorePairs), so a term most texts share weighs little. The same
// pair may thus score differently in another batch; give related pairs
// together, and more than a handful, for weights that mean something.
func runSimilarity(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	format := formatFlag(fs, "jsonl")
	maxLine := fs.Int("max-size", 16<<20, "longest input line accepted, in bytes")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	var (
		ids   []string
		pairs [][2]string
	)
	bad, err := eachJSONLine(ctx, env, c, *maxLine, `"id", "a" and "b"`, func(n int, in similarityInput) error {
		switch {
		case in.A == nil && in.B == nil:
			return badLine{errors.New(`no "a" nor "b" text`)}
		case in.A == nil:
			return badLine{errors.New(`no "a" text`)}
		case in.B == nil:
			return badLine{errors.New(`no "b" text`)}
		}
		ids = append(ids, in.ID)
		pairs = append(pairs, [2]string{*in.A, *in.B})
		return nil
	})
	out := newLister(env.Stdout, *format, func(w io.Writer, o similarityOutput) error {
		_, err := fmt.Fprintf(w, "%s\t%.4f\n", o.ID, o.Score)
		return err
	})
	if err == nil {
		var scores []float64
		scores, err = textsim.ScorePairs(ctx, pairs)
		for i := range scores {
			if err = out.Write(similarityOutput{ID: ids[i], Score: round4(scores[i])}); err != nil {
				break
			}
		}
	}
	return linesDone(env, c, bad, err, out.Close)
}

// round4 rounds a score to 4 decimals, as much as it means.
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// benchSimilarity runs `veille bench similarity` (mode "similarity") and
// `veille bench similarity-fit`: the Pearson and Spearman correlation of
// textsim's pair score with the gold of the SemEval-2022 task 8 training
// pairs under dir (../shared/bench/similarity by default), on the French
// pairs and the others, and pairs per second (the fastest of runs). The
// fit mode first refits the models on the non-French pairs and prints
// them, then reports with them.
func benchSimilarity(ctx context.Context, env *Env, c command, mode, dir, format string, runs int) int {
	if format != "text" && format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", format)
		return ExitUsage
	}
	if dir == "" {
		dir = filepath.Join(defaultShared, "bench", "similarity")
	}
	file := filepath.Join(dir, bench.SemEvalFile)
	pairs, err := bench.LoadSemEval(file)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	same, cross := textsim.SameLanguage, textsim.CrossLanguage
	if mode == "similarity-fit" {
		if same, cross, err = bench.FitSimilarity(ctx, pairs); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	score := func(ctx context.Context, p [][2]string) ([]float64, error) {
		return textsim.ScorePairsWith(ctx, p, same, cross)
	}
	rep, err := bench.RunSimilarity(ctx, score, pairs, runs)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	clusters, err := bench.StoryPairs(ctx, pairs, story.Options{})
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	const fitted = "model weights fitted on the non-French pairs only; the French pairs are held out"
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		err := enc.Encode(struct {
			File string `json:"file"`
			bench.SimilarityReport
			Same      textsim.Model           `json:"same_language_model"`
			Cross     textsim.Model           `json:"cross_language_model"`
			Fitted    string                  `json:"fitted"`
			Reference string                  `json:"reference"`
			Stories   []bench.StoryPairResult `json:"story_clustering"`
		}{file, rep, same, cross, fitted, bench.SemEvalFrenchReference, clusters})
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	w := env.Stdout
	fmt.Fprintf(w, "text similarity: %s (%d pairs; gold = (4 - Overall)/3)\n", file, len(pairs))
	fmt.Fprintf(w, "%s\n\n", fitted)
	if mode == "similarity-fit" {
		fmt.Fprintf(w, "refitted models (signals %v):\n", textsim.SignalNames)
		fmt.Fprintf(w, "\tSameLanguage  = %s\n\tCrossLanguage = %s\n\n", goModel(same), goModel(cross))
	}
	if err := rep.WriteTable(w); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	fmt.Fprintf(w, "\n%s\n", bench.SemEvalFrenchReference)
	fmt.Fprintf(w, "\nstory clustering of all the texts together (story.Build, undated: the file has no dates):\n")
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "set\tsame-story pairs (Overall ≤ 1.5) put together\tunrelated pairs (Overall ≥ 3.5) kept apart")
	for _, r := range clusters {
		fmt.Fprintf(tw, "%s\t%d/%d (%.1f%%)\t%d/%d (%.1f%%)\n", r.Set, r.Together, r.Same, pct(r.Together, r.Same), r.Apart, r.Unrelated, pct(r.Apart, r.Unrelated))
	}
	if err := tw.Flush(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

// goModel writes a model as the Go literal of textsim's defaults.
func goModel(m textsim.Model) string {
	s := fmt.Sprintf("Model{Bias: %.3f, Weights: [NumSignals]float64{", m.Bias)
	for i, w := range m.Weights {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%.3f", w)
	}
	return s + "}}"
}

// pct returns n/of in percent, 0 when of is 0.
func pct(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return 100 * float64(n) / float64(of)
}
