package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/extract"
	"github.com/veille-news/veille/ingest"
)

// pipelineFlags are the flags shared by the commands that read pages.
type pipelineFlags struct {
	maxSize *int64
	jobs    *int
	quiet   *bool
}

func addPipelineFlags(fs *flag.FlagSet) pipelineFlags {
	return pipelineFlags{
		maxSize: fs.Int64("max-size", ingest.DefaultMaxSize, "largest input accepted, in bytes after gzip decompression"),
		jobs:    fs.Int("jobs", runtime.GOMAXPROCS(0), "pages processed in parallel"),
		quiet:   fs.Bool("quiet", false, "no progress bar and no warnings; errors only"),
	}
}

// sink receives the pipeline's results in input order.
type sink struct {
	// skip reports whether a document needs no extraction (already stored).
	skip func(ctx context.Context, doc veille.Document) (bool, error)
	// skipped receives each document skip said needs no extraction.
	skipped func(ctx context.Context, doc veille.Document) error
	// article receives each extracted article.
	article func(ctx context.Context, doc veille.Document, art veille.Article) error
	// bad receives each bad input, with the raw bytes read when there are some.
	bad func(ctx context.Context, source string, raw []byte, reason string) error
}

// runStats counts what a pipeline run did.
type runStats struct {
	Inputs, Articles, Skipped, Bad, Warnings int
}

// runPipeline reads the pages named by paths, learns the sites' templates
// from all of them, extracts each and hands the results to s in input
// order. Bad inputs are reported on stderr, one line each, and to s.bad.
// It returns an error only for a fatal problem (the sink failed).
func runPipeline(ctx context.Context, env *Env, cmd string, paths []string, pf pipelineFlags, s sink) (runStats, error) {
	var st runStats
	opts := ingest.Options{MaxSize: *pf.maxSize, Stdin: env.Stdin}
	jobs := max(*pf.jobs, 1)

	type item struct {
		source string
		doc    veille.Document
		err    error
		skip   bool
		art    veille.Article
	}
	var items []*item
	for src, err := range ingest.Sources(paths) {
		items = append(items, &item{source: src, err: err})
	}
	st.Inputs = len(items)
	bar := newProgress(env, *pf.quiet, "reading", len(items))

	report := func(source, reason string) {
		st.Bad++
		bar.Printf("veille %s: %s: %s\n", cmd, source, reason)
	}
	warn := func(w ingest.Warning) {
		st.Warnings++
		if !*pf.quiet {
			bar.Printf("veille %s: warning: %s\n", cmd, w)
		}
	}

	// Read every input in parallel, keeping the input order.
	var warnings = make([][]ingest.Warning, len(items))
	parallel(ctx, jobs, len(items), func(i int) {
		it := items[i]
		if it.err == nil {
			it.doc, warnings[i], it.err = ingest.Read(ctx, it.source, opts)
		}
		bar.Add(1)
	})
	bar.Done()
	if err := ctx.Err(); err != nil {
		return st, err
	}

	// Learn the templates from all readable text dumps of the batch, so
	// that extraction gives the same result whether a document is new or
	// a rerun completes an interrupted ingestion.
	ex := extract.New(extract.Options{})
	var docs []veille.Document
	for _, it := range items {
		if it.err == nil {
			docs = append(docs, it.doc)
		}
	}
	ex.Learn(docs)

	var fatal atomic.Pointer[error]
	bar = newProgress(env, *pf.quiet, "extracting", len(docs))
	parallel(ctx, jobs, len(items), func(i int) {
		it := items[i]
		if it.err != nil || fatal.Load() != nil {
			return
		}
		defer bar.Add(1)
		if s.skip != nil {
			skip, err := s.skip(ctx, it.doc)
			if err != nil {
				fatal.CompareAndSwap(nil, &err)
				return
			}
			if skip {
				it.skip = true
				return
			}
		}
		it.art, it.err = ex.Extract(ctx, it.doc)
	})
	bar.Done()
	if p := fatal.Load(); p != nil {
		return st, *p
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}

	for i, it := range items {
		for _, w := range warnings[i] {
			warn(w)
		}
		if it.err != nil {
			var ie *ingest.Error
			reason := it.err.Error()
			var raw []byte
			if errors.As(it.err, &ie) {
				reason = ie.Reason
				if ie.Err != nil {
					reason += ": " + ie.Err.Error()
				}
				raw = ie.Raw
			} else if it.doc.Raw != nil {
				raw = it.doc.Raw
			}
			report(it.source, reason)
			if s.bad != nil {
				if err := s.bad(ctx, it.source, raw, reason); err != nil {
					return st, err
				}
			}
			continue
		}
		if it.skip {
			st.Skipped++
			if s.skipped != nil {
				if err := s.skipped(ctx, it.doc); err != nil {
					return st, err
				}
			}
			continue
		}
		st.Articles++
		if err := s.article(ctx, it.doc, it.art); err != nil {
			return st, err
		}
	}
	return st, nil
}

// parallel calls f(i) for i in [0,n) on jobs goroutines.
func parallel(ctx context.Context, jobs, n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(jobs, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// summary is the one-line account of a run printed on stderr.
func (st runStats) summary(verb string) string {
	s := fmt.Sprintf("%d input(s): %d %s", st.Inputs, st.Articles, verb)
	if st.Skipped > 0 {
		s += fmt.Sprintf(", %d already stored", st.Skipped)
	}
	if st.Bad > 0 {
		s += fmt.Sprintf(", %d bad", st.Bad)
	}
	if st.Warnings > 0 {
		s += fmt.Sprintf(", %d warning(s)", st.Warnings)
	}
	return s
}
