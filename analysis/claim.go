package analysis

import (
	"fmt"
	"math"
	"strings"

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
	Bound float64
	// PValue is the one-sided p-value of the test matching the method
	// (Test names it) for H0: p ≥ p0 (claim "<") or H0: p ≤ p0 (claim ">").
	PValue float64
	Test   string
	// Supported is true when the bound excludes the threshold: Bound < p0
	// for "<", Bound > p0 for ">". For the Wilson interval (score test) and
	// the Clopper–Pearson interval (exact test) this is the same decision
	// as PValue < 1 − Level.
	Supported bool
}

// EvaluateClaim tests the claim "share op p0" for an estimate at the given
// one-sided confidence level (e.g. 0.95). The bound comes from the
// estimate's interval method; the p-value from the exact binomial test for
// "clopper-pearson" and "mid-p" (whole counts only) and from the score test
// otherwise.
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
	if e.Design != nil {
		return evaluateDesignClaim(e, op, alt, p0, level)
	}
	iv, err := ProportionInterval(e.Method, e.Count, e.Base, level, alt)
	if err != nil {
		return ClaimResult{}, err
	}
	r := ClaimResult{Estimate: e, Op: op, Value: p0, Level: level}
	if alt == Less {
		r.Bound, r.Supported = iv.Upper, iv.Upper < p0
	} else {
		r.Bound, r.Supported = iv.Lower, iv.Lower > p0
	}
	exact := (e.Method == "clopper-pearson" || e.Method == "mid-p") &&
		e.Count == math.Trunc(e.Count) && e.Base == math.Trunc(e.Base)
	var t TestResult
	if exact {
		t, err = BinomialTest(int(e.Count), int(e.Base), p0, alt)
	} else {
		t, err = ScoreTest(e.Count, e.Base, p0, alt)
	}
	if err != nil {
		return ClaimResult{}, err
	}
	r.PValue, r.Test = t.PValue, t.Method
	return r, nil
}

// evaluateDesignClaim is EvaluateClaim for a design-based estimate: the
// bound is the one-sided svyciprop bound of the study's design method, the
// p-value that of the one-sided design-based t test
// t = (p̂ − p0)/SE on the design's degrees of freedom (as R's
// svyttest on the indicator).
func evaluateDesignClaim(e Estimate, op string, alt Alternative, p0, level float64) (ClaimResult, error) {
	de := *e.Design
	iv, err := DesignInterval(strings.TrimPrefix(e.Method, "svy-"), de, level, alt)
	if err != nil {
		return ClaimResult{}, err
	}
	r := ClaimResult{Estimate: e, Op: op, Value: p0, Level: level, Test: "Design-based t test (Taylor linearisation)"}
	if alt == Less {
		r.Bound, r.Supported = iv.Upper, iv.Upper < p0
	} else {
		r.Bound, r.Supported = iv.Lower, iv.Lower > p0
	}
	switch {
	case de.SE > 0 && de.DF > 0:
		t := (de.P - p0) / de.SE
		if alt == Less {
			r.PValue = dist.TCDF(t, float64(de.DF))
		} else {
			r.PValue = dist.TSurvival(t, float64(de.DF))
		}
	case (alt == Less) == (de.P < p0):
		r.PValue = 0
	default:
		r.PValue = 1
	}
	return r, nil
}
