package sqlite

import (
	"context"
	"reflect"
	"testing"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

func TestTimexesAndEventsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("ev.txt", "page with events")
	a := article(d, "t", "2023-10-07")
	a.Timexes = []veille.Timex{{Start: 1, End: 9, Text: "le 2 oct", Type: veille.TimexDate, Value: "2023-10-02"},
		{Start: 12, End: 16, Text: "vers", Type: veille.TimexTime, Value: "2023-10-02T14:00", Mod: "APPROX"}}
	a.Events = []veille.Event{{Type: "CONSULT", Mode: "visit", Trigger: "s'est rendue",
		Source:   &veille.Actor{Entity: "Q159", Label: "Russie", Type: "LOC", Text: "russe"},
		Target:   &veille.Actor{Entity: "Q965", Label: "Burkina Faso", Type: "LOC", Text: "Burkina Faso"},
		Location: &veille.Actor{Entity: "Q3777", Label: "Ouagadougou", Type: "LOC", Text: "Ouagadougou"},
		When:     "2023-10-02", WhenText: "le 2 octobre", WhenFrom: "sentence", Start: 0, End: 40, Evidence: "…", Confidence: 1}}
	if _, err := s.Put(ctx, d, a, "v1"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Timexes, a.Timexes) || !reflect.DeepEqual(got.Events, a.Events) {
		t.Errorf("round trip:\n timexes %+v\n events %+v", got.Timexes, got.Events)
	}
	// A new version replaces them.
	a.Events, a.Timexes = nil, nil
	if _, err := s.Put(ctx, d, a, "v2"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Article(ctx, d.ID)
	if len(got.Events) != 0 || len(got.Timexes) != 0 {
		t.Errorf("after re-extraction: %d events, %d timexes, want none", len(got.Events), len(got.Timexes))
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestEventsQuery(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	ru := &veille.Actor{Entity: "Q159", Label: "Russie", Type: "LOC"}
	bf := &veille.Actor{Entity: "Q965", Label: "Burkina Faso", Type: "LOC"}
	ml := &veille.Actor{Entity: "Q912", Label: "Mali", Type: "LOC"}
	put := func(name, published string, es ...veille.Event) {
		d := doc(name, "page "+name)
		a := article(d, name, published)
		a.Events = es
		mustPut(t, s, d, a, "v1")
	}
	put("a.txt", "2023-10-07", veille.Event{Type: "CONSULT", Source: ru, Target: bf, When: "2023-10-02"},
		veille.Event{Type: "AGREE", Source: ru, Target: ml, When: "2023-09"})
	put("b.txt", "2023-10-08", veille.Event{Type: "CONSULT", Source: bf, Target: ru, When: "2023-10-02"},
		veille.Event{Type: "AID", Source: ru, Target: bf})
	list := func(q store.EventQuery) []string {
		var out []string
		for r, err := range s.Events(ctx, q) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, r.Event.Type+"@"+r.Event.When+"/"+r.Title)
		}
		return out
	}
	if got := list(store.EventQuery{}); len(got) != 4 || got[0] != "AGREE@2023-09/a.txt" || got[3] != "AID@/b.txt" {
		t.Errorf("all events: %v (want date order, undated last)", got)
	}
	if got := list(store.EventQuery{Entity: "Q965", With: "Q159"}); len(got) != 3 {
		t.Errorf("Burkina Faso with Russia: %v", got)
	}
	if got := list(store.EventQuery{Entity: "Q912"}); len(got) != 1 {
		t.Errorf("Mali: %v", got)
	}
	since, _ := veille.ParseDate("2023-10-01")
	if got := list(store.EventQuery{Since: since}); len(got) != 2 {
		t.Errorf("since 2023-10-01: %v (dated ones of October only)", got)
	}
	until, _ := veille.ParseDate("2023-09-30")
	if got := list(store.EventQuery{Until: until}); len(got) != 1 || got[0] != "AGREE@2023-09/a.txt" {
		t.Errorf("until 2023-09-30: %v", got)
	}
}
