// Package story groups articles that tell the same event or development
// into stories, online: each new article joins the story it is closest
// to, or opens one, in one pass, so that the cost grows with the number
// of articles and not with its square.
//
// An article is compared with the stories active around its date, found
// through an inverted index of the heaviest terms of each story, by the
// cosine of TF-IDF vectors (package textsim, French analysis) in which
// the title counts twice and the entities the article names are terms of
// their own; a story's vector is the sum of its articles'. An article
// that reports as news an event a story's articles report too (package
// event merges the reports) gets a bonus with that story. Stories that
// continue over weeks (close vectors, one starting after the other ends)
// are linked. This is the single-pass clustering of topic detection and
// tracking (TDT), written here because no Go library does it.
package story

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/textsim"
)

// Item is an article as clustering sees it.
type Item struct {
	ID        string
	Site      string
	Title     string
	Text      string
	Published veille.Date
	// Entities are the ids of the entities the article mentions, one per
	// mention (repeats weigh more).
	Entities []string
	// Labels name the entities: id → canonical name (optional).
	Labels map[string]string
	// Events are the events the article states; [Build] ties together
	// the articles that report the same event as news.
	Events []veille.Event
}

// Doc is an Item prepared for clustering: its terms counted. Preparing is
// the costly part and is safe to run on many goroutines; adding is not.
type Doc struct {
	ID        string
	Site      string
	Title     string
	Published veille.Date
	// Entities are the distinct entity ids, sorted.
	Entities []string
	bag      textsim.Counts
	events   []veille.Event
	mentions []string
	labels   map[string]string
	lead     string // the title, else the start of the text
	// eventKeys name the events the article reports as news that other
	// articles report too
	eventKeys []int32
}

// entityPrefix marks the terms that stand for entities, which no
// analysed word can start with.
const entityPrefix = "\x00e:"

// Prepare analyses an item: the terms of its title (twice) and text, and
// one term per entity mention.
func Prepare(it Item) Doc {
	an := textsim.French()
	terms := an.Terms(it.Text)
	title := an.Terms(it.Title)
	hashes := make([]uint64, 0, len(terms)+2*len(title)+len(it.Entities))
	for _, t := range terms {
		hashes = append(hashes, textsim.Hash(t))
	}
	for _, t := range title {
		h := textsim.Hash(t)
		hashes = append(hashes, h, h)
	}
	for _, e := range it.Entities {
		hashes = append(hashes, textsim.Hash(entityPrefix+e))
	}
	lead := it.Title
	if lead == "" {
		lead = leadOf(it.Text)
	}
	ents := slices.Clone(it.Entities)
	slices.Sort(ents)
	ents = slices.Compact(ents)
	return Doc{ID: it.ID, Site: it.Site, Title: it.Title, Published: it.Published, Entities: ents, bag: textsim.CountHashes(hashes), lead: lead,
		events: it.Events, mentions: it.Entities, labels: it.Labels}
}

// Options tune clustering. The zero value takes the defaults.
type Options struct {
	// Threshold is the least cosine between an article and a story for
	// the article to join it (default 0.2: on the monolingual non-French pairs
	// of SemEval-2022 task 8, the pair cosine that best separates pairs
	// of one story, "Overall" ≤ 2, from the others, F1 0.75).
	Threshold float64
	// UndatedThreshold replaces Threshold when the article or the story
	// is undated (default 0.3): without the evidence of time, the text
	// must say more.
	UndatedThreshold float64
	// Window is how far from a story's dates an article may be and still
	// join it (default 7 days); a story's score fades linearly to half
	// at that distance. Undated articles are compared with every story.
	Window time.Duration
	// LinkThreshold is the least cosine between two stories for the
	// later to continue the earlier (default 0.35), and LinkWindow the
	// longest gap between them (default 60 days).
	LinkThreshold float64
	LinkWindow    time.Duration
	// Candidates caps the stories scored per article (default 64), the
	// ones sharing the most index terms with it.
	Candidates int
	// EventBonus is added to the cosine of an article with a story that
	// reports one of its events as news (default 0.1).
	EventBonus float64
}

// algorithm names the version of the clustering and of the article
// preparation; change it when either changes the stories built.
const algorithm = "story/1"

