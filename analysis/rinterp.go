package analysis

import (
	"math"
	"sort"
)

// This file ports, operation for operation, the pieces of R's stats
// package that confint_profile (survey's copy of MASS's confint of a
// profile.glm) uses to turn a coarse profile into interval limits:
// spline(x, y) with method "fmm" and ties = mean, and approx(x, y, xout)
// with rule 1 and ties = mean. Doing the same floating-point operations
// in the same order is what lets designLikelihood agree with R's
// svyciprop(method = "likelihood") to the last few digits, including on
// profiles that R's glm clamps flat beyond logit ±30.

// rRegularize is R's regularize.values(x, y, ties = mean): the points
// without NaN (R drops NA pairs), ordered by x (stably, as order()), and
// every run of equal x collapsed to one point whose y is the mean of the
// run's y (R's mean: a sum, then one correction pass). x and y are not
// modified.
func rRegularize(x, y []float64) (ux, uy []float64) {
	idx := make([]int, 0, len(x))
	for i := range x {
		if !math.IsNaN(x[i]) && !math.IsNaN(y[i]) {
			idx = append(idx, i) // R drops pairs with an NA
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	for i := 0; i < len(idx); {
		j := i + 1
		for j < len(idx) && x[idx[j]] == x[idx[i]] {
			j++
		}
		ux = append(ux, x[idx[i]])
		uy = append(uy, rMean(y, idx[i:j]))
		i = j
	}
	return ux, uy
}

// rMean is R's mean() of y[idx]: the sum divided by the count, corrected
// once by the mean of the residuals (summary.c, real_mean).
func rMean(y []float64, idx []int) float64 {
	if len(idx) == 1 {
		return y[idx[0]]
	}
	n := float64(len(idx))
	s := 0.0
	for _, i := range idx {
		s += y[i]
	}
	s /= n
	if !math.IsInf(s, 0) && !math.IsNaN(s) {
		t := 0.0
		for _, i := range idx {
			t += y[i] - s
		}
		s += t / n
	}
	return s
}

// rSeq is R's seq.int(from, to, length.out = n): both ends exact, the
// first half stepped up from `from`, the second half down from `to`
// (seq.c, do_seq).
func rSeq(from, to float64, n int) []float64 {
	out := make([]float64, n)
	if n > 0 {
		out[0] = from
	}
	if n > 1 {
		out[n-1] = to
	}
	if n > 2 {
		by := (to - from) / float64(n-1)
		for i := 1; i < n-1; i++ {
			if i < n/2 {
				out[i] = from + float64(i)*by
			} else {
				out[i] = to - float64(n-1-i)*by
			}
		}
	}
	return out
}

// rSpline is R's spline(x, y) with its defaults (method = "fmm", n =
// 3·length(x) after collapsing ties, xmin = min(x), xmax = max(x)): the
// interpolating cubic spline of Forsythe, Malcolm & Moler (1977) through
// the regularised points, evaluated at n equally spaced abscissae. It
// returns those abscissae and the spline's values there. At least two
// distinct x are needed; with fewer the values are NaN.
func rSpline(x, y []float64) (xout, yout []float64) {
	ux, uy := rRegularize(x, y)
	if len(ux) == 0 {
		return nil, nil
	}
	xout = rSeq(ux[0], ux[len(ux)-1], 3*len(ux))
	yout = make([]float64, len(xout))
	if len(ux) < 2 {
		for i := range yout {
			yout[i] = math.NaN()
		}
		return xout, yout
	}
	s := newFMMSpline(ux, uy)
	s.evalInto(xout, yout)
	return xout, yout
}

// rApprox is R's approx(x, y, xout = v) with rule = 1 and ties = mean:
// linear interpolation of the regularised points, NaN outside the range
// of x (approx.c, approx1).
func rApprox(x, y []float64, v float64) float64 {
	ux, uy := rRegularize(x, y)
	n := len(ux)
	if n == 0 || math.IsNaN(v) || v < ux[0] || v > ux[n-1] {
		return math.NaN()
	}
	i, j := 0, n-1
	for i < j-1 {
		ij := (i + j) / 2
		if v < ux[ij] {
			j = ij
		} else {
			i = ij
		}
	}
	if v == ux[j] {
		return uy[j]
	}
	if v == ux[i] {
		return uy[i]
	}
	return uy[i] + (uy[j]-uy[i])*((v-ux[i])/(ux[j]-ux[i]))
}

// fmmSpline is the interpolating cubic spline of Forsythe, Malcolm &
// Moler (1977), whose end conditions match the third derivatives of the
// cubics through the first and last four points: R's spline(method =
// "fmm"), ported from R's splines.c (fmm_spline, spline_eval). x must be
// strictly increasing.
type fmmSpline struct {
	x, y, b, c, d []float64
}

func newFMMSpline(x, y []float64) *fmmSpline {
	n := len(x)
	s := &fmmSpline{x: x, y: y, b: make([]float64, n), c: make([]float64, n), d: make([]float64, n)}
	b, c, d := s.b, s.c, s.d
	if n < 3 {
		t := (y[1] - y[0]) / (x[1] - x[0])
		b[0], b[1] = t, t
		return s
	}
	nm1 := n - 1
	d[0] = x[1] - x[0]
	c[1] = (y[1] - y[0]) / d[0]
	for i := 1; i < nm1; i++ {
		d[i] = x[i+1] - x[i]
		b[i] = 2 * (d[i-1] + d[i])
		c[i+1] = (y[i+1] - y[i]) / d[i]
		c[i] = c[i+1] - c[i]
	}
	b[0] = -d[0]
	b[nm1] = -d[n-2]
	c[0], c[nm1] = 0, 0
	if n > 3 {
		c[0] = c[2]/(x[3]-x[1]) - c[1]/(x[2]-x[0])
		c[nm1] = c[n-2]/(x[nm1]-x[n-3]) - c[n-3]/(x[n-2]-x[n-4])
		c[0] = c[0] * d[0] * d[0] / (x[3] - x[0])
		c[nm1] = -c[nm1] * d[n-2] * d[n-2] / (x[nm1] - x[n-4])
	}
	for i := 1; i <= nm1; i++ {
		t := d[i-1] / b[i-1]
		b[i] -= t * d[i-1]
		c[i] -= t * c[i-1]
	}
	c[nm1] /= b[nm1]
	for i := n - 2; i >= 0; i-- {
		c[i] = (c[i] - d[i]*c[i+1]) / b[i]
	}
	b[nm1] = (y[nm1]-y[n-2])/d[n-2] + d[n-2]*(c[n-2]+2*c[nm1])
	for i := 0; i < nm1; i++ {
		b[i] = (y[i+1]-y[i])/d[i] - d[i]*(c[i+1]+2*c[i])
		d[i] = (c[i+1] - c[i]) / d[i]
		c[i] *= 3
	}
	c[nm1] *= 3
	d[nm1] = d[n-2]
	return s
}

// evalInto evaluates the spline at u (ascending) into v as R's
// spline_eval: the interval found for one abscissa is kept for the next
// while it still brackets it, so a knot is evaluated on the interval to
// its left.
func (s *fmmSpline) evalInto(u, v []float64) {
	n := len(s.x)
	i := 0
	for l, ul := range u {
		if ul < s.x[i] || (i < n-1 && s.x[i+1] < ul) {
			i = 0
			j := n
			for {
				k := (i + j) / 2
				if ul < s.x[k] {
					j = k
				} else {
					i = k
				}
				if j <= i+1 {
					break
				}
			}
		}
		dx := ul - s.x[i]
		v[l] = s.y[i] + dx*(s.b[i]+dx*(s.c[i]+dx*s.d[i]))
	}
}
