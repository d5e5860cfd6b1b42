package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/veille-news/veille/internal/sharedtest"
)

// TestSeedsStories: the two pages about the October 2023 delegation (003
// dates it, 001 only says "ce samedi matin") are one story, and the five
// pages are not all one.
func TestSeedsStories(t *testing.T) {
	seeds := filepath.Join(sharedtest.Dir(t), "seeds")
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", seeds); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "stories", "--db", db, "--format", "json")
	if code != ExitOK {
		t.Fatalf("stories: exit %d: %s", code, stderr)
	}
	var stories []struct {
		ID       string `json:"id"`
		Label    string `json:"label"`
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatal(err)
	}
	page := map[string]string{} // article id → page number
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		page[hex.EncodeToString(sum[:])] = filepath.Base(f)[:3]
	}
	storyOf := map[string]int{}
	for k, s := range stories {
		if s.Label == "" {
			t.Errorf("story %s has no label", s.ID)
		}
		for _, a := range s.Articles {
			storyOf[page[a.ID]] = k
		}
	}
	if len(storyOf) != 5 {
		t.Fatalf("pages placed: %v", storyOf)
	}
	if storyOf["001"] != storyOf["003"] {
		t.Errorf("001 and 003 (the October 2023 delegation) are in different stories: %v", storyOf)
	}
	if len(stories) < 3 {
		t.Errorf("%d stories for five pages telling at least four events", len(stories))
	}
	// the story view of 001 holds 003 and its timeline
	code, out, stderr = run(t, "", "story", "--db", db, "--format", "json", stories[storyOf["001"]].ID)
	if code != ExitOK {
		t.Fatalf("story: exit %d: %s", code, stderr)
	}
	var view struct {
		Articles []struct{ ID string } `json:"articles"`
		Timeline []struct {
			Type string `json:"type"`
			When string `json:"when"`
		} `json:"timeline"`
	}
	if err := json.Unmarshal([]byte(out), &view); err != nil {
		t.Fatal(err)
	}
	var visit bool
	for _, e := range view.Timeline {
		visit = visit || (e.Type == "CONSULT" && e.When == "2023-10-05")
	}
	if len(view.Articles) != 2 || !visit {
		t.Errorf("story view: %d articles, timeline %v", len(view.Articles), view.Timeline)
	}
	// the nearest article of 003 is 001
	var id003 string
	for id, p := range page {
		if p == "003" {
			id003 = id
		}
	}
	code, out, stderr = run(t, "", "similar", "--db", db, "--format", "jsonl", "--limit", "2", id003[:10])
	if code != ExitOK {
		t.Fatalf("similar: exit %d: %s", code, stderr)
	}
	var first struct {
		ID    string  `json:"id"`
		Score float64 `json:"score"`
	}
	if err := json.Unmarshal([]byte(out[:strings.IndexByte(out, '\n')]), &first); err != nil {
		t.Fatal(err)
	}
	if page[first.ID] != "001" || first.Score <= 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("similar 003: %s", out)
	}
	if code, _, _ := run(t, "", "story", "--db", db, "ffffffffffff"); code != ExitFailed {
		t.Errorf("an unknown story: exit %d, want %d", code, ExitFailed)
	}
}

// TestStoryGraph: the sample pages' October 2023 visit is one story of
// four outlets, and its propagation graph holds Sahel Matin's rewrite by
// Sahel Flash Actu, a day later.
func TestStoryGraph(t *testing.T) {
	db := filepath.Join(t.TempDir(), "v.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", "../samples/pages"); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "stories", "--db", db, "--format", "jsonl", "--min-articles", "4")
	if code != ExitOK || strings.Count(out, "\n") != 1 {
		t.Fatalf("stories of 4+ articles: exit %d, %q, %s", code, out, stderr)
	}
	var st struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	code, out, stderr = run(t, "", "story", "--db", db, "--format", "json", st.ID)
	if code != ExitOK {
		t.Fatalf("story: exit %d: %s", code, stderr)
	}
	var view struct {
		Graph []struct {
			From, To string
			Directed bool
			Kind     string
		} `json:"graph"`
	}
	if err := json.Unmarshal([]byte(out), &view); err != nil {
		t.Fatal(err)
	}
	if len(view.Graph) != 1 || view.Graph[0].From != "Sahel Matin" || view.Graph[0].To != "Sahel Flash Actu" || !view.Graph[0].Directed || view.Graph[0].Kind != "rewrite" {
		t.Errorf("graph %+v", view.Graph)
	}
}

