package tokenize

import (
	"strings"
	"testing"
	"time"
)

// lookAheadPatterns repeat into one 10 MB line each. They target every
// look-ahead of the scanner (e-mail and domain runs, initialisms, number
// groups, elisions, hyphen chains, URLs, sentence starters), where a
// careless rescan would be quadratic.
var lookAheadPatterns = []string{
	"a", "é", "a.", "aa.", "a.b", "l'a", "a'", "a-", "a-t-il-", "1", "1 000 ", "1.", "1,", "12 345",
	"a.b@", "a_", "x.com", "x.com.", "https://", "www.a", "J.-", "1er", "XXe", "a@b.fr ", "etc. Le ",
	"nouvelle.Bien", ". A", "Il a dit. ",
	// Ordinary French prose without a single line break.
	"L'armée a-t-elle reçu 1 500 hommes le 28/12/2023 à 14h30 ? M. Traoré (AES) l'a dit : « Non. » ",
}

// densePatterns give about one token per byte; 1 MB of each is enough.
var densePatterns = []string{
	"(", "((", ")", "-", ".", "l'", "1 ", "a@", "@a", "#a", "J. ", "M. ", "n°", "’", "\xff", "\xe2\x80",
	"👍🏽", "«\u00a0", "\u202f1", "\n\n", "\x00",
}

// TestHugeInput tokenises and splits one long line per pattern: no panic,
// the offset invariants hold, and the time stays linear.
func TestHugeInput(t *testing.T) {
	// One buffer for every pattern, sized for one token per byte, so that
	// the test measures the scan and not the growth of the slice.
	buf := make([]Token, 0, 10<<20+1)
	run := func(p string, size int) {
		text := strings.Repeat(p, size/len(p)+1)[:size]
		start := time.Now()
		buf = AppendTokens(buf[:0], text)
		ss := SentencesFromTokens(text, buf)
		elapsed := time.Since(start)
		checkTokens(t, text, buf)
		n := 0
		for _, s := range ss {
			n += len(s.Tokens)
		}
		if n != len(buf) {
			t.Fatalf("pattern %q: sentences hold %d tokens of %d", p, n, len(buf))
		}
		// Linear work is well under a second even on a loaded machine; a
		// quadratic look-ahead on 10 MB would take hours.
		if elapsed > 20*time.Second {
			t.Errorf("pattern %q: %v for %d bytes", p, elapsed, size)
		}
	}
	for _, p := range lookAheadPatterns {
		run(p, 10<<20)
	}
	for _, p := range densePatterns {
		run(p, 1<<20)
	}
}

// TestLinearTime compares 1 MB with 8 MB of the patterns that make the
// most look-ahead: linear time gives a ratio near 8, quadratic near 64.
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	var buf []Token
	measure := func(text string) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			buf = AppendTokens(buf[:0], text)
			SentencesFromTokens(text, buf)
			best = min(best, time.Since(start))
		}
		return best
	}
	for _, p := range []string{"aa.", "a.b@", "x.com.", "1 000 ", "l'a-t-il "} {
		small := strings.Repeat(p, (1<<20)/len(p))
		large := strings.Repeat(p, (8<<20)/len(p))
		ts, tl := measure(small), measure(large)
		if ts > 0 && tl > 30*ts && tl > 200*time.Millisecond {
			t.Errorf("pattern %q: 1 MB in %v, 8 MB in %v: not linear", p, ts, tl)
		}
	}
}
