package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Texts for the similarity command tests, written for them.
const (
	simStory = "Une délégation militaire russe conduite par le vice-ministre de la Défense Iounous-Bek Evkourov est arrivée samedi à Ouagadougou, " +
		"où elle a été reçue par le capitaine Ibrahim Traoré pour parler de coopération militaire."
	simRewrite = "Le capitaine Ibrahim Traoré a reçu samedi à Ouagadougou une délégation russe menée par Iounous-Bek Evkourov, vice-ministre russe de la Défense, " +
		"pour des entretiens sur la coopération militaire."
	simOther = "Le prix du cacao a fortement augmenté cette semaine sur les marchés d'Abidjan, porté par une récolte ivoirienne plus faible que prévu."
)

// simLine is one input line of `veille similarity`.
func simLine(t *testing.T, id string, a, b any) string {
	t.Helper()
	m := map[string]any{"id": id}
	if a != nil {
		m["a"] = a
	}
	if b != nil {
		m["b"] = b
	}
	l, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return string(l)
}

func TestSimilarity(t *testing.T) {
	in := strings.Join([]string{
		simLine(t, "same", simStory, simRewrite),
		"not json",
		simLine(t, "noa", nil, simStory),
		"",
		simLine(t, "unrelated", simStory, simOther),
		simLine(t, "nob", simStory, nil),
		`{"id":"num","a":1,"b":"x"}`,
		simLine(t, "empty", "", simStory),
	}, "\n")
	code, out, stderr := run(t, in, "similarity")
	if code != ExitPartial {
		t.Errorf("exit %d, want %d; stderr %s", code, ExitPartial, stderr)
	}
	for _, want := range []string{
		"veille similarity: line 2: not a JSON object",
		`veille similarity: line 3: no "a" text`,
		`veille similarity: line 6: no "b" text`,
		"veille similarity: line 7: not a JSON object",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if n := strings.Count(stderr, "\n"); n != 4 {
		t.Errorf("%d lines on stderr, want one per bad line (4):\n%s", n, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	wantIDs := []string{"same", "unrelated", "empty"}
	if len(lines) != len(wantIDs) {
		t.Fatalf("got %d output lines, want %d:\n%s", len(lines), len(wantIDs), out)
	}
	score := map[string]float64{}
	for i, line := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, line)
		}
		s, ok := o["score"].(float64)
		if len(o) != 2 || o["id"] != wantIDs[i] || !ok || s < 0 || s > 1 {
			t.Errorf("line %d: %s, want id %q and a score in [0,1] only", i+1, line, wantIDs[i])
		}
		score[wantIDs[i]] = s
	}
	if score["same"] <= score["unrelated"] || score["same"] < 0.5 {
		t.Errorf("same story %.3f, unrelated %.3f", score["same"], score["unrelated"])
	}
	if score["empty"] != 0 {
		t.Errorf("empty text scores %v", score["empty"])
	}

	// Text: "id<TAB>score"; json: one array.
	in = simLine(t, "x", simStory, simRewrite) + "\n" + simLine(t, "y", simStory, simOther) + "\n"
	code, out, _ = run(t, in, "similarity", "--format", "text")
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != ExitOK || len(rows) != 2 {
		t.Fatalf("text: exit %d, output %q", code, out)
	}
	for i, id := range []string{"x", "y"} {
		f := strings.Split(rows[i], "\t")
		if len(f) != 2 || f[0] != id {
			t.Errorf("text row %q, want %s<TAB>score", rows[i], id)
			continue
		}
		if v, err := strconv.ParseFloat(f[1], 64); err != nil || v < 0 || v > 1 {
			t.Errorf("text row %q: score not in [0,1]", rows[i])
		}
	}
	code, out, _ = run(t, in, "similarity", "--format", "json")
	var all []map[string]any
	if err := json.Unmarshal([]byte(out), &all); code != ExitOK || err != nil || len(all) != 2 {
		t.Errorf("json: exit %d, err %v, output %s", code, err, out)
	}

	code, out, _ = run(t, "", "similarity")
	if code != ExitOK || out != "" {
		t.Errorf("empty input: exit %d, output %q", code, out)
	}
	for _, args := range [][]string{{"similarity", "extra"}, {"similarity", "--format", "xml"}} {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
}

func TestBenchSimilarity(t *testing.T) {
	dir := t.TempDir()
	csv := "Unnamed: 0,pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone\n" +
		"1,a_b,fr,fr,\"" + simStory + "\",\"" + simRewrite + "\",1,1,1,1,1.0,1,1\n" +
		"2,a_c,fr,fr,\"" + simStory + "\n\nsuite\",\"" + simOther + "\",4,4,4,4,4.0,4,4\n" +
		"3,b_c,fr,fr,\"" + simRewrite + "\",\"" + simOther + "\",4,4,4,4,3.5,4,4\n"
	if err := os.WriteFile(filepath.Join(dir, "semeval2022-task8-train.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := run(t, "", "bench", "similarity", "--dir", dir, "--runs", "1")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"3 pairs", "held out", "French (fr-fr + de-fr)  3", "Pearson", "pairs/s",
		"best system of SemEval-2022 task 8 on French: 0.865 (large neural models)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = run(t, "", "bench", "similarity", "--dir", dir, "--runs", "1", "--format", "json")
	var rep struct {
		Results []struct {
			Set     string  `json:"set"`
			Pearson float64 `json:"pearson"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); code != ExitOK || err != nil || len(rep.Results) == 0 || rep.Results[0].Pearson <= 0 {
		t.Errorf("json: exit %d, err %v, output %s", code, err, out)
	}
	if code, _, _ := run(t, "", "bench", "similarity", "--dir", t.TempDir()); code != ExitFailed {
		t.Errorf("missing file: exit %d, want %d", code, ExitFailed)
	}
}
