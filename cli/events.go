package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/event"
	"github.com/veille-news/veille/timex"
)

func init() {
	register(command{
		name:    "events",
		args:    "< docs.jsonl",
		summary: `read the events texts state (PLOVER types, actors, place, date): reads {"id","text"[,"date"]} lines on stdin`,
		run:     runEvents,
	})
}

// eventsOutput is one line of `veille events`'s output.
type eventsOutput struct {
	ID     string         `json:"id"`
	Events []veille.Event `json:"events"`
}

func actorLabel(a *veille.Actor) string {
	if a == nil {
		return "-"
	}
	return a.Label
}

func runEvents(ctx context.Context, env *Env, c command, args []string) int {
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
	x := event.New(kb.Default())
	out := newLister(env.Stdout, *format, func(w io.Writer, o eventsOutput) error {
		for _, e := range o.Events {
			when := e.When
			if when == "" {
				when = "-"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", o.ID, when, e.Type, actorLabel(e.Source), actorLabel(e.Target), actorLabel(e.Location), e.Confidence, e.Trigger)
		}
		return nil
	})
	bad, err := eachJSONLine(ctx, env, c, *maxLine, `"id" and "text"`, func(n int, doc timexInput) error {
		at, err := doc.anchor()
		if err != nil {
			return badLine{err}
		}
		evs := x.Extract(doc.Text, r.Recognize(doc.Text, at), timex.Find(doc.Text, at), at)
		if evs == nil {
			evs = []veille.Event{}
		}
		return out.Write(eventsOutput{ID: doc.ID, Events: evs})
	})
	return linesDone(env, c, bad, err, out.Close)
}
