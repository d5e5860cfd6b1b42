package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

func openTest(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustDate(t testing.TB, s string) veille.Date {
	t.Helper()
	d, err := veille.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// doc builds a document from raw bytes read at source.
func doc(source, raw string) veille.Document {
	return veille.Document{
		Source:  source,
		ID:      contentID([]byte(raw)),
		Raw:     []byte(raw),
		Format:  veille.FormatText,
		Charset: "utf-8",
		Text:    raw,
	}
}

// article builds the article of d.
func article(d veille.Document, title, published string) veille.Article {
	p, _ := veille.ParseDate(published)
	return veille.Article{
		Source:    d.Source,
		ID:        d.ID,
		Format:    d.Format,
		Site:      "example.org",
		Title:     title,
		Authors:   []string{"A. Auteur"},
		Published: p,
		Language:  "fr",
		Tags:      []string{"sahel"},
		Text:      "Premier paragraphe.\n\nSecond paragraphe.",
	}
}

// sameArticle fails unless got equals want, list fields normalised.
func sameArticle(t testing.TB, got, want veille.Article) {
	t.Helper()
	want.Normalize()
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	// JSON hides invalid UTF-8 (it writes U+FFFD): compare the texts as bytes too.
	if !bytes.Equal(gj, wj) || got.Text != want.Text || got.Title != want.Title {
		t.Errorf("article differs:\n got %s\nwant %s", gj, wj)
	}
}

func mustPut(t testing.TB, s *Store, d veille.Document, a veille.Article, version string) bool {
	t.Helper()
	added, err := s.Put(context.Background(), d, a, version)
	if err != nil {
		t.Fatal(err)
	}
	return added
}

func stats(t testing.TB, s *Store) store.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestPutRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	tests := []struct {
		name string
		raw  string
		edit func(*veille.Article)
	}{
		{"plain", "page one", nil},
		{"nil lists", "page two", func(a *veille.Article) { a.Authors, a.Tags, a.Categories = nil, nil, nil }},
		{"year", "page three", func(a *veille.Article) { a.Published = mustDate(t, "2023") }},
		{"month", "page four", func(a *veille.Article) { a.Published = mustDate(t, "2023-10") }},
		{"minute and updated", "page five", func(a *veille.Article) {
			a.Published = mustDate(t, "2025-04-03T11:51")
			a.Updated = mustDate(t, "2025-04-04T08:00:01")
			a.PublishedFrom = "meta"
		}},
		{"undated", "page six", func(a *veille.Article) { a.Published = veille.Date{} }},
		{"invalid UTF-8 and NUL", "page \xff\x00 seven", func(a *veille.Article) {
			a.Title = "bad \xff title \x00 with NUL"
			a.Text = "text\x00\xfe\n\nmore"
			a.Authors = []string{"\xff"}
		}},
		{"empty document", "", func(a *veille.Article) { a.Text, a.Title = "", "" }},
		{"no ids given", "page eight", func(a *veille.Article) { a.ID = "" }},
		{"html", "<html><p>page nine</p></html>", func(a *veille.Article) {
			a.Format = veille.FormatHTML
			a.URL = "https://example.org/a?b=c#d"
			a.Categories = []string{"Afrique", "Politique"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc("dir/"+tt.name+".txt", tt.raw)
			a := article(d, "Titre "+tt.name, "2024-01-15")
			if tt.edit != nil {
				tt.edit(&a)
			}
			if tt.name == "no ids given" {
				d.ID = ""
			}
			if !mustPut(t, s, d, a, "v1") {
				t.Fatal("Put of a new document: added = false")
			}
			id := contentID([]byte(tt.raw))
			got, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			want := a
			want.ID = id
			// List fields are stored as JSON, which writes invalid UTF-8
			// as U+FFFD, as the article's JSON form does anyway.
			for i, v := range want.Authors {
				want.Authors[i] = strings.ToValidUTF8(v, "\uFFFD")
			}
			sameArticle(t, got, want)
			raw, err := s.Raw(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if string(raw) != tt.raw {
				t.Errorf("Raw = %q, want %q", raw, tt.raw)
			}
			if ok, err := s.Has(ctx, id, "v1"); err != nil || !ok {
				t.Errorf("Has = %v, %v, want true", ok, err)
			}
		})
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// timestamps returns every stored timestamp, to prove that a repeated write
// changed none.
func timestamps(t testing.TB, s *Store) string {
	t.Helper()
	var out []string
	for _, q := range []string{
		`SELECT id || ' ' || first_seen FROM documents ORDER BY id`,
		`SELECT source || ' ' || doc_id || ' ' || first_seen FROM sources ORDER BY source, doc_id`,
		`SELECT id || ' ' || extracted_at || ' ' || extractor_version FROM articles ORDER BY id`,
		`SELECT source || ' ' || ifnull(doc_id, '') || ' ' || failed_at FROM failures ORDER BY seq`,
	} {
		rows, err := s.r.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			if err := rows.Scan(&v); err != nil {
				t.Fatal(err)
			}
			out = append(out, v)
		}
		rows.Close()
	}
	return strings.Join(out, "\n")
}

func TestPutIdempotent(t *testing.T) {
	s := openTest(t)
	clock := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Second); return clock }

	d := doc("a.txt", "same bytes")
	a := article(d, "Titre", "2024-05-06")
	if !mustPut(t, s, d, a, "v1") {
		t.Fatal("first Put: added = false")
	}
	before, beforeStats := timestamps(t, s), stats(t, s)
	if want := (store.Stats{Documents: 1, Articles: 1, Sources: 1, RawBytes: int64(len(d.Raw))}); beforeStats != want {
		t.Fatalf("Stats = %+v, want %+v", beforeStats, want)
	}

	// Same bytes, same source: nothing changes.
	if mustPut(t, s, d, a, "v1") {
		t.Error("second Put: added = true, want false")
	}
	if got := timestamps(t, s); got != before {
		t.Errorf("second Put changed the store:\n%s\nwant\n%s", got, before)
	}
	if got := stats(t, s); got != beforeStats {
		t.Errorf("second Put: Stats = %+v, want %+v", got, beforeStats)
	}

	// Same bytes from another path: only a source row.
	d2 := d
	d2.Source = "copy/a.txt"
	if mustPut(t, s, d2, article(d2, "Titre", "2024-05-06"), "v1") {
		t.Error("Put from a new path: added = true, want false")
	}
	got := timestamps(t, s)
	var kept []string
	for _, line := range strings.Split(got, "\n") {
		if !strings.HasPrefix(line, "copy/a.txt "+d.ID+" ") {
			kept = append(kept, line)
		}
	}
	if strings.Join(kept, "\n") != before || strings.Count(got, "\n") != strings.Count(before, "\n")+1 {
		t.Errorf("Put from a new path: store is\n%s\nwant one source row more than\n%s", got, before)
	}
	if st := stats(t, s); st.Sources != 2 || st.Documents != 1 || st.Articles != 1 {
		t.Errorf("Put from a new path: Stats = %+v", st)
	}
	// The article keeps the source it was first extracted from.
	if art, err := s.Article(context.Background(), d.ID); err != nil || art.Source != "a.txt" {
		t.Errorf("Article source = %q, %v, want a.txt", art.Source, err)
	}
	// AddSource of a known source is a no-op too.
	if err := s.AddSource(context.Background(), d.ID, "copy/a.txt"); err != nil {
		t.Fatal(err)
	}
	if again := timestamps(t, s); again != got {
		t.Errorf("AddSource of a known source changed the store")
	}

	// A new extractor version replaces the article, not the document.
	a3 := a
	a3.Title = "Titre corrigé"
	if !mustPut(t, s, d, a3, "v2") {
		t.Error("Put with a new extractor version: added = false, want true")
	}
	art, err := s.Article(context.Background(), d.ID)
	if err != nil {
		t.Fatal(err)
	}
	sameArticle(t, art, a3)
	if st := stats(t, s); st.Documents != 1 || st.Articles != 1 || st.Sources != 2 {
		t.Errorf("after re-extraction: Stats = %+v", st)
	}
}

func TestPutRejects(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("a.txt", "bytes")
	tests := []struct {
		name string
		doc  veille.Document
		art  veille.Article
	}{
		{"document id is not its hash", func() veille.Document { x := d; x.ID = contentID([]byte("other")); return x }(), article(d, "t", "")},
		{"article id differs", d, func() veille.Article { a := article(d, "t", ""); a.ID = contentID([]byte("other")); return a }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s.Put(ctx, tt.doc, tt.art, "v1"); err == nil {
				t.Error("Put succeeded, want an error")
			}
		})
	}
	if st := stats(t, s); st != (store.Stats{}) {
		t.Errorf("rejected Puts stored something: %+v", st)
	}
	// A cancelled context writes nothing either.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Put(cctx, d, article(d, "t", ""), "v1"); err == nil {
		t.Error("Put with a cancelled context succeeded")
	}
	if st := stats(t, s); st != (store.Stats{}) {
		t.Errorf("cancelled Put stored something: %+v", st)
	}
}

