package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/event"
	"github.com/veille-news/veille/reuse"
	"github.com/veille-news/veille/store"
	"github.com/veille-news/veille/story"
)

func init() {
	register(command{
		name:    "stories",
		args:    "",
		summary: "the stories of the stored articles (the same event or development told by several articles), the most recent first; articles not yet placed join a story or open one (--since, --until, --min-articles, --rebuild)",
		run:     runStories,
	})
	register(command{
		name:    "story",
		args:    "ID",
		summary: "one story (its id, a prefix, or the id of one of its articles): its articles, the timeline of its events and who copied whom",
		run:     runStory,
	})
}

// storyItems reads the stored articles matching q as story items.
func storyItems(ctx context.Context, s store.Store, q store.Query) iter.Seq2[story.Item, error] {
	return func(yield func(story.Item, error) bool) {
		for a, err := range s.Articles(ctx, q) {
			if err != nil {
				yield(story.Item{}, err)
				return
			}
			if !yield(itemOf(a), nil) {
				return
			}
		}
	}
}

// itemOf is an article as story clustering sees it.
func itemOf(a veille.Article) story.Item {
	it := story.Item{ID: a.ID, Site: a.Site, Title: a.Title, Text: a.Text, Published: a.Published, Events: a.Events}
	for _, m := range a.Entities {
		it.Entities = append(it.Entities, m.Entity)
		if m.Label != "" {
			if it.Labels == nil {
				it.Labels = map[string]string{}
			}
			it.Labels[m.Entity] = m.Label
		}
	}
	return it
}

// updateStories brings the store's stories up to date and returns them
// with the number of articles newly placed: the articles placed before
// (store.Placements) go back to their stories untouched, the others are
// clustered (story.Update) and their placements recorded, so that a
// story keeps its id and its articles as the store grows. rebuild
// forgets the recorded placements first and clusters everything anew.
func updateStories(ctx context.Context, s store.Store, rebuild bool) (*story.Clusterer, int, error) {
	var opt story.Options
	version := opt.Version()
	if rebuild {
		if err := s.ResetPlacements(ctx); err != nil {
			return nil, 0, err
		}
	}
	var prior []veille.Placement
	for p, err := range s.Placements(ctx, version) {
		if err != nil {
			return nil, 0, err
		}
		prior = append(prior, p)
	}
	cl, added, err := story.Update(ctx, storyItems(ctx, s, store.Query{}), prior, opt)
	if err != nil {
		return nil, 0, err
	}
	if len(added) > 0 {
		if err := s.PutPlacements(ctx, version, added); err != nil {
			return nil, 0, err
		}
	}
	return cl, len(added), nil
}

// buildStories brings the stories of the store up to date (updateStories)
// and returns those with an article published within q's dates, all of
// their articles included; code is -1 on success, else the exit status
// (reported).
func buildStories(ctx context.Context, env *Env, c command, db string, q store.Query, rebuild bool) (store.Store, []story.Story, int) {
	s := openStore(ctx, env, c, db)
	if s == nil {
		return nil, nil, ExitFailed
	}
	cl, _, err := updateStories(ctx, s, rebuild)
	if err != nil {
		s.Close()
		errorf(env, c.name, "%v", err)
		return nil, nil, ExitFailed
	}
	all := cl.Stories()
	stories := all[:0]
	for _, st := range all {
		if slices.ContainsFunc(st.Articles, func(m story.Member) bool { return q.InDates(m.Published) }) {
			stories = append(stories, st)
		}
	}
	return s, stories, -1
}

// span prints a story's dates to the day.
func span(s story.Story) string {
	day := func(d veille.Date) string {
		v := d.String()
		return v[:min(len(v), 10)]
	}
	a, b := day(s.Start), day(s.End)
	switch {
	case a == "":
		return "(undated)"
	case a == b:
		return a
	}
	return a + "…" + b
}

