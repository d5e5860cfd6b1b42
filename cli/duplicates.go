package cli

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/dedup"
	"github.com/veille-news/veille/store"
)

func init() {
	register(command{
		name:    "duplicates",
		args:    "",
		summary: "group the stored articles that are the same article (exact copies, or near ones: other chrome, truncated, lead rewritten), the earliest first in each group (--since, --until)",
		run:     runDuplicates,
	})
}

// dupMember is an article of a duplicate group and how it matches the
// earlier article it is closest to.
type dupMember struct {
	ID        string      `json:"id"`
	Site      string      `json:"site"`
	Title     string      `json:"title"`
	URL       string      `json:"url,omitempty"`
	Published veille.Date `json:"published"`
	// Of is the earlier article of the group it duplicates most closely;
	// empty for the group's first article.
	Of          string  `json:"of,omitempty"`
	Exact       bool    `json:"exact,omitempty"`
	Jaccard     float64 `json:"jaccard,omitempty"`
	Containment float64 `json:"containment,omitempty"`
}

// dupGroup is a group of duplicate articles as `veille duplicates`
// prints it: the id of its earliest article and its articles in order of
// publication (undated last).
type dupGroup struct {
	ID       string      `json:"id"`
	Articles []dupMember `json:"articles"`
}

// findDuplicates groups the stored articles of q with a dedup.Detector,
// adding them in publication order, so that each group's first article is
// the earliest published.
func findDuplicates(ctx context.Context, s store.Store, q store.Query) ([]dupGroup, error) {
	det := dedup.New(dedup.Options{})
	type entry struct {
		m   dupMember
		sig dedup.Signature
	}
	var all []entry
	for a, err := range s.Articles(ctx, q) {
		if err != nil {
			return nil, err
		}
		text := a.Text
		if a.Title != "" {
			text = a.Title + "\n\n" + text
		}
		all = append(all, entry{dupMember{ID: a.ID, Site: a.Site, Title: a.Title, URL: a.URL, Published: a.Published}, det.Signature(text)})
	}
	slices.SortFunc(all, func(a, b entry) int {
		if x := a.m.Published.Compare(b.m.Published); x != 0 {
			return x
		}
		return cmp.Compare(a.m.ID, b.m.ID)
	})
	byID := make(map[string]dupMember, len(all))
	for i := range all {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		e := &all[i]
		if _, dups := det.AddSignature(e.m.ID, e.sig); len(dups) > 0 {
			d := dups[0]
			e.m.Of, e.m.Exact, e.m.Jaccard, e.m.Containment = d.ID, d.Exact, round4(d.Jaccard), round4(d.Containment)
		}
		byID[e.m.ID] = e.m
	}
	var out []dupGroup
	for _, g := range det.Groups() {
		dg := dupGroup{ID: g.ID}
		for _, id := range g.Members {
			dg.Articles = append(dg.Articles, byID[id])
		}
		out = append(out, dg)
	}
	return out, nil
}

func runDuplicates(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	dates := articleDateFlags(fs)
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
	groups, err := findDuplicates(ctx, s, q)
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, g dupGroup) error {
		if _, err := fmt.Fprintf(w, "%s  %d articles\n", short(g.ID), len(g.Articles)); err != nil {
			return err
		}
		for _, m := range g.Articles {
			how := "first"
			switch {
			case m.Of == "":
			case m.Exact:
				how = "exact copy of " + short(m.Of)
			default:
				how = fmt.Sprintf("near copy of %s (jaccard %.2f, containment %.2f)", short(m.Of), m.Jaccard, m.Containment)
			}
			date := m.Published.String()
			if date == "" {
				date = "(undated)"
			}
			if _, err := fmt.Fprintf(w, "  %s  %-20s  %-20s  %s  %s\n", short(m.ID), date, m.Site, how, m.Title); err != nil {
				return err
			}
		}
		return nil
	})
	return writeAll(env, c, out, func(yield func(dupGroup, error) bool) {
		for _, g := range groups {
			if !yield(g, nil) {
				return
			}
		}
	}, same[dupGroup])
}
