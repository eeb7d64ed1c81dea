package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// ClaimResult is a claim about a share ("fewer than half …") tested at a
// stated level on a stated base.
type ClaimResult struct {
	Estimate Estimate // the share the claim is about, with its base
	Op       string   // "<" or ">"
	Value    float64  // the threshold p0
	Level    float64  // confidence level of the one-sided bound
	// Bound is the one-sided confidence bound at Level by the estimate's
	// interval method: the upper bound for "<", the lower bound for ">".
	// NaN when the claim is not assessed.
	Bound float64
	// PValue is the one-sided p-value of the test that inverts the
	// estimate's interval (Test names it) for H0: p ≥ p0 (claim "<") or
	// H0: p ≤ p0 (claim ">"): the one-sided α at which the bound equals
	// p0. NaN when the claim is not assessed.
	PValue float64
	// Test names the test in English: "Score test" (Wilson),
	// "Exact binomial test" (Clopper–Pearson on whole counts), else
	// TestByInversion(method).
	Test string
	// Supported is true when the bound excludes the threshold: Bound < p0
	// for "<", Bound > p0 for ">"; equivalently PValue < 1 − Level.
	Supported bool
	// NotAssessed is the reason (an Estimate.Reason: ReasonMinBase,
	// ReasonNoDF, ReasonNotComputable) why a claim on a suppressed
	// estimate is not tested; "" for a tested claim. A claim not assessed
	// is never supported, and its bound and p-value are NaN.
	NotAssessed string
}

// Test names of ClaimResult.Test.
const (
	TestScore     = "Score test"
	TestExact     = "Exact binomial test"
	testInversion = "Test by inversion of the %s interval"
)

// TestByInversion names the test that inverts the interval of a method
// (as in Estimate.Method): "Test by inversion of the svy-logit interval".
func TestByInversion(method string) string { return fmt.Sprintf(testInversion, method) }

// EvaluateClaim tests the claim "share op p0" for an estimate at the given
// one-sided confidence level (e.g. 0.95). The bound is the one-sided
// bound of the estimate's interval method at that level; the p-value is
// that of the test obtained by inverting the same interval, so that the
// claim is supported exactly when p < 1 − level:
//
//   - "wilson": the score test (Wilson 1927), whose inversion the Wilson
//     interval is;
//   - "clopper-pearson" on whole counts: the exact binomial test (R's
//     binom.test), whose inversion the Clopper–Pearson interval is;
//   - design-based "svy-logit"/"svy-xlogit": t = (logit p̂ − logit p0)/
//     (SE/(p̂(1−p̂))) on the design df, "svy-mean": t = (p̂ − p0)/SE,
//     "svy-asin": t = (asin√p̂ − asin√p0)/(SE/(2√(p̂(1−p̂)))), each the
//     exact inversion of R's svyciprop interval of that method;
//   - every other method: the α in (1e-12, 1 − 1e-12) at which the
//     one-sided bound at level 1 − α equals p0, found by bisection on the
//     interval itself (for α > 1/2 the one-sided upper bound at level
//     1 − α is the lower limit of the two-sided interval at level 2α − 1).
//
// A closed form that disagrees with the bound by rounding at the boundary
// gives way to the bisection. An estimate that is suppressed (small base,
// no design degrees of freedom, not computable) is not assessed: the
// result has NotAssessed set and is not supported.
func EvaluateClaim(e Estimate, op string, p0, level float64) (ClaimResult, error) {
	var alt Alternative
	switch op {
	case "<":
		alt = Less
	case ">":
		alt = Greater
	default:
		return ClaimResult{}, fmt.Errorf(`claim operator %q: want "<" or ">"`, op)
	}
	if !(p0 > 0 && p0 < 1) {
		return ClaimResult{}, fmt.Errorf("claim threshold %v: %w", p0, ErrNull)
	}
	if math.IsNaN(level) || level <= 0.5 || level >= 1 {
		return ClaimResult{}, fmt.Errorf("claim level %v (one-sided, want 0.5 < level < 1): %w", level, ErrLevel)
	}
	r := ClaimResult{Estimate: e, Op: op, Value: p0, Level: level, Bound: math.NaN(), PValue: math.NaN()}
	if e.Suppressed {
		r.NotAssessed = e.Reason
		if r.NotAssessed == "" {
			r.NotAssessed = ReasonMinBase
		}
		return r, nil
	}
	bound := claimBound(e, alt)
	b, err := bound(level)
	if err != nil {
		if e.Design != nil && (errors.Is(err, ErrDesignDF) || errors.Is(err, ErrDegenerate)) {
			r.NotAssessed = ReasonNoDF
			if !errors.Is(err, ErrDesignDF) {
				r.NotAssessed = ReasonNotComputable
			}
			return r, nil
		}
		return ClaimResult{}, err
	}
	r.Bound = b
	if alt == Less {
		r.Supported = b < p0
	} else {
		r.Supported = b > p0
	}
	r.Test = TestByInversion(e.Method)
	p, name, ok := closedFormP(e, alt, p0)
	if ok {
		r.Test = name
	}
	if !ok || (p < 1-level) != r.Supported {
		p, err = invertBound(bound, alt, p0, 1-level, r.Supported)
		if err != nil {
			return ClaimResult{}, fmt.Errorf("claim test by inversion of the %s interval: %w", e.Method, err)
		}
	}
	r.PValue = p
	return r, nil
}

