package dist

import "math"

// incBeta returns the regularised incomplete beta function I_x(a, b) and
// its complement 1 − I_x(a, b) = I_y(b, a), for a, b > 0, 0 ≤ x ≤ 1 and
// y = 1 − x given separately (so that neither loses digits when the other
// is close to 1). The tail computed directly has full relative precision;
// the other is 1 minus it.
//
// The algorithm is the classical one (Abramowitz and Stegun 26.5.8; Press
// et al., Numerical Recipes, betacf): the continued fraction
//
//	I_x(a, b) = x^a y^b / (a·B(a, b)) · 1/(1+ d₁/(1+ d₂/(1+ …)))
//
// evaluated by the modified Lentz method for x < (a + 1)/(a + b + 2), and
// by symmetry otherwise. What makes it accurate for large a and b (where
// gonum's mathext.RegIncBeta loses up to 8 digits: I_x(50, 1e7) near
// 1e-14 comes out 3e-8 off relative) is the prefactor x^a y^b / B(a, b):
// for a, b > 2 it is computed as x·y·(a + b − 1)·dbinom(a − 1; a + b − 2, x)
// with Loader's saddle-point binomial density (as R's dbeta does), and
// otherwise from log B(a, b) with the difference of the large log-gamma
// values taken by Stirling's series without cancellation. The continued
// fraction needs O(√max(a, b)) terms.
//
// logIncBeta returns the logarithms of both, so that tails below the
// smallest float64 are still ordered (the quantile iteration works on
// them).
func logIncBeta(a, b, x, y float64) (lower, upper float64) {
	switch {
	case x <= 0:
		return math.Inf(-1), 0
	case y <= 0:
		return 0, math.Inf(-1)
	}
	small, big := math.Min(a, b), math.Max(a, b)
	if small >= normalShape {
		return logBetaNormal(a, b, x, y)
	}
	if big >= 1e5 && big >= 100*small {
		// One shape large, the other far smaller: the continued fraction of the
		// tail beyond the mean (towards the small shape's side) needs
		// O(√big) terms and drifts by up to 1e-9; integrate it instead.
		if a == small && x > (a+1)/(a+b+2) {
			u := logBetaTailQuad(a, b, x, y)
			return log1mExp(u), u
		}
		if b == small && y > (b+1)/(a+b+2) {
			l := logBetaTailQuad(b, a, y, x)
			return l, log1mExp(l)
		}
	}
	if x > (a+1)/(a+b+2) {
		u, l := logIncBeta(b, a, y, x)
		return l, u
	}
	return logIncBetaCF(a, b, x, y)
}

// logIncBetaCF is logIncBeta by the continued fraction alone, for
// x ≤ (a + 1)/(a + b + 2).
func logIncBetaCF(a, b, x, y float64) (lower, upper float64) {
	if x > (a+1)/(a+b+2) {
		u, l := logIncBetaCF(b, a, y, x)
		return l, u
	}
	t := logBetaPrefactor(a, b, x, y) - math.Log(a) + math.Log(betaCF(a, b, x))
	if t > 0 {
		t = 0
	}
	return t, log1mExp(t)
}

// log1mExp returns log(1 − e^t) for t ≤ 0 (Mächler 2012).
func log1mExp(t float64) float64 {
	if t > -math.Ln2 {
		return math.Log(-math.Expm1(t))
	}
	return math.Log1p(-math.Exp(t))
}

// incBeta returns I_x(a, b) and 1 − I_x(a, b) (see logIncBeta).
func incBeta(a, b, x, y float64) (lower, upper float64) {
	l, u := logIncBeta(a, b, x, y)
	return math.Exp(l), math.Exp(u)
}

// normalShape is the smallest shape from which both tails of the beta
// distribution are taken from its normal approximation with a skewness
// correction (logBetaNormal): there the continued fraction would need
// more than 30,000 terms, and the approximation's error, O(1/(a+b))
// relative to the standard deviation, is below 1e-9 of it (an absolute
// error below 1e-13).
const normalShape = 1e9

// logBetaNormal returns log I_x(a, b) and log(1 − I_x(a, b)) from the
// one-term Cornish–Fisher (Edgeworth) approximation: with mean m,
// standard deviation s and skewness γ of Beta(a, b) and w = (x − m)/s,
// z = w − γ(w² − 1)/6 is standard normal to O(1/(a + b)).
func logBetaNormal(a, b, x, y float64) (lower, upper float64) {
	n := a + b
	m := a / n
	s := math.Sqrt(a * b / (n * n * (n + 1)))
	g := 2 * (b - a) * math.Sqrt(n+1) / ((n + 2) * math.Sqrt(a*b))
	w := (x - m) / s
	if x > 0.5 {
		w = ((1 - m) - y) / s
	}
	z := w - g*(w*w-1)/6
	return math.Log(NormalCDF(z)), math.Log(NormalSurvival(z))
}

