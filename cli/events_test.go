package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/veille-news/veille"
)

func TestEvents(t *testing.T) {
	text := "Une délégation russe s'est rendue à Ouagadougou le 2 octobre. Il pleuvait."
	b, _ := json.Marshal(map[string]string{"id": "a", "text": text, "date": "2023-10-07"})
	in := string(b) + "\nnot json\n" + `{"id":"b","text":"","date":"2023-13-40"}` + "\n" + `{"id":"c","text":""}` + "\n"
	code, out, stderr := run(t, in, "events")
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
