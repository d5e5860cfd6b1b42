package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
)

// mention builds the mention of word in text.
func mention(text, word, typ, entity, label string) veille.Mention {
	i := strings.Index(text, word)
	return veille.Mention{Start: i, End: i + len(word), Type: typ, Text: word, Entity: entity, Label: label}
}

func TestMentionsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	text := "Ibrahim Traoré à Ouagadougou.\n\nLe capitaine Traoré \xff."
	tests := []struct {
		name string
		ms   []veille.Mention
		want []veille.Mention
	}{
		{"nil", nil, []veille.Mention{}},
		{"empty", []veille.Mention{}, []veille.Mention{}},
		{"some", []veille.Mention{
			mention(text, "Ibrahim Traoré", veille.TypePER, "Q57618", "Ibrahim Traoré"),
			mention(text, "Ouagadougou", veille.TypeLOC, "Q3777", "Ouagadougou"),
			mention(text, "Traoré \xff", veille.TypePER, "per:x", "bad \xff label"),
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.name+".txt", "page "+tt.name)
			a := article(d, "t", "2024-01-02")
			a.Text = text
			a.Entities = tt.ms
			mustPut(t, s, d, a, "v1")
			want := tt.want
			if want == nil {
				want = tt.ms
			}
			got, err := s.Article(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Entities == nil || !reflect.DeepEqual(got.Entities, want) {
				t.Errorf("Article().Entities = %#v, want %#v", got.Entities, want)
			}
			for a, err := range s.Articles(ctx, store.Query{}) {
				if err != nil {
					t.Fatal(err)
				}
				if a.ID == d.ID && (a.Entities == nil || !reflect.DeepEqual(a.Entities, want)) {
					t.Errorf("Articles().Entities = %#v, want %#v", a.Entities, want)
				}
			}
		})
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

func TestMentionsReplaced(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("a.txt", "bytes")
	a := article(d, "t", "")
	a.Text = "Moscou et Niamey."
	a.Entities = []veille.Mention{
		mention(a.Text, "Moscou", veille.TypeLOC, "Q649", "Moscou"),
		mention(a.Text, "Niamey", veille.TypeLOC, "Q3674", "Niamey"),
	}
	mustPut(t, s, d, a, "v1")
	// The same version changes nothing, even with other mentions.
	b := a
	b.Entities = a.Entities[:1]
	if mustPut(t, s, d, b, "v1") {
		t.Error("Put of the same version: added = true")
	}
	if got, _ := s.Article(ctx, d.ID); len(got.Entities) != 2 {
		t.Errorf("after a same-version Put: %d mentions, want 2", len(got.Entities))
	}
	// A new version replaces them.
	c := a
	c.Entities = []veille.Mention{mention(a.Text, "Moscou", veille.TypeORG, "Q159", "Russie")}
	if !mustPut(t, s, d, c, "v2") {
		t.Fatal("Put of a new version: added = false")
	}
	got, err := s.Article(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Entities, c.Entities) {
		t.Errorf("after re-extraction: %#v, want %#v", got.Entities, c.Entities)
	}
	var n int
	if err := s.r.QueryRow(`SELECT count(*) FROM mentions`).Scan(&n); err != nil || n != 1 {
		t.Errorf("mentions rows = %d, %v, want 1", n, err)
	}
	if ok, err := s.Has(ctx, d.ID, "v1"); err != nil || ok {
		t.Errorf("Has(old version) = %v, %v, want false", ok, err)
	}
	if ok, err := s.Has(ctx, d.ID, "v2"); err != nil || !ok {
		t.Errorf("Has(new version) = %v, %v, want true", ok, err)
	}
}

func TestEntities(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	put := func(name string, ms ...veille.Mention) {
		d := doc(name, "page "+name)
		a := article(d, name, "")
		a.Entities = ms
		mustPut(t, s, d, a, "v1")
	}
	m := func(typ, entity, label string) veille.Mention {
		return veille.Mention{Type: typ, Entity: entity, Label: label, Text: label}
	}
	traore := m(veille.TypePER, "Q57618", "Ibrahim Traoré")
	russia := m(veille.TypeLOC, "Q159", "Russie")
	put("a", traore, traore, traore, russia)
	put("b", traore, russia, m(veille.TypeORG, "Q159", "Russie")) // one odd type
	put("c", russia, m(veille.TypePER, "per:kassoum-coulibaly", "Kassoum Coulibaly"))
	put("d", m(veille.TypeORG, "Q1065", "ONU"), m(veille.TypeORG, "Q1065", "ONU"))
	put("e")

	all := func(q store.EntityQuery) []store.EntityStat {
		var out []store.EntityStat
		for e, err := range s.Entities(ctx, q) {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, e)
		}
		return out
	}
	tests := []struct {
		name string
		q    store.EntityQuery
		want []store.EntityStat
	}{
		{"all", store.EntityQuery{}, []store.EntityStat{
			{Entity: "Q159", Type: "LOC", Label: "Russie", Mentions: 4, Articles: 3},
			{Entity: "Q57618", Type: "PER", Label: "Ibrahim Traoré", Mentions: 4, Articles: 2},
			{Entity: "Q1065", Type: "ORG", Label: "ONU", Mentions: 2, Articles: 1},
			{Entity: "per:kassoum-coulibaly", Type: "PER", Label: "Kassoum Coulibaly", Mentions: 1, Articles: 1},
		}},
		{"type", store.EntityQuery{Type: veille.TypePER}, []store.EntityStat{
			{Entity: "Q57618", Type: "PER", Label: "Ibrahim Traoré", Mentions: 4, Articles: 2},
			{Entity: "per:kassoum-coulibaly", Type: "PER", Label: "Kassoum Coulibaly", Mentions: 1, Articles: 1},
		}},
		{"limit", store.EntityQuery{Limit: 1}, []store.EntityStat{
			{Entity: "Q159", Type: "LOC", Label: "Russie", Mentions: 4, Articles: 3},
		}},
		{"none", store.EntityQuery{Type: veille.TypeMISC}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := all(tt.q); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Entities(%+v) =\n%+v\nwant\n%+v", tt.q, got, tt.want)
			}
		})
	}
	// Stopping early is fine.
	for range s.Entities(ctx, store.EntityQuery{}) {
		break
	}
}

