package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are the schema changes, in order. The database records in
// PRAGMA user_version how many it has applied; Open applies the rest, each
// in its own transaction together with the version bump, so a crash leaves
// the schema at a whole version. Never edit or reorder a migration that
// has shipped: append a new one (later stages add their tables this way).
var migrations = []string{
	// 1: documents, their sources, their articles, failures.
	`
-- Large values come last in each row: SQLite reads a column by walking
-- the row, overflow pages included, up to it.
CREATE TABLE documents (
	id         TEXT NOT NULL PRIMARY KEY,   -- hex SHA-256 of raw
	format     TEXT NOT NULL DEFAULT '',    -- veille.Format, '' when unknown
	charset    TEXT NOT NULL DEFAULT '',
	size       INTEGER NOT NULL,
	first_seen TEXT NOT NULL,               -- RFC 3339, UTC
	raw        BLOB NOT NULL
);

CREATE TABLE sources (
	source     TEXT NOT NULL,               -- path or URL as given
	doc_id     TEXT NOT NULL REFERENCES documents(id),
	first_seen TEXT NOT NULL,
	PRIMARY KEY (source, doc_id)
) WITHOUT ROWID;
CREATE INDEX sources_doc ON sources(doc_id);

CREATE TABLE articles (
	id                TEXT NOT NULL PRIMARY KEY REFERENCES documents(id),
	extractor_version TEXT NOT NULL,
	extracted_at      TEXT NOT NULL,
	published         TEXT,                 -- ISO 8601 at its precision, NULL when unknown
	published_start   INTEGER,              -- Unix seconds, start of the published period
	published_end     INTEGER,              -- Unix seconds, end (exclusive) of that period
	updated           TEXT,
	published_from    TEXT NOT NULL,
	language          TEXT NOT NULL,
	format            TEXT NOT NULL,
	site              TEXT NOT NULL,
	source            TEXT NOT NULL,
	url               TEXT NOT NULL,
	title             TEXT NOT NULL,
	authors           TEXT NOT NULL,        -- JSON array of strings
	tags              TEXT NOT NULL,        -- JSON array
	categories        TEXT NOT NULL,        -- JSON array
	text              TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published_start DESC, id);
CREATE INDEX articles_site ON articles(site, published_start DESC, id);
CREATE INDEX articles_language ON articles(language, published_start DESC, id);

CREATE TABLE failures (
	seq       INTEGER PRIMARY KEY,
	source    TEXT NOT NULL,
	doc_id    TEXT REFERENCES documents(id), -- NULL when nothing could be read
	reason    TEXT NOT NULL,
	failed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX failures_key ON failures(source, ifnull(doc_id, ''));
CREATE INDEX failures_doc ON failures(doc_id);
`,
	// 2: the named entities each article mentions, in text order.
	`
CREATE TABLE mentions (
	article_id TEXT NOT NULL REFERENCES articles(id),
	seq        INTEGER NOT NULL,            -- position among the article's mentions
	start      INTEGER NOT NULL,            -- byte offsets into articles.text
	"end"      INTEGER NOT NULL,
	type       TEXT NOT NULL,               -- PER, LOC, ORG, MISC
	entity     TEXT NOT NULL,               -- canonical id: QID or slug
	label      TEXT NOT NULL,               -- canonical name
	text       TEXT NOT NULL,               -- the mention as written
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity, article_id);
`,
	// 3: the temporal expressions and the events of each article.
	`
CREATE TABLE timexes (
	article_id TEXT NOT NULL REFERENCES articles(id),
	seq        INTEGER NOT NULL,
	start      INTEGER NOT NULL,            -- byte offsets into articles.text
	"end"      INTEGER NOT NULL,
	type       TEXT NOT NULL,               -- DATE, TIME, DURATION, SET
	value      TEXT NOT NULL,               -- TIMEX3 value
	mod        TEXT NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;

CREATE TABLE events (
	article_id TEXT NOT NULL REFERENCES articles(id),
	seq        INTEGER NOT NULL,
	type       TEXT NOT NULL,               -- PLOVER category
	source     TEXT NOT NULL,               -- entity ids, '' when unknown
	target     TEXT NOT NULL,
	location   TEXT NOT NULL,
	"when"     TEXT NOT NULL,               -- TIMEX3 value, '' when unknown
	data       TEXT NOT NULL,               -- the whole event, JSON
	PRIMARY KEY (article_id, seq)
) WITHOUT ROWID;
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE INDEX events_when ON events("when");
`,
	// 4: the states the parties of an event belong to, so that a
	// country's timeline gathers its people and bodies.
	`
ALTER TABLE events ADD COLUMN source_state TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN target_state TEXT NOT NULL DEFAULT '';
CREATE INDEX events_source_state ON events(source_state);
CREATE INDEX events_target_state ON events(target_state);
`,
	// 5: the story each article was placed in, in the order placed,
	// under the version of the clustering that placed it.
	`
CREATE TABLE story_placements (
	seq        INTEGER PRIMARY KEY,         -- order placed
	article_id TEXT NOT NULL UNIQUE REFERENCES articles(id),
	story_id   TEXT NOT NULL,               -- id of the article that opened the story
	score      REAL NOT NULL,
	version    TEXT NOT NULL                -- story.Options.Version
);
CREATE INDEX story_placements_story ON story_placements(story_id);
`,
}

// migrate brings the schema of db up to date. db must be the writer, whose
// transactions begin IMMEDIATE, so that two processes opening the same new
// file do not both create the tables.
func migrate(ctx context.Context, db *sql.DB) error {
	for {
		done, err := migrateOne(ctx, db)
		if err != nil || done {
			return err
		}
	}
}

// migrateOne applies the next migration, if any, and reports whether the
// schema was already current.
func migrateOne(ctx context.Context, db *sql.DB) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin: %w", err)
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	switch {
	case v == len(migrations):
		return true, nil
	case v > len(migrations) || v < 0:
		return false, fmt.Errorf("migrate: schema version %d is newer than this program knows (%d): upgrade veille", v, len(migrations))
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migrate: to version %d: %w", v+1, err)
	}
	// PRAGMA takes no bound parameters; v+1 is an int we computed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, fmt.Errorf("migrate: set version %d: %w", v+1, err)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate: commit version %d: %w", v+1, err)
	}
	return false, nil
}
