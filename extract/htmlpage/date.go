package htmlpage

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/go-shiori/dom"
	htmldate "github.com/markusmobius/go-htmldate"
	"github.com/veille-news/veille"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Values of Article.PublishedFrom: where the publication date was read.
const (
	FromMeta        = "meta"         // a <meta> element or microdata attribute (article:published_time, itemprop...)
	FromJSONLD      = "json-ld"      // a JSON-LD script (datePublished)
	FromURL         = "url"          // the /yyyy/mm/dd/ path of the page URL
	FromTimeElement = "time-element" // a <time> element
	FromAbbr        = "abbr"         // an <abbr> element (hCard/hAtom markup)
	FromByline      = "byline"       // a date written in the article's byline or date line
	FromText        = "text"         // a date written in the page text
)

// dateCand is a date found by one of the strategies, with its source.
type dateCand struct {
	date veille.Date
	from string
}

// setDates fills Published, PublishedFrom and Updated. It trusts
// article-scoped, structured signals before heuristics, in this order:
//
//  1. the JSON-LD object of the article (NewsArticle, Article,
//     BlogPosting..., also inside @graph): datePublished and
//     dateModified;
//  2. meta elements: article:published_time, og:article:published_time,
//     itemprop datePublished, DC.date.issued, pubdate... and their
//     modified counterparts;
//  3. date elements of the article: a <time>, an element with itemprop
//     datePublished or a class naming a date (published, entry-date,
//     date...), inside the article container and out of the chrome, the
//     byline zone between the headline and the body first; then dates
//     written in the text of short elements of the byline zone;
//  4. htmldate, run on a copy of the page reduced to its head and its
//     article, with the chrome, captions and paragraphs of running text
//     removed (their dates are events, not the publication).
//
// The dates of a JSON-LD WebPage object come after the article's own
// signals of steps 2 and 3: they date the page, not always the article.
// When none gives a date, the date stays unknown. A finer date of a later
// source that agrees with the chosen one refines it ("2025-06-10" in
// JSON-LD, "2025-06-10T09:30" in the byline). Which date is an update is
// told by its key, class or label ("Mis à jour le"). Updated is read from
// the same structured sources, else from htmldate when the publication
// date came from it, and is kept only when it is after Published. A page
// that states only an update time gets no publication date.
func setDates(doc *html.Node, l *layout, ld ldArticle, hasLD bool, a *veille.Article, opts Options) {
	u := opts.URL
	if u == "" {
		u = a.URL
	}
	var pubs, upds []dateCand
	addLD := func(pub, upd string) {
		if d, ok := parseStated(pub); ok {
			pubs = append(pubs, dateCand{d, FromJSONLD})
		}
		if d, ok := parseStated(upd); ok {
			upds = append(upds, dateCand{d, FromJSONLD})
		}
	}
	if hasLD {
		addLD(ld.published, ld.modified)
	}
	mp, mu := metaDates(doc, l)
	pubs, upds = append(pubs, mp...), append(upds, mu...)
	ep, eu := elementDates(doc, l)
	pubs, upds = append(pubs, ep...), append(upds, eu...)
	if hasLD {
		// The WebPage object dates the page, which is the article's
		// page only most of the time.
		addLD(ld.pagePublished, ld.pageModified)
	}

	var pub, upd dateCand
	if len(upds) > 0 {
		upd = refine(upds)
	}
	if len(pubs) > 0 {
		pub = refine(pubs)
	} else {
		red := reducedDocument(doc, l)
		if f, ok := findDate(red, u, true); ok {
			switch {
			case rxUpdateWords.MatchString(f.src) && !rxPublishWords.MatchString(f.src):
				// "Mis à jour le ...": a page that only states an
				// update time has no publication date.
				if upd.date.IsZero() {
					upd = dateCand{f.date, dateSource(red, f.src, u)}
				}
			case !upd.date.IsZero() && sameDay(f.date, upd.date):
				// The update time again (a Last-Modified meta).
			default:
				pub = dateCand{f.date, dateSource(red, f.src, u)}
				if g, ok := findDate(red, u, false); ok && upd.date.IsZero() {
					upd = dateCand{g.date, dateSource(red, g.src, u)}
				}
			}
		}
	}
	a.Published, a.PublishedFrom = pub.date, pub.from
	if pub.date.IsZero() {
		a.PublishedFrom = ""
	}
	if !upd.date.IsZero() && (pub.date.IsZero() ||
		upd.date.Time.After(pub.date.Time) && upd.date.String() != pub.date.String()) {
		a.Updated = upd.date
	}
}

