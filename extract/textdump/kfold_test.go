package textdump_test

import (
	"os"
	"testing"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/extract/textdump"
)

// TestScrapinghubKFold estimates what the hand-set parameters are worth on
// pages they were not chosen on: for each of 5 folds, the region-search
// parameters are re-selected from a small grid on the other 4 folds and the
// selection is scored on the held-out fold. The held-out F1 pools the 5
// held-out folds. (The rules themselves were designed looking at the whole
// set; this measures the parameter choice, not the rule design.)
//
// It takes about 20 seconds: run it with TEXTDUMP_KFOLD=1.
func TestScrapinghubKFold(t *testing.T) {
	if os.Getenv("TEXTDUMP_KFOLD") == "" {
		t.Skip("set TEXTDUMP_KFOLD=1 to run the 5-fold parameter check")
	}
	pages := scrapinghub(t)
	const folds = 5
	var grid []textdump.Params
	def := textdump.DefaultParams()
	for _, sc := range []float64{1, 1.5, 2.5} {
		for _, rc := range []float64{15, 25, 40} {
			for _, gc := range []float64{8, 12, 20} {
				for _, co := range []float64{0.05, 0.1, 0.2} {
					grid = append(grid, def.WithSearch(sc, rc, gc, co))
				}
			}
		}
	}
	// preds[c][i] is config c's prediction for page i.
	preds := make([][]string, len(grid))
	for c, p := range grid {
		preds[c] = make([]string, len(pages))
		for i, pg := range pages {
			preds[c][i] = textdump.ExtractWith(pg.text, nil, p).Text
		}
	}
	f1 := func(c, fold int, heldOut bool) float64 {
		var agg bench.Aggregator
		for i, pg := range pages {
			if (i%folds == fold) == heldOut {
				agg.Add(preds[c][i], pg.truth)
			}
		}
		return agg.Result().F1
	}
	var held bench.Aggregator
	for fold := 0; fold < folds; fold++ {
		best, bestF := 0, -1.0
		for c := range grid {
			if f := f1(c, fold, false); f > bestF {
				best, bestF = c, f
			}
		}
		for i, pg := range pages {
			if i%folds == fold {
				held.Add(preds[best][i], pg.truth)
			}
		}
		t.Logf("fold %d: chose %v (train F1 %.3f), held-out F1 %.3f", fold, grid[best].Search(), bestF, f1(best, fold, true))
	}
	r := held.Result()
	t.Logf("5-fold held-out: precision %.3f recall %.3f F1 %.3f", r.Precision, r.Recall, r.F1)
	var all bench.Aggregator
	for _, pg := range pages {
		all.Add(textdump.Extract(pg.text, nil).Text, pg.truth)
	}
	t.Logf("defaults, all pages (in-sample): F1 %.3f", all.Result().F1)
	if r.F1 < scrapinghubFloor-0.02 {
		t.Errorf("held-out F1 %.3f far below the in-sample floor %.3f", r.F1, scrapinghubFloor)
	}
}
