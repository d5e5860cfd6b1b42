// Package sharedtest locates the shared benchmark data (../shared beside
// the repository root) for tests, and skips them cleanly when it is
// absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory, ../shared relative to the
// repository root (the directory holding go.mod), or skips the test when
// it is absent.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := repoRoot(tb)
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Skipf("shared data absent: %v", err)
	}
	return shared
}

// repoRoot returns the directory holding go.mod above the working
// directory, or skips the test.
func repoRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatalf("getwd: %v", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
}
