package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/veille-news/veille/internal/repo"
)

// paths returns the repository root and the countries file, or skips the
// test when ../shared is absent.
func paths(t *testing.T) (root, countries string) {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Skip(err)
	}
	countries = filepath.Join(root, "..", "shared", "data", "countries", "countries.json")
	if _, err := os.Stat(countries); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	return root, countries
}

// TestUpToDate regenerates the base and compares it with the committed
// file: a change to the sources must come with `go run ./entity/kb/gen`.
func TestUpToDate(t *testing.T) {
	root, countries := paths(t)
	src := filepath.Join(root, "entity", "kb", "data", "src")
	got, st, err := Generate(context.Background(), countries, src)
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile(filepath.Join(root, "entity", "kb", "data", "kb.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, committed) {
		t.Fatal("entity/kb/data/kb.json is stale: run go run ./entity/kb/gen")
	}
	// Generation is deterministic.
	again, _, err := Generate(context.Background(), countries, src)
	if err != nil || !bytes.Equal(again, got) {
		t.Fatalf("second generation differs (err %v)", err)
	}
	t.Logf("%d entries: %v, %d QIDs, %d roles", st.Entries, st.ByType, st.QIDs, st.Roles)
}

// TestNotice checks the attribution the country data asks for.
func TestNotice(t *testing.T) {
	root, err := repo.Root()
	if err != nil {
		t.Skip(err)
	}
	notice, err := os.ReadFile(filepath.Join(root, "NOTICE"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(notice), Attribution) {
		t.Errorf("NOTICE lacks %q", Attribution)
	}
}

// TestSourceErrors checks that broken sources are refused with a reason.
func TestSourceErrors(t *testing.T) {
	root, countries := paths(t)
	src := filepath.Join(root, "entity", "kb", "data", "src")
	tests := []struct {
		file, extra, want string
	}{
		{"roles.tsv", "per:ibrahim-traore\tstate\tPrésident\tnowhere\t2022\t\n", "unknown reference"},
		{"roles.tsv", "per:ibrahim-traore\tstate\tPrésident\tBF\t2022\t2021\n", "ends"},
		{"roles.tsv", "per:ibrahim-traore\tstate\tPrésident\tBF\t22 sept.\t\n", "bad date"},
		{"people.tsv", "per:x-y\tIbrahim Traoré\t\tBF\t\t\n", "not in ambiguous.tsv"},
		{"people.tsv", "Q12x\tX Y\t\tBF\t\t\n", "neither a QID nor a slug"},
		{"places.tsv", "loc:kaya\tcity\tBF\tKaya\t\n", "duplicate id"},
		{"ambiguous.tsv", "Ouagadougou\tnot shared\n", "is not shared"},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if e.Name() == tt.file {
				b = append(b, tt.extra...)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, _, err = Generate(context.Background(), countries, dir)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s + %q: error %v, want %q", tt.file, tt.extra, err, tt.want)
		}
	}
}

func TestStartsWithDate(t *testing.T) {
	for name, want := range map[string]bool{
		"14-Juillet": true, "11 Septembre": true, "1er Mai": true, "5-Août": true, "8 Mai 1945": true,
		"attentats du 11 septembre 2001": false, "Appel du 18 Juin": false, "11-M": false, "Mai 68": false,
	} {
		if got := startsWithDate(name); got != want {
			t.Errorf("startsWithDate(%q) = %v, want %v", name, got, want)
		}
	}
}
