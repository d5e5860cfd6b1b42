package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille-news/veille/entity/tagger/nerdata"
	"github.com/veille-news/veille/tokenize"
)

// readCorpus reads the "headline" and "text" columns of every *.tsv file
// in dir (sorted by name) and returns their sentences as tokens, cut by
// package tokenize as veille cuts the texts it tags: those of the file
// named devFile apart (held out), those of the others in train.
func readCorpus(dir, devFile string) (train, held [][]string, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.tsv"))
	if err != nil {
		return nil, nil, fmt.Errorf("corpus: %w", err)
	}
	slices.Sort(files)
	for _, f := range files {
		texts, err := readTSV(f)
		if err != nil {
			return nil, nil, err
		}
		out := &train
		if isHeldOutFile(f, devFile) {
			out = &held
		}
		for _, t := range texts {
			for _, s := range tokenize.Sentences(t) {
				toks := make([]string, len(s.Tokens))
				for i, tk := range s.Tokens {
					toks[i] = tk.Text
				}
				*out = append(*out, toks)
			}
		}
	}
	return train, held, nil
}

func readTSV(path string) ([]string, error) {
	rows, cols, err := nerdata.ReadCells(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	var use []int
	for _, name := range []string{"headline", "text"} {
		if i, ok := cols[name]; ok {
			use = append(use, i)
		}
	}
	if len(use) == 0 {
		return nil, fmt.Errorf("corpus: %s: no headline or text column", path)
	}
	slices.Sort(use)
	var out []string
	for _, rec := range rows {
		for _, c := range use {
			if c < len(rec) {
				out = append(out, rec[c])
			}
		}
	}
	return out, nil
}

// tokens is a plain French tokeniser for unlabelled text: words (with
// inner hyphens and dots of abbreviations kept), elided articles with their
// apostrophe ("l'"), numbers, and every other symbol alone.
func tokens(s string) []string {
	var out []string
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			out = append(out, s[i:i+n])
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j += n
				continue
			}
			if r == '\'' || r == '’' {
				// elision: keep the apostrophe with the word before
				j += n
				break
			}
			if r == '-' && j+n < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(r2) || unicode.IsDigit(r2) {
					j += n
					continue
				}
			}
			break
		}
		out = append(out, strings.ReplaceAll(s[i:j], "’", "'"))
		i = j
	}
	return out
}
