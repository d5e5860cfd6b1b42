// Package nerdata reads the named-entity corpora veille trains and scores its
// tagger on, and turns them into sentences of tokens with BIO tags.
//
// Three formats are read:
//
//   - Europeana newspapers (one "token TAG" per line, IOB1 tags, no
//     sentence breaks): sentences are cut after sentence-final punctuation
//     followed by a capital, and every sentence is capped in length.
//   - HIPE-2022 TSV (column NE-COARSE-LIT, MISC flags NoSpaceAfter,
//     EndOfSentence, EndOfLine): sentences end at EndOfSentence flags and
//     document boundaries; words split at a line end by an OCR hyphen ("¬")
//     are joined, elided articles split from their apostrophe ("l" "’")
//     are joined back ("l'").
//
// In both newspaper corpora, person spans are cut down to the name (see
// stripTitles), so that all corpora follow one convention: titles, roles
// and appositions are not part of the name.
//   - CoNLL-like files (index, token, BIO tag; blank line between
//     sentences), the layout of WikiNEuRal.
//
// The held-out parts used for evaluation are fixed here, so that training
// and benchmark agree on them: the last tenth of the Europeana sentences and
// the whole NewsEye dev2 file are never trained on.
package nerdata

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is a sequence of tokens with one BIO tag each ("O", "B-PER",
// "I-LOC", ...).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// Len returns the number of tokens.
func (s Sentence) Len() int { return len(s.Tokens) }

// Span is one entity of a tagged sentence: tokens [Start, End) of type Type.
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the entities encoded by BIO tags. An I- tag that does not
// continue an entity of its type starts a new one, as conlleval reads it.
func Spans(tags []string) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		prefix, typ := SplitTag(t)
		switch {
		case prefix == 'B' || (prefix == 'I' && (cur < 0 || out[cur].Type != typ)):
			out = append(out, Span{Start: i, End: i + 1, Type: typ})
			cur = len(out) - 1
		case prefix == 'I':
			out[cur].End = i + 1
		default:
			cur = -1
		}
	}
	return out
}

// SplitTag splits "B-PER" into 'B' and "PER"; "O" and malformed tags give
// 'O' and "".
func SplitTag(tag string) (byte, string) {
	if len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' {
		return tag[0], tag[2:]
	}
	return 'O', ""
}

// MaxSentence is the longest sentence the readers produce; longer runs
// without a sentence break (tables, OCR noise) are cut.
const MaxSentence = 120

