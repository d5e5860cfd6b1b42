package tokenize

import "strings"

// abbrClass says how an abbreviation written with a final period behaves
// at a sentence boundary.
type abbrClass uint8

const (
	notAbbr abbrClass = iota
	// abbrNever never ends a sentence: titles, "cf.", "p.".
	abbrNever
	// abbrMayEnd ends a sentence when a capitalised word follows: "etc.".
	abbrMayEnd
)

// abbreviations are the words that keep their final period, as written
// (case matters: "M." is "Monsieur", "m." is a metre at a sentence end).
var abbreviations = map[string]abbrClass{}

func init() {
	for _, w := range strings.Fields(`
		M MM Mme Mmes Mlle Mlles Mgr Mgrs Dr Drs Pr Prof Me Mr Mrs Ms Hon Rev
		Col Cdt Cmdt Lt Lieut Gén Gen Gal Cne Capt Cpt Sgt Adj Adjt Cpl Maj Lcl Cel Brig
		St Ste Sts Stes cf Cf p pp art Art av Av apr bd Bd boul No Nos vol Vol chap fig Fig
		éd ibid op cit vs env approx Ets Éts Sté Cie tél Tél réf Réf coll dir trad resp suiv ex`) {
		abbreviations[w] = abbrNever
	}
	for _, w := range strings.Fields(`
		etc Etc hab janv Janv févr Févr fév avr Avr juil Juil sept Sept oct Oct nov Nov déc Déc
		Jan Feb Mar Apr Jun Jul Aug Sep Dec Inc Ltd Co Corp Jr Sr`) {
		abbreviations[w] = abbrMayEnd
	}
}

// maxAbbrLen is the byte length of the longest abbreviation.
const maxAbbrLen = 8

// isClitic reports whether w, the letters before an apostrophe, is a French
// elided word (l' d' qu' jusqu' ...), in any case.
func isClitic(w string) bool {
	switch len(w) {
	case 1:
		switch w[0] | 0x20 {
		case 'l', 'd', 'j', 'm', 'n', 's', 't', 'c':
			return true
		}
	case 2:
		return strings.EqualFold(w, "qu") || w == "ç" || w == "Ç"
	case 6:
		return strings.EqualFold(w, "lorsqu") ||
			strings.EqualFold(w, "puisqu") || strings.EqualFold(w, "quoiqu") ||
			strings.EqualFold(w, "presqu")
	case 5:
		return strings.EqualFold(w, "jusqu")
	}
	return false
}

// pronouns are the lower-case segments that make an inverted-pronoun
// chain after a verb ("dit-il", "a-t-elle", "donne-le-moi", "allons-y").
var pronouns = map[string]bool{
	"je": true, "tu": true, "il": true, "elle": true, "on": true, "nous": true,
	"vous": true, "ils": true, "elles": true, "moi": true, "toi": true, "lui": true,
	"leur": true, "le": true, "la": true, "les": true, "en": true, "y": true, "ce": true,
	// The frequent misspelling of the euphonic t with an apostrophe.
	"t'il": true, "t’il": true, "t'elle": true, "t’elle": true, "t'on": true, "t’on": true,
	"t'ils": true, "t’ils": true, "t'elles": true, "t’elles": true,
}

// sentenceWords are capitalised words that usually start a sentence
// rather than follow an initial in a name.
var sentenceWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		Le La Les Un Une Des Il Elle Ils Elles On Ce Cet Cette Ces Cela Ça Ceci Mais Et Ou Donc Or Ni Car
		En Dans Pour Par Sur Sous Selon Parmi Comment Pourquoi Quand Si Au Aux Du De Nous Vous Je Tu
		Après Avant Depuis Pendant Alors Ainsi Puis Enfin A À Son Sa Ses Leur Leurs Notre Nos Votre Vos
		Mon Ma Mes Qui Que Quoi Où Lors Lorsque Tous Tout Toute Toutes Chaque Plusieurs Certains Certaines
		Aucun Aucune Même Pas Non Oui Cependant Toutefois Pourtant Néanmoins Outre Malgré Entre Avec Sans
		Comme Face Grâce Voici Voilà Y Ne Est Sont Était Ont Lui Eux Celui Celle Ceux
		The This That These Those He She It They We I You In At But And If When While As For With After
		Before His Her Their Its Our There Here What Why How Who`) {
		sentenceWords[w] = true
	}
}

// notInversions are hyphenated nouns that end like an inverted pronoun.
var notInversions = map[string]bool{
	"rendez-vous": true, "garde-à-vous": true, "chez-moi": true, "chez-toi": true,
	"chez-soi": true, "chez-nous": true, "chez-vous": true, "chez-lui": true,
	"m'as-tu-vu": true, "m’as-tu-vu": true, "qu'en-dira-t-on": true, "qu’en-dira-t-on": true,
	"sot-l'y-laisse": true, "sot-l’y-laisse": true,
}

// ordinalSuffixes follow digits in an ordinal number ("1er", "2ème").
var ordinalSuffixes = map[string]bool{
	"er": true, "re": true, "ère": true, "ers": true, "res": true, "ères": true,
	"e": true, "es": true, "è": true, "ème": true, "èmes": true, "eme": true, "emes": true,
	"ième": true, "ièmes": true, "ieme": true, "iemes": true, "nd": true, "nde": true,
	"nds": true, "ndes": true, "d": true, "st": true, "th": true, "rd": true,
	"ᵉ": true, "ᵉʳ": true, "ʳᵉ": true, "ᵉˢ": true, "ᵈ": true, "º": true, "ª": true,
}

// romanSuffixes follow a Roman numeral in an ordinal ("XXe", "Ier").
var romanSuffixes = map[string]bool{
	"e": true, "er": true, "re": true, "ère": true, "ème": true, "eme": true,
	"ᵉ": true, "ᵉʳ": true, "ʳᵉ": true,
}

// units are the units and currencies split from a number written against
// them ("10km" is "10" + "km").
var units = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		km m cm mm µm nm kg g mg µg t kt Mt l L cl ml mL dl hl ha a km² m² cm² km2 m2
		s sec min mn ms h hrs j ans an mois jours kW MW GW TW kWh MWh GWh TWh W kV V mA A Hz kHz MHz GHz
		Ko Mo Go To KB MB GB TB kb Mb Gb kbps Mbps Gbps k K M Md Mds Mrd Mrds bn mn mln
		F FCFA CFA XOF XAF USD EUR GBP RUB CHF CNY NGN GHS francs dollars euros roubles
		px pt pts dB`) {
		units[w] = true
	}
}

// tlds are the top-level domains that make a bare "name.tld" a URL. Only
// lower-case labels count, so "Mali.Le" (a missing space) is not a domain.
var tlds = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		com net org info biz gov edu int mil io co tv news online site press media africa
		fr bf ml ne sn ci tg bj gn gw cm td mr dz ma tn ly eg ng gh lr sl cv gm cf cg cd ga gq
		ru ua by uk us ca be ch lu de nl pt eu cn jp in tr ir qa ae sa`) {
		tlds[w] = true
	}
}
