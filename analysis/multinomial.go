package analysis

import (
	"fmt"
	"math"
	"strings"

	"github.com/surveystat/surveystat/analysis/dist"
	"gonum.org/v1/gonum/mathext"
)

// MultinomialMethodNames lists the methods of MultinomialIntervals; the
// first is the default.
func MultinomialMethodNames() []string {
	return []string{"sison-glaz", "goodman"}
}

// MultinomialIntervals returns simultaneous confidence intervals for the
// shares of all categories of one question, from the counts of the
// categories (which must not all be zero), so that all intervals cover
// their true shares together with probability about level. Methods:
//
// "goodman": Goodman (1965), Wilson-type intervals at the Bonferroni level
// 1 − α/k with c the 1 − α/k quantile of χ²₁:
//
//	(c + 2xᵢ ± √(c(c + 4xᵢ(n − xᵢ)/n))) / (2(n + c)).
//
// Counts may be fractional.
//
// "sison-glaz" (default, also ""): Sison and Glaz (1995), intervals
// [p̂ᵢ − t/n, p̂ᵢ + (t + 2γ)/n] clipped to [0, 1], where t is the integer
// with ν(t) ≤ level < ν(t + 1), ν(t) is the probability under
// Multinomial(n, p̂) that every count lies within t of its observed value,
// and γ = (level − ν(t))/(ν(t + 1) − ν(t)). Counts must be whole numbers.
// ν is first taken from Sison and Glaz's Edgeworth approximation (their
// formulas (1) and (7), via truncated Poisson moments), scanning t = 1,
// 2, …: the algorithm of statsmodels' multinomial_proportions_confint and
// DescTools' MultinomCI, whose results it reproduces. That approximation
// is used only when ν(1) ≤ level and the approximated values up to
// ν(t + 1) are finite, within [0, 1] and non-decreasing — which holds for
// tables of moderate, not too sparse counts (where statsmodels returns an
// answer, except for a few near-misses) — and otherwise ν is computed
// exactly by Sison and Glaz's formula (2): the convolution of the Poisson(xᵢ)
// distributions truncated to [xᵢ − t, xᵢ + t] (a category with xᵢ = 0
// contributes a point mass at 0). The exact ν is used for sparse tables
// (zero cells, all counts in one category, tiny n: the approximation is
// then not increasing, exceeds 1 or never reaches the level) and for large
// counts (from about 10⁴, where the approximation's moments lose all
// precision to cancellation); if even ν(0) = P(X = x) exceeds the level
// (all counts but one zero), t = 0 with ν(0) taken as 0. The exact ν's
// convolutions are summed directly while small and by FFT (gonum
// dsp/fourier) when large, so large n costs O(k·t·log t) per evaluation:
// three categories of 7.5 million respondents take about 0.1 s, five of
// 89 million under a second. Only beyond about 10⁸ operations per
// evaluation is it given up (ErrDegenerate); the report then shows each
// share's own interval and says so.
// Sison–Glaz intervals undercover for few categories and small n (k = 3,
// n = 10, p = (.5, .3, .2): simultaneous coverage .86 at level .95).
// When all responses fall in one category, Sison–Glaz plugs in shares of
// exactly 0 and 1 and gives that category the zero-width interval [1, 1],
// which no data can justify; such tables get Goodman's intervals instead,
// which stay informative at the edges (Goodman is also the method to ask
// for by name when counts are fractional, as with weights).
//
// Goodman LA (1965). On simultaneous confidence intervals for multinomial
// proportions. Technometrics 7, 247–254. Sison CP, Glaz J (1995).
// Simultaneous confidence intervals and sample size determination for
// multinomial proportions. Journal of the American Statistical
// Association 90, 366–369.
func MultinomialIntervals(counts []float64, level float64, method string) ([]Interval, error) {
	if len(counts) < 2 {
		return nil, fmt.Errorf("multinomial intervals need at least 2 categories, got %d: %w", len(counts), ErrCount)
	}
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return nil, fmt.Errorf("level = %v: %w", level, ErrLevel)
	}
	n := 0.0
	for _, x := range counts {
		if math.IsNaN(x) || math.IsInf(x, 0) || x < 0 {
			return nil, fmt.Errorf("multinomial count %v: %w", x, ErrCount)
		}
		n += x
	}
	if n <= 0 || math.IsInf(n, 0) {
		return nil, fmt.Errorf("multinomial counts: %w", ErrEmptyBase)
	}
	switch method {
	case "goodman":
		return goodman(counts, n, level), nil
	case "sison-glaz", "":
		nonzero := 0
		for _, x := range counts {
			if !isWhole(x) {
				return nil, fmt.Errorf("sison-glaz intervals, count %v: %w", x, ErrNonInteger)
			}
			if x > 0 {
				nonzero++
			}
		}
		if nonzero == 1 { // see MultinomialMethodUsed
			return goodman(counts, n, level), nil
		}
		return sisonGlaz(counts, n, level)
	}
	return nil, fmt.Errorf("multinomial method %q: %w (want one of %s)", method, ErrMethod, strings.Join(MultinomialMethodNames(), ", "))
}