// sameDay reports whether two dates fall on the same day, or the same
// month or year when one of them is that coarse.
func sameDay(a, b veille.Date) bool {
	p := min(a.Precision, b.Precision, veille.PrecisionDay)
	return veille.NewDate(a.Time, p) == veille.NewDate(b.Time, p)
}

// refine returns the first candidate, at the finest precision a later
// candidate that agrees with it at its own precision states.
func refine(cands []dateCand) dateCand {
	best := cands[0]
	for _, c := range cands[1:] {
		if c.date.Precision > best.date.Precision &&
			veille.NewDate(c.date.Time, best.date.Precision) == best.date {
			best = c
		}
	}
	return best
}

// Meta keys (name, property or itemprop, lower case) that state the
// publication and the update time, most trusted first.
var (
	metaPublished = []string{
		"article:published_time", "og:article:published_time", "og:published_time", "article:published",
		"datepublished", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
		"datecreated", "pubdate", "publishdate", "publish-date", "publish_date", "published_time",
		"published-date", "publication_date", "publication-date", "article.published",
		"article_date_original", "original-publish-date", "sailthru.date", "parsely-pub-date",
		"cxenseparse:recs:publishtime", "dc.date", "dcterms.date", "date",
	}
	metaModified = []string{
		"article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
		"datemodified", "dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
		"modified", "article.updated", "updated_time",
	}
)

// metaDates returns the dates of the page's meta elements, most trusted
// key first. A meta of the body counts only out of the chrome.
func metaDates(doc *html.Node, l *layout) (pubs, upds []dateCand) {
	type found struct {
		rank int
		d    veille.Date
	}
	var ps, us []found
	for _, n := range elements(doc, atom.Meta) {
		content := attrOf(n, "content")
		if content == "" {
			content = attrOf(n, "datetime")
		}
		if strings.TrimSpace(content) == "" {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(attrOf(n, "property") + attrOf(n, "name") + attrOf(n, "itemprop")))
		if key == "" {
			continue
		}
		if l != nil && !inHead(n) && l.inChrome(n) {
			continue
		}
		if r := indexOf(metaPublished, key); r >= 0 {
			if d, ok := parseStated(content); ok {
				ps = append(ps, found{r, d})
			}
		} else if r := indexOf(metaModified, key); r >= 0 {
			if d, ok := parseStated(content); ok {
				us = append(us, found{r, d})
			}
		}
	}
	sortFound := func(fs []found) []dateCand {
		var out []dateCand
		for r := 0; r < max(len(metaPublished), len(metaModified)); r++ {
			for _, f := range fs {
				if f.rank == r {
					out = append(out, dateCand{f.d, FromMeta})
				}
			}
		}
		return out
	}
	return sortFound(ps), sortFound(us)
}

func indexOf(list []string, s string) int {
	for i, e := range list {
		if e == s {
			return i
		}
	}
	return -1
}

func inHead(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.DataAtom == atom.Head {
			return true
		}
	}
	return false
}

