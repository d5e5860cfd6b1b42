package textsim

import (
	"context"
	"math"
	"slices"
	"testing"
)

// Texts for the pair tests, written for them.
const (
	storyFR = "Une délégation militaire russe conduite par le vice-ministre de la Défense Iounous-Bek Evkourov est arrivée samedi à Ouagadougou. " +
		"Elle a été reçue par le capitaine Ibrahim Traoré, président de la Transition, pour parler de coopération militaire et de lutte contre le terrorisme."
	rewrittenFR = "Le capitaine Ibrahim Traoré a reçu samedi à Ouagadougou une délégation russe menée par Iounous-Bek Evkourov, vice-ministre russe de la Défense. " +
		"Les entretiens ont porté sur la coopération militaire entre Moscou et le Burkina Faso et sur la lutte antiterroriste."
	sameTopicFR = "Le ministre malien de la Défense, Sadio Camara, s'est rendu à Moscou pour discuter de l'achat d'hélicoptères. " +
		"La coopération militaire avec la Russie doit renforcer la lutte contre le terrorisme au Sahel, a-t-il déclaré."
	unrelatedFR = "Le prix du cacao a fortement augmenté cette semaine sur les marchés d'Abidjan, porté par une récolte ivoirienne plus faible que prévu " +
		"et par la demande des chocolatiers européens, selon les négociants."
	storyDE = "Eine russische Militärdelegation unter Leitung des stellvertretenden Verteidigungsministers Iounous-Bek Evkourov ist am Samstag in Ouagadougou eingetroffen. " +
		"Sie wurde von Hauptmann Ibrahim Traoré, dem Übergangspräsidenten, empfangen, um über militärische Zusammenarbeit zu sprechen."
	unrelatedDE = "Der FC Bayern München hat am Samstag in der Bundesliga gegen Borussia Dortmund mit drei zu eins gewonnen. " +
		"Die Mannschaft von Trainer Thomas Tuchel führte schon zur Pause, die Zuschauer feierten den Sieg bis in die Nacht."
	otherFR = "Les pluies diluviennes ont provoqué des inondations à Niamey, où des centaines de familles ont perdu leur maison. " +
		"Le gouvernement nigérien a promis une aide d'urgence aux sinistrés des quartiers riverains du fleuve."
)

// scoreBatch scores pairs as one batch and fails the test on error.
func scoreBatch(t *testing.T, pairs [][2]string) []float64 {
	t.Helper()
	s, err := ScorePairs(context.Background(), pairs)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != len(pairs) {
		t.Fatalf("%d scores for %d pairs", len(s), len(pairs))
	}
	return s
}

func TestScoreOrder(t *testing.T) {
	tests := []struct {
		name           string
		a, closer, far string
	}{
		{"rewritten story above same topic", storyFR, rewrittenFR, sameTopicFR},
		{"same topic above unrelated", storyFR, sameTopicFR, unrelatedFR},
		{"rewritten story above unrelated", storyFR, rewrittenFR, unrelatedFR},
		{"the story in German above an unrelated French text", storyDE, storyFR, unrelatedFR},
		{"the story in German above an unrelated German text", storyFR, storyDE, unrelatedDE},
	}
	// One batch with every pair and some others, as the command scores.
	var pairs [][2]string
	for _, tt := range tests {
		pairs = append(pairs, [2]string{tt.a, tt.closer}, [2]string{tt.a, tt.far})
	}
	pairs = append(pairs, [2]string{otherFR, unrelatedDE})
	s := scoreBatch(t, pairs)
	for i, tt := range tests {
		near, far := s[2*i], s[2*i+1]
		t.Logf("%s: %.3f > %.3f", tt.name, near, far)
		if near <= far {
			t.Errorf("%s: %.3f, not above %.3f", tt.name, near, far)
		}
	}
	if s[0] < 0.5 {
		t.Errorf("a rewritten story scores %.3f, want at least 0.5", s[0])
	}
	if unrelated := s[3]; unrelated > 0.25 {
		t.Errorf("unrelated texts score %.3f, want at most 0.25", unrelated)
	}
}

func TestScoreEdges(t *testing.T) {
	pairs := [][2]string{
		{"", storyFR},
		{storyFR, ""},
		{"", ""},
		{"   \n\t ", storyFR},
		{"...!?", storyFR},
		{storyFR, storyFR},
		{storyFR, rewrittenFR},
		{rewrittenFR, storyFR},
		{"\xff\xfe invalide", storyFR},
	}
	s := scoreBatch(t, pairs)
	for i, v := range s {
		if math.IsNaN(v) || v < 0 || v > 1 {
			t.Errorf("pair %d: score %v outside [0,1]", i, v)
		}
	}
	for i := range 5 {
		if s[i] != 0 {
			t.Errorf("pair %d (%q, %.10q): empty text scores %v, want 0", i, pairs[i][0], pairs[i][1], s[i])
		}
	}
	if s[5] < 0.9 {
		t.Errorf("a text with itself scores %.3f, want at least 0.9", s[5])
	}
	if s[6] != s[7] {
		t.Errorf("not symmetric: %v and %v", s[6], s[7])
	}

	// A scorer over an empty collection still scores, symmetrically.
	sc := NewScorer(NewDF())
	ab, ba := sc.Score(storyFR, rewrittenFR), sc.Score(rewrittenFR, storyFR)
	if math.IsNaN(ab) || ab != ba || ab <= sc.Score(storyFR, unrelatedFR) {
		t.Errorf("empty collection: %v, %v, unrelated %v", ab, ba, sc.Score(storyFR, unrelatedFR))
	}
	if v := sc.Score("", ""); v != 0 {
		t.Errorf("empty texts with an empty collection: %v", v)
	}
}

