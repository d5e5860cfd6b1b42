package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run runs veille with args and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }}
	code := Main(context.Background(), env, args)
	return code, out.String(), errb.String()
}

const dump = `  • Accueil
  • Politique
  • Sport
Coopération : une délégation russe reçue à Ouagadougou

Par Awa Kaboré
Publié le 7 octobre 2023

Une délégation militaire russe conduite par un vice-ministre de la Défense a été reçue ce samedi à Ouagadougou par le chef de l'État, qui a salué la qualité des relations entre les deux pays.

Les échanges ont porté sur la formation des forces armées, la fourniture d'équipements et le renseignement, selon un communiqué publié à l'issue de la rencontre par la présidence.

La délégation s'était auparavant rendue à Bamako, où elle a rencontré les autorités de la transition malienne pour des discussions similaires sur la sécurité au Sahel.

Partager : Facebook Twitter WhatsApp
© Le Journal 2023 — tous droits réservés
`

const page = `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Niamey accueille des instructeurs russes | Le Journal</title>
<meta property="og:title" content="Niamey accueille des instructeurs russes">
<meta property="article:published_time" content="2024-04-12T09:30:00+00:00"></head>
<body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Niamey accueille des instructeurs russes</h1>
<p>Des instructeurs militaires russes sont arrivés à Niamey avec un système de défense aérienne, a annoncé la télévision nationale nigérienne, quelques mois après le coup d'État de juillet 2023.</p>
<p>Les autorités de transition du Niger avaient auparavant dénoncé les accords militaires qui les liaient aux États-Unis et demandé le départ des troupes françaises du pays.</p>
<p>Cette arrivée confirme le rapprochement entre Niamey et Moscou, déjà engagé par le Mali et le Burkina Faso voisins au sein de l'Alliance des États du Sahel.</p>
</article><footer>© Le Journal</footer></body></html>`

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func gzipped(b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Bytes()
}

func TestExtractJSONL(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a/dump.txt":      []byte(dump),
		"a/page.html.gz":  gzipped([]byte(page)),
		"b/empty.txt":     nil,
		"b/image.txt":     append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 100)...),
		"b/latin1.txt":    []byte("La d\xe9l\xe9gation russe a \xe9t\xe9 re\xe7ue \xe0 Ouagadougou par le chef de l'\xc9tat, qui a salu\xe9 la qualit\xe9 des relations.\n"),
		"b/.hidden.txt":   []byte("ignored"),
		"c/not-a-dir.txt": []byte(dump),
	})
	code, out, stderr := run(t, "", "extract", "--format", "jsonl", filepath.Join(dir, "a"), filepath.Join(dir, "b"), filepath.Join(dir, "missing"))
	if code != ExitPartial {
		t.Errorf("exit = %d, want %d (some bad inputs); stderr:\n%s", code, ExitPartial, stderr)
	}
	for _, want := range []string{"empty.txt: empty file", "image.txt: binary content (image/png)", "missing: unreadable path"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d articles, want 3:\n%s", len(lines), out)
	}
	keys := []string{"source", "id", "format", "site", "url", "title", "authors", "published", "updated", "published_from", "language", "tags", "categories", "text"}
	byName := map[string]map[string]any{}
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("bad JSON line %q: %v", l, err)
		}
		for _, k := range keys {
			if _, ok := m[k]; !ok {
				t.Errorf("article lacks key %q", k)
			}
		}
		byName[filepath.Base(m["source"].(string))] = m
	}
	d := byName["dump.txt"]
	if d == nil {
		t.Fatal("no article for dump.txt")
	}
	if d["format"] != "text" || d["language"] != "fr" || d["published"] != "2023-10-07" {
		t.Errorf("dump: format=%v language=%v published=%v", d["format"], d["language"], d["published"])
	}
	if txt := d["text"].(string); !strings.Contains(txt, "Les échanges ont porté") || strings.Contains(txt, "Accueil") || strings.Contains(txt, "Partager") {
		t.Errorf("dump body wrong:\n%s", txt)
	}
	h := byName["page.html.gz"]
	if h == nil {
		t.Fatal("no article for page.html.gz")
	}
	if h["format"] != "html" || h["title"] != "Niamey accueille des instructeurs russes" || !strings.HasPrefix(h["published"].(string), "2024-04-12") {
		t.Errorf("html: format=%v title=%v published=%v", h["format"], h["title"], h["published"])
	}
	if l := byName["latin1.txt"]; l == nil || !strings.Contains(l["text"].(string), "délégation") {
		t.Errorf("latin-1 dump not decoded: %v", l)
	}
}

func TestExtractStdinAndFormats(t *testing.T) {
	for _, format := range []string{"text", "json", "jsonl"} {
		code, out, stderr := run(t, dump, "extract", "--quiet", "--format", format, "-")
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", format, code, stderr)
		}
		switch format {
		case "json":
			var v []map[string]any
			if err := json.Unmarshal([]byte(out), &v); err != nil || len(v) != 1 {
				t.Errorf("json output is not an array of one: %v\n%s", err, out)
			}
		case "text":
			if !strings.Contains(out, "# Coopération : une délégation russe reçue à Ouagadougou") {
				t.Errorf("text output lacks the title:\n%s", out)
			}
		}
		if stderr != "" {
			t.Errorf("--quiet still wrote to stderr: %q", stderr)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"nope"},
		{"extract"},
		{"extract", "--format", "xml", "x"},
		{"articles", "--since", "hier"},
		{"bench", "nothing"},
	}
	for _, args := range tests {
		if code, _, _ := run(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, ExitUsage)
		}
	}
	if code, out, _ := run(t, "", "help"); code != ExitOK || !strings.Contains(out, "ingest") {
		t.Errorf("help: exit %d, output %q", code, out)
	}
}

