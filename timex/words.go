package timex

import (
	"fmt"
	"time"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/tokenize"
)

// The rules of this file read the single words and set phrases that the
// FR-TimeBank annotation guide counts as temporal expressions besides
// dates and durations: adverbs ("auparavant", "prochainement"),
// adjectives ("l'actuel directeur", "le lot quotidien", "des explosions
// nocturnes", "la saison estivale"), approximate counts ("une dizaine
// d'années"), named days of the calendar ("Noël", "la Toussaint") and
// phrases pointing at a time already told ("à ce moment-là", "à la même
// époque").

// refAdverbs are adverbs of a general time, besides refWords.
var refAdverbs = map[string]string{
	"auparavant": "PAST_REF", "precedemment": "PAST_REF", "dernierement": "PAST_REF",
	"anciennement": "PAST_REF", "nouvellement": "PAST_REF", "prochainement": "FUTURE_REF",
	"bientot": "FUTURE_REF",
}

// presentAdjectives are the adjectives of now: "l'actuel président".
var presentAdjectives = map[string]bool{
	"actuel": true, "actuelle": true, "actuels": true, "actuelles": true,
}

// setAdjectives are adjectives of frequency; as nouns after a
// determiner they name periodicals ("le quotidien Le Monde",
// "l'hebdomadaire Jeune Afrique") and are no time, and so do the
// masculine plurals ("les principaux quotidiens") and "la presse
// quotidienne", which are left out.
var setAdjectives = map[string]string{
	"quotidien": "P1D", "quotidienne": "P1D", "quotidiennes": "P1D",
	"journalier": "P1D", "journaliere": "P1D", "journaliers": "P1D", "journalieres": "P1D",
	"hebdomadaire": "P1W", "annuel": "P1Y", "annuelle": "P1Y", "mensuel": "P1M", "mensuelle": "P1M", "mensuelles": "P1M", "annuels": "P1Y",
	"annuelles": "P1Y", "bimensuel": "P2W",
	"bimestriel": "P2M", "trimestriel": "P3M", "trimestrielle": "P3M", "semestriel": "P6M",
	"semestrielle": "P6M",
}

// dayAdjectives are adjectives of a part of the day: "des explosions
// nocturnes".
var dayAdjectives = map[string]string{
	"nocturne": "NI", "nocturnes": "NI", "matinal": "MO", "matinale": "MO", "matinales": "MO",
	"matinaux": "MO", "vesperal": "EV", "vesperale": "EV",
}

// seasonAdjectives are adjectives of a season: "la saison estivale".
var seasonAdjectives = map[string]string{
	"estival": "SU", "estivale": "SU", "estivaux": "SU", "estivales": "SU",
	"hivernal": "WI", "hivernale": "WI", "hivernaux": "WI", "hivernales": "WI",
	"printanier": "SP", "printaniere": "SP", "printaniers": "SP", "printanieres": "SP",
	"automnal": "FA", "automnale": "FA", "automnaux": "FA", "automnales": "FA",
}

// isDeterminer reports whether f makes the word after it a noun: an
// article, a possessive, a demonstrative.
func isDeterminer(f string) bool {
	switch f {
	case "le", "la", "l'", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
		"son", "sa", "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "d'", "de":
		return true
	}
	return false
}

// ruleWord reads the one-word expressions: adverbs, and adjectives used
// as adjectives.
func ruleWord(ts []tok, i int) *cand {
	f := at(ts, i)
	one := func(typ, v string) *cand {
		return &cand{s: i, e: i + 1, typ: typ, resolve: fixed(v)}
	}
	if v, ok := refAdverbs[f]; ok {
		return one(veille.TimexDate, v)
	}
	if presentAdjectives[f] {
		return one(veille.TimexDate, "PRESENT_REF")
	}
	if isDeterminer(at(ts, i-1)) && !presentAdjectives[f] {
		return nil // "le quotidien", "la nocturne", "l'hebdomadaire"
	}
	if i == 0 || ts[i-1].kind != ts[i].kind || ts[i-1].sent != ts[i].sent {
		return nil // an adjective follows its noun
	}
	if v, ok := setAdjectives[f]; ok && at(ts, i-1) != "presse" {
		return one(veille.TimexSet, v)
	}
	if p, ok := dayAdjectives[f]; ok {
		return one(veille.TimexTime, "T"+p)
	}
	if s, ok := seasonAdjectives[f]; ok {
		return one(veille.TimexDate, "XXXX-"+s)
	}
	return nil
}

