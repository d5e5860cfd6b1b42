package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

func TestTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"L'armée du Burkina-Faso a tiré.", "L' armée du Burkina-Faso a tiré ."},
		{"aujourd’hui, 9,4 millions", "aujourd' hui , 9 , 4 millions"},
		{"« Non ! » -- fin", "« Non ! » - - fin"},
		{"\xff\xfe", "\xff \xfe"},
	}
	for _, tt := range tests {
		if got := strings.Join(tokens(tt.in), " "); got != tt.want {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func rules() silverRules {
	countries := tagger.NewPhrases()
	countries.Add([]string{"Mali"}, "LOC")
	lower := map[string]bool{"le": true, "la": true, "hier": true, "selon": true}
	return silverRules{consistent: true, acronyms: true, known: countries,
		lowerish: func(w string) bool { return lower[strings.ToLower(w)] }}
}

func TestSilverRules(t *testing.T) {
	r := rules()
	tests := []struct {
		name, toks, tags string
		keep             bool
		want             string
	}{
		{"acronym alone", "la CEDEAO a parlé", "O O O O", true, "O B-ORG O O"},
		{"acronym as surname", "Ibrahim TRAORE a parlé", "B-PER I-PER O O", true, "B-PER I-PER O O"},
		{"acronym after a name", "Ibrahim TRAORE a parlé", "B-PER O O O", false, ""},
		{"country", "le Mali a voté", "O B-PER O O", true, "O B-LOC O O"},
		{"missed name dropped", "hier Bamako a voté", "O O O O", false, ""},
		{"heading word kept", "Selon lui , rien", "O O O O", true, "O O O O"},
		{"lower-case entity dropped", "il a vu la ville", "O O O B-LOC I-LOC", false, ""},
	}
	for _, tt := range tests {
		toks, tags := strings.Fields(tt.toks), strings.Fields(tt.tags)
		r.markAcronyms(toks, tags)
		for _, sp := range nerdata.Spans(r.known.Tags(toks)) {
			relabel(tags, sp)
		}
		if got := r.keep(toks, tags); got != tt.keep {
			t.Errorf("%s: keep = %v, want %v (%v)", tt.name, got, tt.keep, tags)
			continue
		}
		if tt.keep && strings.Join(tags, " ") != tt.want {
			t.Errorf("%s: tags %v, want %s", tt.name, tags, tt.want)
		}
	}
}

func TestRelabel(t *testing.T) {
	tags := strings.Fields("B-ORG I-ORG O O")
	relabel(tags, nerdata.Span{Start: 1, End: 2, Type: "LOC"}) // inside an ORG: left alone
	relabel(tags, nerdata.Span{Start: 2, End: 4, Type: "LOC"})
	if got := strings.Join(tags, " "); got != "B-ORG I-ORG B-LOC I-LOC" {
		t.Errorf("got %s", got)
	}
}

func TestWithGazShare(t *testing.T) {
	r := silverRules{gazShare: 0.3}
	n := 0
	for i := range 10000 {
		if r.withGaz(i) {
			n++
		}
	}
	if n < 2800 || n > 3200 {
		t.Errorf("%d of 10000 examples see the gazetteer, want about 3000", n)
	}
	if (silverRules{}).withGaz(5) {
		t.Error("share 0: no example sees the gazetteer")
	}
}

// TestBuildTiny runs the whole command on tiny corpora written here.
func TestBuildTiny(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var eu strings.Builder
	names := []string{"Diallo", "Martin", "Keïta", "Durand", "Sanogo", "Bernard"}
	places := []string{"Lyon", "Gao", "Nantes", "Kayes", "Dori", "Agadez"}
	for i := range 200 {
		eu.WriteString("M. O\n" + names[i%6] + " I-PER\nest O\nà O\n" + places[i%6] + " I-LOC\n. O\n")
	}
	write(nerdata.EuropeanaFile, eu.String())
	hipe := "TOKEN\tNE-COARSE-LIT\tMISC\n# hipe2022:document_id = d\nParis\tB-LOC\t_\nbrille\tO\tEndOfSentence\n"
	write(nerdata.NewsEyeTrain, hipe)
	write(nerdata.NewsEyeHeldOut, hipe)
	write("corpus/a.tsv", "category\theadline\ttext\turl\nx\tTitre\tLe président Diallo est arrivé à Gao. Il a vu Martin à Lyon.\tu\n")
	write("countries.json", `[{"translations":{"fra":{"common":"Mali","official":"République du Mali"}}}]`)
	out := filepath.Join(dir, "m.gz")
	args := []string{"-data", dir, "-corpus", filepath.Join(dir, "corpus"), "-countries", filepath.Join(dir, "countries.json"),
		"-out", out, "-eval=false", "-epochs", "2", "-clusters", "10"}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := run(context.Background(), log, args, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := tagger.Load(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Tag(strings.Fields("M. Keïta est à Kayes .")); strings.Join(got, " ") != "O B-PER O O B-LOC O" {
		t.Errorf("tiny model tags %v", got)
	}
	// same inputs, same file
	out2 := filepath.Join(dir, "m2.gz")
	args[7] = out2
	if err := run(context.Background(), log, args, io.Discard); err != nil {
		t.Fatal(err)
	}
	if b2, _ := os.ReadFile(out2); !bytes.Equal(b, b2) {
		t.Error("two runs with the same inputs wrote different models")
	}
	if err := run(context.Background(), log, []string{"-data", filepath.Join(dir, "none"), "-eval=false", "-out", out}, io.Discard); err == nil {
		t.Error("missing data: want an error")
	}
	if err := run(context.Background(), log, []string{"stray"}, io.Discard); err == nil {
		t.Error("stray argument: want an error")
	}
}
