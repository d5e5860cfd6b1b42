package main

import (
	"github.com/veille-news/veille/entity/kb"
)

// kbGazetteer marks the names of veille's knowledge base (entity/kb) in a
// token sequence, typed by the base: the gazetteer the product gives the
// tagger, so that training sees the same one. A name the base lists under
// entries of different types, or written with the wrong capitals, is left
// out.
type kbGazetteer struct{ g *kb.Gazetteer }

// Tags implements tagger.Gazetteer.
func (k kbGazetteer) Tags(tokens []string) []string {
	out := make([]string, len(tokens))
	for i := range out {
		out[i] = "O"
	}
	for _, m := range k.g.Find(tokens) {
		if !m.CaseOK || len(m.Entries) == 0 {
			continue
		}
		typ := m.Entries[0].Type
		same := true
		for _, e := range m.Entries[1:] {
			same = same && e.Type == typ
		}
		if !same || typ == "" {
			continue
		}
		out[m.Start] = "B-" + typ
		for j := m.Start + 1; j < m.End; j++ {
			out[j] = "I-" + typ
		}
	}
	return out
}

// union tags with the first gazetteer, then fills the tokens it leaves out
// with the second's names that fit there entirely.
type union struct {
	a, b interface{ Tags([]string) []string }
}

func (u union) Tags(tokens []string) []string {
	out := u.a.Tags(tokens)
	other := u.b.Tags(tokens)
	for i := 0; i < len(tokens); {
		if other[i] == "" || other[i][0] != 'B' {
			i++
			continue
		}
		j := i + 1
		for j < len(tokens) && len(other[j]) > 0 && other[j][0] == 'I' {
			j++
		}
		free := true
		for k := i; k < j; k++ {
			free = free && (out[k] == "O" || out[k] == "")
		}
		if free {
			copy(out[i:j], other[i:j])
		}
		i = j
	}
	return out
}
