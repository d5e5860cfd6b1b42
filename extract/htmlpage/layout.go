package htmlpage

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// layout locates the article in a page: its headline, the first paragraph
// of its body, the smallest element holding both (the article container)
// and the page chrome around it (menus, tickers, related lists, comments).
// The date, author and lead rules read the page through it: a date or a
// byline counts only when it is in the article, next to its headline,
// never in the chrome.
type layout struct {
	headline  *html.Node // the <h1> (or <h2>) that carries the title; nil if none
	bodyStart *html.Node // the <p> of the first body paragraph; nil if not found
	container *html.Node // smallest element holding both; nil when unknown or the whole page
	order     map[*html.Node]int
	chrome    map[*html.Node]bool // roots of chrome subtrees
}

// minBodyWords is how many words a body paragraph must have for the layout
// to anchor the article on it: shorter ones may be captions or bylines.
const minBodyWords = 12

// findLayout locates the article of doc from the title and the extracted
// body paragraphs.
func findLayout(doc *html.Node, title string, paras []string) *layout {
	l := &layout{order: map[*html.Node]int{}, chrome: map[*html.Node]bool{}}
	i := 0
	var keyed []*html.Node // <p> elements, in order
	var heads []*html.Node // <h1> and <h2> elements, in order
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			l.order[n] = i
			i++
			switch n.DataAtom {
			case atom.P:
				keyed = append(keyed, n)
			case atom.H1, atom.H2:
				heads = append(heads, n)
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)

	// The body starts at the first extracted paragraph long enough to be
	// prose that the page holds as a <p>.
	pkeys := make(map[string]*html.Node, len(keyed))
	for _, p := range keyed {
		if k := normKey(textOf(p)); k != "" {
			if _, ok := pkeys[k]; !ok {
				pkeys[k] = p
			}
		}
	}
	for j, p := range paras {
		if j >= 8 {
			break
		}
		if wordCount(p) < minBodyWords {
			continue
		}
		if n := pkeys[normKey(p)]; n != nil {
			l.bodyStart = n
			break
		}
	}
	l.headline = findHeadline(heads, title, l)
	l.container = l.findContainer()
	l.markChrome(doc)
	return l
}

// findHeadline picks the heading that states the title: an <h1> whose
// text is the title (or contains it, or is contained in it), else such an
// <h2>, else the last <h1> before the body, else the only <h1>.
func findHeadline(heads []*html.Node, title string, l *layout) *html.Node {
	t := normKey(title)
	for _, want := range []atom.Atom{atom.H1, atom.H2} {
		for _, h := range heads {
			if h.DataAtom != want {
				continue
			}
			k := normKey(textOf(h))
			if k == "" || t == "" {
				continue
			}
			if k == t || len(k) >= 12 && strings.Contains(t, k) || len(t) >= 12 && strings.Contains(k, t) {
				return h
			}
		}
	}
	var h1s []*html.Node
	for _, h := range heads {
		if h.DataAtom == atom.H1 && normKey(textOf(h)) != "" {
			h1s = append(h1s, h)
		}
	}
	if l.bodyStart != nil {
		var last *html.Node
		for _, h := range h1s {
			if l.order[h] < l.order[l.bodyStart] {
				last = h
			}
		}
		if last != nil {
			return last
		}
	}
	if len(h1s) == 1 {
		return h1s[0]
	}
	return nil
}

// findContainer returns the smallest element holding the headline and the
// first body paragraph, or the nearest <article> or <main> of the one
// found, or nil when that is the whole page.
func (l *layout) findContainer() *html.Node {
	var c *html.Node
	switch {
	case l.headline != nil && l.bodyStart != nil:
		c = commonAncestor(l.headline, l.bodyStart)
	case l.headline != nil || l.bodyStart != nil:
		n := l.headline
		if n == nil {
			n = l.bodyStart
		}
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && (p.DataAtom == atom.Article || p.DataAtom == atom.Main) {
				c = p
				break
			}
		}
	}
	if c == nil || c.Type != html.ElementNode || c.DataAtom == atom.Body || c.DataAtom == atom.Html {
		return nil
	}
	return c
}

func commonAncestor(a, b *html.Node) *html.Node {
	seen := map[*html.Node]bool{}
	for n := a; n != nil; n = n.Parent {
		seen[n] = true
	}
	for n := b; n != nil; n = n.Parent {
		if seen[n] {
			return n
		}
	}
	return nil
}

// holdsArticle reports whether n is, or holds, the headline, the first
// body paragraph or the container: such an element is never chrome.
func (l *layout) holdsArticle(n *html.Node) bool {
	for _, a := range []*html.Node{l.headline, l.bodyStart, l.container} {
		for p := a; p != nil; p = p.Parent {
			if p == n {
				return true
			}
		}
	}
	return false
}

// inContainer reports whether n lies inside the article container.
func (l *layout) inContainer(n *html.Node) bool {
	if l.container == nil {
		return false
	}
	for p := n; p != nil; p = p.Parent {
		if p == l.container {
			return true
		}
	}
	return false
}

// inChrome reports whether n lies inside page chrome.
func (l *layout) inChrome(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if l.chrome[p] {
			return true
		}
	}
	return false
}

// inScope reports whether n is where article metadata may be read: inside
// the container when one is known, and never in chrome.
func (l *layout) inScope(n *html.Node) bool {
	if l.container != nil && !l.inContainer(n) {
		return false
	}
	return !l.inChrome(n)
}

