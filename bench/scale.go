package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"text/tabwriter"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille/tokenize"
)

// ScaleStage is a pipeline stage the scale benchmark times: Run processes
// every article of docs, in order, as the stage would in production
// (package dedup's Detector, package story's Clusterer).
type ScaleStage interface {
	Name() string
	Run(ctx context.Context, docs []ScaleDoc) (ScaleStats, error)
}

// ScaleStats is what a stage reports of one run, beside the time and
// memory the harness measures.
type ScaleStats struct {
	// Groups is the number of groups the stage formed: duplicate groups
	// of two texts or more, stories.
	Groups int `json:"groups"`
	// Figures are the stage's own figures, by name (for dedup: the
	// injected copies found, the candidates verified per article).
	Figures map[string]float64 `json:"figures,omitempty"`
}

// FuncStage makes a ScaleStage of a name and a function.
func FuncStage(name string, run func(ctx context.Context, docs []ScaleDoc) (ScaleStats, error)) ScaleStage {
	return funcStage{name, run}
}

type funcStage struct {
	name string
	run  func(ctx context.Context, docs []ScaleDoc) (ScaleStats, error)
}

func (s funcStage) Name() string { return s.name }
func (s funcStage) Run(ctx context.Context, docs []ScaleDoc) (ScaleStats, error) {
	return s.run(ctx, docs)
}

// ScaleOptions are the settings of RunScale. The zero value of each field
// means its default.
type ScaleOptions struct {
	// Sizes are the numbers of synthetic articles to run each stage on,
	// in order (default 100,000).
	Sizes []int
	// Seed makes the synthetic articles (default 1); the same seed and
	// corpus give the same articles.
	Seed uint64
	// ExactShare and NearShare are the shares of synthetic articles that
	// are an exact copy, and a near copy (truncated, inside a chrome, or
	// with its lead rewritten), of an earlier one (defaults 0.05 each).
	ExactShare, NearShare float64
	// Progress, when set, is told what is being done.
	Progress func(msg string)
}

// ScaleResult is one stage's run on one size.
type ScaleResult struct {
	Stage    string        `json:"stage"`
	Articles int           `json:"articles"`
	Wall     time.Duration `json:"wall_ns"`
	// PerSecond is Articles / Wall.
	PerSecond float64 `json:"articles_per_second"`
	// BaseHeap is the live heap before the run (the articles
	// themselves), PeakHeap the largest heap in use sampled during it
	// (every 10 ms), Allocated the bytes the run allocated in all.
	BaseHeap  uint64     `json:"base_heap_bytes"`
	PeakHeap  uint64     `json:"peak_heap_bytes"`
	Allocated uint64     `json:"allocated_bytes"`
	Stats     ScaleStats `json:"stats"`
}

// ScaleReport is the result of RunScale.
type ScaleReport struct {
	// Sources is the number of corpus articles the synthetic ones are
	// built from (those with three sentences or more).
	Sources int `json:"sources"`
	// Generation is the time taken to build each size's articles, in
	// order of Sizes, and TextBytes their total text size.
	Generation []time.Duration `json:"generation_ns"`
	TextBytes  []int64         `json:"text_bytes"`
	Results    []ScaleResult   `json:"results"`
	// MaxRSS is the process's peak resident set size at the end, in
	// bytes (Linux: getrusage).
	MaxRSS uint64 `json:"max_rss_bytes"`
	Procs  int    `json:"procs"`
}

// RunScale builds, for each size, that many synthetic articles from the
// corpus (SynthesizeScale) and runs every stage on them, timing each run
// and sampling the heap.
func RunScale(ctx context.Context, corpus []ScaleDoc, stages []ScaleStage, opt ScaleOptions) (ScaleReport, error) {
	if len(opt.Sizes) == 0 {
		opt.Sizes = []int{100000}
	}
	progress := opt.Progress
	if progress == nil {
		progress = func(string) {}
	}
	syn, err := NewScaleSynth(corpus, opt)
	if err != nil {
		return ScaleReport{}, err
	}
	rep := ScaleReport{Sources: len(syn.sources), Procs: runtime.GOMAXPROCS(0)}
	for _, n := range opt.Sizes {
		progress(fmt.Sprintf("building %d synthetic articles", n))
		start := time.Now()
		docs, err := syn.Generate(ctx, n)
		if err != nil {
			return rep, err
		}
		rep.Generation = append(rep.Generation, time.Since(start))
		var size int64
		for _, d := range docs {
			size += int64(len(d.Text) + len(d.Title))
		}
		rep.TextBytes = append(rep.TextBytes, size)
		for _, st := range stages {
			progress(fmt.Sprintf("%s on %d articles", st.Name(), n))
			res, err := runScaleStage(ctx, st, docs)
			if err != nil {
				return rep, fmt.Errorf("bench: scale: %s on %d articles: %w", st.Name(), n, err)
			}
			rep.Results = append(rep.Results, res)
		}
		docs = nil
		runtime.GC()
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		rep.MaxRSS = uint64(ru.Maxrss) * 1024
	}
	return rep, nil
}