func runStories(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	dates := articleDateFlags(fs)
	minArticles := fs.Int("min-articles", 1, "only stories of at least this many articles")
	rebuild := fs.Bool("rebuild", false, "forget where articles were placed and cluster them all anew (story ids may change)")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	var q store.Query
	if err := dates.apply(&q); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitUsage
	}
	s, stories, code := buildStories(ctx, env, c, *db, q, *rebuild)
	if code >= 0 {
		return code
	}
	defer s.Close()
	out := newLister(env.Stdout, *format, func(w io.Writer, st story.Story) error {
		sites := map[string]bool{}
		for _, m := range st.Articles {
			if m.Site != "" {
				sites[m.Site] = true
			}
		}
		_, err := fmt.Fprintf(w, "%s  %-21s  %3d article(s), %d site(s)  %s\n", short(st.ID), span(st), len(st.Articles), len(sites), st.Label)
		return err
	})
	return writeAll(env, c, out, func(yield func(story.Story, error) bool) {
		for _, st := range stories {
			if len(st.Articles) < *minArticles {
				continue
			}
			if !yield(st, nil) {
				return
			}
		}
	}, same[story.Story])
}

// storyView is `veille story`'s output: the story, the timeline of the
// events its articles state, and the reuse between its articles.
type storyView struct {
	story.Story
	Timeline []event.Merged `json:"timeline"`
	// Reuse are the passages its articles share; Graph is the
	// propagation they draw between outlets.
	Reuse []reuse.Pair `json:"reuse"`
	Graph []copyEdge   `json:"graph"`
}

// copyEdge is one copy in a story's propagation graph: the outlet that
// published first to the one that reused it (or both, unordered, when
// the dates do not tell).
type copyEdge struct {
	From       string      `json:"from"`
	To         string      `json:"to"`
	Source     string      `json:"source"`
	Copy       string      `json:"copy"`
	SourceDate veille.Date `json:"source_date"`
	CopyDate   veille.Date `json:"copy_date"`
	Kind       reuse.Kind  `json:"kind"`
	// Directed is false when the dates do not tell who copied (Reason
	// says why) or both ran a wire.
	Directed bool   `json:"directed"`
	Reason   string `json:"reason"`
}

// graphOf draws the propagation graph of pairs between articles.
func graphOf(pairs []reuse.Pair, arts map[string]veille.Article) []copyEdge {
	site := func(id string) string {
		if s := arts[id].Site; s != "" {
			return s
		}
		return "(site unknown: " + short(id) + ")"
	}
	var out []copyEdge
	for _, p := range pairs {
		src, cp, ok := p.Source()
		if !ok {
			src, cp = p.A, p.B
		}
		out = append(out, copyEdge{From: site(src), To: site(cp), Source: src, Copy: cp,
			SourceDate: arts[src].Published, CopyDate: arts[cp].Published, Kind: p.Kind, Directed: ok, Reason: p.DirectionReason})
	}
	return out
}

