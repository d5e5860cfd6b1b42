package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/veille-news/veille/dedup"
)

// Kinds of texts of the near-duplicate benchmark.
const (
	DedupOriginal       = "original"         // an article of the corpus, as it is
	DedupExact          = "exact"            // the same text, typography changed (apostrophes, a line break after each period)
	DedupChrome         = "chrome"           // the text inside another site's chrome: menu, "Lire aussi" links, share buttons, footer
	DedupTruncated      = "truncated"        // the first 30–70% of the sentences, with a "Lire la suite" link
	DedupLead           = "lead"             // the first one or two sentences rewritten
	DedupChromeTruncate = "chrome+truncated" // truncated, inside another site's chrome
	DedupMix            = "mix"              // not a copy: a run of sentences of one article then a run of another of the same category
)

// DedupKinds are the kinds of copies, in report order.
var DedupKinds = []string{DedupExact, DedupChrome, DedupTruncated, DedupLead, DedupChromeTruncate}

// DedupDoc is one text of the near-duplicate benchmark.
type DedupDoc struct {
	ID string
	// Source is the index, in the benchmark's texts, of the original
	// article this text is (Kind "original") or copies; a mix is its own
	// source.
	Source   int
	Kind     string
	Category string
	Text     string
}

// dedupSite is a synthetic news site's chrome, written for this
// benchmark.
type dedupSite struct {
	head, foot []string
}

var dedupSites = []dedupSite{
	{head: []string{"Sahel Info", "Accueil Politique Économie Société Sport Culture Contact", "Flash info :"},
		foot: []string{"Partager sur Facebook Twitter WhatsApp", "© Sahel Info. Tous droits réservés. Reproduction interdite sans autorisation.", "Nous utilisons des cookies pour améliorer votre expérience. Accepter Refuser"}},
	{head: []string{"L'Observateur du Faso - Le quotidien de référence", "Actualités National International Opinions Vidéos"},
		foot: []string{"Abonnez-vous à notre lettre d'information pour ne rien manquer de l'actualité.", "Mentions légales Politique de confidentialité Publicité Nous contacter"}},
	{head: []string{"AFRIQUE MATIN", "Politique | Économie | Sports | Santé | Technologie", "Publié le"},
		foot: []string{"Vous avez aimé cet article ? Partagez-le !", "Commentaires (0) Laisser un commentaire", "Copyright Afrique Matin, tous droits réservés"}},
	{head: []string{"Dakar Actu 24", "À la une Dernières nouvelles Les plus lus"},
		foot: []string{"Suivez-nous sur Facebook, X et Telegram pour recevoir les dernières nouvelles en temps réel.", "Articles similaires", "Dakar Actu 24 © Tous droits réservés - Conception du site"}},
	{head: []string{"Niamey Presse", "Menu Accueil Actualités Région Monde Sport"},
		foot: []string{"Source : Niamey Presse avec agences", "Imprimer Envoyer par e-mail Taille du texte A+ A-", "Les commentaires sont fermés."}},
}

// leadOpeners start a rewritten lead.
var leadOpeners = []string{"Selon nos informations,", "C'est désormais officiel :", "D'après plusieurs sources concordantes,", "Information confirmée ce jour :", "On l'apprend de source sûre,"}

// BuildDedupSet builds the near-duplicate benchmark from the articles of
// a corpus, deterministically from seed: every article as it is (the
// distractors of each other: same categories, same topics); for every
// other article two or three copies of different kinds (DedupKinds), each
// on a synthetic site; and for every fourth article a mix, a harder
// distractor: a run of 30–60% of its sentences then a run of another
// article of its category, each sharing about half of the mix. The order
// of the texts is shuffled, so that a copy often comes before its
// source.
func BuildDedupSet(arts []ScaleDoc, seed uint64) []DedupDoc {
	rng := rand.New(rand.NewPCG(seed, 0x6465647570))
	type text struct {
		src  int
		kind string
		body string
	}
	var texts []text
	for i, a := range arts {
		texts = append(texts, text{i, DedupOriginal, a.Text})
		if i%4 == 1 {
			if mix, ok := dedupMix(rng, arts, i); ok {
				texts = append(texts, text{-1, DedupMix, mix})
			}
		}
		if i%2 == 1 {
			continue
		}
		kinds := slices.Clone(DedupKinds)
		rng.Shuffle(len(kinds), func(x, y int) { kinds[x], kinds[y] = kinds[y], kinds[x] })
		for _, k := range kinds[:2+rng.IntN(2)] {
			texts = append(texts, text{i, k, dedupCopy(rng, arts, i, k)})
		}
	}
	rng.Shuffle(len(texts), func(x, y int) { texts[x], texts[y] = texts[y], texts[x] })
	at := make(map[int]int, len(arts)) // article → index of its original
	for j, t := range texts {
		if t.kind == DedupOriginal {
			at[t.src] = j
		}
	}
	docs := make([]DedupDoc, len(texts))
	for j, t := range texts {
		docs[j] = DedupDoc{ID: fmt.Sprintf("d%04d-%s-%d", j, t.kind, t.src), Kind: t.kind, Text: t.body}
		if t.src < 0 {
			docs[j].Source = j
			continue
		}
		docs[j].Source = at[t.src]
		docs[j].Category = arts[t.src].Category
	}
	return docs
}

