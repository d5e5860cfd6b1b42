package htmlpage

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Thresholds for a continuation block of a split article body.
const (
	minContinuationWords = 50 // words in the block
	minLongParagraph     = 25 // words in its longest <p>
	maxKnownShare        = 0.5
)

// continuation finds the rest of an article body that the page splits
// into several sibling containers of the same class (around ads or
// embeds), of which trafilatura keeps the first. It locates the container
// of the extracted paragraphs in doc, collects the other elements with the
// same tag and class, and returns the paragraphs of those that read as
// body text (a long <p>, enough words) and are mostly new, in document
// order, split before and after the extracted block.
func continuation(doc *html.Node, paras []string) (before, after []string) {
	anchor := findParagraph(doc, paras)
	if anchor == nil {
		return nil, nil
	}
	var box *html.Node
	for n := anchor.Parent; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if c, _ := attr(n, "class"); strings.TrimSpace(c) != "" && (n.DataAtom == atom.Div || n.DataAtom == atom.Section) {
			box = n
			break
		}
	}
	if box == nil {
		return nil, nil
	}
	class, _ := attr(box, "class")
	known := map[string]bool{}
	for _, p := range paras {
		known[normKey(p)] = true
	}
	seenBox := false
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n == box {
			seenBox = true
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == box.DataAtom {
			if c, _ := attr(n, "class"); c == class {
				if ps := bodyBlock(n, known); ps != nil {
					if seenBox {
						after = append(after, ps...)
					} else {
						before = append(before, ps...)
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	return before, after
}

// bodyBlock returns the paragraphs of n if they read as article text that
// is mostly not among the known paragraphs, else nil.
func bodyBlock(n *html.Node, known map[string]bool) []string {
	ps := paragraphs(n)
	words, longest, fresh := 0, 0, 0
	for _, p := range ps {
		w := wordCount(p)
		words += w
		if !known[normKey(p)] {
			fresh += w
		}
	}
	for _, p := range elements(n, atom.P) {
		longest = max(longest, wordCount(textOf(p)))
	}
	if words < minContinuationWords || longest < minLongParagraph || float64(fresh) < (1-maxKnownShare)*float64(words) {
		return nil
	}
	return ps
}

// findParagraph returns the <p> of doc whose text is the longest of paras.
func findParagraph(doc *html.Node, paras []string) *html.Node {
	longest := ""
	for _, p := range paras {
		if len(p) > len(longest) {
			longest = p
		}
	}
	if wordCount(longest) < minLongParagraph {
		return nil
	}
	key := normKey(longest)
	for _, p := range elements(doc, atom.P) {
		if normKey(textOf(p)) == key {
			return p
		}
	}
	return nil
}

func elements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	var visit func(*html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == a {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return out
}

func textOf(n *html.Node) string { return strings.Join(paragraphs(n), " ") }
