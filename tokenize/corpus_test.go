package tokenize

import (
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the shared MasakhaNEWS French corpus, beside the repository.
const corpusDir = "../../shared/corpus/masakhanews-fra"

// corpusTexts reads the articles of the corpus (headline, blank line,
// text), skipping the test when the corpus is absent.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.tsv"))
	if len(files) == 0 {
		tb.Skip("corpus absent:", corpusDir)
	}
	var out []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			tb.Fatalf("open corpus: %v", err)
		}
		r := csv.NewReader(f)
		r.Comma = '\t'
		r.LazyQuotes = true
		r.FieldsPerRecord = -1
		for first := true; ; first = false {
			rec, err := r.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				f.Close()
				tb.Fatalf("read %s: %v", name, err)
			}
			if first || len(rec) < 3 {
				continue
			}
			out = append(out, rec[1]+"\n\n"+rec[2])
		}
		f.Close()
	}
	if len(out) == 0 {
		tb.Fatalf("no article read from %s", corpusDir)
	}
	return out
}

// TestCorpus checks the invariants on every article of the corpus and a
// few properties real French text must have.
func TestCorpus(t *testing.T) {
	texts := corpusTexts(t)
	var toks, sents, elided int
	for _, text := range texts {
		tt := Tokens(text)
		checkTokens(t, text, tt)
		ss := SentencesFromTokens(text, tt)
		checkSentences(t, text, tt, ss)
		toks += len(tt)
		sents += len(ss)
		for _, tk := range tt {
			if tk.Kind == Word && (strings.HasSuffix(tk.Text, "'") || strings.HasSuffix(tk.Text, "’")) {
				elided++
			}
		}
	}
	t.Logf("%d articles, %d tokens, %d sentences, %d elisions", len(texts), toks, sents, elided)
	// French news prose: sentences of some 15 to 40 tokens on average.
	if avg := float64(toks) / float64(sents); avg < 12 || avg > 45 {
		t.Errorf("average sentence length %.1f tokens: splitting is off", avg)
	}
	if elided < toks/100 {
		t.Errorf("only %d elisions in %d tokens", elided, toks)
	}
}

func benchCorpus(b *testing.B, f func(string) int) {
	texts := corpusTexts(b)
	var bytes int
	for _, t := range texts {
		bytes += len(t)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, t := range texts {
			n += f(t)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTokens tokenises the whole corpus; tokens/s is the figure to
// compare with the tagger's budget.
func BenchmarkTokens(b *testing.B) {
	var buf []Token
	benchCorpus(b, func(t string) int {
		buf = AppendTokens(buf[:0], t)
		return len(buf)
	})
}

// BenchmarkTokensAlloc is BenchmarkTokens through Tokens, allocating.
func BenchmarkTokensAlloc(b *testing.B) {
	benchCorpus(b, func(t string) int { return len(Tokens(t)) })
}

// BenchmarkSentences tokenises and splits the whole corpus.
func BenchmarkSentences(b *testing.B) {
	benchCorpus(b, func(t string) int {
		n := 0
		for _, s := range Sentences(t) {
			n += len(s.Tokens)
		}
		return n
	})
}

// BenchmarkFold folds every word of the corpus.
func BenchmarkFold(b *testing.B) {
	texts := corpusTexts(b)
	var words []string
	for _, t := range texts {
		for _, tk := range Tokens(t) {
			if tk.Kind == Word {
				words = append(words, tk.Text)
			}
		}
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, w := range words {
			n += len(Fold(w))
		}
	}
	b.ReportMetric(float64(len(words)*b.N)/b.Elapsed().Seconds(), "words/s")
}
