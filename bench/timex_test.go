package bench

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille"
)

// tx builds a timex for the scoring tests; the text does not matter.
func tx(start, end int, typ, value string) veille.Timex {
	return veille.Timex{Start: start, End: end, Type: typ, Value: value}
}

func TestScoreTimex(t *testing.T) {
	date := func(s, e int, v string) veille.Timex { return tx(s, e, "DATE", v) }
	tests := []struct {
		name        string
		gold, pred  [][]veille.Timex
		g, p        int
		strict, rel int
		typ, val    int
		valF1       float64
		valAcc      float64
	}{
		{"exact", [][]veille.Timex{{date(0, 5, "2023-10-07"), tx(10, 17, "DURATION", "P3D")}},
			[][]veille.Timex{{date(0, 5, "2023-10-07"), tx(10, 17, "DURATION", "P3D")}},
			2, 2, 2, 2, 2, 2, 1, 1},
		{"overlap only", [][]veille.Timex{{date(0, 10, "2023-10")}},
			[][]veille.Timex{{date(3, 10, "2023-10")}},
			1, 1, 0, 1, 1, 1, 1, 1},
		{"wrong value and type", [][]veille.Timex{{date(0, 5, "2023-10-07"), date(8, 12, "2022")}},
			[][]veille.Timex{{date(0, 5, "2023-10-08"), tx(8, 12, "TIME", " 2022 ")}},
			2, 2, 2, 2, 1, 1, 0.5, 0.5},
		{"missing", [][]veille.Timex{{date(0, 5, "2023"), date(10, 15, "2024")}, {date(0, 4, "PRESENT_REF")}},
			[][]veille.Timex{{date(0, 5, "2023")}},
			3, 1, 1, 1, 1, 1, 0.5, 1},
		{"spurious", [][]veille.Timex{{date(0, 5, "2023")}},
			[][]veille.Timex{{date(0, 5, "2023"), date(20, 25, "2024"), date(30, 31, "2025")}},
			1, 3, 1, 1, 1, 1, 0.5, 1},
		{"each gold matched once", [][]veille.Timex{{date(0, 10, "2023-10")}},
			[][]veille.Timex{{date(0, 4, "2023-10"), date(5, 10, "2023-10")}},
			1, 2, 0, 1, 1, 1, 2.0 / 3, 1},
		{"greedy in order", [][]veille.Timex{{date(0, 4, "A"), date(5, 9, "B")}},
			[][]veille.Timex{{date(2, 7, "B"), date(6, 9, "B")}},
			2, 2, 0, 2, 2, 1, 0.5, 0.5},
		{"empty", nil, nil, 0, 0, 0, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		s := ScoreTimex(tt.gold, tt.pred)
		if s.Gold != tt.g || s.Predicted != tt.p || s.Strict.TP != tt.strict || s.Relaxed.TP != tt.rel ||
			s.Type.TP != tt.typ || s.Value.TP != tt.val {
			t.Errorf("%s: gold %d pred %d strict %d relaxed %d type %d value %d; want %d %d %d %d %d %d",
				tt.name, s.Gold, s.Predicted, s.Strict.TP, s.Relaxed.TP, s.Type.TP, s.Value.TP,
				tt.g, tt.p, tt.strict, tt.rel, tt.typ, tt.val)
		}
		if math.Abs(s.Value.F1-tt.valF1) > 1e-9 || math.Abs(s.ValueAccuracy-tt.valAcc) > 1e-9 {
			t.Errorf("%s: value F1 %.3f accuracy %.3f, want %.3f %.3f", tt.name, s.Value.F1, s.ValueAccuracy, tt.valF1, tt.valAcc)
		}
	}
	// Precision is over the predictions, recall over the gold.
	s := ScoreTimex([][]veille.Timex{{date(0, 5, "2023"), date(10, 15, "2024")}},
		[][]veille.Timex{{date(0, 5, "2023"), date(10, 14, "2024"), date(20, 25, "X")}})
	want := map[string]PRF{
		"strict":  {1, 1.0 / 3, 0.5, 0.4},
		"relaxed": {2, 2.0 / 3, 1, 0.8},
		"value":   {2, 2.0 / 3, 1, 0.8},
	}
	got := map[string]PRF{"strict": s.Strict, "relaxed": s.Relaxed, "value": s.Value}
	for k, w := range want {
		g := got[k]
		if g.TP != w.TP || math.Abs(g.Precision-w.Precision) > 1e-9 || math.Abs(g.Recall-w.Recall) > 1e-9 || math.Abs(g.F1-w.F1) > 1e-9 {
			t.Errorf("%s: got %+v, want %+v", k, g, w)
		}
	}
	if s.TypeAccuracy != 1 || s.ValueAccuracy != 1 {
		t.Errorf("accuracies %.3f %.3f, want 1 1", s.TypeAccuracy, s.ValueAccuracy)
	}
}

const tinyTML = `<?xml version='1.0' encoding='UTF-8'?>
<!--
A test document.
//-->
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t1" type="DATE" value="1999-05-17" /></DCT>
<TEXT>
«Ventes &amp; achats» : <TIMEX3 tid="t2" type="DATE" value="1999-05-16" temporalFunction="true" anchorTimeID="t1">hier</TIMEX3>, <EVENT eid="e1" class="OCCURRENCE">réunion</EVENT> de <TIMEX3 tid="t3" type="DURATION" value="PT2H">deux&#160;heures</TIMEX3> <SIGNAL sid="s1">vers</SIGNAL> <TIMEX3 tid="t4" type="TIME" value="1999-05-17T14:00" mod="APPROX">14 h</TIMEX3> &lt;fin&gt;.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
`

func TestLoadTimeBank(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "Data"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"b.tml":    tinyTML,
		"a.tml":    strings.Replace(tinyTML, "1999-05-17\"", "2003-02-04\"", 1),
		"note.txt": "not TimeML",
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, "Data", name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	docs, err := LoadTimeBank(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0].Name != "a" || docs[1].Name != "b" {
		t.Fatalf("got %d docs %+v, want a and b in order", len(docs), docs)
	}
	if docs[0].Anchor.String() != "2003-02-04" || docs[1].Anchor.String() != "1999-05-17" {
		t.Errorf("anchors %v %v", docs[0].Anchor, docs[1].Anchor)
	}
	d := docs[1]
	wantText := "\n«Ventes & achats» : hier, réunion de deux\u00a0heures vers 14 h <fin>.\n"
	if d.Text != wantText {
		t.Errorf("text %q, want %q", d.Text, wantText)
	}
	want := []veille.Timex{
		{Text: "hier", Type: "DATE", Value: "1999-05-16"},
		{Text: "deux\u00a0heures", Type: "DURATION", Value: "PT2H"},
		{Text: "14 h", Type: "TIME", Value: "1999-05-17T14:00", Mod: "APPROX"},
	}
	if len(d.Gold) != len(want) {
		t.Fatalf("gold %+v, want %d expressions", d.Gold, len(want))
	}
	for i, g := range d.Gold {
		w := want[i]
		if d.Text[g.Start:g.End] != g.Text || g.Text != w.Text || g.Type != w.Type || g.Value != w.Value || g.Mod != w.Mod {
			t.Errorf("gold %d: %+v (text[%d:%d] = %q), want %+v", i, g, g.Start, g.End, d.Text[g.Start:g.End], w)
		}
	}

	if _, err := LoadTimeBank(t.TempDir()); err == nil {
		t.Error("LoadTimeBank on an empty dir: want an error")
	}
	bad := map[string]string{
		"no DCT":   strings.NewReplacer("<DCT>", "<X>", "</DCT>", "</X>").Replace(tinyTML),
		"bad XML":  strings.Replace(tinyTML, "</TEXT>", "", 1),
		"bad date": strings.Replace(tinyTML, `value="1999-05-17"`, `value="mai 1999"`, 1),
	}
	for name, s := range bad {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "Data"), 0o755)
		if err := os.WriteFile(filepath.Join(dir, "Data", "x.tml"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadTimeBank(dir); err == nil || !strings.Contains(err.Error(), "x.tml") {
			t.Errorf("%s: err = %v, want one naming the file", name, err)
		}
	}
}

func TestRunTimex(t *testing.T) {
	docs := []TimexDoc{
		{Name: "a", Text: "hier et demain", Gold: []veille.Timex{tx(0, 4, "DATE", "1999-05-16"), tx(8, 14, "DATE", "1999-05-18")}},
		{Name: "b", Text: "hier", Gold: []veille.Timex{tx(0, 4, "DATE", "1999-05-16")}},
		{Name: "c", Text: "rien"},
	}
	// hier finds "hier" and resolves it against the anchor.
	hier := func(text string, anchor veille.Date) []veille.Timex {
		var out []veille.Timex
		if i := strings.Index(text, "hier"); i >= 0 {
			out = append(out, tx(i, i+4, "DATE", anchor.Time.AddDate(0, 0, -1).Format("2006-01-02")))
		}
		return out
	}
	for i := range docs {
		docs[i].Anchor, _ = veille.ParseDate("1999-05-17")
	}
	s, speed, err := RunTimex(context.Background(), hier, docs)
	if err != nil {
		t.Fatal(err)
	}
	if s.Gold != 3 || s.Predicted != 2 || s.Strict.TP != 2 || s.Value.TP != 2 || speed <= 0 {
		t.Errorf("got %+v at %.0f docs/s", s, speed)
	}
	dev, held := SplitTimeBank(docs)
	if len(dev) != 2 || dev[0].Name != "a" || dev[1].Name != "c" || len(held) != 1 || held[0].Name != "b" {
		t.Errorf("split: dev %v held-out %v", dev, held)
	}
	rep, err := RunTimeBank(context.Background(), hier, docs, 2)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := rep.Result(TimexHeldOut); !ok || r.Docs != 1 || r.Score.Strict.F1 != 1 {
		t.Errorf("held-out: %+v", r)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil || strings.Count(b.String(), "\n") != 4 || !strings.Contains(b.String(), "held-out") {
		t.Errorf("table %q, err %v", b.String(), err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := RunTimex(ctx, hier, docs); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: err = %v", err)
	}
}

// timeBankDir is the shared French TimeBank, beside the repository.
const timeBankDir = "../../shared/bench/time/fr-timebank"

// TestTimeBankShared reads the French TimeBank when ../shared is present:
// 108 documents and 533 TIMEX3, of which 108 are the documents' creation
// times (DCT) and 425 are in the texts.
func TestTimeBankShared(t *testing.T) {
	if _, err := os.Stat(timeBankDir); err != nil {
		t.Skip("shared benchmark absent:", err)
	}
	docs, err := LoadTimeBank(timeBankDir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	types := map[string]int{}
	for _, d := range docs {
		if d.Anchor.Precision != veille.PrecisionDay {
			t.Errorf("%s: anchor %v, want a day", d.Name, d.Anchor)
		}
		for _, g := range d.Gold {
			if d.Text[g.Start:g.End] != g.Text || g.Text == "" || g.Value == "" {
				t.Errorf("%s: bad gold %+v", d.Name, g)
			}
			types[g.Type]++
		}
		n += len(d.Gold)
	}
	if len(docs) != 108 || n != 425 {
		t.Errorf("got %d documents and %d TIMEX3 in their texts, want 108 and 425", len(docs), n)
	}
	if types["DATE"] != 227 || types["TIME"] != 130 || types["DURATION"] != 52 || types["SET"] != 16 {
		t.Errorf("types %v", types)
	}
	dev, held := SplitTimeBank(docs)
	if len(dev) != 54 || len(held) != 54 {
		t.Errorf("split %d/%d, want 54/54", len(dev), len(held))
	}
}
