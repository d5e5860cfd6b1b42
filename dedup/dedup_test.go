package dedup

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/veille-news/veille/tokenize"
)

// The texts below are written for these tests (fictional events).

const article = `Le gouvernement de transition a annoncé mardi soir la création d'une agence nationale chargée de la sécurité des routes du nord du pays. ` +
	`Selon le communiqué lu à la télévision publique, la nouvelle agence disposera d'un budget de douze milliards de francs CFA pour sa première année. ` +
	`Le ministre des Infrastructures a expliqué que les attaques contre les convois de marchandises avaient doublé depuis le début de la saison sèche. ` +
	`Les transporteurs réclamaient depuis plusieurs mois des escortes régulières entre la capitale et les villes frontalières. ` +
	`Leur syndicat a salué une décision attendue, tout en demandant que les postes de contrôle soient moins nombreux et mieux payés. ` +
	`Des élus locaux ont rappelé que plusieurs ponts restaient fermés depuis les pluies de l'an dernier, ce qui allonge les trajets de plusieurs heures. ` +
	`Le gouvernement promet de rouvrir trois ouvrages avant la fin de l'année et de recruter cinq cents agents dans les régions concernées. ` +
	`Les bailleurs de fonds n'ont pas encore indiqué s'ils participeraient au financement de l'agence. ` +
	`Un économiste de l'université de la capitale estime que le coût du transport représente près d'un tiers du prix des denrées sur les marchés du nord. ` +
	`Pour lui, la sécurité des routes décidera du prix du sac de riz bien plus que les subventions annoncées le mois dernier. ` +
	`L'agence devrait commencer ses travaux au début du mois prochain, sous l'autorité directe du Premier ministre.`

// lead is article with its first two sentences rewritten by hand.
var lead = `Une agence nationale pour sécuriser les axes routiers du nord verra bientôt le jour, a fait savoir mardi le pouvoir de transition. ` +
	`Dotée de douze milliards de francs CFA dès son lancement, elle a été présentée dans un communiqué diffusé par la chaîne publique. ` +
	article[strings.Index(article, "Le ministre des Infrastructures"):]

// sameTopic is another article about the roads of the north, not a copy.
const sameTopic = `Les routes du nord du pays restent dangereuses malgré les promesses du gouvernement de transition, affirment les chauffeurs routiers. ` +
	`Trois camions ont été incendiés la semaine dernière près d'une ville frontalière, et les convois attendent parfois quatre jours une escorte. ` +
	`Le syndicat des transporteurs menace d'une grève si la sécurité ne s'améliore pas avant la saison des pluies. ` +
	`Sur les marchés, le prix du riz et de l'huile a encore augmenté, les commerçants répercutant le coût des trajets. ` +
	`Le ministère des Infrastructures assure que de nouveaux agents seront déployés dans les régions du nord dans les prochaines semaines. ` +
	`Des élus demandent aussi la réparation des ponts fermés, qui obligent les camions à de longs détours par des pistes en mauvais état.`

const chromeHead = "Sahel Matin\nAccueil Politique Économie Société Sport\n\n"
const chromeFoot = "\n\nLire aussi :\nLe prix du riz au plus haut depuis cinq ans\nLes transporteurs en grève à la frontière\nPartager sur Facebook Twitter WhatsApp\n© Sahel Matin. Tous droits réservés."

func firstHalf(s string) string {
	words := strings.Fields(s)
	return strings.Join(words[:len(words)/2], " ")
}

