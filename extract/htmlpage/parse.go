package htmlpage

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxOpenTags is how deep the flattening pass lets start tags nest. The
// x/net/html parser refuses documents whose open-element stack exceeds 512.
const maxOpenTags = 256

// parse parses page, already UTF-8, into a DOM tree. It calls html.Parse
// directly: dom.Parse would guess the charset again and could mangle it. A page nested too deeply for the
// parser is retried once after flattenDeep dropped the excess tags.
func parse(page string) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err == nil {
		return doc, nil
	}
	doc, err2 := html.Parse(strings.NewReader(flattenDeep(page)))
	if err2 != nil {
		return nil, fmt.Errorf("htmlpage: parse: %w", err)
	}
	return doc, nil
}

// flattenDeep re-serialises page with every start tag past maxOpenTags
// levels of naive nesting dropped, keeping all text. Counting ignores the
// implicit closing HTML allows, so it overestimates depth: it only drops
// more tags than needed, never too few.
func flattenDeep(page string) string {
	var b strings.Builder
	b.Grow(len(page))
	z := html.NewTokenizer(strings.NewReader(page))
	depth := 0
	dropped := map[string]int{}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return b.String()
		case html.StartTagToken:
			t := z.Token()
			if isVoid(t.DataAtom) {
				b.WriteString(t.String())
				continue
			}
			if depth >= maxOpenTags {
				dropped[t.Data]++
				continue
			}
			depth++
			b.WriteString(t.String())
		case html.EndTagToken:
			t := z.Token()
			if dropped[t.Data] > 0 {
				dropped[t.Data]--
				continue
			}
			if depth > 0 {
				depth--
			}
			b.WriteString(t.String())
		default:
			b.Write(z.Raw())
		}
	}
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
