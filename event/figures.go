package event

import (
	"strings"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/timex"
)

// figureWords name what a number counts, by kind.
var figureWords = map[string]string{
	"morts": "killed", "mort": "killed", "tues": "killed", "tuees": "killed", "tue": "killed",
	"victimes": "killed", "deces": "killed",
	"blesses": "wounded", "blessees": "wounded", "blesse": "wounded",
	"soldats": "troops", "militaires": "troops", "instructeurs": "troops", "hommes": "troops",
	"mercenaires": "troops", "combattants": "troops", "paramilitaires": "troops",
}

// nounOf are the nouns between a number and what it counts ("20 civils
// tués", "une centaine de soldats").
var nounOf = map[string]bool{
	"civils": true, "personnes": true, "soldats": true, "militaires": true, "villageois": true,
	"de": true, "d'": true, "au": true, "moins": true, "plus": true, "environ": true,
}

// killVerbs count their object as dead: "ont tué 20 civils".
var killVerbs = map[string]bool{"tue": true, "tues": true, "tuant": true, "tuent": true, "abattu": true, "abattus": true, "massacre": true}

// victims are the nouns of people killed after a killing verb.
var victims = map[string]bool{"civils": true, "personnes": true, "soldats": true, "militaires": true, "villageois": true, "habitants": true}

// approxNumbers are the French approximate quantities.
var approxNumbers = map[string]float64{
	"dizaine": 10, "dizaines": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
	"quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "centaines": 100,
	"millier": 1000, "milliers": 1000,
}

// figures reads the counted numbers of a sentence: a number (digits,
// words or "une vingtaine") followed within three words by what it
// counts, of the kinds the event type gives figures of.
func figures(text string, ws []word, typ string) []veille.Figure {
	want := map[string]bool{}
	switch typ {
	case "ASSAULT":
		want["killed"], want["wounded"] = true, true
	case "MOBILIZE", "RETREAT":
		want["troops"] = true
	default:
		return nil
	}
	var out []veille.Figure
	for i := 0; i < len(ws); i++ {
		v, approx, ok := quantityAt(ws, i)
		if !ok {
			continue
		}
		start := i
		if i > 0 && (ws[i-1].f == "une" || ws[i-1].f == "des" || ws[i-1].f == "plus" || ws[i-1].f == "pres") {
			start = i - 1
			approx = approx || ws[i-1].f != "une"
		}
		// "ont tué une vingtaine de civils": the verb before counts them
		if k := start - 1; k >= 0 && killVerbs[ws[k].f] && want["killed"] {
			end := i
			for end+1 < len(ws) && end < i+3 && (nounOf[ws[end+1].f] || victims[ws[end+1].f]) {
				end++
			}
			out = append(out, veille.Figure{Kind: "killed", Value: v, Approx: approx, Text: text[ws[k].start:ws[end].end]})
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+4; j++ {
			if kind, ok := figureWords[ws[j].f]; ok {
				if want[kind] {
					out = append(out, veille.Figure{Kind: kind, Value: v, Approx: approx, Text: text[ws[start].start:ws[j].end]})
				}
				i = j
				break
			}
			if !nounOf[ws[j].f] {
				break
			}
		}
	}
	return out
}

// quantityAt reads a number at word i: digits ("20", "1 500"), a number
// word ("trois", "vingt-cinq") or an approximate one ("vingtaine").
func quantityAt(ws []word, i int) (float64, bool, bool) {
	f := ws[i].f
	if v, ok := approxNumbers[f]; ok {
		return v, true, true
	}
	if f != "" && f[0] >= '0' && f[0] <= '9' {
		// "1 500": the tokeniser keeps grouped thousands in one token
		v, ok := timex.ParseNumber(strings.ReplaceAll(f, " ", ""))
		return v, false, ok && v > 0
	}
	if v, ok := timex.ParseNumber(f); ok && v > 1 {
		return v, false, true
	}
	return 0, false, false
}
