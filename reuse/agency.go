package reuse

import (
	"strings"

	"github.com/veille-news/veille/tokenize"
)

// agencies maps the names of news agencies, as written (case counts:
// "AP" is the agency, "ap" is not), to the name they are reported by.
var agencies = map[string]string{
	"AFP": "AFP", "Reuters": "Reuters", "REUTERS": "Reuters", "AP": "AP",
	"APS": "APS", "AIB": "AIB", "MAP": "MAP", "Xinhua": "Xinhua", "XINHUA": "Xinhua",
	"Sputnik": "Sputnik", "TASS": "TASS", "Tass": "TASS", "Novosti": "RIA Novosti",
	"ANP": "ANP", "PANA": "PANA", "Panapress": "PANA", "APA": "APA", "dpa": "dpa",
	"DPA": "dpa", "ACP": "ACP", "AMAP": "AMAP", "AGP": "AGP", "AIP": "AIP", "ATS": "ATS",
	"EFE": "EFE", "ANSA": "ANSA", "Anadolu": "Anadolu", "Interfax": "Interfax",
	"ANGOP": "ANGOP", "MENA": "MENA", "IRNA": "IRNA", "Belga": "Belga", "Bloomberg": "Bloomberg",
	"France-Presse": "AFP", "RIA": "RIA Novosti",
}

// agencyNames are agencies' full names, folded word by word: they are
// credits wherever they appear.
var agencyNames = []struct {
	words  []string
	agency string
}{
	{[]string{"agence", "france-presse"}, "AFP"},
	{[]string{"agence", "france", "presse"}, "AFP"},
	{[]string{"associated", "press"}, "AP"},
	{[]string{"ria", "novosti"}, "RIA Novosti"},
	{[]string{"agence", "d'", "information", "du", "burkina"}, "AIB"},
	{[]string{"agence", "nigerienne", "de", "presse"}, "ANP"},
	{[]string{"agence", "de", "presse", "africaine"}, "APA"},
	{[]string{"agence", "de", "presse", "senegalaise"}, "APS"},
	{[]string{"algerie", "presse", "service"}, "APS"},
	{[]string{"maghreb", "arabe", "presse"}, "MAP"},
	{[]string{"agence", "malienne", "de", "presse"}, "AMAP"},
	{[]string{"agence", "congolaise", "de", "presse"}, "ACP"},
	{[]string{"agence", "ivoirienne", "de", "presse"}, "AIP"},
	{[]string{"agence", "guineenne", "de", "presse"}, "AGP"},
	{[]string{"agence", "panafricaine", "de", "presse"}, "PANA"},
	{[]string{"agence", "chine", "nouvelle"}, "Xinhua"},
}

// creditBefore are the folded words that, a few words before an agency's
// name, make it the source of the text: "selon l'AFP", "a rapporté
// Reuters", "a déclaré à l'AFP", "avec AFP", "© AFP".
var creditBefore = map[string]bool{
	"selon": true, "apres": true, "rapporte": true, "rapportent": true, "rapportait": true,
	"indique": true, "indiquait": true, "annonce": true, "annoncait": true, "cite": true,
	"citee": true, "cites": true, "citant": true, "relaye": true, "relayee": true,
	"declare": true, "dit": true, "confie": true, "affirme": true, "explique": true,
	"precise": true, "interroge": true, "interrogee": true, "contacte": true, "contactee": true,
	"joint": true, "jointe": true, "avec": true, "source": true, "sources": true, "©": true,
	"credit": true, "credits": true, "depeche": true, "depeches": true, "agence": true,
	"photo": true, "ecrit": true, "aupres": true,
}

// creditAfter are the folded words that, just after an agency's name,
// make it the source: "l'AFP a appris", "Reuters rapporte".
var creditAfter = map[string]bool{
	"rapporte": true, "indique": true, "annonce": true, "appris": true, "apprend": true,
	"precise": true, "affirme": true, "ecrit": true, "cite": true, "signale": true,
}

