// Package sqlite implements [store.Store] in one SQLite file, with the pure
// Go driver modernc.org/sqlite (no cgo).
//
// Layout: documents (raw bytes, content-addressed by SHA-256), sources (every
// distinct path or URL a document was read from), articles (one per
// document, list fields as JSON arrays, the publication date both as ISO
// text at its precision and as a sortable period) and failures. The schema
// is versioned with PRAGMA user_version and grown by appending migrations
// (see schema.go).
//
// Durability: the file is in WAL mode with synchronous=NORMAL. In WAL mode
// NORMAL never corrupts the database; a committed transaction survives a
// crash or kill of the process, and only a power loss or OS crash can roll
// back the last transactions before the next checkpoint. Ingestion is
// idempotent and content-addressed, so rerunning it restores those; FULL
// would pay an fsync per document for nothing the rerun does not already
// give (see BenchmarkPut for the cost).
//
// Text columns keep their bytes as given, invalid UTF-8 included; the list
// fields (authors, tags, categories) are JSON arrays, in which invalid
// UTF-8 becomes U+FFFD, as in the article's JSON form.
//
// Concurrency: one connection writes, with transactions that begin
// IMMEDIATE so that a write never fails half-way on a lock upgrade; a pool
// of query-only connections reads, and WAL lets readers run while the
// writer writes. busy_timeout makes several processes sharing the file
// wait for each other instead of failing.
//
// The package is hand-written on database/sql: the schema and its
// invariants (content addressing, idempotent writes) are veille's own, and
// migrations are a few lines that do not justify a migration framework.
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	veille "github.com/veille-news/veille"
	"github.com/veille-news/veille/store"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// busyTimeout is how long a connection waits for a lock held by another
// connection or process before failing with SQLITE_BUSY.
const busyTimeout = 10 * time.Second

// Store is a [store.Store] in one SQLite file. Its methods are safe for
// concurrent use.
type Store struct {
	path string
	w    *sql.DB // the single writer connection
	r    *sql.DB // query-only readers
	now  func() time.Time
}

var _ store.Store = (*Store)(nil)

// options are the knobs tests and benchmarks turn; Open uses the defaults.
type options struct {
	synchronous string // "NORMAL" or "FULL"
}

// Open opens the store in the file at path, creating it if needed, and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, options{synchronous: "NORMAL"})
}

func open(ctx context.Context, path string, o options) (*Store, error) {
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("sqlite: open: empty database path")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	params := url.Values{}
	params.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	params.Set("_foreign_keys", "1")
	params.Set("_synchronous", o.synchronous)
	wparams := url.Values{}
	for k, v := range params {
		wparams[k] = v
	}
	wparams.Set("_journal_mode", "WAL")
	wparams.Set("_txlock", "immediate")
	rparams := params
	rparams.Set("_query_only", "1")

	s := &Store{path: path, now: time.Now}
	s.w, err = sql.Open("sqlite", dsn(abs, wparams))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.w.SetMaxOpenConns(1)
	s.w.SetConnMaxIdleTime(0)
	if err := s.w.PingContext(ctx); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, s.w); err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	s.r, err = sql.Open("sqlite", dsn(abs, rparams))
	if err != nil {
		s.w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// No cap on open readers: a caller may look an article up while it
	// iterates over others, and a capped pool would deadlock on that.
	s.r.SetMaxIdleConns(max(4, runtime.GOMAXPROCS(0)))
	return s, nil
}

// dsn builds a file: URI for the driver; the path is escaped so that '?',
// '#' or '%' in a file name are not taken for URI syntax.
func dsn(abs string, params url.Values) string {
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs), RawQuery: params.Encode()}
	if !strings.HasPrefix(u.Path, "/") { // Windows drive letters
		u.Path = "/" + u.Path
	}
	return u.String()
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// Close closes the store; the last connection to close checkpoints the WAL
// into the main file.
func (s *Store) Close() error {
	err := s.r.Close()
	if werr := s.w.Close(); werr != nil && err == nil {
		err = werr
	}
	if err != nil {
		return fmt.Errorf("sqlite: close %s: %w", s.path, err)
	}
	return nil
}

