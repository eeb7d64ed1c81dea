package dist

import (
	"math"
)

// TSurvival returns P(T > t) for T ~ Student's t with nu > 0 degrees of
// freedom (nu = +Inf is the normal distribution), from
// P(|T| > t) = I_{ν/(ν+t²)}(ν/2, 1/2) (Abramowitz and Stegun 26.7.1), with
// full relative precision in both tails. NaN for nu ≤ 0 or NaN arguments.
func TSurvival(t, nu float64) float64 {
	switch {
	case !(nu > 0) || math.IsNaN(t):
		return math.NaN()
	case math.IsInf(nu, 1):
		return NormalSurvival(t)
	case t == 0:
		return 0.5
	case math.IsInf(t, 1):
		return 0
	case math.IsInf(t, -1):
		return 1
	}
	// ν/(ν+t²) and t²/(ν+t²) both computed directly, so that neither tail
	// loses digits.
	if nu >= tExpansionDF {
		return NormalSurvival(tToZ(t, nu))
	}
	t2 := t * t
	// P(|T| > |t|) = I_x(ν/2, 1/2), x = ν/(ν+t²), 1 − x = t²/(ν+t²).
	l, _ := incBeta(nu/2, 0.5, nu/(nu+t2), t2/(nu+t2))
	tail := 0.5 * l
	if t > 0 {
		return tail
	}
	return 1 - tail
}

// From tExpansionDF degrees of freedom on, the t distribution is computed
// from the Cornish–Fisher expansion of its quantile in powers of 1/ν
// (Abramowitz and Stegun 26.7.5, Fisher 1925), t = z + g₁(z)/ν + … +
// g₄(z)/ν⁴, whose error O(z¹¹/ν⁵) is below 1e-15 relative there for every
// z a float64 probability can give (|z| < 38.5). The incomplete beta
// function is the slower and less accurate route at such ν: its continued
// fraction for I_x(ν/2, 1/2) converges slowly and drifts.
const tExpansionDF = 1e5

// zToT returns the Cornish–Fisher t quantile at normal deviate z.
func zToT(z, nu float64) float64 {
	t, _ := cornishFisher(z, nu)
	return t
}

// cornishFisher returns t(z) = z + Σ g_k(z)/ν^k (A&S 26.7.5) and dt/dz.
func cornishFisher(z, nu float64) (t, dt float64) {
	z2 := z * z
	g1 := (z2 + 1) * z / 4
	g2 := ((5*z2+16)*z2 + 3) * z / 96
	g3 := (((3*z2+19)*z2+17)*z2 - 15) * z / 384
	g4 := ((((79*z2+776)*z2+1482)*z2-1920)*z2 - 945) * z / 92160
	d1 := 3*z2 + 1
	d1 /= 4
	d2 := ((25*z2+48)*z2 + 3) / 96
	d3 := (((21*z2+95)*z2+51)*z2 - 15) / 384
	d4 := ((((711*z2+5432)*z2+7410)*z2-5760)*z2 - 945) / 92160
	v := 1 / nu
	t = z + v*(g1+v*(g2+v*(g3+v*g4)))
	dt = 1 + v*(d1+v*(d2+v*(d3+v*d4)))
	return t, dt
}

// tToZ inverts zToT by Newton's method (t is increasing in z).
func tToZ(t, nu float64) float64 {
	z := t * (1 - 1/(4*nu)) / math.Sqrt(1+t*t/(2*nu))
	for i := 0; i < 50; i++ {
		f, d := cornishFisher(z, nu)
		step := (f - t) / d
		z -= step
		if math.Abs(step) <= 1e-16*math.Abs(z) {
			break
		}
	}
	return z
}

// TCDF returns P(T ≤ t) = TSurvival(−t, nu).
func TCDF(t, nu float64) float64 { return TSurvival(-t, nu) }

// TQuantile returns the p quantile of Student's t with nu > 0 degrees of
// freedom (nu = +Inf: the normal quantile), for 0 ≤ p ≤ 1.
//
// With y the beta quantile that solves I_y(ν/2, 1/2) = 2·min(p, 1 − p),
// t² = ν(1 − y)/y; the beta quantile is found on the log-odds scale
// u = log(y/(1 − y)) (BetaQuantile's algorithm), so t = √ν·e^{−u/2} keeps
// full precision however far in the tail (gonum's StudentsT.Quantile does
// not: at 8,590 df, p = 1e-14 it returns −8.2275 for R's qt −7.66390).
// Near the centre (2·min(p, 1 − p) > 1/2) the complementary
// I_{1−y}(1/2, ν/2) = 1 − 2·min(p, 1 − p) is solved instead, so small t
// keeps its digits too.
func TQuantile(p, nu float64) float64 {
	switch {
	case !(nu > 0) || !(p >= 0 && p <= 1):
		return math.NaN()
	case math.IsInf(nu, 1):
		return NormalQuantile(p)
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p == 0.5:
		return 0
	case p > 0.5:
		return -TQuantile(1-p, nu)
	}
	// p < 1/2: t < 0.
	if nu >= tExpansionDF {
		return zToT(NormalQuantile(p), nu)
	}
	if nu == 1 { // Cauchy: tan(π(p − 1/2)) = −1/tan(πp)
		return -1 / math.Tan(math.Pi*p)
	}
	if nu == 2 { // t = (2p − 1)/√(2p(1 − p))
		return (2*p - 1) / math.Sqrt(2*p*(1-p))
	}
	if q := 2 * p; q <= 0.5 {
		u := betaLogit(q, nu/2, 0.5, false)
		if u < -700 {
			// x = ν/(ν+t²) below the float64 range: the leading term
			// I_x(a, b) = x^a/(a·B(a, b))·(1 + O(x)) gives log x.
			a := nu / 2
			u = (math.Log(q) + math.Log(a) + logBeta(a, 0.5)) / a
		}
		return -math.Sqrt(nu) * math.Exp(-u/2)
	}
	// I_w(1/2, ν/2) = 1 − 2p with w = t²/(ν+t²) = expit(v): t² = ν·e^v.
	v := betaLogit(1-2*p, 0.5, nu/2, false)
	return -math.Sqrt(nu) * math.Exp(v/2)
}

// TQuantileUpper returns the t with P(T > t) = q: −TQuantile(q, nu). The
// two-sided critical value at level 1 − α is TQuantileUpper(α/2, nu).
func TQuantileUpper(q, nu float64) float64 { return -TQuantile(q, nu) }
