package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille"
)

func TestTimexInputAnchor(t *testing.T) {
	tests := []struct {
		name string
		line string
		want string // the anchor's ISO form; "" for none
		bad  bool
	}{
		{"anchor", `{"id":"a","text":"x","anchor":"2023-10-07"}`, "2023-10-07", false},
		{"date synonym", `{"id":"a","text":"x","date":"2023-10"}`, "2023-10", false},
		{"anchor wins", `{"id":"a","text":"x","anchor":"2024","date":"2023-10-07"}`, "2024", false},
		{"with a time", `{"id":"a","text":"x","anchor":"2025-04-03T11:51"}`, "2025-04-03T11:51", false},
		{"none", `{"id":"a","text":"x"}`, "", false},
		{"bad anchor", `{"id":"a","text":"x","anchor":"7 octobre"}`, "", true},
		{"bad date", `{"id":"a","text":"x","date":"hier"}`, "", true},
	}
	for _, tt := range tests {
		var in timexInput
		if err := json.Unmarshal([]byte(tt.line), &in); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		d, err := in.anchor()
		if (err != nil) != tt.bad || d.String() != tt.want {
			t.Errorf("%s: anchor %q, err %v; want %q, bad %v", tt.name, d, err, tt.want, tt.bad)
		}
	}
}

// fakeFind stands for timex.Find in the command tests: every "hier" of the
// text is a DATE the day before the anchor (XXXX-XX-XX without one).
func fakeFind(text string, anchor veille.Date) []veille.Timex {
	var out []veille.Timex
	for i := 0; ; {
		j := strings.Index(text[i:], "hier")
		if j < 0 {
			return out
		}
		value := "XXXX-XX-XX"
		if !anchor.IsZero() {
			value = anchor.Time.AddDate(0, 0, -1).Format("2006-01-02")
		}
		i += j
		out = append(out, veille.Timex{Start: i, End: i + 4, Text: "hier", Type: veille.TimexDate, Value: value})
		i += 4
	}
}

// useFind makes the timex commands run find for the rest of the test.
func useFind(t *testing.T, find func(string, veille.Date) []veille.Timex) {
	t.Helper()
	old := timexFind
	timexFind = find
	t.Cleanup(func() { timexFind = old })
}