// runScaleStage runs one stage on docs, timing it and sampling the heap.
func runScaleStage(ctx context.Context, st ScaleStage, docs []ScaleDoc) (ScaleResult, error) {
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	peak.Store(before.HeapAlloc)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	})
	start := time.Now()
	stats, err := st.Run(ctx, docs)
	wall := time.Since(start)
	close(stop)
	wg.Wait()
	if err != nil {
		return ScaleResult{}, err
	}
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	res := ScaleResult{
		Stage:     st.Name(),
		Articles:  len(docs),
		Wall:      wall,
		BaseHeap:  before.HeapAlloc,
		PeakHeap:  max(peak.Load(), after.HeapAlloc),
		Allocated: after.TotalAlloc - before.TotalAlloc,
		Stats:     stats,
	}
	if wall > 0 {
		res.PerSecond = float64(len(docs)) / wall.Seconds()
	}
	return res, nil
}

// WriteTable writes the report as a table, then, for each stage run on
// several sizes, how its time grew against the number of articles.
func (r ScaleReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "stage\tarticles\twall\tarticles/s\tbase heap\tpeak heap\tallocated\tgroups\tfigures")
	for _, res := range r.Results {
		fmt.Fprintf(tw, "%s\t%d\t%.2fs\t%.0f\t%s\t%s\t%s\t%d\t%s\n", res.Stage, res.Articles, res.Wall.Seconds(), res.PerSecond,
			mib(res.BaseHeap), mib(res.PeakHeap), mib(res.Allocated), res.Stats.Groups, figures(res.Stats.Figures))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	first := map[string]ScaleResult{}
	for _, res := range r.Results {
		f, ok := first[res.Stage]
		if !ok {
			first[res.Stage] = res
			continue
		}
		if f.Wall <= 0 || f.Articles == 0 {
			continue
		}
		nr := float64(res.Articles) / float64(f.Articles)
		tr := res.Wall.Seconds() / f.Wall.Seconds()
		fmt.Fprintf(w, "%s: %d→%d articles (×%.1f) took ×%.2f the time (time per article ×%.2f; 1 is linear)\n",
			res.Stage, f.Articles, res.Articles, nr, tr, tr/nr)
	}
	fmt.Fprintf(w, "%d cores (GOMAXPROCS); peak RSS %s\n", r.Procs, mib(r.MaxRSS))
	return nil
}

func mib(b uint64) string { return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20)) }

func figures(m map[string]float64) string {
	if len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + strconv.FormatFloat(m[k], 'g', 4, 64)
	}
	return strings.Join(parts, ", ")
}

// ScaleSynth builds synthetic articles from a corpus, deterministically.
//
// A synthetic article takes the category of a random corpus article (one
// of three sentences of four words or more at least), the title of that
// article and 5 to 12 sentences drawn at random (in their order) from it
// and, half of the time, from a second article of the same category; a
// publication date spread uniformly over 2023 and 2024.
//
// So that a million articles built from a few hundred are not a million
// copies of each other, every sentence is altered: each name (a
// capitalised word inside a sentence) becomes a synthetic name, the same
// throughout the article, each number a random number, and a third of the
// lower-case words of four letters or more a random word of the same
// category's vocabulary. Two articles that drew the same sentence then
// share few of its 5-word shingles (the order and the vocabulary of the
// category stay), as two articles of a real corpus do; without that, a
// million articles drawn from a few hundred would be near duplicates of
// ever more others as the corpus grows.
//
// A share of the articles (ScaleOptions.ExactShare) are exact copies of
// an earlier one, published up to two days later, and another (NearShare)
// near copies: truncated, inside a chrome, or with the lead rewritten;
// their CopyOf names the earlier article. Article i depends only on the
// seed and i, so articles are built on every core.
type ScaleSynth struct {
	seed        uint64
	exact, near float64
	sources     []scaleSource
	byCat       [][]int    // category → sources
	vocab       [][]string // category → words of its articles
	cats        []string
	names       []string
	epoch       time.Time
	span        time.Duration
	titles      []ScaleDoc // the corpus, whose titles the chrome of near copies links to
}

