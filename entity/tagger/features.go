package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Feature templates. Their numbers are part of the model file format:
// append new ones, never renumber.
const (
	fBias = iota + 1
	fWord
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fShape
	fClassInit
	fWordM1
	fWordP1
	fWordM2
	fWordP2
	fShapeM1
	fShapeP1
	fClassM2
	fClassP2
	fBigramM1
	fBigramP1
	fShape3
	fCluster
	fClusterM1
	fClusterP1
	fCoarse
	fCaps
	fCapsClassInit
	fTrigM1
	fTrigM2
	fTrigM1Class
	fGaz
	fGazM1
	fGazP1
	fGazClass
	fWordM1Class
	fClass3
	fLen
	fCoarseM1
	fCoarseP1
	fTrigInSpan
	_ // three templates tried and dropped (no gain); kept as gaps so
	_ // that the numbers of the later ones, part of the model, stay
	_
	fBagLeft
	fBagRight
	fOrgInSpan
	fGiven
	fGivenCtx
	fTrigP1
	fOrgTail
)

// Token classes (capitalisation and character kinds).
const (
	clsOther = iota // mixed or other characters
	clsLower        // all lower-case letters
	clsTitle        // upper-case first letter, then lower-case or none
	clsUpper        // two or more letters, all upper-case
	clsDigit        // digits only
	clsPunct        // punctuation or symbols only
	clsMixed        // letters of both cases beyond the first ("McDonald", "iPhone")
	clsAlnum        // letters and digits
)

// Caps buckets: how often the word is capitalised inside a sentence in the
// unlabelled corpus the lexicon was built from.
const (
	capsUnseen = iota
	capsNever
	capsRare
	capsHalf
	capsMostly
	capsAlways
)

// Trigger classes of a preceding word.
const (
	trigNone  = iota
	trigTitle // a person's title or honorific: "M.", "Président", "Colonel-major"
	trigPlace // a preposition before places: "à", "en", "vers"
	trigOrg   // a word heading organisation names: "ministère", "parti"
	trigNoun  // a place noun: "ville", "région", "capitale"
	trigVerb  // a speech verb: "a déclaré", "selon"
)

// triggers are hand-written French function and title words (general
// language, not taken from any data set).
var triggers = map[string]uint8{}

func init() {
	add := func(c uint8, words ...string) {
		for _, w := range words {
			triggers[w] = c
		}
	}
	add(trigTitle, "m.", "m", "mm.", "mm", "mme", "mmes", "mlle", "mlles", "monsieur", "madame",
		"mademoiselle", "président", "présidente", "ministre", "premier", "capitaine", "colonel",
		"colonel-major", "lieutenant-colonel", "général", "générale", "lieutenant", "commandant",
		"sergent", "adjudant", "caporal", "maréchal", "amiral", "docteur", "dr", "dr.", "professeur",
		"pr", "maître", "me", "abbé", "père", "mgr", "cardinal", "pape", "roi", "reine", "prince",
		"princesse", "duc", "duchesse", "comte", "comtesse", "baron", "sénateur", "député", "maire",
		"juge", "imam", "cheikh", "émir", "sultan", "secrétaire", "porte-parole", "ambassadeur",
		"directeur", "directrice", "sieur", "veuve", "chancelier", "chancelière", "vice-président",
		"homologue", "opposant", "journaliste", "chef", "leader", "dirigeant", "fondateur", "entraîneur",
		"attaquant", "acteur", "actrice", "chanteur", "chanteuse", "écrivain", "auteur", "peintre",
		"compositeur", "poète", "joueur", "joueuse", "épouse", "époux", "fils", "fille", "frère", "sœur")
	add(trigPlace, "à", "au", "aux", "en", "vers", "depuis", "dans", "près", "via", "outre", "sur",
		"habitant", "habitants", "originaire", "natif", "native")
	add(trigOrg, "ministère", "parti", "société", "compagnie", "banque", "université", "agence",
		"association", "comité", "conseil", "fédération", "groupe", "club", "entreprise", "mouvement",
		"syndicat", "journal", "quotidien", "chaîne", "organisation", "institut", "front", "alliance",
		"coalition", "union", "assemblée", "commission", "tribunal", "cour", "armée", "équipe",
		"fondation", "office", "centre", "observatoire", "académie", "école", "lycée", "collège",
		"église", "conférence", "ligue", "sénat", "gendarmerie", "police", "régiment", "brigade",
		"bataillon", "division", "force", "forces", "stade", "olympique", "racing", "sporting",
		"athletic", "real", "fc", "ac", "js", "tp", "cs", "sc", "afc", "usm", "asec",
		"united", "city", "rovers", "wanderers", "inc", "inc.", "ltd", "corp", "corporation",
		"group", "holding", "technologies", "airlines", "airways", "bank", "institute", "university",
		"college", "foundation", "council", "party", "ministry", "department", "times", "post", "news")
	add(trigNoun, "ville", "capitale", "région", "province", "village", "commune", "département",
		"pays", "localité", "préfecture", "quartier", "île", "fleuve", "rivière", "lac", "mont",
		"royaume", "république", "état", "canton", "district", "cercle", "frontière")
	add(trigVerb, "selon", "déclaré", "affirmé", "annoncé", "estimé", "expliqué", "indiqué", "dit",
		"nommé", "élu", "rencontré", "reçu", "succède", "remplace", "contre", "avec", "par", "et")
}

