package store

import (
	"errors"
	"strings"
	"testing"

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

func TestQueryInDates(t *testing.T) {
	date := func(s string) veille.Date {
		d, err := veille.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		since, until, published string
		want                    bool
	}{
		{"", "", "", true},
		{"", "", "2024-03-02", true},
		{"2024-03", "", "2024-03-02", true},
		{"2024-03", "", "2025", true},
		{"2024-03", "", "2024-02-28", false},
		{"2024-03", "", "2024", false}, // may be earlier
		{"", "2024", "2024-12-31", true},
		{"", "2024", "2024", true},
		{"", "2024-06", "2024", false}, // may be later
		{"2024-03", "", "", false},     // undated
		{"2024-03-01", "2024-03-31", "2024-03-15", true},
	}
	for _, tt := range tests {
		q := Query{Since: date(tt.since), Until: date(tt.until)}
		if got := q.InDates(date(tt.published)); got != tt.want {
			t.Errorf("since %q until %q: %q passes = %v, want %v", tt.since, tt.until, tt.published, got, tt.want)
		}
	}
}
