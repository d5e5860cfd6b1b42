package bench

import (
	"context"
	"runtime"
	"sync"

	"github.com/veille-news/veille/dedup"
)

// DedupStage is the near-duplicate detection stage of the scale
// benchmark: signatures are computed on every core, a block of articles
// at a time, while the articles of the previous block are added to one
// dedup.Detector in order, sized for the batch (Options.Expected).
type DedupStage struct {
	Options dedup.Options
}

// Name returns "dedup".
func (DedupStage) Name() string { return "dedup" }

// Run adds every article of docs to a new Detector. Its figures are the
// share of the injected copies (ScaleDoc.CopyOf) found in their source's
// group ("copies found"), the share of articles grouped with another
// ("grouped"), the candidates verified per article, and the bytes per
// article the Detector holds at the end ("index bytes per article").
func (s DedupStage) Run(ctx context.Context, docs []ScaleDoc) (ScaleStats, error) {
	opt := s.Options
	if opt.Expected == 0 {
		opt.Expected = len(docs)
	}
	d := dedup.New(opt)
	err := parallelOrdered(ctx, len(docs), 2048,
		func(i int) dedup.Signature { return d.Signature(docs[i].Text) },
		func(i int, sig dedup.Signature) { d.AddSignature(docs[i].ID, sig) })
	if err != nil {
		return ScaleStats{}, err
	}
	groups := d.Groups()
	group := make(map[string]string)
	grouped := 0
	for _, g := range groups {
		grouped += len(g.Members)
		for _, m := range g.Members {
			group[m] = g.ID
		}
	}
	copies, found := 0, 0
	for _, doc := range docs {
		if doc.CopyOf == "" {
			continue
		}
		copies++
		if g, ok := group[doc.ID]; ok && g == group[doc.CopyOf] {
			found++
		}
	}
	st := d.Stats()
	figs := map[string]float64{
		"grouped":              dedupRatioF(grouped, len(docs)),
		"verified per article": dedupRatioF(st.Compared, len(docs)),
	}
	if len(docs) > 0 {
		figs["index bytes per article"] = float64(st.Bytes) / float64(len(docs))
	}
	if copies > 0 {
		figs["copies found"] = dedupRatioF(found, copies)
	}
	return ScaleStats{Groups: len(groups), Figures: figs}, nil
}

func dedupRatioF(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// parallelOrdered computes f(i) for i in [0, n) on every core, a block of
// indices at a time, and hands the results to consume in order of i, on
// the calling goroutine, while the next blocks are computed; at most two
// blocks per core are computed ahead of consume.
func parallelOrdered[T any](ctx context.Context, n, block int, f func(int) T, consume func(int, T)) error {
	workers := runtime.GOMAXPROCS(0)
	nblocks := (n + block - 1) / block
	ready := make([]chan []T, nblocks)
	for b := range ready {
		ready[b] = make(chan []T, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make(chan struct{}, 2*workers)
	todo := make(chan int)
	var wg sync.WaitGroup
	defer wg.Wait()
	wg.Go(func() {
		defer close(todo)
		for b := range nblocks {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case todo <- b:
			case <-ctx.Done():
				return
			}
		}
	})
	for range workers {
		wg.Go(func() {
			for b := range todo {
				lo, hi := b*block, min(n, (b+1)*block)
				out := make([]T, hi-lo)
				for i := range out {
					out[i] = f(lo + i)
				}
				ready[b] <- out
			}
		})
	}
	for b := range nblocks {
		var out []T
		select {
		case out = <-ready[b]:
		case <-ctx.Done():
			return ctx.Err()
		}
		for i, v := range out {
			consume(b*block+i, v)
		}
		<-slots
	}
	return nil
}
