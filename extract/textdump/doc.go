// Package textdump extracts the article body from a text dump: a web page
// already rendered to plain text, such as `w3m -dump` output or the text a
// browser copies, with no markup left to tell the article from the menus,
// tickers, share rows, related lists, comment forms and footers around it.
//
// It is hand-written because no library does this job: readability-style
// extractors (go-readability, go-trafilatura, go-domdistiller) need the
// HTML tree, and jusText's paragraph classifier, the nearest idea, also
// relies on link density, which a dump no longer has. The package works
// from what a dump keeps:
//
//   - each line's shape: length, stopword density in the best-matching of
//     13 languages (French and English first), sentence punctuation,
//     capitalisation, bullets and indentation;
//   - word lists of page chrome in several languages ("Partager", "Lire
//     aussi", "Articles similaires", "Publicité", cookie banners, comment
//     forms, bylines, dates, reading times, photo credits), all in words.go;
//   - repetition: a line repeated on the page is a teaser or a menu, a line
//     repeated on many pages of one site is its template (see Learn).
//
// Extraction runs in four steps. Lines a renderer wrapped are joined back
// into paragraphs (blocks). Each block is classified on its own, jusText
// style, as prose, near-prose, short text or chrome. The body region is the
// contiguous run of blocks with the highest score (Kadane's algorithm):
// prose counts its words, chrome costs a fixed amount, so a subheading or a
// caption between two paragraphs is crossed but a menu is not; reader
// comments are a barrier the region never crosses. The region is then
// pruned: text before the byline or date (title, standfirst, captions) is
// dropped, clusters of prose separated from the article by chrome are kept
// only if they share its vocabulary (teasers of other stories do not),
// lists of links to unrelated stories are dropped, and the short lines left
// at either end are trimmed. Short lines inside the body (subheadings, list
// items) are kept.
//
// The line-level helpers (AnalyzeLine, IsBullet, IsByline, HasDate,
// IsReadingTime...) are exported for the metadata finder of package
// extract/dumpmeta, which looks for the title, authors and dates around the
// body this package finds.
package textdump
