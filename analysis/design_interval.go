package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// ErrDesignDF is returned for a design-based interval with fewer than one
// design degree of freedom (fewer PSUs in the domain than strata plus
// one), where R's svyciprop gives NaN or stops.
var ErrDesignDF = errors.New("design has no degrees of freedom (PSUs − strata < 1)")

// DesignMethodNames returns the names DesignInterval accepts, R's
// svyciprop(method =) values, the default first.
func DesignMethodNames() []string {
	return []string{"logit", "xlogit", "beta", "mean", "likelihood", "asin"}
}

// DesignInterval returns a confidence interval for the design-based share
// e, as R's svyciprop(~y, design, method, level) with its default
// df = degf(design), so every method uses the Student t quantile
// t = qt(1 − α/2, e.DF), α = 1 − level:
//
//   - "logit" (R's default) and "xlogit": expit(logit(p̂) ± t·SE/(p̂(1−p̂))),
//     the Wald interval on the logit scale. R fits "logit" as a
//     quasibinomial svyglm, whose intercept and sandwich variance are
//     exactly these; the two agree to R's glm convergence tolerance.
//   - "beta": Korn & Graubard (1998): the Clopper–Pearson interval at the
//     effective sample size n* = p̂(1−p̂)/Var · (t_{n−1}/t_df)², with n =
//     e.N, R's nrow(design): the respondents of the domain, or for a raked
//     design all respondents of the sample (R's subset() of a calibrated
//     design keeps every row):
//     [B⁻¹(α/2; n*p̂, n*(1−p̂)+1), B⁻¹(1−α/2; n*p̂+1, n*(1−p̂))].
//   - "mean": p̂ ± t·SE, clipped to [0, 1] (R does not clip).
//   - "likelihood": the design-scaled profile likelihood interval of the
//     quasibinomial svyglm: nominally the μ with
//     2(n−1)·KL(p̂‖μ) = t²·Var·n/(p̂(1−p̂)), where
//     KL(p̂‖μ) = p̂ log(p̂/μ) + (1−p̂) log((1−p̂)/(1−μ)). R finds it by
//     interpolating a spline through a coarse profile, which moves the
//     limits by up to about 1e-3; DesignInterval reproduces R's profile,
//     spline and interpolation operation for operation (designLikelihood,
//     rinterp.go), including the flat profile beyond logit ±30 where R's
//     binomial link clamps the fitted value (glmClamp). It agrees to
//     about 1e-8 with R's interval from the svyglm fitted to convergence
//     (2e-7 in one-df domains, where the profile is steep). svyciprop's
//     own glm stops at a relative deviance change of 1e-8 and evaluates
//     its naive variance at the last-but-one iterate, which depends on
//     glm's per-respondent starting values; its limits differ from the
//     converged ones by up to about 1e-4 (4e-5 to 6e-5 measured on
//     stratified cluster samples with fpc and with raked or trimmed
//     weights), and 2e-4 in one-df domains.
//     Where R's profile never reaches the cutoff (R gives NA) the limit
//     is the exact root instead; in a one-df domain at a high level that
//     root can round to exactly 0 or 1.
//   - "asin": sin²(asin(√p̂) ± t·SE/(2√(p̂(1−p̂)))), the transformed
//     limits clamped to [0, π/2] (R does not clamp, and a limit beyond 0
//     or π/2 folds back into a wrong bound).
//
// For a one-sided alternative at level L the bound is the corresponding
// bound of the two-sided interval at level 2L − 1, and the other end is 0
// (Less) or 1 (Greater).
//
// When p̂ is 0 or 1 the linearised variance is 0 and R gives NaN (or, for
// "logit", limits within 1e-11 of p̂ from a non-converged glm, and for
// "mean" the interval [p̂, p̂]). DesignInterval instead returns, for every
// method, the Korn–Graubard limit with the effective sample size taken
// from the weights: n* = NEff·(t_{n−1}/t_df)² (n = e.N as for "beta"),
// giving [0, 1 − (α/2)^{1/n*}]
// at p̂ = 0 and [(α/2)^{1/n*}, 1] at p̂ = 1 (Korn & Graubard 1998, who use
// n* = n there). When 0 < p̂ < 1 and the variance is 0 (a census, or y
// constant within every stratum of a stratified sample) the interval is
// [p̂, p̂] for every method; R agrees except for "beta" ([0.5, 0.5], from
// an effective n of about 10³³) and "likelihood" (NaN). A variance counts
// as 0 when its standard error is below 1e-8 of that of a simple random
// sample of the same size (see zeroVarRatio): rounding noise, as for the
// categories of a raking margin.
//
// Every interval returned contains p̂ and lies in [0, 1] with finite
// limits; a method that cannot give one returns an error wrapping
// ErrDegenerate.
func DesignInterval(method string, e DesignEstimate, level float64, alt Alternative) (Interval, error) {
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return Interval{}, fmt.Errorf("level = %v: %w", level, ErrLevel)
	}
	if alt != TwoSided {
		level = 2*level - 1
		if level <= 0 {
			return Interval{}, fmt.Errorf("one-sided level must exceed 0.5: %w", ErrLevel)
		}
	}
	if e.NObs < 1 || math.IsNaN(e.P) || e.P < 0 || e.P > 1 {
		return Interval{}, fmt.Errorf("p̂ = %v from %d respondents: %w", e.P, e.NObs, ErrEmptyDomain)
	}
	if e.DF < 1 {
		return Interval{}, fmt.Errorf("df = %d: %w", e.DF, ErrDesignDF)
	}
	if math.IsNaN(e.Var) || e.Var < 0 {
		return Interval{}, fmt.Errorf("variance %v: %w", e.Var, ErrDesign)
	}
	var iv Interval
	var err error
	switch method {
	case "logit", "xlogit", "beta", "mean", "likelihood", "asin":
		iv, err = designTwoSided(method, e, level)
	default:
		return Interval{}, fmt.Errorf("%q (want one of %v): %w", method, DesignMethodNames(), ErrMethod)
	}
	if err != nil {
		return Interval{}, err
	}
	if iv, err = containing(iv, e.P); err != nil {
		return Interval{}, fmt.Errorf("design-based %s interval: %w", method, err)
	}
	return oneSided(iv, alt), nil
}