// dedupCopy returns a copy of kind k of article i.
func dedupCopy(rng *rand.Rand, arts []ScaleDoc, i int, k string) string {
	text := arts[i].Text
	switch k {
	case DedupExact:
		t := strings.ReplaceAll(text, "'", "’")
		return strings.ReplaceAll(t, ". ", ".\n")
	case DedupChrome:
		return dedupWithChrome(rng, arts, text)
	case DedupTruncated:
		return dedupTruncate(rng, text)
	case DedupChromeTruncate:
		return dedupWithChrome(rng, arts, dedupTruncate(rng, text))
	case DedupLead:
		return dedupRewriteLead(rng, text)
	}
	return text
}

// dedupMix returns a run of 30–60% of the sentences of article i followed
// by a run of another article of its category, neither more than twice as
// long as the other; false when either article has fewer than four
// sentences (a run would be most of it).
func dedupMix(rng *rand.Rand, arts []ScaleDoc, i int) (string, bool) {
	var same []int
	for j, a := range arts {
		if j != i && a.Category == arts[i].Category {
			same = append(same, j)
		}
	}
	if len(same) == 0 {
		return "", false
	}
	a, b := scaleSentences(arts[i].Text), scaleSentences(arts[same[rng.IntN(len(same))]].Text)
	if len(a) < 4 || len(b) < 4 {
		return "", false
	}
	ra := dedupRun(rng, a, 0.3+0.3*rng.Float64())
	rb := dedupRun(rng, b, 0.3+0.3*rng.Float64())
	// Balance the two runs' lengths so that neither contains the other.
	for len(strings.Join(ra, " ")) > 2*len(strings.Join(rb, " ")) && len(ra) > 1 {
		ra = ra[:len(ra)-1]
	}
	for len(strings.Join(rb, " ")) > 2*len(strings.Join(ra, " ")) && len(rb) > 1 {
		rb = rb[:len(rb)-1]
	}
	return strings.Join(append(ra, rb...), " "), true
}

// dedupRun returns a run of consecutive sentences, share of them (one at
// least), at a random place after the first sentence (so that a truncated
// copy, which keeps the first, is not contained in it).
func dedupRun(rng *rand.Rand, ss []string, share float64) []string {
	n := min(len(ss)-1, max(1, int(float64(len(ss))*share)))
	at := 1 + rng.IntN(len(ss)-n)
	return slices.Clone(ss[at : at+n])
}

