package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/reuse"
)

// reuseBenchSet is the set `veille bench reuse` generates: the seed and
// the number of sources are fixed so that its figures can be compared
// from run to run.
var reuseBenchSet = bench.ReuseSetOptions{Seed: 1, Sources: 200}

// benchReuse generates the reuse benchmark from the MasakhaNEWS French
// corpus under dir and scores reuse.Find on it: pair precision and
// recall, direction, kind, documents per second (the fastest of runs
// passes). With format json and perDoc, the generated documents and the
// errors are included.
func benchReuse(ctx context.Context, env *Env, c command, dir, format string, perDoc bool, runs int) int {
	if format != "text" && format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", format)
		return ExitUsage
	}
	if dir == "" {
		dir = filepath.Join(defaultShared, "corpus", "masakhanews-fra")
	}
	arts, err := bench.LoadNews(dir)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	set := bench.GenerateReuseSet(arts, reuseBenchSet)
	rep, err := bench.RunReuse(ctx, set, reuse.Options{}, runs)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if format == "json" {
		out := struct {
			Dir  string           `json:"dir"`
			Seed uint64           `json:"seed"`
			Docs []bench.ReuseDoc `json:"docs,omitempty"`
			bench.ReuseReport
		}{Dir: dir, Seed: reuseBenchSet.Seed, ReuseReport: rep}
		if perDoc {
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
		dir, reuseBenchSet.Seed, rep.Sources, rep.Derived, rep.Distractors, rep.Dropped)
	if err := rep.WriteTable(env.Stdout); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}
