// Package htmlpage extracts a clean article from one HTML page: title,
// authors, site, canonical URL, publication and update dates at the
// precision the page states, tags, categories, a language hint and the body
// text, paragraphs separated by a blank line.
//
// The heavy lifting is done by go-trafilatura (main-content detection,
// metadata) and go-htmldate (publication dates). This package is the
// hand-written glue around them, because neither library gives what veille
// needs as is:
//
//   - before trafilatura runs, hidden elements and containers whose class
//     names them as furniture (newsletter, related, share, comments) are
//     pruned, unless they hold a large share of the page's text;
//   - pages that split the article body over several containers of the
//     same class (around ads) get the rest of the body appended, where
//     trafilatura keeps only the first block;
//   - trafilatura's plain text flattens the article to one line; Extract walks
//     its content tree instead, so paragraphs, list items and subheadings
//     stay apart, and figure captions are dropped;
//   - a post-cleaning pass removes the boilerplate trafilatura keeps
//     ("Advertisement", "Lire aussi : …", share rows, trailing lists of
//     related links, a copy of the title at the top of the body);
//   - htmldate returns a time.Time without saying how precise it is or
//     where it came from; this package derives the precision (a date-only
//     meta is day precision, a datetime is minute precision) and the source
//     ("meta", "json-ld", "url", "time-element", "text"), and never turns a
//     missing date into an invented one;
//   - authors are split on ",", ";", " and ", " et " and stripped of "By"
//     and "Par".
//
// Extract never panics: malformed HTML, empty input, binary bytes, huge or
// deeply nested pages give an error or an empty article. DecodeHTML turns
// raw bytes in any declared charset into the UTF-8 string Extract reads.
package htmlpage