// zeroVarRatio is the ratio of standard errors below which a design-based
// variance is rounding noise rather than information: SE below 1e-8 times
// the SE of a simple random sample of the same size, √(p̂(1−p̂)/n), i.e. a
// design effect below 1e-16, which no real design has. After raking, the
// share of a category of a raking margin has variance 0 in exact
// arithmetic, and in float64 a standard error of about 1e-18; taken at
// face value it gave the "beta" method effective sample sizes of 1e33 and
// inverted intervals.
const zeroVarRatio = 1e-8

// noiseVariance reports whether the variance of e is zero relative to
// the scale of the data.
func noiseVariance(e DesignEstimate) bool {
	if e.Var == 0 {
		return true
	}
	n := float64(max(e.NObs, 1))
	srs := e.P * (1 - e.P) / n
	return e.Var <= zeroVarRatio*zeroVarRatio*srs
}

// designT returns qt(1 − (1 − level)/2, df), computed as the upper
// (1 − level)/2 quantile (package dist, accurate far into the tail).
func designT(level, df float64) float64 {
	return dist.TQuantileUpper((1-level)/2, df)
}

// designDFRatio returns (t_{n−1}/t_df)² at the given two-sided level, the
// Korn–Graubard adjustment of the effective sample size.
func designDFRatio(level float64, n, df int) float64 {
	if n < 2 {
		return 1
	}
	r := designT(level, float64(n-1)) / designT(level, float64(df))
	return r * r
}

func designTwoSided(method string, e DesignEstimate, level float64) (Interval, error) {
	p, v := e.P, e.Var
	alpha := 1 - level
	if p == 0 || p == 1 {
		ns := e.NEff * designDFRatio(level, e.N, e.DF)
		if !(ns > 0) {
			ns = float64(e.NObs)
		}
		b := math.Pow(alpha/2, 1/ns)
		if p == 0 {
			return Interval{Lower: 0, Upper: 1 - b}, nil
		}
		return Interval{Lower: b, Upper: 1}, nil
	}
	if noiseVariance(e) {
		return Interval{Lower: p, Upper: p}, nil
	}
	t := designT(level, float64(e.DF))
	se := math.Sqrt(v)
	switch method {
	case "mean":
		return Interval{Lower: clip01(p - t*se), Upper: clip01(p + t*se)}, nil
	case "logit", "xlogit":
		l := math.Log(p / (1 - p))
		h := t * se / (p * (1 - p))
		return Interval{Lower: designExpit(l - h), Upper: designExpit(l + h)}, nil
	case "asin":
		th := math.Asin(math.Sqrt(p))
		h := t * se / (2 * math.Sqrt(p*(1-p)))
		lo := math.Max(th-h, 0)
		hi := math.Min(th+h, math.Pi/2)
		sl, sh := math.Sin(lo), math.Sin(hi)
		return Interval{Lower: clip01(sl * sl), Upper: clip01(sh * sh)}, nil
	case "beta":
		ns := p * (1 - p) / v * designDFRatio(level, e.N, e.DF)
		lo := dist.BetaQuantile(alpha/2, ns*p, ns*(1-p)+1)
		hi := dist.BetaQuantileUpper(alpha/2, ns*p+1, ns*(1-p))
		return Interval{Lower: lo, Upper: hi}, nil
	case "likelihood":
		return designLikelihood(e, t)
	}
	return Interval{}, fmt.Errorf("%q: %w", method, ErrMethod)
}

