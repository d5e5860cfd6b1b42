// Command train builds veille's French named-entity model from corpora we
// may ship a model from, and writes it where package tagger embeds it. Run
// it from the repository root:
//
//	go run ./entity/tagger/train
//
// Steps, all deterministic (fixed seed, sorted inputs):
//
//  1. Gold data: the Europeana newspapers (CC0) and NewsEye dev (HIPE-2022,
//     CC BY 4.0), without their held-out parts (the last tenth of
//     Europeana, NewsEye dev2; see package nerdata). WikiNEuRal is never
//     read here except by -eval, which only scores the finished model.
//  2. Lexicon: word clusters and capitalisation counts over the
//     MasakhaNEWS French articles but -devfile (unlabelled; only our
//     counts are kept), and the given names of the knowledge base.
//  3. Training gazetteer: the French country names of countries.json
//     (facts: mledoze/countries, ODbL) and the entity names of the other
//     half of the gold data (see gazetteers), shown to a share of the
//     examples (-gaz) so that the model learns to use a gazetteer and to
//     work without one.
//  4. A first model on the gold data, which labels the MasakhaNEWS
//     sentences; the silver rules (see silverRules.label) correct and
//     filter them.
//  5. The final model on gold and silver data (a linear-chain CRF trained
//     by averaged SGD, -crf; the perceptron with -crf=false), pruned,
//     quantised and written gzip-compressed to -out; then, with -eval,
//     the scores on the development sets, without and with the
//     knowledge-base gazetteer: the held-out gold parts and a silver set
//     of modern news (the corpus file -devfile, kept out of steps 2 and 4
//     and labelled without any model by the knowledge base, the country
//     names and the acronym rule; see devLabel). Options are chosen on
//     those only. -final adds WikiNEuRal test, to be run once, to report.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"time"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/entity/tagger/nerdata"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, log, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(2)
		}
		log.Error("train", "err", err)
		os.Exit(1)
	}
}

// config holds the command's flags.
type config struct {
	data, corpus, countries, out string
	devFile, annot               string
	final                        bool
	epochs, clusters, runs       int
	rounds                       int
	seed                         uint64
	prune, rate                  float64
	crf                          bool
	silver, eval, kb, given      bool
	rules                        silverRules
}

func parse(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.data, "data", "../shared/bench/ner", "directory of the NER corpora")
	fs.StringVar(&c.corpus, "corpus", "../shared/corpus/masakhanews-fra", "directory of unlabelled French news (*.tsv with headline and text columns); empty: none")
	fs.StringVar(&c.countries, "countries", "../shared/data/countries/countries.json", "countries.json, for the country names of the training gazetteer; empty: none")
	fs.StringVar(&c.out, "out", tagger.DefaultModelPath, "model file to write")
	fs.IntVar(&c.epochs, "epochs", 12, "training epochs")
	fs.IntVar(&c.rounds, "rounds", 1, "silver rounds: each labels the corpus with the model of the previous one and retrains")
	fs.IntVar(&c.runs, "runs", 1, "final trainings, with seeds seed, seed+1, ..., whose weights are averaged")
	fs.IntVar(&c.clusters, "clusters", 256, "word clusters (the coarse ones are a fifth of it)")
	fs.Uint64Var(&c.seed, "seed", 1, "seed of the example order")
	fs.Float64Var(&c.prune, "prune", 0.001, "drop averaged weights below this absolute value")
	fs.Float64Var(&c.rules.gazShare, "gaz", 0.3, "share of training examples that see the gazetteer (0: none)")
	fs.BoolVar(&c.silver, "silver", true, "add silver sentences from the unlabelled corpus")
	fs.BoolVar(&c.rules.consistent, "consistent", true, "silver: give each name its corpus-wide majority type")
	fs.BoolVar(&c.rules.acronyms, "acronyms", true, "silver: an upper-case word of 2-7 letters alone is an ORG")
	fs.BoolVar(&c.rules.orgPhrases, "orgphrases", true, "silver: a capitalised organisation head word with its name is an ORG (see orgPhrases)")
	fs.BoolVar(&c.kb, "kb", true, "use the names of the knowledge base (entity/kb) in the training gazetteer and as silver evidence")
	fs.BoolVar(&c.given, "given", true, "mark the knowledge base's given names in the lexicon (a tagger feature)")
	fs.BoolVar(&c.crf, "crf", true, "train a CRF (averaged SGD); false: the averaged perceptron")
	fs.Float64Var(&c.rate, "rate", 0.02, "CRF step size")
	fs.StringVar(&c.devFile, "devfile", "dev.tsv", "file of -corpus held out of the lexicon and silver data, labelled by the knowledge base and rules as a development set; empty: none")
	fs.StringVar(&c.annot, "annot", "entity/tagger/nerdata/annot", "directory of our hand annotations of -devfile (masakhanews-dev-*.tsv), scored as a gold development set; empty: none")
	fs.BoolVar(&c.eval, "eval", true, "score the new model on the development sets (held-out gold parts, silver news)")
	fs.BoolVar(&c.final, "final", false, "with -eval, also score WikiNEuRal test (evaluation only: run once, never to choose options)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return c, nil
}

