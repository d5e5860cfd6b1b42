package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/event"
	"github.com/veille-news/veille/store"
	"github.com/veille-news/veille/timex"
)

func init() {
	register(command{
		name:    "events",
		args:    "[-]",
		summary: `list the events of the stored articles (--entity, --with, --since, --until); with "-", read the events of {"id","text"[,"date"]} lines on stdin instead`,
		run:     runEvents,
	})
	register(command{
		name:    "timeline",
		args:    "",
		summary: "an entity's events in date order, each once with all the articles that report it (--entity, --with, --since, --until)",
		run:     runTimeline,
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

// eventFilter is the store query flags of `events` and `timeline`.
type eventFilter struct {
	entity, with, since, until *string
}

func eventFlags(fs *flag.FlagSet) eventFilter {
	return eventFilter{
		entity: fs.String("entity", "", "only events whose source or target is this entity (a name the knowledge base knows, or an entity id)"),
		with:   fs.String("with", "", "only events whose other party is this entity"),
		since:  fs.String("since", "", "only events dated in or after this ISO date (any precision)"),
		until:  fs.String("until", "", "only events dated in or before this ISO date"),
	}
}

// query turns the flags into a store query; a name is looked up in the
// knowledge base.
func (f eventFilter) query() (store.EventQuery, error) {
	var q store.EventQuery
	var err error
	if q.Entity, err = entityID(*f.entity); err != nil {
		return q, fmt.Errorf("--entity: %w", err)
	}
	if q.With, err = entityID(*f.with); err != nil {
		return q, fmt.Errorf("--with: %w", err)
	}
	if q.Since, err = veille.ParseDate(*f.since); err != nil {
		return q, fmt.Errorf("--since: %w", err)
	}
	if q.Until, err = veille.ParseDate(*f.until); err != nil {
		return q, fmt.Errorf("--until: %w", err)
	}
	return q, nil
}

// entityID resolves a name or an id to an entity id: an id of the base
// or a slug as given, else the base's entry for the name.
func entityID(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if _, ok := kb.Default().Get(s); ok || strings.Contains(s, ":") {
		return s, nil
	}
	es := kb.Default().Lookup(s)
	if len(es) == 0 {
		return "", fmt.Errorf("%q: no such entity in the knowledge base (give its id, as `veille entities` lists them)", s)
	}
	return es[0].ID, nil
}

// eventRow is one line of `veille events`: an event as one article
// reports it.
type eventRow struct {
	veille.Event
	Article   string      `json:"article"`
	Site      string      `json:"site,omitempty"`
	Title     string      `json:"title,omitempty"`
	Published veille.Date `json:"published"`
}

func runEvents(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	maxLine := fs.Int("max-size", 16<<20, `with "-": longest input line accepted, in bytes`)
	filter := eventFlags(fs)
	pos, code := parseArgs(env, c, fs, args, format, 0, 1)
	if code >= 0 {
		return code
	}
	if len(pos) == 1 {
		if pos[0] != "-" {
			errorf(env, c.name, "unexpected argument %q (\"-\" reads texts on stdin)", pos[0])
			return ExitUsage
		}
		return eventsOfLines(ctx, env, c, *format, *maxLine)
	}
	s, q, code := openEvents(ctx, env, c, *db, filter)
	if code >= 0 {
		return code
	}
	defer s.Close()
	out := newLister(env.Stdout, *format, func(w io.Writer, r eventRow) error {
		when := r.When
		if when == "" {
			when = "-"
		}
		_, err := fmt.Fprintf(w, "%-10s  %-10s  %s → %s  @%s  [%s %s]  %s\n", when, r.Type, actorLabel(r.Source), actorLabel(r.Target),
			actorLabel(r.Location), r.Site, r.Published, short(r.Article))
		return err
	})
	return writeAll(env, c, out, s.Events(ctx, q), func(r store.EventReport) eventRow {
		return eventRow{Event: r.Event, Article: r.ArticleID, Site: r.Site, Title: r.Title, Published: r.Published}
	})
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// eventsOfLines reads the events of JSON lines on stdin (`veille events -`).
func eventsOfLines(ctx context.Context, env *Env, c command, format string, maxLine int) int {
	r, err := newRecognizer()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	x := event.New(kb.Default())
	out := newLister(env.Stdout, format, func(w io.Writer, o eventsOutput) error {
		for _, e := range o.Events {
			when := e.When
			if when == "" {
				when = "-"
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s\n", o.ID, when, e.Type, actorLabel(e.Source), actorLabel(e.Target), actorLabel(e.Location), e.Confidence, e.Trigger)
		}
		return nil
	})
	bad, err := eachJSONLine(ctx, env, c, maxLine, `"id" and "text"`, func(n int, doc timexInput) error {
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

func runTimeline(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	filter := eventFlags(fs)
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	if *filter.entity == "" {
		errorf(env, c.name, "--entity is required")
		return ExitUsage
	}
	s, q, code := openEvents(ctx, env, c, *db, filter)
	if code >= 0 {
		return code
	}
	defer s.Close()
	var reports []event.Report
	for r, err := range s.Events(ctx, q) {
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		reports = append(reports, event.Report{Event: r.Event, ArticleID: r.ArticleID, Site: r.Site, Title: r.Title, URL: r.URL,
			Published: r.Published, Entities: r.Entities})
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, m event.Merged) error {
		when := m.When
		if when == "" {
			when = "(undated)"
		}
		bg := ""
		if m.Background {
			bg = "  [background]"
		}
		fmt.Fprintf(w, "%-10s  %-10s  %s → %s  @%s%s\n", when, m.Type, actorLabel(m.Source), actorLabel(m.Target), actorLabel(m.Location), bg)
		for _, cl := range m.Claims {
			fmt.Fprintf(w, "            claim %s by %d article(s)\n", cl.When, len(cl.Articles))
		}
		for _, f := range m.Figures {
			approx := ""
			if f.Approx {
				approx = "~"
			}
			fmt.Fprintf(w, "            %s %s%g by %d article(s)\n", f.Kind, approx, f.Value, len(f.Articles))
		}
		for _, r := range m.Reports {
			fmt.Fprintf(w, "            - %s  %s  %q  %s\n", r.Published, r.Site, r.Title, short(r.ArticleID))
		}
		return nil
	})
	merged := event.Merge(reports)
	return writeAll(env, c, out, func(yield func(event.Merged, error) bool) {
		for _, m := range merged {
			if !yield(m, nil) {
				return
			}
		}
	}, same[event.Merged])
}

// openEvents checks the query flags of `events` and `timeline` and opens
// the store; code is -1 to go on, else the exit status (reported).
func openEvents(ctx context.Context, env *Env, c command, db string, f eventFilter) (store.Store, store.EventQuery, int) {
	q, err := f.query()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return nil, q, ExitUsage
	}
	s := openStore(ctx, env, c, db)
	if s == nil {
		return nil, q, ExitFailed
	}
	return s, q, -1
}