// logBetaTailQuad returns log P(X > x) for X ~ Beta(a, b), x beyond the
// mode, as the integral of the density,
//
//	P(X > x) = x^a y^b/B(a, b) / (x·y·λ) · ∫₀^∞ r(s) ds,
//	r(s) = ((x + s/λ)/x)^(a−1) ((y − s/λ)/y)^(b−1),
//
// with λ = (b − 1)/y − (a − 1)/x the decay rate of the density at x, so
// that r(0) = 1 and r decays like e^{−s}. The integral is the exp-sinh
// (double-exponential) rule of Takahasi and Mori (1974), s = exp(π/2·
// sinh τ), with the step halved until two levels agree to 1e-15.
func logBetaTailQuad(a, b, x, y float64) float64 {
	lam := (b-1)/y - (a-1)/x
	if !(lam > 0) {
		// Not beyond the mode: the continued fraction converges fast here.
		u, _ := logIncBetaCF(b, a, y, x)
		return u
	}
	lx, ly := math.Log(x), math.Log1p(-x)
	if x > 0.5 {
		lx, ly = math.Log1p(-y), math.Log(y)
	}
	r := func(s float64) float64 {
		d := s / lam
		if d >= y {
			return 0
		}
		var lt, l1t float64
		if x+d < 0.5 {
			lt, l1t = math.Log(x+d), math.Log1p(-(x + d))
		} else {
			lt, l1t = math.Log1p(-(y - d)), math.Log(y-d)
		}
		return math.Exp((a-1)*(lt-lx) + (b-1)*(l1t-ly))
	}
	const tmin, tmax = -5.0, 3.5
	term := func(tau float64) float64 {
		s := math.Exp(math.Pi / 2 * math.Sinh(tau))
		return r(s) * s * math.Pi / 2 * math.Cosh(tau)
	}
	h := 0.5
	sum := 0.0
	for tau := tmin; tau <= tmax+1e-12; tau += h {
		sum += term(tau)
	}
	integral := h * sum
	for level := 0; level < 8; level++ {
		// Halve the step: add the midpoints.
		mid := 0.0
		for tau := tmin + h/2; tau < tmax; tau += h {
			mid += term(tau)
		}
		sum += mid
		h /= 2
		next := h * sum
		done := math.Abs(next-integral) <= 1e-14*next
		integral = next
		if done && level >= 2 {
			break
		}
	}
	return logBetaPrefactor(a, b, x, y) - lx - ly - math.Log(lam) + math.Log(integral)
}

// betaCF evaluates the continued fraction of I_x(a, b) by the modified
// Lentz method (Numerical Recipes, 2nd ed., section 6.4, betacf).
func betaCF(a, b, x float64) float64 {
	const tiny = 1e-300
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 - qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m < 1_000_000; m++ {
		fm := float64(m)
		m2 := 2 * fm
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 + aa*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + aa/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		del := d * c
		h *= del
		if math.Abs(del-1) < 1e-16 {
			break
		}
	}
	return h
}

// logBetaPrefactor returns log(x^a y^b / B(a, b)), y = 1 − x.
// log x and log y are taken as log1p of the other where one is close to 1.
func logBetaPrefactor(a, b, x, y float64) float64 {
	lx, ly := math.Log(x), math.Log(y)
	if x > 0.5 {
		lx = math.Log1p(-y)
	} else {
		ly = math.Log1p(-x)
	}
	if a > 2 && b > 2 {
		return lx + ly + math.Log(a+b-1) + logDbinomRaw(a-1, a+b-2, x, y)
	}
	return a*lx + b*ly - logBeta(a, b)
}

// logBeta returns log B(a, b). When one argument is large, the difference
// log Γ(big) − log Γ(small + big) is taken from Stirling's series,
// lgamma(z) = (z − ½)log z − z + ½log 2π + stirlerr(z), so that it keeps
// its digits.
func logBeta(a, b float64) float64 {
	if a > b {
		a, b = b, a
	}
	la, _ := math.Lgamma(a)
	if b < 10 {
		lb, _ := math.Lgamma(b)
		lab, _ := math.Lgamma(a + b)
		return la + lb - lab
	}
	// lgamma(b) − lgamma(a + b).
	d := -(b-0.5)*math.Log1p(a/b) - a*math.Log(a+b) + a + stirlerr(b) - stirlerr(a+b)
	return la + d
}

// The binomial density below follows R's nmath (dbinom.c, stirlerr.c,
// bd0.c), Loader's saddle-point algorithm (Loader 2000, "Fast and accurate
// computation of binomial probabilities"), for real k and n.

// StirlingError returns log Γ(n + 1) − log(√(2πn)·(n/e)ⁿ), the error of
// Stirling's formula (R's nmath stirlerr).
func StirlingError(n float64) float64 { return stirlerr(n) }

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

// DevianceTerm returns x·log(x/np) + np − x without cancellation when x
// is close to np (R's nmath bd0).
func DevianceTerm(x, np float64) float64 { return bd0(x, np) }

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

// logDbinomRaw returns the log of Γ(n+1)/(Γ(k+1)Γ(n−k+1))·p^k q^(n−k)
// for real 0 < k < n and 0 < p < 1, q = 1 − p given separately (R's
// dbinom_raw with log = TRUE).
func logDbinomRaw(k, n, p, q float64) float64 {
	lc := stirlerr(n) - stirlerr(k) - stirlerr(n-k) - bd0(k, n*p) - bd0(n-k, n*q)
	lf := math.Log(2*math.Pi) + math.Log(k) + math.Log1p(-k/n)
	return lc - 0.5*lf
}