// collidingRaws returns n distinct contents whose ids share their first
// six hex digits.
func collidingRaws(n int) []string {
	seen := map[string][]string{}
	for i := 0; ; i++ {
		raw := fmt.Sprintf("content %d", i)
		p := contentID([]byte(raw))[:6]
		seen[p] = append(seen[p], raw)
		if len(seen[p]) == n {
			return seen[p]
		}
	}
}

func TestLookupByPrefix(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	pair := collidingRaws(2)
	var ids []string
	for i, raw := range pair {
		d := doc(fmt.Sprintf("p%d.txt", i), raw)
		mustPut(t, s, d, article(d, raw, ""), "v1")
		ids = append(ids, d.ID)
	}
	lone := doc("lone.txt", "a lonely page")
	mustPut(t, s, lone, article(lone, "lone", ""), "v1")
	failedRaw := []byte("bytes no extractor understood")
	if err := s.PutFailure(ctx, "bad.bin", failedRaw, "no text"); err != nil {
		t.Fatal(err)
	}
	failedID := contentID(failedRaw)

	// The shortest prefix that tells the pair apart.
	n := 6
	for ids[0][:n] == ids[1][:n] {
		n++
	}
	tests := []struct {
		name    string
		in      string
		want    string // title; "" when an error is expected
		wantErr error
	}{
		{"full id", lone.ID, "lone", nil},
		{"upper case", strings.ToUpper(lone.ID), "lone", nil},
		{"six digits", lone.ID[:6], "lone", nil},
		{"spaces", " " + lone.ID[:10] + "\n", "lone", nil},
		{"ambiguous", ids[0][:6], "", store.ErrAmbiguous},
		{"disambiguated", ids[1][:n], pair[1], nil},
		{"unknown", strings.Repeat("0", 64), "", store.ErrNotFound},
		{"unknown prefix", "ffffffffffff0000", "", store.ErrNotFound},
		{"too short", lone.ID[:5], "", store.ErrInvalidID},
		{"not hex", "zzzzzzzz", "", store.ErrInvalidID},
		{"like wildcard", "%%%%%%", "", store.ErrInvalidID},
		{"failed document has no article", failedID[:8], "", store.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := s.Article(ctx, tt.in)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Article(%q) error = %v, want %v", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.want {
				t.Errorf("Article(%q).Title = %q, want %q", tt.in, a.Title, tt.want)
			}
		})
	}

	// Raw resolves among all documents, failed ones included.
	if raw, err := s.Raw(ctx, failedID[:8]); err != nil || !bytes.Equal(raw, failedRaw) {
		t.Errorf("Raw(failed prefix) = %q, %v", raw, err)
	}
	if _, err := s.Raw(ctx, ids[0][:6]); !errors.Is(err, store.ErrAmbiguous) {
		t.Errorf("Raw(ambiguous) error = %v, want ErrAmbiguous", err)
	}
	if _, err := s.Raw(ctx, strings.Repeat("1", 64)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Raw(unknown) error = %v, want ErrNotFound", err)
	}
}

