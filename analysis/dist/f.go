package dist

import (
	"math"
)

// FSurvival returns P(X > x) for X ~ F(d1, d2), d1, d2 > 0:
// I_{d2/(d2+d1·x)}(d2/2, d1/2) (Abramowitz and Stegun 26.6.2), with full
// relative precision in the upper tail. d2 = +Inf gives χ²_{d1}/d1.
func FSurvival(x, d1, d2 float64) float64 {
	switch {
	case !(d1 > 0) || !(d2 > 0) || math.IsNaN(x):
		return math.NaN()
	case x <= 0:
		return 1
	case math.IsInf(x, 1):
		return 0
	case math.IsInf(d2, 1):
		return ChiSquaredSurvival(d1*x, d1)
	}
	l, _ := incBeta(d2/2, d1/2, d2/(d2+d1*x), d1*x/(d2+d1*x))
	return l
}

// FQuantileUpper returns the x with P(X > x) = q for X ~ F(d1, d2),
// without forming 1 − q: with Y = d1·X/(d2 + d1·X) ~ Beta(d1/2, d2/2),
// x = (d2/d1)·e^u where u is the log-odds of Y's upper-q quantile, found
// as in BetaQuantile. d2 = +Inf gives the χ²_{d1}/d1 quantile.
func FQuantileUpper(q, d1, d2 float64) float64 {
	switch {
	case !(d1 > 0) || !(d2 > 0) || !(q >= 0 && q <= 1):
		return math.NaN()
	case q == 0:
		return math.Inf(1)
	case q == 1:
		return 0
	case math.IsInf(d2, 1):
		return ChiSquaredQuantileUpper(q, d1) / d1
	}
	if q > 0.5 {
		return FQuantile(1-q, d1, d2)
	}
	return d2 / d1 * math.Exp(betaLogit(q, d1/2, d2/2, true))
}

// FQuantile returns the x with P(X ≤ x) = p (see FQuantileUpper).
func FQuantile(p, d1, d2 float64) float64 {
	switch {
	case !(d1 > 0) || !(d2 > 0) || !(p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return 0
	case p > 0.5 || p == 1:
		return FQuantileUpper(1-p, d1, d2)
	case math.IsInf(d2, 1):
		return ChiSquaredQuantile(p, d1) / d1
	}
	return d2 / d1 * math.Exp(betaLogit(p, d1/2, d2/2, false))
}
