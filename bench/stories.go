package bench

import (
	"context"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/story"
)

// StoryStage is the story clustering stage of the scale benchmark:
// story.Build over the articles (prepared on every core, added in date
// order to one Clusterer).
type StoryStage struct {
	Options story.Options
}

// Name returns "story".
func (StoryStage) Name() string { return "story" }

// Run clusters docs into stories. Its figures are the share of articles
// in a story of two or more ("in a shared story") and the share of the
// injected copies (ScaleDoc.CopyOf) placed in their source's story
// ("copies with their source").
func (s StoryStage) Run(ctx context.Context, docs []ScaleDoc) (ScaleStats, error) {
	items := func(yield func(story.Item, error) bool) {
		for _, d := range docs {
			it := story.Item{ID: d.ID, Title: d.Title, Text: d.Text}
			if !d.Published.IsZero() {
				it.Published = veille.Date{Time: d.Published, Precision: veille.PrecisionDay}
			}
			if !yield(it, nil) {
				return
			}
		}
	}
	c, err := story.Build(ctx, items, s.Options)
	if err != nil {
		return ScaleStats{}, err
	}
	stories := c.Stories()
	of := make(map[string]int, len(docs))
	shared := 0
	for k, st := range stories {
		for _, m := range st.Articles {
			of[m.ID] = k
		}
		if len(st.Articles) > 1 {
			shared += len(st.Articles)
		}
	}
	copies, with := 0, 0
	for _, d := range docs {
		if d.CopyOf == "" {
			continue
		}
		copies++
		if a, ok := of[d.ID]; ok && a == of[d.CopyOf] {
			with++
		}
	}
	figs := map[string]float64{"in a shared story": dedupRatioF(shared, len(docs))}
	if copies > 0 {
		figs["copies with their source"] = dedupRatioF(with, copies)
	}
	return ScaleStats{Groups: len(stories), Figures: figs}, nil
}
