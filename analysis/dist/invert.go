package dist

import "math"

// invert returns the root u in [lo, hi] of logTail(u) = logP, where
// logTail is the logarithm of a tail probability that is monotone in u
// (increasing when rising is true, decreasing otherwise) and dlog its
// derivative d logTail/du (used only to propose steps; it may be
// inexact). The iteration is Newton's method on logTail, safeguarded by
// bisection of the bracket [lo, hi] whenever a step leaves it or does not
// halve the residual; it ends when the step or the bracket is below the
// spacing of float64 around u. Tail probabilities that underflow to 0
// (log = −Inf) only move the bracket.
func invert(logTail, dlog func(u float64) float64, logP, lo, hi, u0 float64, rising bool) float64 {
	sign := 1.0
	if !rising {
		sign = -1
	}
	// g is increasing in u with its root at the answer.
	g := func(u float64) float64 { return sign * (logTail(u) - logP) }
	u := u0
	if !(u > lo && u < hi) {
		u = 0.5 * (lo + hi)
	}
	prev := math.Inf(1)
	for iter := 0; iter < 400; iter++ {
		gu := g(u)
		switch {
		case gu == 0:
			return u
		case gu > 0 || math.IsNaN(gu):
			hi = u
		default:
			lo = u
		}
		if hi-lo <= 2*ulp(u) {
			return u
		}
		next := math.NaN()
		if !math.IsInf(gu, 0) && !math.IsNaN(gu) {
			d := sign * dlog(u)
			if d > 0 && !math.IsInf(d, 0) {
				next = u - gu/d
			}
		}
		bisect := math.IsNaN(next) || next <= lo || next >= hi || math.Abs(gu) > 0.5*prev
		if math.IsInf(gu, 0) || math.IsNaN(gu) {
			prev = math.Inf(1)
		} else {
			prev = math.Abs(gu)
		}
		if bisect {
			next = midpoint(lo, hi)
		}
		if math.Abs(next-u) <= ulp(u) {
			return next
		}
		u = next
	}
	return u
}

// midpoint halves [lo, hi]; on a bracket spanning many orders of magnitude
// of the tail probability the arithmetic mean is what shrinks it fastest in
// the log-odds and log variables used here.
func midpoint(lo, hi float64) float64 { return lo + 0.5*(hi-lo) }

// ulp returns the spacing of float64 values around u (at least the
// spacing at 1, so that roots near u = 0 end).
func ulp(u float64) float64 {
	a := math.Max(math.Abs(u), 1)
	return math.Nextafter(a, math.Inf(1)) - a
}

// logExpit returns log(1/(1 + e^{−u})) = −log1p(e^{−u}) without overflow.
func logExpit(u float64) float64 {
	if u >= 0 {
		return -math.Log1p(math.Exp(-u))
	}
	return u - math.Log1p(math.Exp(u))
}

// expit returns 1/(1 + e^{−u}).
func expit(u float64) float64 {
	if u >= 0 {
		return 1 / (1 + math.Exp(-u))
	}
	e := math.Exp(u)
	return e / (1 + e)
}
