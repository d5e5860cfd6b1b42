package textsim

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
)

// Background is the document frequencies of a reference collection, a
// read-only prior for a [DF]: with it, a collection of a few dozen
// articles already weighs "gouvernement" below "Ouagadougou", where its
// own counts alone would weigh every word it has seen once alike.
type Background struct {
	docs  int
	terms []uint64 // sorted term hashes
	df    []int32  // document frequency of terms[i]
}

// Docs returns the number of documents of the reference collection; 0
// for a nil Background.
func (b *Background) Docs() int {
	if b == nil {
		return 0
	}
	return b.docs
}

// Count returns the number of reference documents holding term t; 0 for
// a nil Background.
func (b *Background) Count(t uint64) int {
	if b == nil {
		return 0
	}
	if i, ok := slices.BinarySearch(b.terms, t); ok {
		return int(b.df[i])
	}
	return 0
}

// Len returns the number of terms the background counts.
func (b *Background) Len() int { return len(b.terms) }

// backgroundMagic starts an encoded Background.
const backgroundMagic = "VDF1"

// NewBackground returns the background of a collection counted in df,
// keeping the terms found in at least minDocs of its documents (rarer
// terms weigh as unseen ones, which they nearly are).
func NewBackground(df *DF, minDocs int) *Background {
	b := &Background{docs: df.n}
	for t, n := range df.df {
		if int(n) >= minDocs {
			b.terms = append(b.terms, t)
		}
	}
	slices.Sort(b.terms)
	b.df = make([]int32, len(b.terms))
	for i, t := range b.terms {
		b.df[i] = df.df[t]
	}
	return b
}

// MarshalBinary encodes b: the magic "VDF1", the number of documents and
// of terms, then each term as the uvarint delta of its hash from the
// previous one and the uvarint of its count.
func (b *Background) MarshalBinary() ([]byte, error) {
	out := []byte(backgroundMagic)
	out = binary.AppendUvarint(out, uint64(b.docs))
	out = binary.AppendUvarint(out, uint64(len(b.terms)))
	var prev uint64
	for i, t := range b.terms {
		out = binary.AppendUvarint(out, t-prev)
		out = binary.AppendUvarint(out, uint64(b.df[i]))
		prev = t
	}
	return out, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (b *Background) UnmarshalBinary(data []byte) error {
	if len(data) < len(backgroundMagic) || string(data[:len(backgroundMagic)]) != backgroundMagic {
		return errors.New("textsim: background: not a VDF1 table")
	}
	data = data[len(backgroundMagic):]
	next := func() (uint64, error) {
		v, n := binary.Uvarint(data)
		if n <= 0 {
			return 0, errors.New("textsim: background: truncated table")
		}
		data = data[n:]
		return v, nil
	}
	docs, err := next()
	if err != nil {
		return err
	}
	n, err := next()
	if err != nil {
		return err
	}
	if n > uint64(len(data)) { // each term takes two bytes at least
		return fmt.Errorf("textsim: background: %d terms in %d bytes", n, len(data))
	}
	terms, df := make([]uint64, n), make([]int32, n)
	var prev uint64
	for i := range terms {
		d, err := next()
		if err != nil {
			return err
		}
		c, err := next()
		if err != nil {
			return err
		}
		if i > 0 && d == 0 {
			return errors.New("textsim: background: terms out of order")
		}
		prev += d
		terms[i], df[i] = prev, int32(min(c, 1<<31-1))
	}
	if len(data) != 0 {
		return errors.New("textsim: background: trailing bytes")
	}
	b.docs, b.terms, b.df = int(docs), terms, df
	return nil
}

// frenchBackgroundData is the French background, written by
// `go run ./textsim/gen` from the CC0 Europeana Newspapers and CC BY
// NewsEye French newspaper text of ../shared/bench/ner (see gen).
//
//go:embed data/french.vdf
var frenchBackgroundData []byte

// FrenchBackground returns the document frequencies of French newspaper
// text, analysed by [French], that [NewFrenchDF] starts from. It is
// decoded once; it is nil if the embedded table is missing or damaged,
// which the package's tests rule out.
var FrenchBackground = sync.OnceValue(func() *Background {
	b := new(Background)
	if err := b.UnmarshalBinary(frenchBackgroundData); err != nil {
		return nil
	}
	return b
})

// NewFrenchDF returns an empty collection that starts from
// [FrenchBackground]: for texts mostly in French, as veille's are.
func NewFrenchDF() *DF { return NewDFOver(FrenchBackground()) }