func TestArticlesFilters(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	type row struct{ name, site, lang, published string }
	rows := []row{
		{"y2023", "a.org", "fr", "2023"},
		{"m2024-02", "a.org", "fr", "2024-02"},
		{"d2024-02-28", "b.org", "fr", "2024-02-28"},
		{"d2024-03-02", "a.org", "en", "2024-03-02"},
		{"y2024", "b.org", "fr", "2024"},
		{"t2024-03-02", "b.org", "fr", "2024-03-02T10:30"},
		{"d2025-01-01", "a.org", "fr", "2025-01-01"},
		{"undated", "a.org", "fr", ""},
		{"undated2", "b.org", "en", ""},
	}
	ids := map[string]string{}
	for _, r := range rows {
		d := doc(r.name+".txt", "raw of "+r.name)
		a := article(d, r.name, r.published)
		a.Site, a.Language = r.site, r.lang
		mustPut(t, s, d, a, "v1")
		ids[r.name] = d.ID
	}
	// Ties on the start of the period are broken by id: compute that order.
	byID := func(names ...string) []string {
		out := append([]string(nil), names...)
		for i := range out {
			for j := i + 1; j < len(out); j++ {
				if ids[out[j]] < ids[out[i]] {
					out[i], out[j] = out[j], out[i]
				}
			}
		}
		return out
	}
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	all := cat([]string{"d2025-01-01", "t2024-03-02", "d2024-03-02", "d2024-02-28", "m2024-02", "y2024", "y2023"},
		byID("undated", "undated2"))
	tests := []struct {
		name string
		q    store.Query
		want []string
	}{
		{"all, newest first, undated last", store.Query{}, all},
		{"limit", store.Query{Limit: 3}, all[:3]},
		{"offset", store.Query{Offset: 7}, all[7:]},
		{"limit and offset", store.Query{Limit: 2, Offset: 1}, all[1:3]},
		{"offset past the end", store.Query{Offset: 100}, nil},
		{"negative limit and offset are ignored", store.Query{Limit: -1, Offset: -5}, all},
		{"site", store.Query{Site: "b.org"}, []string{"t2024-03-02", "d2024-02-28", "y2024", "undated2"}},
		{"language", store.Query{Language: "en"}, []string{"d2024-03-02", "undated2"}},
		{"site and language", store.Query{Site: "b.org", Language: "en"}, []string{"undated2"}},
		{"unknown site", store.Query{Site: "c.org"}, nil},
		{"since a month", store.Query{Since: mustDate(t, "2024-03")},
			[]string{"d2025-01-01", "t2024-03-02", "d2024-03-02"}},
		{"since a day includes that day", store.Query{Since: mustDate(t, "2024-02-28")},
			[]string{"d2025-01-01", "t2024-03-02", "d2024-03-02", "d2024-02-28"}},
		{"until a month includes the whole month", store.Query{Until: mustDate(t, "2024-02")},
			[]string{"d2024-02-28", "m2024-02", "y2023"}},
		{"until a year", store.Query{Until: mustDate(t, "2024")},
			[]string{"t2024-03-02", "d2024-03-02", "d2024-02-28", "m2024-02", "y2024", "y2023"}},
		{"within a year", store.Query{Since: mustDate(t, "2024"), Until: mustDate(t, "2024")},
			[]string{"t2024-03-02", "d2024-03-02", "d2024-02-28", "m2024-02", "y2024"}},
		{"within a day", store.Query{Since: mustDate(t, "2024-03-02"), Until: mustDate(t, "2024-03-02")},
			[]string{"t2024-03-02", "d2024-03-02"}},
		{"empty range", store.Query{Since: mustDate(t, "2025"), Until: mustDate(t, "2023")}, nil},
		{"everything at once", store.Query{Since: mustDate(t, "2024"), Site: "a.org", Language: "fr", Limit: 1},
			[]string{"d2025-01-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for a, err := range s.Articles(ctx, tt.q) {
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, a.Title)
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("Articles(%+v) =\n %v\nwant\n %v", tt.q, got, tt.want)
			}
		})
	}
}

