package textdump

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Result is one dump's extraction.
type Result struct {
	Lines      []string // the dump split into lines (\r\n and \n), untrimmed
	Body       []int    // indices into Lines of the body lines, in order
	Start, End int      // first body line index and one past the last (0,0 when no body)
	Text       string   // the body: paragraphs joined by "\n\n"
}

// class is a block's quality on its own, jusText style.
type class uint8

const (
	bad   class = iota // boilerplate: never body
	short              // short text: heading, list item, label; body only in context
	near               // sentence-like but short: body when inside the region
	good               // a prose paragraph
)

// block is one paragraph of a dump: a line, or several when the renderer
// wrapped a long paragraph.
type block struct {
	first, last int // line indices, inclusive
	info        Line
	text        string
	key         uint64 // hash of the normalised text, for repetition
	class       class
	barrier     bool // opens reader comments: the body never crosses it
	related     bool // opens a related list or similar chrome
	repeated    bool // its text occurs more than once on the page
	chrome      bool // the page's site repeats it on other pages
	meta        bool // byline, date, reading time or share row
	score       float64
}

// params are the few numbers of the extractor. They were set by hand on
// the scrapinghub benchmark; TestScrapinghubKFold re-selects the main
// ones on training folds and scores the held-out fold, to show what the
// choice is worth on pages it was not made on.
type params struct {
	// minStop is the stopword ratio a paragraph must reach to count as
	// prose (0 when no stopword list fits the page, see pageMinStop).
	minStop float64
	// Scoring of the region search. A good paragraph is worth its word
	// count; chrome costs a fixed amount per block so that a long menu
	// weighs more than the one heading or caption that may sit between two
	// paragraphs.
	nearWeight      float64 // share of a near-good block's words that count
	shortCost       float64 // a short text block (heading, list item, label)
	bulletCost      float64 // a short bullet (menus are bullets)
	badCost         float64 // boilerplate
	relatedCost     float64 // a heading that opens a related list or tags
	placeholderCost float64 // an unrendered template
	mediaCost       float64 // an image or embed, common inside articles
	// maxRunFactor caps how many times its base cost the n-th short block
	// of a run costs.
	maxRunFactor float64
	// gapCost is the cost of the chrome between two paragraphs above which
	// they belong to different clusters.
	gapCost float64
	// cohesion is the share of a cluster's content words that the article
	// kept so far must use for the cluster to join it.
	cohesion float64
	// laterZoneFactor is how many times more a zone after a barrier must
	// score to win over an earlier one.
	laterZoneFactor float64
	// linkListOverlap is the share of a list's content words the body must
	// use for the list to be part of the article.
	linkListOverlap float64
}

var defaultParams = params{
	minStop:         0.2,
	nearWeight:      0.5,
	shortCost:       1.5,
	bulletCost:      2.5,
	badCost:         6,
	relatedCost:     25,
	placeholderCost: 10,
	mediaCost:       0.5,
	maxRunFactor:    4,
	gapCost:         12,
	cohesion:        0.1,
	laterZoneFactor: 4,
	linkListOverlap: 0.2,
}

// Extract extracts the body of one dump. t may be nil.
func Extract(text string, t *Template) Result {
	return extract(text, t, &defaultParams)
}

func extract(text string, t *Template, p *params) Result {
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	lines, blocks, keep := analyze(text, t, p, sc)
	res := Result{Lines: lines}
	if len(keep) == 0 {
		return res
	}
	var sb strings.Builder
	nlines, size := 0, 0
	for _, bi := range keep {
		nlines += blocks[bi].last - blocks[bi].first + 1
		size += len(blocks[bi].text) + 2
	}
	res.Body = make([]int, 0, nlines)
	sb.Grow(size)
	for i, bi := range keep {
		b := &blocks[bi]
		for l := b.first; l <= b.last; l++ {
			res.Body = append(res.Body, l)
		}
		if i > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.text)
	}
	res.Start = res.Body[0]
	res.End = res.Body[len(res.Body)-1] + 1
	res.Text = sb.String()
	return res
}

