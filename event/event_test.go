package event

import (
	"bufio"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/veille-news/veille"
	"github.com/veille-news/veille/entity"
	"github.com/veille-news/veille/entity/kb"
	"github.com/veille-news/veille/entity/tagger"
	"github.com/veille-news/veille/timex"
)

// goldEvent is an event of the gold set, by the labels of its actors.
type goldEvent struct {
	Type   string `json:"type"`
	Source string `json:"source"`
	Target string `json:"target"`
	When   string `json:"when"`
}

type goldLine struct {
	Text   string      `json:"text"`
	Date   string      `json:"date"`
	Events []goldEvent `json:"events"`
}

func label(a *veille.Actor) string {
	if a == nil {
		return ""
	}
	return a.Label
}

// pipeline runs the earlier stages and the extractor on one text.
func pipeline(t testing.TB, text string, date veille.Date) []veille.Event {
	t.Helper()
	m, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := entity.New(kb.Default(), m)
	ms := r.Recognize(text, date)
	tx := timex.Find(text, date)
	return New(kb.Default()).Extract(text, ms, tx, date)
}

// TestGold scores the extractor on sentences we wrote ourselves: an
// event is right when its type, source and target are; its date is
// scored apart. gold.jsonl is the development set the rules were written
// against; heldout.jsonl was written afterwards and scored as is.
func TestGold(t *testing.T) {
	for _, set := range []struct {
		file  string
		floor float64
	}{{"testdata/gold.jsonl", 0.85}, {"testdata/heldout.jsonl", 0.5}} {
		t.Run(set.file, func(t *testing.T) { scoreGold(t, set.file, set.floor) })
	}
}

func scoreGold(t *testing.T, path string, floor float64) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var tp, fp, fn, whenOK, whenN int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g goldLine
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatal(err)
		}
		date, err := veille.ParseDate(g.Date)
		if err != nil {
			t.Fatal(err)
		}
		got := pipeline(t, g.Text, date)
		used := make([]bool, len(got))
		for _, ge := range g.Events {
			found := false
			for k, e := range got {
				if !used[k] && e.Type == ge.Type && label(e.Source) == ge.Source && label(e.Target) == ge.Target {
					used[k], found = true, true
					tp++
					if ge.When != "" {
						whenN++
						if e.When == ge.When {
							whenOK++
						} else {
							t.Logf("date: %q: got %s, want %s", g.Text, e.When, ge.When)
						}
					}
					break
				}
			}
			if !found {
				fn++
				t.Logf("missed: %q: %+v", g.Text, ge)
			}
		}
		for k, e := range got {
			if !used[k] {
				fp++
				t.Logf("spurious: %q: %s %s → %s (%s)", g.Text, e.Type, label(e.Source), label(e.Target), e.Trigger)
			}
		}
	}
	p := float64(tp) / float64(max(tp+fp, 1))
	r := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("events: precision %.3f recall %.3f (tp %d fp %d fn %d); dates right %d/%d", p, r, tp, fp, fn, whenOK, whenN)
	if p < floor || r < floor {
		t.Errorf("precision %.3f, recall %.3f: below %.2f", p, r, floor)
	}
}

// TestBadInput: no date, no entity, one sentence of 5,000 words, a long
// text: clear results, bounded time.
func TestBadInput(t *testing.T) {
	x := New(kb.Default())
	if got := x.Extract("", nil, nil, veille.Date{}); len(got) != 0 {
		t.Errorf("empty text: %v", got)
	}
	long := strings.Repeat("la délégation russe a rencontré le ministre malien ", 700) // ~5,000 words, no full stop
	evs := pipeline(t, long, veille.Date{})
	for _, e := range evs {
		if e.When != "" || e.WhenFrom != "" {
			t.Errorf("a date without any date given: %+v", e)
		}
	}
	many := strings.Repeat("Sergueï Lavrov a reçu Abdoulaye Diop à Moscou le 5 mai 2024. ", 3000)
	d, _ := veille.ParseDate("2024-05-10")
	if n := len(pipeline(t, many, d)); n != 3000 {
		t.Errorf("%d events in 3,000 sentences that each state one", n)
	}
}

func TestFigures(t *testing.T) {
	d, _ := veille.ParseDate("2024-08-30")
	tests := []struct {
		text string
		want string // kind=value[~] ...
	}{
		{"Le JNIM a attaqué Barsalogho le 24 août, faisant au moins 150 morts et 200 blessés.", "killed=150 wounded=200"},
		{"Des jihadistes ont tué une vingtaine de civils près de Djibo mardi.", "killed=20~"},
		{"Une centaine d'instructeurs russes sont arrivés à Ouagadougou.", "troops=100~"},
		{"Le Mali et la Russie ont signé 3 accords.", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range pipeline(t, tt.text, d) {
			for _, f := range e.Figures {
				s := f.Kind + "=" + strconv.FormatFloat(f.Value, 'f', -1, 64)
				if f.Approx {
					s += "~"
				}
				got = append(got, s)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: figures %q, want %q", tt.text, g, tt.want)
		}
	}
}

func TestArticleDate(t *testing.T) {
	d, _ := veille.ParseDate("2023-12-29T10:05")
	evs := pipeline(t, "Le Burkina Faso a signé un accord avec la Russie.", d)
	if len(evs) != 1 || evs[0].When != "2023-12-29" || evs[0].WhenFrom != "article" {
		t.Errorf("events %+v: want the publication day, without its time", evs)
	}
}