func TestArticlesStopEarly(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i := range 5 {
		d := doc(fmt.Sprintf("%d.txt", i), fmt.Sprintf("raw %d", i))
		mustPut(t, s, d, article(d, "t", "2024"), "v1")
	}
	// Breaking out of many iterations must release their connections,
	// or the reader pool runs dry and this test hangs.
	for range 50 {
		for _, err := range s.Articles(ctx, store.Query{}) {
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	tctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := s.Stats(tctx); err != nil {
		t.Fatal(err)
	}
	// A cancelled context ends the iteration with an error.
	cctx, cancel2 := context.WithCancel(ctx)
	cancel2()
	var sawErr bool
	for _, err := range s.Articles(cctx, store.Query{}) {
		if err != nil {
			sawErr = true
		}
	}
	if !sawErr {
		t.Error("Articles with a cancelled context yielded no error")
	}
}

func TestFailures(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	raw := []byte("\x00\x01binary garbage\xff")
	id := contentID(raw)
	for range 2 { // recording twice changes nothing
		if err := s.PutFailure(ctx, "bad.bin", raw, "binary file"); err != nil {
			t.Fatal(err)
		}
		if err := s.PutFailure(ctx, "missing.txt", nil, "no such file"); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutFailure(ctx, "empty.txt", []byte{}, "empty"); err != nil {
		t.Fatal(err)
	}
	emptyID := contentID(nil)
	if want := (store.Stats{Documents: 2, Failures: 3, RawBytes: int64(len(raw))}); stats(t, s) != want {
		t.Errorf("Stats = %+v, want %+v", stats(t, s), want)
	}
	var got []string
	for f, err := range s.Failures(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if f.At.IsZero() {
			t.Errorf("failure %s has no time", f.Source)
		}
		got = append(got, f.Source+" "+f.ID+" "+f.Reason)
	}
	want := []string{"bad.bin " + id + " binary file", "missing.txt  no such file", "empty.txt " + emptyID + " empty"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Failures =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if ok, err := s.Has(ctx, id, "v1"); err != nil || ok {
		t.Errorf("Has(failed document) = %v, %v, want false", ok, err)
	}
	if b, err := s.Raw(ctx, id); err != nil || !bytes.Equal(b, raw) {
		t.Errorf("Raw(failed document) = %q, %v", b, err)
	}

	// A later extractor succeeds on the same bytes: the failure is cleared
	// and the document gets its format.
	d := veille.Document{Source: "bad.bin", Raw: raw, Format: veille.FormatHTML, Charset: "windows-1252"}
	if !mustPut(t, s, d, article(d, "recovered", ""), "v2") {
		t.Error("Put of a failed document: added = false, want true")
	}
	// The file that could not be read is read now.
	d2 := doc("missing.txt", "now readable")
	mustPut(t, s, d2, article(d2, "found", ""), "v2")
	got = got[:0]
	for f, err := range s.Failures(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, f.Source)
	}
	if strings.Join(got, " ") != "empty.txt" {
		t.Errorf("Failures after recovery = %v, want [empty.txt]", got)
	}
	var format, charset string
	if err := s.r.QueryRow(`SELECT format, charset FROM documents WHERE id = ?`, id).Scan(&format, &charset); err != nil {
		t.Fatal(err)
	}
	if format != "html" || charset != "windows-1252" {
		t.Errorf("recovered document format, charset = %q, %q", format, charset)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestAddSource(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("a.txt", "bytes")
	mustPut(t, s, d, article(d, "t", ""), "v1")
	tests := []struct {
		name    string
		id      string
		wantErr error
	}{
		{"known", d.ID, nil},
		{"known, upper case", strings.ToUpper(d.ID), nil},
		{"unknown", strings.Repeat("0", 64), store.ErrNotFound},
		{"prefix refused", d.ID[:10], store.ErrInvalidID},
		{"garbage", "\xff\x00", store.ErrInvalidID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.AddSource(ctx, tt.id, "b.txt")
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("AddSource error = %v, want %v", err, tt.wantErr)
			}
		})
	}
	if st := stats(t, s); st.Sources != 2 {
		t.Errorf("Sources = %d, want 2", st.Sources)
	}
}

func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()

	t.Run("reopen keeps content and schema", func(t *testing.T) {
		path := filepath.Join(dir, "odd ?#% name.db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		d := doc("a.txt", "bytes")
		mustPut(t, s, d, article(d, "t", ""), "v1")
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("database not at its path: %v", err)
		}
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if st := stats(t, s); st.Articles != 1 {
			t.Errorf("after reopen: %+v", st)
		}
		var v int
		if err := s.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
			t.Errorf("user_version = %d, %v, want %d", v, err, len(migrations))
		}
		var mode string
		if err := s.r.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
			t.Errorf("journal_mode = %q, %v, want wal", mode, err)
		}
	})

	t.Run("concurrent first opens", func(t *testing.T) {
		path := filepath.Join(dir, "race.db")
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				s, err := Open(ctx, path)
				if err == nil {
					err = s.Close()
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
	})

	t.Run("newer schema refused", func(t *testing.T) {
		path := filepath.Join(dir, "future.db")
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.w.Exec(fmt.Sprintf("PRAGMA user_version = %d", len(migrations)+1)); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if s, err := Open(ctx, path); err == nil {
			s.Close()
			t.Error("Open of a newer schema succeeded")
		}
	})

	bad := []struct {
		name string
		path func() string
	}{
		{"empty path", func() string { return "" }},
		{"directory", func() string { return dir }},
		{"not a database", func() string {
			p := filepath.Join(dir, "garbage.db")
			os.WriteFile(p, bytes.Repeat([]byte("not sqlite\x00\xff"), 1000), 0o644)
			return p
		}},
		{"missing parent", func() string { return filepath.Join(dir, "no", "such", "dir.db") }},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(ctx, tt.path())
			if err == nil {
				s.Close()
				t.Fatal("Open succeeded, want an error")
			}
			if !strings.Contains(err.Error(), "sqlite: open") {
				t.Errorf("error lacks context: %v", err)
			}
		})
	}
}

