package timex

import (
	"strconv"
	"strings"
)

// The words below are general French, written by hand.

var months = map[string]int{
	"janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
	"aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
	"janv.": 1, "janv": 1, "fevr.": 2, "fevr": 2, "fev.": 2, "avr.": 4, "juil.": 7,
	"sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var weekdays = map[string]int{
	"lundi": 1, "mardi": 2, "mercredi": 3, "jeudi": 4, "vendredi": 5, "samedi": 6, "dimanche": 7,
}

// weekdayPlural maps "jeudis" to Thursday, for "tous les jeudis".
var weekdayPlural = map[string]int{
	"lundis": 1, "mardis": 2, "mercredis": 3, "jeudis": 4, "vendredis": 5, "samedis": 6, "dimanches": 7,
}

// unit is a calendar unit of durations and offsets.
type unit struct {
	code string // TIMEX3 duration letter: S, M (minutes, after T), H, D, W, M, Y
	time bool   // a time unit (PT...)
	mult int    // multiples: a decade is 10 years
}

var units = map[string]unit{
	"seconde": {"S", true, 1}, "secondes": {"S", true, 1},
	"minute": {"M", true, 1}, "minutes": {"M", true, 1},
	"heure": {"H", true, 1}, "heures": {"H", true, 1},
	"jour": {"D", false, 1}, "jours": {"D", false, 1}, "journee": {"D", false, 1}, "journees": {"D", false, 1},
	"semaine": {"W", false, 1}, "semaines": {"W", false, 1},
	"mois": {"M", false, 1},
	"an":   {"Y", false, 1}, "ans": {"Y", false, 1}, "annee": {"Y", false, 1}, "annees": {"Y", false, 1},
	"trimestre": {"M", false, 3}, "trimestres": {"M", false, 3},
	"semestre": {"M", false, 6}, "semestres": {"M", false, 6},
	"decennie": {"Y", false, 10}, "decennies": {"Y", false, 10},
	"siecle": {"Y", false, 100}, "siecles": {"Y", false, 100},
	"millenaire": {"Y", false, 1000}, "millenaires": {"Y", false, 1000},
}

// termNouns are nouns of a fixed length of time: "quinquennat".
var termNouns = map[string]string{
	"quinquennat": "P5Y", "septennat": "P7Y", "biennat": "P2Y", "decennie": "P10Y",
}

// partsOfDay maps the parts of a day to their TIMEX3 codes.
var partsOfDay = map[string]string{
	"matin": "MO", "matinee": "MO", "apres-midi": "AF", "soir": "EV", "soiree": "EV",
	"nuit": "NI", "journee": "DT",
}

var seasons = map[string]string{
	"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI",
}

// directions are the words after a date that place it before or after
// the anchor: "mercredi dernier", "l'an prochain".
var directions = map[string]int{
	"dernier": -1, "derniere": -1, "derniers": -1, "dernieres": -1, "passe": -1, "passee": -1,
	"precedent": -1, "precedente": -1,
	"prochain": 1, "prochaine": 1, "prochains": 1, "prochaines": 1, "suivant": 1, "suivante": 1,
}

// relDays are the words naming a day by its distance to the anchor.
var relDays = map[string]int{
	"hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "apres-demain": 2,
}

// refWords name general times: "désormais" is now.
var refWords = map[string]string{
	"actuellement": "PRESENT_REF", "desormais": "PRESENT_REF", "maintenant": "PRESENT_REF",
	"dorenavant": "FUTURE_REF", "autrefois": "PAST_REF", "jadis": "PAST_REF",
	"naguere": "PAST_REF", "recemment": "PAST_REF",
}

// setAdverbs are adverbs of frequency (the adjectives are setAdjectives).
var setAdverbs = map[string]string{
	"quotidiennement": "P1D", "hebdomadairement": "P1W", "mensuellement": "P1M",
	"annuellement": "P1Y",
}

var numberWords = map[string]float64{
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
	"huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
	"quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
	"cinquante": 50, "soixante": 60, "cent": 100, "cents": 100, "mille": 1000,
	"demi": 0.5, "demie": 0.5,
}

// ParseNumber reads a number written in digits ("30", "30,4", "1er") or
// in words ("trois", "dix-huit", "quatre-vingt-dix"), w folded (lower
// case, no accents); "un", "une" are 1, "demi" is not a number alone.
func ParseNumber(w string) (float64, bool) {
	if w == "" {
		return 0, false
	}
	if c := w[0]; c >= '0' && c <= '9' {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "er"), "e")
		f, err := strconv.ParseFloat(strings.Replace(w, ",", ".", 1), 64)
		return f, err == nil
	}
	parts := strings.Split(w, "-")
	total, cur := 0.0, 0.0
	for i, p := range parts {
		if p == "et" {
			continue
		}
		v, ok := numberWords[p]
		if !ok || v < 1 {
			return 0, false
		}
		switch {
		case v == 100 || v == 1000:
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
		case v == 20 && i > 0 && parts[i-1] == "quatre":
			cur = cur - 4 + 80
		default:
			cur += v
		}
	}
	return total + cur, true
}

// vague are the words of a duration of unknown length: "plusieurs jours".
var vague = map[string]bool{
	"plusieurs": true, "quelques": true, "des": true, "nombreux": true, "nombreuses": true,
}
