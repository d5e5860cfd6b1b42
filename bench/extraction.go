package bench

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"
	"time"
)

// Inputs a System can read.
const (
	InputHTML = "html" // the gunzipped bytes of dir/html/<id>.html.gz
	InputText = "text" // the bytes of dir/text/<id>.txt
)

// System is one extractor under test: it maps a page's raw bytes to body
// text.
type System struct {
	// Name labels the system in reports.
	Name string
	// Input is InputHTML or InputText.
	Input string
	// Body extracts the article body from the raw input bytes.
	Body func(ctx context.Context, raw []byte) (string, error)
}

// DocResult is one system's score on one page.
type DocResult struct {
	ID        string  `json:"id"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	Error     string  `json:"error,omitempty"`
}

// SystemResult is one system's aggregate over the benchmark.
type SystemResult struct {
	Name      string  `json:"name"`
	Input     string  `json:"input"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	// Docs is the number of pages scored, failures included.
	Docs int `json:"docs"`
	// Failures counts pages whose input could not be read or whose Body
	// call returned an error; they score as an empty prediction.
	Failures int `json:"failures"`
	// Seconds is the total time spent inside Body calls.
	Seconds float64 `json:"seconds"`
	// PagesPerSecond is Docs / Seconds.
	PagesPerSecond float64 `json:"pages_per_second"`
	// PerDoc holds the page scores, sorted by page id.
	PerDoc []DocResult `json:"per_doc,omitempty"`
}

// ExtractionReport is the outcome of RunExtraction.
type ExtractionReport struct {
	// Dir is the benchmark directory.
	Dir string `json:"dir"`
	// Docs is the number of pages in the ground truth.
	Docs    int            `json:"docs"`
	Systems []SystemResult `json:"systems"`
}

// System returns the result of the named system, if it ran.
func (r ExtractionReport) System(name string) (SystemResult, bool) {
	for _, s := range r.Systems {
		if s.Name == name {
			return s, true
		}
	}
	return SystemResult{}, false
}

// WriteTable writes the report as an aligned text table, one row per
// system.
func (r ExtractionReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "system\tinput\tprecision\trecall\tF1\tdocs\tfailures\tseconds\tpages/s\t\n")
	for _, s := range r.Systems {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.2f\t%.1f\t\n",
			s.Name, s.Input, s.Precision, s.Recall, s.F1, s.Docs, s.Failures, s.Seconds, s.PagesPerSecond)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("bench: write table: %w", err)
	}
	return nil
}

// truthEntry is one record of ground-truth.json.
type truthEntry struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// LoadGroundTruth reads dir/ground-truth.json: page id to article body.
func LoadGroundTruth(dir string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, fmt.Errorf("bench: ground truth: %w", err)
	}
	var raw map[string]truthEntry
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("bench: ground truth: %w", err)
	}
	truth := make(map[string]string, len(raw))
	for id, e := range raw {
		truth[id] = e.ArticleBody
	}
	return truth, nil
}

// ReadInput returns the raw bytes a system with the given input kind reads
// for page id: the gunzipped HTML or the text dump.
func ReadInput(dir, input, id string) ([]byte, error) {
	switch input {
	case InputHTML:
		gz, err := os.ReadFile(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return nil, fmt.Errorf("bench: read html: %w", err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			return nil, fmt.Errorf("bench: gunzip %s: %w", id, err)
		}
		defer zr.Close()
		b, err := io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("bench: gunzip %s: %w", id, err)
		}
		return b, nil
	case InputText:
		b, err := os.ReadFile(filepath.Join(dir, "text", id+".txt"))
		if err != nil {
			return nil, fmt.Errorf("bench: read text: %w", err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("bench: unknown input kind %q", input)
}

// RunExtraction scores each system on the scrapinghub set at dir:
// dir/html/<id>.html.gz, gunzipped, feeds html systems; dir/text/<id>.txt
// feeds text systems; dir/ground-truth.json holds the truth. Only the Body
// calls are timed. A page that cannot be read, or whose Body call fails,
// counts as a failure and scores as an empty prediction. RunExtraction stops
// early with the context's error when ctx is done.
func RunExtraction(ctx context.Context, dir string, systems []System) (ExtractionReport, error) {
	return RunExtractionWith(ctx, dir, systems, ExtractionOptions{})
}

// ExtractionOptions tunes RunExtractionWith.
type ExtractionOptions struct {
	// Runs is how many times each system goes over the pages (at least
	// one). Scores come from the first run; the time reported is that of
	// the fastest run, which is the least disturbed by other work on the
	// machine.
	Runs int
}

// RunExtractionWith is RunExtraction with options.
func RunExtractionWith(ctx context.Context, dir string, systems []System, opts ExtractionOptions) (ExtractionReport, error) {
	truth, err := LoadGroundTruth(dir)
	if err != nil {
		return ExtractionReport{}, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	rep := ExtractionReport{Dir: dir, Docs: len(ids)}
	for _, sys := range systems {
		if sys.Body == nil {
			return rep, fmt.Errorf("bench: system %q has no Body", sys.Name)
		}
		if sys.Input != InputHTML && sys.Input != InputText {
			return rep, fmt.Errorf("bench: system %q: unknown input kind %q", sys.Name, sys.Input)
		}
		res := SystemResult{Name: sys.Name, Input: sys.Input, PerDoc: make([]DocResult, 0, len(ids))}
		var agg Aggregator
		var spent time.Duration
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return rep, fmt.Errorf("bench: %s: %w", sys.Name, err)
			}
			dr := DocResult{ID: id}
			var pred string
			raw, err := ReadInput(dir, sys.Input, id)
			if err == nil {
				start := time.Now()
				pred, err = sys.Body(ctx, raw)
				spent += time.Since(start)
			}
			if err != nil {
				if ctx.Err() != nil {
					return rep, fmt.Errorf("bench: %s: %w", sys.Name, ctx.Err())
				}
				res.Failures++
				dr.Error = err.Error()
				pred = ""
			}
			s := agg.Add(pred, truth[id])
			if s.TP+s.FP > 0 {
				dr.Precision = s.TP / (s.TP + s.FP)
			}
			if s.TP+s.FN > 0 {
				dr.Recall = s.TP / (s.TP + s.FN)
			}
			res.PerDoc = append(res.PerDoc, dr)
		}
		for run := 1; run < opts.Runs; run++ {
			again, err := timeRun(ctx, dir, sys, ids)
			if err != nil {
				return rep, err
			}
			spent = min(spent, again)
		}
		r := agg.Result()
		res.Precision, res.Recall, res.F1, res.Docs = r.Precision, r.Recall, r.F1, r.Docs
		res.Seconds = spent.Seconds()
		if res.Seconds > 0 {
			res.PagesPerSecond = float64(res.Docs) / res.Seconds
		}
		rep.Systems = append(rep.Systems, res)
	}
	return rep, nil
}

// timeRun times one more pass of sys over the pages, Body calls only.
func timeRun(ctx context.Context, dir string, sys System, ids []string) (time.Duration, error) {
	var spent time.Duration
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return 0, fmt.Errorf("bench: %s: %w", sys.Name, err)
		}
		raw, err := ReadInput(dir, sys.Input, id)
		if err != nil {
			continue
		}
		start := time.Now()
		sys.Body(ctx, raw)
		spent += time.Since(start)
	}
	return spent, nil
}
