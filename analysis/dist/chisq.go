package dist

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// ChiSquaredSurvival returns P(X > x) for X ~ χ² with k > 0 degrees of
// freedom: the regularised upper incomplete gamma function Q(k/2, x/2)
// (gonum mathext.GammaIncRegComp, Cephes igamc), accurate in the far
// upper tail.
func ChiSquaredSurvival(x, k float64) float64 {
	switch {
	case !(k > 0) || math.IsNaN(x):
		return math.NaN()
	case x <= 0:
		return 1
	case math.IsInf(x, 1):
		return 0
	}
	return mathext.GammaIncRegComp(k/2, x/2)
}

// ChiSquaredCDF returns P(X ≤ x) = P(k/2, x/2) (Cephes igam).
func ChiSquaredCDF(x, k float64) float64 {
	switch {
	case !(k > 0) || math.IsNaN(x):
		return math.NaN()
	case x <= 0:
		return 0
	case math.IsInf(x, 1):
		return 1
	}
	return mathext.GammaIncReg(k/2, x/2)
}

// ChiSquaredQuantileUpper returns the x with P(X > x) = q for X ~ χ²
// with k > 0 degrees of freedom, 0 ≤ q ≤ 1, without forming 1 − q. With
// one degree of freedom it is the closed form Φ⁻¹(q/2)²; otherwise the
// incomplete gamma function is inverted on the scale u = log x by the
// same safeguarded Newton iteration as the beta quantile, with
// d/du P(s, e^u/2) = (x/2)^s e^{−x/2}/Γ(s), s = k/2.
func ChiSquaredQuantileUpper(q, k float64) float64 {
	switch {
	case !(k > 0) || !(q >= 0 && q <= 1):
		return math.NaN()
	case q == 0:
		return math.Inf(1)
	case q == 1:
		return 0
	case k == 1:
		z := NormalQuantile(q / 2)
		return z * z
	case k == 2: // Q(1, x/2) = e^{−x/2}
		return -2 * math.Log(q)
	case q > 0.5:
		return chiSquaredQuantile(1-q, k, false)
	}
	return chiSquaredQuantile(q, k, true)
}

// ChiSquaredQuantile returns the x with P(X ≤ x) = p (see
// ChiSquaredQuantileUpper).
func ChiSquaredQuantile(p, k float64) float64 {
	switch {
	case !(k > 0) || !(p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return 0
	case p == 1:
		return math.Inf(1)
	case p > 0.5:
		return ChiSquaredQuantileUpper(1-p, k)
	case k == 2: // P(1, x/2) = 1 − e^{−x/2}
		return -2 * math.Log1p(-p)
	}
	return chiSquaredQuantile(p, k, false)
}

// chiSquaredQuantile solves the lower (upper false) or upper tail equal
// to p ≤ 1/2.
func chiSquaredQuantile(p, k float64, upper bool) float64 {
	s := k / 2
	lg, _ := math.Lgamma(s)
	logDens := func(u float64) float64 { // log of (x/2)^s e^{−x/2}/Γ(s), x = e^u
		x := math.Exp(u)
		return s*(u-math.Ln2) - x/2 - lg
	}
	var logTail, dlog func(float64) float64
	if upper {
		logTail = func(u float64) float64 { return math.Log(mathext.GammaIncRegComp(s, math.Exp(u)/2)) }
		dlog = func(u float64) float64 { return -math.Exp(logDens(u) - logTail(u)) }
	} else {
		logTail = func(u float64) float64 { return math.Log(mathext.GammaIncReg(s, math.Exp(u)/2)) }
		dlog = func(u float64) float64 { return math.Exp(logDens(u) - logTail(u)) }
	}
	// Wilson–Hilferty start.
	z := NormalQuantile(p)
	if upper {
		z = -z
	}
	h := 2 / (9 * k)
	w := 1 + z*math.Sqrt(h) - h
	u0 := math.Log(k) + 3*math.Log(math.Max(w, 1e-3))
	return math.Exp(invert(logTail, dlog, math.Log(p), -745, 709, u0, !upper))
}
