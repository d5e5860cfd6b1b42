package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDuplicates: a page stored again under other chrome, and a
// truncated copy of it, form one group with the original first; among
// the sample pages, which mostly tell the same events in their own
// words, only Sahel Flash Actu's light rewrite of Sahel Matin is a
// duplicate.
func TestDuplicates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	orig, err := os.ReadFile("../samples/pages/courrier-du-faso-confederation.txt")
	if err != nil {
		t.Fatal(err)
	}
	copies := filepath.Join(dir, "copies")
	if err := os.Mkdir(copies, 0o755); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(orig), "\n")
	chrome := "Accueil | Politique | Sport | Contact\nPartager sur Facebook\n" + string(orig) + "\nLire aussi : les dix articles les plus lus\n© Tous droits réservés\n"
	truncated := strings.Join(lines[:len(lines)*2/3], "\n") + "\n"
	for name, text := range map[string]string{"chrome.txt": chrome, "truncated.txt": truncated} {
		if err := os.WriteFile(filepath.Join(copies, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run(t, "", "ingest", "--db", db, "--quiet", "--no-stories", "../samples/pages", copies); code != ExitOK {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	code, out, stderr := run(t, "", "duplicates", "--db", db, "--format", "json")
	if code != ExitOK {
		t.Fatalf("duplicates: exit %d: %s", code, stderr)
	}
	var groups []dupGroup
	if err := json.Unmarshal([]byte(out), &groups); err != nil {
		t.Fatal(err)
	}
	if len(groups) != 2 {
		t.Fatalf("want 2 groups, got %s", out)
	}
	for _, g := range groups {
		switch g.Articles[0].Site {
		case "Le Courrier du Faso":
			if len(g.Articles) != 3 || g.Articles[1].Of != g.ID || g.Articles[2].Of != g.ID {
				t.Errorf("the original should open the group of its two copies: %+v", g.Articles)
			}
		case "Sahel Matin":
			if len(g.Articles) != 2 || g.Articles[1].Site != "Sahel Flash Actu" || g.Articles[1].Exact {
				t.Errorf("Sahel Flash Actu's rewrite should follow Sahel Matin: %+v", g.Articles)
			}
		default:
			t.Errorf("unexpected group: %+v", g.Articles)
		}
	}
	code, text, _ := run(t, "", "duplicates", "--db", db)
	if code != ExitOK || !strings.Contains(text, "3 articles") || !strings.Contains(text, "copy of") {
		t.Errorf("text output: %s", text)
	}
	// an empty store has no groups
	code, out, stderr = run(t, "", "duplicates", "--db", filepath.Join(dir, "empty.db"), "--format", "jsonl")
	if code != ExitOK || out != "" {
		t.Errorf("empty store: exit %d, %q, %s", code, out, stderr)
	}
}
