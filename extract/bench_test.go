package extract

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/ingest"
)

// BenchmarkExtractTextDumps extracts the shared benchmark's text dumps one
// by one, as `veille extract` does a single page: body, metadata, no
// language identification.
func BenchmarkExtractTextDumps(b *testing.B) {
	files, _ := filepath.Glob("../../shared/bench/extraction/scrapinghub/text/*.txt")
	if len(files) == 0 {
		b.Skip("../shared absent")
	}
	var docs []veille.Document
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d, _, err := ingest.FromBytes(f, raw, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	ex := New(Options{NoLanguage: true})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ex.Extract(context.Background(), docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}
