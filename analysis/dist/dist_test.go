package dist

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRegressions are the failures of gonum's quantiles reported in issue
// 13, with R's values (qt, binom.test, qbeta(lower.tail = FALSE)).
func TestRegressions(t *testing.T) {
	level := 0.999999 // a variable: Go would evaluate the constant 1 − 0.999999 exactly
	a := (1 - level) / 2
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"qt(1e-12, 8590)", TQuantile(1e-12, 8590), -7.0448323091484788},
		{"qt(1e-14, 8590)", TQuantile(1e-14, 8590), -7.6639031022580575},
		{"Clopper–Pearson upper, 0 of 57, 0.999999", BetaQuantileUpper(a, 1, 57), 0.22472529553620407}, // R: -expm1(log(a)/57)
		{"Jeffreys upper, 0 of 57, 0.999999", BetaQuantileUpper(a, 0.5, 57.5), 0.19798255203071513},
		{"qnorm(1e-300)", NormalQuantile(1e-300), -37.047096299361201},
	} {
		if !close(c.got, c.want, 1e-12) {
			t.Errorf("%s = %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
}

// TestRoundTrip checks, independently of R, that the quantiles invert
// their distribution functions to the last bit of the variable they are
// solved in (the log-odds u of a beta quantile, the log of a χ²
// quantile): the tail equation changes sign within a few float64 steps of
// the answer. Shapes and degrees of freedom are random from 0.05 to 1e7,
// tail probabilities from 1e-250 to 1/2. Answers beyond the float64
// range (quantiles that underflow) are not checked.
func TestRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 1))
	logU := func(lo, hi float64) float64 {
		return math.Exp(math.Log(lo) + rng.Float64()*(math.Log(hi)-math.Log(lo)))
	}
	// brackets reports whether f(u − δ) and f(u + δ) straddle target,
	// δ a few ulps of u, with a tolerance of 1e-12 relative on the log.
	brackets := func(f func(float64) float64, u, target float64) bool {
		d := 4 * ulp(u)
		lo, hi := f(u-d), f(u+d)
		if lo > hi {
			lo, hi = hi, lo
		}
		tol := 1e-12 * math.Max(1, math.Abs(target))
		return lo-tol <= target && target <= hi+tol
	}
	for i := 0; i < 600; i++ {
		p := logU(1e-250, 0.5)
		a, b := logU(0.05, 1e7), logU(0.05, 1e7)
		k := logU(0.5, 1e5)
		for _, upper := range []bool{false, true} {
			u := betaLogit(p, a, b, upper)
			if math.Abs(u) >= logitMax-1 {
				continue
			}
			f := func(u float64) float64 {
				l, h := logIncBeta(a, b, expit(u), expit(-u))
				if upper {
					return h
				}
				return l
			}
			if !brackets(f, u, math.Log(p)) {
				t.Errorf("beta(%v, %v), tail %v (upper %v): log-odds %v does not solve it: %v, %v",
					a, b, p, upper, u, f(u), math.Log(p))
			}
		}
		x := ChiSquaredQuantileUpper(p, k)
		f := func(u float64) float64 { return math.Log(ChiSquaredSurvival(math.Exp(u), k)) }
		if !brackets(f, math.Log(x), math.Log(p)) {
			t.Errorf("chi-squared(%v), upper tail %v: %v does not solve it", k, p, x)
		}
	}
}

// TestMonotone checks that quantiles increase with the probability.
func TestMonotone(t *testing.T) {
	ps := []float64{1e-300, 1e-100, 1e-14, 1e-12, 1e-6, 0.025, 0.3, 0.5, 0.7, 0.975, 1 - 1e-6, 1 - 1e-12}
	for _, nu := range []float64{0.7, 1, 2, 8590, 1e5, 1e8} {
		for i := 1; i < len(ps); i++ {
			if !(TQuantile(ps[i], nu) > TQuantile(ps[i-1], nu)) {
				t.Errorf("qt not increasing at df %v between p %v and %v", nu, ps[i-1], ps[i])
			}
		}
	}
	for _, s := range [][2]float64{{0.5, 0.5}, {1, 57}, {57, 1}, {3e6, 2e6}} {
		for i := 1; i < len(ps); i++ {
			if !(BetaQuantile(ps[i], s[0], s[1]) >= BetaQuantile(ps[i-1], s[0], s[1])) {
				t.Errorf("qbeta not increasing at %v between p %v and %v", s, ps[i-1], ps[i])
			}
		}
	}
}

// TestInvalid checks that arguments outside the domain give NaN, never a
// panic.
func TestInvalid(t *testing.T) {
	for _, v := range []float64{
		BetaQuantile(-0.1, 1, 1), BetaQuantile(0.5, 0, 1), BetaQuantile(math.NaN(), 1, 1),
		TQuantile(1.5, 3), TQuantile(0.5, -1), ChiSquaredQuantileUpper(0.5, 0), FQuantileUpper(2, 1, 1),
		NormalQuantile(math.NaN()), TSurvival(math.NaN(), 3),
	} {
		if !math.IsNaN(v) {
			t.Errorf("got %v, want NaN", v)
		}
	}
}
