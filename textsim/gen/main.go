// Command gen builds textsim's French background document frequencies,
// textsim/data/french.vdf, from French newspaper text that may train
// what veille ships: the Europeana Newspapers French NER corpus (BnF,
// CC0) and the HIPE-2022 NewsEye French corpus (CC BY 4.0), both read
// from ../shared/bench/ner. Only counts of hashed, analysed terms are
// written, never text.
//
// The corpora have no article boundaries, so consecutive sentences are
// cut into documents of about DocTokens tokens; a term's count is the
// number of those documents it occurs in. Terms found in fewer than
// MinDocs documents are left out: they weigh as unseen terms, which is
// what they nearly are.
//
// Run it from anywhere inside the repository:
//
//	go run ./textsim/gen            # regenerate
//	go run ./textsim/gen -check     # fail if the committed file is stale
//
// The output is deterministic, and a test checks that the committed file
// is up to date.
package main

import (
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/veille-news/veille/entity/tagger/nerdata"
	"github.com/veille-news/veille/internal/repo"
	"github.com/veille-news/veille/textsim"
)

// DocTokens is the size of the pseudo-documents the corpora are cut into:
// about the length of a short news article.
const DocTokens = 300

// MinDocs is the number of documents a term must occur in to be kept.
const MinDocs = 2

func main() {
	root, err := repo.Root()
	if err != nil {
		fail(err)
	}
	ner := flag.String("ner", filepath.Join(root, "..", "shared", "bench", "ner"), "directory of the shared NER corpora")
	out := flag.String("out", filepath.Join(root, "textsim", "data", "french.vdf"), "file to write")
	check := flag.Bool("check", false, "only check that -out is up to date")
	flag.Parse()

	data, st, err := Generate(*ner)
	if err != nil {
		fail(err)
	}
	if err := repo.WriteGenerated(*out, data, *check, "go run ./textsim/gen"); err != nil {
		fail(err)
	}
	if *check {
		slog.Info("background up to date", "file", *out)
		return
	}
	slog.Info("background written", "file", *out, "bytes", len(data), "documents", st.Docs, "terms", st.Terms)
}

// Stats counts what Generate wrote.
type Stats struct {
	Docs, Terms int
}

// Generate reads the corpora under dir and returns the encoded
// background.
func Generate(dir string) ([]byte, Stats, error) {
	eu, err := nerdata.ReadFile(filepath.Join(dir, nerdata.EuropeanaFile), nerdata.ReadEuropeana)
	if err != nil {
		return nil, Stats{}, err
	}
	ne, err := nerdata.ReadFile(filepath.Join(dir, nerdata.NewsEyeTrain), nerdata.ReadHIPE)
	if err != nil {
		return nil, Stats{}, err
	}
	ne2, err := nerdata.ReadFile(filepath.Join(dir, nerdata.NewsEyeHeldOut), nerdata.ReadHIPE)
	if err != nil {
		return nil, Stats{}, err
	}
	df := textsim.NewDF()
	an := textsim.French()
	for _, corpus := range [][]nerdata.Sentence{eu, ne, ne2} {
		var doc []string
		flush := func() {
			if len(doc) > 0 {
				df.Add(textsim.NewBag(an.Terms(strings.Join(doc, " "))))
				doc = doc[:0]
			}
		}
		for _, s := range corpus {
			doc = append(doc, s.Tokens...)
			if len(doc) >= DocTokens {
				flush()
			}
		}
		flush()
	}
	b := textsim.NewBackground(df, MinDocs)
	data, err := b.MarshalBinary()
	return data, Stats{Docs: b.Docs(), Terms: b.Len()}, err
}

func fail(err error) {
	slog.Error("gen", "err", err)
	os.Exit(1)
}
