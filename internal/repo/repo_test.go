package repo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoot(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Errorf("%s holds no go.mod", root)
	}
}

func TestWriteGenerated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gen.bin")
	if err := WriteGenerated(path, []byte("a"), true, "go run ./x"); err == nil {
		t.Error("checking a missing file succeeded")
	}
	if err := WriteGenerated(path, []byte("a"), false, "go run ./x"); err != nil {
		t.Fatal(err)
	}
	if err := WriteGenerated(path, []byte("a"), true, "go run ./x"); err != nil {
		t.Errorf("up-to-date file: %v", err)
	}
	err := WriteGenerated(path, []byte("b"), true, "go run ./x")
	if err == nil || !strings.Contains(err.Error(), "go run ./x") {
		t.Errorf("stale file: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "a" {
		t.Errorf("check wrote the file: %q", b)
	}
}