// claimBound returns the one-sided bound of e's interval method (the
// upper bound for Less, the lower for Greater) as a function of the
// one-sided level L in (0, 1). For L ≤ 1/2 it is the other limit of the
// two-sided interval at level 1 − 2L, so that the bound increases (Less)
// or decreases (Greater) with L over the whole range.
func claimBound(e Estimate, alt Alternative) func(float64) (float64, error) {
	return func(L float64) (float64, error) {
		two := 2*L - 1
		upperEnd := alt == Less
		if two <= 0 {
			two, upperEnd = -two, !upperEnd
		}
		two = math.Max(two, 1e-12)
		var iv Interval
		var err error
		if e.Design != nil {
			iv, err = DesignInterval(designMethod(e.Method), *e.Design, two, TwoSided)
		} else {
			iv, err = ProportionInterval(e.Method, e.Count, e.Base, two, TwoSided)
		}
		if err != nil {
			return math.NaN(), err
		}
		if upperEnd {
			return iv.Upper, nil
		}
		return iv.Lower, nil
	}
}

// invertBound returns the one-sided α at which bound(1 − α) equals p0, by
// bisection over α in [1e-12, 1 − 1e-12]: the smallest α at which the
// bound excludes p0 (p0 above the bound for Less, below it for Greater).
// The bracket starts from the study's α, whose decision (excluded) is
// known, so the result is below alpha exactly when excluded is true.
func invertBound(bound func(float64) (float64, error), alt Alternative, p0, alpha float64, excluded bool) (float64, error) {
	excludes := func(a float64) (bool, error) {
		b, err := bound(1 - a)
		if err != nil {
			return false, err
		}
		if alt == Less {
			return b < p0, nil
		}
		return b > p0, nil
	}
	const eps = 1e-12
	lo, hi := eps, 1-eps // excludes(lo) false, excludes(hi) true, when so
	if excluded {
		hi = alpha
		ok, err := excludes(lo)
		if err != nil {
			return math.NaN(), err
		}
		if ok {
			return 0, nil // below 1e-12
		}
	} else {
		lo = alpha
		ok, err := excludes(hi)
		if err != nil {
			return math.NaN(), err
		}
		if !ok {
			return 1, nil
		}
	}
	for i := 0; i < 200 && hi-lo > 1e-15*math.Max(lo, 1e-3); i++ {
		m := lo + (hi-lo)/2
		if m <= lo || m >= hi {
			break
		}
		ok, err := excludes(m)
		if err != nil {
			return math.NaN(), err
		}
		if ok {
			hi = m
		} else {
			lo = m
		}
	}
	// The midpoint of the final bracket; at the resolution of float64 it
	// could round onto the study's α, so the bracket end on the right
	// side of α is taken then.
	p := lo + (hi-lo)/2
	if excluded && p >= alpha {
		p = lo
	} else if !excluded && p < alpha {
		p = hi
	}
	return p, nil
}

// closedFormP returns the one-sided p-value of the test the estimate's
// interval inverts, where it has a closed form, with the test's name.
func closedFormP(e Estimate, alt Alternative, p0 float64) (float64, string, bool) {
	if de := e.Design; de != nil {
		m := designMethod(e.Method)
		p, se, df := de.P, math.Sqrt(de.Var), float64(de.DF)
		if !(p > 0 && p < 1) || noiseVariance(*de) || de.DF < 1 || !(se > 0) {
			return 0, "", false
		}
		var t float64 // large t supports "<"
		switch m {
		case "logit", "xlogit":
			t = (math.Log(p0/(1-p0)) - math.Log(p/(1-p))) / (se / (p * (1 - p)))
		case "mean":
			t = (p0 - p) / se
		case "asin":
			t = (math.Asin(math.Sqrt(p0)) - math.Asin(math.Sqrt(p))) / (se / (2 * math.Sqrt(p*(1-p))))
		default:
			return 0, "", false
		}
		if alt == Greater {
			t = -t
		}
		return dist.TSurvival(t, df), TestByInversion(e.Method), true
	}
	switch {
	case e.Method == "wilson" || e.Method == "":
		t, err := ScoreTest(e.Count, e.Base, p0, alt)
		return t.PValue, TestScore, err == nil
	case e.Method == "clopper-pearson" && isWhole(e.Count) && isWhole(e.Base):
		t, err := BinomialTest(int(e.Count), int(e.Base), p0, alt)
		return t.PValue, TestExact, err == nil
	}
	return 0, "", false
}
