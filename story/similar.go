package story

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/veille-news/veille/textsim"
)

// ErrNoArticle is returned by [Nearest] when no item has the id asked for
// (or a prefix names several).
var ErrNoArticle = fmt.Errorf("story: no such article")

// Nearest returns the n items closest to the one whose id is id (or
// starts with it), each with its Score, by the cosine of the vectors stories are built from,
// weighed against the whole collection; the closest first, ties by id.
// The item itself is left out.
func Nearest(ctx context.Context, items iter.Seq2[Item, error], id string, n int) (Member, []Member, error) {
	var docs []Doc
	df := textsim.NewDF()
	target, exact := -1, -1
	var prefixed []int
	for it, err := range items {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			return Member{}, nil, fmt.Errorf("story: read articles: %w", err)
		}
		d := Prepare(it)
		d.events, d.mentions, d.labels = nil, nil, nil
		df.AddCounts(d.bag)
		switch {
		case d.ID == id:
			exact = len(docs)
		case id != "" && strings.HasPrefix(d.ID, id):
			prefixed = append(prefixed, len(docs))
		}
		docs = append(docs, d)
	}
	switch {
	case exact >= 0:
		target = exact
	case len(prefixed) == 1:
		target = prefixed[0]
	case len(prefixed) > 1:
		return Member{}, nil, fmt.Errorf("%w: %s names several articles", ErrNoArticle, id)
	default:
		return Member{}, nil, fmt.Errorf("%w: %s", ErrNoArticle, id)
	}
	t := docs[target]
	tv := df.VectorCounts(t.bag)
	out := make([]Member, 0, len(docs))
	for i, d := range docs {
		if i == target {
			continue
		}
		s := tv.Dot(df.VectorCounts(d.bag))
		out = append(out, Member{ID: d.ID, Site: d.Site, Title: d.Title, Published: d.Published, Score: s})
	}
	slices.SortFunc(out, func(a, b Member) int {
		if x := cmp.Compare(b.Score, a.Score); x != 0 {
			return x
		}
		return cmp.Compare(a.ID, b.ID)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return Member{ID: t.ID, Site: t.Site, Title: t.Title, Published: t.Published, Score: 1}, out, nil
}
