package analysis

import (
	"fmt"
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// This file holds the single-proportion intervals other than Wilson's.
// Every function takes x successes in n trials and a two-sided confidence
// level, validates them as Wilson does, and returns a two-sided interval
// within [0, 1]. Where the method allows it, x and n may be fractional
// (effective counts of weighted data). References:
//
//	Newcombe RG (1998). Two-sided confidence intervals for the single
//	proportion: comparison of seven methods. Statistics in Medicine 17,
//	857–872.
//	Brown LD, Cai TT, DasGupta A (2001). Interval estimation for a binomial
//	proportion. Statistical Science 16, 101–133.
//	Agresti A, Coull BA (1998). Approximate is better than "exact" for
//	interval estimation of binomial proportions. The American
//	Statistician 52, 119–126.

// betaLower returns the x with P(X ≤ x) = q and betaUpper the x with
// P(X > x) = q for X ~ Beta(a, b), a, b > 0, accurate far into the tail
// (package dist; gonum's inverse beta is not: it put the 0.999999 upper
// Clopper–Pearson limit of 0 in 57 at 0.99999868 instead of 0.2247253).
func betaLower(q, a, b float64) float64 { return dist.BetaQuantile(q, a, b) }

func betaUpper(q, a, b float64) float64 { return dist.BetaQuantileUpper(q, a, b) }

// WilsonCC returns the Wilson score interval with continuity correction
// (Newcombe 1998, method 4), as R's prop.test(correct = TRUE) computes it
// when |x − n·p0| ≥ 1/2: the Wilson limits of p̂ ∓ 1/(2n),
//
//	L = (2np̂ + z² − 1 − z√(z² − 2 − 1/n + 4p̂(nq̂ + 1))) / (2(n + z²))
//	U = (2np̂ + z² + 1 + z√(z² + 2 − 1/n + 4p̂(nq̂ − 1))) / (2(n + z²))
//
// with L = 0 when x ≤ 1/2 and U = 1 when x ≥ n − 1/2.
//
// R shrinks the correction to |x − n·p0| when that is below 1/2, which
// makes its interval depend on the null value p0 of the test; this
// function always corrects by 1/2, as Newcombe does.
func WilsonCC(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	z := zQuantile(level)
	z22n := z * z / (2 * n)
	limit := func(pc, sign float64) float64 {
		return (pc + z22n + sign*z*math.Sqrt(pc*(1-pc)/n+z22n/(2*n))) / (1 + 2*z22n)
	}
	iv := Interval{Lower: 0, Upper: 1}
	if pc := (x - 0.5) / n; pc > 0 {
		iv.Lower = clip01(limit(pc, -1))
	}
	if pc := (x + 0.5) / n; pc < 1 {
		iv.Upper = clip01(limit(pc, +1))
	}
	return iv, nil
}

// ClopperPearson returns the Clopper–Pearson "exact" interval (Clopper and
// Pearson 1934; Newcombe 1998, method 5), as R's binom.test and
// statsmodels' proportion_confint(method = "beta"): with α = 1 − level,
//
//	L = B(α/2; x, n − x + 1),  U = B(1 − α/2; x + 1, n − x),
//
// where B(q; a, b) is the q quantile of the beta distribution, and L = 0
// at x = 0, U = 1 at x = n. Fractional x uses the same formula. The upper
// limit is computed as the upper-α/2 quantile (never forming 1 − α/2), and
// at x = 0 it is the closed form 1 − (α/2)^(1/n).
func ClopperPearson(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	a := (1 - level) / 2
	iv := Interval{Lower: 0, Upper: 1}
	if x > 0 {
		iv.Lower = betaLower(a, x, n-x+1)
	}
	if x < n {
		iv.Upper = betaUpper(a, x+1, n-x)
	}
	return iv, nil
}

// Jeffreys returns the Jeffreys interval, the equal-tailed credible
// interval of the Beta(x + 1/2, n − x + 1/2) posterior under the Jeffreys
// prior (Brown, Cai and DasGupta 2001, section 4.1.2):
//
//	L = B(α/2; x + 1/2, n − x + 1/2),  U = B(1 − α/2; x + 1/2, n − x + 1/2),
//
// modified as Brown, Cai and DasGupta recommend so that L = 0 at x = 0 and
// U = 1 at x = n. statsmodels' proportion_confint(method = "jeffreys")
// omits that modification.
func Jeffreys(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	a := (1 - level) / 2
	iv := Interval{Lower: 0, Upper: 1}
	if x > 0 {
		iv.Lower = betaLower(a, x+0.5, n-x+0.5)
	}
	if x < n {
		iv.Upper = betaUpper(a, x+0.5, n-x+0.5)
	}
	return iv, nil
}

// AgrestiCoull returns the Agresti–Coull ("adjusted Wald") interval
// (Agresti and Coull 1998; Brown, Cai and DasGupta 2001, section 4.1.1):
// with ñ = n + z² and p̃ = (x + z²/2)/ñ,
//
//	p̃ ± z·√(p̃(1 − p̃)/ñ),
//
// clipped to [0, 1]. statsmodels' proportion_confint(method =
// "agresti_coull") does not clip.
func AgrestiCoull(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	z := zQuantile(level)
	nt := n + z*z
	pt := (x + z*z/2) / nt
	half := z * math.Sqrt(pt*(1-pt)/nt)
	return Interval{Lower: clip01(pt - half), Upper: clip01(pt + half)}, nil
}

// Wald returns the Wald interval p̂ ± z·√(p̂(1 − p̂)/n) (Newcombe 1998,
// method 1), clipped to [0, 1], as statsmodels' proportion_confint(method
// = "normal"). Its coverage is poor for small n·p̂ (Brown, Cai and
// DasGupta 2001); it is offered for comparison with published figures.
func Wald(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	z := zQuantile(level)
	p := x / n
	half := z * math.Sqrt(p*(1-p)/n)
	return Interval{Lower: clip01(p - half), Upper: clip01(p + half)}, nil
}

// isWhole reports whether v is a finite whole number.
func isWhole(v float64) bool {
	return v == math.Trunc(v) && !math.IsInf(v, 0)
}

// MidP returns the mid-p interval (Newcombe 1998, method 6; Berry and
// Armitage 1995): the limits solve
//
//	P(X > x | L) + ½·P(X = x | L) = α/2,
//	P(X < x | U) + ½·P(X = x | U) = α/2,
//
// for X ~ Bin(n, p), with L = 0 at x = 0 and U = 1 at x = n. x and n must
// be whole numbers (ErrNonInteger otherwise). The tails are regularized
// incomplete beta functions and the equations are solved by Brent's
// method to full double precision.
func MidP(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	if !isWhole(x) || !isWhole(n) {
		return Interval{}, fmt.Errorf("mid-p interval of x = %v, n = %v: %w", x, n, ErrNonInteger)
	}
	a := (1 - level) / 2
	iv := Interval{Lower: 0, Upper: 1}
	var err error
	if x > 0 {
		// Increasing in p from −α/2 at p = 0 to at least ½ − α/2 at 1.
		f := func(p float64) float64 {
			return 0.5*(binomUpper(x, n, p)+binomUpper(x+1, n, p)) - a
		}
		if iv.Lower, err = findRoot(f, 0, 1, 0); err != nil {
			return Interval{}, fmt.Errorf("mid-p lower limit: %w", err)
		}
	}
	if x < n {
		// Decreasing in p from at least ½ − α/2 at p = 0 to −α/2 at 1.
		f := func(p float64) float64 {
			return 0.5*(binomLower(x, n, p)+binomLower(x-1, n, p)) - a
		}
		if iv.Upper, err = findRoot(f, 0, 1, 0); err != nil {
			return Interval{}, fmt.Errorf("mid-p upper limit: %w", err)
		}
	}
	return iv, nil
}

// xlogy returns x·log(y), taken as 0 when x = 0.
func xlogy(x, y float64) float64 {
	if x == 0 {
		return 0
	}
	return x * math.Log(y)
}

// LikelihoodRatio returns the likelihood-ratio interval (Newcombe 1998,
// method 7; Brown, Cai and DasGupta 2001, section 4.1.3): the set of p
// with
//
//	2·[ℓ(p̂) − ℓ(p)] ≤ z²,  ℓ(p) = x·log p + (n − x)·log(1 − p),
//
// z² being the level quantile of χ²₁. The limits are found by Brent's
// method; L = 0 at x = 0 and U = 1 at x = n. Fractional x and n are
// allowed.
func LikelihoodRatio(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	z := zQuantile(level)
	p := x / n
	ll := func(q float64) float64 { return xlogy(x, q) + xlogy(n-x, 1-q) }
	top := ll(p)
	f := func(q float64) float64 { return 2*(top-ll(q)) - z*z }
	iv := Interval{Lower: 0, Upper: 1}
	var err error
	if x > 0 {
		// f(0) = +Inf, f(p̂) = −z².
		if iv.Lower, err = findRoot(f, 0, p, 0); err != nil {
			return Interval{}, fmt.Errorf("likelihood-ratio lower limit: %w", err)
		}
	}
	if x < n {
		if iv.Upper, err = findRoot(f, p, 1, 0); err != nil {
			return Interval{}, fmt.Errorf("likelihood-ratio upper limit: %w", err)
		}
	}
	return iv, nil
}

// Logit returns the logit interval (Brown, Cai and DasGupta 2001, section
// 4.1.4; Newcombe 2012, ch. 3): the Wald interval on the log-odds scale
// transformed back,
//
//	expit( log(x/(n − x)) ± z·√(n/(x(n − x))) ).
//
// It is undefined at x = 0 and x = n; there the limits are those of
// Clopper–Pearson, [0, 1 − (α/2)^(1/n)] and [(α/2)^(1/n), 1], as in
// R package binom's binom.logit.
func Logit(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	a := (1 - level) / 2
	switch x {
	case 0:
		return Interval{Lower: 0, Upper: -math.Expm1(math.Log(a) / n)}, nil
	case n:
		return Interval{Lower: math.Exp(math.Log(a) / n), Upper: 1}, nil
	}
	z := zQuantile(level)
	theta := math.Log(x / (n - x))
	se := math.Sqrt(n / (x * (n - x)))
	expit := func(t float64) float64 { return 1 / (1 + math.Exp(-t)) }
	return Interval{Lower: expit(theta - z*se), Upper: expit(theta + z*se)}, nil
}