// analyze runs the extraction: it returns the lines, the blocks and the
// indices of the body blocks.
func analyze(text string, t *Template, p *params, sc *scratch) ([]string, []block, []int) {
	lines := splitLines(text)
	blocks := buildBlocks(lines, sc)
	if len(blocks) == 0 {
		return lines, nil, nil
	}
	classifyBlocks(blocks, pageMinStop(blocks, p.minStop))
	if t != nil {
		t.markChrome(lines, blocks)
	}
	markRepeats(blocks)
	return lines, blocks, selectBody(blocks, p, sc)
}

// scratch holds the working memory of one extraction, reused from one
// extraction to the next through scratchPool: a page's blocks, shapes and
// vocabulary tables are rebuilt for every page, and allocating them anew
// each time would cost a good share of the work in garbage collection.
type scratch struct {
	shapes []lineShape
	blocks []block
	memo   map[string]int
	buf    []byte
	stems  stemCache
}

var scratchPool = sync.Pool{New: func() any { return newScratch() }}

func newScratch() *scratch { return &scratch{memo: make(map[string]int)} }

// release clears what refers to the page and returns sc to the pool.
func (sc *scratch) release() {
	clear(sc.blocks) // beyond its length, cleared by earlier releases
	clear(sc.memo)
	sc.stems.blocks = nil
	scratchPool.Put(sc)
}

// pageMinStop returns the stopword ratio prose must reach on this page:
// minStop normally, 0 (judge on shape alone) when the page's long lines
// have few stopwords of any supported language.
func pageMinStop(blocks []block, minStop float64) float64 {
	words, stop := 0, 0
	for i := range blocks {
		in := &blocks[i].info
		if in.Kind == Text && in.Words >= 15 {
			words += in.Words
			stop += in.Stop
		}
	}
	if words >= 30 && stop*100 < words*12 {
		return 0
	}
	return minStop
}

// splitLines splits text on \n, dropping the \r of \r\n line ends.
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if strings.HasSuffix(l, "\r") {
			lines[i] = l[:len(l)-1]
		}
	}
	return lines
}

// buildBlocks groups lines into blocks, joining the lines of a paragraph
// the renderer wrapped.
func buildBlocks(lines []string, sc *scratch) []block {
	shapes := resize(sc.shapes, len(lines))
	sc.shapes = shapes
	for i, l := range lines {
		shapes[i] = shapeOf(l)
	}
	widths := wrapWidths(shapes)
	nonBlank := 0
	for i := range shapes {
		if !shapes[i].blank {
			nonBlank++
		}
	}
	blocks := resize(sc.blocks, nonBlank)[:0]
	// Menus, tickers and teasers repeat lines within a page: a text is
	// analysed once.
	memo := sc.memo
	buf := sc.buf
	defer func() { sc.blocks, sc.buf = blocks, buf }()
	for i := 0; i < len(lines); i++ {
		if shapes[i].blank {
			continue
		}
		first := i
		col := shapes[i].textCol
		for len(widths) > 0 && i+1 < len(lines) && continues(lines[i], shapes[i], lines[i+1], shapes[i+1], col, widths) {
			i++
		}
		var text string
		if first == i {
			text = lines[i]
		} else {
			buf = append(buf[:0], trimRightBlank(lines[first])...)
			for j := first + 1; j <= i; j++ {
				next := strings.TrimSpace(lines[j])
				if !joinsTight(buf, next) {
					buf = append(buf, ' ')
				}
				buf = append(buf, next...)
			}
			text = string(buf)
		}
		if j, ok := memo[text]; ok {
			b := blocks[j]
			b.first, b.last = first, i
			blocks = append(blocks, b)
			continue
		}
		var sh *lineShape
		if first == i {
			sh = &shapes[i]
		}
		info, key := analyzeLine(text, sh)
		b := block{first: first, last: i, info: info, key: key}
		b.text = info.Text
		if info.Bullet {
			b.text = "• " + info.Text
		}
		memo[text] = len(blocks)
		blocks = append(blocks, b)
	}
	return blocks
}

