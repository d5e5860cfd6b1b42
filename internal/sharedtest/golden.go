package sharedtest

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// DumpSet is a directory of text dumps processed together.
type DumpSet struct {
	Name  string
	Paths []string
	Texts []string
}

// DumpSets reads every text dump at hand, one set per directory: the
// shared benchmark's dumps and the seeds (left out when ../shared is
// absent) and the repository's sample pages. It skips the test when none
// is found.
func DumpSets(tb testing.TB) []DumpSet {
	tb.Helper()
	root := repoRoot(tb)
	globs := [][2]string{
		{"scrapinghub", "../shared/bench/extraction/scrapinghub/text/*.txt"},
		{"seeds", "../shared/seeds/*.txt"},
		{"samples", "samples/pages/*.txt"},
	}
	var sets []DumpSet
	for _, g := range globs {
		files, err := filepath.Glob(filepath.Join(root, g[1]))
		if err != nil {
			tb.Fatalf("glob %s: %v", g[1], err)
		}
		sort.Strings(files)
		s := DumpSet{Name: g[0]}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatalf("read %s: %v", f, err)
			}
			s.Paths = append(s.Paths, f)
			s.Texts = append(s.Texts, string(b))
		}
		if len(s.Texts) > 0 {
			sets = append(sets, s)
		}
	}
	if len(sets) == 0 {
		tb.Skip("no text dumps found")
	}
	return sets
}

// TextKey names a page in a golden file by a digest of its text, so that
// neither its content nor its name enters the repository.
func TextKey(text string) string {
	s := sha256.Sum256([]byte(text))
	return hex.EncodeToString(s[:8])
}

// Sum is the hex digest of h.
func Sum(h hash.Hash) string { return hex.EncodeToString(h.Sum(nil)) }

// Golden compares the digests got (key → digest; the key's first field is
// a TextKey, which where maps to the page's path) with the golden file,
// or, with update, rewrites the file, keeping the digests of pages absent
// from this run.
func Golden(t *testing.T, file string, update bool, got, where map[string]string) {
	t.Helper()
	if update {
		writeGolden(t, file, got)
		return
	}
	want := readGolden(t, file)
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

func writeGolden(t *testing.T, file string, got map[string]string) {
	t.Helper()
	old := map[string]string{}
	if _, err := os.Stat(file); err == nil {
		old = readGolden(t, file)
	}
	for k, v := range got {
		old[k] = v
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
		if digest, key, ok := strings.Cut(sc.Text(), " "); ok {
			want[key] = digest
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return want
}
