package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/store"
	"github.com/veille-news/veille/store/sqlite"
)

func init() {
	register(command{
		name:    "extract",
		args:    "PATH...",
		summary: "extract clean articles from pages (files, directories, - for stdin) and print them; nothing is stored",
		run:     runExtract,
	})
	register(command{
		name:    "ingest",
		args:    "PATH...",
		summary: "extract clean articles from pages and keep them, with their raw bytes, in the store",
		run:     runIngest,
	})
	register(command{
		name:    "articles",
		args:    "",
		summary: "list the articles the store holds",
		run:     runArticles,
	})
	register(command{
		name:    "show",
		args:    "ID",
		summary: "print one stored article (full id or a prefix of at least 6 hex digits)",
		run:     runShow,
	})
	register(command{
		name:    "failures",
		args:    "",
		summary: "list the inputs that could not be turned into articles",
		run:     runFailures,
	})
}

// dbFlag registers --db.
func dbFlag(fs interface {
	String(string, string, string) *string
}) *string {
	return fs.String("db", "", "store file (default $"+store.EnvDB+", else ./"+store.DefaultFile+")")
}

// openStore opens the store at path (the default one when empty). On
// failure it reports the error on stderr for command c and returns nil.
func openStore(ctx context.Context, env *Env, c command, path string) store.Store {
	if path == "" {
		path = store.DefaultPath()
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		errorf(env, c.name, "open store %s: %v", path, err)
		return nil
	}
	return s
}

