// Command gen builds veille's knowledge base, entity/kb/data/kb.json, from
// the country facts of ../shared/data/countries/countries.json
// (mledoze/countries, ODbL) and our hand-written sources in
// entity/kb/data/src:
//
//	countries.tsv  per country: QID, French label and capital, extra aliases and demonyms
//	places.tsv     cities, regions and other places of the region
//	orgs.tsv       organisations (ORG) and other named things (MISC)
//	people.tsv     people, with their surname, titles and aliases
//	roles.tsv      the offices people held, with their dates
//	ambiguous.tsv  names deliberately shared by several entries of one type
//	givennames.txt given names, one a line (a word list for the tagger, not entities)
//
// A table may continue in files named after it and a subject
// (places-europe.tsv, orgs-sport.tsv), read after it in name order.
//
// Run it from anywhere inside the repository:
//
//	go run ./entity/kb/gen            # regenerate
//	go run ./entity/kb/gen -check     # fail if the committed file is stale
//
// The output is deterministic: the same inputs give the same bytes, and a
// test checks that the committed file is up to date.
package main

import (
	"context"
	"flag"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/veille-news/veille/internal/repo"
)

func main() {
	root, err := repo.Root()
	if err != nil {
		fail(err)
	}
	countries := flag.String("countries", filepath.Join(root, "..", "shared", "data", "countries", "countries.json"), "countries.json of mledoze/countries")
	src := flag.String("src", filepath.Join(root, "entity", "kb", "data", "src"), "directory of the hand-written sources")
	out := flag.String("out", filepath.Join(root, "entity", "kb", "data", "kb.json"), "file to write")
	check := flag.Bool("check", false, "only check that -out is up to date")
	flag.Parse()

	data, stats, err := Generate(context.Background(), *countries, *src)
	if err != nil {
		fail(err)
	}
	if err := repo.WriteGenerated(*out, data, *check, "go run ./entity/kb/gen"); err != nil {
		fail(err)
	}
	if *check {
		slog.Info("knowledge base up to date", "file", *out)
		return
	}
	slog.Info("knowledge base written", "file", *out, "bytes", len(data),
		"entries", stats.Entries, "PER", stats.ByType["PER"], "LOC", stats.ByType["LOC"],
		"ORG", stats.ByType["ORG"], "MISC", stats.ByType["MISC"], "qids", stats.QIDs, "roles", stats.Roles, "given names", stats.GivenNames)
}

func fail(err error) {
	slog.Error("gen", "err", err)
	os.Exit(1)
}