var (
	// rxDateClass matches class, id and itemprop values of elements that
	// hold a date.
	rxDateClass = regexp.MustCompile(`(?i)(?:^|[-_\s])(?:date|dates|dateline|datetime|time|timestamp|published|publish|publication|pubdate|posted|posted-?on|post-?date|entry-?date|article-?date|date-?published|datepublished|datecreated|datemodified|updated|modified|byline|signature|meta|entry-?meta|post-?meta|article-?meta|info|infos)(?:$|[-_\s])`)
	// rxPublishedClass and rxUpdatedClass tell a publication date from an
	// update date by class, id or itemprop.
	rxPublishedClass = regexp.MustCompile(`(?i)publi|pubdate|posted|post-?date|entry-?date|created|dateline`)
	rxUpdatedClass   = regexp.MustCompile(`(?i)updated|modified|maj\b|mise-?a-?jour|mis-?a-?jour|last-?mod|revised`)
	// rxUpdateWords and rxPublishWords are the words that announce a date.
	rxUpdateWords  = regexp.MustCompile(`(?i)(?:mis\s+à\s+jour|mise\s+à\s+jour|\bmàj\b|\bmaj\b|modifié|actualisé|updated|modified|last\s+update|révisé)`)
	rxPublishWords = regexp.MustCompile(`(?i)(?:publié|publiée|paru|posted|published|créé)`)
)

// elemCand is a date found in an element of the article, ranked by where
// the element is (byline zone first), then by how explicitly it is a
// publication date, then by document order.
type elemCand struct {
	dateCand
	zone, rank, order int
}