// Check verifies the file: SQLite's integrity_check, the foreign keys, and
// that every article, source and failure points at a stored document. It
// returns nil when the store is consistent.
func (s *Store) Check(ctx context.Context) error {
	rows, err := s.r.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("sqlite: check: %w", err)
	}
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: check: %w", err)
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: check: %w", err)
	}
	orphans := []struct{ what, query string }{
		{"articles without document", `SELECT count(*) FROM articles a LEFT JOIN documents d ON d.id = a.id WHERE d.id IS NULL`},
		{"sources without document", `SELECT count(*) FROM sources s LEFT JOIN documents d ON d.id = s.doc_id WHERE d.id IS NULL`},
		{"mentions without article", `SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL`},
		{"timexes without article", `SELECT count(*) FROM timexes m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL`},
		{"events without article", `SELECT count(*) FROM events m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL`},
		{"story placements without article", `SELECT count(*) FROM story_placements m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL`},
		{"failures without document", `SELECT count(*) FROM failures f LEFT JOIN documents d ON d.id = f.doc_id WHERE f.doc_id IS NOT NULL AND d.id IS NULL`},
		{"documents whose size is wrong", `SELECT count(*) FROM documents WHERE size != length(raw)`},
	}
	for _, o := range orphans {
		var n int64
		if err := s.r.QueryRowContext(ctx, o.query).Scan(&n); err != nil {
			return fmt.Errorf("sqlite: check: %w", err)
		}
		if n > 0 {
			msgs = append(msgs, fmt.Sprintf("%d %s", n, o.what))
		}
	}
	if len(msgs) > 0 {
		return fmt.Errorf("sqlite: check %s: %s", s.path, strings.Join(msgs, "; "))
	}
	return nil
}

// contentID returns the hex SHA-256 of raw.
func contentID(raw []byte) string {
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// timestamp formats t for the *_seen and *_at columns.
func timestamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// articleRow is an Article encoded for its table.
type articleRow struct {
	authors, tags, categories string
	published, updated        sql.NullString
	start, end                sql.NullInt64
}

func encodeArticle(a veille.Article) (articleRow, error) {
	var r articleRow
	for _, f := range []struct {
		dst *string
		v   []string
	}{{&r.authors, a.Authors}, {&r.tags, a.Tags}, {&r.categories, a.Categories}} {
		if f.v == nil {
			f.v = []string{}
		}
		b, err := json.Marshal(f.v)
		if err != nil {
			return r, err
		}
		*f.dst = string(b)
	}
	if start, end, ok := a.Published.Span(); ok {
		r.published = sql.NullString{String: a.Published.String(), Valid: true}
		r.start = sql.NullInt64{Int64: start.Unix(), Valid: true}
		r.end = sql.NullInt64{Int64: end.Unix(), Valid: true}
	}
	if s := a.Updated.String(); s != "" {
		r.updated = sql.NullString{String: s, Valid: true}
	}
	return r, nil
}

// Put implements [store.Store.Put].
func (s *Store) Put(ctx context.Context, doc veille.Document, art veille.Article, extractorVersion string) (added bool, err error) {
	id := contentID(doc.Raw)
	if doc.ID != "" && !strings.EqualFold(doc.ID, id) {
		return false, fmt.Errorf("sqlite: put %s: document id %.12s… is not the SHA-256 of its bytes (%.12s…)", doc.Source, doc.ID, id)
	}
	if art.ID != "" && !strings.EqualFold(art.ID, id) {
		return false, fmt.Errorf("sqlite: put %s: article id %.12s… differs from document id %.12s…", doc.Source, art.ID, id)
	}
	row, err := encodeArticle(art)
	if err != nil {
		return false, fmt.Errorf("sqlite: put %s: %w", doc.Source, err)
	}
	source := art.Source
	if source == "" {
		source = doc.Source
	}
	format := art.Format
	if format == "" {
		format = doc.Format
	}
	// Fast path, without the write lock: everything is already there.
	var done bool
	err = s.r.QueryRowContext(ctx, `SELECT extractor_version = ? AND (? = '' OR EXISTS (SELECT 1 FROM sources WHERE source = ? AND doc_id = ?))
		FROM articles WHERE id = ?`, extractorVersion, doc.Source, doc.Source, id, id).Scan(&done)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, fmt.Errorf("sqlite: put %s: %w", doc.Source, err)
	}
	if done {
		return false, nil
	}

	now := timestamp(s.now())
	err = s.write(ctx, func(tx *sql.Tx) error {
		if err := putDocument(ctx, tx, id, doc.Raw, string(doc.Format), doc.Charset, now); err != nil {
			return err
		}
		if err := putSource(ctx, tx, doc.Source, id, now); err != nil {
			return err
		}
		var version string
		err := tx.QueryRowContext(ctx, `SELECT extractor_version FROM articles WHERE id = ?`, id).Scan(&version)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO articles (id, source, format, site, url, title, authors,
				published, published_start, published_end, updated, published_from, language, tags, categories,
				text, extractor_version, extracted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				id, source, string(format), art.Site, art.URL, art.Title, row.authors,
				row.published, row.start, row.end, row.updated, art.PublishedFrom, art.Language, row.tags, row.categories,
				art.Text, extractorVersion, now)
		case err != nil:
		case version == extractorVersion:
			return nil // already there: nothing changes
		default:
			_, err = tx.ExecContext(ctx, `UPDATE articles SET source = ?, format = ?, site = ?, url = ?, title = ?,
				authors = ?, published = ?, published_start = ?, published_end = ?, updated = ?, published_from = ?,
				language = ?, tags = ?, categories = ?, text = ?, extractor_version = ?, extracted_at = ?
				WHERE id = ?`,
				source, string(format), art.Site, art.URL, art.Title, row.authors,
				row.published, row.start, row.end, row.updated, art.PublishedFrom, art.Language, row.tags, row.categories,
				art.Text, extractorVersion, now, id)
		}
		if err != nil {
			return fmt.Errorf("article: %w", err)
		}
		if err := putMentions(ctx, tx, id, art.Entities); err != nil {
			return err
		}
		if err := putTimexes(ctx, tx, id, art.Timexes); err != nil {
			return err
		}
		if err := putEvents(ctx, tx, id, art.Events); err != nil {
			return err
		}
		added = true
		// The document now has its article: it no longer counts as failed.
		if _, err := tx.ExecContext(ctx, `DELETE FROM failures WHERE doc_id = ? OR (source = ? AND doc_id IS NULL)`, id, doc.Source); err != nil {
			return fmt.Errorf("clear failures: %w", err)
		}
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("sqlite: put %s: %w", doc.Source, err)
	}
	return added, nil
}