// resize returns s with length n, reusing its array when large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// joinsTight reports whether a wrapped line joins the next without a
// space: between two characters of a script written without spaces, or
// after a hyphen that follows a letter ("well-" + "known").
func joinsTight(prev []byte, next string) bool {
	p, _ := utf8.DecodeLastRune(prev)
	r, _ := utf8.DecodeRuneInString(next)
	if isWideScript(p) && isWideScript(r) {
		return true
	}
	if p == '-' && len(prev) >= 2 {
		q, _ := utf8.DecodeLastRune(prev[:len(prev)-1])
		return unicode.IsLetter(q)
	}
	return false
}

// classifyBlocks sets each block's class from its own text. minStop is
// the stopword ratio prose must reach (0 when no stopword list fits the
// page).
func classifyBlocks(blocks []block, minStop float64) {
	for i := range blocks {
		b := &blocks[i]
		in := &b.info
		b.class, b.barrier, b.meta = short, false, false
		switch in.Kind {
		case Blank, Media:
			b.class = short
			continue
		case Text:
		case RelatedHeading:
			b.class, b.related = bad, true
			b.barrier = IsEndHeading(in.Text)
			continue
		case CommentHeader:
			b.class, b.barrier = bad, true
			continue
		case Byline, DateLine, ReadingTime, ShareRow:
			b.class, b.meta = bad, true
			continue
		default:
			b.class = bad
			continue
		}
		w, sr := in.Words, in.StopRatio()
		if minStop == 0 {
			// Shape only: sentences with inner punctuation.
			sr = 1
			if in.Punct == 0 && w < 30 {
				sr = 0
			}
		}
		switch {
		case sr >= minStop && (w >= 20 || w >= 10 && in.Terminal):
			b.class = good
		case sr >= minStop*0.75 && w >= 6 && in.Terminal:
			b.class = near
		}
		// A teaser ("...excerpt…") is not prose on its own, unless it
		// directly follows prose (a paywall cut the article short). A
		// date-stamped line is meta data (byline, teaser date, timeline
		// entry): body only in context.
		if in.Ellipsis && w < 60 && b.class > short && (i == 0 || blocks[i-1].class != good) {
			b.class = short
		}
		if in.HasDate && w <= 25 && !in.Terminal {
			b.class, b.meta = short, true
		}
	}
}

// markRepeats demotes the blocks whose text occurs more than once on the
// page: teaser lists, tickers, menus and carousel captions repeat; article
// paragraphs do not.
func markRepeats(blocks []block) {
	counts := make(map[uint64]int, len(blocks))
	for i := range blocks {
		counts[blocks[i].key]++
	}
	for i := range blocks {
		b := &blocks[i]
		if counts[b.key] > 1 && b.info.Kind == Text && b.class != bad {
			b.class, b.repeated = bad, true
		}
	}
}

// keyOf hashes the normalised text of a line or block, for repetition
// within and across pages: FNV-1a over its lower-case letters and digits,
// runs of anything else counting as one space. It does not allocate.
func keyOf(s string) uint64 {
	h := uint64(fnvOffset64)
	space := false
	started := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(s); {
		r := rune(s[i])
		if r < utf8.RuneSelf {
			i++
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			default:
				space = started
				continue
			}
			if space {
				h ^= ' '
				h *= 1099511628211
				space = false
			}
			started = true
			h ^= uint64(r)
			h *= 1099511628211
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if !(r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9')) {
			switch {
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			case r >= utf8.RuneSelf && !isPunctBlock(r) && (unicode.IsLetter(r) || unicode.IsDigit(r)):
				r = unicode.ToLower(r)
			default:
				space = started
				continue
			}
		}
		if space {
			h ^= ' '
			h *= 1099511628211
			space = false
		}
		started = true
		n := utf8.EncodeRune(buf[:], r)
		for i := 0; i < n; i++ {
			h ^= uint64(buf[i])
			h *= 1099511628211
		}
	}
	return h
}

