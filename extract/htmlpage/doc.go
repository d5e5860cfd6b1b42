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
//     related links) and the lead above the first body paragraph: copies
//     of the title, kicker and section labels, byline and date lines;
//   - neither library tells the article from the page around it when it
//     reads dates and bylines: htmldate happily returns the date of a
//     breaking-news ticker, a "today" banner, a related list or a comment.
//     This package first locates the article (its headline, its first
//     body paragraph, the element holding both) and the page chrome (nav,
//     header, aside, footer, marquee; tickers, related lists, comments and
//     widgets by class or by heading; lists of links), then reads the
//     publication date from article-scoped, structured signals before
//     heuristics: the JSON-LD Article, meta elements, <time> and date
//     elements of the byline, and only then htmldate on a copy of the page
//     reduced to its head and its article. A page that states no date for
//     its article gets none: a missing date is never invented;
//   - htmldate returns a time.Time without saying how precise it is or
//     where it came from; this package keeps the precision the source
//     states (a year, a month, a day, hh:mm is a minute, hh:mm:ss a
//     second) and the source ("json-ld", "meta", "time-element", "byline",
//     "url", "text");
//   - authors are split on ",", ";", " and ", " et " and stripped of "By"
//     and "Par"; the site's own name and placeholders ("La rédaction") are
//     not authors; when trafilatura finds none, the byline elements of the
//     article (author, auteur, byline, signature; rel=author; never a
//     comment's), then the JSON-LD author, then meta author are read.
//
// Extract never panics: malformed HTML, empty input, binary bytes, huge or
// deeply nested pages give an error or an empty article. DecodeHTML turns
// raw bytes in any declared charset into the UTF-8 string Extract reads.
package htmlpage