func TestIngestIdempotentAndArticles(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "v.db")
	writeFiles(t, dir, map[string][]byte{
		"in/dump.txt":  []byte(dump),
		"in/page.html": []byte(page),
		"in/copy.txt":  []byte(dump),
		"in/bad.txt":   nil,
	})
	code, _, stderr := run(t, "", "ingest", "--db", db, filepath.Join(dir, "in"))
	if code != ExitPartial || !strings.Contains(stderr, "bad.txt: empty file") {
		t.Fatalf("first ingest: exit %d, stderr %s", code, stderr)
	}
	code, _, stderr = run(t, "", "ingest", "--db", db, filepath.Join(dir, "in", "dump.txt"), filepath.Join(dir, "in", "page.html"))
	if code != ExitOK || !strings.Contains(stderr, "2 already stored") {
		t.Fatalf("second ingest: exit %d, stderr %s", code, stderr)
	}
	code, out, stderr := run(t, "", "articles", "--db", db, "--format", "jsonl")
	if code != ExitOK {
		t.Fatalf("articles: exit %d: %s", code, stderr)
	}
	if n := strings.Count(strings.TrimSpace(out), "\n") + 1; n != 2 {
		t.Errorf("store holds %d articles, want 2 (the copy shares its bytes):\n%s", n, out)
	}
	code, out, _ = run(t, "", "articles", "--db", db, "--since", "2024")
	if code != ExitOK || !strings.Contains(out, "Niamey accueille") || strings.Contains(out, "Coopération") {
		t.Errorf("articles --since 2024:\n%s", out)
	}
	var first map[string]any
	_, out, _ = run(t, "", "articles", "--db", db, "--format", "jsonl", "--limit", "1")
	json.Unmarshal([]byte(out), &first)
	id, _ := first["id"].(string)
	if code, out, _ = run(t, "", "show", "--db", db, id[:8]); code != ExitOK || !strings.Contains(out, id) {
		t.Errorf("show %s: exit %d\n%s", id[:8], code, out)
	}
	if code, out, _ = run(t, "", "failures", "--db", db); code != ExitOK || !strings.Contains(out, "bad.txt") {
		t.Errorf("failures: exit %d\n%s", code, out)
	}
}

func TestBatchesKeepOrderAndCount(t *testing.T) {
	var ids [2][]string
	for i, batch := range []string{"1000", "4"} {
		code, out, stderr := run(t, "", "extract", "--quiet", "--batch", batch, "../samples/pages")
		if code != ExitOK {
			t.Fatalf("--batch %s: exit %d: %s", batch, code, stderr)
		}
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatal(err)
			}
			ids[i] = append(ids[i], m["id"].(string))
		}
	}
	if strings.Join(ids[0], ",") != strings.Join(ids[1], ",") || len(ids[0]) < 10 {
		t.Errorf("batches changed the articles or their order: %d vs %d", len(ids[0]), len(ids[1]))
	}
}

func TestNER(t *testing.T) {
	in := `{"id":"a","text":"Le Capitaine Ibrahim TRAORE a reçu à Ouagadougou une délégation russe. Le Président TRAORE a remercié la délégation et Moscou a salué la coopération.","date":"2023-10-07"}
not json
{"id":"empty","text":""}
{"id":"b","text":"` + strings.Repeat("x", 400) + `"}
`
	code, out, stderr := run(t, in, "ner", "--max-size", "300")
	if code != ExitPartial {
		t.Errorf("exit %d, want %d; stderr %s", code, ExitPartial, stderr)
	}
	if !strings.Contains(stderr, "line 2: not a JSON object") || !strings.Contains(stderr, "line 4: line too long") {
		t.Errorf("stderr lacks the bad lines:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("got %d output lines, want 2:\n%s", len(lines), out)
	}
	var a struct {
		ID       string `json:"id"`
		Entities []struct {
			Start, End    int
			Type, Text    string
			Entity, Label string
		} `json:"entities"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &a); err != nil {
		t.Fatal(err)
	}
	text := "Le Capitaine Ibrahim TRAORE a reçu à Ouagadougou une délégation russe. Le Président TRAORE a remercié la délégation et Moscou a salué la coopération."
	ids := map[string]string{}
	for _, e := range a.Entities {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("offsets [%d,%d) give %q, not %q", e.Start, e.End, text[e.Start:e.End], e.Text)
		}
		ids[e.Text] = e.Entity
	}
	if ids["Ibrahim TRAORE"] == "" || ids["Ibrahim TRAORE"] != ids["TRAORE"] {
		t.Errorf("Traoré variants not merged: %v", ids)
	}
	if ids["russe"] == "" || ids["russe"] != ids["Moscou"] {
		t.Errorf("russe and Moscou (as government) not one state: %v", ids)
	}
	if !strings.Contains(lines[1], `"id":"empty","entities":[]`) {
		t.Errorf("empty text: %s", lines[1])
	}
}

func TestNoArticleTextWarns(t *testing.T) {
	menu := "  • Accueil\n  • Politique\n  • Sport\n  • Contact\n"
	code, out, stderr := run(t, menu, "extract", "-")
	if code != ExitOK {
		t.Errorf("exit %d, want %d (a warning is not a failure)", code, ExitOK)
	}
	if !strings.Contains(stderr, "-: no article text found") {
		t.Errorf("no warning for a page without article text:\n%s", stderr)
	}
	if !strings.Contains(out, `"text":""`) {
		t.Errorf("the empty article is still output:\n%s", out)
	}
}