// TestConcurrentReadersWriter reads continuously while one writer writes:
// readers never fail with a lock error and always see whole transactions
// (every article with its document and source).
func TestConcurrentReadersWriter(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	const n = 200
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		defer close(done)
		for i := range n {
			d := doc(fmt.Sprintf("w/%d.txt", i), fmt.Sprintf("page %d %s", i, strings.Repeat("x", i*37)))
			if _, err := s.Put(ctx, d, article(d, fmt.Sprint(i), fmt.Sprintf("2024-01-%02d", i%28+1)), "v1"); err != nil {
				t.Error(err)
				return
			}
		}
	})
	for r := range 4 {
		wg.Go(func() {
			var last int64
			for reads := 0; ; reads++ {
				select {
				case <-done:
					if reads == 0 {
						t.Errorf("reader %d never read", r)
					}
					return
				default:
				}
				st, err := s.Stats(ctx)
				if err != nil {
					t.Error(err)
					return
				}
				if st.Articles < last || st.Articles != st.Documents || st.Sources != st.Documents {
					t.Errorf("reader %d saw a partial write: %+v (before: %d articles)", r, st, last)
					return
				}
				last = st.Articles
				count := 0
				for a, err := range s.Articles(ctx, store.Query{Limit: 50}) {
					if err != nil {
						t.Error(err)
						return
					}
					if _, err := s.Raw(ctx, a.ID); err != nil {
						t.Error(err)
						return
					}
					count++
				}
				if int64(count) < min(last, 50) {
					t.Errorf("reader %d: %d articles listed, stats said %d", r, count, last)
					return
				}
			}
		})
	}
	wg.Wait()
	if st := stats(t, s); st.Articles != n {
		t.Errorf("Articles = %d, want %d", st.Articles, n)
	}
}

