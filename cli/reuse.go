package cli

import (
	"context"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/reuse"
	"github.com/veille-news/veille/store"
)

func init() {
	register(command{
		name:    "reuse",
		args:    "",
		summary: "find the stored articles that share passages: aligned spans, kind (verbatim, rewrite, wire) and who copied whom",
		run:     runReuse,
	})
}

// reuseArticle is one side of a reuse pair as `veille reuse` prints it.
type reuseArticle struct {
	ID        string      `json:"id"`
	Site      string      `json:"site"`
	Title     string      `json:"title"`
	Published veille.Date `json:"published"`
}

// reusePassage is a shared passage with the text of each side's start.
type reusePassage struct {
	reuse.Passage
	AExcerpt string `json:"a_excerpt"`
	BExcerpt string `json:"b_excerpt"`
}

// reuseOutput is one pair as `veille reuse` prints it.
type reuseOutput struct {
	A reuseArticle `json:"a"`
	B reuseArticle `json:"b"`
	// Source and Copy are the ids of the source and of the copy when the
	// direction is known.
	Source          string          `json:"source,omitempty"`
	Copy            string          `json:"copy,omitempty"`
	Kind            reuse.Kind      `json:"kind"`
	Agency          string          `json:"agency,omitempty"`
	Direction       reuse.Direction `json:"direction"`
	DirectionReason string          `json:"direction_reason"`
	CoverageA       float64         `json:"coverage_a"`
	CoverageB       float64         `json:"coverage_b"`
	Identity        float64         `json:"identity"`
	Edits           int             `json:"edits"`
	Reordered       int             `json:"reordered"`
	Duplicate       bool            `json:"duplicate,omitempty"`
	Passages        []reusePassage  `json:"passages"`
}

func runReuse(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	dates := articleDateFlags(fs)
	minWords := fs.Int("min-words", 0, "equal words a passage needs (default 15)")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	var q store.Query
	if err := dates.apply(&q); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitUsage
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	var docs []reuse.Doc
	byID := map[string]reuse.Doc{}
	for a, err := range s.Articles(ctx, q) {
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		d := reuse.Doc{ID: a.ID, Site: a.Site, Title: a.Title, Text: a.Text, Published: a.Published}
		docs = append(docs, d)
		byID[d.ID] = d
	}
	pairs, err := reuse.Find(ctx, docs, reuse.Options{MinWords: *minWords})
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	out := newLister(env.Stdout, *format, writeReuseText)
	for _, p := range pairs {
		if err := out.Write(reuseRecord(p, byID[p.A], byID[p.B])); err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
	}
	if err := out.Close(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

// reuseRecord is the printed form of pair p between documents a and b.
func reuseRecord(p reuse.Pair, a, b reuse.Doc) reuseOutput {
	o := reuseOutput{
		A:    reuseArticle{ID: a.ID, Site: a.Site, Title: a.Title, Published: a.Published},
		B:    reuseArticle{ID: b.ID, Site: b.Site, Title: b.Title, Published: b.Published},
		Kind: p.Kind, Agency: p.Agency, Direction: p.Direction, DirectionReason: p.DirectionReason,
		CoverageA: p.CoverageA, CoverageB: p.CoverageB, Identity: p.Identity, Edits: p.Edits,
		Reordered: p.Reordered, Duplicate: p.Duplicate, Passages: []reusePassage{},
	}
	o.Source, o.Copy, _ = p.Source()
	for _, x := range p.Passages {
		o.Passages = append(o.Passages, reusePassage{
			Passage:  x,
			AExcerpt: excerpt(a.Text[x.AStart:x.AEnd], 80),
			BExcerpt: excerpt(b.Text[x.BStart:x.BEnd], 80),
		})
	}
	return o
}

// excerpt returns the first bytes of s, at most n and cut at a word,
// on one line, with "…" when cut.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > n/2 {
		cut = sp
	}
	return s[:cut] + "…"
}

// writeReuseText writes a pair for reading: who copied whom (or why it is
// not known), the kind and coverage, then each passage with its byte
// offsets in both texts, in the order the first line names them, and the
// start of its text.
func writeReuseText(w io.Writer, o reuseOutput) error {
	side := func(a reuseArticle) string {
		return fmt.Sprintf("%.12s (%s, %s)", a.ID, orDash(a.Published.String()), orDash(a.Site))
	}
	var b strings.Builder
	kind := string(o.Kind)
	if o.Agency != "" {
		kind += " " + o.Agency
	}
	if o.Duplicate {
		kind += " duplicate"
	}
	first, second, cov1, cov2 := o.A, o.B, o.CoverageA, o.CoverageB
	flip := o.Direction == reuse.SourceB
	if flip {
		first, second, cov1, cov2 = o.B, o.A, o.CoverageB, o.CoverageA
	}
	switch o.Direction {
	case reuse.SourceA, reuse.SourceB:
		fmt.Fprintf(&b, "%s  %s → %s", kind, side(first), side(second))
	default:
		fmt.Fprintf(&b, "%s  %s ↔ %s  direction %s: %s", kind, side(first), side(second), o.Direction, o.DirectionReason)
	}
	fmt.Fprintf(&b, "  coverage %.2f/%.2f identity %.3f\n", cov1, cov2, o.Identity)
	for _, x := range o.Passages {
		s1, e1, s2, e2, text := x.AStart, x.AEnd, x.BStart, x.BEnd, x.AExcerpt
		if flip {
			s1, e1, s2, e2, text = x.BStart, x.BEnd, x.AStart, x.AEnd, x.BExcerpt
		}
		fmt.Fprintf(&b, "  [%d:%d] [%d:%d] %d words  %s\n", s1, e1, s2, e2, x.Matches, text)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
