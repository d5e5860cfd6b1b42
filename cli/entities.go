package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

func init() {
	register(command{
		name:    "entities",
		args:    "",
		summary: "list the named entities of the stored articles, the most widely reported first",
		run:     runEntities,
	})
}

// entityRow is one line of `veille entities`.
type entityRow struct {
	Entity   string `json:"entity"`
	Type     string `json:"type"`
	Label    string `json:"label"`
	Mentions int64  `json:"mentions"`
	Articles int64  `json:"articles"`
}

func runEntities(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	typ := fs.String("type", "", "only entities of this type: PER, LOC, ORG or MISC")
	limit := fs.Int("limit", 0, "at most this many entities (0: all)")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	q := store.EntityQuery{Type: strings.ToUpper(strings.TrimSpace(*typ)), Limit: *limit}
	switch q.Type {
	case "", veille.TypePER, veille.TypeLOC, veille.TypeORG, veille.TypeMISC:
	default:
		errorf(env, c.name, "--type %q: want PER, LOC, ORG or MISC", *typ)
		return ExitUsage
	}
	if q.Limit < 0 {
		errorf(env, c.name, "--limit %d: want 0 or more", *limit)
		return ExitUsage
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	out := newLister(env.Stdout, *format, func(w io.Writer, e entityRow) error {
		_, err := fmt.Fprintf(w, "%-24s  %-4s  %6d mention(s)  %5d article(s)  %s\n", e.Entity, e.Type, e.Mentions, e.Articles, e.Label)
		return err
	})
	return writeAll(env, c, out, s.Entities(ctx, q), func(e store.EntityStat) entityRow { return entityRow(e) })
}

// entityList names the distinct entities of ms in the order they first
// appear, for the text form of an article: "Ibrahim Traoré (PER), ...".
func entityList(ms []veille.Mention) string {
	seen := map[string]bool{}
	var parts []string
	for _, m := range ms {
		key := m.Entity
		if key == "" {
			key = m.Type + ":" + m.Text
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		label := m.Label
		if label == "" {
			label = m.Text
		}
		parts = append(parts, label+" ("+m.Type+")")
	}
	return strings.Join(parts, ", ")
}
