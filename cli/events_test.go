package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/internal/sharedtest"
)

func TestEvents(t *testing.T) {
	text := "Une délégation russe s'est rendue à Ouagadougou le 2 octobre. Il pleuvait."
	b, _ := json.Marshal(map[string]string{"id": "a", "text": text, "date": "2023-10-07"})
	in := string(b) + "\nnot json\n" + `{"id":"b","text":"","date":"2023-13-40"}` + "\n" + `{"id":"c","text":""}` + "\n"
	code, out, stderr := run(t, in, "events", "--format", "jsonl", "-")
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (bad lines): %s", code, ExitPartial, stderr)
	}
	if !strings.Contains(stderr, "line 2") || !strings.Contains(stderr, "line 3") {
		t.Errorf("stderr %q: want one message per bad line", stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d output lines, want 2: %q", len(lines), out)
	}
	var o struct {
		ID     string         `json:"id"`
		Events []veille.Event `json:"events"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &o); err != nil || o.ID != "a" || len(o.Events) != 1 {
		t.Fatalf("first line %q, err %v", lines[0], err)
	}
	e := o.Events[0]
	if e.Type != "CONSULT" || e.Source == nil || e.Source.Label != "Russie" || e.Target == nil || e.Target.Label != "Burkina Faso" || e.When != "2023-10-02" {
		t.Errorf("event %+v", e)
	}
	if text[e.Start:e.End] != e.Evidence {
		t.Errorf("evidence offsets %d:%d do not give %q", e.Start, e.End, e.Evidence)
	}
	if !strings.Contains(lines[1], `"events":[]`) {
		t.Errorf("empty text: %q, want an empty list", lines[1])
	}
}

func TestEventsAndTimelineFromStore(t *testing.T) {
	db := t.TempDir() + "/v.db"
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", "../samples/pages"); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "events", "--db", db, "--format", "jsonl", "--entity", "Burkina Faso")
	if code != ExitOK || out == "" {
		t.Fatalf("events: exit %d, %q: %s", code, out, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct {
			veille.Event
			Article string `json:"article"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil || r.Article == "" {
			t.Fatalf("line %q: %v", line, err)
		}
		bf := func(a *veille.Actor) bool { return a != nil && (a.Entity == "Q965" || a.State == "Q965") }
		if !bf(r.Source) && !bf(r.Target) {
			t.Errorf("event without Burkina Faso: %s", line)
		}
	}
	code, out, stderr = run(t, "", "timeline", "--db", db, "--format", "json", "--entity", "Burkina Faso", "--with", "Russie")
	if code != ExitOK {
		t.Fatalf("timeline: exit %d: %s", code, stderr)
	}
	var tl []struct {
		When    string            `json:"when"`
		Reports []json.RawMessage `json:"reports"`
	}
	if err := json.Unmarshal([]byte(out), &tl); err != nil || len(tl) == 0 {
		t.Fatalf("timeline %q: %v", out, err)
	}
	var last veille.Date
	for _, e := range tl {
		// dates as ISO values (weeks left out of the check) come in order
		if d, err := veille.ParseDate(e.When); err == nil && !d.IsZero() {
			if !last.IsZero() && d.Time.Before(last.Time) {
				t.Errorf("timeline out of order: %s after %s", e.When, last)
			}
			last = d
		}
		if len(e.Reports) == 0 {
			t.Error("an event without reports")
		}
	}
	for _, bad := range [][]string{{"timeline"}, {"timeline", "--entity", "Nowhereland Republic"}, {"events", "--since", "2023-13"}} {
		if code, _, _ := run(t, "", append(bad, "--db", db)...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, ExitUsage)
		}
	}
}

// TestSeedsTimeline: on the five real pages, the Burkina Faso–Russia
// timeline holds every dated event they state, once each, with the pages
// that tell it: the October 2023 visit is one event told by two pages,
// one of which states no date.
func TestSeedsTimeline(t *testing.T) {
	seeds := filepath.Join(sharedtest.Dir(t), "seeds")
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", seeds); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "timeline", "--db", db, "--format", "json", "--entity", "Burkina Faso", "--with", "Russie")
	if code != ExitOK {
		t.Fatalf("timeline: exit %d: %s", code, stderr)
	}
	var tl []struct {
		Type    string `json:"type"`
		When    string `json:"when"`
		Reports []struct {
			Article string `json:"article"`
		} `json:"reports"`
	}
	if err := json.Unmarshal([]byte(out), &tl); err != nil {
		t.Fatal(err)
	}
	// Every dated event the five pages state between the two states, at
	// the date the text implies, each once with the pages that tell it
	// (our reading of the pages; pages named by their file number).
	want := []struct {
		typ, when string
		pages     int
	}{
		{"CONSULT", "2023-07", 2},    // Traoré at the Saint-Petersburg summit: 001, and 000's "juillet dernier"
		{"CONSULT", "2023-09-02", 1}, // the deputy minister's visit, told on the day: 000
		{"CONSULT", "2023-10-05", 2}, // the October visit: 003 dates it, 001 ("ce samedi matin") does not
		{"SUPPORT", "2023-12", 1},    // an ambassador appointed to Russia: 002
		{"SUPPORT", "2023-12-28", 1}, // the embassy reopened: 002
		{"CONSULT", "2025-04-02", 1}, // the AES ministers in Moscow: 004
	}
	for _, w := range want {
		found := 0
		for _, e := range tl {
			if e.Type != w.typ || e.When != w.when {
				continue
			}
			found++
			pages := map[string]bool{}
			for _, r := range e.Reports {
				pages[r.Article] = true
			}
			if len(pages) != w.pages {
				t.Errorf("%s %s told by %d page(s), want %d", w.typ, w.when, len(pages), w.pages)
			}
		}
		if found != 1 {
			t.Errorf("%s %s: %d events in the timeline, want one:\n%s", w.typ, w.when, found, out)
		}
	}
}
