package analysis

import (
	"math"
	"testing"
)

// TestIssue13Quantiles are the failures of item 1 of issue 13 (gonum's
// inverse beta far in the tail) as regression tests, with R's values:
// binom.test and qbeta(lower.tail = FALSE) at level 0.999999, n up to 1e8.
func TestIssue13Quantiles(t *testing.T) {
	lv := 0.999999
	for _, c := range []struct {
		name         string
		method       string
		x, n         float64
		alt          Alternative
		lower, upper float64 // R
		tolLo, tolUp float64
	}{
		// binom.test(0, 57, conf.level = 0.999999): R forms 1 − α/2 and
		// loses the digits beyond 1e-12; the closed form is
		// 1 − (α/2)^(1/57) = 0.22472529553620407.
		{"clopper-pearson 0/57", "clopper-pearson", 0, 57, TwoSided, 0, 0.22472529553620407, 0, 1e-14},
		{"clopper-pearson 57/57", "clopper-pearson", 57, 57, TwoSided, 0.77527470446379587, 1, 1e-14, 0},
		// qbeta(α/2, 0.5, 57.5, lower.tail = FALSE)
		{"jeffreys 0/57", "jeffreys", 0, 57, TwoSided, 0, 0.19798255203071513, 0, 1e-14},
		// binom.test(0, 57, alternative = "less", conf.level = 0.999999)
		{"clopper-pearson 0/57 less", "clopper-pearson", 0, 57, Less, 0, 0.21524002964814282, 0, 1e-12},
		// one-sided Jeffreys at 0.999999: qbeta(1e-6, 0.5, 57.5, lower.tail = FALSE)
		{"jeffreys 0/57 less", "jeffreys", 0, 57, Less, 0, 0.18857344466839221, 0, 1e-14},
		{"clopper-pearson 5e7/1e8", "clopper-pearson", 5e7, 1e8, TwoSided, 0.49975541309145860, 0.50024458690854146, 1e-14, 1e-14},
		{"clopper-pearson 3/1e8", "clopper-pearson", 3, 1e8, TwoSided, 1.4474761969356002e-10, 2.2148419204335653e-07, 1e-20, 1e-18},
		{"jeffreys 3/1e8", "jeffreys", 3, 1e8, TwoSided, 3.2157106663570866e-10, 2.1044215755376638e-07, 1e-20, 1e-18},
	} {
		iv, err := ProportionInterval(c.method, c.x, c.n, lv, c.alt)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if math.Abs(iv.Lower-c.lower) > c.tolLo || math.Abs(iv.Upper-c.upper) > c.tolUp {
			t.Errorf("%s: [%.17g, %.17g], R [%.17g, %.17g]", c.name, iv.Lower, iv.Upper, c.lower, c.upper)
		}
	}
}
