package reuse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/tokenize"
)

// The texts of these tests were written for them.
var (
	lead = []string{
		"Une délégation militaire russe conduite par un vice-ministre de la Défense a été reçue mardi à Ouagadougou par le chef de l'État, qui a salué la qualité des relations entre les deux pays.",
		"Les discussions ont porté sur la formation des forces armées, la fourniture d'équipements et le partage du renseignement, selon un communiqué publié à l'issue de la rencontre.",
		"La délégation s'était auparavant rendue à Bamako, où elle a rencontré les autorités de la transition malienne pour des échanges du même ordre.",
	}
	body = []string{
		"Depuis plusieurs mois, les autorités burkinabè multiplient les contacts avec Moscou, qu'elles présentent comme un partenaire capable de répondre rapidement aux besoins sécuritaires du pays.",
		"Les premiers instructeurs russes sont attendus avant la fin de l'année dans les centres de formation de l'armée, a précisé une source proche du ministère de la Défense.",
		"Des organisations de la société civile ont toutefois demandé davantage de transparence sur le contenu des accords signés et sur leur coût pour les finances publiques.",
		"Le gouvernement assure que ces accords visent d'abord à reconquérir le territoire et à permettre le retour des populations déplacées dans leurs villages.",
	}
	other = strings.Join([]string{
		"La saison des pluies a commencé plus tôt que prévu dans le centre du pays, où les agriculteurs se préparent à semer le mil et le sorgho dès la semaine prochaine.",
		"Les services de météorologie annoncent des précipitations supérieures à la moyenne, ce qui réjouit les coopératives mais inquiète les habitants des quartiers inondables de la capitale.",
		"La mairie a lancé une campagne de curage des caniveaux et demande aux riverains de ne plus y jeter leurs ordures ménagères.",
	}, "\n\n")
)

// article lays out paragraphs, with chrome lines before and after.
func article(before, after []string, paras ...string) string {
	var b strings.Builder
	for _, c := range before {
		b.WriteString(c + "\n\n")
	}
	b.WriteString(strings.Join(paras, "\n\n"))
	for _, c := range after {
		b.WriteString("\n\n" + c)
	}
	return b.String()
}

var (
	menuA  = []string{"Accueil | Politique | Économie | Sport | Contact"}
	menuB  = []string{"MENU Nation Afrique Monde Culture", "À la une : les résultats du baccalauréat sont en ligne"}
	footA  = []string{"Partager : Facebook Twitter WhatsApp", "© Le Réveil, tous droits réservés"}
	footB  = []string{"Imprimer | Envoyer à un ami", "Articles liés", "• Le marché de Rood Woko rouvre ses portes"}
	leadP  = strings.Join(lead, " ")
	source = article(menuA, footA, append([]string{leadP}, body...)...)
)