// putMentions replaces the mentions of article id with ms.
func putMentions(ctx context.Context, tx *sql.Tx, id string, ms []veille.Mention) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM mentions WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	if len(ms) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO mentions (article_id, seq, start, "end", type, entity, label, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("mentions: %w", err)
	}
	defer st.Close()
	for i, m := range ms {
		if _, err := st.ExecContext(ctx, id, i, m.Start, m.End, m.Type, m.Entity, m.Label, m.Text); err != nil {
			return fmt.Errorf("mention %d: %w", i, err)
		}
	}
	return nil
}

// putTimexes replaces the temporal expressions of article id with ts.
func putTimexes(ctx context.Context, tx *sql.Tx, id string, ts []veille.Timex) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM timexes WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("timexes: %w", err)
	}
	if len(ts) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO timexes (article_id, seq, start, "end", type, value, mod, text)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("timexes: %w", err)
	}
	defer st.Close()
	for i, t := range ts {
		if _, err := st.ExecContext(ctx, id, i, t.Start, t.End, t.Type, t.Value, t.Mod, t.Text); err != nil {
			return fmt.Errorf("timex %d: %w", i, err)
		}
	}
	return nil
}

func actorID(a *veille.Actor) string {
	if a == nil {
		return ""
	}
	return a.Entity
}

func actorState(a *veille.Actor) string {
	if a == nil {
		return ""
	}
	return a.State
}

