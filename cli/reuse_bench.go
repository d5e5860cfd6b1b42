package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/reuse"
)

func init() {
	benchWithFlags["reuse"] = benchReuse
}

// benchReuse runs `veille bench reuse`: it generates the reuse benchmark
// from the MasakhaNEWS French corpus (bench.GenerateReuseSet) and scores
// reuse.Find on it: pair precision and recall, direction, kind, documents
// per second (the fastest of --runs passes). --write dumps the generated
// set for reading; json with --per-doc adds the documents and the errors.
func benchReuse(ctx context.Context, env *Env, c command, args []string) int {
	c.name = "bench reuse"
	c.args = "[--dir DIR] [--seed N] [--sources N] [--write DIR]"
	c.summary = "score text reuse detection on copies, truncations, rewrites and wire stories generated from the corpus"
	fs := newFlags(env, c)
	dir := fs.String("dir", filepath.Join(defaultShared, "corpus", "masakhanews-fra"), "the MasakhaNEWS French corpus directory")
	seed := fs.Uint64("seed", 1, "seed of the generated set")
	sources := fs.Int("sources", 200, "originals documents are derived from")
	distractors := fs.Int("distractors", 0, "other articles kept as distractors (0: all)")
	runs := fs.Int("runs", 5, "passes over the set; the fastest is reported")
	format := fs.String("format", "text", "output format: text or json")
	perDoc := fs.Bool("per-doc", false, "json: include the generated documents and the errors")
	write := fs.String("write", "", "write the generated set to this directory (one .txt file per document and docs.jsonl)")
	if _, code := parseArgs(env, c, fs, args, nil, 0, 0); code >= 0 {
		return code
	}
	if *format != "text" && *format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", *format)
		return ExitUsage
	}
	if *sources < 1 || *distractors < 0 {
		errorf(env, c.name, "--sources must be at least 1 and --distractors not negative")
		return ExitUsage
	}
	arts, err := bench.LoadNews(*dir)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	opt := bench.ReuseSetOptions{Seed: *seed, Sources: *sources, Distractors: *distractors}
	set := bench.GenerateReuseSet(arts, opt)
	if *write != "" {
		if err := bench.WriteReuseSet(*write, set); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	rep, err := bench.RunReuse(ctx, set, reuse.Options{}, *runs)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if *format == "json" {
		out := struct {
			Dir  string           `json:"dir"`
			Seed uint64           `json:"seed"`
			Docs []bench.ReuseDoc `json:"docs,omitempty"`
			bench.ReuseReport
		}{Dir: *dir, Seed: *seed, ReuseReport: rep}
		if *perDoc {
			out.Docs = set.Docs
		} else {
			out.Errors = nil
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "reuse benchmark: %s, seed %d: %d sources, %d derived, %d distractors (%d corpus articles dropped for their own shared text)\n\n",
		*dir, *seed, rep.Sources, rep.Derived, rep.Distractors, rep.Dropped)
	if err := rep.WriteTable(env.Stdout); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}