// SisonGlazFallback is why MultinomialIntervals answers a request for
// Sison–Glaz intervals with Goodman's (see MultinomialMethodUsed).
const SisonGlazFallback = "Sison–Glaz intervals are not defined when one category holds every answer (they would give it the zero-width interval [1, 1]); these are Goodman's intervals instead"

// MultinomialMethodUsed returns the method whose intervals
// MultinomialIntervals(counts, level, method) returns, and, when that is
// not the method asked for, why (SisonGlazFallback); fallback is "" when
// the method asked for is the one used. The empty method is the default,
// "sison-glaz". It does not validate counts: an error of
// MultinomialIntervals stays an error.
func MultinomialMethodUsed(counts []float64, method string) (used, fallback string) {
	if method == "" {
		method = MultinomialMethodNames()[0]
	}
	if method != "sison-glaz" {
		return method, ""
	}
	nonzero, n := 0, 0.0
	for _, x := range counts {
		if x > 0 {
			nonzero++
		}
		n += x
	}
	if nonzero == 1 && n > 0 && !math.IsInf(n, 0) {
		return "goodman", SisonGlazFallback
	}
	return method, ""
}

func goodman(counts []float64, n, level float64) []Interval {
	k := float64(len(counts))
	c := dist.ChiSquaredQuantileUpper((1-level)/k, 1)
	out := make([]Interval, len(counts))
	for i, x := range counts {
		half := math.Sqrt(c * (c + 4*x*(n-x)/n))
		out[i] = Interval{
			Lower: clip01((c + 2*x - half) / (2 * (n + c))),
			Upper: clip01((c + 2*x + half) / (2 * (n + c))),
		}
		// Exact limits at the edges, where rounding would leave 1 − ε.
		if x == 0 {
			out[i].Lower = 0
		}
		if x == n {
			out[i].Upper = 1
		}
	}
	return out
}

// poissonCDF returns P(Z ≤ k) for Z ~ Poisson(lambda), integer k.
func poissonCDF(k, lambda float64) float64 {
	switch {
	case k < 0:
		return 0
	case lambda == 0:
		return 1
	}
	return mathext.GammaIncRegComp(k+1, lambda)
}

// poissonRange returns P(lo ≤ Z ≤ hi) for Z ~ Poisson(lambda).
func poissonRange(lo, hi, lambda float64) float64 {
	if hi < lo {
		return 0
	}
	return poissonCDF(hi, lambda) - poissonCDF(lo-1, lambda)
}

