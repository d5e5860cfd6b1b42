package sqlite

import (
	"context"
	"errors"
	"slices"
	"testing"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

func pl(article, story string, score float64) veille.Placement {
	return veille.Placement{Article: article, Story: story, Score: score}
}

func TestPlacements(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	var ids []string
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		d := doc(name, "page "+name)
		if _, err := s.Put(ctx, d, article(d, "t "+name, "2024-03-04"), "v1"); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	read := func(version string) []veille.Placement {
		t.Helper()
		var out []veille.Placement
		for p, err := range s.Placements(ctx, version) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, p)
		}
		return out
	}
	first := []veille.Placement{pl(ids[1], ids[1], 1), pl(ids[0], ids[1], 0.4)}
	if err := s.PutPlacements(ctx, "s1", first); err != nil {
		t.Fatal(err)
	}
	// Later placements come after; an article placed keeps its story.
	if err := s.PutPlacements(ctx, "s1", []veille.Placement{pl(ids[2], ids[2], 1), pl(ids[0], ids[2], 0.9)}); err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(first), pl(ids[2], ids[2], 1))
	if got := read("s1"); !slices.Equal(got, want) {
		t.Errorf("placements %v, want %v", got, want)
	}
	if got := read("s2"); len(got) != 0 {
		t.Errorf("another version reads %v", got)
	}
	// An unknown article: an error, nothing written.
	err := s.PutPlacements(ctx, "s1", []veille.Placement{pl(ids[2], ids[2], 1), pl("00"+ids[0][2:], "x", 1)})
	if !errors.Is(err, store.ErrNotFound) || len(read("s1")) != 3 {
		t.Errorf("unknown article: %v, %d placements", err, len(read("s1")))
	}
	// A new version starts over.
	if err := s.PutPlacements(ctx, "s2", []veille.Placement{pl(ids[0], ids[0], 1)}); err != nil {
		t.Fatal(err)
	}
	if len(read("s1")) != 0 || len(read("s2")) != 1 {
		t.Errorf("after a new version: s1 %v, s2 %v", read("s1"), read("s2"))
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
	if err := s.ResetPlacements(ctx); err != nil || len(read("s2")) != 0 {
		t.Errorf("reset: %v, %v", err, read("s2"))
	}
}