// elementDates returns the publication and update dates stated by date
// elements in scope: <time>, <abbr> of hAtom markup, elements with an
// itemprop date, and elements whose class names a date, whose text is
// then read. Elements inside prose paragraphs and captions are skipped:
// their dates are what the article tells, not when it was published.
func elementDates(doc *html.Node, l *layout) (pubs, upds []dateCand) {
	var ps, us []elemCand
	root := doc
	if l.container != nil {
		root = l.container
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Figure, atom.Figcaption, atom.Head:
			return
		}
		if l.chrome[n] {
			return
		}
		if p, u, ok := l.dateOf(n); ok {
			ps, us = append(ps, p...), append(us, u...)
			return
		}
		if p, u := l.bylineTextDates(n); len(p)+len(u) > 0 {
			ps, us = append(ps, p...), append(us, u...)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(root)
	sortCands := func(cs []elemCand) []dateCand {
		for i := 1; i < len(cs); i++ {
			for j := i; j > 0 && less(cs[j], cs[j-1]); j-- {
				cs[j], cs[j-1] = cs[j-1], cs[j]
			}
		}
		out := make([]dateCand, len(cs))
		for i, c := range cs {
			out[i] = c.dateCand
		}
		return out
	}
	return sortCands(ps), sortCands(us)
}

func less(a, b elemCand) bool {
	if a.zone != b.zone {
		return a.zone < b.zone
	}
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	return a.order < b.order
}

// dateOf reads the dates element n states, if it is a date element: a
// <time>, an <abbr> with a title, an element with an itemprop date, or a
// short element whose class names a date and holds no other date element.
func (l *layout) dateOf(n *html.Node) (pubs, upds []elemCand, ok bool) {
	itemprop := strings.ToLower(attrOf(n, "itemprop"))
	class := attrOf(n, "class") + " " + attrOf(n, "id")
	isProp := strings.Contains(itemprop, "date")
	var value, from string
	switch {
	case n.DataAtom == atom.Time:
		value, from = attrOf(n, "datetime"), FromTimeElement
	case isProp:
		value, from = attrOf(n, "content"), FromMeta
		if value == "" {
			value = attrOf(n, "datetime")
		}
	case n.DataAtom == atom.Abbr && rxDateClass.MatchString(class) && attrOf(n, "title") != "":
		value, from = attrOf(n, "title"), FromAbbr
	case rxDateClass.MatchString(class) && !hasDateElement(n):
		from = FromByline
	default:
		return nil, nil, false
	}
	if l.inProse(n) {
		return nil, nil, true
	}
	text := cleanSpace(textOf(n))
	var found []statedDate
	fromValue := false
	if d, ok := parseStated(value); ok {
		found, fromValue = []statedDate{{date: d}}, true
	} else if wordCount(text) <= 40 {
		found = datesInText(text)
		if from == FromMeta {
			from = FromByline // microdata on a visible date
		}
	}
	if len(found) == 0 {
		// A date element without a date: look inside it, unless it is
		// itself a leaf such as <time>.
		return nil, nil, from != FromByline
	}
	own := class + " " + itemprop
	ctx := ""
	for p, i := n.Parent, 0; p != nil && i < 2 && p != l.container; p, i = p.Parent, i+1 {
		ctx += " " + attrOf(p, "class") + " " + attrOf(p, "itemprop")
	}
	before := textBefore(n, 40)
	zone, order := l.zone(n), l.order[n]
	for _, f := range found {
		// The label of the date: the text before it, in the element or
		// just before the element.
		label := before + " " + text[:f.start]
		if fromValue {
			label = before + " " + leadingLabel(text)
		}
		c := elemCand{dateCand: dateCand{f.date, from}, zone: zone, order: order, rank: 1}
		switch dateKind(label, own, ctx) {
		case kindPublished:
			c.rank = 0
			pubs = append(pubs, c)
		case kindUpdated:
			upds = append(upds, c)
		default:
			pubs = append(pubs, c)
		}
	}
	return pubs, upds, true
}

// Kinds of dates of an article.
const (
	kindUnknown = iota
	kindPublished
	kindUpdated
)

// dateKind tells a publication date from an update date: by its label
// ("Publié le", "Mis à jour le", the nearest one to the date wins), else
// by the element's own class or itemprop, else by its parents' classes.
func dateKind(label, own, ctx string) int {
	label = label[max(0, len(label)-60):]
	pu, up := lastIndex(rxPublishWords, label), lastIndex(rxUpdateWords, label)
	switch {
	case up > pu:
		return kindUpdated
	case pu > up:
		return kindPublished
	case rxPublishedClass.MatchString(own):
		return kindPublished
	case rxUpdatedClass.MatchString(own):
		return kindUpdated
	case rxUpdatedClass.MatchString(ctx) && !rxPublishedClass.MatchString(ctx):
		return kindUpdated
	case rxPublishedClass.MatchString(ctx):
		return kindPublished
	}
	return kindUnknown
}

// lastIndex returns the start of the last match of rx in s, or -1.
func lastIndex(rx *regexp.Regexp, s string) int {
	ms := rx.FindAllStringIndex(s, -1)
	if len(ms) == 0 {
		return -1
	}
	return ms[len(ms)-1][0]
}

// leadingLabel returns the words of s before its first digit: the label
// of a date written in an element ("Mis à jour le 07/10/2023").
func leadingLabel(s string) string {
	if i := strings.IndexAny(s, "0123456789"); i >= 0 {
		return s[:i]
	}
	return s
}

// maxBylineWords bounds the length of a byline or date line, and
// maxBylineElements how far after the headline it may be when the body is
// not located.
const (
	maxBylineWords    = 25
	maxBylineElements = 40
)

// bylineTextDates reads the dates written, without date markup, in the
// text of a short element between the headline and the body ("Victor
// Dupont, 18 nov. 2019"). They rank after the marked-up dates.
func (l *layout) bylineTextDates(n *html.Node) (pubs, upds []elemCand) {
	if l.headline == nil || l.zone(n) != 0 {
		return nil, nil
	}
	if l.bodyStart == nil && l.order[n]-l.order[l.headline] > maxBylineElements {
		return nil, nil // without a known body, the zone ends soon after the headline
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
			b.WriteByte(' ')
		}
	}
	own := cleanSpace(b.String())
	if !strings.ContainsAny(own, "0123456789") || wordCount(textOf(n)) > maxBylineWords || l.inProse(n) {
		return nil, nil
	}
	for _, f := range datesInText(own) {
		c := elemCand{dateCand: dateCand{f.date, FromByline}, zone: 0, rank: 2, order: l.order[n]}
		switch dateKind(textBefore(n, 40)+" "+own[:f.start], "", "") {
		case kindUpdated:
			upds = append(upds, c)
		default:
			pubs = append(pubs, c)
		}
	}
	return pubs, upds
}

