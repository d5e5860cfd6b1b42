package sqlite

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

// words is a small vocabulary for synthetic pages.
var words = strings.Fields(`le la les de des du un une et à au en pour sur dans par avec
	sahel mali niger burkina faso russie alliance états armée sécurité coopération
	gouvernement ministre président accord militaire junte transition élection
	ouagadougou bamako niamey moscou wagner africa corps sanctions cédéao frontière`)

// page returns about size bytes of pseudo-French text, deterministic in r.
func page(r *rand.Rand, size int) string {
	var b strings.Builder
	b.Grow(size + 16)
	for b.Len() < size {
		b.WriteString(words[r.IntN(len(words))])
		if r.IntN(12) == 0 {
			b.WriteString(".\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// fakeExtract stands for the extractor: a deterministic article from d.
func fakeExtract(d veille.Document) veille.Article {
	id := contentID(d.Raw)
	n := int(id[0]) + int(id[1])
	text := d.Text
	if len(text) > 4000 {
		text = text[:4000]
	}
	title := text
	if i := strings.IndexByte(title, '.'); i > 0 {
		title = title[:i]
	}
	var published veille.Date
	if n%7 != 0 {
		published, _ = veille.ParseDate(fmt.Sprintf("202%d-%02d-%02d", n%5, n%12+1, n%28+1))
	}
	return veille.Article{
		Source:    d.Source,
		ID:        id,
		Format:    d.Format,
		Site:      fmt.Sprintf("site%d.example", n%5),
		URL:       "https://example.org/" + id[:12],
		Title:     title,
		Authors:   []string{fmt.Sprintf("Auteur %d", n%9)},
		Published: published,
		Language:  []string{"fr", "en"}[n%2],
		Tags:      []string{words[n%len(words)]},
		Text:      text,
		Entities:  fakeMentions(text, n),
	}
}

// fakeMentions marks a few words of text as mentions, like a recognizer
// would: some pages get none, the rest up to a dozen.
func fakeMentions(text string, n int) []veille.Mention {
	ms := []veille.Mention{}
	for i, w := range strings.Fields(text) {
		if len(ms) >= n%13 {
			break
		}
		if i%5 != n%5 {
			continue
		}
		at := strings.Index(text, w)
		ms = append(ms, veille.Mention{Start: at, End: at + len(w), Type: veille.TypePER, Text: w,
			Entity: "per:" + strings.ToLower(w), Label: w})
	}
	return ms
}

// BenchmarkPut measures storing new documents (20 kB raw page, 4 kB
// article), one transaction each, with the durability settings compared.
func BenchmarkPut(b *testing.B) {
	for _, sync := range []string{"NORMAL", "FULL"} {
		b.Run("synchronous="+sync, func(b *testing.B) {
			ctx := context.Background()
			s, err := open(ctx, filepath.Join(b.TempDir(), "bench.db"), options{synchronous: sync})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(1, 2))
			body := page(r, 20_000)
			b.SetBytes(int64(len(body)))
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				raw := fmt.Sprintf("%d\n%s", i, body)
				d := veille.Document{Source: fmt.Sprintf("bench/%d.txt", i), Raw: []byte(raw), Format: veille.FormatText, Charset: "utf-8", Text: raw}
				if _, err := s.Put(ctx, d, fakeExtract(d), "v1"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkPutKnown measures the cost of meeting bytes already stored.
func BenchmarkPutKnown(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	raw := page(rand.New(rand.NewPCG(1, 2)), 20_000)
	d := veille.Document{Source: "bench.txt", Raw: []byte(raw), Format: veille.FormatText, Text: raw}
	a := fakeExtract(d)
	if _, err := s.Put(ctx, d, a, "v1"); err != nil {
		b.Fatal(err)
	}
	b.Run("Has", func(b *testing.B) {
		for b.Loop() {
			if ok, err := s.Has(ctx, a.ID, "v1"); err != nil || !ok {
				b.Fatal(ok, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
	b.Run("Put", func(b *testing.B) {
		for b.Loop() {
			if added, err := s.Put(ctx, d, a, "v1"); err != nil || added {
				b.Fatal(added, err)
			}
		}
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
	})
}

// BenchmarkArticles measures listing: the time to stream one article.
func BenchmarkArticles(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	r := rand.New(rand.NewPCG(3, 4))
	const n = 2000
	for i := range n {
		raw := page(r, 3000)
		d := veille.Document{Source: fmt.Sprint(i), Raw: []byte(raw), Format: veille.FormatText, Text: raw}
		if _, err := s.Put(ctx, d, fakeExtract(d), "v1"); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	count := 0
	for b.Loop() {
		for _, err := range s.Articles(ctx, store.Query{Site: "site1.example"}) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
	}
	b.ReportMetric(float64(count)/b.Elapsed().Seconds(), "articles/s")
}
