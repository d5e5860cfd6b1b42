package timex

import (
	"fmt"
	"os"
	"testing"

	"github.com/veille-news/veille/bench"
)

func TestDiagDev(t *testing.T) {
	if os.Getenv("DIAG") == "" {
		t.Skip()
	}
	docs, err := bench.LoadTimeBank("../../shared/bench/time/fr-timebank")
	if err != nil {
		t.Fatal(err)
	}
	dev, _ := bench.SplitTimeBank(docs)
	for _, d := range dev {
		pred := Find(d.Text, d.Anchor)
		used := map[int]bool{}
		for _, g := range d.Gold {
			found := false
			for k, p := range pred {
				if p.Start < g.End && g.Start < p.End && !used[k] {
					used[k] = true
					found = true
					tag := "OK "
					if p.Start != g.Start || p.End != g.End {
						tag = "SPN"
					}
					if p.Value != g.Value {
						tag += " VAL"
					}
					if tag != "OK " {
						fmt.Printf("%s gold %q %s %s | pred %q %s %s   [%s]\n", tag, g.Text, g.Type, g.Value, p.Text, p.Type, p.Value, d.Anchor)
					}
					break
				}
			}
			if !found {
				fmt.Printf("MISS gold %q %s %s %s  [%s]\n", g.Text, g.Type, g.Value, g.Mod, d.Anchor)
			}
		}
		for k, p := range pred {
			if !used[k] {
				fmt.Printf("FP   pred %q %s %s\n", p.Text, p.Type, p.Value)
			}
		}
	}
}
