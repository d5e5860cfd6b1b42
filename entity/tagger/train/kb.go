package main

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