// putEvents replaces the events of article id with es: each whole as
// JSON, with the columns queries select on.
func putEvents(ctx context.Context, tx *sql.Tx, id string, es []veille.Event) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM events WHERE article_id = ?`, id); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if len(es) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO events (article_id, seq, type, source, target, location, "when", data,
		source_state, target_state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	defer st.Close()
	for i, e := range es {
		data, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
		if _, err := st.ExecContext(ctx, id, i, e.Type, actorID(e.Source), actorID(e.Target), actorID(e.Location), e.When, string(data),
			actorState(e.Source), actorState(e.Target)); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	return nil
}

// putDocument stores raw under id unless it is already there. The bytes
// are bound only when the row is new: storing known bytes costs a lookup.
func putDocument(ctx context.Context, tx *sql.Tx, id string, raw []byte, format, charset, now string) error {
	var oldFormat string
	err := tx.QueryRowContext(ctx, `SELECT format FROM documents WHERE id = ?`, id).Scan(&oldFormat)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if raw == nil {
			raw = []byte{} // NOT NULL: an empty document is still a document
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO documents (id, raw, format, charset, size, first_seen) VALUES (?, ?, ?, ?, ?, ?)`,
			id, raw, format, charset, len(raw), now)
	case err == nil && oldFormat == "" && format != "":
		// Kept by PutFailure before its format was known.
		_, err = tx.ExecContext(ctx, `UPDATE documents SET format = ?, charset = ? WHERE id = ?`, format, charset, id)
	}
	if err != nil {
		return fmt.Errorf("document: %w", err)
	}
	return nil
}

// putSource records that source holds id; an empty source records nothing.
func putSource(ctx context.Context, tx *sql.Tx, source, id, now string) error {
	if source == "" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO sources (source, doc_id, first_seen) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`,
		source, id, now); err != nil {
		return fmt.Errorf("source: %w", err)
	}
	return nil
}

// write runs fn in a write transaction and commits it.
func (s *Store) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// PutFailure implements [store.Store.PutFailure].
func (s *Store) PutFailure(ctx context.Context, source string, raw []byte, reason string) error {
	var id sql.NullString
	if raw != nil {
		id = sql.NullString{String: contentID(raw), Valid: true}
	}
	// Fast path, without the write lock: already recorded.
	var known bool
	err := s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM failures WHERE source = ? AND ifnull(doc_id, '') = ?)`,
		source, id.String).Scan(&known)
	if err != nil {
		return fmt.Errorf("sqlite: put failure %s: %w", source, err)
	}
	if known {
		return nil
	}
	now := timestamp(s.now())
	err = s.write(ctx, func(tx *sql.Tx) error {
		if id.Valid {
			if err := putDocument(ctx, tx, id.String, raw, "", "", now); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO failures (source, doc_id, reason, failed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			source, id, reason, now); err != nil {
			return fmt.Errorf("failure: %w", err)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: put failure %s: %w", source, err)
	}
	return nil
}

// AddSource implements [store.Store.AddSource].
func (s *Store) AddSource(ctx context.Context, id, source string) error {
	full, isFull, err := store.CheckID(id)
	if err == nil && !isFull {
		err = fmt.Errorf("%w: %q: want a full id", store.ErrInvalidID, id)
	}
	if err != nil {
		return fmt.Errorf("sqlite: add source %s: %w", source, err)
	}
	// Fast path, without the write lock: already recorded.
	var known bool
	err = s.r.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM sources WHERE source = ? AND doc_id = ?)`, source, full).Scan(&known)
	if err != nil {
		return fmt.Errorf("sqlite: add source %s: %w", source, err)
	}
	if known {
		return nil
	}
	now := timestamp(s.now())
	err = s.write(ctx, func(tx *sql.Tx) error {
		var one int
		err := tx.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE id = ?`, full).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w: document %s", store.ErrNotFound, full)
		}
		if err != nil {
			return err
		}
		return putSource(ctx, tx, source, full, now)
	})
	if err != nil {
		return fmt.Errorf("sqlite: add source %s: %w", source, err)
	}
	return nil
}

// Has implements [store.Store.Has].
func (s *Store) Has(ctx context.Context, id, extractorVersion string) (bool, error) {
	var one int
	err := s.r.QueryRowContext(ctx, `SELECT 1 FROM articles WHERE id = ? AND extractor_version = ?`,
		strings.ToLower(id), extractorVersion).Scan(&one)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("sqlite: has %.16s: %w", id, err)
	}
	return true, nil
}