// connectors are the small words that join the parts of a name ("Ligue
// des Droits de l'Homme", "Pierre de Coubertin", "Bosnie-Herzégovine"):
// each has its own tag-transition weights, the other tokens share those of
// their capitalisation class. Part of the model format: changing the list
// needs a new model.
var connectors = []string{"de", "du", "des", "d'", "la", "le", "les", "l'", "et", "-", "en", "sur",
	"à", "au", "aux", "pour", ".", ",", "&", "of", "the", "von", "van", "da", "di", "del", "y", "el", "al", "ben", "ould", "ag"}

var connectorIndex = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, c := range connectors {
		m[c] = uint8(i)
	}
	return m
}()

// nPairCtx is the number of transition contexts: the shared one (0), one
// per connector, one per token class.
var nPairCtx = 1 + len(connectors) + 8

// tokInfo holds what the features need of one token, computed once.
type tokInfo struct {
	pctx     uint8 // transition context
	word     uint64
	pre, suf [4]uint64
	shape    uint64
	cls      uint8
	caps     uint8
	trig     uint8
	lenB     uint8
	initial  bool
	cluster  int32
	coarse   int32
	given    bool
	gaz      uint64
}

// hashing: FNV-1a over bytes, finished by a 64-bit mixer.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// feat combines a template number with up to three values into one feature
// key; the key is never 0 (the empty slot of the weight table).
func feat(tmpl int, a, b, c uint64) uint64 {
	h := mix(uint64(tmpl)*0x9e3779b97f4a7c15 ^ a)
	h = mix(h ^ b*0x632be59bd9b4e019)
	h = mix(h ^ c*0x8cb92ba72f3d8dd7)
	if h == 0 {
		h = 1
	}
	return h
}

// normRune maps a rune to its lower-case, digit-folded form.
func normRune(r rune) rune {
	switch {
	case r >= '0' && r <= '9':
		return '0'
	case r == '’' || r == 'ʼ' || r == '`' || r == '´':
		return '\''
	case r == '–' || r == '—' || r == '‐' || r == '‑':
		return '-'
	}
	return unicode.ToLower(r)
}

// normalize appends the normalised form of tok (lower-case, digits as 0,
// apostrophes and dashes unified, invalid bytes as U+FFFD) to buf.
func normalize(buf []byte, tok string) []byte {
	for _, r := range tok {
		buf = utf8.AppendRune(buf, normRune(r))
	}
	return buf
}

// shapeOf returns the token class and a hash of its shape: X for upper, x
// for lower, d for digit, other characters as themselves, runs collapsed,
// at most 8 symbols.
func shapeOf(tok string, buf []byte) (uint8, uint64, []byte) {
	buf = buf[:0]
	var last byte
	var upper, lower, digit, other, n int
	firstUpper := false
	for i, r := range tok {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLetter(r):
			c = 'x'
			lower++
		case unicode.IsDigit(r):
			c = 'd'
			digit++
		default:
			other++
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '*'
			}
		}
		n++
		if c != last && len(buf) < 8 {
			buf = append(buf, c)
		}
		last = c
	}
	cls := uint8(clsOther)
	letters := upper + lower
	switch {
	case n == 0:
		cls = clsPunct
	case letters == 0 && digit == 0:
		cls = clsPunct
	case letters == 0 && other == 0:
		cls = clsDigit
	case letters > 0 && digit > 0:
		cls = clsAlnum
	case upper == 0:
		cls = clsLower
	case firstUpper && upper == 1:
		cls = clsTitle
	case lower == 0 && upper >= 2:
		cls = clsUpper
	case lower == 0:
		cls = clsTitle // a single capital: an initial
	default:
		cls = clsMixed
	}
	return cls, hashBytes(buf), buf
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func lenBucket(n int) uint8 {
	switch {
	case n <= 1:
		return 1
	case n <= 2:
		return 2
	case n <= 3:
		return 3
	case n <= 5:
		return 4
	case n <= 8:
		return 5
	}
	return 6
}

