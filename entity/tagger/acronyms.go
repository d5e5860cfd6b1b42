package tagger

import "strings"

// commonAcronyms are acronyms of French (and English) news that name
// things in general, not a person, place or organisation: diseases,
// currencies, units, time zones, job titles, kinds of organisation ("une
// ONG"). Written by hand; lower case.
var commonAcronyms = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		vih sida hiv aids adn arn sras ist mst ogm covid
		gmt utc cet
		cfa fcfa xof xaf usd eur
		pib pnb tva ttc ht ide ppp btp
		sms mms gps usb pdf tv tnt dvd cd pc ia ai wifi www html
		ceo pdg dg drh mvp vip qg rdv cv
		ong ngo pme tpe
		km kg mw gw kwh mwh
		bac ok svp nb`) {
		commonAcronyms[w] = true
	}
}

// IsCommonAcronym reports whether word is an acronym that names things in
// general ("VIH", "FCFA", "GMT", "PDG", "ONG"), which the tagger's
// training and the recogniser never take for an organisation.
func IsCommonAcronym(word string) bool {
	return len(word) <= 8 && commonAcronyms[strings.ToLower(word)]
}