func TestAdd(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		wantGroup bool // grouped with the article
		exact     bool
	}{
		{"exact copy", strings.ReplaceAll(strings.ToUpper(article[:1])+article[1:], "'", "’"), true, true},
		{"copy inside chrome", chromeHead + article + chromeFoot, true, false},
		{"truncated to half", firstHalf(article), true, false},
		{"truncated to half inside chrome", chromeHead + firstHalf(article) + chromeFoot, true, false},
		{"lead rewritten", lead, true, false},
		{"same topic, not a copy", sameTopic, false, false},
		{"chrome alone", chromeHead + chromeFoot, false, false},
		{"empty", "", false, false},
		{"one word", "Gouvernement", false, false},
		{"one sentence of the article", "Les bailleurs de fonds n'ont pas encore indiqué s'ils participeraient au financement de l'agence.", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The article first, then the copy; and the copy first.
			for _, copyFirst := range []bool{false, true} {
				d := New(Options{})
				first, second := "article", "copy"
				ft, st := article, tc.text
				if copyFirst {
					first, second, ft, st = second, first, st, ft
				}
				if g, dups := d.Add(first, ft); g != first || len(dups) != 0 {
					t.Fatalf("first Add = %q, %v; want %q, none", g, dups, first)
				}
				g, dups := d.Add(second, st)
				if !tc.wantGroup {
					if g != second || len(dups) != 0 {
						t.Errorf("copyFirst=%v: grouped as %q with %+v; want alone", copyFirst, g, dups)
					}
					continue
				}
				if g != first || len(dups) != 1 || dups[0].ID != first {
					t.Fatalf("copyFirst=%v: Add = %q, %+v; want group %q", copyFirst, g, dups, first)
				}
				if dups[0].Exact != tc.exact {
					t.Errorf("copyFirst=%v: Exact = %v, want %v", copyFirst, dups[0].Exact, tc.exact)
				}
				if m := dups[0]; m.Jaccard < 0 || m.Jaccard > 1 || m.Containment < 0 || m.Containment > 1 {
					t.Errorf("copyFirst=%v: similarity out of [0,1]: %+v", copyFirst, m)
				}
			}
		})
	}
}

func TestShortTextsNeverGrouped(t *testing.T) {
	d := New(Options{})
	for i, text := range []string{"", "", "  \n ", "Gouvernement", "Gouvernement", "gouvernement !", "Lire la suite", "Lire la suite"} {
		id := fmt.Sprint(i)
		if g, dups := d.Add(id, text); g != id || dups != nil {
			t.Errorf("Add(%q) = %q, %v; want its own group", text, g, dups)
		}
	}
	if gs := d.Groups(); len(gs) != 0 {
		t.Errorf("Groups = %v, want none", gs)
	}
}

// TestMerge checks that a truncated copy and a copy with a rewritten lead,
// which do not duplicate each other, join one group when their source
// comes, under the earliest text's id.
func TestMerge(t *testing.T) {
	d := New(Options{})
	d.Add("truncated", firstHalf(article))
	if g, _ := d.Add("lead", lead); g != "lead" {
		t.Fatalf("lead grouped with %q before the article came", g)
	}
	d.Add("unrelated", sameTopic)
	if g, dups := d.Add("article", article); g != "truncated" || len(dups) != 2 {
		t.Fatalf("article: group %q, dups %+v; want group truncated, 2 dups", g, dups)
	}
	want := []Group{{ID: "truncated", Members: []string{"truncated", "lead", "article"}}}
	if got := d.Groups(); !slices.EqualFunc(got, want, func(a, b Group) bool {
		return a.ID == b.ID && slices.Equal(a.Members, b.Members)
	}) {
		t.Errorf("Groups = %v, want %v", got, want)
	}
}

// TestIdenticalCopies adds 10,000 identical copies: one group, and the
// index holds one text only, so each Add costs one map lookup.
func TestIdenticalCopies(t *testing.T) {
	d := New(Options{})
	sig := d.Signature(article)
	for i := range 10000 {
		g, dups := d.AddSignature(fmt.Sprint(i), sig)
		if i > 0 && (g != "0" || len(dups) != 1 || !dups[0].Exact || dups[0].ID != "0") {
			t.Fatalf("copy %d: %q %+v", i, g, dups)
		}
	}
	gs := d.Groups()
	if len(gs) != 1 || len(gs[0].Members) != 10000 {
		t.Fatalf("%d groups, want one of 10000", len(gs))
	}
	if len(d.sk) != 1 || len(d.next) != d.cols {
		t.Errorf("index holds %d texts (%d entries), want 1 (%d)", len(d.sk), len(d.next), d.cols)
	}
}

