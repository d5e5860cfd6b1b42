package tokenize

import "testing"

var fuzzSeeds = []string{
	"",
	"L'armée d’après l'AES, aujourd'hui. N'Djamena O'Brien presqu'île jusqu’à",
	"Saint-Pétersbourg, a-t-il dit-il ; Moscou - Paris – Bamako rendez-vous donne-le-moi",
	"M. Traoré, MM. X et Mme Y. Col. Diarra, J. Dupont, 52 av. J.-C. U.S. O.N.U. etc. n°5 c.-à-d.",
	"9,4 millions, 1 500, 1\u00a0500, 1\u202f500\u202f000,75, 2023-10, 14h30, 14 h 30, 1er, 2ème, XXe, 12,5 %, 28/12/2023, 10km",
	"https://www.example.org/a_(b)?c=d. www.x.bf lefaso.net/a jean@gouv.bf @handle #Sahel « x » “y” 👍🏽 🇫🇷",
	"Titre\n\nUn paragraphe. Deux ? « Trois. » Quatre… cinq.\n• puce\n- tiret\r\n\r\nFin",
	"\xff\xfe l'\xff 1 50\xff a-\xe2\x80 \u200b n°\x00 '",
}

func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokens(text))
	})
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokens(text)
		checkTokens(t, text, toks)
		checkSentences(t, text, toks, SentencesFromTokens(text, toks))
	})
}
