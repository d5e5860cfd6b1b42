package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille/internal/sharedtest"
)

func TestParseSizes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"100000", []int{100000}},
		{"100k,1M", []int{100000, 1000000}},
		{" 2_000 , 3K", []int{2000, 3000}},
		{"0", nil},
		{"-5", nil},
		{"ten", nil},
		{"1,,2", nil},
	} {
		got, err := parseSizes(tc.in)
		if (err != nil) != (tc.want == nil) || !slices.Equal(got, tc.want) {
			t.Errorf("parseSizes(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

func TestBenchScale(t *testing.T) {
	corpus := filepath.Join(sharedtest.Dir(t), "corpus", "masakhanews-fra")
	code, out, errs := run(t, "", "bench", "scale", "--n", "500,1000", "--corpus", corpus, "--quiet", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Results []struct {
			Stage    string  `json:"stage"`
			Articles int     `json:"articles"`
			PerSec   float64 `json:"articles_per_second"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	// each size through each stage: dedup then story
	if len(rep.Results) != 4 || rep.Results[0].Stage != "dedup" || rep.Results[1].Stage != "story" ||
		rep.Results[3].Articles != 1000 || rep.Results[3].PerSec <= 0 {
		t.Errorf("results %+v", rep.Results)
	}
	for _, args := range [][]string{
		{"bench", "scale", "--n", "x"},
		{"bench", "scale", "--stages", "nope"},
		{"bench", "scale", "--format", "xml"},
		{"bench", "scale", "extra"},
	} {
		if code, _, errs := run(t, "", args...); code != ExitUsage || !strings.Contains(errs, "veille bench scale:") {
			t.Errorf("%v: exit %d, stderr %q; want usage error", args, code, errs)
		}
	}
}

// TestBenchDedup runs `veille bench dedup` on a small corpus written here.
func TestBenchDedup(t *testing.T) {
	dir := t.TempDir()
	words := strings.Fields("le la les un une des conseil ministre armée route pluie marché prix riz frontière sécurité convoi agence budget région ville nord sud accord sommet élection vote")
	var b strings.Builder
	b.WriteString("category\theadline\ttext\turl\n")
	for a := range 12 {
		var text []string
		for s := range 8 {
			var w []string
			for k := range 12 {
				w = append(w, words[(a*131+s*17+k*k*7+k)%len(words)]+strings.Repeat("x", (a+s+k)%3))
			}
			text = append(text, strings.Join(w, " ")+".")
		}
		cat := []string{"politics", "business"}[a%2]
		b.WriteString(cat + "\tTitre " + strings.Repeat("i", a+1) + "\t" + strings.Join(text, " ") + "\thttps://example.org/" + strings.Repeat("a", a+1) + "\n")
	}
	writeFiles(t, dir, map[string][]byte{"dev.tsv": []byte(b.String()), "test.tsv": []byte(b.String())})
	code, out, errs := run(t, "", "bench", "dedup", "--dir", dir)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"dev.tsv (used to choose the settings): 12 articles", "test.tsv (held out)", "minhash detector", "simhash d<=3"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if code, _, _ := run(t, "", "bench", "dedup", "--dir", filepath.Join(dir, "absent")); code != ExitFailed {
		t.Errorf("absent corpus: exit %d, want %d", code, ExitFailed)
	}
}
