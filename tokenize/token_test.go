package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// texts joins the texts of toks with " | ".
func texts(toks []Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteString(" | ")
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

type tokCase struct {
	name, text, want string
}

func runTokCases(t *testing.T, cases []tokCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			toks := Tokens(c.text)
			checkTokens(t, c.text, toks)
			if got := texts(toks); got != c.want {
				t.Errorf("Tokens(%q)\n got: %s\nwant: %s", c.text, got, c.want)
			}
		})
	}
}

func TestElision(t *testing.T) {
	runTokCases(t, []tokCase{
		{"article", "l'armée", "l' | armée"},
		{"typographic apostrophe", "l’armée", "l’ | armée"},
		{"modifier apostrophe", "lʼarmée", "lʼ | armée"},
		{"acute accent as apostrophe", "l´armée", "l´ | armée"},
		{"capital", "L'AES et D'après", "L' | AES | et | D' | après"},
		{"all clitics", "d'un j'ai n'a s'est c'est m'a t'as qu'il",
			"d' | un | j' | ai | n' | a | s' | est | c' | est | m' | a | t' | as | qu' | il"},
		{"long clitics", "jusqu'à lorsqu'il puisqu'elle quoiqu'on presqu'entièrement",
			"jusqu' | à | lorsqu' | il | puisqu' | elle | quoiqu' | on | presqu' | entièrement"},
		{"capital long clitic", "Jusqu’au bout, Lorsqu'ils", "Jusqu’ | au | bout | , | Lorsqu' | ils"},
		{"cedilla", "ç'a été", "ç' | a | été"},
		{"aujourd'hui stays", "aujourd'hui et aujourd’hui", "aujourd'hui | et | aujourd’hui"},
		{"quelqu'un stays", "quelqu'un", "quelqu'un"},
		{"presqu'île stays", "la presqu'île du Cap-Vert", "la | presqu'île | du | Cap-Vert"},
		{"two elisions", "qu'l'on", "qu' | l' | on"},
		{"elision then hyphenated name", "d'Abou-Dhabi", "d' | Abou-Dhabi"},
		{"elision then initialism", "l'O.N.U.", "l' | O.N.U."},
		{"Côte d'Ivoire", "Côte d’Ivoire", "Côte | d’ | Ivoire"},
		{"stray space after elision", "l’ armée", "l’ | armée"},
		{"O'Brien", "O'Brien et O’Neill", "O'Brien | et | O’Neill"},
		{"N'Djamena", "N'Djamena, N’Djaména, M'Baye", "N'Djamena | , | N’Djaména | , | M'Baye"},
		{"N' elision", "Il n'a pas. N'est-ce pas", "Il | n' | a | pas | . | N' | est | -ce | pas"},
		{"all caps elision", "N'EST", "N' | EST"},
		{"English possessive", "Putin's army, Traoré’s speech", "Putin | 's | army | , | Traoré | ’s | speech"},
		{"English contraction stays", "don't", "don't"},
		{"quote not apostrophe", "'bonjour'", "' | bonjour | '"},
		{"apostrophe alone", "' ’", "' | ’"},
	})
}

func TestHyphens(t *testing.T) {
	runTokCases(t, []tokCase{
		{"place names", "Saint-Pétersbourg Bobo-Dioulasso Guinée-Bissau",
			"Saint-Pétersbourg | Bobo-Dioulasso | Guinée-Bissau"},
		{"titles and words", "Colonel-major vice-ministre Jean-Marie peut-être celui-ci",
			"Colonel-major | vice-ministre | Jean-Marie | peut-être | celui-ci"},
		{"several hyphens", "Saint-Germain-en-Laye Aix-les-Bains cessez-le-feu c'est-à-dire",
			"Saint-Germain-en-Laye | Aix-les-Bains | cessez-le-feu | c' | est-à-dire"},
		{"digits", "COVID-19 Su-25 G5-Sahel", "COVID-19 | Su-25 | G5-Sahel"},
		{"non-breaking hyphen", "Guinée\u2011Bissau", "Guinée\u2011Bissau"},
		{"inversion", "dit-il", "dit | -il"},
		{"euphonic t", "a-t-il a-t-elle va-t-on", "a | -t-il | a | -t-elle | va | -t-on"},
		{"capital verb", "Dit-il. Sont-ils", "Dit | -il | . | Sont | -ils"},
		{"pronoun chain", "donne-le-moi allez-vous-en allons-y", "donne | -le-moi | allez | -vous-en | allons | -y"},
		{"est-ce", "qu'est-ce", "qu' | est | -ce"},
		{"nouns ending like pronouns", "rendez-vous Rendez-vous garde-à-vous", "rendez-vous | Rendez-vous | garde-à-vous"},
		{"lone t is not a pronoun", "Ouest-t", "Ouest-t"},
		{"misspelt euphonic t", "affirme-t'il", "affirme | -t'il"},
		{"dash between spaces", "Moscou - Paris", "Moscou | - | Paris"},
		{"en dash", "Ouagadougou – Moscou", "Ouagadougou | – | Moscou"},
		{"en dash without spaces", "Ouagadougou–Moscou", "Ouagadougou | – | Moscou"},
		{"em dash", "Bamako—Niamey", "Bamako | — | Niamey"},
		{"trailing hyphen", "pro- et anti-russes", "pro | - | et | anti-russes"},
		{"double hyphen", "a -- b", "a | -- | b"},
	})
}

