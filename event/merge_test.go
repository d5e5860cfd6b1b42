package event

import (
	"testing"

	"github.com/veille-news/veille"
)

func date(s string) veille.Date {
	d, err := veille.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestMerge(t *testing.T) {
	ru := &veille.Actor{Entity: "Q159", Label: "Russie"}
	bf := &veille.Actor{Entity: "Q965", Label: "Burkina Faso"}
	ml := &veille.Actor{Entity: "Q912", Label: "Mali"}
	rep := func(art, published string, e veille.Event) Report {
		return Report{Event: e, ArticleID: art, Published: date(published)}
	}
	reports := []Report{
		// one visit told by three outlets, one from the other side, one
		// a day off
		rep("a", "2023-10-07", veille.Event{Type: "CONSULT", Source: ru, Target: bf, When: "2023-10-02", WhenFrom: "sentence"}),
		rep("b", "2023-10-03", veille.Event{Type: "CONSULT", Source: bf, Target: ru, When: "2023-10", WhenFrom: "sentence"}),
		rep("c", "2023-10-05", veille.Event{Type: "CONSULT", Source: ru, When: "2023-10-03", WhenFrom: "sentence"}),
		// another party: another event
		rep("a", "2023-10-07", veille.Event{Type: "CONSULT", Source: ru, Target: ml, When: "2023-10-02", WhenFrom: "sentence"}),
		// same parties, another type
		rep("d", "2023-12-30", veille.Event{Type: "SUPPORT", Source: ru, Target: bf, When: "2023-12-28", WhenFrom: "sentence"}),
		// recalled a year later: background
		rep("e", "2024-11-02", veille.Event{Type: "AGREE", Source: ru, Target: bf, When: "2023-08", WhenFrom: "sentence"}),
		// no date at all
		rep("f", "2024-01-01", veille.Event{Type: "AID", Source: ru, Target: bf}),
		// no date, but the only SUPPORT between the two: that one
		rep("g", "", veille.Event{Type: "SUPPORT", Source: bf, Target: ru}),
	}
	got := Merge(reports)
	if len(got) != 5 {
		for _, m := range got {
			t.Logf("%s %s→%s %s %d reports", m.Type, label(m.Source), label(m.Target), m.When, len(m.Reports))
		}
		t.Fatalf("%d events, want 5", len(got))
	}
	want := []struct {
		typ, when string
		reports   int
		claims    int
		bg        bool
	}{
		{"AGREE", "2023-08", 1, 0, true},
		{"CONSULT", "2023-10-02", 3, 3, false}, // 02, 10 (month) and 03: the day is disputed
		{"CONSULT", "2023-10-02", 1, 0, false},
		{"SUPPORT", "2023-12-28", 2, 0, false},
		{"AID", "", 1, 0, false},
	}
	for i, w := range want {
		m := got[i]
		if m.Type != w.typ || m.When != w.when || len(m.Reports) != w.reports || len(m.Claims) != w.claims || m.Background != w.bg {
			t.Errorf("event %d: %s %s %d reports %d claims bg=%v; want %+v", i, m.Type, m.When, len(m.Reports), len(m.Claims), m.Background, w)
		}
	}
	if got[1].Target == nil || got[1].Target.Entity != "Q965" {
		t.Errorf("merged visit target %+v", got[1].Target)
	}
}

func TestMergeUndatedByContext(t *testing.T) {
	tr := &veille.Actor{Entity: "per:ibrahim-traore", State: "Q965"}
	ru := &veille.Actor{Entity: "Q159", State: "Q159"}
	reports := []Report{
		{ArticleID: "a", Event: veille.Event{Type: "CONSULT", Source: tr, Target: ru, When: "2023-09-02", WhenFrom: "sentence"},
			Entities: []string{"Q965", "Q159", "loc:saint-petersbourg", "Q3703"}},
		{ArticleID: "b", Event: veille.Event{Type: "CONSULT", Source: tr, Target: ru, When: "2023-10-05", WhenFrom: "sentence"},
			Entities: []string{"Q965", "Q159", "per:kassoum-coulibaly"}},
		// undated; names Coulibaly, as b does, and Saint-Pétersbourg, as a does
		{ArticleID: "c", Event: veille.Event{Type: "CONSULT", Source: tr, Target: ru},
			Entities: []string{"Q965", "Q159", "per:kassoum-coulibaly", "loc:saint-petersbourg"}},
		// undated, sharing nothing: stays apart
		{ArticleID: "d", Event: veille.Event{Type: "CONSULT", Source: tr, Target: ru}, Entities: []string{"Q965", "Q159"}},
	}
	got := Merge(reports)
	if len(got) != 3 {
		for _, m := range got {
			t.Logf("%s %d reports", m.When, len(m.Reports))
		}
		t.Fatalf("%d events, want 3", len(got))
	}
	if got[1].When != "2023-10-05" || len(got[1].Reports) != 2 || got[1].Reports[1].ArticleID != "c" {
		t.Errorf("the undated report went to %+v, want the October meeting (a person shared outweighs a place)", got[1])
	}
	if got[2].When != "" || got[2].Reports[0].ArticleID != "d" {
		t.Errorf("the report sharing nothing: %+v, want it left undated", got[2])
	}
}

func TestMergeFigures(t *testing.T) {
	j := &veille.Actor{Entity: "org:jnim"}
	b := &veille.Actor{Entity: "loc:barsalogho"}
	ev := func(n float64) veille.Event {
		return veille.Event{Type: "ASSAULT", Source: j, Target: b, When: "2024-08-24", WhenFrom: "sentence",
			Figures: []veille.Figure{{Kind: "killed", Value: n}}}
	}
	got := Merge([]Report{{ArticleID: "a", Event: ev(150)}, {ArticleID: "b", Event: ev(400)}, {ArticleID: "c", Event: ev(150)}})
	if len(got) != 1 || len(got[0].Figures) != 2 {
		t.Fatalf("got %+v, want one attack with two death tolls", got)
	}
	if f := got[0].Figures[0]; f.Value != 150 || len(f.Articles) != 2 {
		t.Errorf("first claim %+v, want 150 by a and c", f)
	}
	if f := got[0].Figures[1]; f.Value != 400 || len(f.Articles) != 1 || f.Articles[0] != "b" {
		t.Errorf("second claim %+v, want 400 by b", f)
	}
}
