package textdump_test

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
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/veille-news/veille/extract/textdump"
)

// The golden test pins the package's output, byte for byte, on every text
// dump at hand: it is what lets the code be rewritten for speed with the
// certainty that nothing it decides has changed. Only digests are
// committed, never page content; pages are keyed by a digest of their
// text, so no page name enters the repository either.

var update = flag.Bool("update", false, "rewrite the golden digests from the current code")

const goldenFile = "testdata/golden.sha256"

// goldenSet is a directory of dumps processed together: a template is
// learned per set, so that a set being absent changes no other digest.
type goldenSet struct {
	name  string
	paths []string
	texts []string
}

// goldenSets reads the dumps the golden test runs over: the shared
// benchmark's text dumps and seeds (skipped when ../shared is absent) and
// the repository's sample pages.
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

func keyOfText(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:8])
}

func sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

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
				h := sha256.New()
				digestResult(h, textdump.Extract(text, nil))
				got[k+" plain"] = sum(h)
				h = sha256.New()
				digestResult(h, textdump.Extract(text, tpl))
				got[k+" template/"+s.name] = sum(h)
				h = sha256.New()
				digestLines(h, strings.Split(text, "\n"))
				got[k+" lines"] = sum(h)
			}
		}
	}
	return got, where
}

// TestGolden checks that extraction output is unchanged on every dump at
// hand. Run with -update to rewrite the digests after an intended change.
func TestGolden(t *testing.T) {
	got, where := goldenDigests(t)
	if *update {
		writeGolden(t, goldenFile, got)
		return
	}
	want := readGolden(t, goldenFile)
	checkGolden(t, got, want, where)
}

func writeGolden(t *testing.T, file string, got map[string]string) {
	t.Helper()
	old := map[string]string{}
	if _, err := os.Stat(file); err == nil {
		old = readGolden(t, file)
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
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d digests to %s", len(keys), file)
}

func readGolden(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
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

func checkGolden(t *testing.T, got, want, where map[string]string) {
	t.Helper()
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

// TestExtractConcurrent checks that extractions running at the same time
// (they share pooled working memory) give what they give one at a time.
func TestExtractConcurrent(t *testing.T) {
	var texts []string
	for _, s := range goldenSets(t) {
		texts = append(texts, s.texts...)
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
