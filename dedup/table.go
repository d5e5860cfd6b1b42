package dedup

// table maps 32-bit keys (hashes) to non-negative int32 values, by open
// addressing with linear probing: 8 bytes a slot, one cache line read for
// most lookups, against two and twice the memory for a Go map of 64-bit
// keys. It grows by doubling past three quarters full.
type table struct {
	slots []tslot
	n     int
}

// tslot is a slot of a table; val is the value plus one, 0 when empty.
type tslot struct {
	key uint32
	val int32
}

// get returns the value of key.
func (t *table) get(key uint32) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.val == 0 {
			return 0, false
		}
		if s.key == key {
			return s.val - 1, true
		}
	}
}

// put sets the value of key to val (>= 0).
func (t *table) put(key uint32, val int32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	mask := uint32(len(t.slots) - 1)
	for i := key & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.val == 0 {
			s.key, s.val = key, val+1
			t.n++
			return
		}
		if s.key == key {
			s.val = val + 1
			return
		}
	}
}

// reserve sizes an empty table for n keys.
func (t *table) reserve(n int) {
	size := 1024
	for 3*size < 4*n {
		size *= 2
	}
	if size > len(t.slots) && t.n == 0 {
		t.slots = make([]tslot, size)
	}
}

func (t *table) grow() {
	old := t.slots
	t.slots = make([]tslot, max(1024, 2*len(old)))
	t.n = 0
	for _, s := range old {
		if s.val != 0 {
			t.put(s.key, s.val-1)
		}
	}
}
