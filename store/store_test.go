package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	veille "github.com/veille-news/veille"
)

func TestDefaultPath(t *testing.T) {
	tests := []struct {
		env, want string
	}{
		{"", DefaultFile},
		{"   ", DefaultFile},
		{"/data/veille.db", "/data/veille.db"},
		{" other.db ", "other.db"},
	}
	for _, tt := range tests {
		t.Setenv(EnvDB, tt.env)
		if got := DefaultPath(); got != tt.want {
			t.Errorf("%s=%q: DefaultPath() = %q, want %q", EnvDB, tt.env, got, tt.want)
		}
	}
}

func TestCheckID(t *testing.T) {
	full := strings.Repeat("ab", 32)
	tests := []struct {
		in       string
		want     string
		wantFull bool
		wantErr  bool
	}{
		{"abcdef", "abcdef", false, false},
		{" ABCDEF0123 ", "abcdef0123", false, false},
		{full, full, true, false},
		{strings.ToUpper(full), full, true, false},
		{"abcde", "", false, true},     // too short
		{"", "", false, true},          // empty
		{full + "0", "", false, true},  // too long
		{"abcdeg", "", false, true},    // not hex
		{"abc\xffde", "", false, true}, // invalid UTF-8
		{"abcd%_ef", "", false, true},  // LIKE wildcards
		{strings.Repeat("x", 1<<20), "", false, true},
	}
	for _, tt := range tests {
		got, gotFull, err := CheckID(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("CheckID(%.20q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if err != nil {
			if !errors.Is(err, ErrInvalidID) {
				t.Errorf("CheckID(%.20q) error = %v, want ErrInvalidID", tt.in, err)
			}
			if len(err.Error()) > 200 {
				t.Errorf("CheckID(%.20q) error message is %d bytes long", tt.in, len(err.Error()))
			}
			continue
		}
		if got != tt.want || gotFull != tt.wantFull {
			t.Errorf("CheckID(%q) = %q, %v, want %q, %v", tt.in, got, gotFull, tt.want, tt.wantFull)
		}
	}
}

func TestSpan(t *testing.T) {
	date := func(s string) veille.Date {
		d, err := veille.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	utc := func(s string) time.Time {
		v, err := time.Parse("2006-01-02T15:04:05", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	paris := time.FixedZone("Paris", 2*3600)
	tests := []struct {
		name       string
		d          veille.Date
		start, end string
		ok         bool
	}{
		{"unknown", veille.Date{}, "", "", false},
		{"year", date("2023"), "2023-01-01T00:00:00", "2024-01-01T00:00:00", true},
		{"december", date("2023-12"), "2023-12-01T00:00:00", "2024-01-01T00:00:00", true},
		{"leap day", date("2024-02-29"), "2024-02-29T00:00:00", "2024-03-01T00:00:00", true},
		{"minute", date("2025-04-03T11:51"), "2025-04-03T11:51:00", "2025-04-03T11:52:00", true},
		{"second", date("2025-04-03T11:51:07"), "2025-04-03T11:51:07", "2025-04-03T11:51:08", true},
		// A date in another zone covers the period its ISO form names.
		{"zoned day", veille.Date{Time: time.Date(2024, 5, 1, 23, 0, 0, 0, paris), Precision: veille.PrecisionDay},
			"2024-05-01T00:00:00", "2024-05-02T00:00:00", true},
		{"bad precision", veille.Date{Time: time.Now(), Precision: 42}, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, ok := Span(tt.d)
			if ok != tt.ok {
				t.Fatalf("Span ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if !start.Equal(utc(tt.start)) || !end.Equal(utc(tt.end)) {
				t.Errorf("Span(%s) = [%s, %s), want [%s, %s)", tt.d, start, end, tt.start, tt.end)
			}
		})
	}
}