// sisonGlazNu returns ν(t), Sison and Glaz's approximation to the
// probability that Multinomial(n, p̂) lies in the box of counts
// [max(xᵢ − t, 0), min(xᵢ + t, n)], and whether it is finite.
func sisonGlazNu(counts []float64, n, t float64) (float64, bool) {
	var s1, s2, s3, s4, logProb float64
	for _, lambda := range counts {
		lo, hi := math.Max(lambda-t, 0), math.Min(lambda+t, n)
		den := poissonRange(lo, hi, lambda)
		if !(den > 0) {
			return 0, false
		}
		logProb += math.Log(den)
		// Factorial moments μ_(r) of the truncated Poisson.
		var f [5]float64
		for r := 1.0; r <= 4; r++ {
			f[int(r)] = math.Pow(lambda, r) * (1 - (poissonRange(hi-r+1, hi, lambda)-poissonRange(lo-r, lo-1, lambda))/den)
		}
		mu := f[1]
		mu2 := f[2] + mu - mu*mu
		mu3 := f[3] + f[2]*(3-3*mu) + mu - 3*mu*mu + 2*mu*mu*mu
		mu4 := f[4] + f[3]*(6-4*mu) + f[2]*(7-12*mu+6*mu*mu) + mu - 4*mu*mu + 6*mu*mu*mu - 3*mu*mu*mu*mu
		s1 += mu
		s2 += mu2
		s3 += mu3
		s4 += mu4 - 3*mu2*mu2
	}
	if !(s2 > 0) {
		return 0, false
	}
	g1 := s3 / math.Pow(s2, 1.5)
	g2 := s4 / (s2 * s2)
	x := (n - s1) / math.Sqrt(s2)
	x2 := x * x
	h3 := x*x2 - 3*x
	h4 := x2*x2 - 6*x2 + 3
	h6 := x2*x2*x2 - 15*x2*x2 + 45*x2 - 15
	f := math.Exp(-x2/2) / math.Sqrt(2*math.Pi) * (1 + g1*h3/6 + g2*h4/24 + g1*g1*h6/72)
	// log P(Poisson(n) = n) = n·log n − n − log n!.
	lg, _ := math.Lgamma(n + 1)
	logPn := n*math.Log(n) - n - lg
	nu := math.Exp(logProb-logPn) * f / math.Sqrt(s2)
	if math.IsNaN(nu) || math.IsInf(nu, 0) {
		return 0, false
	}
	return nu, true
}

// sisonGlazEdgeworthT returns the t and γ of Sison and Glaz's intervals
// from the Edgeworth approximation of ν, scanning t = 1, 2, … as
// statsmodels does, and whether the approximation is usable: ν(1) ≤ level
// (so t ≥ 1), every value computed along the scan is finite, within
// [0, 1] and not below the one before, and t < n. Sison and Glaz's
// approximation breaks down for sparse tables (it is then not increasing,
// exceeds 1 or never reaches the level) and, by cancellation in the
// moments computed from factorial moments, for counts of tens of
// thousands; the checks catch both.
func sisonGlazEdgeworthT(counts []float64, n, level float64) (t, g float64, ok bool) {
	t = 1
	nuT, ok := sisonGlazNu(counts, n, 1)
	if !ok || nuT < 0 || nuT > level {
		return 0, 0, false
	}
	for {
		if t+1 > n {
			return 0, 0, false
		}
		nuNext, ok := sisonGlazNu(counts, n, t+1)
		if !ok || nuNext < nuT || nuNext > 1 {
			return 0, 0, false
		}
		if level < nuNext {
			return t, (level - nuT) / (nuNext - nuT), true
		}
		t++
		nuT = nuNext
	}
}

func sisonGlaz(counts []float64, n, level float64) ([]Interval, error) {
	t, g, ok := sisonGlazEdgeworthT(counts, n, level)
	if !ok {
		if t, g, ok = sisonGlazExactT(counts, n, level); !ok {
			return nil, fmt.Errorf("sison-glaz: Edgeworth approximation unusable and exact coverage too costly for n = %v: %w", n, ErrDegenerate)
		}
	}
	return sisonGlazLimits(counts, n, t, g), nil
}

// sisonGlazLimits returns the intervals [p̂ᵢ − t/n, p̂ᵢ + (t + 2γ)/n]
// clipped to [0, 1].
func sisonGlazLimits(counts []float64, n, t, g float64) []Interval {
	out := make([]Interval, len(counts))
	for i, x := range counts {
		p := x / n
		out[i] = Interval{Lower: clip01(p - t/n), Upper: clip01(p + (t+2*g)/n)}
	}
	return out
}
