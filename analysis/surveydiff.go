package analysis

import (
	"errors"
	"fmt"
	"math"
)

// SurveyDiff is the difference of one share between two independent
// surveys (two waves, or two countries), A − B, with its interval and
// test.
type SurveyDiff struct {
	Diff float64 // share A − share B
	Interval
	// Method is "newcombe" (both simple random samples: counts and
	// bases), "newcombe-neff" (a design effect: the effective counts
	// p·n_eff of n_eff) or "svy-wald" (a design-based variance).
	Method string
	// Test is the two-sided test of equal shares; Tested is false where
	// there is nothing to test (both shares 0 or both 1, or no variance).
	Test   Test2
	Tested bool
	// XA, NA, XB, NB are the counts and bases the interval was computed
	// from (effective ones for newcombe-neff; the unweighted bases for
	// svy-wald).
	XA, NA, XB, NB float64
	// SE is the standard error of Diff for svy-wald; 0 otherwise.
	SE float64
}

// Test2 is a test of equal shares: the χ² statistic with one degree of
// freedom (the square of z) and its two-sided p-value.
type Test2 struct {
	Statistic, PValue float64
}

// SurveyDiffOf compares estimate a of one survey with estimate b of
// another, independent survey at the given confidence level.
//
// Without a design (Estimate.Design nil) and without a design effect
// (Deff 1), it is Newcombe's hybrid score interval (method 10, as
// statsmodels' confint_proportions_2indep(method = "newcomb")) with the
// two-sample score test (R's prop.test(correct = FALSE)) on the counts and
// bases. With a design effect but no design (a published design effect or
// effective n), the same is computed on the effective counts p·n_eff of
// n_eff (Kish 1965; the effective sample size of Korn & Graubard 1998).
// Where either estimate is design-based, the difference has the variance
// Var(A) + Var(B) of two independent samples (the design-based variance
// of a weighted share, or p(1 − p)/n_eff for the other survey): a Wald
// interval and z test on the normal distribution, as confint() of R's
// svycontrast on the two estimates without degrees of freedom.
func SurveyDiffOf(a, b Estimate, level float64) (SurveyDiff, error) {
	if !(level > 0 && level < 1) {
		return SurveyDiff{}, fmt.Errorf("level = %v: %w", level, ErrLevel)
	}
	d := SurveyDiff{Diff: a.Share - b.Share}
	if a.Design != nil || b.Design != nil {
		va, vb := estimateVar(a), estimateVar(b)
		if math.IsNaN(va) || math.IsNaN(vb) {
			return SurveyDiff{}, fmt.Errorf("no variance for a share: %w", ErrDegenerate)
		}
		d.Method, d.SE = "svy-wald", math.Sqrt(va+vb)
		d.XA, d.NA, d.XB, d.NB = a.Count, a.Base, b.Count, b.Base
		z := zQuantile(level)
		d.Lower = math.Max(-1, d.Diff-z*d.SE)
		d.Upper = math.Min(1, d.Diff+z*d.SE)
		if d.SE > 0 {
			t := d.Diff / d.SE
			d.Test, d.Tested = Test2{Statistic: t * t, PValue: normalPValue(t, TwoSided)}, true
		}
		return d, nil
	}
	d.Method = "newcombe"
	d.XA, d.NA, d.XB, d.NB = a.Count, a.Base, b.Count, b.Base
	if hasDeff(a) || hasDeff(b) {
		d.Method = "newcombe-neff"
		d.XA, d.NA = a.Share*a.NEff, a.NEff
		d.XB, d.NB = b.Share*b.NEff, b.NEff
	}
	iv, err := NewcombeDiff(d.XA, d.NA, d.XB, d.NB, level)
	if err != nil {
		return SurveyDiff{}, err
	}
	d.Interval = iv
	t, err := TwoSampleScoreTest(d.XA, d.NA, d.XB, d.NB, TwoSided)
	switch {
	case errors.Is(err, ErrDegenerate):
	case err != nil:
		return SurveyDiff{}, err
	default:
		d.Test, d.Tested = Test2{Statistic: t.Statistic, PValue: t.PValue}, true
	}
	return d, nil
}

// hasDeff reports whether an estimate without a design carries a design
// effect (an effective n other than its base).
func hasDeff(e Estimate) bool {
	return e.NEff > 0 && math.Abs(e.NEff-e.Base) > 1e-9*e.Base
}

// estimateVar is the variance of an estimate's share: design-based where
// there is a design, else p(1 − p)/n_eff.
func estimateVar(e Estimate) float64 {
	if e.Design != nil {
		return e.Design.Var
	}
	n := e.NEff
	if !(n > 0) {
		n = e.Base
	}
	if !(n > 0) {
		return math.NaN()
	}
	return e.Share * (1 - e.Share) / n
}
