package tagger

import "github.com/veille-news/veille/entity/kb"

// kbGazetteer marks the names of a knowledge base (entity/kb) in a token
// sequence, typed by the base.
type kbGazetteer struct{ g *kb.Gazetteer }

// KBGazetteer returns a Gazetteer of the names of the knowledge base k,
// typed by the base: the gazetteer the shipped model was trained with and
// that Default attaches. A name the base lists under entries of different
// types, or written with the wrong capitals (see kb.Match.CaseOK), is left
// out.
func KBGazetteer(k *kb.KB) Gazetteer { return kbGazetteer{k.Gazetteer()} }

// Tags implements Gazetteer.
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
