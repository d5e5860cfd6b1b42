package tokenize

import (
	"reflect"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"simple", "Il est arrivé. Il est reparti.", []string{"Il est arrivé.", "Il est reparti."}},
		{"exclamation and question", "Quoi ? Non ! Si.", []string{"Quoi ?", "Non !", "Si."}},
		{"no split before lower case", "Pourquoi ? dit-il. Ensuite", []string{"Pourquoi ? dit-il.", "Ensuite"}},
		{"ellipsis mid-sentence", "Il attend… puis il part... et revient. Fin",
			[]string{"Il attend… puis il part... et revient.", "Fin"}},
		{"ellipsis before capital", "Il attend… Rien ne vient.", []string{"Il attend…", "Rien ne vient."}},
		{"title abbreviations", "M. Traoré et le Col. Diarra ont vu Mme Koné. Le Gén. Tiani aussi.",
			[]string{"M. Traoré et le Col. Diarra ont vu Mme Koné.", "Le Gén. Tiani aussi."}},
		{"initials", "Selon J. Dupont, rien. Puis A. B. Traoré parla.",
			[]string{"Selon J. Dupont, rien.", "Puis A. B. Traoré parla."}},
		{"initialisms", "Les forces de l'O.N.U. Et les U.S. Marines.", []string{"Les forces de l'O.N.U. Et les U.S. Marines."}},
		{"etc. may end", "Du riz, du mil, etc. Le reste suit.", []string{"Du riz, du mil, etc.", "Le reste suit."}},
		{"etc. mid-sentence", "du riz, etc. et du mil", []string{"du riz, etc. et du mil"}},
		{"J.-C.", "Né en 52 av. J.-C. Il règne.", []string{"Né en 52 av. J.-C.", "Il règne."}},
		{"month abbreviation before year", "Le 12 sept. 2023, il part.", []string{"Le 12 sept. 2023, il part."}},
		{"decimal numbers", "Le PIB a crû de 9,4 % et 3.5 points. Ensuite", []string{"Le PIB a crû de 9,4 % et 3.5 points.", "Ensuite"}},
		{"digit starts a sentence", "Il est parti. 2024 sera calme.", []string{"Il est parti.", "2024 sera calme."}},
		{"closing guillemet stays", "Il a dit : « Non. » Puis il est parti.",
			[]string{"Il a dit : « Non. »", "Puis il est parti."}},
		{"closing guillemet then lower case", "« Non. » a-t-il dit.", []string{"« Non. » a-t-il dit."}},
		{"closing bracket stays", "(Voir plus haut.) Ensuite", []string{"(Voir plus haut.)", "Ensuite"}},
		{"straight quote closing", `Il a dit "non." Puis`, []string{`Il a dit "non."`, "Puis"}},
		{"opening quote starts", `Il part. "Non", dit-elle.`, []string{"Il part.", `"Non", dit-elle.`}},
		{"opening guillemet starts", "Il part. « Non », dit-elle.", []string{"Il part.", "« Non », dit-elle."}},
		{"dash starts", "Il part. – Non, dit-elle.", []string{"Il part.", "– Non, dit-elle."}},
		{"glued sentences", "Le site lefaso.net et une bonne nouvelle.Bien que tard.",
			[]string{"Le site lefaso.net et une bonne nouvelle.", "Bien que tard."}},
		{"glued after a closing quote", `Il dit "non".Le reste suit.`, []string{`Il dit "non".`, "Le reste suit."}},
		{"no space no split", "le fichier.pdf, M.Traoré et fin.le reste, AES.Mali", []string{"le fichier.pdf, M.Traoré et fin.le reste, AES.Mali"}},
		{"capital letter then sentence word", "Une carence en vitamine D. Le soleil aide. La Serie A. C'est fini.",
			[]string{"Une carence en vitamine D.", "Le soleil aide.", "La Serie A.", "C'est fini."}},
		{"initials before a name", "Selon A. J. Weberman et Josef C. Brada, non.", []string{"Selon A. J. Weberman et Josef C. Brada, non."}},
		{"heading", "Un titre sans point\n\nLe corps du texte. Suite.",
			[]string{"Un titre sans point", "Le corps du texte.", "Suite."}},
		{"paragraph break always ends", "premier paragraphe sans point\n\ndeuxième paragraphe\r\n\r\ntroisième",
			[]string{"premier paragraphe sans point", "deuxième paragraphe", "troisième"}},
		{"blank line with spaces", "un\n  \t\ndeux", []string{"un", "deux"}},
		{"single line break is space", "Le président\nIbrahim Traoré a parlé.", []string{"Le président\nIbrahim Traoré a parlé."}},
		{"bullets", "Points :\n• le premier\n• le second", []string{"Points :", "• le premier", "• le second"}},
		{"abbreviation at end of text", "Il a vu M.", []string{"Il a vu M."}},
		{"terminal run", "Vraiment ?! Oui.", []string{"Vraiment ?!", "Oui."}},
		{"english", "Mr. Smith went to Washington. He met Dr. Jones.", []string{"Mr. Smith went to Washington.", "He met Dr. Jones."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ss := Sentences(c.text)
			checkSentences(t, c.text, Tokens(c.text), ss)
			var got []string
			for _, s := range ss {
				got = append(got, c.text[s.Start:s.End])
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Sentences(%q)\n got: %q\nwant: %q", c.text, got, c.want)
			}
		})
	}
}

func TestSentencesTokensAreCapped(t *testing.T) {
	text := "Un. Deux."
	ss := Sentences(text)
	if len(ss) != 2 {
		t.Fatalf("got %d sentences", len(ss))
	}
	_ = append(ss[0].Tokens, Token{Text: "x"})
	if ss[1].Tokens[0].Text != "Deux" {
		t.Errorf("appending to one sentence changed the next: %q", ss[1].Tokens[0].Text)
	}
}

// checkSentences checks that the sentences partition toks, in order, with
// offsets matching their tokens.
func checkSentences(t testing.TB, text string, toks []Token, ss []Sentence) {
	t.Helper()
	var all []Token
	for i, s := range ss {
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d is empty", i)
		}
		if cap(s.Tokens) != len(s.Tokens) {
			t.Fatalf("sentence %d: capacity %d > length %d", i, cap(s.Tokens), len(s.Tokens))
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End {
			t.Fatalf("sentence %d: [%d,%d) does not match its tokens", i, s.Start, s.End)
		}
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("sentence %d: bad offsets [%d,%d)", i, s.Start, s.End)
		}
		if i > 0 && s.Start < ss[i-1].End {
			t.Fatalf("sentence %d overlaps the previous one", i)
		}
		all = append(all, s.Tokens...)
	}
	if len(all) != len(toks) || (len(toks) > 0 && !reflect.DeepEqual(all, toks)) {
		t.Fatalf("sentences hold %d tokens, Tokens gives %d", len(all), len(toks))
	}
	if strings.TrimSpace(text) == "" && ss != nil {
		t.Fatalf("blank text gave %d sentences", len(ss))
	}
}