func TestTimex(t *testing.T) {
	useFind(t, fakeFind)
	in := `{"id":"a","text":"Arrivée hier à Niamey, partie avant-hier.","anchor":"2024-04-12"}
not json

{"id":"b","text":"hier","date":"2023-10-07"}
{"id":"c","text":"hier","anchor":"le 7"}
{"id":"d","text":"rien"}
{"id":"e","text":"` + strings.Repeat("x", 400) + `"}
{"id":"f","text":"hier"}`
	code, out, stderr := run(t, in, "timex", "--max-size", "300")
	if code != ExitPartial {
		t.Errorf("exit %d, want %d; stderr %s", code, ExitPartial, stderr)
	}
	for _, want := range []string{"veille timex: line 2: not a JSON object", `veille timex: line 5: "anchor": `, "veille timex: line 7: line too long"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(stderr, "\n"); n != 3 {
		t.Errorf("%d lines on stderr, want one per bad line (3):\n%s", n, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d output lines, want 4 (a, b, d, f):\n%s", len(lines), out)
	}
	want := []struct {
		id     string
		values []string
	}{
		{"a", []string{"2024-04-11", "2024-04-11"}},
		{"b", []string{"2023-10-06"}},
		{"d", nil},
		{"f", []string{"XXXX-XX-XX"}},
	}
	texts := map[string]string{"a": "Arrivée hier à Niamey, partie avant-hier.", "b": "hier", "d": "rien", "f": "hier"}
	for i, line := range lines {
		var o struct {
			ID      string         `json:"id"`
			Timexes []veille.Timex `json:"timexes"`
		}
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		if !strings.Contains(line, `"timexes":[`) {
			t.Errorf("line %d: timexes not an array: %s", i+1, line)
		}
		w := want[i]
		if o.ID != w.id || len(o.Timexes) != len(w.values) {
			t.Errorf("line %d: %s, want id %s with %d timexes", i+1, line, w.id, len(w.values))
			continue
		}
		for j, x := range o.Timexes {
			if texts[o.ID][x.Start:x.End] != x.Text || x.Value != w.values[j] || x.Type != "DATE" {
				t.Errorf("%s: timex %+v, want value %s with right offsets", o.ID, x, w.values[j])
			}
		}
	}
	if strings.Contains(lines[0], `"mod"`) {
		t.Errorf("empty mod written: %s", lines[0])
	}

	// Text: one line per timex, id first; json: one array.
	in = `{"id":"a","text":"hier et hier","anchor":"2024-04-12"}` + "\n" + `{"id":"b","text":"rien"}` + "\n"
	code, out, _ = run(t, in, "timex", "--format", "text")
	if code != ExitOK || out != "a\t0\t4\tDATE\t2024-04-11\t-\thier\na\t8\t12\tDATE\t2024-04-11\t-\thier\n" {
		t.Errorf("text: exit %d, output %q", code, out)
	}
	code, out, _ = run(t, in, "timex", "--format", "json")
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); code != ExitOK || err != nil || len(all) != 2 {
		t.Errorf("json: exit %d, err %v, output %s", code, err, out)
	}

	code, out, _ = run(t, "", "timex")
	if code != ExitOK || out != "" {
		t.Errorf("empty input: exit %d, output %q", code, out)
	}
	for _, args := range [][]string{{"timex", "extra"}, {"timex", "--format", "xml"}} {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestTimexRealFinder(t *testing.T) {
	// Whatever timex.Find returns, the output keeps its shape: an array
	// of expressions whose offsets give their text.
	text := "Le 7 octobre 2023, puis hier et vers 14 h, pendant trois jours."
	b, _ := json.Marshal(map[string]string{"id": "a", "text": text, "anchor": "2023-10-09"})
	code, out, stderr := run(t, string(b)+"\n", "timex")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var o struct {
		ID      string         `json:"id"`
		Timexes []veille.Timex `json:"timexes"`
	}
	if err := json.Unmarshal([]byte(out), &o); err != nil || o.ID != "a" || !strings.Contains(out, `"timexes":[`) {
		t.Fatalf("output %q, err %v", out, err)
	}
	for _, x := range o.Timexes {
		if x.Start < 0 || x.End > len(text) || x.Start > x.End || text[x.Start:x.End] != x.Text {
			t.Errorf("timex %+v: offsets do not give its text", x)
		}
	}
}

func TestBenchTimex(t *testing.T) {
	useFind(t, fakeFind)
	dir := t.TempDir()
	tml := `<?xml version='1.0' encoding='UTF-8'?>
<TimeML>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-17" /></DCT>
<TEXT>
Arrivé <TIMEX3 tid="t2" type="DATE" value="1999-05-16">hier</TIMEX3> pour <TIMEX3 tid="t3" type="DURATION" value="P3D">trois jours</TIMEX3>.
</TEXT>
</TimeML>
`
	for _, name := range []string{"a.tml", "b.tml", "c.tml"} {
		p := filepath.Join(dir, "Data", name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(tml), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, stderr := run(t, "", "bench", "timex", "--dir", dir, "--runs", "1")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"3 documents", "strict P", "docs/s", "HeidelTime (published): strict F1 0.860, value F1 0.736"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// One of two expressions found, exactly and with its value, in each
	// document: P 1, R 0.5, F1 0.667 for every row; dev holds a and c.
	for _, row := range []string{"all", "dev", "held-out"} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			f := strings.Fields(line)
			if len(f) == 13 && f[0] == row {
				found = true
				if f[1] != "1.000" || f[2] != "0.500" || f[3] != "0.667" || f[9] != "0.667" {
					t.Errorf("%s: %s", row, line)
				}
			}
		}
		if !found {
			t.Errorf("no %s row:\n%s", row, out)
		}
	}
	code, out, _ = run(t, "", "bench", "timex", "--dir", dir, "--runs", "1", "--format", "json")
	var rep struct {
		Results []struct {
			Set  string
			Docs int
		}
		Reference string
	}
	if err := json.Unmarshal([]byte(out), &rep); code != ExitOK || err != nil || len(rep.Results) != 3 || rep.Results[1].Docs != 2 || rep.Reference == "" {
		t.Errorf("json: exit %d, err %v, %+v", code, err, rep)
	}
	if code, _, _ := run(t, "", "bench", "timex", "--dir", t.TempDir()); code != ExitFailed {
		t.Errorf("no documents: exit %d, want %d", code, ExitFailed)
	}
	if code, _, _ := run(t, "", "bench", "timex", "--dir", dir, "--format", "jsonl"); code != ExitUsage {
		t.Errorf("--format jsonl: exit %d, want %d", code, ExitUsage)
	}
}
