package dist

import "math"

// The log-odds u = log(x/(1 − x)) of a beta quantile x spans
// [−logitMax, logitMax]: beyond it x or 1 − x is below the smallest
// float64.
const logitMax = 746.0

// BetaCDF returns P(X ≤ x) for X ~ Beta(a, b), the regularised incomplete
// beta function I_x(a, b) (see incBeta for the algorithm).
func BetaCDF(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	l, _ := incBeta(a, b, x, 1-x)
	return l
}

// BetaSurvival returns P(X > x) for X ~ Beta(a, b), computed as
// I_{1−x}(b, a) so that small upper tails keep their digits.
func BetaSurvival(x, a, b float64) float64 {
	switch {
	case x <= 0:
		return 1
	case x >= 1:
		return 0
	}
	_, u := incBeta(a, b, x, 1-x)
	return u
}

// betaLogit returns u = log(x/(1 − x)) for the x with P(X ≤ x) = p (upper
// false) or P(X > x) = p (upper true), X ~ Beta(a, b), 0 < p ≤ 1/2.
//
// The tail is a function of u evaluated as I_{expit(u)}(a, b) or
// I_{expit(−u)}(b, a), with d/du I_x(a, b) = x^a (1 − x)^b / B(a, b); the
// root is found by invert (safeguarded Newton on the log tail).
func betaLogit(p, a, b float64, upper bool) float64 {
	lb := logBeta(a, b)
	logDens := func(u float64) float64 { // log of x^a (1−x)^b / B(a,b)
		return a*logExpit(u) + b*logExpit(-u) - lb
	}
	tail := func(u float64) float64 {
		l, h := logIncBeta(a, b, expit(u), expit(-u))
		if upper {
			return h
		}
		return l
	}
	var logTail, dlog func(float64) float64
	logTail = tail
	if upper {
		dlog = func(u float64) float64 { return -math.Exp(logDens(u) - logTail(u)) }
	} else {
		dlog = func(u float64) float64 { return math.Exp(logDens(u) - logTail(u)) }
	}
	// Start from the log-odds of the normal approximation on the logit
	// scale (mean and variance of the beta), clipped to the bracket.
	m := a / (a + b)
	s := math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)))
	z := NormalQuantile(p)
	if upper {
		z = -z
	}
	u0 := math.Log(m/(1-m)) + z*s/(m*(1-m))
	return invert(logTail, dlog, math.Log(p), -logitMax, logitMax, u0, !upper)
}

// BetaQuantile returns the x with P(X ≤ x) = p for X ~ Beta(a, b),
// a, b > 0 and 0 ≤ p ≤ 1 (NaN otherwise). For p > 1/2 it solves the upper
// tail 1 − p (exact in float64) instead. The result has full relative
// precision down to the smallest float64; see the package documentation
// for the algorithm. Beta(a, 1) and Beta(1, b) use their closed forms
// p^(1/a) and 1 − (1 − p)^(1/b).
func BetaQuantile(p, a, b float64) float64 {
	switch {
	case !(a > 0) || !(b > 0) || !(p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return 0
	case p == 1:
		return 1
	case p > 0.5:
		return BetaQuantileUpper(1-p, a, b)
	case b == 1: // I_x(a, 1) = x^a
		return math.Exp(math.Log(p) / a)
	case a == 1: // I_x(1, b) = 1 − (1 − x)^b
		return -math.Expm1(math.Log1p(-p) / b)
	}
	return expit(betaLogit(p, a, b, false))
}

// BetaQuantileUpper returns the x with P(X > x) = q for X ~ Beta(a, b),
// a, b > 0 and 0 ≤ q ≤ 1: the 1 − q quantile, without forming 1 − q. The
// upper Clopper–Pearson limit at level 1 − α is BetaQuantileUpper(α/2,
// x + 1, n − x).
func BetaQuantileUpper(q, a, b float64) float64 {
	switch {
	case !(a > 0) || !(b > 0) || !(q >= 0 && q <= 1):
		return math.NaN()
	case q == 0:
		return 1
	case q == 1:
		return 0
	case q > 0.5:
		return BetaQuantile(1-q, a, b)
	case b == 1: // 1 − x^a = q
		return math.Exp(math.Log1p(-q) / a)
	case a == 1: // (1 − x)^b = q: the Clopper–Pearson limit 1 − (α/2)^(1/n) at x = 0
		return -math.Expm1(math.Log(q) / b)
	}
	return expit(betaLogit(q, a, b, true))
}
