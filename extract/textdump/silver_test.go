package textdump_test

import (
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/veille-news/veille/bench"
	"github.com/veille-news/veille/extract/textdump"
)

// frenchArticle is a headline and body of the French news corpus.
type frenchArticle struct{ headline, text string }

// masakhane reads French BBC Afrique articles from the shared corpus
// (research data: read at test time, never copied into the project).
func masakhane(tb testing.TB, max int) []frenchArticle {
	tb.Helper()
	path := filepath.Join(sharedDir(tb), "corpus", "masakhanews-fra", "dev.tsv")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("French corpus absent: %v", err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	var out []frenchArticle
	header := true
	for len(out) < max {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("read %s: %v", path, err)
		}
		if header {
			header = false
			continue
		}
		if len(rec) >= 3 && utf8.RuneCountInString(rec[2]) > 400 {
			out = append(out, frenchArticle{headline: rec[1], text: rec[2]})
		}
	}
	return out
}

// paragraphs splits a text without paragraph breaks into paragraphs of
// three sentences.
func paragraphs(text string) []string {
	var paras []string
	var cur strings.Builder
	n := 0
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
		if strings.HasSuffix(w, ".") || strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!") {
			n++
			if n == 3 {
				paras = append(paras, cur.String())
				cur.Reset()
				n = 0
			}
		}
	}
	if cur.Len() > 0 {
		paras = append(paras, cur.String())
	}
	return paras
}

// wrap word-wraps s at width columns the way w3m does.
func wrap(s string, width int) string {
	var out, line strings.Builder
	for _, w := range strings.Fields(s) {
		if line.Len() > 0 && utf8.RuneCountInString(line.String())+1+utf8.RuneCountInString(w) > width {
			out.WriteString(line.String())
			out.WriteByte('\n')
			line.Reset()
		}
		if line.Len() > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(w)
	}
	out.WriteString(line.String())
	return out.String()
}

// frenchDump renders article i as a French news page dump: site menu,
// headline, byline and date, share row, body with an inline "Lire aussi",
// related list of other headlines, comment form and footer. layout is
// "blank" (paragraphs separated by blank lines), "tight" (no blank lines,
// as browsers copy text) or "wrapped" (w3m-like wrapping at 80 columns).
func frenchDump(arts []frenchArticle, i int, layout string) (dump, truth string) {
	a := arts[i]
	var b strings.Builder
	sep := "\n\n"
	if layout == "tight" {
		sep = "\n"
	}
	b.WriteString("Aller au contenu principal\nAccueil\n  • Afrique\n  • Monde\n  • Politique\n  • Économie\n  • Sport\n  • Culture\n  • Vidéos\nRechercher\nSe connecter\n\n")
	b.WriteString(a.headline + sep)
	fmt.Fprintf(&b, "Par la Rédaction\nPublié le %d mars 2023 à 10h%02d\n2 min de lecture\nPartager\n\n", 1+i%28, i%60)
	paras := paragraphs(a.text)
	for j, p := range paras {
		if layout == "wrapped" {
			p = wrap(p, 80)
		}
		b.WriteString(p + sep)
		if j == 1 && len(arts) > 1 {
			b.WriteString("Lire aussi : " + arts[(i+1)%len(arts)].headline + sep)
		}
	}
	b.WriteString("Facebook Twitter WhatsApp Email\n\nArticles similaires\n\n")
	for k := 2; k < 7; k++ {
		b.WriteString(arts[(i+k)%len(arts)].headline + sep)
	}
	b.WriteString("Laisser un commentaire\nVotre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *\n")
	b.WriteString("© 2024 Le Journal. Tous droits réservés.\nMentions légales | Politique de confidentialité | Contact\n")
	return b.String(), strings.Join(paras, "\n\n")
}

// TestFrenchSilverF1 measures extraction on French articles wrapped in
// synthetic page chrome. The chrome is generic; the prose is real French
// journalism, so this checks the French side of the rules: stopwords,
// sentence shape, French UI words, wrapped and unwrapped layouts.
func TestFrenchSilverF1(t *testing.T) {
	arts := masakhane(t, 200)
	if len(arts) < 20 {
		t.Skipf("only %d French articles", len(arts))
	}
	for _, layout := range []string{"blank", "tight", "wrapped"} {
		var agg bench.Aggregator
		for i := range arts {
			dump, truth := frenchDump(arts, i, layout)
			agg.Add(textdump.Extract(dump, nil).Text, truth)
		}
		r := agg.Result()
		t.Logf("French silver, %s layout: %d pages, precision %.3f recall %.3f F1 %.3f", layout, r.Docs, r.Precision, r.Recall, r.F1)
		if r.F1 < 0.95 {
			t.Errorf("%s layout: F1 %.3f below 0.95", layout, r.F1)
		}
	}
}