// glmClamp returns the linear predictor as R's binomial()$linkinv uses
// it (C logit_linkinv): beyond ±30 the fitted value is fixed at
// ε/(1+ε) or 1/(1+ε), ε = 2⁻⁵², i.e. the predictor becomes ±log(1/ε) =
// ±36.04. R's profile of the likelihood interval is computed with it.
func glmClamp(b float64) float64 {
	const lim = 36.04365338911715 // log(2⁵²)
	switch {
	case b < -30:
		return -lim
	case b > 30:
		return lim
	}
	return b
}

func designExpit(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	ex := math.Exp(x)
	return ex / (1 + ex)
}

// designLikelihood returns R's svyciprop(method = "likelihood") interval:
// confint.svyglm(method = "likelihood") of the quasibinomial svyglm(y ~ 1),
// reproduced step by step. With b̂ = logit(p̂), its design SE
// s = SE/(p̂(1−p̂)), λ = Var·N/(p̂(1−p̂)) (design over model-based variance
// of b̂), dispersion φ and N respondents (weights scaled to mean 1):
//
//   - the signed root deviance z(b) = ±√(2N·KL(p̂‖expit b)/φ) is profiled
//     at b̂ ± k·δ·s, k = 1, 2, … while |z| < zmax and k < 10, where
//     α = Φ(t·√λ)/2 (t = qt((1−level)/2, df)), zmax = √F⁻¹(1−α; 1, N−1)
//     = |qt(α/2, N−1)|
//     and δ = zmax/5 (MASS's profile.glm);
//   - an FMM cubic spline of z against b is evaluated at 3× as many
//     equally spaced b (R's spline()), and the limits are where linear
//     interpolation of b against z (R's approx()) reaches z = ±t·√λ.
//     Beyond logit ±30 the clamped profile is flat, so several b share
//     one z: spline() orders the points by b and approx() by z, each
//     averaging tied ordinates, exactly as R (rSpline, rApprox).
//
// The source is survey's confint.svyglm, MASSprofile_glm and
// confint_profile (survey 4.1.1) and R's stats::spline and stats::approx.
// R's glm stops at a relative deviance change of 1e-8, so its b̂ and its
// naive variance are those of a fit not quite at the optimum; this
// function uses the exact optimum, which is R's number for a glm fitted to
// convergence (glm.control(epsilon = 1e-15)).
//
// If the profile does not reach a cutoff (R returns NA), that limit is
// the exact root of z(b) = ±t·√λ instead. Limits closer than 1e-5 to b̂ on
// the logit scale (standard errors of rounding size) come from the
// quadratic approximation of the deviance, exact to O(1e-10).
func designLikelihood(e DesignEstimate, t float64) (Interval, error) {
	p := e.P
	n := float64(e.N)
	if e.NObs < 2 || e.N < 2 {
		return Interval{}, fmt.Errorf("likelihood interval from %d respondent(s): %w", e.NObs, ErrDesignDF)
	}
	// svyglm's dispersion: the design-weighted variance (svyvar, with
	// n/(n−1)) of the Pearson residuals (y − p̂)/√(p̂(1−p̂)), whose
	// weighted mean is 0 and mean square 1.
	phi := float64(e.NObs) / float64(e.NObs-1)
	lambda := e.Var * n / (p * (1 - p))
	cut := t * math.Sqrt(lambda) // |qnorm(unscaled level)|
	b0 := math.Log(p / (1 - p))
	se := math.Sqrt(e.Var) / (p * (1 - p))
	// When the limits are within 1e-5 of b̂ on the logit scale, the
	// deviance 2N·KL is below the rounding of its own terms near them and
	// cannot be profiled (R's glm gets no further); there z(b) is
	// |b − b̂|·√(N p̂(1−p̂)/φ) to O((b − b̂)²), and the limits are where
	// that reaches the cutoff.
	if h := cut / math.Sqrt(n*p*(1-p)/phi); h < 1e-5 {
		return Interval{Lower: designExpit(b0 - h), Upper: designExpit(b0 + h)}, nil
	}
	z := func(b float64) float64 {
		kl := klLogit(p, b0, b)
		return math.Sqrt(math.Max(2*n*kl/phi, 0))
	}
	// Exact limits, used where R's profile falls short.
	exact := func(lo bool) (float64, error) {
		g := func(b float64) float64 { return z(b) - cut }
		// Bracket on the logit scale.
		step := math.Max(se, 1e-3)
		for k := 1; k < 2000; k++ {
			a := b0 + float64(k)*step
			if lo {
				a = b0 - float64(k)*step
			}
			if g(a) > 0 || math.IsInf(a, 0) {
				if lo {
					return designRoot(g, a, b0)
				}
				return designRoot(g, b0, a)
			}
			step *= 1.5
		}
		return math.NaN(), fmt.Errorf("likelihood limit not bracketed: %w", ErrDegenerate)
	}
	alpha := dist.NormalCDF(-cut) / 2
	// F⁻¹(1−α; 1, ν) = t²_{α/2, ν}.
	zmax := math.Abs(dist.TQuantile(alpha/2, n-1))
	del := zmax / 5
	bs := []float64{b0}
	zs := []float64{0}
	for _, sgn := range []float64{-1, 1} {
		zz := 0.0
		for step := 1; step < 10 && math.Abs(zz) < zmax; step++ {
			b := b0 + sgn*float64(step)*del*se
			zz = sgn * z(glmClamp(b))
			bs = append(bs, b)
			zs = append(zs, zz)
		}
	}
	limits := [2]float64{math.NaN(), math.NaN()}
	finite := !math.IsNaN(zmax) && !math.IsInf(zmax, 0)
	for i := range bs {
		finite = finite && !math.IsInf(bs[i], 0) && !math.IsNaN(zs[i]) && !math.IsInf(zs[i], 0)
	}
	if len(bs) >= 2 && finite {
		// confint_profile: sp <- spline(b, z); approx(sp$y, sp$x, cutoff).
		// Beyond logit ±30 the clamped profile is flat, so z has ties
		// there and b is not monotone in z: spline() orders by b and
		// approx() by z, each averaging the tied ordinates (ties = mean).
		sx, sy := rSpline(bs, zs)
		limits[0] = rApprox(sy, sx, -cut)
		limits[1] = rApprox(sy, sx, cut)
	}
	for i, lo := range []bool{true, false} {
		if math.IsNaN(limits[i]) {
			b, err := exact(lo)
			if err != nil {
				return Interval{}, err
			}
			limits[i] = b
		}
	}
	return Interval{Lower: designExpit(limits[0]), Upper: designExpit(limits[1])}, nil
}

