package dist

import "math"

// BinomialProb returns the binomial probability P(X = x) for X ~ Bin(n, p),
// for integer 0 ≤ x ≤ n and 0 ≤ p ≤ 1, with full relative accuracy for
// large n: R's dbinom (nmath dbinom.c), Loader's saddle-point algorithm
// (Loader 2000, "Fast and accurate computation of binomial
// probabilities"). Exact tests compare such probabilities with each
// other, so their relative accuracy matters.
func BinomialProb(x, n, p float64) float64 {
	q := 1 - p
	switch {
	case x < 0 || x > n:
		return 0
	case p == 0:
		if x == 0 {
			return 1
		}
		return 0
	case q == 0:
		if x == n {
			return 1
		}
		return 0
	case x == 0:
		if n == 0 {
			return 1
		}
		if p < 0.1 {
			return math.Exp(-bd0(n, n*q) - n*p)
		}
		return math.Exp(n * math.Log(q))
	case x == n:
		if q < 0.1 {
			return math.Exp(-bd0(n, n*p) - n*q)
		}
		return math.Exp(n * math.Log(p))
	}
	lc := stirlerr(n) - stirlerr(x) - stirlerr(n-x) - bd0(x, n*p) - bd0(n-x, n*q)
	lf := math.Log(2*math.Pi) + math.Log(x) + math.Log1p(-x/n)
	return math.Exp(lc - 0.5*lf)
}
