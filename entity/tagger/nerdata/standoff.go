package nerdata

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/veille-news/veille/tokenize"
)

// AnnotDir is the directory, relative to this package, of our own
// hand annotations of corpus texts (see Standoff).
const AnnotDir = "annot"

// Standoff reads hand annotations kept apart from the text they annotate
// and returns the annotated texts as tagged sentences, cut by package
// tokenize as veille cuts the texts it tags.
//
// corpus is a tab-separated file with a header naming its columns (the
// MasakhaNEWS layout: category, headline, text, url); rows are numbered
// from 1 after the header. Each annotation file holds lines
//
//	row <TAB> column <TAB> surface <TAB> type
//
// ('#' starts a comment): the mentions of one cell in the order they
// appear, each found in the cell after the end of the one before. Only
// the annotated cells are returned, every sentence of them, so a name the
// annotator left out counts as not a name. A surface that is not found is
// an error naming its line. A mention whose edges fall inside a token
// ("Mali" in the score line "Mali-Côte d'Ivoire", one token) cannot be
// tagged on our tokens: it is left out and counted in cut.
func Standoff(corpus string, annotations ...string) (sents []Sentence, cut int, err error) {
	rows, cols, err := ReadCells(corpus)
	if err != nil {
		return nil, 0, err
	}
	type cell struct {
		row int
		col string
	}
	type mention struct {
		surface, typ string
		where        string
	}
	cells := map[cell][]mention{}
	var order []cell
	for _, path := range annotations {
		if err := eachLine(path, func(n int, line string) error {
			f := strings.Split(line, "\t")
			if len(f) != 4 {
				return fmt.Errorf("%d fields, want 4", len(f))
			}
			row, err := strconv.Atoi(f[0])
			if err != nil || row < 1 || row > len(rows) {
				return fmt.Errorf("bad row %q", f[0])
			}
			if _, ok := cols[f[1]]; !ok {
				return fmt.Errorf("unknown column %q", f[1])
			}
			if f[3] != "PER" && f[3] != "LOC" && f[3] != "ORG" && f[3] != "MISC" {
				return fmt.Errorf("bad type %q", f[3])
			}
			c := cell{row, f[1]}
			if _, seen := cells[c]; !seen {
				order = append(order, c)
			}
			cells[c] = append(cells[c], mention{f[2], f[3], fmt.Sprintf("%s:%d", filepath.Base(path), n)})
			return nil
		}); err != nil {
			return nil, 0, err
		}
	}
	var out []Sentence
	var errs []error
	for _, c := range order {
		rec := rows[c.row-1]
		text := ""
		if i := cols[c.col]; i < len(rec) {
			text = rec[i]
		}
		sents := tokenize.Sentences(text)
		var toks []tokenize.Token
		for _, s := range sents {
			toks = append(toks, s.Tokens...)
		}
		tags := make([]string, len(toks))
		for i := range tags {
			tags[i] = "O"
		}
		from := 0
		for _, m := range cells[c] {
			at := strings.Index(text[from:], m.surface)
			if m.surface == "" || at < 0 {
				errs = append(errs, fmt.Errorf("nerdata: %s: %q not found in row %d %s after byte %d", m.where, m.surface, c.row, c.col, from))
				continue
			}
			start, end := from+at, from+at+len(m.surface)
			from = end
			first := slices.IndexFunc(toks, func(t tokenize.Token) bool { return t.Start == start })
			last := slices.IndexFunc(toks, func(t tokenize.Token) bool { return t.End == end })
			if first < 0 || last < first {
				cut++
				continue
			}
			tags[first] = "B-" + m.typ
			for k := first + 1; k <= last; k++ {
				tags[k] = "I-" + m.typ
			}
		}
		k := 0
		for _, s := range sents {
			sent := Sentence{Tokens: make([]string, len(s.Tokens)), Tags: tags[k : k+len(s.Tokens)]}
			for i, t := range s.Tokens {
				sent.Tokens[i] = t.Text
			}
			// a name cut by a sentence break starts again as B-
			if t := sent.Tags[0]; strings.HasPrefix(t, "I-") {
				sent.Tags[0] = "B-" + t[2:]
			}
			k += len(s.Tokens)
			out = append(out, sent)
		}
	}
	return out, cut, errors.Join(errs...)
}

// ReadCells reads a tab-separated file with a header line (the
// MasakhaNEWS layout): its rows and the index of each column name. Quotes
// are read leniently and rows may have any number of fields.
func ReadCells(path string) ([][]string, map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("nerdata: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("nerdata: %s: %w", path, err)
	}
	cols := map[string]int{}
	for i, h := range head {
		cols[h] = i
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, cols, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("nerdata: %s: %w", path, err)
		}
		rows = append(rows, rec)
	}
}

// eachLine calls fn on every non-blank, non-comment line of path, with
// its line number; an error names the file and line.
func eachLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("nerdata: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("nerdata: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("nerdata: %s: %w", path, err)
	}
	return nil
}

// MasakhaGoldDev reads our hand annotation of MasakhaNEWS French dev.tsv
// (the files masakhanews-dev-*.tsv of annotDir) over the corpus file in
// corpusDir: a gold development set of modern African news. It returns
// no sentences and no error when annotDir has no such file; cut is as
// for Standoff.
func MasakhaGoldDev(corpusDir, annotDir string) (sents []Sentence, cut int, err error) {
	files, err := filepath.Glob(filepath.Join(annotDir, "masakhanews-dev-*.tsv"))
	if err != nil || len(files) == 0 {
		return nil, 0, err
	}
	slices.Sort(files)
	return Standoff(filepath.Join(corpusDir, "dev.tsv"), files...)
}