// resolve returns the full id in table (articles or documents) that
// idOrPrefix names.
func (s *Store) resolve(ctx context.Context, table, idOrPrefix string) (string, error) {
	id, full, err := store.CheckID(idOrPrefix)
	if err != nil {
		return "", err
	}
	var rows *sql.Rows
	if full {
		rows, err = s.r.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id = ?`, id)
	} else {
		// Ids are lower-case hex, all below 'g': a range scan of the key.
		rows, err = s.r.QueryContext(ctx, `SELECT id FROM `+table+` WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, id, id+"g")
	}
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return "", err
		}
		ids = append(ids, v)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	switch len(ids) {
	case 0:
		return "", fmt.Errorf("%w: %s", store.ErrNotFound, id)
	case 1:
		return ids[0], nil
	}
	return "", fmt.Errorf("%w: %s matches %.12s… and %.12s…", store.ErrAmbiguous, id, ids[0], ids[1])
}

// articleColumns are read by scanArticle, in its order.
const articleColumns = `id, source, format, site, url, title, authors, published, updated, published_from, language, tags, categories, text`

func scanArticle(sc interface{ Scan(...any) error }) (veille.Article, error) {
	var (
		a                         veille.Article
		format                    string
		authors, tags, categories string
		published, updated        sql.NullString
	)
	if err := sc.Scan(&a.ID, &a.Source, &format, &a.Site, &a.URL, &a.Title, &authors, &published, &updated,
		&a.PublishedFrom, &a.Language, &tags, &categories, &a.Text); err != nil {
		return a, err
	}
	a.Format = veille.Format(format)
	for _, f := range []struct {
		src string
		dst *[]string
	}{{authors, &a.Authors}, {tags, &a.Tags}, {categories, &a.Categories}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return a, fmt.Errorf("article %s: decode list: %w", a.ID, err)
		}
	}
	var err error
	if a.Published, err = veille.ParseDate(published.String); err != nil {
		return a, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if a.Updated, err = veille.ParseDate(updated.String); err != nil {
		return a, fmt.Errorf("article %s: %w", a.ID, err)
	}
	a.Normalize()
	return a, nil
}

// Article implements [store.Store.Article].
func (s *Store) Article(ctx context.Context, idOrPrefix string) (veille.Article, error) {
	id, err := s.resolve(ctx, "articles", idOrPrefix)
	if err != nil {
		return veille.Article{}, fmt.Errorf("sqlite: article: %w", err)
	}
	// One read transaction: the article and its mentions from the same
	// snapshot, even while a writer replaces them.
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return veille.Article{}, fmt.Errorf("sqlite: article: %w", err)
	}
	defer tx.Rollback()
	a, err := scanArticle(tx.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) { // deleted between the two reads
		err = fmt.Errorf("%w: %s", store.ErrNotFound, id)
	}
	if err == nil {
		err = readParts(ctx, tx, &a)
	}
	if err != nil {
		return veille.Article{}, fmt.Errorf("sqlite: article: %w", err)
	}
	return a, nil
}

// readParts reads what the later stages found in article a: its
// mentions, temporal expressions and events.
func readParts(ctx context.Context, tx *sql.Tx, a *veille.Article) error {
	var err error
	if a.Entities, err = readMentions(ctx, tx, a.ID); err != nil {
		return err
	}
	if a.Timexes, err = readTimexes(ctx, tx, a.ID); err != nil {
		return err
	}
	a.Events, err = readEvents(ctx, tx, a.ID)
	return err
}

// readTimexes returns the temporal expressions of article id in their
// order, nil when there are none.
func readTimexes(ctx context.Context, tx *sql.Tx, id string) ([]veille.Timex, error) {
	rows, err := tx.QueryContext(ctx, `SELECT start, "end", type, value, mod, text FROM timexes WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: timexes: %w", id, err)
	}
	defer rows.Close()
	var ts []veille.Timex
	for rows.Next() {
		var t veille.Timex
		if err := rows.Scan(&t.Start, &t.End, &t.Type, &t.Value, &t.Mod, &t.Text); err != nil {
			return nil, fmt.Errorf("article %s: timexes: %w", id, err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %s: timexes: %w", id, err)
	}
	return ts, nil
}

// readEvents returns the events of article id in their order, nil when
// there are none.
func readEvents(ctx context.Context, tx *sql.Tx, id string) ([]veille.Event, error) {
	rows, err := tx.QueryContext(ctx, `SELECT data FROM events WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: events: %w", id, err)
	}
	defer rows.Close()
	var es []veille.Event
	for rows.Next() {
		var data string
		var e veille.Event
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("article %s: events: %w", id, err)
		}
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, fmt.Errorf("article %s: event: %w", id, err)
		}
		es = append(es, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %s: events: %w", id, err)
	}
	return es, nil
}

