package bench

import (
	"context"
	"fmt"

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

// StoryPairResult is how story clustering treats the SemEval-2022 task 8
// pairs of one set, every text of the file clustered together, undated
// (the file gives no dates): how many pairs of one story (Overall ≤ 1.5)
// it puts in one story, and how many unrelated pairs (Overall ≥ 3.5) it
// keeps apart. The pairs in between are not counted.
type StoryPairResult struct {
	Set       string `json:"set"`
	Same      int    `json:"same_story_pairs"`
	Together  int    `json:"put_together"`
	Unrelated int    `json:"unrelated_pairs"`
	Apart     int    `json:"kept_apart"`
}

// StoryPairs clusters the distinct texts of pairs with story.Build and
// reports, for the French pairs, the others and all, how the clustering
// treats the pairs of one story and the unrelated ones.
func StoryPairs(ctx context.Context, pairs []SimilarityPair, opt story.Options) ([]StoryPairResult, error) {
	ids := map[string]string{}
	var texts []string
	for _, p := range pairs {
		for _, t := range []string{p.Text1, p.Text2} {
			if _, ok := ids[t]; !ok {
				ids[t] = fmt.Sprintf("t%05d", len(ids))
				texts = append(texts, t)
			}
		}
	}
	items := func(yield func(story.Item, error) bool) {
		for _, t := range texts {
			if !yield(story.Item{ID: ids[t], Text: t}, nil) {
				return
			}
		}
	}
	c, err := story.Build(ctx, items, opt)
	if err != nil {
		return nil, fmt.Errorf("bench: story pairs: %w", err)
	}
	of := map[string]string{}
	for _, s := range c.Stories() {
		for _, m := range s.Articles {
			of[m.ID] = s.ID
		}
	}
	sets := []struct {
		name string
		in   func(SimilarityPair) bool
	}{
		{SimilarityFrench, SimilarityPair.French},
		{SimilarityNonFrench, func(p SimilarityPair) bool { return !p.French() }},
		{SimilarityAll, func(SimilarityPair) bool { return true }},
	}
	var out []StoryPairResult
	for _, set := range sets {
		r := StoryPairResult{Set: set.name}
		for _, p := range pairs {
			if !set.in(p) {
				continue
			}
			together := of[ids[p.Text1]] == of[ids[p.Text2]]
			switch {
			case p.Overall <= 1.5:
				r.Same++
				if together {
					r.Together++
				}
			case p.Overall >= 3.5:
				r.Unrelated++
				if !together {
					r.Apart++
				}
			}
		}
		out = append(out, r)
	}
	return out, nil
}
