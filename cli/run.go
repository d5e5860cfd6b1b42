package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/event"
	"github.com/veille-news/veille/extract"
	"github.com/veille-news/veille/ingest"
)

// pipelineFlags are the flags shared by the commands that read pages.
type pipelineFlags struct {
	maxSize *int64
	jobs    *int
	quiet   *bool
	batch   *int
	// noEntities skips entity recognition.
	noEntities *bool
	// opts are the extraction options, set by prepare.
	opts extract.Options
}

func addPipelineFlags(fs *flag.FlagSet) pipelineFlags {
	return pipelineFlags{
		maxSize:    fs.Int64("max-size", ingest.DefaultMaxSize, "largest input accepted, in bytes after gzip decompression"),
		jobs:       fs.Int("jobs", runtime.GOMAXPROCS(0), "pages processed in parallel"),
		quiet:      fs.Bool("quiet", false, "no progress bar and no warnings; errors only"),
		batch:      fs.Int("batch", 2000, "pages read, learned from and extracted together; bounds memory"),
		noEntities: fs.Bool("no-entities", false, "do not recognise the named entities of the articles"),
	}
}

// prepare sets the extraction options the flags ask for, building the
// entity recognizer (a model to load) once for the whole run. It returns
// the extractor version the articles will carry.
func (pf *pipelineFlags) prepare() (version string, err error) {
	pf.opts = extract.Options{}
	if !*pf.noEntities {
		pf.opts.Events = event.New(kb.Default())
		if pf.opts.Entities, err = newRecognizer(); err != nil {
			return "", err
		}
	}
	return extract.New(pf.opts).Version(), nil
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

// runPipeline reads the pages named by paths, extracts each and hands the
// results to s in input order. Inputs go through in batches of --batch
// pages: each batch is read, its sites' templates learned from all its
// pages, then extracted, so memory stays bounded on any corpus, and a rerun
// over the same paths forms the same batches and gives the same articles.
// Bad inputs are reported on stderr, one line each, and to s.bad. It
// returns an error only for a fatal problem (the sink failed).
func runPipeline(ctx context.Context, env *Env, cmd string, paths []string, pf pipelineFlags, s sink) (runStats, error) {
	var st runStats
	var sources []*item
	for src, err := range ingest.Sources(paths) {
		sources = append(sources, &item{source: src, err: err})
	}
	st.Inputs = len(sources)
	bar := newProgress(env, *pf.quiet, cmd, len(sources))
	defer bar.Done()
	batch := *pf.batch
	if batch <= 0 {
		batch = len(sources)
	}
	for lo := 0; lo < len(sources); lo += batch {
		hi := min(lo+batch, len(sources))
		if err := runBatch(ctx, env, cmd, sources[lo:hi], pf, s, bar, &st); err != nil {
			return st, err
		}
		for _, it := range sources[lo:hi] {
			*it = item{} // release the batch's pages
		}
	}
	return st, nil
}

// item is one input on its way through the pipeline.
type item struct {
	source   string
	doc      veille.Document
	warnings []ingest.Warning
	err      error
	skip     bool
	art      veille.Article
}

// runBatch reads, learns from, extracts and delivers one batch of inputs.
func runBatch(ctx context.Context, env *Env, cmd string, items []*item, pf pipelineFlags, s sink, bar *progress, st *runStats) error {
	opts := ingest.Options{MaxSize: *pf.maxSize, Stdin: env.Stdin}
	jobs := max(*pf.jobs, 1)

	parallel(ctx, jobs, len(items), func(i int) {
		it := items[i]
		if it.err == nil {
			it.doc, it.warnings, it.err = ingest.Read(ctx, it.source, opts)
		}
	})
	if err := ctx.Err(); err != nil {
		return err
	}

	// Learn the templates from every readable page of the batch, stored
	// or not, so that extraction gives the same result whether a document
	// is new or a rerun completes an interrupted ingestion.
	ex := extract.New(pf.opts)
	var docs []veille.Document
	for _, it := range items {
		if it.err == nil {
			docs = append(docs, it.doc)
		}
	}
	ex.Learn(docs)

	var fatal atomic.Pointer[error]
	parallel(ctx, jobs, len(items), func(i int) {
		it := items[i]
		defer bar.Add(1)
		if it.err != nil || fatal.Load() != nil {
			return
		}
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
	if p := fatal.Load(); p != nil {
		return *p
	}
	if err := ctx.Err(); err != nil {
		return err
	}

	for _, it := range items {
		for _, w := range it.warnings {
			st.Warnings++
			if !*pf.quiet {
				bar.Printf("veille %s: warning: %s\n", cmd, w)
			}
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
			st.Bad++
			bar.Printf("veille %s: %s: %s\n", cmd, it.source, reason)
			if s.bad != nil {
				if err := s.bad(ctx, it.source, raw, reason); err != nil {
					return err
				}
			}
			continue
		}
		if it.skip {
			st.Skipped++
			if s.skipped != nil {
				if err := s.skipped(ctx, it.doc); err != nil {
					return err
				}
			}
			continue
		}
		st.Articles++
		if strings.TrimSpace(it.art.Text) == "" {
			st.Warnings++
			if !*pf.quiet {
				bar.Printf("veille %s: warning: %s: no article text found (menus, lists or repeated lines only)\n", cmd, it.source)
			}
		}
		if err := s.article(ctx, it.doc, it.art); err != nil {
			return err
		}
	}
	return nil
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