// Version names the clustering that o (its defaults filled in) does:
// the algorithm and every option. Placements recorded under one version
// are not replayed under another.
func (o Options) Version() string {
	o = o.withDefaults()
	return fmt.Sprintf("%s t=%g u=%g w=%s lt=%g lw=%s c=%d eb=%g", algorithm, o.Threshold, o.UndatedThreshold,
		o.Window, o.LinkThreshold, o.LinkWindow, o.Candidates, o.EventBonus)
}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = 0.2
	}
	if o.UndatedThreshold == 0 {
		o.UndatedThreshold = 0.3
	}
	if o.Window == 0 {
		o.Window = 7 * 24 * time.Hour
	}
	if o.LinkThreshold == 0 {
		o.LinkThreshold = 0.35
	}
	if o.LinkWindow == 0 {
		o.LinkWindow = 60 * 24 * time.Hour
	}
	if o.Candidates == 0 {
		o.Candidates = 64
	}
	if o.EventBonus == 0 {
		o.EventBonus = 0.1
	}
	return o
}

const (
	queryTerms   = 12  // heaviest terms of an article looked up in the index
	indexTerms   = 24  // heaviest terms of a story kept in the index
	centroidSize = 200 // terms kept in a story's vector
	postingCap   = 512 // stories kept per index term, the most recent
	staleRun     = 32  // stories out of a dated article's window that end a posting scan
)

// Member is an article of a story.
type Member struct {
	ID        string      `json:"id"`
	Site      string      `json:"site"`
	Title     string      `json:"title"`
	Published veille.Date `json:"published"`
	// Score is the article's cosine with the story when it joined (1 for
	// the article that opened it).
	Score float64 `json:"score"`
}

// EntityCount is an entity of a story with the number of its articles
// naming it.
type EntityCount struct {
	Entity   string `json:"entity"`
	Label    string `json:"label,omitempty"`
	Articles int    `json:"articles"`
}

// Story is a group of articles telling the same event or development.
type Story struct {
	// ID is the id of the article that opened the story.
	ID string `json:"id"`
	// Label is the title of the article closest to the story's centre
	// (the start of its text when no article has a title).
	Label    string   `json:"label"`
	Articles []Member `json:"articles"`
	// Entities are the entities its articles name, the most shared
	// first.
	Entities []EntityCount `json:"entities"`
	// Start and End are the first and last publication dates of its
	// dated articles (zero when none is dated).
	Start veille.Date `json:"start"`
	End   veille.Date `json:"end"`
	// Continues and ContinuedBy name the stories this one follows up and
	// those that follow it up: the same development weeks later.
	Continues   []string `json:"continues,omitempty"`
	ContinuedBy []string `json:"continued_by,omitempty"`
}

// cluster is a story being built.
type cluster struct {
	id      string // the story's id
	members []Member
	// sum is the sum of the members' vectors, truncated to its heaviest
	// terms, and norm its length: the story's centre is sum/norm
	sum   textsim.Vector
	norm  float64
	label string
	// labelScore is the cosine of the label's article with the centre
	// when it was last added
	labelScore float64
	// labelFromText: the label is the start of a text, not a title
	labelFromText bool
	first         time.Time // span of the dated members
	last          time.Time
	dated         bool
	indexed       int // members when last indexed
	ents          map[string]int
	events        map[int32]bool // event keys of its articles
}

// cos returns the cosine of a unit vector with the story's centre.
func (cl *cluster) cos(v textsim.Vector) float64 {
	if cl.norm == 0 {
		return 0
	}
	return v.Dot(cl.sum) / cl.norm
}

// Clusterer builds stories online. It is not safe for concurrent use.
type Clusterer struct {
	opt       Options
	df        *textsim.DF
	clusters  []*cluster
	index     map[uint64][]int32
	byID      map[string]int    // stories by their articles' ids
	storyByID map[string]int    // stories by their ids
	byEvent   map[int32][]int32 // stories by the event keys of their articles
	labels    map[string]string // entity names

	// scratch space reused by every Add, so that adding allocates little
	merged  textsim.Vector // addTruncated's merge
	order   []int          // addTruncated's ranking
	hits    []hit          // candidates' stories
	cands   []int          // candidates' result
	seenGen []uint32       // candidates: seenGen[k] == gen when story k was met in this scan
	seenAt  []int32        // ... at hits[seenAt[k]], or -1 when out of the time window
	gen     uint32
}

// hit is a candidate story and the number of index terms it shares.
type hit struct{ k, n int32 }

