// Package dumpmeta finds the metadata of a rendered text dump of a news
// page: title, authors, publication and update dates (at the precision the
// page states, and where they were read), tags, categories, and the lines
// that hold them, which are not part of the article's body.
//
// The body extractor (package textdump) finds where the article's text
// is; Find reads the header zone around the start of that region: the
// lines above it up to the page's furniture (menus, tickers, copyright,
// related lists) and its first lines. There the title is the headline that
// the byline or the body follows; the byline gives authors, a date and
// sometimes categories; labels ("Publié le", "Mis à jour le", "Published",
// "date") say what a date is. A date in running text, in a ticker, in a
// related list or in a copyright notice is not the article's date, and a
// page that states none gets the zero Date: nothing is invented.
//
// Why hand-written: the libraries that find page metadata (go-trafilatura,
// go-htmldate) read HTML markup — meta tags, time elements, classes — and a
// text dump has none of it; what is left is the layout of lines, which is
// what this package reads. For dates, go-dateparser parses a date string
// well but does not fit the finding: its Search gives no byte offsets and
// missed French dates in French sentences in our tests ("le 31 aout
// 2023"), it turns relative expressions into dates ("cette semaine" →
// today), with a day-first order it reads ISO "2024-03-05" as 3 May and
// "2023-10" as 10 January at day precision, and it takes 0.1 to 1 ms per
// call, more than this package's budget for a whole page. FindDates is
// therefore a small tokenizer-based grammar of French and English absolute
// dates with exact spans and precisions; go-dateparser is kept, restricted
// to absolute dates with day, month and year required, as the fallback of
// ParseDate for forms the grammar does not know ("05-Mar-2024",
// "3 mars 2024 10.15"), applied to a value already isolated as a date.
package dumpmeta