// hasDateElement reports whether n holds a <time> or an element with an
// itemprop date: the date is then read from that element.
func hasDateElement(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Time || strings.Contains(strings.ToLower(attrOf(c, "itemprop")), "date") ||
			rxDateClass.MatchString(attrOf(c, "class")+" "+attrOf(c, "id")) || hasDateElement(c) {
			return true
		}
	}
	return false
}

// inProse reports whether n sits in a paragraph of running text (more
// than 30 words), where a date is an event the article tells.
func (l *layout) inProse(n *html.Node) bool {
	for p := n; p != nil && p != l.container; p = p.Parent {
		if p.Type != html.ElementNode {
			continue
		}
		switch p.DataAtom {
		case atom.P, atom.Li, atom.Blockquote, atom.Td, atom.Dd:
			return wordCount(textOf(p)) > 30
		}
	}
	return false
}

// textBefore returns up to n bytes of the text that precedes node in its
// parent: the label of a date ("Mis à jour le").
func textBefore(node *html.Node, n int) string {
	var b strings.Builder
	for s := node.PrevSibling; s != nil && b.Len() < n; s = s.PrevSibling {
		t := ""
		if s.Type == html.TextNode {
			t = s.Data
		} else if s.Type == html.ElementNode {
			t = textOf(s)
		}
		b.WriteString(reverseWords(t))
		b.WriteByte(' ')
	}
	return reverseWords(b.String())
}

// reverseWords reverses the order of the words of s, so that text read
// backwards from a node comes out in reading order.
func reverseWords(s string) string {
	f := strings.Fields(s)
	for i, j := 0, len(f)-1; i < j; i, j = i+1, j-1 {
		f[i], f[j] = f[j], f[i]
	}
	return strings.Join(f, " ")
}

// reducedDocument returns a copy of doc for htmldate: its head and its
// article (the container, or the whole body when unknown) with the chrome,
// figures, embedded media, scripts other than JSON-LD and the paragraphs
// of running text removed, so that only the dates of the article's
// metadata and byline remain.
func reducedDocument(doc *html.Node, l *layout) *html.Node {
	cp := dom.Clone(doc, true)
	twin := map[*html.Node]*html.Node{}
	var pair func(a, b *html.Node)
	pair = func(a, b *html.Node) {
		twin[a] = b
		for ca, cb := a.FirstChild, b.FirstChild; ca != nil && cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
			pair(ca, cb)
		}
	}
	pair(doc, cp)
	var drop []*html.Node
	for n := range l.chrome {
		if c := twin[n]; c != nil {
			drop = append(drop, c)
		}
	}
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Figure, atom.Figcaption, atom.Img, atom.Picture, atom.Iframe, atom.Video, atom.Audio,
				atom.Style, atom.Noscript, atom.Template, atom.Svg:
				drop = append(drop, twin[n])
				return
			case atom.Script:
				if !strings.Contains(strings.ToLower(attrOf(n, "type")), "json") {
					drop = append(drop, twin[n])
				}
				return
			case atom.P, atom.Li, atom.Blockquote, atom.Td, atom.Dd:
				if t := textOf(n); wordCount(t) > 20 && !rxPublishWords.MatchString(t) && !rxUpdateWords.MatchString(t) {
					drop = append(drop, twin[n])
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
		if n != nil && n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	if l.container != nil {
		if body := dom.QuerySelector(cp, "body"); body != nil {
			art := twin[l.container]
			if art != nil && art.Parent != nil {
				art.Parent.RemoveChild(art)
				for body.FirstChild != nil {
					body.RemoveChild(body.FirstChild)
				}
				body.AppendChild(art)
			}
		}
	}
	return cp
}

type foundDate struct {
	date veille.Date
	src  string // the text the date was read from
}

