package analysis

import (
	"math"
	"strconv"
)

// PrecisionCheck compares a published margin of error or interval of a
// share reconstructed from published figures with what its base gives.
type PrecisionCheck struct {
	// Interval is set when an interval was published (Reconstruction.Lower
	// and Upper), unset for a margin of error (Reconstruction.MOE).
	Interval bool
	// Consistent is set when the published precision is reproduced, within
	// its rounding, at some count compatible with the published share's
	// rounding: a margin of error as z·√(p(1 − p)/n) at that share or at
	// p = ½ (the "maximum margin of error" usually quoted for a whole
	// sample); an interval by one of MethodNames or as the share ± the
	// maximum margin of error.
	Consistent bool
	// MOE is the margin of error z·√(p(1 − p)/n) at the estimate's share
	// and MaxMOE that at p = ½, both in percentage points, n being the
	// effective sample size (base/deff). Lower and Upper are the interval
	// of the estimate's own method, in percent.
	MOE, MaxMOE, Lower, Upper float64
}

// CheckPrecision checks the margin of error or interval published with a
// reconstructed share e against its base at the given level (the study's
// confidence level). ok is false when nothing was published or e is not
// reconstructed. The rounding of a published value is taken from its
// decimals as read ("3.1": ±0.05); the formula is the normal
// approximation, 100·z_{1−α/2}·√(p(1 − p)/n) (Kish 1965, ch. 2).
func CheckPrecision(e Estimate, level float64) (c PrecisionCheck, ok bool) {
	rc := e.Reconstructed
	if rc == nil || !(e.Base > 0) || !(level > 0 && level < 1) {
		return c, false
	}
	hasMOE := !math.IsNaN(rc.MOE)
	hasCI := !math.IsNaN(rc.Lower) && !math.IsNaN(rc.Upper)
	if !hasMOE && !hasCI {
		return c, false
	}
	deff := e.Deff
	if !(deff > 0) {
		deff = 1
	}
	n := e.Base / deff
	z := zQuantile(level)
	moe := func(p float64) float64 { return 100 * z * math.Sqrt(p*(1-p)/n) }
	c.MOE, c.MaxMOE = moe(e.Share), moe(0.5)
	if iv, err := ProportionInterval(e.Method, e.Count/deff, n, level, TwoSided); err == nil {
		c.Lower, c.Upper = 100*iv.Lower, 100*iv.Upper
	} else if iv, err := Wilson(e.Count/deff, n, level); err == nil {
		c.Lower, c.Upper = 100*iv.Lower, 100*iv.Upper
	}
	lo, hi := rc.CountMin, rc.CountMax
	if !(lo <= hi) {
		lo, hi = e.Count, e.Count
	}
	if !hasCI {
		tol := roundingOf(rc.MOE)
		if math.Abs(rc.MOE-c.MaxMOE) <= tol {
			c.Consistent = true
			return c, true
		}
		// p(1 − p) over the compatible shares: smallest at an end, largest
		// at ½ when ½ lies between them.
		a, b := moe(lo/e.Base), moe(hi/e.Base)
		mn, mx := math.Min(a, b), math.Max(a, b)
		if lo/e.Base <= 0.5 && 0.5 <= hi/e.Base {
			mx = c.MaxMOE
		}
		c.Consistent = rc.MOE >= mn-tol && rc.MOE <= mx+tol
		return c, true
	}
	c.Interval = true
	tl, tu := roundingOf(rc.Lower), roundingOf(rc.Upper)
	near := func(l, u float64) bool { return math.Abs(100*l-rc.Lower) <= tl && math.Abs(100*u-rc.Upper) <= tu }
	for k := lo; k <= hi && !c.Consistent; k++ {
		p := k / e.Base
		if near(p-c.MaxMOE/100, p+c.MaxMOE/100) {
			c.Consistent = true
			break
		}
		for _, m := range MethodNames() {
			iv, err := ProportionInterval(m, k/deff, n, level, TwoSided)
			if err == nil && near(iv.Lower, iv.Upper) {
				c.Consistent = true
				break
			}
		}
	}
	return c, true
}

// roundingOf returns half a unit of the last decimal v is written with
// in its shortest form ("3.1" → 0.05, "3" → 0.5), plus a little for the
// binary representation.
func roundingOf(v float64) float64 {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	d := 0
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			d = len(s) - 1 - i
			break
		}
	}
	return 0.5*math.Pow(10, -float64(d)) + 1e-9
}
