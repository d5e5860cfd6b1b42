// Package sharedtest locates the shared benchmark data (../shared beside
// the repository root) for tests, and skips them cleanly when it is
// absent.
package sharedtest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/veille-news/veille/internal/repo"
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
	dir, err := repo.Root()
	if err != nil {
		tb.Skip(err)
	}
	return dir
}