func TestAbbreviations(t *testing.T) {
	runTokCases(t, []tokCase{
		{"titles", "M. MM. Mme Mlle Dr. Pr. Me Mgr. Col. Cdt. Lt. Gén. St. Ste.",
			"M. | MM. | Mme | Mlle | Dr. | Pr. | Me | Mgr. | Col. | Cdt. | Lt. | Gén. | St. | Ste."},
		{"others", "etc. cf. p. 12 av. J.-C. n° 5 No. 3", "etc. | cf. | p. | 12 | av. | J.-C. | n° | 5 | No. | 3"},
		{"n° against number", "n°5 N°12", "n° | 5 | N° | 12"},
		{"initialisms", "U.S. O.N.U. e.g. É.-U. U.S", "U.S. | O.N.U. | e.g. | É.-U. | U.S"},
		{"initial", "J. Dupont et A. B. Traoré", "J. | Dupont | et | A. | B. | Traoré"},
		{"c.-à-d.", "c.-à-d. ici", "c.-à-d. | ici"},
		{"period after word", "Mali.", "Mali | ."},
		{"lower-case m is not monsieur", "100 m.", "100 | m | ."},
		{"initial needs capital after", "Vitamine C. et", "Vitamine | C | . | et"},
		{"missing space after period", "fin.Le", "fin | . | Le"},
		{"ellipsis", "attendre... puis… rien", "attendre | ... | puis | … | rien"},
	})
}

func TestNumbers(t *testing.T) {
	runTokCases(t, []tokCase{
		{"decimal comma", "9,4 millions", "9,4 | millions"},
		{"decimal point", "3.5 billion", "3.5 | billion"},
		{"thousands space", "1 500 soldats", "1 500 | soldats"},
		{"thousands no-break", "1\u00a0500 et 1\u202f500\u202f000", "1\u00a0500 | et | 1\u202f500\u202f000"},
		{"thousands thin and decimals", "2\u2009000,50 FCFA", "2\u2009000,50 | FCFA"},
		{"groups of three only", "en 2023 100 morts et 12 34", "en | 2023 | 100 | morts | et | 12 | 34"},
		{"group not four digits", "1 5000", "1 | 5000"},
		{"thousands dot", "1.500.000", "1.500.000"},
		{"date slash", "28/12/2023", "28/12/2023"},
		{"date iso", "2023-10-05 et 2023-10", "2023-10-05 | et | 2023-10"},
		{"time", "14h30 14h 8H00 14:30", "14h30 | 14h | 8H00 | 14:30"},
		{"spaced time", "14 h 30", "14 | h | 30"},
		{"ordinals", "1er 1re 1ère 2e 2ème 2nd 3rd 4th 2ᵉ", "1er | 1re | 1ère | 2e | 2ème | 2nd | 3rd | 4th | 2ᵉ"},
		{"roman ordinals", "XXe XXIe Ier IIe Ve", "XXe | XXIe | Ier | IIe | Ve"},
		{"percent", "12,5 % et 12,5%", "12,5 | % | et | 12,5 | %"},
		{"units split", "10km 5kg 100FCFA 20ans", "10 | km | 5 | kg | 100 | FCFA | 20 | ans"},
		{"alphanumeric", "5G 3D 4x4", "5G | 3D | 4x4"},
		{"sentence end", "en 2023. Le", "en | 2023 | . | Le"},
		{"comma list", "1, 2, 3", "1 | , | 2 | , | 3"},
		{"signs and currency", "-5 $10 +3", "- | 5 | $ | 10 | + | 3"},
		{"arabic-indic digits", "٢٠٢٣", "٢٠٢٣"},
		{"other numbers", "½ km² CO₂", "½ | km² | CO₂"},
	})
}