var (
	// rxChrome matches class and id values of page chrome: comments,
	// related and popular lists, tickers, sidebars, widgets, footers.
	rxChrome = regexp.MustCompile(`(?i)comment|commentaire|reaction|related|ticker|breaking|sidebar|widget|footer|marquee|trending|popular|most-?read|plus-?lus|lire-?aussi|a-lire|alire|read-?more|more-?stories|teaser|recommend|outbrain|taboola|newsletter|disqus|similar|connexe|(?:^|[-_\s])(?:nav|navbar|navigation|menu|flash|flash-?info|latest|derni[eè]res?|today|aujourdhui|date-?du-?jour|current-?date|une|a-la-une|share|social|breadcrumbs?|fil|cookies?|gdpr|pub|ads?|advert\w*|promo|banner)(?:$|[-_\s])`)
	// rxHeaderChrome matches class and id values of a page header.
	rxHeaderChrome = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:header|masthead|top-?bar|topbar|site-?head)(?:$|[-_\s])`)
	// rxCommentHead matches the heading of a comment section.
	rxCommentHead = regexp.MustCompile(`(?i)^(?:\d+\s+)?(?:commentaires?|comments?|réactions?|reactions?|vos\s+réactions|vos\s+commentaires|laisser\s+un\s+commentaire|laissez\s+un\s+commentaire|ajouter\s+un\s+commentaire|réagir|réagissez|donnez\s+votre\s+avis|leave\s+a\s+(?:comment|reply)|join\s+the\s+discussion|discussion)\b`)
)

// markChrome records the roots of the page chrome: navigation, asides,
// footers and marquees; page headers that do not hold the headline;
// elements whose class or id names them as chrome; blocks headed by
// "Lire aussi", "Les plus lus" or "Commentaires"; and lists of links.
// Nothing that holds the article is chrome.
func (l *layout) markChrome(doc *html.Node) {
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if l.isChromeElement(n) && !l.holdsArticle(n) {
				l.chrome[n] = true
				return
			}
			switch n.DataAtom {
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				l.markHeadedBlock(n)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
}

func (l *layout) isChromeElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Head:
		return false
	case atom.Nav, atom.Aside, atom.Footer, atom.Marquee, atom.Menu, atom.Dialog, atom.Form:
		return true
	case atom.Header:
		return !l.inContainer(n)
	case atom.Ul, atom.Ol:
		if isLinkList(n) {
			return true
		}
	}
	class, _ := attr(n, "class")
	id, _ := attr(n, "id")
	if rxChrome.MatchString(class) || rxChrome.MatchString(id) {
		return true
	}
	return (rxHeaderChrome.MatchString(class) || rxHeaderChrome.MatchString(id)) && !l.inContainer(n)
}

// markHeadedBlock marks as chrome the block a related-links or comments
// heading h opens: its parent, or, when the parent holds the article, the
// heading and the element after it.
func (l *layout) markHeadedBlock(h *html.Node) {
	t := strings.TrimSpace(strings.Trim(cleanSpace(textOf(h)), " .…:!|»>•·-–—"))
	if t == "" || wordCount(t) > 8 {
		return
	}
	t = strings.TrimSpace(rxCount.ReplaceAllString(t, ""))
	if !rxRelatedHead.MatchString(t) && !rxCommentHead.MatchString(t) {
		return
	}
	if p := h.Parent; p != nil && p.Type == html.ElementNode && !l.holdsArticle(p) {
		l.chrome[p] = true
		return
	}
	l.chrome[h] = true
	for s := h.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			if !l.holdsArticle(s) {
				l.chrome[s] = true
			}
			return
		}
	}
}

// rxCount matches a trailing count such as "(3)".
var rxCount = regexp.MustCompile(`\s*\(\d+\)\s*$`)

// isLinkList reports whether a list is a list of links (teasers, related
// articles): at least two items, each holding a link, and most of its
// text in links.
func isLinkList(n *html.Node) bool {
	items, linked := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		items++
		if len(elements(c, atom.A)) > 0 {
			linked++
		}
	}
	if items < 2 || linked < items {
		return false
	}
	all, inLinks := textLen(n, false), 0
	for _, a := range elements(n, atom.A) {
		inLinks += textLen(a, false)
	}
	return all > 0 && float64(inLinks) >= 0.6*float64(all)
}

// zone ranks where n lies relative to the article: 0 between the headline
// and the body (the byline zone), 1 before the headline, 2 after the start
// of the body. Without a headline, everything before the body is zone 0.
func (l *layout) zone(n *html.Node) int {
	o, ok := l.order[n]
	if !ok {
		return 2
	}
	if l.headline != nil && o < l.order[l.headline] {
		return 1
	}
	if l.bodyStart != nil && o > l.order[l.bodyStart] {
		return 2
	}
	if l.headline == nil && l.bodyStart == nil {
		return 2
	}
	return 0
}

// maxKickerLabelWords bounds the length of a kicker label above the
// headline.
const maxKickerLabelWords = 6

// kickers returns the short labels just before the headline in its
// parent: a kicker, a section badge.
func (l *layout) kickers() []string {
	if l.headline == nil {
		return nil
	}
	var out []string
	n := 0
	for s := l.headline.PrevSibling; s != nil && n < 3; s = s.PrevSibling {
		if s.Type != html.ElementNode {
			continue
		}
		n++
		if t := cleanSpace(textOf(s)); t != "" && wordCount(t) <= maxKickerLabelWords {
			out = append(out, t)
		}
	}
	return out
}

// headingText returns the text of the headline, or "".
func (l *layout) headingText() string {
	if l.headline == nil {
		return ""
	}
	return cleanSpace(textOf(l.headline))
}