// The 64-bit FNV-1a parameters.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// selectBody finds the main body region and returns the indices of the
// blocks that belong to it.
func selectBody(blocks []block, p *params, sc *scratch) []int {
	run := 0
	for i := range blocks {
		b := &blocks[i]
		b.score = scoreOf(b, p)
		// A run of short blocks is a menu or a list of links: each one
		// costs more than the one before, while a lone subheading stays
		// cheap.
		if (b.class == short || b.chrome) && b.info.Kind != Media && !b.info.IsDataRow() {
			run++
			if run > 1 {
				b.score *= min(float64(run), p.maxRunFactor)
			}
		} else if b.class >= near {
			run = 0
		}
		if b.chrome && b.score > -p.badCost {
			b.score = -p.badCost
		}
	}
	s, e := maxSegment(blocks, p.laterZoneFactor)
	if s < 0 {
		return nil
	}
	s = cutLeadingMeta(blocks, s, e)
	st := &sc.stems
	st.reset(blocks)
	s, e = pruneClusters(blocks, st, s, e, p)
	// Trim the region to its first and last prose blocks: a heading before
	// the first paragraph is the title, a short line after the last is chrome.
	for s <= e && blocks[s].class < near {
		s++
	}
	for e >= s && blocks[e].class < near {
		e--
	}
	if s > e {
		return nil
	}
	e = extendIntroducedList(blocks, e)
	dropLinkLists(blocks, st, s, e, p.linkListOverlap)
	var keep []int
	for i := s; i <= e; i++ {
		b := &blocks[i]
		switch b.class {
		case good, near:
			keep = append(keep, i)
		case short:
			if b.info.Kind == Text {
				keep = append(keep, i)
			}
		}
	}
	return keep
}

// extendIntroducedList extends the region end e over a list the last
// paragraph introduces ("The tour dates:"): the run of short text blocks
// that follows a block ending with a colon, up to the first chrome.
func extendIntroducedList(blocks []block, e int) int {
	i := e
	if i+1 < len(blocks) && blocks[i+1].class == short && blocks[i+1].info.Kind == Text &&
		strings.HasSuffix(blocks[i+1].info.Text, ":") {
		i++
	}
	if !strings.HasSuffix(blocks[i].info.Text, ":") {
		return e
	}
	j := i + 1
	for j < len(blocks) && blocks[j].class == short && blocks[j].info.Kind == Text && !blocks[j].repeated {
		j++
	}
	if j-i < 3 {
		return e // a lone line after a colon is too little to be a list
	}
	return j - 1
}

// pruneClusters narrows the region [s, e] to the article's cohesive part.
// The region's prose is split into clusters wherever chrome costing at
// least gapCost separates two paragraphs, or a related heading does. The
// cluster with the most prose is the core; neighbouring clusters are kept,
// outward from the core, while they share enough vocabulary with what was
// kept so far: an article's paragraphs talk about the same things, teasers
// of other articles do not.
func pruneClusters(blocks []block, st *stemCache, s, e int, p *params) (int, int) {
	type cluster struct {
		s, e, words int
		gap         float64 // cost of the chrome before the cluster
		// inlineList: the chrome before the cluster is only a bulleted
		// list (links pasted inside an article), and the cluster is whole
		// sentences, none cut short like a teaser.
		inlineList bool
	}
	var cs []cluster
	cur := cluster{s: -1}
	gap := 0.0
	bulletsOnly := true
	for i := s; i <= e; i++ {
		b := &blocks[i]
		if b.class < near {
			if b.score < 0 {
				gap -= b.score
			}
			if b.related {
				gap += p.gapCost
			}
			if !b.info.Bullet || b.related || b.class == bad || b.chrome {
				bulletsOnly = false
			}
			continue
		}
		if cur.s >= 0 && gap >= p.gapCost {
			cs = append(cs, cur)
			cur = cluster{s: -1}
		}
		if cur.s < 0 {
			cur.s, cur.gap, cur.inlineList = i, gap, bulletsOnly && gap > 0
		}
		cur.e = i
		if b.class == good {
			cur.words += b.info.Words
		}
		if !b.info.Terminal || b.info.Ellipsis {
			cur.inlineList = false
		}
		gap = 0
		bulletsOnly = true
	}
	if cur.s >= 0 {
		cs = append(cs, cur)
	}
	if len(cs) < 2 {
		return s, e
	}
	core := 0
	for i, c := range cs {
		if c.words > cs[core].words {
			core = i
		}
	}
	var vocab stemSet
	addVocabulary(&vocab, blocks, st, cs[core].s, cs[core].e)
	// Walk outward from the core; one cluster that fails the test (a
	// small one with few words to share) is tolerated when the next one
	// passes and little chrome separates the three.
	coheres := func(c cluster) bool {
		need := p.cohesion
		if c.inlineList {
			// Whole sentences resuming after links pasted into the
			// article are the article going on: teasers of other
			// stories come under a heading, or cut short.
			need = 0
		}
		ok := overlap(blocks, st, c.s, c.e, &vocab) >= need
		if ok {
			addVocabulary(&vocab, blocks, st, c.s, c.e)
		}
		return ok
	}
	near := func(i int) bool { return i < len(cs) && cs[i].gap < 2*p.gapCost }
	last := core
	for i := core + 1; i < len(cs); i++ {
		if coheres(cs[i]) {
			last = i
		} else if i > last+1 || !near(i) || !near(i+1) {
			break
		}
	}
	first := core
	for i := core - 1; i >= 0; i-- {
		if coheres(cs[i]) {
			first = i
		} else if i < first-1 || !near(i) || !near(i+1) {
			break
		}
	}
	if first > 0 {
		s = cs[first].s
	}
	if last < len(cs)-1 {
		e = cs[last].e
	}
	return s, e
}

