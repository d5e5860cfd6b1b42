package store

import (
	"errors"
	"strings"
	"testing"
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
