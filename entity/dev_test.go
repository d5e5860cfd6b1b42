package entity

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

// TestDevNER scores the Recognizer and its bare tagger on the development
// sets when VEILLE_DEV_NER is set: the held-out Europeana and NewsEye
// parts and our hand annotation of MasakhaNEWS dev articles.
func TestDevNER(t *testing.T) {
	if os.Getenv("VEILLE_DEV_NER") == "" {
		t.Skip("set VEILLE_DEV_NER=1 to score the development sets")
	}
	dir := filepath.Join("..", "..", "shared", "bench", "ner")
	_, eu, err := nerdata.Europeana(dir)
	if err != nil {
		t.Skip(err)
	}
	_, ne, err := nerdata.NewsEye(dir)
	if err != nil {
		t.Skip(err)
	}
	gold, _, err := nerdata.MasakhaGoldDev(filepath.Join("..", "..", "shared", "corpus", "masakhanews-fra"),
		filepath.Join("tagger", "nerdata", nerdata.AnnotDir))
	if err != nil {
		t.Fatal(err)
	}
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, sys := range []struct {
		name string
		t    Tagger
	}{{"tagger", m}, {"recognizer", New(kb.Default(), m)}} {
		for _, set := range []struct {
			name  string
			sents []nerdata.Sentence
		}{{"europeana", eu}, {"newseye", ne}, {"news-gold", gold}} {
			var gold, pred [][]string
			for _, s := range set.sents {
				gold = append(gold, s.Tags)
				pred = append(pred, sys.t.Tag(s.Tokens))
			}
			types, all, err := bench.ScoreNER(gold, pred, bench.NERTypes)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%-10s %-9s F1 %.3f  PER %.3f/%.3f/%.3f  LOC %.3f/%.3f/%.3f  ORG %.3f/%.3f/%.3f", sys.name, set.name, all.F1,
				types["PER"].Precision, types["PER"].Recall, types["PER"].F1,
				types["LOC"].Precision, types["LOC"].Recall, types["LOC"].F1,
				types["ORG"].Precision, types["ORG"].Recall, types["ORG"].F1)
		}
	}
}
