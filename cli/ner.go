package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
)

func init() {
	register(command{
		name:    "ner",
		args:    "< docs.jsonl",
		summary: `find and link the named entities of texts: reads {"id","text"[,"date"]} lines on stdin`,
		run:     runNER,
	})
}

// nerInput is one line of `veille ner`'s input.
type nerInput struct {
	ID   string `json:"id"`
	Text string `json:"text"`
	// Date is the text's date (ISO 8601 at any precision), used to tell
	// who held an office then; optional.
	Date string `json:"date"`
}

// nerOutput is one line of `veille ner`'s output.
type nerOutput struct {
	ID       string           `json:"id"`
	Entities []veille.Mention `json:"entities"`
}

// newRecognizer builds the recognizer over the embedded base and model.
func newRecognizer() (*entity.Recognizer, error) {
	m, err := tagger.Default()
	if err != nil {
		return nil, fmt.Errorf("load NER model: %w", err)
	}
	return entity.New(kb.Default(), m), nil
}

func runNER(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	format := formatFlag(fs, "jsonl")
	maxLine := fs.Int("max-size", 16<<20, "longest input line accepted, in bytes")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	r, err := newRecognizer()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, o nerOutput) error {
		fmt.Fprintf(w, "# %s\n", o.ID)
		for _, m := range o.Entities {
			fmt.Fprintf(w, "%d\t%d\t%s\t%s\t%s\t%s\n", m.Start, m.End, m.Type, m.Text, m.Entity, m.Label)
		}
		return nil
	})
	bad, err := eachJSONLine(ctx, env, c, *maxLine, `"id" and "text"`, func(n int, doc nerInput) error {
		at, derr := veille.ParseDate(doc.Date)
		if derr != nil {
			errorf(env, c.name, "line %d: ignoring date: %v", n, derr)
		}
		ms := r.Recognize(doc.Text, at)
		if ms == nil {
			ms = []veille.Mention{}
		}
		return out.Write(nerOutput{ID: doc.ID, Entities: ms})
	})
	return linesDone(env, c, bad, err, out.Close)
}
