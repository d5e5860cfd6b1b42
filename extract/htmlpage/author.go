package htmlpage

import (
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var (
	// rxBylineClass matches class, id, itemprop and rel values of byline
	// elements.
	rxBylineClass = regexp.MustCompile(`(?i)author|auteur|byline|signature|writer|journaliste|r[ée]dacteur|par-?ligne`)
	// rxNotByline matches classes of author elements that are not the
	// byline: comment authors, biographies, avatars.
	rxNotByline = regexp.MustCompile(`(?i)comment|bio|avatar|descr|about|photo|image|img|social|follow|contact|more|other`)
	// rxBylineCut matches what follows the names in a byline: a separator,
	// a date or its label.
	rxBylineCut = regexp.MustCompile(`(?i)\s[·|•–—-]\s|[·|•]|\s-\s|\d|,?\s+(?:le|on|publié|publiée|published|posted|mis\s+à\s+jour|updated|il\s+y\s+a)\s|\s(?:view|see|read|voir|lire)\s+(?:more|all|tous|toutes|ses|les|plus)\b|\s(?:more\s+from|plus\s+d'articles|tous\s+ses\s+articles)\b`)
	// rxGenericAuthor matches bylines that name no person.
	rxGenericAuthor = regexp.MustCompile(`(?i)^(?:la\s+)?r[ée]daction$|^admin(?:istrat(?:or|eur))?$|^staff$|^editor$|^éditeur$|^webmaster$|^anonym(?:e|ous)$|^invité$|^guest$|^contributor$|^contributeur$`)
)

// fallbackAuthors finds the authors of an article when trafilatura found
// none: the byline elements of the article (class, id or itemprop naming
// an author, byline or signature; rel=author), those of the byline zone
// first; else the authors of the JSON-LD article; else meta name=author.
// Names are stripped of "Par" and "By", and a name that is the site's, a
// placeholder ("Rédaction", "admin") or in a comment is refused.
func fallbackAuthors(doc *html.Node, l *layout, ld ldArticle, site string) []string {
	valid := func(names []string) []string {
		var out []string
		for _, n := range names {
			if isPersonName(n, site) {
				out = append(out, n)
			}
		}
		return out
	}
	if names := valid(bylineAuthors(doc, l)); len(names) > 0 {
		return names
	}
	var ldNames []string
	for _, a := range ld.authors {
		if !slices.ContainsFunc(ld.publisher, func(p string) bool { return normKey(p) == normKey(a) }) {
			ldNames = append(ldNames, a) // the publisher is not an author
		}
	}
	if names := valid(splitAuthors(strings.Join(ldNames, ", "))); len(names) > 0 {
		return names
	}
	for _, n := range elements(doc, atom.Meta) {
		key := strings.ToLower(strings.TrimSpace(attrOf(n, "name") + attrOf(n, "property")))
		switch key {
		case "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author", "parsely-author", "byl":
			c := attrOf(n, "content")
			if strings.Contains(c, "://") {
				continue
			}
			if names := valid(splitAuthors(c)); len(names) > 0 {
				return names
			}
		}
	}
	return nil
}

// bylineAuthors returns the names of the first byline element in scope,
// the byline zone (between the headline and the body) first.
func bylineAuthors(doc *html.Node, l *layout) []string {
	type cand struct {
		names       []string
		zone, order int
	}
	var best *cand
	root := doc
	if l.container != nil {
		root = l.container
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type != html.ElementNode || l.chrome[n] {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Head, atom.Figure, atom.Figcaption, atom.Img:
			return
		}
		if isBylineElement(n) && !l.inProse(n) {
			if inner := innerByline(n); inner != nil {
				n = inner
			}
			if names := bylineNames(textOf(n)); len(names) > 0 {
				c := cand{names, l.zone(n), l.order[n]}
				if best == nil || c.zone < best.zone || c.zone == best.zone && c.order < best.order {
					best = &c
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	if best == nil {
		return nil
	}
	return best.names
}

// rxAuthorLink matches the path of an author's page.
var rxAuthorLink = regexp.MustCompile(`(?i)/(?:author|authors|auteur|auteurs|journaliste|journalistes|redacteur|redacteurs|contributor|contributors|writers?|byline)/[^/?#]+/?(?:\.html?)?(?:[?#].*)?$`)

// isBylineElement reports whether n is marked as a byline or an author.
func isBylineElement(n *html.Node) bool {
	if strings.Contains(strings.ToLower(attrOf(n, "rel")), "author") {
		return true
	}
	if n.DataAtom == atom.A && rxAuthorLink.MatchString(attrOf(n, "href")) && wordCount(textOf(n)) <= 5 {
		return !rxNotByline.MatchString(attrOf(n, "class"))
	}
	marks := attrOf(n, "class") + " " + attrOf(n, "id") + " " + attrOf(n, "itemprop")
	return rxBylineClass.MatchString(marks) && !rxNotByline.MatchString(marks)
}

// innerByline returns the innermost author element inside a byline
// ("Par <span class=auteur>Nom</span>"), or nil.
func innerByline(n *html.Node) *html.Node {
	var found *html.Node
	var visit func(c *html.Node)
	visit = func(c *html.Node) {
		for k := c.FirstChild; k != nil && found == nil; k = k.NextSibling {
			if k.Type != html.ElementNode {
				continue
			}
			if isBylineElement(k) || strings.EqualFold(attrOf(k, "itemprop"), "name") {
				if in := innerByline(k); in != nil {
					found = in
				} else {
					found = k
				}
				return
			}
			visit(k)
		}
	}
	visit(n)
	return found
}

// bylineNames reads the names of a byline text: "Par Jean Dupont et
// Awa Traoré · 10 juin 2025" gives the two names.
func bylineNames(s string) []string {
	s = cleanSpace(s)
	if s == "" || wordCount(s) > 30 {
		return nil
	}
	s = rxBylinePrefix.ReplaceAllString(s, "")
	if loc := rxBylineCut.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	return splitAuthors(s)
}

// isPersonName reports whether a name read in the markup can be a
// person's: a short capitalised byline name.
func isPersonName(n, site string) bool {
	n = strings.TrimSpace(n)
	if !isBylineName(n, site) || wordCount(n) > 5 {
		return false
	}
	return unicode.IsUpper([]rune(n)[0])
}

// isBylineName reports whether an author name names someone: not the
// site, not a placeholder such as "La rédaction" or "admin".
func isBylineName(n, site string) bool {
	n = strings.TrimSpace(n)
	if n == "" || rxGenericAuthor.MatchString(n) {
		return false
	}
	if len(n) >= 5 && !strings.ContainsAny(n, " -.'’") && strings.ToUpper(n) == n {
		return false // a code such as a call sign, not a name
	}
	k, s := normKey(n), normKey(site)
	if k == "" {
		return false
	}
	if s != "" && strings.HasPrefix(s, k) {
		return false // the site's short name: "RT" of "RT International"
	}
	// The site's name, or most of it ("Courrier du Fleuve", "Le Courrier
	// du Fleuve - Rédaction").
	return s == "" || k != s && !(strings.Contains(s, k) && 2*len(k) >= len(s)) &&
		!(strings.Contains(k, s) && 2*len(s) >= len(k))
}
