package htmlpage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphs flattens an extracted content tree into paragraphs: one per
// block element (paragraph, heading, list item, quote, table row...), and
// one per run of text split by <br>. Whitespace inside a paragraph is
// collapsed to single spaces; figure captions and scripts are skipped.
func paragraphs(root *html.Node) []string {
	w := paraWriter{}
	w.walk(root)
	w.flush()
	return w.out
}

type paraWriter struct {
	out []string
	cur strings.Builder
}

func (w *paraWriter) flush() {
	s := strings.Join(strings.Fields(w.cur.String()), " ")
	w.cur.Reset()
	if s != "" {
		w.out = append(w.out, s)
	}
}

// text appends a text node. trafilatura trims the text around the inline
// elements it keeps or strips ("for <a>Larry</a>" becomes "for" and
// "Larry"), so adjacent text nodes are joined with a space, as its own
// plain-text output does, unless punctuation or an apostrophe shows they
// belong together.
func (w *paraWriter) text(s string) {
	if s == "" {
		return
	}
	if w.cur.Len() > 0 {
		prev, _ := utf8.DecodeLastRuneInString(w.cur.String())
		next, _ := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(prev) && !unicode.IsSpace(next) &&
			!strings.ContainsRune(noSpaceAfter, prev) && !strings.ContainsRune(noSpaceBefore, next) {
			w.cur.WriteByte(' ')
		}
	}
	w.cur.WriteString(s)
}

const (
	noSpaceAfter  = "([{“‘'’/-– "
	noSpaceBefore = ",.;:!?)]}”’'%…/-– "
)

func (w *paraWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
		// Nodes built by trafilatura carry the tag name only, no atom.
		a := n.DataAtom
		if a == 0 {
			a = atom.Lookup([]byte(strings.ToLower(n.Data)))
		}
		switch a {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figcaption,
			atom.Button, atom.Select, atom.Textarea, atom.Iframe, atom.Svg:
			return
		case atom.Br, atom.Hr:
			w.flush()
			return
		case atom.Td, atom.Th:
			w.cur.WriteByte(' ')
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.cur.WriteByte(' ')
			return
		}
		if isBlock(a) {
			w.flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				w.walk(c)
			}
			w.flush()
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Aside, atom.Nav,
		atom.Figure, atom.Main, atom.Body, atom.Html, atom.Address, atom.Details,
		atom.Summary, atom.Form, atom.Fieldset, atom.Center:
		return true
	}
	return false
}