// addVocabulary adds the content words of the prose blocks of
// blocks[s..e] to vocab.
func addVocabulary(vocab *stemSet, blocks []block, st *stemCache, s, e int) {
	for i := s; i <= e; i++ {
		if blocks[i].class >= near {
			for _, id := range st.stems(i) {
				vocab.add(id)
			}
		}
	}
}

// dropLinkLists demotes the lists of links to other articles that sites
// paste inside a body (SEO links, "see also" lists without a heading): a
// run of list items, or of three short lines, shaped like headlines (no
// final period) whose words the rest of the body does not use. Lists that
// belong to the article (ingredients, key points) share its vocabulary or
// are written as sentences.
func dropLinkLists(blocks []block, st *stemCache, s, e int, linkListOverlap float64) {
	var counts []int32
	for i := s; i <= e; {
		j := i
		bullets, items, words, sentences := 0, 0, 0, 0
		for j <= e {
			b := &blocks[j]
			if b.info.Kind == Media {
				j++
				continue
			}
			if b.class == bad || b.class == good && !b.info.Bullet || items > 0 && b.info.Bullet != (bullets > 0) {
				break
			}
			items++
			words += b.info.Words
			if b.info.Bullet {
				bullets++
			}
			if t, _ := sentenceEnd(b.info.Text); t && !strings.HasSuffix(b.info.Text, "?") && !strings.HasSuffix(b.info.Text, "!") {
				sentences++
			}
			j++
		}
		if j == i {
			i++
			continue
		}
		isList := bullets >= 2 || items >= 3
		// A list the article introduces ("Voici les dates :") is its own.
		introduced := i > 0 && strings.HasSuffix(blocks[i-1].info.Text, ":")
		if isList && !introduced && sentences*4 <= items && words >= 4*items {
			if counts == nil {
				counts = stemCounts(blocks, st, s, e)
			}
			if listOverlap(blocks, st, i, j, counts) < linkListOverlap {
				for k := i; k < j; k++ {
					if blocks[k].info.Kind != Media {
						blocks[k].class = bad
					}
				}
			}
		}
		i = j
	}
}

// stemCounts counts, for each content word (stem), the good blocks of
// blocks[s..e] that use it. The result is indexed by stem number.
func stemCounts(blocks []block, st *stemCache, s, e int) []int32 {
	var counts []int32
	var seen stemSet
	for i := s; i <= e; i++ {
		if blocks[i].class == good {
			seen.reset()
			for _, id := range st.stems(i) {
				if !seen.has(id) {
					seen.add(id)
					counts = countAt(counts, id)
					counts[id]++
				}
			}
		}
	}
	return counts
}

// countAt returns counts grown, if need be, to hold index id.
func countAt(counts []int32, id int32) []int32 {
	if int(id) >= len(counts) {
		counts = append(counts, make([]int32, int(id)+1-len(counts))...)
	}
	return counts
}

// count returns counts[id], 0 beyond its end.
func count(counts []int32, id int32) int32 {
	if int(id) < len(counts) {
		return counts[id]
	}
	return 0
}

