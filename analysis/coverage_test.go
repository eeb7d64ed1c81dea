package analysis

import "testing"

// coverage returns the exact coverage probability of a method's interval
// at p: Σₓ Bin(x; n, p)·1[L(x) ≤ p ≤ U(x)].
func coverage(t *testing.T, method string, n int, p, level float64) float64 {
	t.Helper()
	var c float64
	for x := 0; x <= n; x++ {
		iv, err := ProportionInterval(method, float64(x), float64(n), level, TwoSided)
		if err != nil {
			t.Fatalf("%s %d/%d: %v", method, x, n, err)
		}
		if iv.Lower <= p && p <= iv.Upper {
			c += dbinom(float64(x), float64(n), p)
		}
	}
	return c
}

// Brown, Cai and DasGupta (2001): coverage of nominal 95% intervals quoted
// in their text and figures, reproduced by exact enumeration.
func TestCoverageBrownCaiDasGupta(t *testing.T) {
	tests := []struct {
		p    float64
		n    int
		want map[string]float64
	}{
		{.005, 592, map[string]float64{"wald": .7922, "wilson": .9688, "agresti-coull": .9688, "jeffreys": .9174, "clopper-pearson": .9891}},
		{.5, 40, map[string]float64{"wald": .9193, "wilson": .9615, "agresti-coull": .9615, "jeffreys": .9615, "clopper-pearson": .9615}},
		{.01, 100, map[string]float64{"wald": .6334, "wilson": .9206, "agresti-coull": .9816, "jeffreys": .9816, "clopper-pearson": .9816}},
	}
	for _, tt := range tests {
		for method, want := range tt.want {
			if got := coverage(t, method, tt.n, tt.p, 0.95); round4(got) != want {
				t.Errorf("coverage of %s at p = %v, n = %d: %.6f, want %.4f", method, tt.p, tt.n, got, want)
			}
		}
	}
}