// New returns an empty Clusterer.
func New(opt Options) *Clusterer {
	return &Clusterer{opt: opt.withDefaults(), df: textsim.NewDF(), index: map[uint64][]int32{}, byID: map[string]int{}, storyByID: map[string]int{},
		byEvent: map[int32][]int32{}, labels: map[string]string{}}
}

// Len returns the number of stories.
func (c *Clusterer) Len() int { return len(c.clusters) }

// Add places a prepared article in a story and returns the story's id and
// whether the article opened it. An article already added keeps its
// story.
func (c *Clusterer) Add(d Doc) (id string, opened bool) {
	p, opened := c.add(d)
	return p.Story, opened
}

// add is Add, returning the article's placement.
func (c *Clusterer) add(d Doc) (p veille.Placement, opened bool) {
	if k, ok := c.byID[d.ID]; ok {
		cl := c.clusters[k]
		i := slices.IndexFunc(cl.members, func(m Member) bool { return m.ID == d.ID })
		return veille.Placement{Article: d.ID, Story: cl.id, Score: cl.members[i].Score}, false
	}
	c.df.AddCounts(d.bag)
	v := c.df.VectorCounts(d.bag)
	t, dated := dateOf(d.Published)
	best, bestScore := -1, 0.0
	cands := c.candidates(v, t, dated)
	for _, e := range d.eventKeys {
		for _, k := range c.byEvent[e] {
			if !slices.Contains(cands, int(k)) {
				cands = append(cands, int(k))
			}
		}
	}
	for _, k := range cands {
		cl := c.clusters[k]
		s := cl.cos(v)
		for _, e := range d.eventKeys {
			if cl.events[e] {
				s += c.opt.EventBonus
				break
			}
		}
		if dated && cl.dated {
			gap := max(cl.first.Sub(t), t.Sub(cl.last), 0)
			if gap > c.opt.Window {
				continue
			}
			s *= 1 - 0.5*float64(gap)/float64(c.opt.Window)
		} else if s < c.opt.UndatedThreshold {
			continue
		}
		if s > bestScore || (s == bestScore && best >= 0 && k < best) {
			best, bestScore = k, s
		}
	}
	if best < 0 || bestScore < c.opt.Threshold {
		best = c.open(d.ID)
		bestScore, opened = 1, true
	}
	c.join(best, d, v, t, dated, bestScore)
	return veille.Placement{Article: d.ID, Story: c.clusters[best].id, Score: bestScore}, opened
}

// open opens an empty story of the given id and returns its index.
func (c *Clusterer) open(id string) int {
	c.clusters = append(c.clusters, &cluster{id: id, ents: map[string]int{}})
	c.storyByID[id] = len(c.clusters) - 1
	return len(c.clusters) - 1
}

// Place puts a prepared article in the story of id storyID, opening it if
// there is none, without comparing it with any story: it replays a
// decision taken before (score is the score it was taken with), so that
// a collection clustered earlier can grow without its stories changing.
// An article already added keeps its story.
func (c *Clusterer) Place(d Doc, storyID string, score float64) {
	if _, ok := c.byID[d.ID]; ok {
		return
	}
	c.df.AddCounts(d.bag)
	v := c.df.VectorCounts(d.bag)
	t, dated := dateOf(d.Published)
	k, ok := c.storyByID[storyID]
	if !ok {
		k = c.open(storyID)
	}
	c.join(k, d, v, t, dated, score)
}

// join adds a prepared article, its vector v and date t, to story best.
func (c *Clusterer) join(best int, d Doc, v textsim.Vector, t time.Time, dated bool, bestScore float64) {
	cl := c.clusters[best]
	cl.members = append(cl.members, Member{ID: d.ID, Site: d.Site, Title: d.Title, Published: d.Published, Score: bestScore})
	cl.sum, cl.norm = c.addTruncated(cl.sum, v, centroidSize)
	if s := cl.cos(v); d.lead != "" && (cl.label == "" || s > cl.labelScore || (d.Title != "" && cl.labelFromText)) {
		cl.label, cl.labelScore, cl.labelFromText = d.lead, s, d.Title == ""
	}
	for _, e := range d.Entities {
		cl.ents[e]++
		if l := d.labels[e]; l != "" && c.labels[e] == "" {
			c.labels[e] = l
		}
	}
	for _, e := range d.eventKeys {
		if cl.events == nil {
			cl.events = map[int32]bool{}
		}
		if !cl.events[e] {
			cl.events[e] = true
			c.byEvent[e] = append(c.byEvent[e], int32(best))
		}
	}
	if dated {
		if !cl.dated || t.Before(cl.first) {
			cl.first = t
		}
		if !cl.dated || t.After(cl.last) {
			cl.last = t
		}
		cl.dated = true
	}
	// reindex at 1, 2, 4, 8… members: the heaviest terms settle as the
	// story grows, at a total cost linear in its size
	if n := len(cl.members); n >= 2*cl.indexed || cl.indexed == 0 {
		c.reindex(best)
		cl.indexed = n
	}
	c.byID[d.ID] = best
}

