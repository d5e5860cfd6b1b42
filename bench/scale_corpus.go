package bench

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/veille-news/veille/tokenize"
)

// ScaleDoc is one article of the scale and near-duplicate benchmarks: a
// real article of the corpus or a synthetic one built from them.
type ScaleDoc struct {
	ID    string
	Title string
	// Text is the article body, clean (no chrome), sentences separated by
	// spaces.
	Text string
	// Published is the publication date; zero for the corpus's articles,
	// which have none.
	Published time.Time
	// Category is the corpus's category of the article (business, health,
	// politics, sports, technology).
	Category string
	// CopyOf is, for a synthetic article made as a copy of an earlier
	// one, the earlier one's ID.
	CopyOf string
}

// NewsCorpusSplits are the files of the MasakhaNEWS French corpus
// (../shared/corpus/masakhanews-fra).
var NewsCorpusSplits = []string{"train-50", "dev", "test"}

// ReadNewsTSV reads one file of the MasakhaNEWS French corpus: a header
// line naming the tab-separated columns (category, headline, text and,
// except in train-50, url), then one article per line, CSV-quoted. An
// article's ID is its URL, else the file's name and line number; lines
// without text are skipped.
func ReadNewsTSV(path string) ([]ScaleDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: corpus: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("bench: corpus: %s: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	for _, c := range []string{"category", "headline", "text"} {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("bench: corpus: %s: no %q column", path, c)
		}
	}
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	var docs []ScaleDoc
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("bench: corpus: %s: %w", path, err)
		}
		d := ScaleDoc{
			ID:       field(rec, "url"),
			Title:    field(rec, "headline"),
			Text:     field(rec, "text"),
			Category: field(rec, "category"),
		}
		if d.Text == "" {
			continue
		}
		if d.ID == "" {
			d.ID = fmt.Sprintf("%s:%d", name, line)
		}
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("bench: corpus: %s: no article", path)
	}
	return docs, nil
}

// ReadNewsCorpus reads every file of the MasakhaNEWS French corpus under
// dir (../shared/corpus/masakhanews-fra from the repository root), in the
// order of NewsCorpusSplits.
func ReadNewsCorpus(dir string) ([]ScaleDoc, error) {
	var all []ScaleDoc
	for _, s := range NewsCorpusSplits {
		docs, err := ReadNewsTSV(filepath.Join(dir, s+".tsv"))
		if err != nil {
			return nil, err
		}
		all = append(all, docs...)
	}
	return all, nil
}

// scaleSentences returns the sentences of text, as strings.
func scaleSentences(text string) []string {
	ss := tokenize.Sentences(text)
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = text[s.Start:s.End]
	}
	return out
}
