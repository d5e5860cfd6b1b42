package story

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/textsim"
)

func TestZZSeeds(t *testing.T) {
	f, _ := os.Open("/tmp/s5.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var docs []Doc
	df := textsim.NewDF()
	for sc.Scan() {
		var a veille.Article
		json.Unmarshal(sc.Bytes(), &a)
		it := Item{ID: a.ID[:6], Title: a.Title, Text: a.Text, Published: a.Published}
		for _, m := range a.Entities {
			it.Entities = append(it.Entities, m.Entity)
		}
		d := Prepare(it)
		df.Add(d.bag)
		docs = append(docs, d)
	}
	want := map[string]bool{"75e436": true, "ee206a": true, "930fde": true, "e2206a": true, "218d57": true, "7d32d8": true, "dffa19": true, "e5c9f0": true, "3c47d2": true, "604eda": true}
	for _, a := range docs {
		if !want[a.ID] {
			continue
		}
		fmt.Printf("%s %-10s", a.ID, a.Published)
		for _, b := range docs {
			if !want[b.ID] {
				continue
			}
			fmt.Printf(" %.2f", df.Vector(a.bag).Dot(df.Vector(b.bag)))
		}
		fmt.Println()
	}
}
