package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/extract"
	"github.com/veille-news/veille/ingest"
)

func init() {
	register(command{
		name:    "bench",
		args:    "extract|ner|timex|similarity|similarity-fit|dedup|reuse|scale",
		summary: "measure veille on the shared benchmarks (extract: body F1 and pages/s; ner: entity F1 and tokens/s; timex: TIMEX3 F1 and docs/s; similarity: Pearson on SemEval-2022 task 8; dedup, reuse: pair P/R on copies built from MasakhaNEWS; scale: time and memory of dedup and stories on 100k+ synthetic articles)",
		run:     runBench,
	})
}

// defaultShared is where the shared benchmark data sits relative to a
// checkout of veille.
const defaultShared = "../shared"

func runBench(ctx context.Context, env *Env, c command, args []string) int {
	if len(args) > 0 && benchWithFlags[args[0]] != nil {
		return benchWithFlags[args[0]](ctx, env, c, args[1:])
	}
	fs := newFlags(env, c)
	dir := fs.String("dir", "", "benchmark directory (default ../shared/bench/extraction/scrapinghub; timex: ../shared/bench/time/fr-timebank)")
	format := fs.String("format", "text", "output format: text or json")
	perDoc := fs.Bool("per-doc", false, "json: include each page's scores")
	runs := fs.Int("runs", 5, "passes over the pages per system; the fastest pass is reported")
	pos, code := parseArgs(env, c, fs, args, nil, 1, 1)
	if code >= 0 {
		return code
	}
	switch pos[0] {
	case "extract":
	case "ner":
		return benchNER(ctx, env, c, *format)
	case "timex":
		return benchTimex(ctx, env, c, *dir, *format, *runs)
	case "dedup":
		return benchDedup(ctx, env, c, *dir, *format)
	case "similarity", "similarity-fit":
		return benchSimilarity(ctx, env, c, pos[0], *dir, *format, *runs)
	default:
		errorf(env, c.name, "unknown benchmark %q: want extract, ner, timex, similarity, similarity-fit, dedup, reuse or scale", pos[0])
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", *format)
		return ExitUsage
	}
	if *dir == "" {
		*dir = filepath.Join(defaultShared, "bench", "extraction", "scrapinghub")
	}
	systems := []bench.System{
		bench.TrafilaturaSystem(),
		bench.VeilleHTMLSystem(),
		bench.KeepAllSystem(),
		veilleTextSystem(),
	}
	rep, err := bench.RunExtractionWith(ctx, *dir, systems, bench.ExtractionOptions{Runs: *runs})
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if *format == "json" {
		if !*perDoc {
			for i := range rep.Systems {
				rep.Systems[i].PerDoc = nil
			}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "extraction benchmark: %s (%d pages)\n\n", rep.Dir, rep.Docs)
	if err := rep.WriteTable(env.Stdout); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	tr, ok1 := rep.System("trafilatura")
	vt, ok2 := rep.System("veille-text")
	if ok1 && ok2 && tr.PagesPerSecond > 0 {
		fmt.Fprintf(env.Stdout, "\nveille-text is %.1fx faster per page than go-trafilatura on the same pages' HTML\n", vt.PagesPerSecond/tr.PagesPerSecond)
	}
	return ExitOK
}

// veilleTextSystem is veille's text-dump extraction (body and metadata,
// without language identification), page by page, as `veille extract`
// runs it on a single dump.
func veilleTextSystem() bench.System {
	ex := extract.New(extract.Options{NoLanguage: true})
	return bench.System{Name: "veille-text", Input: bench.InputText, Body: func(ctx context.Context, raw []byte) (string, error) {
		doc, _, err := ingest.FromBytes("page.txt", raw, ingest.Options{})
		if err != nil {
			return "", err
		}
		art, err := ex.Extract(ctx, doc)
		if err != nil {
			return "", err
		}
		return art.Text, nil
	}}
}

// benchNER scores the NER tagger alone and the whole recognizer (tagger
// and knowledge base) on the shared NER sets: strict entity-level F1 and
// tokens per second.
func benchNER(ctx context.Context, env *Env, c command, format string) int {
	sets, err := bench.LoadNERSets(filepath.Join(defaultShared, "bench", "ner"))
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	m, err := tagger.Default()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	systems := []struct {
		name string
		t    bench.NERTagger
	}{
		{"tagger", m},
		{"tagger+kb", entity.New(kb.Default(), m)},
	}
	reports := map[string]bench.NERReport{}
	for _, s := range systems {
		rep, err := bench.RunNER(ctx, s.t, sets)
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		reports[s.name] = rep
		if format == "text" {
			fmt.Fprintf(env.Stdout, "== %s\n", s.name)
			if err := rep.WriteTable(env.Stdout); err != nil {
				errorf(env, c.name, "%v", err)
				return ExitFailed
			}
			fmt.Fprintln(env.Stdout)
		}
	}
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(reports); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	return ExitOK
}

// benchTimex scores timex.Find on the French TimeBank under dir, on all its
// documents and on its development and held-out halves: strict and
// relaxed span F1, type and value accuracy, value F1 and documents per
// second (the fastest of runs passes), with the published HeidelTime
// figures for reference.
func benchTimex(ctx context.Context, env *Env, c command, dir, format string, runs int) int {
	if format != "text" && format != "json" {
		errorf(env, c.name, "unknown --format %q: want text or json", format)
		return ExitUsage
	}
	if dir == "" {
		dir = filepath.Join(defaultShared, "bench", "time", "fr-timebank")
	}
	docs, err := bench.LoadTimeBank(dir)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	rep, err := bench.RunTimeBank(ctx, timexFind, docs, runs)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if format == "json" {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		err := enc.Encode(struct {
			Dir string `json:"dir"`
			bench.TimexReport
			Reference string `json:"reference"`
		}{dir, rep, bench.HeidelTimeReference})
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "temporal expressions: %s (%d documents; dev: even, held-out: odd in name order)\n\n", dir, len(docs))
	if err := rep.WriteTable(env.Stdout); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	fmt.Fprintf(env.Stdout, "\n%s\n", bench.HeidelTimeReference)
	return ExitOK
}