func runExtract(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	format := formatFlag(fs, "jsonl")
	pf := addPipelineFlags(fs)
	paths, code := parseArgs(env, c, fs, args, format, 1, -1)
	if code >= 0 {
		return code
	}
	if _, err := pf.prepare(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	out := newLister(env.Stdout, *format, writeArticleText)
	st, err := runPipeline(ctx, env, c.name, paths, pf, sink{
		article: func(_ context.Context, _ veille.Document, art veille.Article) error {
			if err := out.Write(art); err != nil {
				return err
			}
			return out.Flush()
		},
	})
	if cerr := out.Close(); err == nil && cerr != nil {
		err = cerr
	}
	return finish(env, c, st, err, *pf.quiet, "extracted")
}

// finish reports the end of a pipeline run and returns its exit status.
func finish(env *Env, c command, st runStats, err error, quiet bool, verb string) int {
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	if !quiet {
		fmt.Fprintf(env.Stderr, "veille %s: %s\n", c.name, st.summary(verb))
	}
	if st.Bad > 0 {
		return ExitPartial
	}
	return ExitOK
}

func runIngest(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	pf := addPipelineFlags(fs)
	noStories := fs.Bool("no-stories", false, "do not place the new articles in stories now (the next `veille stories` does); for bulk loads in many runs")
	paths, code := parseArgs(env, c, fs, args, nil, 1, -1)
	if code >= 0 {
		return code
	}
	version, err := pf.prepare()
	if err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	var stored atomic.Int64
	st, err := runPipeline(ctx, env, c.name, paths, pf, sink{
		skip: func(ctx context.Context, doc veille.Document) (bool, error) {
			return s.Has(ctx, doc.ID, version)
		},
		skipped: func(ctx context.Context, doc veille.Document) error {
			return s.AddSource(ctx, doc.ID, doc.Source)
		},
		article: func(ctx context.Context, doc veille.Document, art veille.Article) error {
			added, err := s.Put(ctx, doc, art, version)
			if added {
				stored.Add(1)
			}
			return err
		},
		bad: func(ctx context.Context, source string, raw []byte, reason string) error {
			return s.PutFailure(ctx, source, raw, reason)
		},
	})
	code = finish(env, c, st, err, *pf.quiet, "stored")
	if err != nil || *noStories || stored.Load() == 0 {
		return code
	}
	// the new articles join the stories of the store or open their own
	cl, placed, err := updateStories(ctx, s, false)
	if err != nil {
		errorf(env, c.name, "stories: %v", err)
		return ExitFailed
	}
	if !*pf.quiet {
		fmt.Fprintf(env.Stderr, "veille %s: %d article(s) placed in stories; %d stories in all\n", c.name, placed, cl.Len())
	}
	return code
}

// articleDates are the --since and --until flags of the commands that
// read stored articles.
type articleDates struct{ since, until *string }

func articleDateFlags(fs *flag.FlagSet) articleDates {
	return articleDates{
		since: fs.String("since", "", "only articles published on or after this date (2023, 2023-10, 2023-10-05)"),
		until: fs.String("until", "", "only articles published on or before this date"),
	}
}

// apply reads the flags into q.
func (d articleDates) apply(q *store.Query) error {
	var err error
	if q.Since, err = veille.ParseDate(*d.since); err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	if q.Until, err = veille.ParseDate(*d.until); err != nil {
		return fmt.Errorf("--until: %w", err)
	}
	return nil
}

func runArticles(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	dates := articleDateFlags(fs)
	site := fs.String("site", "", "only articles of this site")
	language := fs.String("lang", "", "only articles in this language (ISO 639-1)")
	limit := fs.Int("limit", 0, "at most this many articles (0: all)")
	full := fs.Bool("full", false, "text format: print each article in full, not one line each")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	q := store.Query{Site: *site, Language: *language, Limit: *limit}
	if err := dates.apply(&q); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitUsage
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	text := writeArticleLine
	if *full {
		text = writeArticleText
	}
	return writeAll(env, c, newLister(env.Stdout, *format, text), s.Articles(ctx, q), same[veille.Article])
}

func runShow(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	raw := fs.Bool("raw", false, "print the raw bytes of the document instead")
	pos, code := parseArgs(env, c, fs, args, format, 1, 1)
	if code >= 0 {
		return code
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	if *raw {
		b, err := s.Raw(ctx, pos[0])
		if err != nil {
			errorf(env, c.name, "%v", err)
			return notFoundStatus(err)
		}
		env.Stdout.Write(b)
		return ExitOK
	}
	art, err := s.Article(ctx, pos[0])
	if err != nil {
		errorf(env, c.name, "%v", err)
		return notFoundStatus(err)
	}
	out := newLister(env.Stdout, *format, writeArticleText)
	if *format == "json" {
		out.format = "jsonl" // one object, not an array
	}
	out.Write(art)
	if err := out.Close(); err != nil {
		errorf(env, c.name, "%v", err)
		return ExitFailed
	}
	return ExitOK
}

func notFoundStatus(err error) int {
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrAmbiguous) || errors.Is(err, store.ErrInvalidID) {
		return ExitUsage
	}
	return ExitFailed
}

func runFailures(ctx context.Context, env *Env, c command, args []string) int {
	fs := newFlags(env, c)
	db := dbFlag(fs)
	format := formatFlag(fs, "text")
	if _, code := parseArgs(env, c, fs, args, format, 0, 0); code >= 0 {
		return code
	}
	s := openStore(ctx, env, c, *db)
	if s == nil {
		return ExitFailed
	}
	defer s.Close()
	type failure struct {
		Source string `json:"source"`
		ID     string `json:"id"`
		Reason string `json:"reason"`
		At     string `json:"at"`
	}
	out := newLister(env.Stdout, *format, func(w io.Writer, f failure) error {
		_, err := fmt.Fprintf(w, "%s\t%s\n", f.Source, f.Reason)
		return err
	})
	return writeAll(env, c, out, s.Failures(ctx), func(f store.Failure) failure {
		return failure{Source: f.Source, ID: f.ID, Reason: f.Reason, At: f.At.UTC().Format("2006-01-02T15:04:05Z")}
	})
}

// writeArticleLine writes one article as one line: id prefix, date,
// language, site and title.
func writeArticleLine(w io.Writer, a veille.Article) error {
	date := a.Published.String()
	if date == "" {
		date = "-"
	}
	title := a.Title
	if title == "" {
		title = firstWords(a.Text, 12)
	}
	site := a.Site
	if site == "" {
		site = "-"
	}
	_, err := fmt.Fprintf(w, "%.12s  %-19s  %-2s  %-20.20s  %s\n", a.ID, date, orDash(a.Language), site, title)
	return err
}

// writeArticleText writes one article in full, for reading.
func writeArticleText(w io.Writer, a veille.Article) error {
	var b strings.Builder
	title := a.Title
	if title == "" {
		title = "(no title)"
	}
	fmt.Fprintf(&b, "# %s\n", title)
	fmt.Fprintf(&b, "id:        %s\n", a.ID)
	fmt.Fprintf(&b, "source:    %s\n", a.Source)
	if a.URL != "" {
		fmt.Fprintf(&b, "url:       %s\n", a.URL)
	}
	if a.Site != "" {
		fmt.Fprintf(&b, "site:      %s\n", a.Site)
	}
	if len(a.Authors) > 0 {
		fmt.Fprintf(&b, "authors:   %s\n", strings.Join(a.Authors, ", "))
	}
	pub := orDash(a.Published.String())
	if a.PublishedFrom != "" && !a.Published.IsZero() {
		pub += " (from " + a.PublishedFrom + ")"
	}
	fmt.Fprintf(&b, "published: %s\n", pub)
	if !a.Updated.IsZero() {
		fmt.Fprintf(&b, "updated:   %s\n", a.Updated)
	}
	fmt.Fprintf(&b, "language:  %s   format: %s\n", orDash(a.Language), a.Format)
	if len(a.Categories) > 0 {
		fmt.Fprintf(&b, "categories: %s\n", strings.Join(a.Categories, ", "))
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(&b, "tags:      %s\n", strings.Join(a.Tags, ", "))
	}
	if len(a.Entities) > 0 {
		fmt.Fprintf(&b, "entities:  %s\n", entityList(a.Entities))
	}
	fmt.Fprintf(&b, "\n%s\n\n", strings.TrimSpace(a.Text))
	_, err := io.WriteString(w, b.String())
	return err
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + "…"
	}
	return strings.Join(f, " ")
}
