package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille/internal/sharedtest"
)

func TestReuse(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", "--no-entities", "../samples/pages"); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "articles", "--db", db, "--format", "jsonl", "--full")
	if code != ExitOK {
		t.Fatalf("articles: exit %d: %s", code, stderr)
	}
	ids := map[string]string{} // file name → id
	texts := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ Source, ID, Text string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		ids[filepath.Base(a.Source)] = a.ID
		texts[a.ID] = a.Text
	}
	// The sample corpus has one copy: Sahel Flash republishes Sahel
	// Matin's article of the day before.
	src, cp := ids["sahel-matin-delegation-octobre.txt"], ids["sahel-flash-delegation-octobre.txt"]
	if src == "" || cp == "" {
		t.Fatalf("sample articles missing: %v", ids)
	}
	code, out, stderr = run(t, "", "reuse", "--db", db, "--format", "jsonl")
	if code != ExitOK {
		t.Fatalf("reuse: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d pairs, want 1:\n%s", len(lines), out)
	}
	var p reuseOutput
	if err := json.Unmarshal([]byte(lines[0]), &p); err != nil {
		t.Fatal(err)
	}
	if p.Source != src || p.Copy != cp || p.Kind == "" || len(p.Passages) == 0 || p.CoverageA < 0.9 || p.CoverageB < 0.9 {
		t.Errorf("pair %s → %s (%s, %d passages, coverage %.2f/%.2f), want %s → %s",
			p.Source, p.Copy, p.Kind, len(p.Passages), p.CoverageA, p.CoverageB, src, cp)
	}
	for _, x := range p.Passages {
		ta, tb := texts[p.A.ID], texts[p.B.ID]
		if x.AEnd > len(ta) || x.BEnd > len(tb) || x.AStart >= x.AEnd || x.BStart >= x.BEnd {
			t.Fatalf("passage offsets out of the texts: %+v", x.Passage)
		}
		if !strings.HasPrefix(ta[x.AStart:x.AEnd], strings.TrimSuffix(x.AExcerpt, "…")) {
			t.Errorf("excerpt %q is not the start of a[%d:%d]", x.AExcerpt, x.AStart, x.AEnd)
		}
	}

	code, out, _ = run(t, "", "reuse", "--db", db)
	if code != ExitOK || !strings.Contains(out, src[:12]+" (2023-10-09, Sahel Matin) → "+cp[:12]) {
		t.Errorf("text: exit %d:\n%s", code, out)
	}
	code, out, _ = run(t, "", "reuse", "--db", db, "--format", "json", "--since", "2024")
	if code != ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("--since 2024: exit %d, %q; want no pair", code, out)
	}
	if code, _, stderr := run(t, "", "reuse", "--db", db, "--since", "octobre"); code != ExitUsage || !strings.Contains(stderr, "--since") {
		t.Errorf("bad --since: exit %d: %s", code, stderr)
	}
}

func TestBenchReuse(t *testing.T) {
	corpus := filepath.Join(sharedtest.Dir(t), "corpus", "masakhanews-fra")
	out := t.TempDir()
	code, stdout, stderr := run(t, "", "bench", "reuse", "--dir", corpus, "--sources", "10", "--distractors", "20",
		"--runs", "1", "--write", out, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		Seed      uint64  `json:"seed"`
		Sources   int     `json:"sources"`
		Gold      int     `json:"gold"`
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if rep.Seed != 1 || rep.Sources != 10 || rep.Gold < 10 || rep.Precision < 0.9 || rep.Recall < 0.9 {
		t.Errorf("report %+v", rep)
	}
	b, err := os.ReadFile(filepath.Join(out, "docs.jsonl"))
	if err != nil || strings.Count(string(b), "\n") < 40 {
		t.Errorf("docs.jsonl: %v, %d lines", err, strings.Count(string(b), "\n"))
	}
	for _, args := range [][]string{
		{"bench", "reuse", "--format", "xml"},
		{"bench", "reuse", "--sources", "0"},
		{"bench", "reuse", "extra"},
	} {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}
