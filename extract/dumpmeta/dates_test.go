package dumpmeta

import (
	"strings"
	"testing"
)

func TestFindDates(t *testing.T) {
	type hit struct{ text, iso string }
	tests := []struct {
		line string
		want []hit
	}{
		{"02 Sep 2023", []hit{{"02 Sep 2023", "2023-09-02"}}},
		{"Fatoumata Diallo 02 Sep 2023 Burkina Faso, Mali 734 Lectures", []hit{{"02 Sep 2023", "2023-09-02"}}},
		{"Dernière mise à jour: 3 avril 2025 11h51", []hit{{"3 avril 2025 11h51", "2025-04-03T11:51"}}},
		{"Par ailleurs, le 28 décembre 2023, la Russie", []hit{{"28 décembre 2023", "2023-12-28"}}},
		{"le 1er mars 2024", []hit{{"1er mars 2024", "2024-03-01"}}},
		{"mardi 5 mars 2024 à 14:30", []hit{{"mardi 5 mars 2024 à 14:30", "2024-03-05T14:30"}}},
		{"Publié le 05/03/2024 à 08h05", []hit{{"05/03/2024 à 08h05", "2024-03-05T08:05"}}},
		{"12/25/2024", []hit{{"12/25/2024", "2024-12-25"}}}, // only month-first is valid
		{"2024-03-05", []hit{{"2024-03-05", "2024-03-05"}}},
		{"2023-09-02T10:11:12+01:00 x", []hit{{"2023-09-02T10:11:12+01:00", "2023-09-02T10:11:12"}}},
		{" date 2023-10 Publicité", []hit{{"2023-10", "2023-10"}}},
		{"March 5, 2024", []hit{{"March 5, 2024", "2024-03-05"}}},
		{"Sep 2, 2023 at 3:04 pm", []hit{{"Sep 2, 2023 at 3:04 pm", "2023-09-02T15:04"}}},
		{"Updated 3:04 PM ET, Wed November 20, 2019", []hit{{"3:04 PM ET, Wed November 20, 2019", "2019-11-20T15:04"}}},
		{"a visité le Burkina Faso le 31 aout 2023", []hit{{"31 aout 2023", "2023-08-31"}}},
		{"en septembre 2022, les relations", []hit{{"septembre 2022", "2022-09"}}},
		{"le 2 septembre 2023 à 10 h 30", []hit{{"2 septembre 2023 à 10 h 30", "2023-09-02T10:30"}}},
		{"1er janvier 2024 à 8h", []hit{{"1er janvier 2024 à 8h", "2024-01-01T08:00"}}},
		{"the 5th of March, 2024", []hit{{"5th of March, 2024", "2024-03-05"}}},
		{"  • Alger accuse Paris   |   29 Aug 2025", []hit{{"29 Aug 2025", "2025-08-29"}}},
		{"du 3 mars 2024 au 5 avril 2024", []hit{{"3 mars 2024", "2024-03-03"}, {"5 avril 2024", "2024-04-05"}}},
		// Not absolute dates, or not dates at all.
		{"ce samedi matin à Ouagadougou", nil},
		{"cette semaine", nil},
		{"le 5 octobre, une délégation", nil},
		{"ce jeudi 22 février", nil},
		{"© Aminata24. 2024.", nil},
		{"la mission Apollo 11 en 1969", nil},
		{"la saison 2011-12", nil},
		{"32/13/2024", nil},
		{"31 avril 2024", nil},
		{"version 1.05.03.2024", nil},
		{"(+225) 01 60 07 07 07", nil},
		{"they may 2024 votes", nil},
		{"2 mn(s) de lecture", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := FindDates(tt.line)
		if len(got) != len(tt.want) {
			t.Errorf("FindDates(%q) = %d matches %v, want %d", tt.line, len(got), got, len(tt.want))
			continue
		}
		for i, m := range got {
			if s := tt.line[m.Start:m.End]; s != tt.want[i].text || m.Date.String() != tt.want[i].iso {
				t.Errorf("FindDates(%q)[%d] = %q %s, want %q %s", tt.line, i, s, m.Date, tt.want[i].text, tt.want[i].iso)
			}
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want string // want "" means not a date
	}{
		{"02 Sep 2023", "2023-09-02"},
		{"le 28 décembre 2023", "2023-12-28"},
		{"3 avril 2025 11h51", "2025-04-03T11:51"},
		{"2023-10", "2023-10"},
		{"2024", "2024"},
		{"5 mai 2024.", "2024-05-05"},
		{"  March 5, 2024 ", "2024-03-05"},
		// go-dateparser fallback: a time form FindDates does not read.
		{"Sept. 2nd, 2023 10.15", "2023-09-02T10:15"},
		{"", ""},
		{"hier", ""},
		{"il y a 3 jours", ""},
		{"cette semaine", ""},
		{"5 octobre", ""},
		{"3 mars 2024 et 4 mars 2024", ""},
		{"Publié le 3 mars 2024", ""}, // not only a date
		{"1850", ""},
		{"\xff\xfe2024-13-01", ""},
	}
	for _, tt := range tests {
		d, ok := ParseDate(tt.in)
		if ok != (tt.want != "") || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, d.String(), ok, tt.want)
		}
	}
}

func TestFindDatesHugeLine(t *testing.T) {
	line := strings.Repeat("blah 12 ", 200000) + "le 3 mars 2024"
	got := FindDates(line)
	if len(got) != 1 || got[0].Date.String() != "2024-03-03" {
		t.Fatalf("FindDates(huge) = %v", got)
	}
}
