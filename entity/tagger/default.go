package tagger

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"

	"github.com/veille-news/veille/entity/kb"
)

// DefaultModelPath is where `go run ./entity/tagger/train` writes the model
// that Default embeds, relative to the repository root.
const DefaultModelPath = "entity/tagger/model/fr.model.gz"

//go:embed model/fr.model.gz
var defaultModel []byte

var loadDefault = sync.OnceValues(func() (*Model, error) {
	m, err := Load(bytes.NewReader(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("tagger: embedded model: %w", err)
	}
	return m.WithGazetteer(KBGazetteer(kb.Default())), nil
})

// Default returns the French model embedded in the binary, loaded once,
// with the knowledge base's names as its gazetteer (KBGazetteer over
// kb.Default), as it was trained to use them. WithGazetteer(nil) removes
// it; WithGazetteer replaces it.
func Default() (*Model, error) { return loadDefault() }
