package nerdata

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestStandoff(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.tsv")
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("c.tsv", "category\theadline\ttext\turl\n"+
		"politics\tMacron à Dakar\tLe président Emmanuel Macron a rencontré Macky Sall. Macron est reparti vers la Côte d'Ivoire.\tu1\n"+
		"sports\tRien\tPas de nom ici.\tu2\n")
	good := write("a.tsv", "# comment\n"+
		"1\ttext\tEmmanuel Macron\tPER\n"+
		"1\ttext\tMacky Sall\tPER\n"+
		"1\ttext\tMacron\tPER\n"+
		"1\ttext\tCôte d'Ivoire\tLOC\n"+
		"1\theadline\tDakar\tLOC\n")
	got, cut, err := Standoff(corpus, good)
	if err != nil || cut != 0 {
		t.Fatal(cut, err)
	}
	if len(got) != 3 { // two sentences of text, one of headline
		t.Fatalf("%d sentences, want 3: %v", len(got), got)
	}
	want := []string{"O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O"}
	if !reflect.DeepEqual(got[0].Tags, want) {
		t.Errorf("sentence 1 tags %v\ntokens %q\nwant %v", got[0].Tags, got[0].Tokens, want)
	}
	if s := got[1]; s.Tags[0] != "B-PER" || s.Tags[len(s.Tags)-4] != "B-LOC" || s.Tags[len(s.Tags)-2] != "I-LOC" {
		t.Errorf("sentence 2 tags %v tokens %q", s.Tags, s.Tokens)
	}
	if s := got[2]; !reflect.DeepEqual(s.Tags, []string{"O", "O", "B-LOC"}) {
		t.Errorf("headline tags %v", s.Tags)
	}

	for name, bad := range map[string]string{
		"order":  "1\ttext\tMacky Sall\tPER\n1\ttext\tEmmanuel Macron\tPER\n",
		"type":   "1\ttext\tMacron\tPERSON\n",
		"row":    "3\ttext\tMacron\tPER\n",
		"column": "1\tbody\tMacron\tPER\n",
		"fields": "1\ttext\tMacron\n",
	} {
		p := write(name+".tsv", bad)
		if _, _, err := Standoff(corpus, p); err == nil || !strings.Contains(err.Error(), name+".tsv") {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
}

func TestStandoffCutMention(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.tsv")
	annot := filepath.Join(dir, "a.tsv")
	os.WriteFile(corpus, []byte("headline\ttext\nx\tLe derby Mali-Ghana à Dakar.\n"), 0o644)
	os.WriteFile(annot, []byte("1\ttext\tMali\tLOC\n1\ttext\tGhana\tLOC\n1\ttext\tDakar\tLOC\n"), 0o644)
	got, cut, err := Standoff(corpus, annot)
	if err != nil || cut != 2 || len(got) != 1 {
		t.Fatalf("cut %d, err %v, %d sentences; want 2 cut, one sentence", cut, err, len(got))
	}
	if n := len(Spans(got[0].Tags)); n != 1 {
		t.Errorf("%d spans, want Dakar only: %v %q", n, got[0].Tags, got[0].Tokens)
	}
}
