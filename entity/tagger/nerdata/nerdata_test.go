package nerdata

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"", nil},
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Span{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-PER I-PER", []Span{{0, 2, "PER"}}},
		{"B-PER B-PER", []Span{{0, 1, "PER"}, {1, 2, "PER"}}},
		{"B-PER I-LOC", []Span{{0, 1, "PER"}, {1, 2, "LOC"}}},
		{"O I-ORG", []Span{{1, 2, "ORG"}}},
	}
	for _, tt := range tests {
		if got := Spans(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%q) = %v, want %v", tt.tags, got, tt.want)
		}
	}
}

func TestReadEuropeana(t *testing.T) {
	in := "M. O\nJean I-PER\nDupont I-PER\nB-PER\tB-PER\nà O\nRennes I-LOC\n. O\nLa O\nFrance I-LOC\nI-LOC I-LOC\n. O\n"
	// a token may itself look like a tag: only the last field is the tag
	got, err := ReadEuropeana(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: strings.Fields("M. Jean Dupont B-PER à Rennes ."), Tags: strings.Fields("O B-PER I-PER B-PER O B-LOC O")},
		{Tokens: strings.Fields("La France I-LOC ."), Tags: strings.Fields("O B-LOC I-LOC O")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if _, err := ReadEuropeana(strings.NewReader("lonely\n")); err == nil {
		t.Error("a line without a tag: want an error")
	}
}

func TestSegment(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Il part . Elle reste .", "Il part . | Elle reste ."},
		{"M . Dupont arrive .", "M . Dupont arrive ."},
		{"J . Dupont arrive ! 12 hommes", "J . Dupont arrive ! | 12 hommes"},
		{"fin . suite", "fin . suite"},
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.in)
		tags := make([]string, len(toks))
		for i := range tags {
			tags[i] = "O"
		}
		var parts []string
		for _, s := range Segment(toks, tags) {
			parts = append(parts, strings.Join(s.Tokens, " "))
		}
		if got := strings.Join(parts, " | "); got != tt.want {
			t.Errorf("Segment(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// never cut inside an entity, and cap the length
	toks := make([]string, 3*MaxSentence)
	tags := make([]string, len(toks))
	for i := range toks {
		toks[i], tags[i] = "x", "O"
	}
	for _, s := range Segment(toks, tags) {
		if len(s.Tokens) > MaxSentence {
			t.Errorf("sentence of %d tokens, max %d", len(s.Tokens), MaxSentence)
		}
	}
}

const hipe = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n" +
	"# hipe2022:document_id = d1\n" +
	"M\tB-PER\t_\tNoSpaceAfter\n" +
	".\tI-PER\t_\t_\n" +
	"Poin¬\tI-PER\t_\tNoSpaceAfter|EndOfLine\n" +
	"caré\tB-PER\t_\t_\n" +
	"est\tO\t_\t_\n" +
	"à\tO\t_\t_\n" +
	"l\tO\t_\tNoSpaceAfter\n" +
	"’\tO\t_\tNoSpaceAfter\n" +
	"Elysée\tB-LOC\t_\tNoSpaceAfter\n" +
	".\tO\t_\tEndOfSentence\n" +
	"La\tB-HumanProd\t_\t_\n" +
	"Chambre\tB-ORG\t_\t_\n" +
	"# hipe2022:document_id = d2\n" +
	"Paris\tB-LOC\t_\t_\n"

func TestReadHIPE(t *testing.T) {
	got, err := ReadHIPE(strings.NewReader(hipe))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: strings.Fields("M . Poincaré est à l' Elysée ."), Tags: strings.Fields("O O B-PER O O O B-LOC O")},
		{Tokens: strings.Fields("La Chambre"), Tags: strings.Fields("O B-ORG")},
		{Tokens: strings.Fields("Paris"), Tags: strings.Fields("B-LOC")},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	if _, err := ReadHIPE(strings.NewReader("Paris\tB-LOC\n")); err == nil {
		t.Error("data before the header: want an error")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "0\tLe\tO\n1\tNiger\tB-LOC\n\n0\tONU\tB-ORG\n1\tet\tO\n2\tUE\tI-ORG\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"Le", "Niger"}, Tags: []string{"O", "B-LOC"}},
		{Tokens: []string{"ONU", "et", "UE"}, Tags: []string{"B-ORG", "O", "I-ORG"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if _, err := ReadCoNLL(strings.NewReader("seul\n")); err == nil {
		t.Error("a line with one field: want an error")
	}
}

func TestSplitTail(t *testing.T) {
	s := make([]Sentence, 20)
	head, tail := SplitTail(s, 0.1)
	if len(head) != 18 || len(tail) != 2 {
		t.Errorf("split 20 at 10%%: %d + %d, want 18 + 2", len(head), len(tail))
	}
}

// TestSharedCorpora reads the real files when ../shared is present.
func TestSharedCorpora(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "bench", "ner")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared data:", err)
	}
	euTrain, euHeld, err := Europeana(dir)
	if err != nil {
		t.Fatal(err)
	}
	neTrain, neHeld, err := NewsEye(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string][]Sentence{"europeana train": euTrain, "europeana held-out": euHeld, "newseye train": neTrain, "newseye held-out": neHeld} {
		ents, toks := 0, 0
		for _, s := range set {
			ents += len(Spans(s.Tags))
			toks += len(s.Tokens)
			if len(s.Tokens) > MaxSentence+40 {
				t.Errorf("%s: sentence of %d tokens", name, len(s.Tokens))
			}
		}
		if ents < 500 || toks < 10_000 {
			t.Errorf("%s: %d entities in %d tokens, want more", name, ents, toks)
		}
	}
}
