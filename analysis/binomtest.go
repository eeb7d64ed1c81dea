package analysis

import (
	"fmt"
	"math"
)

// TestResult is the outcome of a hypothesis test.
type TestResult struct {
	// Statistic is the test statistic: the number of successes for the
	// exact binomial test, a χ² statistic with one degree of freedom for
	// the score, two-sample and McNemar tests (as R reports them).
	Statistic float64
	// PValue is the p-value for the alternative the test was asked for.
	PValue float64
	// Method describes the test.
	Method string
}

// BinomialTest returns the exact binomial test of the null hypothesis that
// the success probability is p0, given x successes in n trials, exactly as
// R's binom.test: the one-sided p-values are P(X ≤ x) (Less) and P(X ≥ x)
// (Greater) for X ~ Bin(n, p0); the two-sided p-value sums the
// probabilities of all outcomes no more likely than x, where "no more
// likely" is d(i) ≤ d(x)·(1 + 10⁻⁷) to absorb rounding (R's relErr), and
// is capped at 1. The statistic is x.
func BinomialTest(x, n int, p0 float64, alt Alternative) (TestResult, error) {
	switch {
	case n <= 0:
		return TestResult{}, fmt.Errorf("binomial test, n = %d: %w", n, ErrEmptyBase)
	case x < 0 || x > n:
		return TestResult{}, fmt.Errorf("binomial test, x = %d, n = %d: %w", x, n, ErrCount)
	case !(p0 >= 0 && p0 <= 1):
		return TestResult{}, fmt.Errorf("binomial test, p0 = %v: %w", p0, ErrNull)
	}
	xf, nf := float64(x), float64(n)
	var pv float64
	switch alt {
	case Less:
		pv = binomLower(xf, nf, p0)
	case Greater:
		pv = binomUpper(xf, nf, p0)
	default:
		pv = binomTwoSided(xf, nf, p0)
	}
	return TestResult{Statistic: xf, PValue: math.Min(1, pv), Method: "Exact binomial test"}, nil
}

// binomTwoSided is the two-sided p-value of R's binom.test.
func binomTwoSided(x, n, p float64) float64 {
	switch p {
	case 0:
		if x == 0 {
			return 1
		}
		return 0
	case 1:
		if x == n {
			return 1
		}
		return 0
	}
	const relErr = 1 + 1e-7
	d := dbinom(x, n, p)
	m := n * p
	switch {
	case x == m:
		return 1
	case x < m:
		// Count the outcomes i ≥ ⌈m⌉ with d(i) ≤ d(x)·relErr.
		y := 0.0
		for i := math.Ceil(m); i <= n; i++ {
			if dbinom(i, n, p) <= d*relErr {
				y++
			}
		}
		return binomLower(x, n, p) + binomUpper(n-y+1, n, p)
	default:
		y := 0.0
		for i := 0.0; i <= math.Floor(m); i++ {
			if dbinom(i, n, p) <= d*relErr {
				y++
			}
		}
		return binomLower(y-1, n, p) + binomUpper(x, n, p)
	}
}

// normalPValue returns the p-value of a standard normal statistic z for
// the alternative.
func normalPValue(z float64, alt Alternative) float64 {
	switch alt {
	case Less:
		return 0.5 * math.Erfc(-z/math.Sqrt2)
	case Greater:
		return 0.5 * math.Erfc(z/math.Sqrt2)
	}
	return math.Erfc(math.Abs(z) / math.Sqrt2)
}

// ScoreTest returns the score test of the null hypothesis that the
// proportion is p0, as R's prop.test(x, n, p0, correct = FALSE): the
// statistic is
//
//	X² = (x − n·p0)² / (n·p0·(1 − p0)),
//
// referred to χ²₁ for the two-sided p-value; one-sided p-values use
// z = sign(p̂ − p0)·√X² and the standard normal. It is the test whose
// inversion gives the Wilson interval. x and n may be fractional; p0 must
// be strictly between 0 and 1.
func ScoreTest(x, n, p0 float64, alt Alternative) (TestResult, error) {
	if err := checkBinomial(x, n, 0.5); err != nil {
		return TestResult{}, fmt.Errorf("score test: %w", err)
	}
	if !(p0 > 0 && p0 < 1) {
		return TestResult{}, fmt.Errorf("score test, p0 = %v: %w", p0, ErrNull)
	}
	z := (x - n*p0) / math.Sqrt(n*p0*(1-p0))
	return TestResult{
		Statistic: z * z,
		PValue:    normalPValue(z, alt),
		Method:    "Score test for a proportion (no continuity correction)",
	}, nil
}