// credit is a mention of a news agency as a source of the text.
type credit struct {
	agency string
	pos    int // byte offset
}

// credits finds where text s credits a news agency: the agency's full
// name anywhere, its short name in parentheses ("OUAGADOUGOU (AFP) -"),
// after or before a word of attribution, or as the last word.
func credits(s string) []credit {
	toks := tokenize.Tokens(s)
	folded := make([]string, len(toks))
	for i, t := range toks {
		folded[i] = tokenize.Fold(t.Text)
	}
	var out []credit
	lastWord := -1
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].Kind == tokenize.Word {
			lastWord = k
			break
		}
	}
	skip := 0 // tokens of a full name already credited
	for k, t := range toks {
		if k < skip {
			continue
		}
		if name, n := fullName(folded[k:]); n > 0 {
			out = append(out, credit{name, t.Start})
			skip = k + n
			continue
		}
		name, ok := agencies[t.Text]
		if !ok {
			continue
		}
		if name == "RIA Novosti" && t.Text == "RIA" && (k+1 >= len(toks) || folded[k+1] != "novosti") {
			continue
		}
		if k == lastWord || parenthesised(toks, k) || cued(folded, toks, k) {
			out = append(out, credit{name, t.Start})
		}
	}
	return out
}

// fullName returns the agency whose full name starts words, and its
// length in tokens.
func fullName(words []string) (string, int) {
	if len(words) == 0 || (words[0] != "agence" && words[0] != "associated" && words[0] != "ria" &&
		words[0] != "algerie" && words[0] != "maghreb") {
		return "", 0
	}
	for _, a := range agencyNames {
		if len(words) >= len(a.words) && equalWords(words[:len(a.words)], a.words) {
			return a.agency, len(a.words)
		}
	}
	return "", 0
}

func equalWords(x, y []string) bool {
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}

// parenthesised reports whether token k is inside parentheses with at
// most other agencies: "(AFP)", "(AFP/Reuters)".
func parenthesised(toks []tokenize.Token, k int) bool {
	open := k > 0 && (toks[k-1].Text == "(" || (toks[k-1].Text == "/" && k > 1 && toks[k-2].Text != ")"))
	shut := k+1 < len(toks) && (toks[k+1].Text == ")" || toks[k+1].Text == "/")
	return open && shut
}

// cued reports whether a word of attribution comes within five tokens
// before token k, or three after, in the same sentence.
func cued(folded []string, toks []tokenize.Token, k int) bool {
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		if isTerminal(toks[j].Text) {
			break
		}
		if creditBefore[folded[j]] {
			return true
		}
	}
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if isTerminal(toks[j].Text) {
			break
		}
		if creditAfter[folded[j]] {
			return true
		}
	}
	return false
}

func isTerminal(s string) bool {
	return strings.ContainsAny(s, ".!?…") && len(s) <= 3
}

// nearCredit is how far from a passage, in bytes, a credit still counts
// for it (a dateline, a closing "avec AFP").
const nearCredit = 400

// sharedAgency returns the agency both texts credit near the passages
// they share, "" when there is none.
func sharedAgency(ta, tb *text, ps []Passage) string {
	near := func(cs []credit, span func(Passage) (int, int)) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			for _, p := range ps {
				lo, hi := span(p)
				if c.pos >= lo-nearCredit && c.pos < hi+nearCredit {
					m[c.agency] = true
					break
				}
			}
		}
		return m
	}
	ca := credits(ta.s)
	if len(ca) == 0 {
		return ""
	}
	cb := credits(tb.s)
	if len(cb) == 0 {
		return ""
	}
	na := near(ca, func(p Passage) (int, int) { return p.AStart, p.AEnd })
	nb := near(cb, func(p Passage) (int, int) { return p.BStart, p.BEnd })
	for _, c := range ca {
		if na[c.agency] && nb[c.agency] {
			return c.agency
		}
	}
	return ""
}
