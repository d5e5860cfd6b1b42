package htmlpage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	nurl "net/url"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/veille-news/veille"
)

// Errors Extract returns for input it cannot read as a page.
var (
	// ErrEmpty is returned for empty or blank input.
	ErrEmpty = errors.New("htmlpage: empty page")
	// ErrTooLarge is returned for input longer than Options.MaxBytes.
	ErrTooLarge = errors.New("htmlpage: page too large")
)

// DefaultMaxBytes is the largest page Extract reads when Options.MaxBytes is
// zero. Real article pages are well under 2 MB; the limit bounds the time
// and memory one hostile input can take.
const DefaultMaxBytes = 10 << 20

// Focus trades precision against recall in the main-content detection.
type Focus int

// The foci trafilatura offers.
const (
	FocusBalanced  Focus = iota // trafilatura's default
	FocusPrecision              // less text, less boilerplate
	FocusRecall                 // more text, even when unsure
)

// Fallback selects the second-opinion extractors trafilatura consults when
// its own result looks too short.
type Fallback int

// Fallback modes. The zero value is the default veille measured best on
// the extraction benchmark.
const (
	FallbackDefault     Fallback = iota // the measured best: FallbackDistiller
	FallbackNone                        // trafilatura alone
	FallbackReadability                 // go-readability only
	FallbackDistiller                   // go-domdistiller only
	FallbackBoth                        // readability, then dom-distiller
)

// Options controls extraction. The zero value gives the settings veille
// measured best on the scrapinghub benchmark (see package bench): balanced
// focus, dom-distiller fallback, pruning, continuation and cleaning on.
// The other knobs exist to measure each step against that default.
type Options struct {
	// URL is the page URL if known. It resolves a relative canonical link,
	// feeds the URL date heuristics, and is the article URL when the page
	// declares no canonical link or og:url.
	URL string
	// Focus is passed to trafilatura.
	Focus Focus
	// Fallback selects trafilatura's fallback extractors.
	Fallback Fallback
	// Raw disables veille's post-cleaning of the body text.
	Raw bool
	// NoPrune keeps the hidden and furniture elements (newsletter boxes,
	// related lists, share bars, comments) veille removes before
	// trafilatura runs.
	NoPrune bool
	// NoContinuation disables the search for the rest of an article body
	// split over several same-class containers.
	NoContinuation bool
	// SkipDates skips the publication and update date search, the slowest
	// step, when only the body matters.
	SkipDates bool
	// MaxBytes bounds the page length; 0 means DefaultMaxBytes.
	MaxBytes int
	// Logger receives debug logs; nil means slog.Default().
	Logger *slog.Logger
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger
	}
	return slog.Default()
}

// Extract parses one HTML page (already decoded to UTF-8) and returns the
// article fields it found: Title, Authors, Site, URL, Published, Updated,
// PublishedFrom, Tags, Categories and Text. Source, ID, Format and Language
// are left for the caller; langHint is the language the page declares
// (<html lang>, content-language or og:locale), normalised to a lower-case
// primary subtag ("fr"), or "" when it declares none.
//
// A page where no article text is found gives an article with its
// metadata and an empty Text, and no error. Empty, binary, oversized or
// unparsable input gives an error; a panic inside a dependency is recovered
// and returned as an error.
func Extract(ctx context.Context, page string, opts Options) (a veille.Article, langHint string, err error) {
	defer func() {
		if r := recover(); r != nil {
			opts.logger().Debug("htmlpage: recovered panic", "panic", r, "stack", string(debug.Stack()))
			a, langHint, err = veille.Article{}, "", fmt.Errorf("htmlpage: extraction panicked: %v", r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return veille.Article{}, "", fmt.Errorf("htmlpage: %w", err)
	}
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	switch {
	case len(page) > limit:
		return veille.Article{}, "", fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(page), limit)
	case strings.TrimSpace(page) == "":
		return veille.Article{}, "", ErrEmpty
	case strings.IndexByte(page, 0) >= 0 || looksBinary([]byte(page[:min(len(page), 4096)])):
		return veille.Article{}, "", ErrBinary
	}
	page = strings.ToValidUTF8(page, "\uFFFD")

	doc, err := parse(page)
	if err != nil {
		return veille.Article{}, "", err
	}
	// Dates are searched in the page as published: hidden elements often
	// carry them.
	dateDoc := doc
	if !opts.NoPrune {
		if !opts.SkipDates {
			dateDoc = dom.Clone(doc, true)
		}
		prune(doc)
	}
	var pageURL *nurl.URL
	if u, err := nurl.Parse(strings.TrimSpace(opts.URL)); err == nil && u.IsAbs() && u.Host != "" {
		pageURL = u
	}

	// Keep pages whose text is empty: their metadata still matters.
	cfg := trafilatura.DefaultConfig()
	cfg.MinOutputSize, cfg.MinOutputCommentSize = 0, 0
	topts := trafilatura.Options{
		Config:       cfg,
		OriginalURL:  pageURL,
		HtmlDateMode: trafilatura.Disabled,
	}
	switch opts.Focus {
	case FocusPrecision:
		topts.Focus = trafilatura.FavorPrecision
	case FocusRecall:
		topts.Focus = trafilatura.FavorRecall
	}
	switch opts.Fallback {
	case FallbackBoth:
		topts.EnableFallback = true
	case FallbackReadability:
		topts.EnableFallback = true
		topts.FallbackCandidates = &trafilatura.FallbackCandidates{Distiller: dom.CreateElement("div")}
	case FallbackDefault, FallbackDistiller:
		topts.EnableFallback = true
		topts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: dom.CreateElement("div")}
	}

	res, err := trafilatura.ExtractDocument(doc, topts)
	if err != nil {
		return veille.Article{}, "", fmt.Errorf("htmlpage: trafilatura: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return veille.Article{}, "", fmt.Errorf("htmlpage: %w", err)
	}
	md, content := res.Metadata, res.ContentNode

	a = articleMetadata(doc, md, opts)
	langHint = languageHint(doc)
	var paras []string
	if content != nil {
		paras = paragraphs(content)
		if !opts.NoContinuation {
			before, after := continuation(doc, paras)
			paras = append(append(before, paras...), after...)
		}
	}
	// The article's place in the page, its JSON-LD object and its byline
	// are read in the page as published: hidden elements often carry
	// them.
	l := findLayout(dateDoc, a.Title, paras)
	ld, hasLD := jsonLDArticle(dateDoc, l, a.Title)
	a.Authors = slices.DeleteFunc(a.Authors, func(n string) bool { return !isBylineName(n, a.Site) })
	if len(a.Authors) == 0 {
		a.Authors = fallbackAuthors(dateDoc, l, ld, a.Site)
	}
	if !opts.Raw {
		paras = clean(paras, lead{
			title:   a.Title,
			heading: l.headingText(),
			kickers: append(append(l.kickers(), a.Categories...), a.Tags...),
			authors: a.Authors,
		})
	}
	a.Text = strings.Join(paras, "\n\n")
	if !opts.SkipDates {
		if err := ctx.Err(); err != nil {
			return veille.Article{}, "", fmt.Errorf("htmlpage: %w", err)
		}
		setDates(dateDoc, l, ld, hasLD, &a, opts)
	}
	return a, langHint, nil
}
