package analysis

import (
	"fmt"
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// DesignDiff accumulates, one respondent at a time, the design-based
// difference p̂₁ − p̂₂ of two shares: the share of y₁ in domain 1 and of y₂
// in domain 2. Disjoint domains compare two groups (men and women);
// one domain with two indicators compares two questions answered by the
// same respondents (paired). Either way the two estimates may be
// correlated through shared PSUs (and, for paired answers, through the
// same respondents), and the covariance is taken into account: per PSU
// the accumulator keeps the weighted totals Y₁, N₁, Y₂, N₂, and the
// variance is that of the linearised difference
//
//	z = (Y₁ − p̂₁N₁)/W₁ − (Y₂ − p̂₂N₂)/W₂,
//
// R's svycontrast(svytotal(~y1d1 + d1 + y2d2 + d2, design),
// quote(y1d1/d1 − y2d2/d2)).
//
// The zero value is not ready for use; call NewDesignDiff.
type DesignDiff struct {
	acc    *designAcc
	lonely LonelyPSU
	n      [2]int     // respondents with positive weight per domain
	sw     [2]float64 // Σw per domain
	swy    [2]float64 // Σw·y per domain
}

// NewDesignDiff returns an empty accumulator with the given lonely-PSU
// rule.
func NewDesignDiff(lonely LonelyPSU) *DesignDiff {
	return &DesignDiff{acc: newDesignAcc(4), lonely: lonely}
}

// AddN adds count identical respondents: in1 and in2 say whether they are
// in domain 1 and 2, y1 and y2 whether they have the characteristic
// counted there. Respondents in neither domain must be added too.
func (d *DesignDiff) AddN(r DesignRow, in1, y1, in2, y2 bool, count int) error {
	var t [4]float64
	if in1 {
		t[1] = r.Weight
		if y1 {
			t[0] = r.Weight
		}
	}
	if in2 {
		t[3] = r.Weight
		if y2 {
			t[2] = r.Weight
		}
	}
	if err := d.acc.addN(r, t[:], (in1 || in2) && r.Weight > 0, count); err != nil {
		return err
	}
	sw, _ := r.sums(count)
	for i, in := range [2]bool{in1, in2} {
		if !in {
			continue
		}
		if r.Weight > 0 {
			d.n[i] += count
		}
		d.sw[i] += sw
		if t[2*i] != 0 {
			d.swy[i] += sw
		}
	}
	return nil
}

// DesignDiffEstimate is a design-based difference of two shares.
type DesignDiffEstimate struct {
	P1, P2 float64 // the two shares
	Diff   float64 // P1 − P2
	// Var and SE are the linearisation variance and standard error of
	// Diff, covariance of the two shares included.
	Var, SE float64
	// DF is PSUs − strata among the respondents in either domain (R:
	// degf of the design restricted to them).
	DF int
	// N1 and N2 count the respondents with positive weight per domain.
	N1, N2 int
}

// Estimate returns the difference of the two shares.
func (d *DesignDiff) Estimate() (DesignDiffEstimate, error) {
	var e DesignDiffEstimate
	for i := range d.sw {
		if d.n[i] == 0 || !(d.sw[i] > 0) {
			return e, fmt.Errorf("domain %d has no respondent with a positive weight: %w", i+1, ErrEmptyDomain)
		}
	}
	e.P1 = math.Min(d.swy[0]/d.sw[0], 1)
	e.P2 = math.Min(d.swy[1]/d.sw[1], 1)
	e.Diff = e.P1 - e.P2
	A := []float64{1 / d.sw[0], -e.P1 / d.sw[0], -1 / d.sw[1], e.P2 / d.sw[1]}
	v, err := d.acc.cov(A, 1, d.lonely)
	if err != nil {
		return e, err
	}
	e.Var = math.Max(v[0], 0)
	e.SE = math.Sqrt(e.Var)
	psus, strata := d.acc.df()
	e.DF = psus - strata
	e.N1, e.N2 = d.n[0], d.n[1]
	return e, nil
}

// NegligibleSE is the standard error of a difference of two shares below
// which DesignDiffInterval treats it as having no sampling variance:
// rounding noise of the linearisation, far below any real sampling error
// (a simple random sample of 10⁸ has SEs above 10⁻⁵).
const NegligibleSE = 1e-8

// DesignDiffInterval returns the Wald interval Diff ± t·SE with t the
// quantile of Student's t on e.DF degrees of freedom (R's
// confint(svycontrast(…), df = degf(design))), clipped to [−1, 1], and
// the two-sided t test of no difference, 2·P(T_df > |Diff/SE|). With an
// SE of at most NegligibleSE there is no sampling variance to test: the
// interval is [Diff, Diff] and the test's statistic and p-value are NaN.
func DesignDiffInterval(e DesignDiffEstimate, level float64) (Interval, TestResult, error) {
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return Interval{}, TestResult{}, fmt.Errorf("level %v: %w", level, ErrLevel)
	}
	if e.DF < 1 {
		return Interval{}, TestResult{}, fmt.Errorf("%d degrees of freedom: %w", e.DF, ErrDesignDF)
	}
	if math.IsNaN(e.SE) || math.IsNaN(e.Diff) {
		return Interval{}, TestResult{}, fmt.Errorf("difference %v, SE %v: %w", e.Diff, e.SE, ErrDegenerate)
	}
	test := TestResult{Method: fmt.Sprintf("design-based t test, %d df", e.DF)}
	if e.SE <= NegligibleSE {
		// No sampling variance: both shares are fixed by the design (for
		// instance two raking margins), and what difference there is is
		// the raking's tolerance. There is nothing to test.
		test.Statistic, test.PValue = math.NaN(), math.NaN()
		test.Method = "none: the difference has no sampling variance"
		return Interval{Lower: e.Diff, Upper: e.Diff}, test, nil
	}
	t := designT(level, float64(e.DF))
	iv := Interval{Lower: math.Max(e.Diff-t*e.SE, -1), Upper: math.Min(e.Diff+t*e.SE, 1)}
	test.Statistic = e.Diff / e.SE
	test.PValue = 2 * dist.TSurvival(math.Abs(test.Statistic), float64(e.DF))
	return iv, test, nil
}
