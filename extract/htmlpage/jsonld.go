package htmlpage

import (
	"encoding/json"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// articleTypes are the schema.org types of an article; pageTypes those of
// a web page, whose dates are used when no article object is found.
var (
	articleTypes = map[string]bool{
		"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
		"analysisnewsarticle": true, "opinionnewsarticle": true, "backgroundnewsarticle": true,
		"reviewnewsarticle": true, "asknewsarticle": true, "askpublicnewsarticle": true,
		"socialmediaposting": true, "liveblogposting": true, "report": true, "scholarlyarticle": true,
		"techarticle": true, "satiricalarticle": true, "advertisercontentarticle": true,
		"posting": true, "discussionforumposting": true,
	}
	pageTypes = map[string]bool{"webpage": true, "itempage": true, "aboutpage": true, "collectionpage": true}
)

// maxJSONLD bounds the size of one JSON-LD script read.
const maxJSONLD = 1 << 20

// ldArticle is the JSON-LD object describing the page's article.
type ldArticle struct {
	published, modified         string // the dates of the Article object, if any
	pagePublished, pageModified string // the dates of the WebPage object, if any
	authors, publisher          []string
}

// jsonLDArticle returns the JSON-LD object of the page's article: among
// the top-level objects, those of a @graph and the mainEntity of a page,
// the Article (NewsArticle, BlogPosting...) whose headline is the title,
// else the first Article, else the first WebPage. Scripts in the page
// chrome (a related article's markup) are ignored, and so is invalid JSON.
func jsonLDArticle(doc *html.Node, l *layout, title string) (ldArticle, bool) {
	var arts, pages []map[string]any
	for _, s := range elements(doc, atom.Script) {
		if !strings.Contains(strings.ToLower(attrOf(s, "type")), "ld+json") || l != nil && l.inChrome(s) {
			continue
		}
		var b strings.Builder
		for c := s.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		if b.Len() > maxJSONLD {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(b.String())), &v); err != nil {
			// Raw line breaks and tabs inside strings are the usual
			// fault of hand-made JSON-LD; outside strings they are
			// blanks anyway.
			if err := json.Unmarshal([]byte(rxControl.ReplaceAllString(b.String(), " ")), &v); err != nil {
				continue
			}
		}
		collectLD(v, 0, &arts, &pages)
	}
	pick := func(objs []map[string]any) (map[string]any, bool) {
		t := normKey(title)
		for _, o := range objs {
			if h := normKey(ldString(o["headline"])); t != "" && h != "" && (h == t || strings.HasPrefix(t, h) || strings.HasPrefix(h, t)) {
				return o, true
			}
		}
		if len(objs) > 0 {
			return objs[0], true
		}
		return nil, false
	}
	var a ldArticle
	page, hasPage := pick(pages)
	if hasPage {
		a.pagePublished, a.pageModified = ldString(page["datePublished"]), ldString(page["dateModified"])
	}
	o, ok := pick(arts)
	if ok {
		a.published, a.modified = ldString(o["datePublished"]), ldString(o["dateModified"])
		if a.published == "" {
			a.published = ldString(o["dateCreated"])
		}
	} else if o, ok = page, hasPage; !ok {
		return ldArticle{}, false
	}
	a.publisher = ldNames(o["publisher"])
	a.authors = ldNames(o["author"])
	if len(a.authors) == 0 {
		a.authors = ldNames(o["creator"])
	}
	return a, true
}

// collectLD gathers the article and page objects of a JSON-LD value: the
// value itself or the items of an array, the items of a @graph, and the
// mainEntity of a page.
func collectLD(v any, depth int, arts, pages *[]map[string]any) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectLD(e, depth+1, arts, pages)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			collectLD(g, depth+1, arts, pages)
		}
		switch {
		case ldIs(x, articleTypes):
			*arts = append(*arts, x)
		case ldIs(x, pageTypes):
			*pages = append(*pages, x)
			if m, ok := x["mainEntity"]; ok {
				collectLD(m, depth+1, arts, pages)
			}
		}
	}
}

// ldIs reports whether a JSON-LD object has one of the types.
func ldIs(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[ldType(t)]
	case []any:
		for _, e := range t {
			if s, ok := e.(string); ok && types[ldType(s)] {
				return true
			}
		}
	}
	return false
}

// ldType lower-cases a type and drops a schema.org prefix.
func ldType(t string) string {
	t = strings.ToLower(strings.TrimSpace(t))
	if i := strings.LastIndexAny(t, "/:"); i >= 0 {
		t = t[i+1:]
	}
	return t
}

// ldString returns a JSON-LD value as a string: the string itself, or the
// first string of an array, or the @value of an object.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		return ldString(x["@value"])
	}
	return ""
}

// ldNames returns the names of a JSON-LD author value: a string, a Person
// or Organization object with a name, or an array of them.
func ldNames(v any) []string {
	var out []string
	switch x := v.(type) {
	case string:
		if !strings.HasPrefix(x, "http") {
			out = append(out, x)
		}
	case []any:
		for _, e := range x {
			out = append(out, ldNames(e)...)
		}
	case map[string]any:
		if n := ldString(x["name"]); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// attrOf returns the value of attribute key of n, "" when absent.
func attrOf(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// rxControl matches the control characters JSON forbids in strings.
var rxControl = regexp.MustCompile(`[\x00-\x1f]`)
