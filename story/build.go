package story

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/event"
)

// Build clusters a whole collection: it prepares the items on every core,
// then adds them in publication order (oldest first, undated last, then
// by id), the order in which they would have arrived, so that the result
// does not depend on the order items are read in. Reading stops at the
// first error.
func Build(ctx context.Context, items iter.Seq2[Item, error], opt Options) (*Clusterer, error) {
	c, _, err := Update(ctx, items, nil, opt)
	return c, err
}

// Update clusters a collection part of which was clustered before. The
// items placed in prior are put back in their stories, in the order of
// prior, without being compared with any story; the others are then
// added as Build adds them, in publication order, and their placements
// returned in the order they were added. Placements of articles not
// among items are ignored. Recording the placements (a store's
// PutPlacements) keeps a collection's stories stable as it grows: an
// article never moves, a story keeps its id.
func Update(ctx context.Context, items iter.Seq2[Item, error], prior []veille.Placement, opt Options) (*Clusterer, []veille.Placement, error) {
	in := make(chan Item, 256)
	out := make(chan Doc, 256)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range in {
				out <- Prepare(it)
			}
		}()
	}
	var docs []Doc
	done := make(chan struct{})
	go func() {
		for d := range out {
			docs = append(docs, d)
		}
		close(done)
	}()
	var readErr error
	for it, err := range items {
		if err == nil {
			err = ctx.Err()
		}
		if err != nil {
			readErr = err
			break
		}
		in <- it
	}
	close(in)
	wg.Wait()
	close(out)
	<-done
	if readErr != nil {
		return nil, nil, fmt.Errorf("story: read articles: %w", readErr)
	}
	linkEvents(docs)
	order := make(map[string]int, len(prior))
	for i, p := range prior {
		if _, ok := order[p.Article]; !ok {
			order[p.Article] = i
		}
	}
	var placed, fresh []Doc
	for _, d := range docs {
		if _, ok := order[d.ID]; ok {
			placed = append(placed, d)
		} else {
			fresh = append(fresh, d)
		}
	}
	docs = nil
	slices.SortFunc(placed, func(a, b Doc) int { return cmp.Compare(order[a.ID], order[b.ID]) })
	SortDocs(fresh)
	c := New(opt)
	for i, d := range placed {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("story: %w", err)
			}
		}
		p := prior[order[d.ID]]
		c.Place(d, p.Story, p.Score)
		placed[i] = Doc{} // let the prepared terms go
	}
	added := make([]veille.Placement, 0, len(fresh))
	for i, d := range fresh {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, fmt.Errorf("story: %w", err)
			}
		}
		p, _ := c.add(d)
		added = append(added, p)
		fresh[i] = Doc{}
	}
	return c, added, nil
}

// SortDocs puts documents in arrival order: by publication date, oldest
// first, undated last, then by id.
func SortDocs(docs []Doc) {
	slices.SortFunc(docs, func(a, b Doc) int {
		if x := a.Published.Compare(b.Published); x != 0 {
			return x
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// Find returns the story whose id is id or starts with it, else the
// story holding the article whose id is id or starts with it; false when
// none or several match.
func Find(stories []Story, id string) (Story, bool) {
	if id == "" {
		return Story{}, false
	}
	var byStory, byMember []Story
	for _, s := range stories {
		if s.ID == id {
			return s, true
		}
		if strings.HasPrefix(s.ID, id) {
			byStory = append(byStory, s)
		}
		for _, m := range s.Articles {
			if strings.HasPrefix(m.ID, id) {
				byMember = append(byMember, s)
				break
			}
		}
	}
	switch {
	case len(byStory) == 1:
		return byStory[0], true
	case len(byStory) == 0 && len(byMember) == 1:
		return byMember[0], true
	}
	return Story{}, false
}

// linkEvents gives the articles that report one event as news (not
// recalling it long after, see [event.Report.Background]) a shared event
// key: the same meeting told by two outlets pulls their articles
// together even when their wording differs. It drops the documents'
// events afterwards.
func linkEvents(docs []Doc) {
	var reports []event.Report
	byID := map[string]int{}
	for i, d := range docs {
		byID[d.ID] = i
		for _, e := range d.events {
			reports = append(reports, event.Report{Event: e, ArticleID: d.ID, Published: d.Published, Entities: d.mentions})
		}
		docs[i].events, docs[i].mentions = nil, nil
	}
	if len(reports) < 2 {
		return
	}
	for k, m := range event.Merge(reports) {
		var arts []string
		for _, r := range m.Reports {
			if !r.Background && !slices.Contains(arts, r.ArticleID) {
				arts = append(arts, r.ArticleID)
			}
		}
		if len(arts) < 2 {
			continue
		}
		for _, id := range arts {
			d := &docs[byID[id]]
			d.eventKeys = append(d.eventKeys, int32(k))
		}
	}
}
