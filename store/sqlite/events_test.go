package sqlite

import (
	"context"
	"reflect"
	"testing"

	veille "github.com/veille-news/veille"
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