// TestStoriesPersist: stories are placed at ingest and recorded; a later
// ingest adds its articles to them or opens new ones, and no earlier
// story loses an article or changes its id.
func TestStoriesPersist(t *testing.T) {
	seeds := filepath.Join(sharedtest.Dir(t), "seeds")
	db := filepath.Join(t.TempDir(), "v.db")
	code, _, stderr := run(t, "", "ingest", "--db", db, seeds)
	if code != ExitOK || !strings.Contains(stderr, "5 article(s) placed in stories") {
		t.Fatalf("ingest seeds: exit %d: %s", code, stderr)
	}
	type st struct {
		ID       string `json:"id"`
		Articles []struct {
			ID        string `json:"id"`
			Published string `json:"published"`
		} `json:"articles"`
	}
	list := func(args ...string) []st {
		t.Helper()
		code, out, stderr := run(t, "", append([]string{"stories", "--db", db, "--format", "json"}, args...)...)
		if code != ExitOK {
			t.Fatalf("stories %v: exit %d: %s", args, code, stderr)
		}
		var s []st
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	members := func(s []st) map[string]string { // article → story
		m := map[string]string{}
		for _, x := range s {
			for _, a := range x.Articles {
				m[a.ID] = x.ID
			}
		}
		return m
	}
	before := members(list())
	if len(before) != 5 {
		t.Fatalf("seeds placed: %v", before)
	}
	code, _, stderr = run(t, "", "ingest", "--db", db, "../samples/pages")
	if code != ExitOK || !strings.Contains(stderr, "placed in stories") {
		t.Fatalf("ingest samples: exit %d: %s", code, stderr)
	}
	after := members(list())
	for a, s := range before {
		if after[a] != s {
			t.Errorf("article %s moved from story %s to %s", short(a), short(s), short(after[a]))
		}
	}
	if len(after) <= len(before) {
		t.Fatalf("%d articles in stories after the second ingest", len(after))
	}
	joined := 0
	for a, s := range after {
		if _, old := before[a]; !old && slices.Contains(slices.Collect(maps.Values(before)), s) {
			joined++
		}
	}
	if joined == 0 {
		t.Error("no sample page joined a story of the seeds (the samples retell the October 2023 visit)")
	}
	// Reading places nothing new and changes nothing.
	if again := members(list()); !maps.Equal(again, after) {
		t.Error("a second listing changed the stories")
	}
	// --since keeps the stories with an article in the period, whole.
	for _, x := range list("--since", "2024-01-01") {
		in := false
		for _, a := range x.Articles {
			in = in || a.Published >= "2024-01-01"
		}
		if !in {
			t.Errorf("story %s has no article since 2024-01-01", short(x.ID))
		}
	}
	// --rebuild clusters anew: every article is placed again.
	if rebuilt := members(list("--rebuild")); len(rebuilt) != len(after) {
		t.Errorf("after --rebuild: %d articles placed, want %d", len(rebuilt), len(after))
	}
	// --no-stories leaves placement to the next listing.
	db2 := filepath.Join(t.TempDir(), "w.db")
	if code, _, stderr := run(t, "", "ingest", "--db", db2, "--no-stories", seeds); code != ExitOK || strings.Contains(stderr, "placed") {
		t.Fatalf("ingest --no-stories: exit %d: %s", code, stderr)
	}
}
