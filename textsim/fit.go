package textsim

import (
	"errors"
	"math"
)

// FitModel returns the linear model that best predicts gold from
// signals in the least-squares sense, with a small ridge penalty
// (lambda times the number of pairs) on the weights that keeps it
// stable when signals are nearly collinear. use selects the signals the
// model may weigh; the others get weight 0.
func FitModel(signals []Signals, gold []float64, use [NumSignals]bool, lambda float64) (Model, error) {
	if len(signals) != len(gold) {
		return Model{}, errors.New("textsim: fit: signals and gold differ in length")
	}
	var idx []int
	for i, u := range use {
		if u {
			idx = append(idx, i)
		}
	}
	k := len(idx) + 1
	if len(signals) < k {
		return Model{}, errors.New("textsim: fit: fewer pairs than parameters")
	}
	a := make([][]float64, k)
	for i := range a {
		a[i] = make([]float64, k)
	}
	rhs := make([]float64, k)
	x := make([]float64, k)
	for n, s := range signals {
		x[0] = 1
		for j, i := range idx {
			x[j+1] = s[i]
		}
		for i := range x {
			for j := range x {
				a[i][j] += x[i] * x[j]
			}
			rhs[i] += x[i] * gold[n]
		}
	}
	for i := 1; i < k; i++ {
		a[i][i] += lambda * float64(len(signals))
	}
	w, err := solve(a, rhs)
	if err != nil {
		return Model{}, err
	}
	m := Model{Bias: w[0]}
	for j, i := range idx {
		m.Weights[i] = w[j+1]
	}
	return m, nil
}

// solve solves a·x = b by Gaussian elimination with partial pivoting,
// overwriting a and b.
func solve(a [][]float64, b []float64) ([]float64, error) {
	n := len(b)
	for i := range n {
		p := i
		for k := i + 1; k < n; k++ {
			if math.Abs(a[k][i]) > math.Abs(a[p][i]) {
				p = k
			}
		}
		if math.Abs(a[p][i]) < 1e-12 {
			return nil, errors.New("textsim: fit: singular system (a signal is constant or collinear)")
		}
		a[i], a[p] = a[p], a[i]
		b[i], b[p] = b[p], b[i]
		for k := i + 1; k < n; k++ {
			c := a[k][i] / a[i][i]
			for j := i; j < n; j++ {
				a[k][j] -= c * a[i][j]
			}
			b[k] -= c * b[i]
		}
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := b[i]
		for j := i + 1; j < n; j++ {
			s -= a[i][j] * x[j]
		}
		x[i] = s / a[i][i]
	}
	return x, nil
}
