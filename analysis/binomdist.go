package analysis

import "github.com/surveystat/surveystat/analysis/dist"

// dbinom returns the binomial probability P(X = x) for X ~ Bin(n, p), for
// integer 0 ≤ x ≤ n and 0 ≤ p ≤ 1 (dist.BinomialProb).
func dbinom(x, n, p float64) float64 { return dist.BinomialProb(x, n, p) }

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
