package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/veille-news/veille/bench"
)

// benchWithFlags are the benchmarks of `veille bench` that take flags of
// their own: runBench hands them the arguments after their name.
var benchWithFlags = map[string]func(ctx context.Context, env *Env, c command, args []string) int{
	"scale": benchScale,
}

// scaleStages are the stages `veille bench scale --stages` can time, by
// name, in the order they run.
var scaleStages = []struct {
	name  string
	stage func() bench.ScaleStage
}{
	{"dedup", func() bench.ScaleStage { return bench.DedupStage{} }},
	{"story", func() bench.ScaleStage { return bench.StoryStage{} }},
}

// benchScale runs `veille bench scale`: synthetic articles built from the
// MasakhaNEWS French corpus, at each size of --n, through each stage of
// --stages; time, articles per second, heap, and the growth of the time
// with the number of articles.
func benchScale(ctx context.Context, env *Env, c command, args []string) int {
	c.name = "bench scale"
	c.args = "[--n 100000,1000000] [--corpus DIR] [--stages dedup]"
	c.summary = "time the pipeline stages on synthetic articles built from the corpus, at each size"
	fs := newFlags(env, c)
	sizes := fs.String("n", "100000", "numbers of synthetic articles, comma-separated (100k and 1M are accepted)")
	corpus := fs.String("corpus", filepath.Join(defaultShared, "corpus", "masakhanews-fra"), "the MasakhaNEWS French corpus directory")
	stages := fs.String("stages", "all", "stages to time, comma-separated, or all: "+scaleStageNames())
	seed := fs.Uint64("seed", 1, "seed of the synthetic articles")
	format := fs.String("format", "text", "output format: text or json")
	quiet := fs.Bool("quiet", false, "do not report progress on stderr")
	if _, code := parseArgs(env, c, fs, args, nil, 0, 0); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", *format)
		return ExitUsage
	}
	ns, err := parseSizes(*sizes)
	if err != nil {
		errorf(env, c.name, "--n: %v", err)
		return ExitUsage
	}
	var run []bench.ScaleStage
	for _, name := range strings.Split(*stages, ",") {
		name = strings.TrimSpace(name)
		found := false
		for _, s := range scaleStages {
			if name == "all" || name == s.name {
				run = append(run, s.stage())
				found = true
			}
		}
		if !found {
			errorf(env, c.name, "unknown stage %q: want %s or all", name, scaleStageNames())
			return ExitUsage
		}
	}
	docs, err := bench.ReadNewsCorpus(*corpus)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	log := logger(env, *quiet)
	rep, err := bench.RunScale(ctx, docs, run, bench.ScaleOptions{
		Sizes:    ns,
		Seed:     *seed,
		Progress: func(msg string) { log.Info(msg) },
	})
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if *format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "scale benchmark: synthetic articles built from %d articles of %s (seed %d)\n", rep.Sources, *corpus, *seed)
	for i, n := range ns {
		fmt.Fprintf(env.Stdout, "%d articles: built in %.1fs, %.0f bytes of text each on average\n", n, rep.Generation[i].Seconds(), float64(rep.TextBytes[i])/float64(max(1, n)))
	}
	fmt.Fprintln(env.Stdout)
	if err := rep.WriteTable(env.Stdout); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

func scaleStageNames() string {
	names := make([]string, len(scaleStages))
	for i, s := range scaleStages {
		names[i] = s.name
	}
	return strings.Join(names, ", ")
}

// parseSizes reads a comma-separated list of positive counts, each a
// number optionally followed by k (thousands) or M (millions).
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		f = strings.ReplaceAll(strings.TrimSpace(f), "_", "")
		mult := 1
		switch {
		case strings.HasSuffix(f, "k"), strings.HasSuffix(f, "K"):
			mult, f = 1000, f[:len(f)-1]
		case strings.HasSuffix(f, "M"), strings.HasSuffix(f, "m"):
			mult, f = 1000000, f[:len(f)-1]
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("%q is not a positive number of articles", f)
		}
		out = append(out, n*mult)
	}
	return out, nil
}

// benchDedup runs `veille bench dedup`: copies of the MasakhaNEWS French
// articles under dir (exact, inside a chrome, truncated, lead rewritten)
// among the other articles and harder distractors, grouped by each
// method of bench.DedupBenchMethods; precision and recall of the pairs,
// recall per kind of copy. The dev file served to choose the Detector's
// settings; the test file is held out.
func benchDedup(ctx context.Context, env *Env, c command, dir, format string) int {
	if format != "text" && format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", format)
		return ExitUsage
	}
	if dir == "" {
		dir = filepath.Join(defaultShared, "corpus", "masakhanews-fra")
	}
	const seed = 1
	type split struct {
		Split string `json:"split"`
		File  string `json:"file"`
		bench.DedupReport
	}
	var out []split
	for _, s := range []string{"dev", "test"} {
		file := filepath.Join(dir, s+".tsv")
		arts, err := bench.ReadNewsTSV(file)
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		rep, err := bench.RunDedup(ctx, bench.BuildDedupSet(arts, seed), bench.DedupBenchMethods())
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		out = append(out, split{s, file, rep})
	}
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	for i, s := range out {
		if i > 0 {
			fmt.Fprintln(env.Stdout)
		}
		what := "held out"
		if s.Split == "dev" {
			what = "used to choose the settings"
		}
		var copies []string
		for _, k := range bench.DedupKinds {
			copies = append(copies, fmt.Sprintf("%d %s", s.Copies[k], k))
		}
		fmt.Fprintf(env.Stdout, "near duplicates: %s (%s): %d articles, %d copies (%s), %d mixes; %d duplicate pairs\n",
			s.File, what, s.Originals, s.Texts-s.Originals-s.Copies[bench.DedupMix], strings.Join(copies, ", "), s.Copies[bench.DedupMix], s.GoldPairs)
		if err := s.WriteTable(env.Stdout); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	fmt.Fprintln(env.Stdout, "\npairs: two texts are a pair when they share a group; a copy's recall: grouped with its source; mix grouped: share of mixes (not copies) grouped with any text, an error")
	return ExitOK
}