// readMentions returns the mentions of article id in their order, an
// empty (not nil) list when there are none.
func readMentions(ctx context.Context, tx *sql.Tx, id string) ([]veille.Mention, error) {
	rows, err := tx.QueryContext(ctx, `SELECT start, "end", type, entity, label, text FROM mentions WHERE article_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("article %s: mentions: %w", id, err)
	}
	defer rows.Close()
	ms := []veille.Mention{}
	for rows.Next() {
		var m veille.Mention
		if err := rows.Scan(&m.Start, &m.End, &m.Type, &m.Entity, &m.Label, &m.Text); err != nil {
			return nil, fmt.Errorf("article %s: mentions: %w", id, err)
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("article %s: mentions: %w", id, err)
	}
	return ms, nil
}

// articlesQuery builds the SQL for q.
func articlesQuery(q store.Query) (string, []any) {
	var (
		where []string
		args  []any
	)
	if start, _, ok := q.Since.Span(); ok {
		where = append(where, "published_start >= ?")
		args = append(args, start.Unix())
	}
	if _, end, ok := q.Until.Span(); ok {
		where = append(where, "published_end <= ?")
		args = append(args, end.Unix())
	}
	if q.Site != "" {
		where = append(where, "site = ?")
		args = append(args, q.Site)
	}
	if q.Language != "" {
		where = append(where, "language = ?")
		args = append(args, q.Language)
	}
	var b strings.Builder
	b.WriteString(`SELECT ` + articleColumns + ` FROM articles`)
	if len(where) > 0 {
		b.WriteString(" WHERE " + strings.Join(where, " AND "))
	}
	b.WriteString(" ORDER BY published_start DESC NULLS LAST, id LIMIT ? OFFSET ?")
	limit := int64(-1)
	if q.Limit > 0 {
		limit = int64(q.Limit)
	}
	args = append(args, limit, int64(max(q.Offset, 0)))
	return b.String(), args
}

// Articles implements [store.Store.Articles].
func (s *Store) Articles(ctx context.Context, q store.Query) iter.Seq2[veille.Article, error] {
	return func(yield func(veille.Article, error) bool) {
		// One read transaction: the articles and their mentions from the
		// same snapshot, even while a writer replaces them.
		tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			yield(veille.Article{}, fmt.Errorf("sqlite: articles: %w", err))
			return
		}
		defer tx.Rollback()
		query, args := articlesQuery(q)
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			yield(veille.Article{}, fmt.Errorf("sqlite: articles: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanArticle(rows)
			if err == nil {
				err = readParts(ctx, tx, &a)
			}
			if err != nil {
				yield(veille.Article{}, fmt.Errorf("sqlite: articles: %w", err))
				return
			}
			if !yield(a, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(veille.Article{}, fmt.Errorf("sqlite: articles: %w", err))
		}
	}
}

// entitiesQuery builds the SQL for q. An entity's type and label are those
// of most of its mentions (ties broken by type, then label), so that one
// odd mention does not rename it.
func entitiesQuery(q store.EntityQuery) (string, []any) {
	var args []any
	query := `WITH variants AS (
			SELECT entity, type, label, count(*) AS n FROM mentions WHERE entity != '' GROUP BY entity, type, label
		), best AS (
			SELECT entity, type, label,
				row_number() OVER (PARTITION BY entity ORDER BY n DESC, type, label) AS rank
			FROM variants
		), totals AS (
			SELECT entity, count(*) AS mentions, count(DISTINCT article_id) AS articles
			FROM mentions WHERE entity != '' GROUP BY entity
		)
		SELECT t.entity, b.type, b.label, t.mentions, t.articles
		FROM totals t JOIN best b ON b.entity = t.entity AND b.rank = 1`
	if q.Type != "" {
		query += ` WHERE b.type = ?`
		args = append(args, q.Type)
	}
	query += ` ORDER BY t.articles DESC, t.mentions DESC, t.entity LIMIT ?`
	limit := int64(-1)
	if q.Limit > 0 {
		limit = int64(q.Limit)
	}
	return query, append(args, limit)
}

// Entities implements [store.Store.Entities].
func (s *Store) Entities(ctx context.Context, q store.EntityQuery) iter.Seq2[store.EntityStat, error] {
	return func(yield func(store.EntityStat, error) bool) {
		query, args := entitiesQuery(q)
		rows, err := s.r.QueryContext(ctx, query, args...)
		if err != nil {
			yield(store.EntityStat{}, fmt.Errorf("sqlite: entities: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var e store.EntityStat
			if err := rows.Scan(&e.Entity, &e.Type, &e.Label, &e.Mentions, &e.Articles); err != nil {
				yield(store.EntityStat{}, fmt.Errorf("sqlite: entities: %w", err))
				return
			}
			if !yield(e, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.EntityStat{}, fmt.Errorf("sqlite: entities: %w", err))
		}
	}
}

// Events implements [store.Store.Events].
func (s *Store) Events(ctx context.Context, q store.EventQuery) iter.Seq2[store.EventReport, error] {
	return func(yield func(store.EventReport, error) bool) {
		var where []string
		var args []any
		for _, ent := range []string{q.Entity, q.With} {
			if ent != "" {
				where = append(where, "(e.source = ? OR e.target = ? OR e.source_state = ? OR e.target_state = ?)")
				args = append(args, ent, ent, ent, ent)
			}
		}
		if !q.Since.IsZero() || !q.Until.IsZero() {
			where = append(where, `e."when" != ''`)
		}
		query := `SELECT e.data, a.id, a.site, a.title, a.url, a.published,
			(SELECT group_concat(entity, ' ') FROM (SELECT entity, min(seq) AS first FROM mentions
				WHERE article_id = a.id AND entity != '' GROUP BY entity ORDER BY first))
			FROM events e JOIN articles a ON a.id = e.article_id`
		if len(where) > 0 {
			query += " WHERE " + strings.Join(where, " AND ")
		}
		query += ` ORDER BY e."when" = '', e."when", a.published_start, a.id, e.seq`
		rows, err := s.r.QueryContext(ctx, query, args...)
		if err != nil {
			yield(store.EventReport{}, fmt.Errorf("sqlite: events: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r store.EventReport
			var data string
			var published, entities sql.NullString
			if err := rows.Scan(&data, &r.ArticleID, &r.Site, &r.Title, &r.URL, &published, &entities); err != nil {
				yield(store.EventReport{}, fmt.Errorf("sqlite: events: %w", err))
				return
			}
			if err := json.Unmarshal([]byte(data), &r.Event); err != nil {
				yield(store.EventReport{}, fmt.Errorf("sqlite: events: article %s: %w", r.ArticleID, err))
				return
			}
			r.Entities = strings.Fields(entities.String)
			if r.Published, err = veille.ParseDate(published.String); err != nil {
				yield(store.EventReport{}, fmt.Errorf("sqlite: events: article %s: %w", r.ArticleID, err))
				return
			}
			if !inSpan(r.Event.When, q.Since, q.Until) {
				continue
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.EventReport{}, fmt.Errorf("sqlite: events: %w", err))
		}
	}
}

// inSpan reports whether a TIMEX3 value's period meets [since, until]:
// "2023-10" is in a query since 2023-10-05. Values that are not calendar
// dates (weeks, references) are kept.
func inSpan(when string, since, until veille.Date) bool {
	if since.IsZero() && until.IsZero() {
		return true
	}
	d, err := veille.ParseDate(when)
	if err != nil {
		return true
	}
	start, end, ok := d.Span()
	if !ok {
		return true
	}
	if s, _, ok := since.Span(); ok && !end.After(s) {
		return false
	}
	if _, e, ok := until.Span(); ok && !start.Before(e) {
		return false
	}
	return true
}

// Raw implements [store.Store.Raw].
func (s *Store) Raw(ctx context.Context, idOrPrefix string) ([]byte, error) {
	id, err := s.resolve(ctx, "documents", idOrPrefix)
	if err != nil {
		return nil, fmt.Errorf("sqlite: raw: %w", err)
	}
	var raw []byte
	err = s.r.QueryRowContext(ctx, `SELECT raw FROM documents WHERE id = ?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		err = fmt.Errorf("%w: %s", store.ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: raw: %w", err)
	}
	if raw == nil {
		raw = []byte{}
	}
	return raw, nil
}

// Failures implements [store.Store.Failures].
func (s *Store) Failures(ctx context.Context) iter.Seq2[store.Failure, error] {
	return func(yield func(store.Failure, error) bool) {
		rows, err := s.r.QueryContext(ctx, `SELECT source, ifnull(doc_id, ''), reason, failed_at FROM failures ORDER BY seq`)
		if err != nil {
			yield(store.Failure{}, fmt.Errorf("sqlite: failures: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var (
				f  store.Failure
				at string
			)
			if err := rows.Scan(&f.Source, &f.ID, &f.Reason, &at); err != nil {
				yield(store.Failure{}, fmt.Errorf("sqlite: failures: %w", err))
				return
			}
			if f.At, err = time.Parse(time.RFC3339Nano, at); err != nil {
				yield(store.Failure{}, fmt.Errorf("sqlite: failures: %w", err))
				return
			}
			if !yield(f, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(store.Failure{}, fmt.Errorf("sqlite: failures: %w", err))
		}
	}
}

// Stats implements [store.Store.Stats]. The counts are read in one
// transaction, so they are consistent with each other.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.r.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM sources),
		(SELECT count(*) FROM failures),
		(SELECT ifnull(sum(size), 0) FROM documents)`).
		Scan(&st.Documents, &st.Articles, &st.Sources, &st.Failures, &st.RawBytes)
	if err != nil {
		return store.Stats{}, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// Placements implements [store.Store.Placements].
func (s *Store) Placements(ctx context.Context, version string) iter.Seq2[veille.Placement, error] {
	return func(yield func(veille.Placement, error) bool) {
		rows, err := s.r.QueryContext(ctx, `SELECT article_id, story_id, score FROM story_placements WHERE version = ? ORDER BY seq`, version)
		if err != nil {
			yield(veille.Placement{}, fmt.Errorf("sqlite: placements: %w", err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var p veille.Placement
			if err := rows.Scan(&p.Article, &p.Story, &p.Score); err != nil {
				yield(veille.Placement{}, fmt.Errorf("sqlite: placements: %w", err))
				return
			}
			if !yield(p, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(veille.Placement{}, fmt.Errorf("sqlite: placements: %w", err))
		}
	}
}

// PutPlacements implements [store.Store.PutPlacements].
func (s *Store) PutPlacements(ctx context.Context, version string, ps []veille.Placement) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM story_placements WHERE version <> ?`, version); err != nil {
			return err
		}
		has, err := tx.PrepareContext(ctx, `SELECT 1 FROM articles WHERE id = ?`)
		if err != nil {
			return err
		}
		defer has.Close()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO story_placements (article_id, story_id, score, version) VALUES (?, ?, ?, ?) ON CONFLICT (article_id) DO NOTHING`)
		if err != nil {
			return err
		}
		defer ins.Close()
		for _, p := range ps {
			var one int
			if err := has.QueryRowContext(ctx, p.Article).Scan(&one); errors.Is(err, sql.ErrNoRows) {
				return fmt.Errorf("article %s: %w", p.Article, store.ErrNotFound)
			} else if err != nil {
				return err
			}
			if _, err := ins.ExecContext(ctx, p.Article, p.Story, p.Score, version); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("sqlite: put placements: %w", err)
	}
	return nil
}

// ResetPlacements implements [store.Store.ResetPlacements].
func (s *Store) ResetPlacements(ctx context.Context) error {
	if err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM story_placements`)
		return err
	}); err != nil {
		return fmt.Errorf("sqlite: reset placements: %w", err)
	}
	return nil
}