// findDate runs htmldate for the original (or the latest) date and gives
// it the precision its source text states.
func findDate(doc *html.Node, url string, original bool) (foundDate, bool) {
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		ExtractTime:       true,
		UseOriginalDate:   original,
		URL:               url,
		DeferUrlExtractor: true,
	})
	if err != nil || res.IsZero() {
		return foundDate{}, false
	}
	if rxRelative.MatchString(res.SrcString) {
		return foundDate{}, false // relative to the crawl, not stated
	}
	p := precisionOf(res)
	return foundDate{date: veille.NewDate(res.DateTime, p), src: res.SrcString}, true
}

// rxRelative matches expressions of a date relative to the reading time.
var rxRelative = regexp.MustCompile(`(?i)\b(ago|yesterday|today|il y a|hier|aujourd)`)

// rxYearOnly matches a source that is a bare year ("2024", "© 2024").
var rxYearOnly = regexp.MustCompile(`^[^\pL\pN]*\d{4}[^\pL\pN]*$`)

// precisionOf says how precise an htmldate result is: second when the
// source states hh:mm:ss, minute when it states another time of day, year
// when the source is a bare year, month when the result is the first of a
// month the source never names as day 1, day otherwise.
func precisionOf(res htmldate.Result) veille.Precision {
	src := res.SrcString
	if res.HasTime {
		if rxSeconds.MatchString(src) {
			return veille.PrecisionSecond
		}
		return veille.PrecisionMinute
	}
	if rxYearOnly.MatchString(src) {
		return veille.PrecisionYear
	}
	if res.DateTime.Day() == 1 && !mentionsDayOne(src, res.DateTime) {
		return veille.PrecisionMonth
	}
	return veille.PrecisionDay
}

// mentionsDayOne reports whether src states day 1 of t's month once the
// year is removed: a "1", "01", "1er" or "1st" token, or two of them in
// January, whose month number is a 1 too.
func mentionsDayOne(src string, t time.Time) bool {
	n := 0
	for _, tok := range strings.FieldsFunc(strings.ReplaceAll(src, t.Format("2006"), " "), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch strings.ToLower(tok) {
		case "1", "01", "1er", "1st":
			n++
		}
	}
	if t.Month() == time.January && !rxJanuary.MatchString(src) {
		return n >= 2
	}
	return n >= 1
}

var rxJanuary = regexp.MustCompile(`(?i)\bjan`)

// dateSource names where htmldate read the date from src: the URL, a
// meta element, a JSON-LD script, a <time> or <abbr> element, or else the
// page text.
func dateSource(doc *html.Node, src, url string) string {
	src = cleanSpace(src)
	if src == "" {
		return FromText
	}
	if url != "" && src == cleanSpace(url) || strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
		return FromURL
	}
	for _, n := range dom.GetElementsByTagName(doc, "meta") {
		if cleanSpace(dom.GetAttribute(n, "content")) == src || cleanSpace(dom.GetAttribute(n, "datetime")) == src {
			return FromMeta
		}
	}
	for _, n := range dom.QuerySelectorAll(doc, "script") {
		if t := strings.ToLower(dom.GetAttribute(n, "type")); strings.Contains(t, "json") && strings.Contains(dom.TextContent(n), src) {
			return FromJSONLD
		}
	}
	for _, n := range dom.GetElementsByTagName(doc, "time") {
		if overlaps(src, cleanSpace(dom.GetAttribute(n, "datetime"))) || overlaps(src, cleanSpace(dom.TextContent(n))) {
			return FromTimeElement
		}
	}
	for _, n := range dom.GetElementsByTagName(doc, "abbr") {
		if overlaps(src, cleanSpace(dom.GetAttribute(n, "title"))) || overlaps(src, cleanSpace(dom.TextContent(n))) {
			return FromAbbr
		}
	}
	return FromText
}

// overlaps reports whether the date source text src and an element's text
// s contain one another, s holding at least a digit: htmldate reads
// either the element alone or the line around it.
func overlaps(src, s string) bool {
	if s == "" || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return strings.Contains(s, src) || strings.Contains(src, s)
}
