package dumpmeta_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"hash"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/extract/dumpmeta"
	"github.com/veille-news/veille/extract/textdump"
)

// The golden test pins the package's output, byte for byte, on every text
// dump at hand, with the body region textdump finds (with and without a
// learned template) and with no region: it is what lets the code be
// rewritten for speed with the certainty that nothing it finds has
// changed. Only digests are committed, never page content; pages are keyed
// by a digest of their text.

var update = flag.Bool("update", false, "rewrite the golden digests from the current code")

const goldenFile = "testdata/golden.sha256"

type goldenSet struct {
	name  string
	paths []string
	texts []string
}

// goldenSets reads the shared benchmark's text dumps and seeds (skipped
// when ../shared is absent) and the repository's sample pages.
func goldenSets(tb testing.TB) []goldenSet {
	tb.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		tb.Fatal(err)
	}
	globs := [][2]string{
		{"scrapinghub", "../shared/bench/extraction/scrapinghub/text/*.txt"},
		{"seeds", "../shared/seeds/*.txt"},
		{"samples", "samples/pages/*.txt"},
	}
	var sets []goldenSet
	for _, g := range globs {
		files, err := filepath.Glob(filepath.Join(root, g[1]))
		if err != nil {
			tb.Fatalf("glob %s: %v", g[1], err)
		}
		sort.Strings(files)
		s := goldenSet{name: g[0]}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatalf("read %s: %v", f, err)
			}
			s.paths = append(s.paths, f)
			s.texts = append(s.texts, string(b))
		}
		if len(s.texts) > 0 {
			sets = append(sets, s)
		}
	}
	if len(sets) == 0 {
		tb.Skip("no text dumps found")
	}
	return sets
}

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

func keyOfText(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:8])
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
	sum := func(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }
	for _, s := range goldenSets(tb) {
		for v, variant := range []string{"", "mutated/"} {
			texts := s.texts
			if v == 1 {
				texts = make([]string, len(s.texts))
				for i, t := range s.texts {
					texts[i] = mutate(t, uint64(i))
				}
			}
			tpl := textdump.Learn(texts)
			for i, text := range texts {
				k := variant + keyOfText(text)
				where[k] = s.paths[i]
				for _, run := range []struct {
					name string
					tpl  *textdump.Template
				}{{"plain", nil}, {"template/" + s.name, tpl}} {
					r := textdump.Extract(text, run.tpl)
					h := sha256.New()
					digestMeta(h, dumpmeta.Find(r.Lines, r.Start, r.End))
					fmt.Fprintf(h, "site %q\n", dumpmeta.Site(r.Lines, r.Start, r.End))
					got[k+" "+run.name] = sum(h)
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
				got[k+" guessed"] = sum(h)
			}
		}
	}
	return got, where
}

// TestGolden checks that the metadata found is unchanged on every dump at
// hand. Run with -update to rewrite the digests after an intended change.
func TestGolden(t *testing.T) {
	got, where := goldenDigests(t)
	if *update {
		old := map[string]string{}
		if _, err := os.Stat(goldenFile); err == nil {
			old = readGolden(t)
		}
		for k, v := range got {
			old[k] = v // keep the digests of pages absent from this run
		}
		keys := make([]string, 0, len(old))
		for k := range old {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var sb strings.Builder
		for _, k := range keys {
			fmt.Fprintf(&sb, "%s %s\n", old[k], k)
		}
		if err := os.MkdirAll(filepath.Dir(goldenFile), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goldenFile, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d digests to %s", len(keys), goldenFile)
		return
	}
	want := readGolden(t)
	keys := make([]string, 0, len(got))
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bad := 0
	for _, k := range keys {
		w, ok := want[k]
		switch {
		case !ok:
			t.Errorf("%s: no golden digest (page %s)", k, where[strings.Fields(k)[0]])
		case w != got[k]:
			t.Errorf("%s: output changed (page %s)", k, where[strings.Fields(k)[0]])
		default:
			continue
		}
		if bad++; bad >= 20 {
			t.Fatal("too many differences")
		}
	}
	t.Logf("%d digests checked", len(keys))
}

func readGolden(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("golden digests: %v (run with -update)", err)
	}
	defer f.Close()
	want := make(map[string]string)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		digest, key, ok := strings.Cut(sc.Text(), " ")
		if ok {
			want[key] = digest
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return want
}

// BenchmarkFindAfterBody runs Find and Site as the extraction pipeline
// does, on the body regions textdump found beforehand.
func BenchmarkFindAfterBody(b *testing.B) {
	var rs []textdump.Result
	for _, s := range goldenSets(b) {
		for _, text := range s.texts {
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
