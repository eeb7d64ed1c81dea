package analysis

import (
	"math"
	"testing"
)

func TestCheckPrecision(t *testing.T) {
	// 622 of 1,004 at 95% (z = 1.959964, computed with Python):
	// z·√(p(1 − p)/n) = 3.00313 points at p = 622/1004 and 3.09280 at
	// p = ½; on n = 502 (deff 2) 4.24707 and 4.37387; statsmodels'
	// proportion_confint(622, 1004, method="wilson") = (0.58909, 0.64904);
	// 623/1004 ± 3.0928 points = 58.96–65.14%.
	nan := math.NaN()
	est := func(moe, lo, hi, deff float64) Estimate {
		return Estimate{
			Question: "q", Category: "c", Count: 622, Base: 1004, Share: 622.0 / 1004, Method: "wilson", Deff: deff,
			Reconstructed: &Reconstruction{CountMin: 618, CountMax: 627, Percent: 62, MOE: moe, Lower: lo, Upper: hi},
		}
	}
	for _, tt := range []struct {
		name           string
		e              Estimate
		ok, consistent bool
		interval       bool
		moe, maxMOE    float64
	}{
		{name: "moe at the share", e: est(3.0, nan, nan, 1), ok: true, consistent: true, moe: 3.00313, maxMOE: 3.09280},
		{name: "maximum moe of the sample", e: est(3.1, nan, nan, 1), ok: true, consistent: true, moe: 3.00313, maxMOE: 3.09280},
		{name: "moe with two decimals off by more than its rounding", e: est(3.20, nan, nan, 1), ok: true, consistent: false, moe: 3.00313, maxMOE: 3.09280},
		{name: "moe of another base", e: est(0.5, nan, nan, 1), ok: true, consistent: false, moe: 3.00313, maxMOE: 3.09280},
		{name: "moe on the effective sample size", e: est(4.4, nan, nan, 2), ok: true, consistent: true, moe: 4.24707, maxMOE: 4.37387},
		{name: "moe without the design effect", e: est(3.0, nan, nan, 2), ok: true, consistent: false, moe: 4.24707, maxMOE: 4.37387},
		{name: "Wilson interval", e: est(nan, 58.9, 64.9, 1), ok: true, consistent: true, interval: true, moe: 3.00313, maxMOE: 3.09280},
		{name: "share ± maximum moe", e: est(nan, 59.0, 65.1, 1), ok: true, consistent: true, interval: true, moe: 3.00313, maxMOE: 3.09280},
		{name: "interval of another base", e: est(nan, 52, 72, 1), ok: true, consistent: false, interval: true, moe: 3.00313, maxMOE: 3.09280},
		{name: "nothing published", e: est(nan, nan, nan, 1)},
		{name: "not reconstructed", e: Estimate{Count: 622, Base: 1004, Share: 0.62}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, ok := CheckPrecision(tt.e, 0.95)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if !ok {
				return
			}
			if c.Consistent != tt.consistent || c.Interval != tt.interval {
				t.Errorf("consistent, interval = %v, %v; want %v, %v", c.Consistent, c.Interval, tt.consistent, tt.interval)
			}
			if math.Abs(c.MOE-tt.moe) > 1e-5 || math.Abs(c.MaxMOE-tt.maxMOE) > 1e-5 {
				t.Errorf("moe, max = %.5f, %.5f; want %.5f, %.5f", c.MOE, c.MaxMOE, tt.moe, tt.maxMOE)
			}
			if !(c.Lower <= 100*tt.e.Share && 100*tt.e.Share <= c.Upper) {
				t.Errorf("interval %.2f–%.2f does not hold the share %.2f", c.Lower, c.Upper, 100*tt.e.Share)
			}
		})
	}
}
