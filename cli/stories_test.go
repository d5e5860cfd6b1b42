package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
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