// ReadCoNLL reads "index<TAB>token<TAB>tag" lines with a blank line between
// sentences. Lines with fewer than two fields are rejected.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			f = strings.Fields(line)
		}
		switch len(f) {
		case 0, 1:
			return nil, fmt.Errorf("line %d: want index, token and tag: %q", n, line)
		case 2:
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Tags = append(cur.Tags, normTag(f[1]))
		default:
			cur.Tokens = append(cur.Tokens, f[1])
			cur.Tags = append(cur.Tags, normTag(f[2]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	flush()
	return out, nil
}

func normTag(t string) string {
	p, typ := SplitTag(t)
	if p == 'O' {
		return "O"
	}
	return string(p) + "-" + typ
}

// ReadEuropeana reads "token TAG" lines in IOB1 (an I- tag opens an entity
// unless it continues one of the same type; B- separates two adjacent
// entities of one type), converts them to BIO and segments the stream into
// sentences.
func ReadEuropeana(r io.Reader) ([]Sentence, error) {
	var toks, tags []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		f := strings.Fields(sc.Text())
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("line %d: want token and tag: %q", n, sc.Text())
		}
		toks = append(toks, f[0])
		tags = append(tags, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	// IOB1 -> BIO.
	prevType := ""
	for i, t := range tags {
		p, typ := SplitTag(t)
		switch {
		case p == 'O':
			tags[i], prevType = "O", ""
		case p == 'I' && typ == prevType:
			tags[i] = "I-" + typ
		default:
			tags[i], prevType = "B-"+typ, typ
		}
	}
	sents := Segment(toks, tags)
	for i := range sents {
		sents[i].Tags = stripTitles(sents[i].Tokens, sents[i].Tags)
	}
	return sents, nil
}

// Segment cuts a token stream into sentences: after ".", "!", "?" or "…"
// when the next token starts with an upper-case letter, a digit, a dash or
// a quote, and never inside an entity. Runs longer than MaxSentence are cut
// at the next token outside an entity.
func Segment(toks, tags []string) []Sentence {
	var out []Sentence
	start := 0
	for i := range toks {
		end := false
		if i+1 < len(toks) && !strings.HasPrefix(tags[i+1], "I-") {
			if isFinal(toks[i]) && opensSentence(toks[i+1]) && !isAbbrev(toks, i) {
				end = true
			}
			if i+1-start >= MaxSentence {
				end = true
			}
		}
		if end || i+1 == len(toks) {
			out = append(out, Sentence{Tokens: toks[start : i+1 : i+1], Tags: tags[start : i+1 : i+1]})
			start = i + 1
		}
	}
	return out
}

func isFinal(t string) bool {
	switch t {
	case ".", "!", "?", "…", "...", "?!", "!?":
		return true
	}
	return false
}

// isAbbrev reports whether the "." at i closes an abbreviation such as "M."
// or a single initial, which does not end a sentence.
func isAbbrev(toks []string, i int) bool {
	if toks[i] != "." || i == 0 {
		return false
	}
	p := toks[i-1]
	if utf8.RuneCountInString(p) == 1 {
		r, _ := utf8.DecodeRuneInString(p)
		return unicode.IsUpper(r)
	}
	switch strings.ToLower(p) {
	case "m", "mm", "mme", "mmes", "mlle", "dr", "me", "mgr", "st", "ste", "col", "gén", "gal", "lt", "cap", "pr", "prof":
		return true
	}
	return false
}

func opensSentence(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("-–—«\"“(", r)
}

// hipeTypes maps HIPE coarse types to ours; types absent here become O.
var hipeTypes = map[string]string{"pers": "PER", "per": "PER", "loc": "LOC", "org": "ORG"}

// personTitles are the title tokens cut from the front of HIPE person spans.
var personTitles = map[string]bool{
	"m": true, "m.": true, "mm": true, "mm.": true, "mme": true, "mmes": true, "mlle": true, "mlles": true,
	".": true, "monsieur": true, "madame": true, "mademoiselle": true, "me": true, "dr": true,
	"docteur": true, "général": true, "colonel": true, "capitaine": true, "lieutenant": true,
	"commandant": true, "maréchal": true, "amiral": true, "président": true, "ministre": true,
	"abbé": true, "mgr": true, "sir": true, "lord": true, "prince": true, "princesse": true, "roi": true,
	"reine": true, "comte": true, "comtesse": true, "baron": true, "duc": true, "duchesse": true,
	"marquis": true, "professeur": true, "pr": true, "père": true, "frère": true, "sœur": true,
	"citoyen": true, "sénateur": true, "député": true, "maître": true, "m'": true,
}

type hipeTok struct {
	tok, tag      string
	noSpace, eos  bool
	eol, docStart bool
}

// ReadHIPE reads a HIPE-2022 TSV file (see the package doc).
func ReadHIPE(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var toks []hipeTok
	col, miscCol := -1, -1
	newDoc := true
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(line, "#") {
			if strings.Contains(line, "document_id") {
				newDoc = true
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "TOKEN" {
			for i, h := range f {
				switch h {
				case "NE-COARSE-LIT":
					col = i
				case "MISC":
					miscCol = i
				}
			}
			continue
		}
		if col < 0 || col >= len(f) {
			return nil, fmt.Errorf("line %d: no NE-COARSE-LIT column before the data", n)
		}
		t := hipeTok{tok: f[0], docStart: newDoc}
		newDoc = false
		p, typ := SplitTag(f[col])
		if mapped, ok := hipeTypes[strings.ToLower(typ)]; ok && p != 'O' {
			t.tag = string(p) + "-" + mapped
		} else {
			t.tag = "O"
		}
		if miscCol >= 0 && miscCol < len(f) {
			m := f[miscCol]
			t.noSpace = strings.Contains(m, "NoSpaceAfter")
			t.eos = strings.Contains(m, "EndOfSentence")
			t.eol = strings.Contains(m, "EndOfLine")
		}
		toks = append(toks, t)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", n, err)
	}
	toks = joinHIPE(toks)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.Tags = stripTitles(cur.Tokens, cur.Tags)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for i, t := range toks {
		if t.docStart || (len(cur.Tokens) >= MaxSentence && !strings.HasPrefix(t.tag, "I-")) {
			flush()
		}
		cur.Tokens = append(cur.Tokens, t.tok)
		cur.Tags = append(cur.Tags, t.tag)
		if t.eos && (i+1 == len(toks) || !strings.HasPrefix(toks[i+1].tag, "I-")) {
			flush()
		}
	}
	flush()
	return out, nil
}

// joinHIPE joins OCR line-end hyphenations ("ex¬" + "cessif") and elisions
// split from their apostrophe ("l" + "’" → "l'").
func joinHIPE(in []hipeTok) []hipeTok {
	out := in[:0:0]
	for i := 0; i < len(in); i++ {
		t := in[i]
		for t.noSpace && strings.HasSuffix(t.tok, "¬") && i+1 < len(in) && !in[i+1].docStart {
			next := in[i+1]
			t.tok = strings.TrimSuffix(t.tok, "¬") + next.tok
			t.noSpace, t.eos, t.eol = next.noSpace, next.eos, next.eol
			i++
		}
		if t.noSpace && i+1 < len(in) && isApostrophe(in[i+1].tok) && isElision(t.tok) {
			t.tok += "'"
			t.noSpace, t.eos = in[i+1].noSpace, in[i+1].eos
			i++
		}
		out = append(out, t)
	}
	return out
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

func isElision(s string) bool {
	switch strings.ToLower(s) {
	case "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu":
		return true
	}
	return false
}

// particles may precede the capitalised part of a person's name.
var particles = map[string]bool{
	"de": true, "d'": true, "du": true, "des": true, "van": true, "von": true, "der": true, "den": true,
	"da": true, "di": true, "del": true, "della": true, "le": true, "la": true, "ben": true, "ibn": true,
	"al": true, "el": true, "ould": true, "ag": true, "mac": true, "y": true,
}

// stripTitles makes person spans start at the name: leading titles,
// roles and articles ("M.", "le metteur en scène", "l'expert") are cut,
// particles right before the first capitalised word ("de Gaulle") are
// kept, and the span ends before a comma, colon, semicolon or parenthesis
// that follows the name (an apposition: "X, reporter à Y").
func stripTitles(toks, tags []string) []string {
	out := append([]string(nil), tags...)
	for _, sp := range Spans(tags) {
		if sp.Type != "PER" {
			continue
		}
		k := sp.Start
		for k < sp.End && (personTitles[strings.ToLower(toks[k])] || !upperFirst(toks[k])) {
			k++
		}
		for i := sp.Start; i < sp.End; i++ {
			out[i] = "O"
		}
		if k == sp.End {
			continue // no name in the span
		}
		for k > sp.Start && particles[strings.ToLower(toks[k-1])] {
			k--
		}
		end := k + 1
		for end < sp.End && !strings.Contains(",;:()", toks[end]) {
			end++
		}
		out[k] = "B-PER"
		for i := k + 1; i < end; i++ {
			out[i] = "I-PER"
		}
	}
	return out
}

func upperFirst(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// HeldOutFraction is the share of Europeana sentences, taken from the end
// of the file, kept for evaluation.
const HeldOutFraction = 0.10

// SplitTail splits sentences into the first (1-frac) and the last frac.
func SplitTail(s []Sentence, frac float64) (head, tail []Sentence) {
	cut := len(s) - int(float64(len(s))*frac)
	return s[:cut:cut], s[cut:]
}

// Corpus file locations, relative to the shared data directory
// (../shared/bench/ner seen from the repository root).
const (
	EuropeanaFile  = "europeana-fr/enp_FR.bnf.bio"
	NewsEyeTrain   = "hipe2022-newseye-fr/dev.tsv"
	NewsEyeHeldOut = "hipe2022-newseye-fr/dev2.tsv"
	WikiNEuRalTest = "wikineural-fr/test.conllu"
)

// Europeana reads the Europeana file under dir and returns its training
// and held-out parts.
func Europeana(dir string) (train, heldOut []Sentence, err error) {
	s, err := readFile(filepath.Join(dir, EuropeanaFile), ReadEuropeana)
	if err != nil {
		return nil, nil, err
	}
	train, heldOut = SplitTail(s, HeldOutFraction)
	return train, heldOut, nil
}

// NewsEye reads the NewsEye HIPE files under dir: dev is trained on, dev2
// is held out.
func NewsEye(dir string) (train, heldOut []Sentence, err error) {
	if train, err = readFile(filepath.Join(dir, NewsEyeTrain), ReadHIPE); err != nil {
		return nil, nil, err
	}
	if heldOut, err = readFile(filepath.Join(dir, NewsEyeHeldOut), ReadHIPE); err != nil {
		return nil, nil, err
	}
	return train, heldOut, nil
}

// ReadFile opens path and reads it with the given reader.
func ReadFile(path string, read func(io.Reader) ([]Sentence, error)) ([]Sentence, error) {
	return readFile(path, read)
}

func readFile(path string, read func(io.Reader) ([]Sentence, error)) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("nerdata: %w", err)
	}
	defer f.Close()
	s, err := read(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("nerdata: %s: %w", path, err)
	}
	return s, nil
}
