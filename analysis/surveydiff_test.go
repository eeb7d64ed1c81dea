package analysis

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"
)

// TestSurveyDiffStatsmodels: the difference between two independent simple
// random samples against statsmodels' confint_proportions_2indep(method =
// "newcomb") and Pearson's χ² (scripts/crossstudy/generate.py); the same
// shares with a design effect of 2 on twice the base (n_eff equal to the
// reference n) must give the same interval.
func TestSurveyDiffStatsmodels(t *testing.T) {
	f, err := os.Open("testdata/conformance/surveydiff.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	num := func(s string) float64 {
		if s == "" {
			return math.NaN()
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, r := range recs[1:] {
		x1, n1, x2, n2, level := num(r[0]), num(r[1]), num(r[2]), num(r[3]), num(r[4])
		lo, hi, chisq, p := num(r[5]), num(r[6]), num(r[7]), num(r[8])
		srs := func(x, n float64) Estimate {
			return Estimate{Count: x, Base: n, Share: x / n, Deff: 1, NEff: n}
		}
		deff := func(x, n float64) Estimate {
			return Estimate{Count: 2 * x, Base: 2 * n, Share: x / n, Deff: 2, NEff: n}
		}
		for _, c := range []struct {
			name   string
			a, b   Estimate
			method string
		}{
			{"srs", srs(x1, n1), srs(x2, n2), "newcombe"},
			{"deff", deff(x1, n1), deff(x2, n2), "newcombe-neff"},
		} {
			d, err := SurveyDiffOf(c.a, c.b, level)
			if err != nil {
				t.Fatalf("%v %s: %v", r, c.name, err)
			}
			if d.Method != c.method || math.Abs(d.Diff-(x1/n1-x2/n2)) > 1e-15 {
				t.Errorf("%v %s: method %s diff %v", r, c.name, d.Method, d.Diff)
			}
			if math.Abs(d.Lower-lo) > 1e-9 || math.Abs(d.Upper-hi) > 1e-9 {
				t.Errorf("%v %s: %v–%v, statsmodels %v–%v", r, c.name, d.Lower, d.Upper, lo, hi)
			}
			if !(d.Lower <= d.Diff && d.Diff <= d.Upper) {
				t.Errorf("%v %s: %v outside %v–%v", r, c.name, d.Diff, d.Lower, d.Upper)
			}
			if math.IsNaN(chisq) {
				if d.Tested {
					t.Errorf("%v %s: tested a difference of two degenerate shares", r, c.name)
				}
				continue
			}
			if !d.Tested || math.Abs(d.Test.Statistic-chisq) > 1e-9*math.Max(1, chisq) || math.Abs(d.Test.PValue-p) > 1e-9 {
				t.Errorf("%v %s: χ² %v p %v, scipy %v %v", r, c.name, d.Test.Statistic, d.Test.PValue, chisq, p)
			}
		}
	}
}

// TestSurveyDiffDesign: with a design-based estimate, the variances of the
// two independent surveys add up (computed by hand here).
func TestSurveyDiffDesign(t *testing.T) {
	a := Estimate{Count: 300, Base: 1000, Share: 0.31, Deff: 1.5, NEff: 666.7, Design: &DesignEstimate{P: 0.31, Var: 0.0002}}
	b := Estimate{Count: 200, Base: 800, Share: 0.25, Deff: 1, NEff: 800}
	d, err := SurveyDiffOf(a, b, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	se := math.Sqrt(0.0002 + 0.25*0.75/800)
	const z = 1.959963984540054
	if d.Method != "svy-wald" || math.Abs(d.SE-se) > 1e-15 || math.Abs(d.Lower-(0.06-z*se)) > 1e-12 || math.Abs(d.Upper-(0.06+z*se)) > 1e-12 {
		t.Errorf("got %+v, want SE %v", d, se)
	}
	zz := 0.06 / se
	if !d.Tested || math.Abs(d.Test.Statistic-zz*zz) > 1e-9 || math.Abs(d.Test.PValue-math.Erfc(zz/math.Sqrt2)) > 1e-12 {
		t.Errorf("test %+v", d.Test)
	}
	if _, err := SurveyDiffOf(a, b, 95); !errors.Is(err, ErrLevel) {
		t.Errorf("level 95: %v", err)
	}
}