// listOverlap returns the share of the content words of the list
// blocks[i:j] that good blocks outside the list use, given the stem counts
// of the region (which include the list's own good blocks).
func listOverlap(blocks []block, st *stemCache, i, j int, counts []int32) float64 {
	var own []int32
	var seen stemSet
	for k := i; k < j; k++ {
		if blocks[k].class == good {
			seen.reset()
			for _, id := range st.stems(k) {
				if !seen.has(id) {
					seen.add(id)
					own = countAt(own, id)
					own[id]++
				}
			}
		}
	}
	n, hit := 0, 0
	for k := i; k < j; k++ {
		if blocks[k].class == bad || blocks[k].info.Kind != Text {
			continue
		}
		for _, id := range st.stems(k) {
			n++
			if count(counts, id) > count(own, id) {
				hit++
			}
		}
	}
	if n == 0 {
		return 1
	}
	return float64(hit) / float64(n)
}

// overlap returns the share of the content words of blocks[s..e] found in
// vocab.
func overlap(blocks []block, st *stemCache, s, e int, vocab *stemSet) float64 {
	n, hit := 0, 0
	for i := s; i <= e; i++ {
		if blocks[i].class == bad || blocks[i].info.Kind != Text {
			continue
		}
		for _, id := range st.stems(i) {
			n++
			if vocab.has(id) {
				hit++
			}
		}
	}
	if n == 0 {
		return 1
	}
	return float64(hit) / float64(n)
}

// stemCache gives the content-word stems of a page's blocks as small
// numbers, each block's computed once, so that the vocabulary tests
// compare integers instead of hashing strings.
type stemCache struct {
	blocks []block
	of     [][]int32 // stems of each block, in text order; nil until computed
	done   []bool
	arena  []int32
	// The stems seen so far: stem i is text[spans[i]:spans[i+1]]; table
	// is an open-addressing index of them (stem number + 1, 0 for empty).
	text  []byte
	spans []int32
	table []int32
}

// reset readies c for the blocks of a new page.
func (c *stemCache) reset(blocks []block) {
	c.blocks = blocks
	c.of = resize(c.of, len(blocks))
	c.done = resize(c.done, len(blocks))
	clear(c.done)
	c.arena = c.arena[:0]
	c.text = c.text[:0]
	c.spans = append(c.spans[:0], 0)
	clear(c.table)
}

// stems returns the stem numbers of the content words of block i, in
// order, repeats included.
func (c *stemCache) stems(i int) []int32 {
	if c.done[i] {
		return c.of[i]
	}
	c.done[i] = true
	start := len(c.arena)
	var buf [64]byte
	for t := range tokens(c.blocks[i].info.Text) {
		if st, ok := contentStem(buf[:0], t); ok {
			c.arena = append(c.arena, c.id(st))
		}
	}
	c.of[i] = c.arena[start:len(c.arena):len(c.arena)]
	return c.of[i]
}

// id returns the number of stem st, numbering it if it is new.
func (c *stemCache) id(st []byte) int32 {
	n := int32(len(c.spans) - 1)
	if 2*(int(n)+1) > len(c.table) {
		c.table = make([]int32, max(256, 2*len(c.table)))
		for k := int32(0); k < n; k++ {
			c.table[c.slot(c.text[c.spans[k]:c.spans[k+1]])] = k + 1
		}
	}
	j := c.slot(st)
	if c.table[j] != 0 {
		return c.table[j] - 1
	}
	c.text = append(c.text, st...)
	c.spans = append(c.spans, int32(len(c.text)))
	c.table[j] = n + 1
	return n
}

// slot returns the table slot of stem st: where it is, or the empty slot
// where it goes.
func (c *stemCache) slot(st []byte) int {
	h := uint32(2166136261)
	for _, b := range st {
		h = (h ^ uint32(b)) * 16777619
	}
	mask := len(c.table) - 1
	j := int(h) & mask
	for {
		k := c.table[j]
		if k == 0 || string(c.text[c.spans[k-1]:c.spans[k]]) == string(st) {
			return j
		}
		j = (j + 1) & mask
	}
}

// stemSet is a set of stem numbers.
type stemSet struct{ bits []uint64 }

