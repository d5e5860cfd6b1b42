// Package extract turns raw documents into clean articles. It is the
// assembly of the extraction stage: HTML pages go through htmlpage (which
// wraps go-trafilatura and go-htmldate), text dumps through textdump (body)
// and dumpmeta (title, byline, dates, keywords), and every article gets its
// language from package lang. When asked, its named entities come from
// package entity, with offsets into the article's text.
//
// Text dumps are best extracted together: an Extractor that has Learned
// from a batch knows the chrome (menus, footers, tickers) that the batch's
// sites repeat on every page, and drops it.
package extract

import (
	"context"
	"fmt"
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/event"
	"github.com/veille-news/veille/extract/dumpmeta"
	"github.com/veille-news/veille/extract/htmlpage"
	"github.com/veille-news/veille/extract/textdump"
	"github.com/veille-news/veille/lang"
	"github.com/veille-news/veille/timex"
)

// Version names the extraction rules; the store re-extracts documents
// stored by another version. Version 2 adds the named entities, version 3
// the temporal expressions and the events.
const Version = "extract/3"

// noEntitiesSuffix marks the version of articles extracted without entity
// recognition, so that a later run with it replaces them.
const noEntitiesSuffix = "+no-entities"

// FromUpdated is the published_from of an article whose page states only
// its last-update date, which then stands for the publication date.
const FromUpdated = "updated"

// Extractor extracts articles, knowing the site templates it learned.
// Its methods are safe for concurrent use once Learn has returned.
type Extractor struct {
	opts Options
	tmpl *textdump.Template
}

// Options tunes an Extractor.
type Options struct {
	// NoLanguage skips language identification (Language stays empty
	// unless the page declares it), for benchmarks of extraction alone.
	NoLanguage bool
	// Entities, when not nil, finds the named entities of each article's
	// text (Article.Entities, offsets into Article.Text). nil skips
	// recognition, for benchmarks of extraction alone.
	Entities *entity.Recognizer
	// Events, when not nil and Entities is not, reads the events of each
	// article (Article.Events) from its mentions and temporal
	// expressions. The temporal expressions (Article.Timexes) are found
	// whenever Entities is set.
	Events *event.Extractor
}

// New returns an Extractor that has learned nothing yet.
func New(opts Options) *Extractor { return &Extractor{opts: opts} }

// Version names the rules this Extractor applies: [Version], marked when
// it does not recognise entities. Stores record it with each article.
func (e *Extractor) Version() string {
	if e.opts.Entities == nil {
		return Version + noEntitiesSuffix
	}
	return Version
}

// Learn learns site templates from the text dumps among docs: lines that
// the pages of one site all share are chrome, not article.
func (e *Extractor) Learn(docs []veille.Document) {
	var texts []string
	for _, d := range docs {
		if d.Format == veille.FormatText {
			texts = append(texts, d.Text)
		}
	}
	if len(texts) > 1 {
		e.tmpl = textdump.Learn(texts)
	}
}

// Extract extracts the article of one document.
func (e *Extractor) Extract(ctx context.Context, doc veille.Document) (art veille.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("extract %s: internal error: %v", doc.Source, r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return veille.Article{}, err
	}
	hint := ""
	switch doc.Format {
	case veille.FormatHTML:
		art, hint, err = htmlpage.Extract(ctx, doc.Text, htmlpage.Options{URL: doc.URL})
		if err != nil {
			return veille.Article{}, fmt.Errorf("extract html: %w", err)
		}
	default:
		art = e.text(doc.Text)
	}
	if art.Published.IsZero() && !art.Updated.IsZero() {
		// The page states only when it was last updated: that is the
		// closest bound on its publication the page gives, and the one an
		// analyst's timeline needs. published_from says so.
		art.Published = art.Updated
		art.PublishedFrom = FromUpdated
	}
	art.Source = doc.Source
	art.ID = doc.ID
	art.Format = doc.Format
	if art.URL == "" {
		art.URL = doc.URL
	}
	if !e.opts.NoLanguage {
		art.Language = lang.Detect(art.Text)
		if art.Language == "" {
			art.Language = lang.Detect(art.Title)
		}
	}
	if art.Language == "" && len(hint) >= 2 {
		art.Language = strings.ToLower(hint[:2])
	}
	if e.opts.Entities != nil {
		// Published stands for Updated when only that is known (above):
		// the date tells the recogniser who held an office then.
		art.Entities = e.opts.Entities.Recognize(art.Text, art.Published)
		if art.Entities == nil {
			art.Entities = []veille.Mention{}
		}
		// relative dates are resolved against the publication date
		art.Timexes = timex.Find(art.Text, art.Published)
		if e.opts.Events != nil {
			art.Events = e.opts.Events.Extract(art.Text, art.Entities, art.Timexes, art.Published)
		}
	}
	art.Normalize()
	return art, nil
}

// text extracts a text dump: the body first, then the metadata around it,
// whose lines are then taken out of the body.
func (e *Extractor) text(s string) veille.Article {
	r := textdump.Extract(s, e.tmpl)
	m := dumpmeta.Find(r.Lines, r.Start, r.End)
	body := dropLines(r, m.Consumed)
	return veille.Article{
		Site:          dumpmeta.Site(r.Lines, r.Start, r.End),
		Title:         m.Title,
		Authors:       m.Authors,
		Published:     m.Published,
		Updated:       m.Updated,
		PublishedFrom: m.PublishedFrom,
		Tags:          m.Tags,
		Categories:    m.Categories,
		Text:          body,
	}
}

// dropLines removes from the body the paragraphs that are lines the
// metadata finder consumed (a title or byline the body extractor kept).
func dropLines(r textdump.Result, consumed []int) string {
	if len(consumed) == 0 || len(r.Body) == 0 {
		return r.Text
	}
	inBody := make(map[int]bool, len(r.Body))
	for _, i := range r.Body {
		inBody[i] = true
	}
	drop := map[string]bool{}
	for _, i := range consumed {
		if inBody[i] && i >= 0 && i < len(r.Lines) {
			drop[strings.Join(strings.Fields(r.Lines[i]), " ")] = true
		}
	}
	if len(drop) == 0 {
		return r.Text
	}
	paras := strings.Split(r.Text, "\n\n")
	kept := paras[:0]
	for _, p := range paras {
		if !drop[strings.Join(strings.Fields(p), " ")] {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n\n")
}