// candidates returns the stories sharing index terms with v, the most
// shared first, at most Options.Candidates. When the article is dated,
// dated stories too far from it in time are left out before counting.
func (c *Clusterer) candidates(v textsim.Vector, t time.Time, dated bool) []int {
	c.gen++
	if c.gen == 0 { // wrapped: forget every stamp
		clear(c.seenGen)
		c.gen = 1
	}
	if n := len(c.clusters); len(c.seenGen) < n {
		c.seenGen = append(c.seenGen, make([]uint32, n-len(c.seenGen))...)
		c.seenAt = append(c.seenAt, make([]int32, n-len(c.seenAt))...)
	}
	hits := c.hits[:0]
	for _, term := range v.Top(queryTerms) {
		// newest first: postings are appended as stories open or grow,
		// so a dated article stops after a run of stories out of its
		// time window
		p, stale := c.index[term], 0
		for i := len(p) - 1; i >= 0 && stale < staleRun; i-- {
			k := p[i]
			if c.seenGen[k] == c.gen {
				if at := c.seenAt[k]; at >= 0 {
					hits[at].n++
					stale = 0
				}
				continue
			}
			c.seenGen[k] = c.gen
			if cl := c.clusters[k]; dated && cl.dated && (t.Sub(cl.last) > c.opt.Window || cl.first.Sub(t) > c.opt.Window) {
				c.seenAt[k] = -1
				stale++
				continue
			}
			stale = 0
			c.seenAt[k] = int32(len(hits))
			hits = append(hits, hit{k, 1})
		}
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if x := cmp.Compare(b.n, a.n); x != 0 {
			return x
		}
		return cmp.Compare(b.k, a.k) // the most recent story first
	})
	if len(hits) > c.opt.Candidates {
		hits = hits[:c.opt.Candidates]
	}
	c.hits = hits
	out := c.cands[:0]
	for _, h := range hits {
		out = append(out, int(h.k))
	}
	c.cands = out
	return out
}

// reindex files story k under the heaviest terms of its centroid.
func (c *Clusterer) reindex(k int) {
	for _, t := range c.clusters[k].sum.Top(indexTerms) {
		p := c.index[t]
		if n := len(p); n > 0 && p[n-1] == int32(k) {
			continue
		}
		if slices.Contains(p, int32(k)) {
			continue
		}
		p = append(p, int32(k))
		if len(p) > postingCap {
			p = p[len(p)-postingCap:]
		}
		c.index[t] = p
	}
}

// addTruncated returns sum+v, keeping its n heaviest terms (ties by
// term), and its length. The result reuses sum's memory.
func (c *Clusterer) addTruncated(sum, v textsim.Vector, n int) (textsim.Vector, float64) {
	m := c.merged
	m.Terms, m.Weights = m.Terms[:0], m.Weights[:0]
	i, j := 0, 0
	for i < len(sum.Terms) || j < len(v.Terms) {
		switch {
		case j == len(v.Terms) || (i < len(sum.Terms) && sum.Terms[i] < v.Terms[j]):
			m.Terms, m.Weights = append(m.Terms, sum.Terms[i]), append(m.Weights, sum.Weights[i])
			i++
		case i == len(sum.Terms) || v.Terms[j] < sum.Terms[i]:
			m.Terms, m.Weights = append(m.Terms, v.Terms[j]), append(m.Weights, v.Weights[j])
			j++
		default:
			m.Terms, m.Weights = append(m.Terms, v.Terms[j]), append(m.Weights, sum.Weights[i]+v.Weights[j])
			i++
			j++
		}
	}
	c.merged = m
	keep := c.order[:0]
	for k := range m.Terms {
		keep = append(keep, k)
	}
	if len(keep) > n {
		slices.SortFunc(keep, func(a, b int) int {
			if x := cmp.Compare(m.Weights[b], m.Weights[a]); x != 0 {
				return x
			}
			return cmp.Compare(m.Terms[a], m.Terms[b])
		})
		keep = keep[:n]
		slices.Sort(keep) // back in term order
	}
	c.order = keep
	out := textsim.Vector{Terms: sum.Terms[:0], Weights: sum.Weights[:0]}
	if cap(out.Terms) < len(keep) {
		size := min(max(2*len(keep), 8), n)
		out = textsim.Vector{Terms: make([]uint64, 0, size), Weights: make([]float32, 0, size)}
	}
	var norm float64
	for _, k := range keep {
		out.Terms, out.Weights = append(out.Terms, m.Terms[k]), append(out.Weights, m.Weights[k])
		norm += float64(m.Weights[k]) * float64(m.Weights[k])
	}
	return out, math.Sqrt(norm)
}