// scaleSource is a corpus article cut into sentence templates.
type scaleSource struct {
	cat   int
	title string
	sents [][]scaleSeg
}

// scaleSeg is a piece of a sentence template: literal text, then
// optionally a slot to fill.
type scaleSeg struct {
	text string
	slot uint8 // 0 none, slotName, slotNumber, slotWord
	key  string
}

// scaleWordSwap: one lower-case word in scaleWordSwap is replaced.
const scaleWordSwap = 3

const (
	slotName = 1 + iota
	slotNumber
	slotWord
)

// NewScaleSynth prepares corpus for SynthesizeScale.
func NewScaleSynth(corpus []ScaleDoc, opt ScaleOptions) (*ScaleSynth, error) {
	if len(corpus) == 0 {
		return nil, fmt.Errorf("bench: scale: empty corpus")
	}
	s := &ScaleSynth{
		seed:  opt.Seed,
		exact: opt.ExactShare,
		near:  opt.NearShare,
		epoch: time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC),
		span:  2 * 365 * 24 * time.Hour,
	}
	if s.seed == 0 {
		s.seed = 1
	}
	if s.exact == 0 {
		s.exact = 0.05
	}
	if s.near == 0 {
		s.near = 0.05
	}
	catIndex := map[string]int{}
	seenWord := map[string]bool{}
	for _, a := range corpus {
		c, ok := catIndex[a.Category]
		if !ok {
			c = len(s.cats)
			catIndex[a.Category] = c
			s.cats = append(s.cats, a.Category)
			s.byCat = append(s.byCat, nil)
			s.vocab = append(s.vocab, nil)
		}
		src := scaleSource{cat: c, title: a.Title}
		for _, sent := range tokenize.Sentences(a.Text) {
			if countWords(sent.Tokens) < 4 {
				continue // a heading, a stray period
			}
			segs, words := scaleTemplate(a.Text, sent)
			src.sents = append(src.sents, segs)
			for _, w := range words {
				if k := s.cats[c] + "\x00" + w; !seenWord[k] {
					seenWord[k] = true
					s.vocab[c] = append(s.vocab[c], w)
				}
			}
		}
		if len(src.sents) < 3 {
			continue
		}
		s.byCat[c] = append(s.byCat[c], len(s.sources))
		s.sources = append(s.sources, src)
	}
	if len(s.sources) == 0 {
		return nil, fmt.Errorf("bench: scale: no corpus article has a sentence")
	}
	s.names = syntheticNames(4096)
	s.titles = corpus
	return s, nil
}

// scaleTemplate cuts one sentence of text into segments: numbers, names
// (capitalised words after the first token) and lower-case words of four
// letters or more are slots. It also returns those lower-case words.
func scaleTemplate(text string, sent tokenize.Sentence) ([]scaleSeg, []string) {
	var segs []scaleSeg
	var words []string
	last := sent.Start
	for k, t := range sent.Tokens {
		slot := uint8(0)
		switch {
		case t.Kind == tokenize.Number:
			slot = slotNumber
		case t.Kind == tokenize.Word && k > 0 && isCapitalised(t.Text):
			slot = slotName
		case t.Kind == tokenize.Word && utf8.RuneCountInString(t.Text) >= 4 && !strings.ContainsAny(t.Text, "'’") && !isCapitalised(t.Text):
			slot = slotWord
			words = append(words, t.Text)
		}
		if slot != 0 {
			segs = append(segs, scaleSeg{text: text[last:t.Start], slot: slot, key: t.Text})
			last = t.End
		}
	}
	segs = append(segs, scaleSeg{text: text[last:sent.End]})
	return segs, words
}

func countWords(toks []tokenize.Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == tokenize.Word {
			n++
		}
	}
	return n
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// syntheticNames returns n distinct capitalised names made of syllables.
func syntheticNames(n int) []string {
	syl := []string{"ba", "ko", "di", "ma", "sa", "te", "lu", "fa", "no", "ri", "zo", "ke", "mi", "do", "ya", "gu", "se", "to", "na", "bi"}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		a, b, c := syl[i%len(syl)], syl[(i/len(syl))%len(syl)], syl[(i/(len(syl)*len(syl)))%len(syl)]
		w := a + b + c
		out = append(out, strings.ToUpper(w[:1])+w[1:])
	}
	return out
}

