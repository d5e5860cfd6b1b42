package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestIngestEntities(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := run(t, "", "ingest", "--quiet", "--db", db, "../samples/pages"); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "entities", "--db", db, "--format", "jsonl")
	if code != ExitOK {
		t.Fatalf("entities: exit %d: %s", code, stderr)
	}
	var rows []entityRow
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var e entityRow
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		rows = append(rows, e)
	}
	var traore []entityRow
	russia := false
	for i, e := range rows {
		if i > 0 {
			p := rows[i-1]
			if p.Articles < e.Articles || p.Articles == e.Articles && p.Mentions < e.Mentions {
				t.Errorf("not ordered by articles then mentions: %+v before %+v", p, e)
			}
		}
		if e.Type == "PER" && strings.Contains(strings.ToLower(e.Label), "traoré") && strings.Contains(e.Label, "Ibrahim") {
			traore = append(traore, e)
		}
		if e.Entity == "Q159" {
			russia = true
		}
	}
	if len(traore) != 1 || traore[0].Articles < 2 {
		t.Errorf("Ibrahim Traoré: %+v, want one entity mentioned in several articles", traore)
	}
	if !russia {
		t.Errorf("Russia (Q159) missing from %d entities", len(rows))
	}

	code, out, _ = run(t, "", "entities", "--db", db, "--type", "per", "--limit", "3")
	if n := strings.Count(out, "\n"); code != ExitOK || n == 0 || n > 3 || !strings.Contains(out, " PER ") || strings.Contains(out, " LOC ") {
		t.Errorf("entities --type per --limit 3: exit %d\n%s", code, out)
	}
	if code, _, _ := run(t, "", "entities", "--db", db, "--type", "XYZ"); code != ExitUsage {
		t.Errorf("--type XYZ: exit %d, want %d", code, ExitUsage)
	}

	// The stored articles carry their mentions, offsets into their text.
	_, out, _ = run(t, "", "articles", "--db", db, "--format", "jsonl")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct {
			Text     string `json:"text"`
			Entities []struct {
				Start, End int
				Text       string
			} `json:"entities"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Entities {
			if m.Start < 0 || m.End > len(a.Text) || m.Start > m.End || a.Text[m.Start:m.End] != m.Text {
				t.Errorf("mention %+v does not point into the article's text", m)
			}
		}
	}
}

func TestExtractNoEntities(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"extract", "--quiet", "-"}, true},
		{[]string{"extract", "--quiet", "--no-entities", "-"}, false},
	} {
		code, out, stderr := run(t, dump, tt.args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d: %s", tt.args, code, stderr)
		}
		if got := strings.Contains(out, `"entities":[{`); got != tt.want {
			t.Errorf("%v: entities present = %v, want %v:\n%s", tt.args, got, tt.want, out)
		}
	}
}