// TestTwoProcessesShareFile opens the same file twice, as two veille
// processes would, and writes from both at once: busy_timeout and
// IMMEDIATE transactions must serialise them without errors.
func TestTwoStoresShareFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	var wg sync.WaitGroup
	for i, s := range stores {
		wg.Go(func() {
			for j := range 50 {
				// Half the documents are written by both stores.
				d := doc(fmt.Sprintf("s%d/%d", i, j), fmt.Sprintf("raw %d", j+i*(j%2)*1000))
				if _, err := s.Put(ctx, d, article(d, "t", ""), "v1"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	if st := stats(t, stores[0]); st.Documents != 75 || st.Sources != 100 {
		t.Errorf("Stats = %+v, want 75 documents, 100 sources", st)
	}
}

// TestArticlesStreams checks that listing reads the articles in index
// order instead of sorting them all first, which would hold the whole
// result before the first article is yielded.
func TestArticlesStreams(t *testing.T) {
	s := openTest(t)
	year := mustDate(t, "2024")
	for _, q := range []store.Query{
		{},
		{Limit: 10, Offset: 20},
		{Site: "a.org"},
		{Language: "fr"},
		{Since: year},
		{Since: year, Until: year},
		{Site: "a.org", Since: year, Limit: 3},
	} {
		query, args := articlesQuery(q)
		rows, err := s.r.Query("EXPLAIN QUERY PLAN "+query, args...)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var (
				id, parent, unused int
				detail             string
			)
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(detail, "TEMP B-TREE") {
				t.Errorf("Articles(%+v) sorts its result: %s", q, detail)
			}
		}
		rows.Close()
	}
}

// TestCheckFindsDamage makes sure Check can fail: it must report rows
// that lost their document.
func TestCheckFindsDamage(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("a.txt", "bytes")
	mustPut(t, s, d, article(d, "t", ""), "v1")
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	// The writer has a single connection: the pragma applies to the next
	// statements.
	for _, q := range []string{
		"PRAGMA foreign_keys = OFF",
		"DELETE FROM documents",
		"PRAGMA foreign_keys = ON",
	} {
		if _, err := s.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Check(ctx)
	if err == nil || !strings.Contains(err.Error(), "articles without document") || !strings.Contains(err.Error(), "sources without document") {
		t.Errorf("Check of a damaged store = %v", err)
	}
}
