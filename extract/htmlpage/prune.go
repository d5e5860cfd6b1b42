package htmlpage

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rxFurniture matches class and id tokens of page furniture: newsletter
// boxes, related and popular lists, share bars, promotions. trafilatura
// has similar rules, but case-sensitive and limited to some tags.
var rxFurniture = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:newsletter|newsletters|subscribe|subscription|signup|sign-up|abonnement|related|relatedposts|connexes|similar|recommend|recommended|recommendations|popular|most-read|mostread|plus-lus|trending|latest|share|sharing|social|socials|partage|promo|promotion|outbrain|taboola|teaser|teasers|read-more|readmore|lire-aussi|see-also|more-stories|comments?|commentaires|disqus)(?:$|[-_\s])`)

// maxFurnitureShare bounds the share of the page text a pruned element may
// hold: a container with most of the text is the article even when its
// class says "related" or "share".
const maxFurnitureShare = 0.15

// maxParagraphShare bounds the share of the page's <p> text a pruned
// element may hold, for pages whose menus outweigh the article.
const maxParagraphShare = 0.3

// prune removes, before trafilatura runs, the elements the browser would
// not show (hidden attribute, display:none, visibility:hidden) and
// containers whose class or id names them as furniture, unless they hold
// a large share of the page text or an <article> or <main>.
func prune(doc *html.Node) {
	total, totalP := textLen(doc, false), textLen(doc, true)
	if total == 0 {
		return
	}
	var drop []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom != atom.Html && n.DataAtom != atom.Body {
			if isHidden(n) {
				drop = append(drop, n)
				return
			}
			if isFurniture(n) {
				if float64(textLen(n, false)) < maxFurnitureShare*float64(total) &&
					float64(textLen(n, true)) <= maxParagraphShare*float64(totalP) && !hasMain(n) {
					drop = append(drop, n)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

var rxHiddenStyle = regexp.MustCompile(`(?i)(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b`)

func isHidden(n *html.Node) bool {
	if _, ok := attr(n, "hidden"); ok {
		return true
	}
	style, _ := attr(n, "style")
	return rxHiddenStyle.MatchString(style)
}

func isFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Aside, atom.Ul, atom.Ol, atom.Nav, atom.Form, atom.Footer, atom.Header, atom.Figure, atom.Span, atom.P, atom.Li:
	default:
		return false
	}
	class, _ := attr(n, "class")
	id, _ := attr(n, "id")
	return rxFurniture.MatchString(class) || rxFurniture.MatchString(id)
}

func hasMain(n *html.Node) bool {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Article || n.DataAtom == atom.Main) {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasMain(c) {
			return true
		}
	}
	return false
}

// textLen counts the visible characters under n, scripts and styles
// excluded; with inP, only those inside <p> elements.
func textLen(n *html.Node, inP bool) int {
	switch {
	case n.Type == html.TextNode:
		if inP {
			return 0
		}
		return utf8.RuneCountInString(strings.TrimSpace(n.Data))
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript):
		return 0
	case n.Type == html.ElementNode && n.DataAtom == atom.P && inP:
		return textLen(n, false)
	}
	l := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		l += textLen(c, inP)
	}
	return l
}
