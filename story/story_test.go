package story

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille"
)

func date(s string) veille.Date {
	d, err := veille.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func seq(items []Item) iter.Seq2[Item, error] {
	return func(yield func(Item, error) bool) {
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// groups renders stories as their sorted member ids, "a+b | c".
func groups(stories []Story) string {
	var gs []string
	for _, s := range stories {
		var ids []string
		for _, m := range s.Articles {
			ids = append(ids, m.ID)
		}
		slices.Sort(ids)
		gs = append(gs, strings.Join(ids, "+"))
	}
	slices.Sort(gs)
	return strings.Join(gs, " | ")
}

var (
	visit1 = Item{ID: "v1", Site: "a.bf", Title: "Une délégation russe reçue à Ouagadougou par le capitaine Traoré",
		Text:      "Une délégation russe conduite par le vice-ministre de la Défense Iounous-Bek Evkourov a été reçue samedi à Ouagadougou par le capitaine Ibrahim Traoré. Les deux parties ont évoqué la coopération militaire et la lutte contre le terrorisme au Sahel.",
		Published: date("2023-10-07"), Entities: []string{"russie", "ouagadougou", "traore", "evkourov"},
		Labels: map[string]string{"traore": "Ibrahim Traoré"}}
	visit2 = Item{ID: "v2", Site: "b.bf", Title: "Coopération militaire : le vice-ministre russe Evkourov chez le capitaine Traoré",
		Text:      "Le capitaine Ibrahim Traoré a reçu samedi à Ouagadougou le vice-ministre russe de la Défense, Iounous-Bek Evkourov, à la tête d'une délégation. La coopération militaire et le terrorisme au Sahel étaient au menu des échanges.",
		Published: date("2023-10-08"), Entities: []string{"traore", "ouagadougou", "evkourov", "russie"}}
	cocoa1 = Item{ID: "c1", Site: "a.ci", Title: "Le prix du cacao flambe à Abidjan",
		Text:      "Les cours du cacao ont atteint un record cette semaine sur les marchés, portés par une mauvaise récolte en Côte d'Ivoire. Les planteurs d'Abidjan espèrent une hausse du prix bord champ.",
		Published: date("2023-10-09"), Entities: []string{"abidjan", "cote-d-ivoire"}}
	cocoa2 = Item{ID: "c2", Site: "b.ci", Title: "Cacao : record historique des cours",
		Text:      "Record historique pour le cacao : la mauvaise récolte ivoirienne pousse les cours à des sommets sur les marchés. À Abidjan, les planteurs réclament une hausse du prix bord champ.",
		Published: date("2023-10-10"), Entities: []string{"abidjan", "cote-d-ivoire"}}
	vote = Item{ID: "e1", Site: "a.sn", Title: "Présidentielle au Sénégal : la campagne est ouverte",
		Text:      "La campagne électorale pour l'élection présidentielle s'est ouverte dimanche au Sénégal, avec dix-neuf candidats en lice et des meetings à Dakar et Thiès.",
		Published: date("2023-10-08"), Entities: []string{"senegal", "dakar", "thies"}}
)

func TestBuild(t *testing.T) {
	later := visit2
	later.ID, later.Published = "v3", date("2023-11-20")
	undated := cocoa2
	undated.ID, undated.Published = "c3", veille.Date{}
	tests := []struct {
		name  string
		items []Item
		want  string
	}{
		{"two stories and a third", []Item{vote, cocoa2, visit1, cocoa1, visit2}, "c1+c2 | e1 | v1+v2"},
		{"same story six weeks later is another story", []Item{visit1, later}, "v1 | v3"},
		{"an undated article joins by its text", []Item{cocoa1, undated, visit1}, "c1+c3 | v1"},
		{"empty and one-word articles open their own stories", []Item{{ID: "x"}, {ID: "y", Text: "Bonjour"}, visit1}, "v1 | x | y"},
		{"the same article twice counts once", []Item{visit1, visit1}, "v1"},
	}
	for _, tt := range tests {
		c, err := Build(context.Background(), seq(tt.items), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := groups(c.Stories()); got != tt.want {
			t.Errorf("%s: stories %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestStoryFields(t *testing.T) {
	later := visit2
	later.ID, later.Published = "v3", date("2023-11-20")
	c, err := Build(context.Background(), seq([]Item{visit2, cocoa1, visit1, later}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	stories := c.Stories()
	// most recent first: v3's story, then the visit and the cocoa ones
	if stories[0].ID != "v3" {
		t.Fatalf("first story %q, want v3", stories[0].ID)
	}
	s, ok := Find(stories, "v1")
	if !ok {
		t.Fatal("story v1 not found")
	}
	if got := []string{s.Articles[0].ID, s.Articles[1].ID}; !slices.Equal(got, []string{"v1", "v2"}) {
		t.Errorf("articles %v, want in date order v1 v2", got)
	}
	if s.Start.String() != "2023-10-07" || s.End.String() != "2023-10-08" {
		t.Errorf("span %s – %s", s.Start, s.End)
	}
	for _, e := range s.Entities {
		if e.Entity == "traore" && e.Label != "Ibrahim Traoré" {
			t.Errorf("entity %s labelled %q", e.Entity, e.Label)
		}
	}
	if s.Label == "" || len(s.Entities) != 4 || s.Entities[0].Articles != 2 {
		t.Errorf("label %q, entities %v", s.Label, s.Entities)
	}
	if !slices.Equal(s.ContinuedBy, []string{"v3"}) || !slices.Equal(stories[0].Continues, []string{"v1"}) {
		t.Errorf("links: v1 continued by %v; v3 continues %v", s.ContinuedBy, stories[0].Continues)
	}
	if m, ok := Find(stories, "v2"); !ok || m.ID != "v1" {
		t.Errorf("Find by member v2: %v %v", m.ID, ok)
	}
	if _, ok := Find(stories, "v"); ok {
		t.Error("Find of an ambiguous prefix succeeded")
	}
}

// TestManyCopies: 10,000 copies of one article make one story, in
// bounded time (the index keeps one posting per story).
func TestManyCopies(t *testing.T) {
	items := make([]Item, 10000)
	for i := range items {
		items[i] = visit1
		items[i].ID = fmt.Sprintf("copy%05d", i)
	}
	c, err := Build(context.Background(), seq(items), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := c.Len(); n != 1 {
		t.Errorf("10,000 copies make %d stories, want 1", n)
	}
}

func BenchmarkAdd(b *testing.B) {
	docs := []Doc{Prepare(visit1), Prepare(visit2), Prepare(cocoa1), Prepare(cocoa2), Prepare(vote)}
	c := New(Options{})
	i := 0
	for b.Loop() {
		d := docs[i%len(docs)]
		d.ID = fmt.Sprint(i)
		c.Add(d)
		i++
	}
}

func TestNearest(t *testing.T) {
	items := []Item{vote, cocoa2, visit1, cocoa1, visit2}
	self, near, err := Nearest(context.Background(), seq(items), "v1", 3)
	if err != nil {
		t.Fatal(err)
	}
	if self.ID != "v1" || len(near) != 3 || near[0].ID != "v2" || near[0].Score <= near[1].Score {
		t.Errorf("Nearest(v1) = %v, %+v", self.ID, near)
	}
	if _, _, err := Nearest(context.Background(), seq(items), "zz", 3); !errors.Is(err, ErrNoArticle) {
		t.Errorf("unknown id: %v", err)
	}
	if _, _, err := Nearest(context.Background(), seq(items), "c", 3); !errors.Is(err, ErrNoArticle) {
		t.Errorf("ambiguous prefix: %v", err)
	}
}

func TestUpdateKeepsStories(t *testing.T) {
	day := func(d int) veille.Date {
		return veille.Date{Time: time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC), Precision: veille.PrecisionDay}
	}
	visit := "La délégation russe conduite par le vice-ministre de la Défense Iounous-Bek Evkourov est arrivée à Ouagadougou pour discuter de coopération militaire avec le capitaine Ibrahim Traoré."
	flood := "Des inondations ont frappé la ville de Niamey après des pluies diluviennes, faisant plusieurs morts et des milliers de sinistrés au Niger."
	first := []Item{
		{ID: "a1", Title: "Une délégation russe à Ouagadougou", Text: visit, Published: day(4)},
		{ID: "b1", Title: "Inondations meurtrières à Niamey", Text: flood, Published: day(5)},
	}
	seq := func(items []Item) iter.Seq2[Item, error] {
		return func(yield func(Item, error) bool) {
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
		}
	}
	_, placed, err := Update(t.Context(), seq(first), nil, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(placed) != 2 || placed[0].Story != "a1" || placed[1].Story != "b1" {
		t.Fatalf("first placements: %+v", placed)
	}
	// A later article of the visit arrives, dated before a1: built from
	// scratch it would open the story; updated, it joins a1's story,
	// which keeps its id.
	later := append(slices.Clone(first), Item{ID: "a0", Title: "Évkourov reçu par le capitaine Traoré à Ouagadougou", Text: visit, Published: day(3)})
	c, added, err := Update(t.Context(), seq(later), placed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(added) != 1 || added[0].Article != "a0" || added[0].Story != "a1" || added[0].Score <= 0.2 {
		t.Fatalf("added: %+v", added)
	}
	ids := map[string]int{}
	for _, s := range c.Stories() {
		ids[s.ID] = len(s.Articles)
	}
	if len(ids) != 2 || ids["a1"] != 2 || ids["b1"] != 1 {
		t.Errorf("stories after the update: %v", ids)
	}
	scratch, err := Build(t.Context(), seq(later), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s := scratch.Stories(); len(s) != 2 || (s[0].ID != "a0" && s[1].ID != "a0") {
		t.Errorf("built from scratch, the visit's story should be opened by a0: %+v", s)
	}
	// Placements of articles no longer given are ignored; a placement
	// into a story whose opener is gone still opens it under its id.
	c, added, err = Update(t.Context(), seq(first[1:]), placed, Options{})
	if err != nil || len(added) != 0 || c.Len() != 1 || c.Stories()[0].ID != "b1" {
		t.Errorf("subset: err %v, added %v, %d stories", err, added, c.Len())
	}
	if def := (Options{}).Version(); def != (Options{Threshold: 0.2}).Version() || def == (Options{Threshold: 0.25}).Version() {
		t.Error("Version does not name the options in effect")
	}
}