// Generate builds articles 0 to n-1, on every core.
func (s *ScaleSynth) Generate(ctx context.Context, n int) ([]ScaleDoc, error) {
	docs := make([]ScaleDoc, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	const block = 1024
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				lo := int(next.Add(block)) - block
				if lo >= n || ctx.Err() != nil {
					return
				}
				for i := lo; i < min(n, lo+block); i++ {
					docs[i] = s.Article(i)
				}
			}
		})
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return docs, nil
}

// Article returns synthetic article i.
func (s *ScaleSynth) Article(i int) ScaleDoc {
	rng := rand.New(rand.NewPCG(s.seed, uint64(i)))
	if i > 0 {
		switch r := rng.Float64(); {
		case r < s.exact:
			return s.copyOf(rng, i, false)
		case r < s.exact+s.near:
			return s.copyOf(rng, i, true)
		}
	}
	return s.original(rng, i)
}

// original builds article i from the corpus.
func (s *ScaleSynth) original(rng *rand.Rand, i int) ScaleDoc {
	a := &s.sources[rng.IntN(len(s.sources))]
	picks := []*scaleSource{a}
	if same := s.byCat[a.cat]; len(same) > 1 && rng.IntN(2) == 0 {
		picks = append(picks, &s.sources[same[rng.IntN(len(same))]])
	}
	want := 5 + rng.IntN(8)
	names := map[string]string{}
	vocab := s.vocab[a.cat]
	var b strings.Builder
	b.Grow(want * 180)
	for k, src := range picks {
		m := want / len(picks)
		if k == 0 {
			m += want % len(picks)
		}
		for _, j := range pickSorted(rng, len(src.sents), m) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			for _, seg := range src.sents[j] {
				b.WriteString(seg.text)
				switch seg.slot {
				case slotName:
					nm, ok := names[seg.key]
					if !ok {
						nm = s.names[rng.IntN(len(s.names))]
						names[seg.key] = nm
					}
					b.WriteString(nm)
				case slotNumber:
					b.WriteString(strconv.Itoa(rng.IntN(2000)))
				case slotWord:
					if len(vocab) > 0 && rng.IntN(scaleWordSwap) == 0 {
						b.WriteString(vocab[rng.IntN(len(vocab))])
					} else {
						b.WriteString(seg.key)
					}
				}
			}
		}
	}
	return ScaleDoc{
		ID:        "s" + strconv.Itoa(i),
		Title:     a.title,
		Text:      b.String(),
		Published: s.epoch.Add(time.Duration(rng.Int64N(int64(s.span)))).Truncate(time.Minute),
		Category:  s.cats[a.cat],
	}
}

// copyOf builds article i as a copy of an earlier article (among the
// 10,000 before it): exact, or near (truncated, inside a chrome, lead
// rewritten), published up to two days after it.
func (s *ScaleSynth) copyOf(rng *rand.Rand, i int, near bool) ScaleDoc {
	j := i - 1 - rng.IntN(min(i, 10000))
	src := s.Article(j)
	for src.CopyOf != "" { // copy the original, not a copy
		k, _ := strconv.Atoi(src.CopyOf[1:])
		src = s.Article(k)
	}
	d := src
	d.ID = "s" + strconv.Itoa(i)
	d.CopyOf = src.ID
	d.Published = src.Published.Add(time.Duration(rng.Int64N(int64(48 * time.Hour)))).Truncate(time.Minute)
	if near {
		switch rng.IntN(3) {
		case 0:
			d.Text = dedupTruncate(rng, d.Text)
		case 1:
			d.Text = dedupWithChrome(rng, s.titles, d.Text)
		default:
			d.Text = dedupRewriteLead(rng, d.Text)
		}
	}
	return d
}

// pickSorted returns m distinct indices of [0, n) in increasing order
// (all of them when m >= n).
func pickSorted(rng *rand.Rand, n, m int) []int {
	if m >= n {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	// Selection sampling (Knuth's algorithm S): in order, no sort.
	out := make([]int, 0, m)
	for i := 0; i < n && len(out) < m; i++ {
		if rng.IntN(n-i) < m-len(out) {
			out = append(out, i)
		}
	}
	return out
}