// TestBucketBound adds 3,000 near-identical texts (one word changes): they
// all share buckets, yet each Add compares with at most
// MaxBucket×(Bands+Anchors) earlier texts.
func TestBucketBound(t *testing.T) {
	opt := Options{MaxBucket: 16}
	d := New(opt)
	words := strings.Fields(article)
	var prev int
	maxPer := 0
	for i := range 3000 {
		w := slices.Clone(words)
		w[len(w)/2] = fmt.Sprintf("mot%d", i)
		d.Add(fmt.Sprint(i), strings.Join(w, " "))
		maxPer = max(maxPer, d.compared-prev)
		prev = d.compared
	}
	if bound := 16 * d.cols; maxPer > bound {
		t.Errorf("an Add compared %d texts, bound %d", maxPer, bound)
	}
	if gs := d.Groups(); len(gs) != 1 || len(gs[0].Members) != 3000 {
		t.Errorf("want one group of 3000, got %d groups", len(gs))
	}
}

// TestSignatureParallel checks that Signature gives the same result from
// several goroutines as from one.
func TestSignatureParallel(t *testing.T) {
	d := New(Options{})
	texts := []string{article, lead, sameTopic, "", "un mot", chromeHead + article}
	want := make([]Signature, len(texts))
	for i, s := range texts {
		want[i] = d.Signature(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for range 8 {
		wg.Go(func() {
			for i, s := range texts {
				got := d.Signature(s)
				if got.Exact != want[i].Exact || !slices.Equal(got.Min, want[i].Min) || !slices.Equal(got.Bottom, want[i].Bottom) || !slices.Equal(got.Anchors, want[i].Anchors) {
					errs <- fmt.Sprintf("text %d: signature differs", i)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestEstimates checks the similarity estimates against the exact values
// on sets of known overlap: Jaccard within 0.1 and containment within 0.1.
func TestEstimates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := make([]string, 5000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%d", i)
	}
	text := func(n int) []string {
		w := make([]string, n)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return w
	}
	d := New(Options{})
	base := text(1200)
	cases := []struct {
		name string
		a, b []string
		dup  bool
	}{
		{"same", base, base, true},
		{"first half", base[:600], base, true},
		{"first fifth", base[:240], base, true},
		{"first twentieth", base[:60], base, false}, // over MaxRatio
		{"half shared", base[:600], append(slices.Clone(base[300:600]), text(600)...), false},
		{"unrelated", text(800), base, false},
	}
	for _, tc := range cases {
		a, b := strings.Join(tc.a, " "), strings.Join(tc.b, " ")
		sa, sb := d.Signature(a), d.Signature(b)
		j, c, dup := d.Compare(sa, sb)
		ej, ec := exactSimilarity(t, tc.a, tc.b, 5)
		if math.Abs(j-ej) > 0.1 || math.Abs(c-ec) > 0.1 {
			t.Errorf("%s: estimated J %.3f C %.3f, exact J %.3f C %.3f", tc.name, j, c, ej, ec)
		}
		if dup != tc.dup {
			t.Errorf("%s: dup = %v, want %v (J %.3f C %.3f)", tc.name, dup, tc.dup, j, c)
		}
	}
}

// exactSimilarity returns the Jaccard similarity of the k-word shingle
// sets of a and b and the containment of the smaller in the larger.
func exactSimilarity(t *testing.T, a, b []string, k int) (j, c float64) {
	t.Helper()
	set := func(w []string) map[string]bool {
		m := map[string]bool{}
		for i := 0; i+k <= len(w); i++ {
			m[strings.Join(w[i:i+k], " ")] = true
		}
		return m
	}
	sa, sb := set(a), set(b)
	inter := 0
	for x := range sa {
		if sb[x] {
			inter++
		}
	}
	return float64(inter) / float64(len(sa)+len(sb)-inter), float64(inter) / float64(min(len(sa), len(sb)))
}

// TestSCurve checks the candidate probabilities the package documentation
// gives for the default banding.
func TestSCurve(t *testing.T) {
	o := Options{}.withDefaults()
	p := func(s float64) float64 { return 1 - math.Pow(1-math.Pow(s, float64(o.Rows)), float64(o.Bands)) }
	for _, tc := range []struct{ s, lo, hi float64 }{
		{0.6, 0.997, 1}, {0.5, 0.955, 0.965}, {0.33, 0.575, 0.59}, {0.1, 0.02, 0.025}, {0.02, 0, 0.0002},
	} {
		if got := p(tc.s); got < tc.lo || got > tc.hi {
			t.Errorf("P(candidate | J=%.2f) = %.4f, documented in [%.4f, %.4f]", tc.s, got, tc.lo, tc.hi)
		}
	}
}

func TestSimHash(t *testing.T) {
	a, b, c := SimHash(article, 5), SimHash(chromeHead+article+chromeFoot, 5), SimHash(sameTopic, 5)
	if SimHash("", 5) != 0 {
		t.Error("SimHash of an empty text is not 0")
	}
	if Hamming(a, a) != 0 || Hamming(a, b) >= Hamming(a, c) {
		t.Errorf("Hamming: copy %d, same topic %d", Hamming(a, b), Hamming(a, c))
	}
}

// benchText returns n distinct synthetic texts of about 250 words.
func benchTexts(n int) []string {
	rng := rand.New(rand.NewPCG(7, 7))
	words := strings.Fields(article + " " + sameTopic)
	out := make([]string, n)
	for i := range out {
		w := make([]string, 250)
		for j := range w {
			w[j] = words[rng.IntN(len(words))]
		}
		out[i] = strings.Join(w, " ")
	}
	return out
}

func BenchmarkSignature(b *testing.B) {
	d := New(Options{})
	text := benchTexts(1)[0]
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Signature(text)
	}
}

func BenchmarkAdd(b *testing.B) {
	d := New(Options{})
	texts := benchTexts(16384)
	sigs := make([]Signature, len(texts))
	ids := make([]string, len(texts))
	for i, s := range texts {
		sigs[i] = d.Signature(s)
		ids[i] = fmt.Sprint(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % len(sigs)
		if k == 0 {
			d = New(Options{})
		}
		d.AddSignature(ids[k], sigs[k])
	}
}

// TestFoldHash checks that hashing a word folds it exactly as
// tokenize.Fold does.
func TestFoldHash(t *testing.T) {
	for _, w := range []string{"", "armée", "ARMÉE", "Œuvre", "l’", "l'", "Saint-Pétersbourg", "Ibrahim", "ﬁn", "Straße", "Ⅻ", "日本", "\xff\xfe", "naïve", "Ḿ", "x²"} {
		if got, want := foldHash(w), fnv(tokenize.Fold(w)); got != want {
			t.Errorf("foldHash(%q) = %x, want fnv(Fold) = %x", w, got, want)
		}
	}
	if foldHash("Armée") != foldHash("armee") {
		t.Error(`"Armée" and "armee" hash differently`)
	}
}

func TestTable(t *testing.T) {
	var tb table
	if _, ok := tb.get(7); ok {
		t.Fatal("empty table has key 7")
	}
	want := map[uint32]int32{}
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		k := rng.Uint32() % 5000 // repeated keys are overwritten
		if i%7 == 0 {
			k = uint32(i) << 12 // keys equal in their low bits probe on
		}
		tb.put(k, int32(i))
		want[k] = int32(i)
	}
	for k, v := range want {
		if got, ok := tb.get(k); !ok || got != v {
			t.Fatalf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	if tb.n != len(want) {
		t.Errorf("%d keys counted, want %d", tb.n, len(want))
	}
	if _, ok := tb.get(1 << 31); ok {
		t.Error("absent key found")
	}
}
