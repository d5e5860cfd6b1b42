package tagger

import (
	"strings"
	"sync"
	"testing"
)

func FuzzTag(f *testing.F) {
	m, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "Le président Ibrahim TRAORE", "\xff\x00 \x80", "à à à I-PER B-LOC", strings.Repeat("É ", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := strings.Fields(s)
		got := m.Tag(toks)
		if len(got) != len(toks) {
			t.Fatalf("%d tags for %d tokens", len(got), len(toks))
		}
		if err := validBIO(got); err != nil {
			t.Fatal(err)
		}
	})
}

func TestTagConcurrent(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	toks := strings.Fields("Le Colonel-major Kassoum COULIBALY est arrivé à Bamako avec le ministre russe .")
	want := strings.Join(m.Tag(toks), " ")
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 200 {
				if got := strings.Join(m.Tag(toks), " "); got != want {
					t.Errorf("concurrent Tag = %s, want %s", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