// isSentenceEnd reports whether tok closes a sentence, so that the next
// token is sentence-initial.
func isSentenceEnd(tok string) bool {
	switch tok {
	case ".", "!", "?", "…", "...", ":", "«", "\"", "“", "-", "–", "—", "(", "•", "|":
		return true
	}
	return false
}

// scratch is the reusable working memory of one tagging call.
type scratch struct {
	info  []tokInfo
	feats []uint64 // the feature keys of one token
	buf   []byte
	sbuf  []byte
	runes []rune
}

// fill computes tokInfo for every token; gaz is the gazetteer tags or nil.
func (m *Model) fill(sc *scratch, tokens []string, gaz []string) {
	n := len(tokens)
	if cap(sc.info) < n {
		sc.info = make([]tokInfo, n)
	}
	sc.info = sc.info[:n]
	for i, tok := range tokens {
		ti := &sc.info[i]
		*ti = tokInfo{cluster: -1, coarse: -1}
		sc.buf = normalize(sc.buf[:0], tok)
		ti.word = hashBytes(sc.buf)
		// prefixes and suffixes over runes
		sc.runes = sc.runes[:0]
		for _, r := range string(sc.buf) {
			sc.runes = append(sc.runes, r)
		}
		nr := len(sc.runes)
		h := uint64(fnvOffset)
		for k := 0; k < 4 && k < nr; k++ {
			h = (h ^ uint64(sc.runes[k])) * fnvPrime
			if k < nr-1 { // a prefix shorter than the word
				ti.pre[k] = h
			}
		}
		for k := 0; k < 4 && k < nr-1; k++ {
			s := uint64(fnvOffset)
			for _, r := range sc.runes[nr-1-k:] {
				s = (s ^ uint64(r)) * fnvPrime
			}
			ti.suf[k] = s
		}
		ti.lenB = lenBucket(nr)
		ti.cls, ti.shape, sc.sbuf = shapeOf(tok, sc.sbuf)
		ti.initial = i == 0 || isSentenceEnd(tokens[i-1])
		if e, ok := m.lex[string(sc.buf)]; ok {
			ti.caps = e.caps
			if e.cluster != noCluster {
				ti.cluster, ti.coarse = int32(e.cluster), int32(e.coarse)
			}
			ti.given = e.flags&lexGiven != 0
		}
		ti.trig = triggers[string(sc.buf)]
		if c, ok := connectorIndex[string(sc.buf)]; ok {
			ti.pctx = 1 + c
		} else {
			ti.pctx = uint8(1 + len(connectors) + int(ti.cls))
		}
		if gaz != nil && i < len(gaz) && gaz[i] != "" && gaz[i] != "O" {
			ti.gaz = hashString(gaz[i])
		}
	}
}

