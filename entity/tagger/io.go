package tagger

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed; inside, after the magic line:
// the tag set, the lexicon (sorted words with their clusters, caps
// bucket and flags), the number of transition contexts and the transition weights as float32, then the feature weights:
// one scale, the number of features, and per feature (sorted by key) the
// key as a delta varint, a bit mask of the tags with a weight, and each of
// those weights as a zigzag varint of weight/scale.
const magic = "veille-ner-linear-3\n"

// maxQuant is the largest quantised weight.
const maxQuant = 32767

// Save writes the model to w in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var vb [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(vb[:binary.PutUvarint(vb[:], x)]) }
	sv := func(x int64) { bw.Write(vb[:binary.PutVarint(vb[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	f32 := func(f float32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(f))
		bw.Write(b[:])
	}
	bw.WriteString(magic)
	uv(uint64(m.nTags))
	for _, t := range m.tags {
		str(t)
	}
	words := make([]string, 0, len(m.lex))
	for w := range m.lex {
		words = append(words, w)
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, w := range words {
		e := m.lex[w]
		str(w)
		uv(uint64(e.cluster))
		uv(uint64(e.coarse))
		bw.WriteByte(e.caps)
		bw.WriteByte(e.flags)
	}
	uv(uint64(nPairCtx))
	for _, t := range m.trans {
		f32(t)
	}
	// features sorted by key
	var idx []int
	maxAbs := float32(0)
	for j, k := range m.keys {
		if k == 0 {
			continue
		}
		idx = append(idx, j)
		for _, v := range m.weights[j*m.nTags : (j+1)*m.nTags] {
			maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if m.keys[a] < m.keys[b] {
			return -1
		}
		return 1
	})
	scale := maxAbs / maxQuant
	if scale == 0 {
		scale = 1
	}
	f32(scale)
	// count only features with a non-zero quantised weight
	quant := func(v float32) int64 { return int64(math.Round(float64(v / scale))) }
	var kept []int
	for _, j := range idx {
		for _, v := range m.weights[j*m.nTags : (j+1)*m.nTags] {
			if quant(v) != 0 {
				kept = append(kept, j)
				break
			}
		}
	}
	uv(uint64(len(kept)))
	prev := uint64(0)
	for _, j := range kept {
		uv(m.keys[j] - prev)
		prev = m.keys[j]
		row := m.weights[j*m.nTags : (j+1)*m.nTags]
		mask := uint64(0)
		for t, v := range row {
			if quant(v) != 0 {
				mask |= 1 << t
			}
		}
		uv(mask)
		for _, v := range row {
			if q := quant(v); q != 0 {
				sv(q)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("tagger: save: %w", err)
	}
	return nil
}

var errFormat = errors.New("not a veille NER model")

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	m, err := load(br)
	if err != nil {
		return nil, fmt.Errorf("tagger: load: %w", err)
	}
	return m, nil
}

func load(br *bufio.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errFormat
	}
	uv := func() (uint64, error) { return binary.ReadUvarint(br) }
	str := func() (string, error) {
		n, err := uv()
		if err != nil {
			return "", err
		}
		if n > 1<<16 {
			return "", errFormat
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return string(b), err
	}
	f32 := func() (float32, error) {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return 0, err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(b[:])), nil
	}
	nt, err := uv()
	if err != nil || nt == 0 || nt > 64 {
		return nil, errFormat
	}
	tags := make([]string, nt)
	for i := range tags {
		if tags[i], err = str(); err != nil {
			return nil, err
		}
	}
	m := newModel(tags)
	nl, err := uv()
	if err != nil || nl > 1<<24 {
		return nil, errFormat
	}
	m.lex = make(map[string]lexEntry, nl)
	for i := uint64(0); i < nl; i++ {
		w, err := str()
		if err != nil {
			return nil, err
		}
		c, err1 := uv()
		co, err2 := uv()
		caps, err3 := br.ReadByte()
		flags, err4 := br.ReadByte()
		if err := errors.Join(err1, err2, err3, err4); err != nil {
			return nil, err
		}
		m.lex[w] = lexEntry{cluster: uint16(c), coarse: uint16(co), caps: caps, flags: flags}
	}
	if nc, err := uv(); err != nil || nc != uint64(nPairCtx) {
		return nil, fmt.Errorf("model has %d transition contexts, this code %d: retrain it", nc, nPairCtx)
	}
	for i := range m.trans {
		if m.trans[i], err = f32(); err != nil {
			return nil, err
		}
	}
	scale, err := f32()
	if err != nil {
		return nil, err
	}
	nf, err := uv()
	if err != nil || nf > 1<<28 {
		return nil, errFormat
	}
	keys := make([]uint64, 0, nf)
	rows := make([]float32, 0, int(nf)*m.nTags)
	prev := uint64(0)
	row := make([]float32, m.nTags)
	for i := uint64(0); i < nf; i++ {
		d, err := uv()
		if err != nil {
			return nil, err
		}
		prev += d
		mask, err := uv()
		if err != nil {
			return nil, err
		}
		clear(row)
		for t := 0; t < m.nTags; t++ {
			if mask&(1<<t) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, err
			}
			row[t] = float32(q) * scale
		}
		keys = append(keys, prev)
		rows = append(rows, row...)
	}
	m.setTable(keys, rows)
	return m, nil
}
