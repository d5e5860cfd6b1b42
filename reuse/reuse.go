// Package reuse finds the passages two news texts share — a copy, a
// truncated or lightly rewritten republication, two outlets running the
// same wire dispatch — with their byte spans in both texts, and tells which
// text is the source when the publication dates allow it.
//
// It is hand-written because no Go library aligns text reuse: the Go text
// libraries compare whole strings (edit distances, diffs) or score
// documents (MinHash, TF-IDF), none finds the shared passages of two long
// texts amid chrome, rewrites and reordering, and none searches a corpus
// for them without comparing every pair. The method follows passim (Smith
// and others, "Infectious texts", 2013) and BLAST-style seed-and-extend:
//
//   - Words: the Word and Number tokens of tokenize.Tokens, folded with
//     tokenize.Fold (case, accents and typography do not count), hashed.
//   - Align: seeds are the word n-grams (Options.N) both texts hold; seeds
//     close in both texts are chained (at most Options.MaxGap unmatched
//     words between two, on either side), the gaps between them aligned
//     word by word (edit distance) and the chains extended by equal words
//     at both ends. A chain is cut where the words between two seeds are
//     whole lines (an advertisement, a "read also" link inserted between
//     paragraphs), so that chrome is never inside a passage. A passage is
//     kept when at least Options.MinWords of its words are equal. An
//     n-gram repeated many times in both texts pairs its occurrences in
//     order instead of all with all, so a text of one word repeated
//     100,000 times aligns in linear time.
//   - Compare reports a pair when its passages hold Options.MinPairWords
//     equal words, and classifies it: verbatim (no edit, no reordering),
//     rewrite (words substituted, added or dropped inside paragraphs,
//     sentences or paragraphs moved, the opening rewritten) or wire (both
//     texts credit the same news agency near the passages: neither copied
//     the other); it orients the pair by the publication dates at the
//     precision they are known.
//   - Index and Find search a corpus in time linear in its size: each
//     document is fingerprinted by winnowing its folded word n-grams
//     (Schleimer, Wilkerson and Aiken, 2003); postings of the fingerprints
//     held by more than Options.MaxDocFreq documents, or by
//     Options.SiteDocs documents of one site, are boilerplate and not
//     searched; documents sharing Options.MinShared fingerprints are
//     candidates, aligned with Compare. Exact duplicates are grouped
//     first, so 10,000 copies of one text cost one alignment.
package reuse

import (
	"github.com/veille-news/veille"
)

// Doc is a text to search for reuse, with what tells its origin.
type Doc struct {
	// ID identifies the document in the pairs found.
	ID string
	// Site is the outlet that published it ("" when unknown); passages
	// that several documents of one site share are its template, not
	// reuse.
	Site  string
	Title string
	// Text is the article body; passages are byte spans into it.
	Text string
	// Published is the publication date at the precision known; the
	// zero Date when unknown.
	Published veille.Date
}

// Options tune the alignment and the corpus search. The zero value of a
// field means its default.
type Options struct {
	// N is the length in words of the seeds Align chains (default 5).
	N int
	// MinWords is the number of equal words a passage needs to be kept
	// (default 15).
	MinWords int
	// MaxGap is the most unmatched words allowed on either side between
	// two seeds of one passage (default 10): a substitution or an
	// insertion of a few words does not cut a passage, an inserted block
	// of chrome does.
	MaxGap int
	// MinIdentity is the least share of equal words a passage keeps
	// (default 0.6).
	MinIdentity float64
	// MinPairWords is the number of equal words the passages of two
	// texts need in all for Compare and Find to report them (default
	// 40, about two sentences): one shared line is more often a link to
	// a third article, a slogan or a quotation both texts made than a
	// copy.
	MinPairWords int

	// Shingle is the length in words of the n-grams Index fingerprints
	// (default 7).
	Shingle int
	// Window is the winnowing window, in n-grams (default 4): every run
	// of Shingle+Window-1 words two documents share gives them a common
	// fingerprint.
	Window int
	// MinShared is the number of common fingerprints that makes two
	// documents a candidate pair (default 2).
	MinShared int
	// MaxDocFreq is the number of documents above which a fingerprint is
	// boilerplate and not searched (default 100).
	MaxDocFreq int
	// SiteDocs is the number of documents of one site that make a
	// fingerprint they share that site's template (default 3; negative:
	// no site templates).
	SiteDocs int
	// MaxPairs is the most candidate pairs a document forms with the
	// documents before it, those sharing the most fingerprints first
	// (default 50).
	MaxPairs int
	// Workers is the number of alignments Find runs at once (default
	// GOMAXPROCS).
	Workers int
}

func (o Options) withDefaults() Options {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.N, 5)
	def(&o.MinWords, 15)
	def(&o.MinPairWords, 40)
	def(&o.MaxGap, 10)
	def(&o.Shingle, 7)
	def(&o.Window, 4)
	def(&o.MinShared, 2)
	def(&o.MaxDocFreq, 100)
	def(&o.MaxPairs, 50)
	if o.SiteDocs == 0 {
		o.SiteDocs = 3
	}
	if o.MinIdentity <= 0 {
		o.MinIdentity = 0.6
	}
	return o
}
