package htmlpage

import (
	nurl "net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-shiori/dom"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"github.com/veille-news/veille"
	"golang.org/x/net/html"
)

// articleMetadata fills the metadata fields of an article from
// trafilatura's metadata, with veille's own rules for the URL and authors.
func articleMetadata(doc *html.Node, md trafilatura.Metadata, opts Options) veille.Article {
	a := veille.Article{
		Authors:    splitAuthors(md.Author),
		URL:        pageURL(doc, md.URL, opts.URL),
		Tags:       cleanTags(md.Tags),
		Categories: cleanTags(md.Categories),
	}
	a.Site = siteName(md.Sitename, a.URL)
	a.Title = stripSiteFromTitle(cleanSpace(md.Title), a.Site)
	return a
}

// socialHosts are hosts whose URL in a publisher field names a social
// profile, not the site.
var socialHosts = []string{"facebook.com", "twitter.com", "x.com", "instagram.com", "linkedin.com", "youtube.com", "t.me", "tiktok.com"}

// siteName cleans trafilatura's site name: the first of repeated values,
// and a URL turned into its host, or into the article's host when it is a
// social profile.
func siteName(site, articleURL string) string {
	site = cleanSpace(site)
	if i := strings.Index(site, "; "); i >= 0 {
		site = site[:i]
	}
	if !strings.HasPrefix(site, "http://") && !strings.HasPrefix(site, "https://") {
		return site
	}
	host := ""
	if u, err := nurl.Parse(site); err == nil {
		host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	for _, s := range socialHosts {
		if host == s || strings.HasSuffix(host, "."+s) {
			host = ""
			if u, err := nurl.Parse(articleURL); err == nil {
				host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
			}
			break
		}
	}
	return host
}

// rxTitleSep splits a "headline - site" title at its last separator.
var rxTitleSep = regexp.MustCompile(`^(.+?)\s+[-–—|:•·»]\s+([^-–—|:•·»]+)$`)

// stripSiteFromTitle removes a trailing " - Site" or " | Site" from the
// title when it names the site.
func stripSiteFromTitle(title, site string) string {
	m := rxTitleSep.FindStringSubmatch(title)
	if m == nil || site == "" {
		return title
	}
	tail, s := normKey(m[2]), normKey(site)
	if tail != "" && (tail == s || strings.HasPrefix(s, tail) || strings.HasPrefix(tail, s)) {
		return strings.TrimSpace(m[1])
	}
	return title
}

// pageURL returns the canonical link, else og:url, else trafilatura's URL,
// else the URL given, each resolved against the given URL when relative.
// Only absolute http(s) URLs are returned.
func pageURL(doc *html.Node, mdURL, given string) string {
	base, _ := nurl.Parse(strings.TrimSpace(given))
	var cands []string
	for _, n := range dom.QuerySelectorAll(doc, `link[href]`) {
		if rels := strings.Fields(strings.ToLower(dom.GetAttribute(n, "rel"))); slices.Contains(rels, "canonical") {
			cands = append(cands, dom.GetAttribute(n, "href"))
		}
	}
	for _, n := range dom.QuerySelectorAll(doc, `meta[content]`) {
		if strings.EqualFold(strings.TrimSpace(dom.GetAttribute(n, "property")), "og:url") ||
			strings.EqualFold(strings.TrimSpace(dom.GetAttribute(n, "name")), "og:url") {
			cands = append(cands, dom.GetAttribute(n, "content"))
		}
	}
	cands = append(cands, mdURL, given)
	for _, c := range cands {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := nurl.Parse(c)
		if err != nil {
			continue
		}
		if !u.IsAbs() && base != nil && base.IsAbs() {
			u = base.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

var (
	// rxAuthorSplit separates the names of a byline list.
	rxAuthorSplit = regexp.MustCompile(`(?i)\s*(?:[,;/|&]|\s(?:and|et|und)\s)\s*`)
	// rxBylinePrefix is the word that introduces a byline.
	rxBylinePrefix = regexp.MustCompile(`(?i)^(?:par|by|von|por|written by|écrit par|propos recueillis par)\s+`)
)

// splitAuthors splits trafilatura's author string into names, dropping
// byline words, duplicates and entries too long to be a name.
func splitAuthors(s string) []string {
	var out []string
	for _, p := range rxAuthorSplit.Split(s, -1) {
		p = cleanSpace(rxBylinePrefix.ReplaceAllString(cleanSpace(p), ""))
		p = strings.Trim(p, " .:-–—")
		if p == "" || utf8.RuneCountInString(p) > 60 || len(strings.Fields(p)) > 6 || !isName(p) {
			continue
		}
		if !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, p) }) {
			out = append(out, p)
		}
	}
	return out
}

var rxMonth = regexp.MustCompile(`(?i)^(?:jan|feb|fév|fev|mar|apr|avr|may|mai|jun|juin|jul|juil|aug|août|aou|sep|sept|oct|nov|dec|déc)[a-zéû]*\.?$`)

// isName rejects byline fragments that are not names: dates, months,
// numbers, e-mail addresses.
func isName(p string) bool {
	if rxMonth.MatchString(p) || strings.Contains(p, "@") {
		return false
	}
	for _, r := range p {
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// rxMachineTag matches CMS-internal tags: "@post-id:1", "_no-apple-news",
// "source:tagname:…".
var rxMachineTag = regexp.MustCompile(`^[@_#]|^[\w-]+:[\w-]+`)

// cleanTags drops CMS-internal tags and duplicates.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range dedupe(tags) {
		if !rxMachineTag.MatchString(t) {
			out = append(out, t)
		}
	}
	return out
}

// dedupe trims the entries of list and drops empty and repeated ones,
// case-insensitively, keeping the first spelling.
func dedupe(list []string) []string {
	var out []string
	for _, s := range list {
		s = cleanSpace(s)
		if s == "" || slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, s) }) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// cleanSpace collapses whitespace runs to single spaces and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// languageHint returns the primary language subtag the page declares: the
// lang of <html>, else a content-language or language meta, else
// og:locale. It returns "" when none is declared or the value is not a
// language tag.
func languageHint(doc *html.Node) string {
	var cands []string
	if n := dom.QuerySelector(doc, "html"); n != nil {
		cands = append(cands, dom.GetAttribute(n, "lang"), dom.GetAttribute(n, "xml:lang"))
	}
	for _, n := range dom.QuerySelectorAll(doc, "meta[content]") {
		key := strings.ToLower(strings.TrimSpace(dom.GetAttribute(n, "http-equiv") + dom.GetAttribute(n, "name") + dom.GetAttribute(n, "property")))
		switch key {
		case "content-language", "language", "dc.language", "og:locale":
			cands = append(cands, dom.GetAttribute(n, "content"))
		}
	}
	for _, c := range cands {
		if l := primaryLang(c); l != "" {
			return l
		}
	}
	return ""
}

var rxLangTag = regexp.MustCompile(`^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$`)

// primaryLang returns the lower-case primary subtag of a language tag
// ("fr-FR", "fr_FR" → "fr"), or "" if s is not one. For a list ("fr, en")
// the first entry counts.
func primaryLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	m := rxLangTag.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1])
}
