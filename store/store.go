// Package store defines where veille keeps what it ingested: the raw
// documents, content-addressed by the hex SHA-256 of their bytes, the
// article extracted from each, and what the later stages found in it:
// named entities, temporal expressions, events, and the story each
// article was placed in.
//
// The package holds only the driver-neutral contract: the [Store]
// interface, the [Query], [EntityQuery], [EntityStat], [EventQuery],
// [EventReport] and [Stats] types, the sentinel errors and the
// small rules every implementation shares (how an id prefix is checked; a
// dated query matches a date by the period it covers, veille.Date.Span).
// Implementations live
// in sub-packages: store/sqlite is the embedded single-file store; a server
// database can be added behind the same interface later.
//
// It is hand-written because the contract is veille's own: a generic ORM or
// key-value library would not know that documents are content-addressed,
// that one document may arrive from many sources, or that dates carry a
// precision that filtering must respect.
package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"os"
	"strings"
	"time"

	veille "github.com/veille-news/veille"
)

// EnvDB is the environment variable that names the database when the
// command line does not.
const EnvDB = "VEILLE_DB"

// DefaultFile is the database file used when neither a flag nor [EnvDB]
// names one, relative to the current directory.
const DefaultFile = "veille.db"

// MinPrefix is the shortest id prefix [Store.Article] and [Store.Raw]
// accept: shorter prefixes are too likely to be ambiguous to be useful.
const MinPrefix = 6

// Errors returned by stores. Callers test them with errors.Is.
var (
	// ErrNotFound: no document or article has that id or id prefix.
	ErrNotFound = errors.New("store: not found")
	// ErrAmbiguous: an id prefix matches more than one document.
	ErrAmbiguous = errors.New("store: ambiguous id prefix")
	// ErrInvalidID: the id is not 6 to 64 hexadecimal digits.
	ErrInvalidID = errors.New("store: invalid id")
)

// Store keeps raw documents and their extracted articles. Every write is
// atomic: after a crash at any moment the store holds either all of a
// write or none of it, so rerunning the same ingestion completes it.
// Implementations are safe for concurrent use.
type Store interface {
	// Put stores a document, the source it was read from and the article
	// extracted from it, in one transaction. doc.ID must be empty (it is
	// then computed) or the hex SHA-256 of doc.Raw; art.ID must be empty
	// or equal to it.
	//
	// Putting bytes that are already stored with an article from the same
	// extractorVersion changes nothing except recording doc.Source if it
	// is new, and returns added == false. added is true when the article
	// was written: the document is new, it had no article yet (a recorded
	// failure), or its article came from another extractor version and is
	// replaced.
	Put(ctx context.Context, doc veille.Document, art veille.Article, extractorVersion string) (added bool, err error)

	// PutFailure records that source could not be turned into an article,
	// and why. raw, when not nil, is kept content-addressed like any
	// document so that nothing read is lost and a later extractor can
	// retry. Recording the same failure twice changes nothing. A later
	// successful Put of the same bytes clears the failure.
	PutFailure(ctx context.Context, source string, raw []byte, reason string) error

	// AddSource records that source holds the document id, which must
	// already be stored (ErrNotFound otherwise). Ingest calls it when
	// [Store.Has] lets it skip extraction of bytes already stored.
	AddSource(ctx context.Context, id, source string) error

	// Has reports whether the document id is stored with an article from
	// extractorVersion, so that ingest can skip extracting it again. A
	// document stored only by PutFailure, or whose article came from
	// another version, does not count.
	Has(ctx context.Context, id, extractorVersion string) (bool, error)

	// Article returns the article of the document whose id is idOrPrefix,
	// or whose id starts with it (at least MinPrefix hex digits). It
	// returns ErrNotFound, ErrAmbiguous or ErrInvalidID, wrapped.
	Article(ctx context.Context, idOrPrefix string) (veille.Article, error)

	// Articles yields the articles matching q, most recently published
	// first (undated last), then by id. Results stream from the database:
	// they are never all held in memory. Iteration stops at the first
	// error, which is yielded.
	Articles(ctx context.Context, q Query) iter.Seq2[veille.Article, error]

	// Entities yields the entities the stored articles mention, counted
	// over the whole store: the most widely reported first (by articles
	// descending, then mentions descending, then entity id). Iteration
	// stops at the first error, which is yielded.
	Entities(ctx context.Context, q EntityQuery) iter.Seq2[EntityStat, error]

	// Events yields the events the stored articles state, with the
	// article that reports each, ordered by event date (undated last),
	// then article. Iteration stops at the first error, which is yielded.
	Events(ctx context.Context, q EventQuery) iter.Seq2[EventReport, error]

	// Raw returns the bytes of the document whose id is idOrPrefix, as
	// [Store.Article] resolves it (among all documents, failed ones
	// included).
	Raw(ctx context.Context, idOrPrefix string) ([]byte, error)

	// Failures yields the recorded failures, oldest first.
	Failures(ctx context.Context) iter.Seq2[Failure, error]

	// Placements yields the story placements recorded under the
	// clustering version, in the order they were recorded. Iteration
	// stops at the first error, which is yielded.
	Placements(ctx context.Context, version string) iter.Seq2[veille.Placement, error]

	// PutPlacements records story placements under the clustering
	// version, after those already recorded, in one transaction. The
	// placements recorded under another version are deleted in the same
	// transaction: a new clustering starts over. An article already
	// placed keeps its story; a placement of an article that is not
	// stored is an error (ErrNotFound) and nothing is written.
	PutPlacements(ctx context.Context, version string, ps []veille.Placement) error

	// ResetPlacements deletes every recorded story placement, so that the
	// next clustering starts over.
	ResetPlacements(ctx context.Context) error

	// Stats counts what the store holds.
	Stats(ctx context.Context) (Stats, error)

	// Close releases the store. It must not be called while an iteration
	// is in progress.
	Close() error
}