func TestAnalyzeLang(t *testing.T) {
	tx := AnalyzeLang("Le capitaine Ibrahim Traoré a reçu 1 500 soldats. Ensuite la délégation est partie pour Moscou.\nBamako attend.", "fr")
	for _, name := range []string{"ibrahim", "traore", "moscou"} {
		if tx.names[Hash(nsName+name)] == 0 {
			t.Errorf("name %q not found", name)
		}
	}
	for _, notName := range []string{"le", "ensuite", "bamako", "capitaine"} {
		if tx.names[Hash(nsName+notName)] != 0 {
			t.Errorf("%q taken for a name (it starts a sentence or is not capitalised)", notName)
		}
	}
	if tx.nums[Hash(nsNum+"1500")] != 1 {
		t.Errorf("number 1 500 not read as 1500")
	}
	if tx.Empty || !AnalyzeLang(" ... ", "fr").Empty {
		t.Errorf("Empty wrong")
	}
	if got := len(tx.lead); got == 0 || got > leadTerms {
		t.Errorf("lead has %d terms", got)
	}
}

func TestForLanguage(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"en", "The delegations' leaders met Russia's ministers", []string{"deleg", "leader", "met", "russia", "minist"}},
		{"de", "Die russischen Delegationen", []string{"russisch", "delegation"}},
		{"fr", "Les délégations russes", []string{"deleg", "ruse"}},
		{"sw", "Les délégations russes", []string{"deleg", "ruse"}}, // no analyser: French
	}
	for _, tt := range tests {
		got := ForLanguage(tt.lang).Terms(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Terms(%q) = %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestFitModel(t *testing.T) {
	// gold = 0.1 + 0.5·terms + 0.3·names exactly: the fit finds it.
	var sig []Signals
	var gold []float64
	for i := range 50 {
		s := Signals{float64(i%7) / 7, float64(i%5) / 5, float64(i%11) / 11, float64(i%3) / 3}
		sig = append(sig, s)
		gold = append(gold, 0.1+0.5*s[SigTerms]+0.3*s[SigNames])
	}
	use := [NumSignals]bool{true, true, true, true}
	m, err := FitModel(sig, gold, use, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := Model{Bias: 0.1, Weights: [NumSignals]float64{0.5, 0, 0.3, 0}}
	if math.Abs(m.Bias-want.Bias) > 1e-9 {
		t.Errorf("bias %v, want %v", m.Bias, want.Bias)
	}
	for i := range m.Weights {
		if math.Abs(m.Weights[i]-want.Weights[i]) > 1e-9 {
			t.Errorf("weight %s = %v, want %v", SignalNames[i], m.Weights[i], want.Weights[i])
		}
	}
	// A signal left out gets no weight.
	use[SigNames] = false
	if m, err := FitModel(sig, gold, use, 0); err != nil || m.Weights[SigNames] != 0 {
		t.Errorf("left-out signal weighs %v (err %v)", m.Weights[SigNames], err)
	}
	// A constant signal cannot be told from the bias.
	for i := range sig {
		sig[i][SigNums] = 0
	}
	if _, err := FitModel(sig, gold, [NumSignals]bool{true, true, true, true}, 0); err == nil {
		t.Error("no error for a constant signal")
	}
	if _, err := FitModel(sig[:3], gold[:3], use, 0); err == nil {
		t.Error("no error for fewer pairs than parameters")
	}
}

func TestModelApply(t *testing.T) {
	m := Model{Bias: -0.2, Weights: [NumSignals]float64{1, 1, 1, 1}}
	tests := []struct {
		s    Signals
		want float64
	}{
		{Signals{}, 0},
		{Signals{0.5}, 0.3},
		{Signals{1, 1, 1, 1}, 1},
	}
	for _, tt := range tests {
		if got := m.Apply(tt.s); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("Apply(%v) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

func BenchmarkAnalyze(b *testing.B) {
	b.SetBytes(int64(len(storyFR)))
	for b.Loop() {
		Analyze(storyFR)
	}
}

func BenchmarkCompare(b *testing.B) {
	df := NewDF()
	texts := []string{storyFR, rewrittenFR, sameTopicFR, unrelatedFR, storyDE, unrelatedDE, otherFR}
	var ts []*Text
	for _, s := range texts {
		t := Analyze(s)
		ts = append(ts, t)
		df.Add(t.Bag())
	}
	sc := NewScorer(df)
	x, y := sc.Features(ts[0]), sc.Features(ts[1])
	for b.Loop() {
		sc.Compare(x, y)
	}
}

func TestTitleSignal(t *testing.T) {
	sc := NewScorer(NewFrenchDF())
	f := func(s string) *Features { return sc.Features(AnalyzeLang(s, "fr")) }
	body := " La cérémonie s'est tenue au palais présidentiel en présence des ministres."
	// The headline is the first ten terms: the same body after two
	// unrelated headlines brings a little.
	same := sc.Signals(f("Le Burkina Faso signe un accord nucléaire avec la Russie."+body),
		f("Burkina Faso et Russie : accord nucléaire signé à Moscou."+body))
	other := sc.Signals(f("Inondations meurtrières dans le nord du Ghana."+body),
		f("Burkina Faso et Russie : accord nucléaire signé à Moscou."+body))
	if same[SigTitle] <= 0.6 || other[SigTitle] >= 0.3 {
		t.Errorf("title signal: same headline %.3f, other headline %.3f", same[SigTitle], other[SigTitle])
	}
}
