package tagger

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// orgHeads are French nouns that head the names of organisations, written
// with a capital when they do ("la Banque mondiale", "le Parti
// socialiste"): general language, not taken from any data set.
var orgHeads = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`ministère agence union conseil forces force groupe banque parti
		front comité assemblée université commission organisation fédération association mouvement
		alliance cour tribunal institut fonds office société compagnie syndicat ligue coalition
		armée gendarmerie direction haut-commissariat communauté centre académie fondation
		observatoire confédération rassemblement convention congrès sénat
		club olympique racing sporting athletic fc afc ac js usm école lycée collège église
		conférence orchestre chambre régiment division brigade bataillon état-major police
		garde conservatoire`) {
		orgHeads[w] = true
	}
	for _, w := range strings.Fields(`bataille traité coupe championnat prix festival jeux tournoi
		trophée révolution affaire opération sommet biennale salon exposition pacte charte concile
		édit marathon rallye grand-prix`) {
		miscHeads[w] = true
	}
}

// miscHeads are French nouns that head the names of events, competitions,
// awards and agreements when written with a capital ("la Bataille de
// Verdun", "le Festival de Cannes", "la Coupe de France", "le Traité de
// Versailles"): the place in the name is not a place mention.
var miscHeads = map[string]bool{}

// adjSuffixes are endings of French adjectives that follow an
// organisation's head word ("nationale", "européenne", "socialiste").
var adjSuffixes = []string{"al", "ale", "aux", "ales", "el", "elle", "els", "elles", "aire", "aires",
	"ien", "ienne", "iens", "iennes", "ain", "aine", "ains", "aines", "ique", "iques", "iste", "istes",
	"ais", "aise", "aises", "ois", "oise", "oises", "é", "ée", "és", "ées", "if", "ive", "ifs", "ives",
	"ier", "ière", "ème", "ième", "eur", "rice", "ane", "an"}

func isAdjective(tok string) bool {
	if utf8.RuneCountInString(tok) < 4 || upperInitial(tok) {
		return false
	}
	for _, r := range tok {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	for _, s := range adjSuffixes {
		if strings.HasSuffix(tok, s) {
			return true
		}
	}
	return false
}

// OrgPhrases finds organisation names built on a head word: a capitalised
// word of orgHeads followed by lower-case adjectives, capitalised words,
// and "de", "du", "des", "d'", "de la", "de l'" before a capitalised word
// ("Union européenne", "Forces armées maliennes", "Conseil national de la
// Transition", "Banque des États de l'Afrique centrale"). A head alone is
// not a name.
//
// It returns the [start, end) token ranges of the names. The recogniser
// proposes them as organisations and the tagger's training labels
// unlabelled news with them.
func OrgPhrases(toks []string) [][2]int { return headPhrases(toks, orgHeads) }

// MiscPhrases finds the names of events, competitions, awards and
// agreements built the same way on a head word of miscHeads ("Bataille de
// Verdun", "Festival de Cannes", "Coupe de France", "Prix Goncourt"), which
// the recogniser proposes as MISC, so that the place or person inside is
// not taken for a mention of its own.
func MiscPhrases(toks []string) [][2]int { return headPhrases(toks, miscHeads) }

func headPhrases(toks []string, heads map[string]bool) [][2]int {
	var out [][2]int
	for i := 0; i < len(toks); i++ {
		if !upperInitial(toks[i]) || !heads[strings.ToLower(toks[i])] {
			continue
		}
		end := i + 1
		for k := i + 1; k < len(toks); {
			t := toks[k]
			switch {
			case upperInitial(t) || isAdjective(t):
				k++
				end = k
				continue
			case isLink(t):
				// "de la Transition", "et Finances"; not "et le Prix
				// Goncourt", where another name begins
				j := k + 1
				if j < len(toks) && isArticle(toks[j]) && strings.ToLower(t) != "et" {
					j++
				}
				if j < len(toks) && upperInitial(toks[j]) && !heads[strings.ToLower(toks[j])] {
					k = j
					continue
				}
			}
			break
		}
		if end-i >= 2 {
			out = append(out, [2]int{i, end})
			i = end - 1
		}
	}
	return out
}

func isLink(t string) bool {
	switch strings.ToLower(t) {
	case "de", "du", "des", "d'", "d’", "pour", "et":
		return true
	}
	return false
}

func isArticle(t string) bool {
	switch strings.ToLower(t) {
	case "la", "l'", "l’", "le", "les":
		return true
	}
	return false
}

func upperInitial(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