// Query selects articles. The zero Query selects them all.
type Query struct {
	// Since keeps the articles published within or after the period it
	// names: Since "2024-03" keeps an article of 2024-03-02 or 2025 and
	// drops one of 2024-02-28 or one dated only "2024", which may be
	// earlier. The zero Date sets no bound.
	Since veille.Date
	// Until keeps the articles published within or before the period it
	// names: Until "2024" keeps an article of 2024-12-31 or 2024. The
	// zero Date sets no bound.
	Until veille.Date
	// Site and Language, when set, must equal the article's.
	Site     string
	Language string
	// Limit caps the number of articles (0: no cap); Offset skips the
	// first ones.
	Limit  int
	Offset int
}

// InDates reports whether an article published at d passes q's Since and
// Until, as stores select articles: the period d names must lie within
// the bounds, so an undated article passes only when q sets none.
func (q Query) InDates(d veille.Date) bool {
	if q.Since.IsZero() && q.Until.IsZero() {
		return true
	}
	start, end, ok := d.Span()
	if !ok {
		return false
	}
	if s, _, ok := q.Since.Span(); ok && start.Before(s) {
		return false
	}
	if _, e, ok := q.Until.Span(); ok && end.After(e) {
		return false
	}
	return true
}

// EntityQuery selects entities. The zero EntityQuery selects them all.
type EntityQuery struct {
	// Type, when set, must equal the entity's (veille.TypePER, ...).
	Type string
	// Limit caps the number of entities (0: no cap).
	Limit int
}

// EventQuery selects events. The zero EventQuery selects all.
type EventQuery struct {
	// Entity, when set, must be the event's source or target (an entity
	// id), or the state one of them belongs to (veille.Actor.State).
	Entity string
	// With, when set, must be a party too, the same way.
	With string
	// Since and Until bound the event's date (When), at their precision;
	// an event without a date is left out when either is set.
	Since, Until veille.Date
}

// EventReport is one event as one article reports it.
type EventReport struct {
	Event veille.Event
	// ArticleID, Site, Title, URL and Published are the reporting
	// article's.
	ArticleID string
	Site      string
	Title     string
	URL       string
	Published veille.Date
	// Entities are the ids of the entities the article mentions, each
	// once, in order of first mention: what else the article speaks of
	// tells two reports of one event apart from two events.
	Entities []string
}

// EntityStat is one entity and how often the store's articles mention it.
type EntityStat struct {
	// Entity is the canonical id (veille.Mention.Entity).
	Entity string
	// Type and Label are the entity's; when its mentions disagree, the
	// most frequent value wins.
	Type  string
	Label string
	// Mentions counts its mentions; Articles the articles with at least
	// one.
	Mentions int64
	Articles int64
}

// Stats counts the content of a store.
type Stats struct {
	Documents int64 // distinct raw documents, failed ones included
	Articles  int64 // documents with an extracted article
	Sources   int64 // distinct (source, document) pairs
	Failures  int64 // recorded failures
	RawBytes  int64 // total size of the raw documents
}

// Failure is a source that could not be turned into an article.
type Failure struct {
	Source string
	// ID is the id of the raw bytes kept for it, empty when there were
	// none (the source could not be read).
	ID     string
	Reason string
	At     time.Time
}

// DefaultPath returns the database path to use when the command line gives
// none: $VEILLE_DB when set, else [DefaultFile] in the current directory.
func DefaultPath() string {
	if p := strings.TrimSpace(os.Getenv(EnvDB)); p != "" {
		return p
	}
	return DefaultFile
}

// CheckID validates an id or id prefix: MinPrefix to 64 hexadecimal
// digits, surrounding space ignored. It returns it in lower case, and
// whether it is a full id.
func CheckID(s string) (id string, full bool, err error) {
	id = strings.ToLower(strings.TrimSpace(s))
	if len(id) < MinPrefix || len(id) > 64 {
		return "", false, fmt.Errorf("%w: %q: want %d to 64 hex digits", ErrInvalidID, clip(s), MinPrefix)
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", false, fmt.Errorf("%w: %q: not hexadecimal", ErrInvalidID, clip(s))
		}
	}
	return id, len(id) == 64, nil
}

// clip shortens s for an error message.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
