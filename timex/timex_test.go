package timex

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity/tagger/nerdata"
	"github.com/veille-news/veille/internal/sharedtest"
)

func anchor(s string) veille.Date {
	d, err := veille.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// show renders the timexes as "text=TYPE:value[:mod]" joined by " | ".
func show(ts []veille.Timex) string {
	var parts []string
	for _, t := range ts {
		s := t.Text + "=" + t.Type + ":" + t.Value
		if t.Mod != "" {
			s += ":" + t.Mod
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	// 2023-10-07 is a Saturday.
	const a = "2023-10-07"
	tests := []struct{ text, want string }{
		{"Ce samedi matin, la délégation est arrivée.", "Ce samedi matin=TIME:2023-10-07TMO"},
		{"Il a été reçu le 5 octobre au palais.", "le 5 octobre=DATE:2023-10-05"},
		{"La rencontre a eu lieu en juillet dernier.", "juillet dernier=DATE:2023-07"},
		{"Le sommet s'est tenu le 28 décembre 2023.", "le 28 décembre 2023=DATE:2023-12-28"},
		{"Il dirige le pays depuis septembre 2022.", "septembre 2022=DATE:2022-09"},
		{"Les ministres se réunissent cette semaine.", "cette semaine=DATE:2023-W40"},
		{"Le même jour, un accord a été signé.", "Le même jour=DATE:2023-10-07"},
		{"Il se rendra à Moscou mercredi prochain.", "mercredi prochain=DATE:2023-10-11"},
		{"Le contrat a expiré fin 2022.", "fin 2022=DATE:2022:END"},
		{"Les soldats sont arrivés il y a trois jours.", "il y a trois jours=DATE:2023-10-04"},
		{"La cérémonie a commencé à 14 h 30.", "14 h 30=TIME:2023-10-07T14:30"},
		{"Hier soir, l'armée a riposté.", "Hier soir=TIME:2023-10-06TEV"},
		{"Hier à 10 h, l'armée a riposté; le 2 octobre à 9 h 15 aussi.", "Hier à 10 h=TIME:2023-10-06T10:00 | le 2 octobre à 9 h 15=TIME:2023-10-02T09:15"},
		{"Un homme âgé de 26 ans et Pierre, 38 ans, ont passé dix ans en prison.", "dix ans=DURATION:P10Y"},
		{"Le 10 novembre 93, puis à la fin de l'année dernière.", "Le 10 novembre 93=DATE:1993-11-10 | la fin de l'année dernière=DATE:2022:END"},
		{"Mercredi, le président a reçu l'ambassadeur.", "Mercredi=DATE:2023-10-04"},
		{"Le président recevra l'ambassadeur mercredi.", "mercredi=DATE:2023-10-11"},
		{"Le mandat dure trois ans et la transition dix-huit mois.", "trois ans=DURATION:P3Y | dix-huit mois=DURATION:P18M"},
		{"Il était là vers 0 h 40, environ une heure.", "0 h 40=TIME:2023-10-07T00:40 | environ une heure=DURATION:PT1H:APPROX"},
		{"Tous les jeudis et chaque année, le conseil siège.", "Tous les jeudis=SET:XXXX-WXX-4 | chaque année=SET:P1Y"},
		{"Il a été tué le 15 octobre 1987, la veille d'un conseil.", "le 15 octobre 1987=DATE:1987-10-15 | la veille=DATE:1987-10-14"},
		{"Début octobre, 2000 soldats sont partis.", "Début octobre=DATE:2023-10:START"},
		{"L'an dernier et l'année prochaine.", "L'an dernier=DATE:2022 | l'année prochaine=DATE:2024"},
		{"Des tirs ont retenti la nuit dernière.", "la nuit dernière=TIME:2023-10-06TNI"},
		{"Désormais, les années 1990 et le XXe siècle sont loin.", "Désormais=DATE:PRESENT_REF | les années 1990=DATE:199 | le XXe siècle=DATE:19"},
		{"Le coup d'État du 30/09/2022 et le 2023-10-07.", "30/09/2022=DATE:2022-09-30 | le 2023-10-07=DATE:2023-10-07"},
		{"Il compte 1500 hommes et 2000 véhicules.", ""},
		{"La saison 2002/2003. Le printemps prochain. Il est venu au mois d'août. D'ici 2030.", "2002=DATE:2002 | 2003=DATE:2003 | Le printemps prochain=DATE:2024-SP | mois d'août=DATE:2023-08 | 2030=DATE:2030"},
		{"Au premier trimestre 2024 et mi-2023, puis les 27 et 28 juillet.", "premier trimestre 2024=DATE:2024-Q1 | mi-2023=DATE:2023:MID | 27=DATE:2023-07-27 | 28 juillet=DATE:2023-07-28"},
		{"Le conseil s'est réuni mardi 3 en fin d'après-midi, à 8 heures du soir.", "mardi 3=DATE:2023-10-03 | fin d'après-midi=TIME:2023-10-03TAF:END | 8 heures du soir=TIME:2023-10-03T20:00"},
		{"Auparavant, l'actuel président dirigeait les explosions nocturnes du lot quotidien.", "Auparavant=DATE:PAST_REF | actuel=DATE:PRESENT_REF | nocturnes=TIME:TNI | quotidien=SET:P1D"},
		{"Le quotidien Le Monde et la presse quotidienne, l'hebdomadaire Jeune Afrique.", ""},
		{"Il paie 5 milliards par semestre, une dizaine d'années durant.", "semestre=SET:P6M | une dizaine d'années=DURATION:P10Y:APPROX"},
		{"Une femme d'une trentaine d'années et une Alsacienne de 6 ans, les moins de 17 ans.", ""},
		{"Les Jeux d'hiver ont lieu l'été. Été comme hiver, il a été là.", "l'été=DATE:XXXX-SU | Été=DATE:XXXX-SU | hiver=DATE:XXXX-WI"},
		{"À Noël et à la Toussaint, le Père Noël et Noël Mamère.", "Noël=DATE:2022-12-25 | la Toussaint=DATE:2023-11-01"},
		{"Pâques 2024 ? Non : Pâques.", "Pâques=DATE:2023-04-09 | Pâques=DATE:2023-04-09"},
		{"À ce moment-là, à la même époque, l'année en cours et ces jours-ci.", "ce moment-là=TIME:2023-10-07 | la même époque=DATE:2023-10 | l'année en cours=DATE:2023 | ces jours-ci=DATE:PRESENT_REF"},
		{"Dans les prochaines semaines et au cours des dernières années, toute la journée.", "les prochaines semaines=DURATION:PXW | dernières années=DURATION:PXY | toute la journée=DURATION:P1D"},
		{"La planète Mars est visible.", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := show(Find(tt.text, anchor(a))); got != tt.want {
			t.Errorf("Find(%q)\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

func TestFindWithoutAnchor(t *testing.T) {
	got := show(Find("Il a été reçu le 5 octobre, hier, pendant trois jours.", veille.Date{}))
	want := "le 5 octobre=DATE:XXXX-10-05 | hier=DATE:XXXX-XX-XX | trois jours=DURATION:P3D"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestMonthAnchor(t *testing.T) {
	// An article dated to the month places days and months, not "hier".
	got := show(Find("Le 5 octobre, puis en juillet dernier, et hier.", anchor("2023-10")))
	want := "Le 5 octobre=DATE:2023-10-05 | juillet dernier=DATE:2023-07 | hier=DATE:XXXX-XX-XX"
	if got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func TestOffsets(t *testing.T) {
	text := "Arrivés le 5 octobre à 14h30, ils repartent demain."
	for _, tx := range Find(text, anchor("2023-10-07")) {
		if text[tx.Start:tx.End] != tx.Text {
			t.Errorf("%q at %d:%d", tx.Text, tx.Start, tx.End)
		}
	}
}

func TestHugeInput(t *testing.T) {
	text := strings.Repeat("le 5 octobre et hier soir, trois jours ", 20000)
	got := Find(text, anchor("2023-10-07"))
	if len(got) != 60000 {
		t.Errorf("%d timexes, want 60000", len(got))
	}
	_ = fmt.Sprint()
}

func parseAnchor(s string) (veille.Date, error) { return veille.ParseDate(s) }

// TestRealTexts runs Find over real French news (the MasakhaNEWS dev
// articles, when ../shared is there): expressions come in order, never
// overlap, and their offsets give their text.
func TestRealTexts(t *testing.T) {
	rows, cols, err := nerdata.ReadCells(filepath.Join(sharedtest.Dir(t), "corpus", "masakhanews-fra", "dev.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		text := r[cols["text"]]
		last := 0
		for _, x := range Find(text, anchor("2020-06-15")) {
			if x.Start < last || x.End <= x.Start || text[x.Start:x.End] != x.Text || x.Value == "" {
				t.Fatalf("bad timex %+v after %d", x, last)
			}
			last = x.End
			n++
		}
	}
	if n < 500 {
		t.Errorf("only %d expressions in %d articles", n, len(rows))
	}
}
