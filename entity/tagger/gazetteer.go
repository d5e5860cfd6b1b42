package tagger

import (
	"unicode"
	"unicode/utf8"
)

// Phrases is a Gazetteer over a list of names: it marks the longest listed
// name starting at each token, left to right. Names are compared in their
// normalised form (lower case, digits folded, apostrophes unified), and a
// match must start with a token whose first letter is upper case, so the
// common noun "niger" or the verb "salue" never match a name.
type Phrases struct {
	root *trieNode
	n    int
}

type trieNode struct {
	next map[string]*trieNode
	typ  string // non-empty at the end of a name
}

// NewPhrases returns an empty phrase gazetteer.
func NewPhrases() *Phrases { return &Phrases{root: &trieNode{}} }

// Add lists the name made of tokens with the given type ("PER", "LOC",
// ...). A name added twice keeps its first type.
func (p *Phrases) Add(tokens []string, typ string) {
	if len(tokens) == 0 || typ == "" {
		return
	}
	n := p.root
	for _, t := range tokens {
		k := string(normalize(nil, t))
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[k]
		if c == nil {
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	if n.typ == "" {
		n.typ = typ
		p.n++
	}
}

// Len returns the number of names listed.
func (p *Phrases) Len() int { return p.n }

// Tags implements Gazetteer.
func (p *Phrases) Tags(tokens []string) []string {
	out := make([]string, len(tokens))
	var buf []byte
	norm := make([]string, len(tokens))
	for i, t := range tokens {
		buf = normalize(buf[:0], t)
		norm[i] = string(buf)
	}
	for i := 0; i < len(tokens); {
		r, _ := utf8.DecodeRuneInString(tokens[i])
		end, typ := -1, ""
		if unicode.IsUpper(r) {
			n := p.root
			for j := i; j < len(tokens) && n.next != nil; j++ {
				n = n.next[norm[j]]
				if n == nil {
					break
				}
				if n.typ != "" {
					end, typ = j+1, n.typ
				}
			}
		}
		if end < 0 {
			out[i] = "O"
			i++
			continue
		}
		out[i] = "B-" + typ
		for j := i + 1; j < end; j++ {
			out[j] = "I-" + typ
		}
		i = end
	}
	return out
}