func TestSpecialTokens(t *testing.T) {
	runTokCases(t, []tokCase{
		{"url", "voir https://www.example.org/a/b?c=d&e=f#g.", "voir | https://www.example.org/a/b?c=d&e=f#g | ."},
		{"url in brackets", "(https://fr.wikipedia.org/wiki/Sahel_(région))", "( | https://fr.wikipedia.org/wiki/Sahel_(région) | )"},
		{"url in guillemets", "«http://a.bf/x»", "« | http://a.bf/x | »"},
		{"www", "www.presidence.bf, oui", "www.presidence.bf | , | oui"},
		{"bare domain", "sur lefaso.net et Sahel-Info.com/page.", "sur | lefaso.net | et | Sahel-Info.com/page | ."},
		{"not a domain", "Mali.Le fichier.pdf", "Mali | . | Le | fichier | . | pdf"},
		{"email", "écrire à jean.dupont@gouv.bf.", "écrire | à | jean.dupont@gouv.bf | ."},
		{"email with digits", "contact2024@example.com", "contact2024@example.com"},
		{"handle", "@Presidence_BF a dit", "@Presidence_BF | a | dit"},
		{"hashtag", "#Sahel #AES2024 #Sénégal #1", "#Sahel | #AES2024 | #Sénégal | # | 1"},
		{"lone at", "a @ b", "a | @ | b"},
		{"guillemets", "« Bonjour »", "« | Bonjour | »"},
		{"quotes", "“x” \"y\" ‘z’", "“ | x | ” | \" | y | \" | ‘ | z | ’"},
		{"emoji", "👍🏽 🇫🇷 ❤️", "👍🏽 | 🇫🇷 | ❤️"},
		{"punct runs", "Quoi?! Non!!!", "Quoi | ?! | Non | !!!"},
		{"other scripts", "Путин и 普京", "Путин | и | 普京"},
		{"identifiers and middle dot", "spot_img étudiant·e·s _x_ a·", "spot_img | étudiant·e·s | _ | x | _ | a | ·"},
	})
}

func TestKinds(t *testing.T) {
	cases := []struct {
		text string
		want []Kind
	}{
		{"l'armée", []Kind{Word, Word}},
		{"9,4 1er XXe 14h30 28/12/2023", []Kind{Number, Number, Number, Number, Number}},
		{"Le De Ce Me", []Kind{Word, Word, Word, Word}},
		{"M. , % € ©", []Kind{Word, Punct, Symbol, Symbol, Symbol}},
		{"https://a.fr a@b.fr @x #y", []Kind{URL, Email, Handle, Hashtag}},
		{"\x00 \xff", []Kind{Other, Other}},
	}
	for _, c := range cases {
		toks := Tokens(c.text)
		if len(toks) != len(c.want) {
			t.Errorf("Tokens(%q) = %s, want %d tokens", c.text, texts(toks), len(c.want))
			continue
		}
		for i, tk := range toks {
			if tk.Kind != c.want[i] {
				t.Errorf("Tokens(%q)[%d] %q is %v, want %v", c.text, i, tk.Text, tk.Kind, c.want[i])
			}
		}
	}
	if Kind(200).String() != "Kind(200)" || Word.String() != "Word" {
		t.Errorf("Kind.String: %q %q", Kind(200).String(), Word.String())
	}
}

func TestBadInput(t *testing.T) {
	for _, text := range []string{
		"", " ", "\n\n\n", "\xff\xfe\x00", "\xc3", "a\xc3", "l'\xff", "1 50\xff", "\xe2\x80",
		"https://", "www.", "@", "#", "'", "-", "n°", "J.", "...", "\u200b\ufeff",
		string([]byte{0xed, 0xa0, 0x80}), // a surrogate, invalid in UTF-8
		"́",                              // a combining mark alone
	} {
		toks := Tokens(text)
		checkTokens(t, text, toks)
		checkSentences(t, text, toks, Sentences(text))
	}
	if Tokens("") != nil || Sentences("  ") != nil {
		t.Error("no token should give nil")
	}
}

func TestAppendTokensReuses(t *testing.T) {
	buf := make([]Token, 0, 64)
	buf = AppendTokens(buf[:0], "une phrase")
	buf = AppendTokens(buf[:0], "l'armée malienne")
	if got := texts(buf); got != "l' | armée | malienne" {
		t.Errorf("got %s", got)
	}
}

// checkTokens checks the offset invariants: Text is text[Start:End],
// tokens are non-empty, in order, non-overlapping, and every byte between
// them is whitespace.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d [%d,%d) out of order or empty (previous end %d, len %d) in %q",
				i, tk.Start, tk.End, prev, len(text), clip(text))
		}
		if text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d: Text %q != text[%d:%d] %q", i, tk.Text, tk.Start, tk.End, text[tk.Start:tk.End])
		}
		checkGap(t, text, prev, tk.Start)
		prev = tk.End
	}
	checkGap(t, text, prev, len(text))
}

func checkGap(t testing.TB, text string, a, b int) {
	if b-a == 1 && text[a] == ' ' {
		return
	}
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:b])
		if (r == utf8.RuneError && n == 1) || !isSpace(r) {
			t.Fatalf("byte %d (%q) is not whitespace and is in no token, in %q", i, text[i:i+n], clip(text))
		}
		i += n
	}
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