func (s *stemSet) add(id int32) {
	w := int(id) / 64
	if w >= len(s.bits) {
		s.bits = append(s.bits, make([]uint64, w+1-len(s.bits))...)
	}
	s.bits[w] |= 1 << (uint(id) % 64)
}

func (s *stemSet) has(id int32) bool {
	w := int(id) / 64
	return w < len(s.bits) && s.bits[w]&(1<<(uint(id)%64)) != 0
}

func (s *stemSet) reset() { clear(s.bits) }

// contentStem returns a crude stem of a content word (lower case, first
// five letters), or false for stopwords, numbers and short words. The stem
// is appended to buf.
func contentStem(buf []byte, t string) ([]byte, bool) {
	if len(t) < 4 || t[0] >= '0' && t[0] <= '9' {
		return nil, false
	}
	lw := lowerInto(buf, t)
	if len(lw) <= maxStopwordLen && maybeStopword(string(lw)) && stopTable.get(string(lw)) != 0 {
		return nil, false
	}
	n := 0
	for i := range string(lw) {
		if n == 5 {
			return lw[:i], true
		}
		n++
	}
	return lw, true
}

// scoreOf is a block's contribution to the region search.
func scoreOf(b *block, p *params) float64 {
	switch b.class {
	case good:
		return float64(b.info.Words)
	case near:
		return p.nearWeight * float64(b.info.Words)
	case short:
		switch {
		case b.repeated:
			return -p.badCost
		case b.info.Kind == Media || b.info.IsDataRow():
			return -p.mediaCost
		case b.info.Bullet:
			return -p.bulletCost
		}
		return -p.shortCost
	}
	switch {
	case b.related:
		return -p.relatedCost
	case b.info.Kind == Placeholder:
		return -p.placeholderCost
	}
	return -p.badCost
}

// maxSegment returns the body region: the contiguous run of blocks with
// the largest total score (Kadane), never crossing a barrier, or -1, -1
// when no block scores above zero. Barriers split the page into zones;
// the article comes before its comments and related lists, so an earlier
// zone wins over a later one unless the later one scores four times more.
func maxSegment(blocks []block, laterZoneFactor float64) (int, int) {
	type seg struct {
		score float64
		s, e  int
	}
	var zones []seg
	zone := seg{s: -1, e: -1}
	cur, cs := 0.0, 0
	for i := range blocks {
		if blocks[i].barrier {
			if zone.s >= 0 {
				zones = append(zones, zone)
			}
			zone = seg{s: -1, e: -1}
			cur, cs = 0, i+1
			continue
		}
		if cur <= 0 {
			cur, cs = 0, i
		}
		cur += blocks[i].score
		if cur > zone.score {
			zone = seg{cur, cs, i}
		}
	}
	if zone.s >= 0 {
		zones = append(zones, zone)
	}
	if len(zones) == 0 {
		return -1, -1
	}
	best := zones[0]
	for _, z := range zones[1:] {
		if z.score > best.score*laterZoneFactor {
			best = z
		}
	}
	return best.s, best.e
}

// cutLeadingMeta moves the region start past a byline, date or share row
// when little prose precedes it: what comes before the byline is the
// title, standfirst or a caption, not the article body.
func cutLeadingMeta(blocks []block, s, e int) int {
	total := 0
	for i := s; i <= e; i++ {
		if blocks[i].class == good {
			total += blocks[i].info.Words
		}
	}
	before, cut := 0, s
	for i := s; i <= e; i++ {
		b := &blocks[i]
		if b.meta && before*4 < total && before < 80 {
			cut = i + 1
		}
		if b.class == good {
			before += b.info.Words
		}
	}
	return keepStandfirst(blocks, s, cut)
}

// keepStandfirst moves a cut start back onto the standfirst: the one
// full-sentence prose paragraph that sits between the title and the
// byline. It belongs to the article (a French "chapeau" often holds the
// news itself); titles and captions, which do not end like sentences,
// stay out.
func keepStandfirst(blocks []block, s, cut int) int {
	for i := cut - 1; i >= s; i-- {
		b := &blocks[i]
		if b.meta || b.class == bad && b.info.Words <= 3 {
			continue
		}
		if b.class == good && b.info.Terminal && b.info.Words >= 15 && !b.repeated && !b.chrome {
			return i
		}
		break
	}
	return cut
}
