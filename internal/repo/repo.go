// Package repo finds the repository veille is built from and writes the
// generated files it holds: the knowledge base, the French background
// document frequencies. Only veille's generators and tests use it.
package repo

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Root returns the nearest directory above the working directory that
// holds go.mod.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("getwd: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("repository root (go.mod) not found above the working directory")
		}
		dir = parent
	}
}

// WriteGenerated writes data to the generated file path; with check, it
// writes nothing and returns an error naming regenerate (the command that
// rebuilds the file) when path's content differs from data.
func WriteGenerated(path string, data []byte, check bool, regenerate string) error {
	if !check {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", path, err)
		}
		return nil
	}
	old, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if !bytes.Equal(old, data) {
		return fmt.Errorf("%s is stale: run %s", path, regenerate)
	}
	return nil
}