// klLogit returns the Kullback–Leibler divergence KL(p̂‖μ) = p̂ log(p̂/μ) +
// (1−p̂) log((1−p̂)/(1−μ)) of μ = expit(b) from p̂ = expit(b0), computed
// from differences of log-expits so that shares within 1e-9 of 0 or 1
// keep their digits (the naive formula loses them in 1 − μ).
func klLogit(p, b0, b float64) float64 {
	return xlogDiff(p, b0, b) + xlogDiff(1-p, -b0, -b)
}

// xlogDiff returns x·(log expit(u0) − log expit(u)), 0 when x = 0.
func xlogDiff(x, u0, u float64) float64 {
	if x == 0 {
		return 0
	}
	var d float64
	switch {
	case u0 >= 0 && u >= 0: // log expit(v) = −log1p(e^{−v})
		d = math.Log1p(math.Exp(-u)) - math.Log1p(math.Exp(-u0))
	case u0 < 0 && u < 0: // log expit(v) = v − log1p(e^{v})
		d = (u0 - u) - math.Log1p(math.Exp(u0)) + math.Log1p(math.Exp(u))
	default:
		d = logExpitDesign(u0) - logExpitDesign(u)
	}
	return x * d
}

func logExpitDesign(v float64) float64 {
	if v >= 0 {
		return -math.Log1p(math.Exp(-v))
	}
	return v - math.Log1p(math.Exp(v))
}

// designRoot returns a zero of f in [a, b] by bisection, f(a) and f(b)
// of opposite signs (±Inf allowed; an end where f is zero is returned).
// Bisection halves the bracket until it cannot shrink in floating point,
// so the result is the root to within one or two ulps; it never fails
// on a valid bracket, whatever f looks like inside.
func designRoot(f func(float64) float64, a, b float64) (float64, error) {
	fa, fb := f(a), f(b)
	switch {
	case math.IsNaN(fa) || math.IsNaN(fb):
		return math.NaN(), fmt.Errorf("root finder: f(%v) = %v, f(%v) = %v: %w", a, fa, b, fb, ErrDegenerate)
	case fa == 0:
		return a, nil
	case fb == 0:
		return b, nil
	case (fa > 0) == (fb > 0):
		return math.NaN(), fmt.Errorf("root finder: no sign change on [%v, %v]: %w", a, b, ErrDegenerate)
	}
	for i := 0; i < 2000; i++ {
		m := a + (b-a)/2
		if m <= a || m >= b {
			break
		}
		fm := f(m)
		switch {
		case fm == 0:
			return m, nil
		case math.IsNaN(fm):
			return math.NaN(), fmt.Errorf("root finder: f(%v) is NaN: %w", m, ErrDegenerate)
		case (fm > 0) == (fa > 0):
			a, fa = m, fm
		default:
			b = m
		}
	}
	return a + (b-a)/2, nil
}
