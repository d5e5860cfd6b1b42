package sqlite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	veille "github.com/veille-news/veille"
)

// crashEnv, when set in the environment of the test binary, makes
// TestCrashRecovery act as the child: it ingests the crash corpus into the
// database the variable names, until it is killed.
const crashEnv = "VEILLE_STORE_CRASH_CHILD_DB"

// crashItems is the size of the crash corpus.
const crashItems = 1200

// crashItem is one input of the crash corpus.
type crashItem struct {
	source     string
	raw        []byte // nil: the source cannot be read
	extractErr bool   // the extractor fails on it
}

// crashCorpus returns a deterministic ingestion input: pages of varied
// size, some read from several paths, some the extractor rejects, some
// unreadable.
func crashCorpus(n int) []crashItem {
	r := rand.New(rand.NewPCG(7, 11))
	items := make([]crashItem, 0, n)
	for i := range n {
		it := crashItem{source: fmt.Sprintf("corpus/%04d.txt", i)}
		switch {
		case i > 0 && i%10 == 0: // same bytes as an earlier page
			earlier := items[r.IntN(len(items))]
			it.raw, it.extractErr = earlier.raw, earlier.extractErr
		case i%53 == 0:
			it.raw = nil
		default:
			it.raw = []byte(fmt.Sprintf("%d\n%s", i, page(r, 1000+r.IntN(12000))))
			it.extractErr = i%23 == 0
		}
		items = append(items, it)
	}
	return items
}

// ingest stores items the way veille ingest does: bytes already stored
// with their article only get the new source recorded; the others are
// extracted and put, or recorded as failures.
func ingest(ctx context.Context, s *Store, items []crashItem, onPut func()) error {
	for _, it := range items {
		if it.raw == nil {
			if err := s.PutFailure(ctx, it.source, nil, "cannot read"); err != nil {
				return err
			}
			continue
		}
		id := contentID(it.raw)
		ok, err := s.Has(ctx, id, "v1")
		if err != nil {
			return err
		}
		if ok {
			if err := s.AddSource(ctx, id, it.source); err != nil {
				return err
			}
			continue
		}
		if it.extractErr {
			if err := s.PutFailure(ctx, it.source, it.raw, "extractor found no article"); err != nil {
				return err
			}
			continue
		}
		d := veille.Document{Source: it.source, ID: id, Raw: it.raw, Format: veille.FormatText, Charset: "utf-8", Text: string(it.raw)}
		if _, err := s.Put(ctx, d, fakeExtract(d), "v1"); err != nil {
			return err
		}
		if onPut != nil {
			onPut()
		}
	}
	return nil
}

// dump returns the content of the store without its timestamps, one line
// per row, in a canonical order, so that two stores can be compared.
func dump(t testing.TB, s *Store) string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT 'D ' || id || ' ' || format || ' ' || charset || ' ' || size || ' ' || hex(raw) FROM documents ORDER BY id`,
		`SELECT 'S ' || source || ' ' || doc_id FROM sources ORDER BY source, doc_id`,
		`SELECT 'A ' || json_array(id, source, format, site, url, title, authors, published, published_start,
			published_end, updated, published_from, language, tags, categories, text, extractor_version) FROM articles ORDER BY id`,
		`SELECT 'F ' || source || ' ' || ifnull(doc_id, '-') || ' ' || reason FROM failures ORDER BY source, doc_id`,
	} {
		rows, err := s.r.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return strings.Join(out, "\n")
}

// checkStore opens the store at path and fails unless it is consistent:
// SQLite's integrity check, every article, source and failure with its
// document, every document under the hash of its bytes.
func checkStore(t *testing.T, path string) (articles int64) {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen after kill: %v", err)
	}
	defer s.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("after kill: %v", err)
	}
	rows, err := s.r.Query(`SELECT id, raw FROM documents`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id  string
			raw []byte
		)
		if err := rows.Scan(&id, &raw); err != nil {
			t.Fatal(err)
		}
		if contentID(raw) != id {
			t.Fatalf("after kill: document %s holds other bytes", id)
		}
	}
	return stats(t, s).Articles
}

// TestCrashRecovery kills a child process that is ingesting, at random
// moments, several times; after each kill the store must be consistent,
// and a final rerun must leave exactly what a clean run leaves.
func TestCrashRecovery(t *testing.T) {
	if path := os.Getenv(crashEnv); path != "" {
		crashChild(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns processes")
	}
	ctx := context.Background()
	items := crashCorpus(crashItems)
	dir := t.TempDir()

	// The clean run, which also tells how long a whole run takes.
	clean, err := Open(ctx, filepath.Join(dir, "clean.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer clean.Close()
	begin := time.Now()
	if err := ingest(ctx, clean, items, nil); err != nil {
		t.Fatal(err)
	}
	whole := time.Since(begin)
	want := dump(t, clean)
	wantStats := stats(t, clean)
	t.Logf("clean run: %v, %+v", whole, wantStats)

	path := filepath.Join(dir, "crash.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("kill schedule seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	perPut := whole / time.Duration(len(items))
	const kills = 12
	var (
		advanced int
		progress []int64
	)
	for k := range kills {
		n, grew := crashOnce(t, path, k, r, whole, perPut)
		if n < wantStats.Articles && grew && (len(progress) == 0 || n > progress[len(progress)-1]) {
			advanced++
		}
		progress = append(progress, n)
	}
	t.Logf("%d kills, %d in the middle of the ingestion; articles after each: %v", kills, advanced, progress)
	if advanced < kills/2 {
		t.Errorf("only %d of %d kills hit an ingestion under way: the test proves little", advanced, kills)
	}

	// Rerun to completion, as a user would after the crash.
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := ingest(ctx, s, items, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	if got := stats(t, s); got != wantStats {
		t.Errorf("after crashes and rerun: Stats = %+v, clean run %+v", got, wantStats)
	}
	if got := dump(t, s); got != want {
		gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("after crashes and rerun, line %d differs from a clean run:\n got %.200s\nwant %.200s", i, gl[i], wl[i])
			}
		}
		t.Fatalf("after crashes and rerun: %d rows, clean run %d", len(gl), len(wl))
	}
}

// crashOnce starts a child ingesting into path and SIGKILLs it: child 0
// and every fourth one while it starts and opens the store, the others
// after a random number of articles stored, plus up to two Put durations so
// that the kill lands inside or between transactions. It then checks the
// store and returns its article count, and whether the child had stored
// any article before the kill.
func crashOnce(t *testing.T, path string, k int, r *rand.Rand, whole, perPut time.Duration) (articles int64, grew bool) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashRecovery$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	if k%4 == 0 {
		time.Sleep(time.Duration(r.Int64N(int64(whole/10) + 1)))
	} else {
		for want := 1 + r.IntN(80); want > 0; {
			line, ok := <-lines
			if !ok {
				break // the child finished
			}
			if line == "put" {
				grew = true
				want--
			}
		}
		time.Sleep(time.Duration(r.Int64N(int64(2*perPut) + 1)))
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatal(err)
	}
	for range lines { // drain, so that the reader goroutine ends
	}
	err = cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signaled()) {
		t.Fatalf("child %d: %v", k, err)
	}
	return checkStore(t, path), grew
}

// crashChild is the body of the child process: ingest the corpus, from
// its start, until done or killed.
func crashChild(path string) {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	if err := ingest(ctx, s, crashCorpus(crashItems), func() { fmt.Println("put") }); err != nil {
		fmt.Fprintln(os.Stderr, "crash child:", err)
		os.Exit(2)
	}
	// Done: exit without closing, as a process killed now would.
	os.Exit(0)
}
