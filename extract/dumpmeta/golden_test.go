package dumpmeta_test

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"hash"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/extract/dumpmeta"
	"github.com/veille-news/veille/extract/textdump"
	"github.com/veille-news/veille/internal/sharedtest"
)

// The golden test pins the package's output, byte for byte, on every text
// dump at hand, with the body region textdump finds (with and without a
// learned template) and with no region: it is what lets the code be
// rewritten for speed with the certainty that nothing it finds has
// changed. Only digests are committed, never page content; pages are keyed
// by a digest of their text.

var update = flag.Bool("update", false, "rewrite the golden digests from the current code")

const goldenFile = "testdata/golden.sha256"

// mutate returns text with a few bytes replaced by random ones,
// deterministically from seed.
func mutate(text string, seed uint64) string {
	if text == "" {
		return text
	}
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	b := []byte(text)
	specials := []byte{0xff, 0xc3, 0x80, '\t', '\r', '[', ']', '{', '}', '.', ':', ' ', '\n', '-', '*', '|', '/'}
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

func date(d veille.Date) string {
	return fmt.Sprintf("%s/%v", d.Time.Format(time.RFC3339Nano), d.Precision)
}

// digestMeta hashes every field of m.
func digestMeta(h hash.Hash, m dumpmeta.Meta) {
	fmt.Fprintf(h, "title %q\nauthors %q\npub %s upd %s from %q\ntags %q\ncats %q\nconsumed %v\n",
		m.Title, m.Authors, date(m.Published), date(m.Updated), m.PublishedFrom, m.Tags, m.Categories, m.Consumed)
}

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
				for _, run := range []struct {
					name string
					tpl  *textdump.Template
				}{{"plain", nil}, {"template/" + s.Name, tpl}} {
					r := textdump.Extract(text, run.tpl)
					h := sha256.New()
					digestMeta(h, dumpmeta.Find(r.Lines, r.Start, r.End))
					fmt.Fprintf(h, "site %q\n", dumpmeta.Site(r.Lines, r.Start, r.End))
					got[k+" "+run.name] = sharedtest.Sum(h)
				}
				lines := strings.Split(text, "\n")
				h := sha256.New()
				digestMeta(h, dumpmeta.Find(lines, 0, 0))
				fmt.Fprintf(h, "site %q\n", dumpmeta.Site(lines, 0, 0))
				for _, l := range lines {
					for _, m := range dumpmeta.FindDates(l) {
						fmt.Fprintf(h, "%d %d %s ", m.Start, m.End, date(m.Date))
					}
					fmt.Fprintln(h)
				}
				got[k+" guessed"] = sharedtest.Sum(h)
			}
		}
	}
	return got, where
}

// TestGolden checks that the metadata found is unchanged on every dump at
// hand. Run with -update to rewrite the digests after an intended change.
func TestGolden(t *testing.T) {
	got, where := goldenDigests(t)
	sharedtest.Golden(t, goldenFile, *update, got, where)
}

// BenchmarkFindAfterBody runs Find and Site as the extraction pipeline
// does, on the body regions textdump found beforehand.
func BenchmarkFindAfterBody(b *testing.B) {
	var rs []textdump.Result
	for _, s := range sharedtest.DumpSets(b) {
		for _, text := range s.Texts {
			rs = append(rs, textdump.Extract(text, nil))
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := rs[i%len(rs)]
		dumpmeta.Find(r.Lines, r.Start, r.End)
		dumpmeta.Site(r.Lines, r.Start, r.End)
	}
}
