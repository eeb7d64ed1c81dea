package analysis

import (
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// The binomial probabilities below follow R's nmath (dbinom.c, stirlerr.c,
// bd0.c), Loader's saddle-point algorithm (Loader 2000, "Fast and accurate
// computation of binomial probabilities"), which keeps full relative
// accuracy for large n where exp(lchoose + …) loses digits. Exact tests
// compare probabilities with each other, so that accuracy matters.

// stirlerr returns log(n!) − log(√(2π n)·(n/e)ⁿ), the error of Stirling's
// formula.
func stirlerr(n float64) float64 {
	const (
		s0 = 1.0 / 12
		s1 = 1.0 / 360
		s2 = 1.0 / 1260
		s3 = 1.0 / 1680
		s4 = 1.0 / 1188
	)
	if n <= 15 {
		if n == 0 {
			return 0
		}
		lg, _ := math.Lgamma(n + 1)
		return lg - (n+0.5)*math.Log(n) + n - 0.5*math.Log(2*math.Pi)
	}
	nn := n * n
	switch {
	case n > 500:
		return (s0 - s1/nn) / n
	case n > 80:
		return (s0 - (s1-s2/nn)/nn) / n
	case n > 35:
		return (s0 - (s1-(s2-s3/nn)/nn)/nn) / n
	}
	return (s0 - (s1-(s2-(s3-s4/nn)/nn)/nn)/nn) / n
}

// bd0 returns x·log(x/np) + np − x, computed without cancellation when x
// is close to np.
func bd0(x, np float64) float64 {
	if math.Abs(x-np) < 0.1*(x+np) {
		v := (x - np) / (x + np)
		s := (x - np) * v
		if math.Abs(s) < math.SmallestNonzeroFloat64 {
			return s
		}
		ej := 2 * x * v
		v *= v
		for j := 1; j < 1000; j++ {
			ej *= v
			s1 := s + ej/float64(2*j+1)
			if s1 == s {
				return s1
			}
			s = s1
		}
	}
	return x*math.Log(x/np) + np - x
}

// dbinom returns the binomial probability P(X = x) for X ~ Bin(n, p), for
// integer 0 ≤ x ≤ n and 0 ≤ p ≤ 1.
func dbinom(x, n, p float64) float64 {
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

// binomUpper returns P(X ≥ k) for X ~ Bin(n, p) and integer k, using
// P(X ≥ k) = I_p(k, n − k + 1) (regularized incomplete beta).
func binomUpper(k, n, p float64) float64 {
	switch {
	case k <= 0:
		return 1
	case k > n:
		return 0
	case p <= 0:
		return 0
	case p >= 1:
		return 1
	}
	return dist.BetaCDF(p, k, n-k+1)
}

// binomLower returns P(X ≤ k) for X ~ Bin(n, p) and integer k, using
// P(X ≤ k) = I_{1−p}(n − k, k + 1).
func binomLower(k, n, p float64) float64 {
	switch {
	case k < 0:
		return 0
	case k >= n:
		return 1
	case p <= 0:
		return 1
	case p >= 1:
		return 0
	}
	return dist.BetaSurvival(p, k+1, n-k)
}
