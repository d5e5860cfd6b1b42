package textdump

import (
	"fmt"
	"strings"
)

// DebugBlocks renders the blocks of a dump with their class, kind, counts
// and whether they were kept; inBody marks blocks the caller knows to be
// body (nil for none). For the debugging test only.
func DebugBlocks(text string, t *Template, inBody func(string) bool) string {
	_, blocks, keep := analyze(text, t, &defaultParams, newScratch())
	kept := make(map[int]bool, len(keep))
	for _, k := range keep {
		kept[k] = true
	}
	var sb strings.Builder
	for i, b := range blocks {
		mark, in := " ", " "
		if kept[i] {
			mark = "K"
		}
		if inBody != nil && inBody(b.info.Text) {
			in = "G"
		}
		fmt.Fprintf(&sb, "%4d %s%s %-5s %-12s w%-3d s%.2f %6.1f | %.110s\n", b.first, mark, in,
			[]string{"bad", "short", "near", "good"}[b.class], b.info.Kind, b.info.Words, b.info.StopRatio(), b.score, b.info.Text)
	}
	return sb.String()
}

// Params are the tuned numbers of the extractor, for the k-fold test.
type Params = params

// DefaultParams returns the extractor's parameters.
func DefaultParams() Params { return defaultParams }

// WithSearch returns p with the main region-search parameters replaced.
func (p Params) WithSearch(shortCost, relatedCost, gapCost, cohesion float64) Params {
	p.shortCost, p.relatedCost, p.gapCost, p.cohesion = shortCost, relatedCost, gapCost, cohesion
	return p
}

// Search returns the main region-search parameters.
func (p Params) Search() [4]float64 {
	return [4]float64{p.shortCost, p.relatedCost, p.gapCost, p.cohesion}
}

// ExtractWith extracts with parameters p.
func ExtractWith(text string, t *Template, p Params) Result { return extract(text, t, &p) }