// features writes the feature keys of position i into out and returns it.
func featuresAt(info []tokInfo, i int, out []uint64) []uint64 {
	out = out[:0]
	t := &info[i]
	none := tokInfo{cls: 255, trig: 255, cluster: -2, coarse: -2, caps: 255}
	none.word, none.shape = 1, 1
	at := func(j int) *tokInfo {
		if j < 0 || j >= len(info) {
			return &none
		}
		return &info[j]
	}
	m1, p1, m2, p2 := at(i-1), at(i+1), at(i-2), at(i+2)
	ini := uint64(0)
	if t.initial {
		ini = 1
	}
	out = append(out,
		feat(fBias, 0, 0, 0),
		feat(fWord, t.word, 0, 0),
		feat(fShape, t.shape, 0, 0),
		feat(fClassInit, uint64(t.cls), ini, 0),
		feat(fWordM1, m1.word, 0, 0),
		feat(fWordP1, p1.word, 0, 0),
		feat(fWordM2, m2.word, 0, 0),
		feat(fWordP2, p2.word, 0, 0),
		feat(fShapeM1, m1.shape, 0, 0),
		feat(fShapeP1, p1.shape, 0, 0),
		feat(fClassM2, uint64(m2.cls), 0, 0),
		feat(fClassP2, uint64(p2.cls), 0, 0),
		feat(fBigramM1, m1.word, t.word, 0),
		feat(fBigramP1, t.word, p1.word, 0),
		feat(fShape3, m1.shape, t.shape, p1.shape),
		feat(fCluster, uint64(t.cluster+3), 0, 0),
		feat(fClusterM1, uint64(m1.cluster+3), 0, 0),
		feat(fClusterP1, uint64(p1.cluster+3), 0, 0),
		feat(fCoarse, uint64(t.coarse+3), uint64(t.cls), 0),
		feat(fCoarseM1, uint64(m1.coarse+3), 0, 0),
		feat(fCoarseP1, uint64(p1.coarse+3), 0, 0),
		feat(fCaps, uint64(t.caps), 0, 0),
		feat(fCapsClassInit, uint64(t.caps), uint64(t.cls), ini),
		feat(fTrigM1, uint64(m1.trig), 0, 0),
		feat(fTrigM2, uint64(m2.trig), 0, 0),
		feat(fTrigM1Class, uint64(m1.trig), uint64(t.cls), 0),
		feat(fWordM1Class, m1.word, uint64(t.cls), 0),
		feat(fClass3, uint64(m1.cls), uint64(t.cls), uint64(p1.cls)),
		feat(fLen, uint64(t.lenB), uint64(t.cls), 0),
	)
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			out = append(out, feat(fPre1+k, t.pre[k], 0, 0))
		}
		if t.suf[k] != 0 {
			out = append(out, feat(fSuf1+k, t.suf[k], 0, 0))
		}
	}
	if t.gaz != 0 {
		out = append(out, feat(fGaz, t.gaz, 0, 0), feat(fGazClass, t.gaz, uint64(t.cls), 0))
	}
	if m1.gaz != 0 {
		out = append(out, feat(fGazM1, m1.gaz, 0, 0))
	}
	if p1.gaz != 0 {
		out = append(out, feat(fGazP1, p1.gaz, 0, 0))
	}
	// given names: the word itself, and the given names around it
	// ("Mamadou KONÉ": KONÉ follows a given name)
	if t.given {
		out = append(out, feat(fGiven, uint64(t.cls), ini, 0))
	}
	if m1.given || p1.given {
		out = append(out, feat(fGivenCtx, b2u(m1.given), b2u(p1.given), uint64(t.cls)))
	}
	// an organisation word right after ("Manchester City", "Lehman
	// Brothers Bank"), or closing a run of capitalised words within
	// three tokens ("Kansas City Chiefs FC")
	out = append(out, feat(fTrigP1, uint64(p1.trig), uint64(t.cls), 0))
	if t.cls == clsTitle || t.cls == clsUpper {
		for j := i + 1; j < len(info) && j <= i+3; j++ {
			h := &info[j]
			if h.trig == trigOrg && (h.cls == clsTitle || h.cls == clsUpper) {
				out = append(out, feat(fOrgTail, uint64(j-i), uint64(t.cls), 0))
				break
			}
			if h.cls != clsTitle && h.cls != clsUpper {
				break
			}
		}
	}
	// the words a little further away, as a bag on each side
	for d := 3; d <= 5; d++ {
		if j := i - d; j >= 0 && info[j].cls == clsLower {
			out = append(out, feat(fBagLeft, info[j].word, 0, 0))
		}
		if j := i + d; j < len(info) && info[j].cls == clsLower {
			out = append(out, feat(fBagRight, info[j].word, 0, 0))
		}
	}
	// a title within the three words before, across capitalised words
	// ("Président Ibrahim TRAORE": the title two words before TRAORE)
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if info[j].trig == trigTitle {
			out = append(out, feat(fTrigInSpan, uint64(i-j), uint64(t.cls), 0))
			break
		}
		if c := info[j].cls; c != clsTitle && c != clsUpper {
			break
		}
	}
	// an organisation head word within the four words before,
	// across the words of a name ("Banque des États de l'Afrique",
	// "Forces armées maliennes")
	lowers := 0
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		h := &info[j]
		if h.trig == trigOrg {
			out = append(out, feat(fOrgInSpan, uint64(i-j), uint64(t.cls), uint64(h.cls)))
			break
		}
		if h.cls == clsLower && h.pctx > uint8(len(connectors)) {
			if lowers++; lowers > 1 {
				break
			}
		} else if h.cls != clsTitle && h.cls != clsUpper && h.pctx > uint8(len(connectors)) {
			break
		}
	}
	return out
}