// dateOf returns the start of the period a date names; false when it is
// unknown. A date known only to the year is too vague to place an
// article in a story's week and counts as unknown.
func dateOf(d veille.Date) (time.Time, bool) {
	if d.IsZero() || d.Precision < veille.PrecisionMonth {
		return time.Time{}, false
	}
	s, _, ok := d.Span()
	return s, ok
}

// Stories returns the stories built so far, with their links, the most
// recent first (by last date; undated last), then by id.
func (c *Clusterer) Stories() []Story {
	out := make([]Story, len(c.clusters))
	for k, cl := range c.clusters {
		s := Story{ID: cl.id, Articles: slices.Clone(cl.members)}
		s.Label = cl.label
		for e, n := range cl.ents {
			s.Entities = append(s.Entities, EntityCount{Entity: e, Label: c.labels[e], Articles: n})
		}
		slices.SortFunc(s.Entities, func(a, b EntityCount) int {
			if x := cmp.Compare(b.Articles, a.Articles); x != 0 {
				return x
			}
			return strings.Compare(a.Entity, b.Entity)
		})
		slices.SortStableFunc(s.Articles, func(a, b Member) int { return a.Published.Compare(b.Published) })
		for _, m := range s.Articles {
			if _, ok := dateOf(m.Published); !ok {
				continue
			}
			if s.Start.IsZero() || m.Published.Compare(s.Start) < 0 {
				s.Start = m.Published
			}
			if s.End.IsZero() || m.Published.Compare(s.End) > 0 {
				s.End = m.Published
			}
		}
		out[k] = s
	}
	c.link(out)
	slices.SortStableFunc(out, func(a, b Story) int {
		if x := b.End.Compare(a.End); x != 0 {
			return x
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// link marks the stories that continue one another: a later story whose
// vector is close to an earlier one's, starting after it ends and within
// LinkWindow.
func (c *Clusterer) link(out []Story) {
	for k, cl := range c.clusters {
		if !cl.dated {
			continue
		}
		centre := unit(cl)
		for _, j := range c.candidates(centre, time.Time{}, false) {
			o := c.clusters[j]
			if j == k || !o.dated || !o.first.After(cl.last) || o.first.Sub(cl.last) > c.opt.LinkWindow {
				continue
			}
			if o.cos(centre) < c.opt.LinkThreshold {
				continue
			}
			out[k].ContinuedBy = append(out[k].ContinuedBy, out[j].ID)
			out[j].Continues = append(out[j].Continues, out[k].ID)
		}
	}
	for k := range out {
		slices.Sort(out[k].ContinuedBy)
		slices.Sort(out[k].Continues)
	}
}

// unit returns the story's centre at unit length.
func unit(cl *cluster) textsim.Vector {
	v := textsim.Vector{Terms: cl.sum.Terms, Weights: slices.Clone(cl.sum.Weights)}
	return v.Normalize()
}

// leadOf returns the start of a text for a label: its first line, cut at
// a word boundary after about 90 bytes.
func leadOf(text string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	if len(text) <= 100 {
		return strings.Clone(text) // not a slice that keeps the whole text alive
	}
	cut := strings.LastIndexByte(text[:100], ' ')
	if cut < 40 {
		cut = 100
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
	}
	return strings.TrimSpace(text[:cut]) + "…"
}