// dedupWithChrome puts text inside a random site's chrome, with "Lire aussi"
// links to three other articles of the corpus.
func dedupWithChrome(rng *rand.Rand, arts []ScaleDoc, text string) string {
	s := dedupSites[rng.IntN(len(dedupSites))]
	var b strings.Builder
	for _, l := range s.head {
		b.WriteString(l)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	b.WriteString(text)
	b.WriteString("\n\nLire aussi :\n")
	for range 3 {
		b.WriteString(arts[rng.IntN(len(arts))].Title)
		b.WriteString("\n")
	}
	for _, l := range s.foot {
		b.WriteString(l)
		b.WriteString("\n")
	}
	return b.String()
}

// dedupTruncate keeps the first 30–70% of text's sentences (one at least,
// never all; of its words when it has one sentence) and adds a "Lire la
// suite" link.
func dedupTruncate(rng *rand.Rand, text string) string {
	share := 0.3 + 0.4*rng.Float64()
	ss := scaleSentences(text)
	if len(ss) < 2 { // cut the one sentence
		ss = strings.Fields(text)
	}
	n := min(len(ss)-1, max(1, int(float64(len(ss))*share)))
	return strings.Join(ss[:max(n, 1)], " ") + " […] Lire la suite"
}

// dedupRewriteLead rewrites the first two sentences of text (the first one when
// it has fewer than five) the way a copying site does, as far as shingles
// can tell: an opener, a word in four or five dropped, a few neighbours
// swapped. No five-word run of the original lead survives it whole.
func dedupRewriteLead(rng *rand.Rand, text string) string {
	ss := scaleSentences(text)
	if len(ss) == 0 {
		return text
	}
	n := 2
	if len(ss) < 5 {
		n = 1
	}
	n = min(n, len(ss))
	words := strings.Fields(strings.Join(ss[:n], " "))
	var out []string
	out = append(out, leadOpeners[rng.IntN(len(leadOpeners))])
	step := 4 + rng.IntN(2)
	for j, w := range words {
		if j%step == step-1 {
			continue
		}
		out = append(out, w)
	}
	for j := 2; j+1 < len(out); j += 6 + rng.IntN(3) {
		out[j], out[j+1] = out[j+1], out[j]
	}
	return strings.Join(append([]string{strings.Join(out, " ")}, ss[n:]...), " ")
}

// DedupMethod is a way of grouping the benchmark's texts: Group returns
// a group label for every text (equal labels: duplicates).
type DedupMethod struct {
	Name  string
	Group func(ctx context.Context, docs []DedupDoc) ([]int, error)
}

// DedupResult is one method's score: precision and recall of the pairs
// of duplicate texts (two texts are a pair when they share a group), the
// recall of each kind of copy (the copy grouped with its source), the
// share of mixes wrongly grouped, and texts per second.
type DedupResult struct {
	Method         string  `json:"method"`
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	PredictedPairs int     `json:"predicted_pairs"`
	TruePairs      int     `json:"true_pairs"`
	// KindRecall is, for each kind of copy, the share of the copies
	// grouped with their source, and for DedupMix the share of mixes
	// grouped with any other text (an error).
	KindRecall    map[string]float64 `json:"kind_recall"`
	DocsPerSecond float64            `json:"docs_per_second"`
}

// DedupReport is the result of RunDedup.
type DedupReport struct {
	Texts     int            `json:"texts"`
	Originals int            `json:"originals"`
	Copies    map[string]int `json:"copies"`
	GoldPairs int            `json:"gold_pairs"`
	Results   []DedupResult  `json:"results"`
}

// RunDedup scores each method on docs.
func RunDedup(ctx context.Context, docs []DedupDoc, methods []DedupMethod) (DedupReport, error) {
	rep := DedupReport{Texts: len(docs), Copies: map[string]int{}}
	gold := make([]int, len(docs))
	for i, d := range docs {
		gold[i] = d.Source
		if d.Kind == DedupOriginal {
			rep.Originals++
		} else {
			rep.Copies[d.Kind]++
		}
	}
	rep.GoldPairs = dedupPairs(gold)
	for _, m := range methods {
		start := time.Now()
		pred, err := m.Group(ctx, docs)
		if err != nil {
			return rep, fmt.Errorf("bench: dedup: %s: %w", m.Name, err)
		}
		el := time.Since(start)
		if len(pred) != len(docs) {
			return rep, fmt.Errorf("bench: dedup: %s: %d labels for %d texts", m.Name, len(pred), len(docs))
		}
		res := DedupResult{Method: m.Name, KindRecall: map[string]float64{}}
		res.PredictedPairs = dedupPairs(pred)
		both := make([]int, len(docs))
		joint := map[[2]int]int{}
		for i := range docs {
			k := [2]int{pred[i], gold[i]}
			if _, ok := joint[k]; !ok {
				joint[k] = len(joint)
			}
			both[i] = joint[k]
		}
		res.TruePairs = dedupPairs(both)
		res.Precision = dedupRatio(res.TruePairs, res.PredictedPairs)
		res.Recall = dedupRatio(res.TruePairs, rep.GoldPairs)
		if res.Precision+res.Recall > 0 {
			res.F1 = 2 * res.Precision * res.Recall / (res.Precision + res.Recall)
		}
		found := map[string]int{}
		size := map[int]int{}
		for _, p := range pred {
			size[p]++
		}
		for i, d := range docs {
			switch {
			case d.Kind == DedupMix && size[pred[i]] > 1:
				found[d.Kind]++ // a mix grouped with anything is wrong
			case d.Kind != DedupOriginal && d.Kind != DedupMix && pred[i] == pred[d.Source]:
				found[d.Kind]++
			}
		}
		for k, n := range rep.Copies {
			res.KindRecall[k] = dedupRatio(found[k], n)
		}
		if el > 0 {
			res.DocsPerSecond = float64(len(docs)) / el.Seconds()
		}
		rep.Results = append(rep.Results, res)
	}
	return rep, nil
}

// dedupPairs returns the number of pairs of items with the same label.
func dedupPairs(labels []int) int {
	n := map[int]int{}
	for _, l := range labels {
		n[l]++
	}
	p := 0
	for _, c := range n {
		p += c * (c - 1) / 2
	}
	return p
}

func dedupRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteTable writes the report as a table.
func (r DedupReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprint(tw, "method\tpairs P\tR\tF1")
	for _, k := range DedupKinds {
		fmt.Fprintf(tw, "\t%s", k)
	}
	fmt.Fprintln(tw, "\tmix grouped\ttexts/s")
	for _, res := range r.Results {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f", res.Method, res.Precision, res.Recall, res.F1)
		for _, k := range DedupKinds {
			fmt.Fprintf(tw, "\t%.3f", res.KindRecall[k])
		}
		fmt.Fprintf(tw, "\t%.3f\t%.0f\n", res.KindRecall[DedupMix], res.DocsPerSecond)
	}
	return tw.Flush()
}

// DetectorMethod groups the texts with a dedup.Detector, adding them in
// order, by the groups it holds at the end.
func DetectorMethod(name string, opt dedup.Options) DedupMethod {
	return DedupMethod{Name: name, Group: func(ctx context.Context, docs []DedupDoc) ([]int, error) {
		d := dedup.New(opt)
		index := make(map[string]int, len(docs))
		out := make([]int, len(docs))
		for i, doc := range docs {
			if i%256 == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
			d.Add(doc.ID, doc.Text)
			index[doc.ID] = i
			out[i] = i
		}
		for _, g := range d.Groups() {
			for _, m := range g.Members {
				out[index[m]] = index[g.ID]
			}
		}
		return out, nil
	}}
}

// AllPairsMinHashMethod compares the MinHash signatures of every two
// texts (no LSH) with the Detector's rule and groups the connected
// components: what the Detector would find if its candidates missed
// nothing.
func AllPairsMinHashMethod(name string, opt dedup.Options) DedupMethod {
	return DedupMethod{Name: name, Group: func(ctx context.Context, docs []DedupDoc) ([]int, error) {
		d := dedup.New(opt)
		sigs := make([]dedup.Signature, len(docs))
		for i, doc := range docs {
			sigs[i] = d.Signature(doc.Text)
		}
		return dedupAllPairs(ctx, len(docs), func(i, j int) bool {
			_, _, dup := d.Compare(sigs[i], sigs[j])
			return dup
		})
	}}
}

// SimHashMethod compares the 64-bit SimHashes of every two texts of
// words or more and groups the connected components of the pairs at
// Hamming distance maxDist or less.
func SimHashMethod(name string, shingle, maxDist, minWords int) DedupMethod {
	return DedupMethod{Name: name, Group: func(ctx context.Context, docs []DedupDoc) ([]int, error) {
		hs := make([]uint64, len(docs))
		ok := make([]bool, len(docs))
		for i, doc := range docs {
			hs[i] = dedup.SimHash(doc.Text, shingle)
			ok[i] = len(strings.Fields(doc.Text)) >= minWords
		}
		return dedupAllPairs(ctx, len(docs), func(i, j int) bool {
			return ok[i] && ok[j] && dedup.Hamming(hs[i], hs[j]) <= maxDist
		})
	}}
}

// dedupAllPairs labels n items by the connected components of the pairs dup
// accepts.
func dedupAllPairs(ctx context.Context, n int, dup func(i, j int) bool) ([]int, error) {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range n {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		for j := range i {
			if dup(i, j) {
				a, b := find(i), find(j)
				if a != b {
					parent[max(a, b)] = min(a, b)
				}
			}
		}
	}
	out := make([]int, n)
	for i := range out {
		out[i] = find(i)
	}
	return out, nil
}

// DedupBenchMethods are the methods `veille bench dedup` compares: the
// Detector as shipped; the same rule on every pair, without LSH (what the
// candidates could at best find); the Detector on Jaccard similarity
// alone (no containment, no anchor sentences); and SimHash over weighted
// 5-word shingles at several Hamming distances, on every pair.
func DedupBenchMethods() []DedupMethod {
	ms := []DedupMethod{
		DetectorMethod("minhash detector", dedup.Options{}),
		AllPairsMinHashMethod("minhash all pairs", dedup.Options{}),
		DetectorMethod("minhash jaccard only", dedup.Options{Containment: 2, Anchors: -1}),
	}
	for _, d := range []int{3, 6, 10, 14, 18} {
		ms = append(ms, SimHashMethod(fmt.Sprintf("simhash d<=%d", d), 5, d, 10))
	}
	return ms
}