func date(t *testing.T, s string) veille.Date {
	t.Helper()
	d, err := veille.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCompare(t *testing.T) {
	rewrittenLead := strings.Join([]string{
		strings.Replace(lead[1], "Les discussions ont porté", "Les échanges ont porté", 1),
		strings.Replace(lead[0], "a salué", "a vanté", 1),
	}, " ")
	tests := []struct {
		name string
		b    string
		ok   bool
		kind Kind
		// passages is the number of passages; minCoverA and minCoverB
		// bound the coverage of each text.
		passages             int
		minCoverA, minCoverB float64
		agency               string
	}{
		{"verbatim copy inside chrome", article(menuB, footB, append([]string{leadP}, body...)...), true, Verbatim, 1, 0.85, 0.8, ""},
		{"truncation", article(menuB, []string{"Lire la suite"}, leadP, body[0]), true, Verbatim, 1, 0.4, 0.8, ""},
		{"chrome inserted between paragraphs", article(menuB, footB, leadP, body[0], "PUBLICITÉ", "Lire aussi : le marché de Rood Woko rouvre ses portes", body[1], body[2], body[3]), true, Verbatim, 2, 0.85, 0.7, ""},
		{"rewritten lead", article(menuB, footB, append([]string{rewrittenLead}, body...)...), true, Rewrite, 3, 0.6, 0.6, ""},
		{"reordered paragraphs", article(menuB, footB, leadP, body[2], body[3], body[0], body[1]), true, Rewrite, 3, 0.85, 0.8, ""},
		{"unrelated", article(menuB, footB, other), false, "", 0, 0, 0, ""},
	}
	a := Doc{ID: "a", Text: source, Published: date(t, "2023-10-03")}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Doc{ID: "b", Text: tt.b, Published: date(t, "2023-10-04")}
			p, ok := Compare(a, b, Options{})
			if ok != tt.ok {
				t.Fatalf("ok %v, want %v (%+v)", ok, tt.ok, p)
			}
			if !ok {
				return
			}
			if p.Kind != tt.kind || len(p.Passages) != tt.passages || p.CoverageA < tt.minCoverA || p.CoverageB < tt.minCoverB {
				t.Errorf("kind %s, %d passages, coverage %.2f/%.2f; want %s, %d, at least %.2f/%.2f (edits %d, reordered %d)",
					p.Kind, len(p.Passages), p.CoverageA, p.CoverageB, tt.kind, tt.passages, tt.minCoverA, tt.minCoverB, p.Edits, p.Reordered)
			}
			if p.Direction != SourceA || p.DirectionReason != ReasonEarlier {
				t.Errorf("direction %s (%s), want a", p.Direction, p.DirectionReason)
			}
			for _, x := range p.Passages {
				ta, tb := a.Text[x.AStart:x.AEnd], b.Text[x.BStart:x.BEnd]
				if x.Identity == 1 && folded(ta) != folded(tb) {
					t.Errorf("passage of identity 1 differs:\n%q\n%q", ta, tb)
				}
				if x.Matches < 15 || x.Matches > min(x.AWords, x.BWords) {
					t.Errorf("passage with %d matches of %d/%d words", x.Matches, x.AWords, x.BWords)
				}
				for _, c := range append(menuA, menuB...) {
					if strings.Contains(ta, c) || strings.Contains(tb, c) {
						t.Errorf("passage holds chrome %q", c)
					}
				}
			}
		})
	}
}

// folded is the words of s, folded, joined by spaces.
func folded(s string) string {
	var ws []string
	for _, t := range tokenize.Tokens(s) {
		if t.Kind == tokenize.Word || t.Kind == tokenize.Number {
			ws = append(ws, tokenize.Fold(t.Text))
		}
	}
	return strings.Join(ws, " ")
}

func TestWire(t *testing.T) {
	text := strings.Join(append([]string{leadP}, body...), "\n\n")
	tests := []struct {
		name   string
		a, b   string
		agency string
	}{
		{"dateline and attribution", "OUAGADOUGOU (AFP) - " + text, strings.Replace(text, "mardi à Ouagadougou", "mardi à Ouagadougou, selon l'AFP", 1), "AFP"},
		{"reported by", text + "\n\nAvec Reuters", strings.Replace(text, "du même ordre.", "du même ordre, a rapporté Reuters.", 1), "Reuters"},
		{"full name", "L'Agence d'information du Burkina rapporte ceci. " + text, "(AIB) " + text, "AIB"},
		{"two agencies", "OUAGADOUGOU (AFP) - " + text, "(Reuters) - " + text, ""},
		{"one side only", "OUAGADOUGOU (AFP) - " + text, text, ""},
		{"agency mentioned, not credited", "Le siège de l'AFP a été rénové. " + text, "L'AFP fête ses 80 ans. " + text, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := Compare(Doc{ID: "a", Text: tt.a, Published: date(t, "2023-10-03")}, Doc{ID: "b", Text: tt.b, Published: date(t, "2023-10-05")}, Options{})
			if !ok {
				t.Fatal("no pair")
			}
			if tt.agency == "" {
				if p.Kind == Wire || p.Direction != SourceA {
					t.Errorf("kind %s agency %q direction %s, want no wire, a first", p.Kind, p.Agency, p.Direction)
				}
				return
			}
			if p.Kind != Wire || p.Agency != tt.agency || p.Direction != None || !strings.Contains(p.DirectionReason, tt.agency) {
				t.Errorf("kind %s agency %q direction %s (%s); want wire %s, none", p.Kind, p.Agency, p.Direction, p.DirectionReason, tt.agency)
			}
		})
	}
}