func runStory(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	pos, code := parseArgs(env, c, fs, args, format, 1, 1)
	if code >= 0 {
		return code
	}
	if *format == "jsonl" {
		*format = "json" // one object: the same either way
	}
	s, stories, code := buildStories(ctx, env, c, *db, store.Query{}, false)
	if code >= 0 {
		return code
	}
	defer s.Close()
	st, ok := story.Find(stories, pos[0])
	if !ok {
		errorf(env, c.name, "%s: no such story (or the prefix names several)", pos[0])
		return ExitFailed
	}
	v := storyView{Story: st}
	var reports []event.Report
	var docs []reuse.Doc
	arts := map[string]veille.Article{}
	for _, m := range st.Articles {
		a, err := s.Article(ctx, m.ID)
		if err != nil {
			errorf(env, c.name, "%v", err)
			return ExitFailed
		}
		arts[a.ID] = a
		docs = append(docs, reuse.Doc{ID: a.ID, Site: a.Site, Title: a.Title, Text: a.Text, Published: a.Published})
		for _, e := range a.Events {
			ents := make([]string, 0, len(a.Entities))
			for _, mm := range a.Entities {
				ents = append(ents, mm.Entity)
			}
			reports = append(reports, event.Report{Event: e, ArticleID: a.ID, Site: a.Site, Title: a.Title, URL: a.URL, Published: a.Published, Entities: ents})
		}
	}
	v.Timeline = event.Merge(reports)
	pairs, err := reuse.Find(ctx, docs, reuse.Options{})
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	v.Reuse, v.Graph = pairs, graphOf(pairs, arts)
	if *format == "json" {
		var b []byte
		if b, err = json.MarshalIndent(v, "", "  "); err == nil {
			_, err = fmt.Fprintf(env.Stdout, "%s\n", b)
		}
	} else {
		err = writeStoryText(env.Stdout, v)
	}
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

func writeStoryText(w io.Writer, v storyView) error {
	fmt.Fprintf(w, "story %s  %s\n%s\n", v.ID, span(v.Story), v.Label)
	if len(v.Continues) > 0 {
		fmt.Fprintf(w, "continues: %s\n", strings.Join(shorts(v.Continues), " "))
	}
	if len(v.ContinuedBy) > 0 {
		fmt.Fprintf(w, "continued by: %s\n", strings.Join(shorts(v.ContinuedBy), " "))
	}
	fmt.Fprintf(w, "\narticles (%d)\n", len(v.Articles))
	for _, m := range v.Articles {
		d := m.Published.String()
		if d == "" {
			d = "(undated)"
		}
		fmt.Fprintf(w, "  %-10s  %-20s  %s  %s\n", d, m.Site, short(m.ID), m.Title)
	}
	if len(v.Entities) > 0 {
		var es []string
		for i, e := range v.Entities {
			if i == 12 {
				break
			}
			name := e.Label
			if name == "" {
				name = e.Entity
			}
			es = append(es, fmt.Sprintf("%s (%d)", name, e.Articles))
		}
		fmt.Fprintf(w, "\nentities: %s\n", strings.Join(es, ", "))
	}
	if len(v.Timeline) > 0 {
		fmt.Fprintf(w, "\ntimeline\n")
		for _, m := range v.Timeline {
			when := m.When
			if when == "" {
				when = "(undated)"
			}
			fmt.Fprintf(w, "  %-10s  %-10s  %s → %s  (%d report(s))\n", when, m.Type, actorLabel(m.Source), actorLabel(m.Target), len(m.Reports))
		}
	}
	if len(v.Graph) > 0 {
		fmt.Fprintf(w, "\nreuse\n")
		for _, e := range v.Graph {
			arrow := "→"
			if !e.Directed {
				arrow = "–"
			}
			fmt.Fprintf(w, "  %s (%s) %s %s (%s)  %s  %s\n", e.From, e.SourceDate, arrow, e.To, e.CopyDate, e.Kind, e.Reason)
		}
	}
	return nil
}

func shorts(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = short(id)
	}
	return out
}

func init() {
	register(command{
		name:    "similar",
		args:    "ARTICLE_ID",
		summary: "the stored articles nearest one article (its id or a prefix), with their cosine (--limit)",
		run:     runSimilar,
	})
}

func runSimilar(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	limit := fs.Int("limit", 10, "at most this many articles (0: all)")
	pos, code := parseArgs(env, c, fs, args, format, 1, 1)
	if code >= 0 {
		return code
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	self, near, err := story.Nearest(ctx, storyItems(ctx, s, store.Query{}), pos[0], *limit)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if *format == "text" {
		fmt.Fprintf(env.Stdout, "nearest %s  %s\n", short(self.ID), self.Title)
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, n story.Member) error {
		d := n.Published.String()
		if d == "" {
			d = "(undated)"
		}
		_, err := fmt.Fprintf(w, "%.3f  %s  %-10s  %-20s  %s\n", n.Score, short(n.ID), d, n.Site, n.Title)
		return err
	})
	return writeAll(env, c, out, func(yield func(story.Member, error) bool) {
		for _, n := range near {
			if !yield(n, nil) {
				return
			}
		}
	}, same[story.Member])
}