// approxCounts are the nouns of an approximate count: "une dizaine".
var approxCounts = map[string]float64{
	"huitaine": 8, "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20,
	"trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}

// ruleApprox reads "une dizaine d'années", "une quinzaine de jours",
// "quelques dizaines de minutes": an approximate duration.
func ruleApprox(ts []tok, i int) *cand {
	f := at(ts, i)
	if f != "une" && f != "la" {
		return nil
	}
	n, ok := approxCounts[at(ts, i+1)]
	if !ok || (at(ts, i+2) != "de" && at(ts, i+2) != "d'") {
		return nil
	}
	u, ok := units[at(ts, i+3)]
	if !ok {
		return nil
	}
	if isAge(ts, i, i+4, u) {
		return nil
	}
	return &cand{s: i, e: i + 4, typ: veille.TimexDuration, mod: "APPROX", resolve: fixed(durValue(n, u, false))}
}

// rulePhrase reads set phrases: "à ce moment-là", "à la même époque",
// "l'époque", "à l'heure actuelle", "ces jours-ci", "l'année en cours",
// "la nouvelle année", "les prochaines semaines", "les mois d'été",
// "toute la journée".
func rulePhrase(ts []tok, i int) *cand {
	f := at(ts, i)
	seq := func(k int, words ...string) bool {
		for n, w := range words {
			if at(ts, k+n) != w {
				return false
			}
		}
		return true
	}
	dateAt := func(e int, resolve func(c *context) string) *cand {
		return &cand{s: i, e: e, typ: veille.TimexDate, resolve: resolve}
	}
	switch {
	case seq(i, "ce", "moment-la"), seq(i, "ce", "moment", "la"), seq(i, "cet", "instant-la"):
		e := i + 2
		if at(ts, i+1) == "moment" {
			e++
		}
		return &cand{s: i, e: e, typ: veille.TimexTime, resolve: func(c *context) string { return c.xday() }}
	case seq(i, "la", "meme", "epoque"), seq(i, "la", "meme", "periode"):
		return dateAt(i+3, func(c *context) string {
			if c.hasRef {
				return ym(c.ref)
			}
			return "PAST_REF"
		})
	case seq(i, "l'", "epoque") && at(ts, i-1) != "de":
		return dateAt(i+2, fixed("PAST_REF"))
	case seq(i, "l'", "heure", "actuelle"), seq(i, "l'", "epoque", "actuelle"), seq(i, "ces", "jours-ci"):
		e := i + 3
		if f == "ces" {
			e = i + 2
		}
		return dateAt(e, fixed("PRESENT_REF"))
	case seq(i, "la", "nouvelle", "annee"):
		return dateAt(i+3, func(c *context) string {
			if !c.hasMonth {
				return ""
			}
			y := c.month.Year()
			if c.month.Month() > time.March {
				y++
			}
			return fmt.Sprintf("%04d", y)
		})
	}
	// "l'année en cours", "le mois en cours", "la semaine en cours"
	if isDet(f) && seq(i+2, "en", "cours") {
		var v func(a time.Time) string
		switch at(ts, i+1) {
		case "annee":
			v = yy
		case "mois":
			v = ym
		case "semaine":
			v = week
		default:
			return nil
		}
		return dateAt(i+4, func(c *context) string {
			if !c.hasAnchor {
				return ""
			}
			return v(c.anchor)
		})
	}
	// "les mois d'été": the season
	if f == "les" && at(ts, i+1) == "mois" && at(ts, i+2) == "d'" {
		if s, ok := seasons[at(ts, i+3)]; ok {
			return dateAt(i+4, fixed("XXXX-"+s))
		}
	}
	// "les prochaines semaines", "les derniers mois", "des dernières années"
	if f == "les" || f == "des" || directions[f] != 0 {
		s, j := i, i+1
		if directions[f] != 0 {
			if at(ts, i-1) != "des" {
				return nil
			}
			j = i
		} else if f == "des" {
			return nil // read from the adjective
		}
		dir := directions[at(ts, j)]
		if dir == 0 || (at(ts, j) != "prochaines" && at(ts, j) != "prochains" && at(ts, j) != "dernieres" && at(ts, j) != "derniers") {
			return nil
		}
		u, ok := units[at(ts, j+1)]
		if !ok {
			return nil
		}
		return &cand{s: s, e: j + 2, typ: veille.TimexDuration, resolve: fixed(durValue(0, u, true))}
	}
	// "toute la journée", "toute l'année", "toute la semaine"
	if f == "toute" && (at(ts, i+1) == "la" || at(ts, i+1) == "l'") {
		if u, ok := units[at(ts, i+2)]; ok && !u.time {
			return &cand{s: i, e: i + 3, typ: veille.TimexDuration, resolve: fixed(durValue(1, u, false))}
		}
	}
	return nil
}

// holidays are the fixed days of the French calendar, by the folded
// words naming them after their article.
var holidays = map[string][2]int{
	"noel": {12, 25}, "toussaint": {11, 1}, "saint-sylvestre": {12, 31}, "jour de l'an": {1, 1},
	"saint-valentin": {2, 14}, "assomption": {8, 15},
}

// ruleHoliday reads "Noël", "la Toussaint", "le jour de l'an", "Pâques",
// "la Pentecôte": a day of the calendar, in the year the sentence points
// at.
func ruleHoliday(ts []tok, i int) *cand {
	f := at(ts, i)
	s, j := i, i
	if isDet(f) {
		j = i + 1
	}
	name, e := at(ts, j), j+1
	if name == "jour" && at(ts, j+1) == "de" && at(ts, j+2) == "l'" && at(ts, j+3) == "an" {
		name, e = "jour de l'an", j+4
	} else if j >= len(ts) || !upperFirst(ts[j].text) {
		return nil // "la toussaint" in lower case is rare; "pâques" never
	}
	if name == "paques" || name == "pentecote" {
		off := 0
		if name == "pentecote" {
			off = 49
		}
		return &cand{s: s, e: e, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
			if !c.hasMonth {
				return ""
			}
			y := c.month.Year()
			t := easter(y).AddDate(0, 0, off)
			if d := t.Sub(c.month); d > 200*24*time.Hour && !c.future {
				t = easter(y-1).AddDate(0, 0, off)
			}
			return ymd(t)
		}}
	}
	md, ok := holidays[name]
	if !ok {
		return nil
	}
	if at(ts, j-1) == "pere" || (e < len(ts) && ts[e].kind == tokenize.Word && upperFirst(ts[e].text)) {
		return nil // "le Père Noël", "Noël Mamère"
	}
	if dir, ok := directions[at(ts, e)]; ok {
		e++
		return &cand{s: s, e: e, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
			t, ok := c.nearestMonthDay(md[0], md[1], dir)
			if !ok {
				return fmt.Sprintf("XXXX-%02d-%02d", md[0], md[1])
			}
			return ymd(t)
		}}
	}
	return &cand{s: s, e: e, typ: veille.TimexDate, date: true, resolve: func(c *context) string {
		t, ok := c.nearestMonthDay(md[0], md[1], 0)
		if !ok {
			return fmt.Sprintf("XXXX-%02d-%02d", md[0], md[1])
		}
		return ymd(t)
	}}
}

// easter returns Easter Sunday of year y in the Gregorian calendar (the
// anonymous algorithm of 1876, Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}