func TestCredits(t *testing.T) {
	tests := []struct {
		text string
		want string // agencies credited, space-separated
	}{
		{"BAMAKO (AFP) - Le gouvernement a annoncé", "AFP"},
		{"a indiqué le ministre, selon l'AFP.", "AFP"},
		{"a-t-il déclaré à l'AFP.", "AFP"},
		{"a rapporté Reuters mardi.", "Reuters"},
		{"Reuters rapporte que le convoi est bloqué.", "Reuters"},
		{"selon l'Agence France-Presse, le convoi", "AFP"},
		{"(AFP/Reuters) Le convoi", "AFP Reuters"},
		{"selon l'agence russe TASS.", "TASS"},
		{"L'Agence nigérienne de presse indique", "ANP"},
		{"Le texte.\n\nAvec AFP", "AFP"},
		{"La MAP du projet et l'AP de la mairie.", ""},
		{"Le siège de l'AFP a été rénové.", ""},
		{"RIA Novosti a été fondée en 1941, selon RIA Novosti.", "RIA Novosti RIA Novosti"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range credits(tt.text) {
			got = append(got, c.agency)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: credits %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestOrient(t *testing.T) {
	tests := []struct {
		a, b   string
		dir    Direction
		reason string
	}{
		{"2023-10-03", "2023-10-04", SourceA, ReasonEarlier},
		{"2023-10-05", "2023-10-04T23:59", SourceB, ReasonEarlier},
		{"", "2023-10-04", Unknown, ReasonMissingDate + " (a)"},
		{"2023-10-04", "", Unknown, ReasonMissingDate + " (b)"},
		{"", "", Unknown, ReasonMissingDate + " (both)"},
		{"2023-10-04", "2023-10-04", Unknown, ReasonSameDay},
		{"2023-10-04T08:00", "2023-10-04", Unknown, ReasonSameDay},
		{"2023-10-04T08:00", "2023-10-04T09:30", SourceA, ReasonEarlier},
		{"2023-10", "2023-10-04", Unknown, ReasonOverlap + " (2023-10, 2023-10-04)"},
		{"2023-09", "2023-10-04", SourceA, ReasonEarlier},
	}
	for _, tt := range tests {
		dir, reason := Orient(date(t, tt.a), date(t, tt.b))
		if dir != tt.dir || reason != tt.reason {
			t.Errorf("Orient(%q, %q) = %s %q, want %s %q", tt.a, tt.b, dir, reason, tt.dir, tt.reason)
		}
	}
}

func TestFind(t *testing.T) {
	copyText := article(menuB, footB, append([]string{leadP}, body...)...)
	docs := []Doc{
		{ID: "copy", Site: "b", Text: copyText, Published: date(t, "2023-10-04")},
		{ID: "src", Site: "a", Text: source, Published: date(t, "2023-10-03")},
		{ID: "trunc", Site: "c", Text: article(nil, []string{"Lire la suite"}, leadP, body[0])},
		{ID: "rain", Site: "a", Text: article(menuA, footA, other), Published: date(t, "2023-10-03")},
		{ID: "empty", Site: "d", Text: ""},
		{ID: "word", Site: "d", Text: "Ouagadougou"},
		{ID: "dup-late", Site: "e", Text: copyText, Published: date(t, "2023-10-06")},
		{ID: "dup-early", Site: "f", Text: copyText, Published: date(t, "2023-10-03")},
	}
	pairs, err := Find(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]Pair{}
	for _, p := range pairs {
		got[p.A+" "+p.B] = p
	}
	// The copies' group is searched through its earliest member,
	// dup-early; each member is paired with it and with what it shares
	// passages with.
	want := map[string]string{
		"copy src":           "b verbatim", // src first in date
		"copy trunc":         "unknown verbatim",
		"copy dup-early":     "b verbatim duplicate",
		"src trunc":          "unknown verbatim",
		"src dup-late":       "a verbatim",
		"src dup-early":      "unknown verbatim", // same day
		"trunc dup-late":     "unknown verbatim",
		"trunc dup-early":    "unknown verbatim",
		"dup-late dup-early": "b verbatim duplicate",
	}
	for k, w := range want {
		p, ok := got[k]
		if !ok {
			t.Errorf("pair %s missing", k)
			continue
		}
		desc := fmt.Sprintf("%s %s", p.Direction, p.Kind)
		if p.Duplicate {
			desc += " duplicate"
		}
		if desc != w {
			t.Errorf("pair %s: %s (%s), want %s", k, desc, p.DirectionReason, w)
		}
		if p.Direction == Unknown && !strings.HasPrefix(p.DirectionReason, ReasonMissingDate) && !strings.HasPrefix(p.DirectionReason, ReasonSameDay) {
			t.Errorf("pair %s: reason %q", k, p.DirectionReason)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected pair %s", k)
		}
	}
	// Swapped sides keep the offsets right.
	p := got["copy src"]
	for _, x := range p.Passages {
		if folded(copyText[x.AStart:x.AEnd]) != folded(source[x.BStart:x.BEnd]) {
			t.Errorf("copy src: passage spans do not match")
		}
	}
}

func TestIndex(t *testing.T) {
	text := strings.Join(append([]string{leadP}, body...), "\n\n")
	x := NewIndex(Options{MaxDocFreq: 2, SiteDocs: -1})
	a := x.Add(Doc{ID: "a", Text: text})
	if c := x.Candidates(a); len(c) != 0 {
		t.Errorf("first document: candidates %v", c)
	}
	b := x.Add(Doc{ID: "b", Text: "Avant-propos.\n\n" + text})
	if c := x.Candidates(b); len(c) != 1 || c[0].Doc != a || c[0].Shared < 10 {
		t.Errorf("second document: candidates %v, want a", c)
	}
	if p, ok := x.Compare(a, b); !ok || p.Kind != Verbatim {
		t.Errorf("compare: %v %+v", ok, p)
	}
	// A third copy makes the text boilerplate (MaxDocFreq 2).
	c := x.Add(Doc{ID: "c", Text: text + "\n\nFin."})
	if cs := x.Candidates(c); len(cs) != 0 {
		t.Errorf("third copy over the cap: candidates %v", cs)
	}
	// Site templates: the footer three pages of one site share.
	footer := "Le Réveil est édité par une société de presse indépendante qui ne reçoit aucune subvention et vit de ses abonnés fidèles."
	y := NewIndex(Options{})
	var ids []int
	for i, p := range []string{lead[0], body[1], body[2], other} {
		ids = append(ids, y.Add(Doc{ID: fmt.Sprint(i), Site: "reveil", Text: p + "\n\n" + footer}))
	}
	for _, i := range ids {
		if cs := y.Candidates(i); len(cs) != 0 {
			t.Errorf("document %d: candidates %v through the site's footer", i, cs)
		}
	}
}

// repeat returns word n times, separated by spaces.
func repeat(word string, n int) string {
	return strings.TrimSpace(strings.Repeat(word+" ", n))
}

func TestPathological(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		passages int
		matches  int
	}{
		{"empty", "", "", 0, 0},
		{"empty and text", "", source, 0, 0},
		{"one word", "Ouagadougou", "Ouagadougou", 0, 0},
		{"punctuation only", "… — « » !!!", "… — « » !!!", 0, 0},
		{"one word repeated", repeat("sahel", 100000), repeat("sahel", 100000), 1, 100000},
		{"repeated, half", repeat("sahel", 100000), repeat("Sahel", 50000), 1, 50000},
		{"two words repeated", repeat("le Sahel", 30000), repeat("le sahel", 30000), 1, 60000},
		{"repeated against text", repeat("délégation", 20000), source, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := Align(Doc{Text: tt.a}, Doc{Text: tt.b}, Options{})
			m := 0
			for _, p := range ps {
				m += p.Matches
			}
			if len(ps) != tt.passages || m != tt.matches {
				t.Errorf("%d passages, %d matches; want %d, %d", len(ps), m, tt.passages, tt.matches)
			}
		})
	}
}

func TestFindCopies(t *testing.T) {
	text := strings.Join(append([]string{leadP}, body...), "\n\n")
	t.Run("10,000 identical", func(t *testing.T) {
		docs := make([]Doc, 10000)
		for i := range docs {
			docs[i] = Doc{ID: fmt.Sprint(i), Text: text}
		}
		pairs, err := Find(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(pairs) != len(docs)-1 {
			t.Fatalf("%d pairs, want %d (each copy with the first)", len(pairs), len(docs)-1)
		}
		for _, p := range pairs {
			if p.A != "0" || !p.Duplicate || p.Kind != Verbatim || p.Direction != Unknown {
				t.Fatalf("pair %+v", p)
			}
		}
	})
	t.Run("2,000 copies under different chrome", func(t *testing.T) {
		docs := make([]Doc, 2000)
		for i := range docs {
			docs[i] = Doc{ID: fmt.Sprint(i), Text: fmt.Sprintf("Édition numéro %d\n\n%s", i, text)}
		}
		opt := Options{MaxDocFreq: 100, MaxPairs: 5}
		pairs, err := Find(context.Background(), docs, opt)
		if err != nil {
			t.Fatal(err)
		}
		// The text is held by more than MaxDocFreq documents: boilerplate.
		if len(pairs) != 0 {
			t.Errorf("%d pairs, want none", len(pairs))
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := Find(ctx, []Doc{{ID: "a", Text: text}, {ID: "b", Text: text + " Fin."}}, Options{}); err == nil {
			t.Error("no error from a canceled context")
		}
	})
}

// randomText draws n words from a vocabulary, in sentences of 12 to 25
// words and paragraphs of 3 sentences, for benchmarks.
func randomText(rng *rand.Rand, vocab []string, n int) string {
	var b strings.Builder
	for i, s := 0, 0; i < n; s++ {
		l := 12 + rng.IntN(14)
		for k := 0; k < l && i < n; k, i = k+1, i+1 {
			if k > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		b.WriteString(".")
		if s%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// vocabulary is the words of the test texts.
func vocabulary() []string {
	return strings.Fields(strings.NewReplacer(",", "", ".", "", "'", " ").Replace(source + " " + other))
}

func BenchmarkAlign(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	v := vocabulary()
	x := randomText(rng, v, 800)
	y := "Accueil | Politique | Économie\n\n" + x[:len(x)/2] + "\n\nPUBLICITÉ\n\n" + x[len(x)/2:] + "\n\nPartager"
	b.SetBytes(int64(len(x) + len(y)))
	for b.Loop() {
		if ps := Align(Doc{Text: x}, Doc{Text: y}, Options{}); len(ps) == 0 {
			b.Fatal("no passage")
		}
	}
}

func BenchmarkFind(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	v := vocabulary()
	var docs []Doc
	for i := range 1000 {
		docs = append(docs, Doc{ID: fmt.Sprint(i), Text: randomText(rng, v, 500)})
		if i%5 == 0 {
			docs = append(docs, Doc{ID: fmt.Sprint(i, "-copy"), Text: "Menu\n\n" + docs[len(docs)-1].Text + "\n\nPartager"})
		}
	}
	for b.Loop() {
		if pairs, err := Find(context.Background(), docs, Options{}); err != nil || len(pairs) < 200 {
			b.Fatal(len(pairs), err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
