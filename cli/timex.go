package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/timex"
)

func init() {
	register(command{
		name:    "timex",
		args:    "< docs.jsonl",
		summary: `find and normalise the temporal expressions of texts: reads {"id","text"[,"anchor"]} lines on stdin`,
		run:     runTimex,
	})
}

// timexFind is the temporal tagger `veille timex` and `veille bench timex`
// run; tests replace it.
var timexFind = timex.Find

// timexInput is one line of `veille timex`'s input.
type timexInput struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Anchor is the date relative expressions are resolved against
	// ("hier", "mardi"), usually the text's publication date: ISO 8601 at
	// any precision; optional.
	Anchor string `json:"anchor"`
	// Date is a synonym of Anchor, as in `veille ner`'s input; Anchor
	// wins when both are given.
	Date string `json:"date"`
}

// anchor returns the line's anchor date, the zero Date when it gives none.
func (in timexInput) anchor() (veille.Date, error) {
	s, field := in.Anchor, "anchor"
	if s == "" {
		s, field = in.Date, "date"
	}
	d, err := veille.ParseDate(s)
	if err != nil {
		return veille.Date{}, fmt.Errorf("%q: %w", field, err)
	}
	return d, nil
}

// timexOutput is one line of `veille timex`'s output.
type timexOutput struct {
	ID      string         `json:"id"`
	Timexes []veille.Timex `json:"timexes"`
}

func runTimex(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	format := formatFlag(fs, "jsonl")
	maxLine := fs.Int("max-size", 16<<20, "longest input line accepted, in bytes")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, o timexOutput) error {
		for _, x := range o.Timexes {
			mod := x.Mod
			if mod == "" {
				mod = "-"
			}
			fmt.Fprintf(w, "%s\t%d\t%d\t%s\t%s\t%s\t%s\n", o.ID, x.Start, x.End, x.Type, x.Value, mod, x.Text)
		}
		return nil
	})
	bad, err := eachJSONLine(ctx, env, c, *maxLine, `"id" and "text"`, func(n int, doc timexInput) error {
		at, err := doc.anchor()
		if err != nil {
			return badLine{err}
		}
		xs := timexFind(doc.Text, at)
		if xs == nil {
			xs = []veille.Timex{}
		}
		return out.Write(timexOutput{ID: doc.ID, Timexes: xs})
	})
	return linesDone(env, c, bad, err, out.Close)
}