func run(ctx context.Context, log *slog.Logger, args []string, stdout io.Writer) error {
	c, err := parse(args, os.Stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	m, known, dev, err := build(ctx, log, c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(c.out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	log.Info("model written", "path", c.out, "bytes", buf.Len(), "took", time.Since(start).Round(time.Millisecond))
	if !c.eval {
		return nil
	}
	loaded, err := tagger.Load(&buf)
	if err != nil {
		return err
	}
	sets, err := bench.LoadNERSets(c.data)
	if err != nil {
		return err
	}
	sets = allowedSets(sets, c.final)
	if len(dev) > 0 {
		sets = append(sets, bench.NERSet{Name: NewsDevSet, Sentences: dev})
	}
	if c.corpus != "" && c.annot != "" {
		gold, cut, err := nerdata.MasakhaGoldDev(c.corpus, c.annot)
		if err != nil {
			return err
		}
		if cut > 0 {
			log.Info("gold development set: mentions inside a token left out", "n", cut)
		}
		if len(gold) > 0 {
			sets = append(sets, bench.NERSet{Name: GoldDevSet, Sentences: gold})
		}
	}
	rep, err := bench.RunNER(ctx, loaded, sets)
	if err != nil {
		return err
	}
	if err := rep.WriteTable(stdout); err != nil {
		return err
	}
	if c.rules.gazShare == 0 {
		return nil
	}
	fmt.Fprintln(stdout, "with the gazetteer of the knowledge base and country names:")
	if rep, err = bench.RunNER(ctx, loaded.WithGazetteer(known), sets); err != nil {
		return err
	}
	return rep.WriteTable(stdout)
}

// build trains the model; it also returns the gazetteer of known names
// (the knowledge base's and the countries'), for the evaluation, and the
// silver development set of modern news (see devLabel).
func build(ctx context.Context, log *slog.Logger, c config) (*tagger.Model, tagger.Gazetteer, []nerdata.Sentence, error) {
	start := time.Now()
	euTrain, _, err := nerdata.Europeana(c.data)
	if err != nil {
		return nil, nil, nil, err
	}
	neTrain, _, err := nerdata.NewsEye(c.data)
	if err != nil {
		return nil, nil, nil, err
	}
	log.Info("gold data", "europeana", len(euTrain), "newseye", len(neTrain),
		"entities", countTypes(append(append([]nerdata.Sentence(nil), euTrain...), neTrain...)))
	var halves [2][]nerdata.Sentence
	for _, part := range [][]nerdata.Sentence{euTrain, neTrain} {
		h := len(part) / 2
		halves[0] = append(halves[0], part[:h]...)
		halves[1] = append(halves[1], part[h:]...)
	}
	var countryList [][]string
	if c.countries != "" {
		if countryList, err = countryNames(c.countries); err != nil {
			return nil, nil, nil, err
		}
	}
	cross, full, countries := gazetteers(halves, countryList)
	c.rules.known = countries
	// the knowledge base's names: in every training gazetteer, and as
	// silver evidence like the country names
	var gazFor [2]tagger.Gazetteer
	var gazAll tagger.Gazetteer = full
	gazFor[0], gazFor[1] = cross[0], cross[1]
	if c.kb {
		kg := tagger.KBGazetteer(kb.Default())
		gazFor[0], gazFor[1] = union{kg, cross[0]}, union{kg, cross[1]}
		gazAll = union{kg, full}
		c.rules.known = union{kg, countries}
	}
	log.Info("gazetteer", "names", full.Len(), "countries", countries.Len())

	var news, held [][]string
	if c.corpus != "" {
		if news, held, err = readCorpus(c.corpus, c.devFile); err != nil {
			return nil, nil, nil, err
		}
		log.Info("unlabelled sentences", "n", len(news), "held out", len(held))
	}
	lex, err := tagger.BuildLexicon(ctx, news, tagger.LexiconOptions{Clusters: c.clusters, Coarse: c.clusters / 5})
	if err != nil {
		return nil, nil, nil, err
	}
	c.rules.lowerish = lex.MostlyLower
	if c.given {
		lex.AddGivenNames(kb.Default().GivenNames())
	}
	dev := c.rules.devLabel(held)
	log.Info("silver development set", "sentences", len(dev), "entities", countTypes(dev))
	log.Info("lexicon", "words", lex.Len(), "took", time.Since(start).Round(time.Millisecond))

	var examples []tagger.Example
	for h, half := range halves {
		for _, s := range half {
			ex := tagger.Example{Sentence: s}
			if c.rules.withGaz(len(examples)) {
				ex.Gaz = gazFor[1-h].Tags(s.Tokens)
			}
			examples = append(examples, ex)
		}
	}

	opts := tagger.TrainOptions{
		Epochs: c.epochs, Seed: c.seed, Lexicon: lex, Prune: c.prune, Logger: log, CRF: c.crf, Rate: c.rate,
		Tags: []string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"},
	}
	m, err := tagger.Train(ctx, examples, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	if !c.silver || len(news) == 0 {
		return m, c.rules.known, dev, nil
	}
	gold := examples
	for round := 0; round < max(c.rounds, 1); round++ {
		sil := c.rules.label(m, gazAll, news)
		log.Info("silver sentences", "round", round+1, "kept", len(sil), "of", len(news), "entities", countTypes(sil))
		examples = slices.Clip(gold)
		for _, s := range sil {
			ex := tagger.Example{Sentence: s}
			if c.rules.withGaz(len(examples)) {
				ex.Gaz = gazAll.Tags(s.Tokens)
			}
			examples = append(examples, ex)
		}
		var runs []*tagger.Model
		for r := 0; r < c.runs; r++ {
			o := opts
			o.Seed = c.seed + uint64(r)
			m, err := tagger.Train(ctx, examples, o)
			if err != nil {
				return nil, nil, nil, err
			}
			runs = append(runs, m)
		}
		if m, err = tagger.Average(runs...); err != nil {
			return nil, nil, nil, err
		}
	}
	return m, c.rules.known, dev, nil
}

// countTypes counts the entities of each type, for the log.
func countTypes(sents []nerdata.Sentence) map[string]int {
	n := map[string]int{}
	for _, s := range sents {
		for _, sp := range nerdata.Spans(s.Tags) {
			n[sp.Type]++
		}
	}
	return n
}
