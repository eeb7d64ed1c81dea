package analysis

import (
	"math"
	"testing"
)

func TestEvaluateClaim(t *testing.T) {
	tests := []struct {
		name      string
		e         Estimate
		op        string
		p0        float64
		supported bool
		bound     float64 // checked when non-zero, to 1e-9
	}{
		// 280/700 = 40%: one-sided 95% Wilson upper bound is the two-sided
		// 90% upper bound.
		{"recall below half", Estimate{Count: 280, Base: 700, Method: "wilson"}, "<", 0.5, true, 0},
		{"oppose majority", Estimate{Count: 495, Base: 750, Method: "wilson"}, ">", 0.5, true, 0},
		{"approve under 10%", Estimate{Count: 52, Base: 750, Method: "wilson"}, "<", 0.10, true, 0},
		{"not supported", Estimate{Count: 14, Base: 30, Method: "wilson"}, "<", 0.5, false, 0},
		// R: binom.test(51, 235, 1/6, alternative = "greater")$conf.int[1]
		{"exact lower bound", Estimate{Count: 51, Base: 235, Method: "clopper-pearson"}, ">", 1.0 / 6, true, .1735252778065201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := EvaluateClaim(tt.e, tt.op, tt.p0, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			if r.Supported != tt.supported {
				t.Errorf("supported = %v, want %v (bound %v, p %v)", r.Supported, tt.supported, r.Bound, r.PValue)
			}
			if (r.PValue < 0.05) != r.Supported {
				t.Errorf("p-value %v disagrees with the bound %v", r.PValue, r.Bound)
			}
			if tt.bound != 0 && math.Abs(r.Bound-tt.bound) > 1e-9 {
				t.Errorf("bound %.16g, want %.16g", r.Bound, tt.bound)
			}
			two, _ := ProportionInterval(tt.e.Method, tt.e.Count, tt.e.Base, 0.90, TwoSided)
			want := two.Upper
			if tt.op == ">" {
				want = two.Lower
			}
			if math.Abs(r.Bound-want) > 1e-12 {
				t.Errorf("bound %v is not the two-sided 90%% bound %v", r.Bound, want)
			}
		})
	}
	if _, err := EvaluateClaim(Estimate{Count: 1, Base: 2, Method: "wilson"}, "=", 0.5, 0.95); err == nil {
		t.Error("operator = accepted")
	}
}
