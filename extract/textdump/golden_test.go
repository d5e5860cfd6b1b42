package textdump_test

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"hash"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/veille-news/veille/extract/textdump"
	"github.com/veille-news/veille/internal/sharedtest"
)

// The golden test pins the package's output, byte for byte, on every text
// dump at hand: it is what lets the code be rewritten for speed with the
// certainty that nothing it decides has changed. Only digests are
// committed, never page content; pages are keyed by a digest of their
// text, so no page name enters the repository either.

var update = flag.Bool("update", false, "rewrite the golden digests from the current code")

const goldenFile = "testdata/golden.sha256"

// mutate returns text with a few bytes replaced by random ones (invalid
// UTF-8, control characters, brackets), deterministically from seed.
func mutate(text string, seed uint64) string {
	if text == "" {
		return text
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	b := []byte(text)
	specials := []byte{0xff, 0xc3, 0x80, '\t', '\r', '[', ']', '{', '}', '.', ':', ' ', '\n', '-', '*'}
	for range 1 + len(b)/500 {
		i := r.IntN(len(b))
		if r.IntN(2) == 0 {
			b[i] = specials[r.IntN(len(specials))]
		} else {
			b[i] = byte(r.IntN(256))
		}
	}
	return string(b)
}

// digestResult hashes everything a Result holds.
func digestResult(h hash.Hash, r textdump.Result) {
	fmt.Fprintf(h, "lines %d\n", len(r.Lines))
	for _, l := range r.Lines {
		fmt.Fprintf(h, "%q\n", l)
	}
	fmt.Fprintf(h, "body %v start %d end %d\ntext %q\n", r.Body, r.Start, r.End, r.Text)
}

// digestLines hashes the exported line-level analysis of every line.
func digestLines(h hash.Hash, lines []string) {
	fmt.Fprintf(h, "wrap %v\n", textdump.WrapWidths(lines))
	for _, l := range lines {
		fmt.Fprintf(h, "%+v\n", textdump.AnalyzeLine(l))
		name, isName := textdump.BylineName(l)
		sr, lang := textdump.StopwordRatio(l)
		fmt.Fprintf(h, "%t %t %t %t %t %t %t %t %t %t %t %t %t %t %q %q %t %v %d %d %d %q\n",
			textdump.IsBullet(l), textdump.IsPlaceholder(l), textdump.IsMedia(l), textdump.IsUILabel(l),
			textdump.IsEndHeading(l), textdump.IsRelatedHeading(l), textdump.IsShareRow(l), textdump.IsByline(l),
			textdump.IsReadingTime(l), textdump.IsCopyright(l), textdump.IsCredit(l), textdump.HasDate(l),
			textdump.IsDateLine(l), textdump.IsCommentHeader(l), textdump.TrimBullet(l), name, isName,
			sr, lang, textdump.Width(l), textdump.Indent(l), textdump.Words(l))
	}
}

// goldenDigests computes, for each dump and a mutated copy of it, the
// digest of its extraction without a template, with its set's template,
// and of its per-line analysis.
func goldenDigests(tb testing.TB) (map[string]string, map[string]string) {
	got := make(map[string]string)
	where := make(map[string]string)
	for _, s := range sharedtest.DumpSets(tb) {
		for v, variant := range []string{"", "mutated/"} {
			texts := s.Texts
			if v == 1 {
				texts = make([]string, len(s.Texts))
				for i, t := range s.Texts {
					texts[i] = mutate(t, uint64(i))
				}
			}
			tpl := textdump.Learn(texts)
			for i, text := range texts {
				k := variant + sharedtest.TextKey(text)
				where[k] = s.Paths[i]
				h := sha256.New()
				digestResult(h, textdump.Extract(text, nil))
				got[k+" plain"] = sharedtest.Sum(h)
				h = sha256.New()
				digestResult(h, textdump.Extract(text, tpl))
				got[k+" template/"+s.Name] = sharedtest.Sum(h)
				h = sha256.New()
				digestLines(h, strings.Split(text, "\n"))
				got[k+" lines"] = sharedtest.Sum(h)
			}
		}
	}
	return got, where
}

// TestGolden checks that extraction output is unchanged on every dump at
// hand. Run with -update to rewrite the digests after an intended change.
func TestGolden(t *testing.T) {
	got, where := goldenDigests(t)
	sharedtest.Golden(t, goldenFile, *update, got, where)
}

// TestExtractConcurrent checks that extractions running at the same time
// (they share pooled working memory) give what they give one at a time.
func TestExtractConcurrent(t *testing.T) {
	var texts []string
	for _, s := range sharedtest.DumpSets(t) {
		texts = append(texts, s.Texts...)
	}
	want := make([]textdump.Result, len(texts))
	for i, text := range texts {
		want[i] = textdump.Extract(text, nil)
	}
	errs := make(chan string, len(texts))
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range texts {
				i := (k + g*len(texts)/4) % len(texts)
				got := textdump.Extract(texts[i], nil)
				if got.Text != want[i].Text || got.Start != want[i].Start || got.End != want[i].End ||
					!slices.Equal(got.Body, want[i].Body) {
					errs <- fmt.Sprintf("page %d differs when extracted concurrently", i)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