// TestMigrateFromVersion1 opens a file written by the first schema: its
// data stays, and its articles, which predate entities, read back with an
// empty list and are re-extracted by a newer extractor.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	db, err := sql.Open("sqlite", dsn(path, nil))
	if err != nil {
		t.Fatal(err)
	}
	raw := "old page"
	id := contentID([]byte(raw))
	for _, q := range []string{
		migrations[0],
		"PRAGMA user_version = 1",
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO documents (id, format, charset, size, first_seen, raw) VALUES (?, 'text', 'utf-8', ?, '2024-01-01T00:00:00Z', ?)`,
		id, len(raw), []byte(raw)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO articles (id, extractor_version, extracted_at, published, published_start, published_end,
		published_from, language, format, site, source, url, title, authors, tags, categories, text)
		VALUES (?, 'extract/1', '2024-01-01T00:00:00Z', NULL, NULL, NULL, '', 'fr', 'text', '', 'old.txt', '', 'Ancien', '[]', '[]', '[]', 'Texte.')`,
		id); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != len(migrations) {
		t.Errorf("user_version = %d, %v, want %d", v, err, len(migrations))
	}
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Ancien" || a.Text != "Texte." || a.Entities == nil || len(a.Entities) != 0 {
		t.Errorf("migrated article = %+v", a)
	}
	if ok, _ := s.Has(ctx, id, "extract/1"); !ok {
		t.Error("Has(old version) = false after migration")
	}
	if ok, _ := s.Has(ctx, id, "extract/2"); ok {
		t.Error("Has(new version) = true: the old article would not be re-extracted")
	}
	d := doc("old.txt", raw)
	na := article(d, "Ancien", "")
	na.Text = "Texte de Niamey."
	na.Entities = []veille.Mention{mention(na.Text, "Niamey", veille.TypeLOC, "Q3674", "Niamey")}
	if !mustPut(t, s, d, na, "extract/2") {
		t.Error("re-extraction after migration: added = false")
	}
	if got, _ := s.Article(ctx, id); len(got.Entities) != 1 {
		t.Errorf("after re-extraction: %+v", got.Entities)
	}
	if err := s.Check(ctx); err != nil {
		t.Error(err)
	}
}

// TestCheckFindsOrphanMentions makes sure Check reports mentions whose
// article is gone.
func TestCheckFindsOrphanMentions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	d := doc("a.txt", "bytes")
	a := article(d, "t", "")
	a.Entities = []veille.Mention{{Start: 0, End: 7, Type: "PER", Text: "Premier", Entity: "per:premier", Label: "Premier"}}
	mustPut(t, s, d, a, "v1")
	for _, q := range []string{
		"PRAGMA foreign_keys = OFF",
		"DELETE FROM articles",
		"PRAGMA foreign_keys = ON",
	} {
		if _, err := s.w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Check(ctx); err == nil || !strings.Contains(err.Error(), "mentions without article") {
		t.Errorf("Check of a damaged store = %v", err)
	}
}
