package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestEvaluateClaim(t *testing.T) {
	tests := []struct {
		name      string
		e         Estimate
		op        string
		p0        float64
		supported bool
		test      string
		bound     float64 // checked when non-zero, to 1e-9
		p         float64 // checked when non-zero, relative 1e-9
	}{
		// 280/700 = 40%: one-sided 95% Wilson upper bound is the two-sided
		// 90% upper bound.
		{"recall below half", Estimate{Count: 280, Base: 700, Method: "wilson"}, "<", 0.5, true, TestScore, 0, 0},
		{"oppose majority", Estimate{Count: 495, Base: 750, Method: "wilson"}, ">", 0.5, true, TestScore, 0, 0},
		{"approve under 10%", Estimate{Count: 52, Base: 750, Method: "wilson"}, "<", 0.10, true, TestScore, 0, 0},
		// R: prop.test(14, 30, 0.5, alternative = "less", correct = FALSE)$p.value
		{"not supported", Estimate{Count: 14, Base: 30, Method: "wilson"}, "<", 0.5, false, TestScore, 0, 0.357500327344045},
		// R: binom.test(51, 235, 1/6, alternative = "greater")$conf.int[1]
		{"exact lower bound", Estimate{Count: 51, Base: 235, Method: "clopper-pearson"}, ">", 1.0 / 6, true, TestExact, .1735252778065201, 0},
		// R: prop.test(14, 30, 0.7, alternative = "less", correct = TRUE)$p.value,
		// the test the continuity-corrected Wilson interval inverts.
		{"wilson-cc", Estimate{Count: 14, Base: 30, Method: "wilson-cc"}, "<", 0.7, true, TestByInversion("wilson-cc"), 0, 0.00480351058336297},
		// Wald: the z test with the SE at p̂, pnorm((0.3 − 0.5)/sqrt(0.3·0.7/20)).
		{"wald", Estimate{Count: 6, Base: 20, Method: "wald"}, "<", 0.5, true, TestByInversion("wald"), 0, 0.0254809684838816},
		// Jeffreys: the posterior tail, pbeta(0.5, 6.5, 14.5, lower = FALSE).
		{"jeffreys", Estimate{Count: 6, Base: 20, Method: "jeffreys"}, "<", 0.5, true, TestByInversion("jeffreys"), 0, 0.0354735868012933},
		// Mid-p: pbinom(5, 20, 0.5) + dbinom(6, 20, 0.5)/2, not the exact test.
		{"mid-p", Estimate{Count: 6, Base: 20, Method: "mid-p"}, "<", 0.5, true, TestByInversion("mid-p"), 0, 0.0391769409179688},
		// Design-based logit, p̂ = 0.53, SE = 0.01701, 14 df: the one-sided
		// 95% lower bound is 0.49997 (R: plogis(qlogis(0.53) −
		// qt(0.95, 14)·0.01701/(0.53·0.47))), not above 0.5, although the
		// linear t test gives p = 0.0498 (pt(0.03/0.01701, 14, lower = FALSE)).
		// R: pt((qlogis(0.53) − qlogis(0.5))/(0.01701/(0.53·0.47)), 14, lower = FALSE)
		{"design logit", Estimate{Share: 0.53, Method: "svy-logit", Design: &DesignEstimate{P: 0.53, Var: 0.01701 * 0.01701, SE: 0.01701, DF: 14, N: 600, NObs: 600, NEff: 900}},
			">", 0.5, false, TestByInversion("svy-logit"), 0.499967947280581, 0.0501642303236574},
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
			if r.Test != tt.test {
				t.Errorf("test %q, want %q", r.Test, tt.test)
			}
			if tt.bound != 0 && math.Abs(r.Bound-tt.bound) > 1e-9 {
				t.Errorf("bound %.16g, want %.16g", r.Bound, tt.bound)
			}
			if tt.p != 0 && math.Abs(r.PValue-tt.p) > 1e-9*tt.p {
				t.Errorf("p-value %.13g, want %.13g", r.PValue, tt.p)
			}
			if tt.e.Design != nil {
				return
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

// A claim on a suppressed estimate is not assessed, never supported, and
// carries the estimate's reason.
func TestEvaluateClaimSuppressed(t *testing.T) {
	for _, reason := range []string{ReasonMinBase, ReasonNoDF, ReasonNotComputable} {
		e := Estimate{Count: 1, Base: 10, Share: 0.1, Method: "wilson", Suppressed: true, Reason: reason}
		r, err := EvaluateClaim(e, "<", 0.5, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if r.Supported || r.NotAssessed != reason || !math.IsNaN(r.Bound) || !math.IsNaN(r.PValue) {
			t.Errorf("%s: got %+v", reason, r)
		}
	}
	// A design with no degrees of freedom that was not marked suppressed
	// is not assessed either.
	e := Estimate{Share: 0.2, Method: "svy-logit", Design: &DesignEstimate{P: 0.2, Var: 0.01, SE: 0.1, DF: 0, N: 5, NObs: 5, NEff: 5}}
	r, err := EvaluateClaim(e, "<", 0.5, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if r.Supported || r.NotAssessed != ReasonNoDF {
		t.Errorf("no df: got %+v", r)
	}
	// A reconstructed estimate under the minimum base: no range.
	e = Estimate{Count: 3, Base: 10, Share: 0.3, Method: "wilson", Suppressed: true, Reason: ReasonMinBase,
		Reconstructed: &Reconstruction{CountMin: 3, CountMax: 3}}
	r, rg, err := EvaluateClaimRange(e, "<", 0.5, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	if r.Supported || r.NotAssessed != ReasonMinBase || rg != nil {
		t.Errorf("reconstructed: got %+v, %+v", r, rg)
	}
}

// Over random shares, bases, designs, methods, thresholds and levels, the
// claim is supported exactly when p < 1 − level, and p is the α at which
// the one-sided bound reaches the threshold.
func TestEvaluateClaimAgreesWithBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	methods := MethodNames()
	checked := 0
	for i := 0; i < 3000; i++ {
		var e Estimate
		if i%2 == 0 {
			n := float64(5 + rng.IntN(400))
			x := float64(rng.IntN(int(n) + 1))
			e = Estimate{Count: x, Base: n, Share: x / n, Method: methods[rng.IntN(len(methods))]}
		} else {
			p := rng.Float64()
			if i%10 == 1 {
				p = float64(rng.IntN(2)) // p̂ = 0 or 1
			}
			n := 10 + rng.IntN(500)
			deff := 0.5 + 3*rng.Float64()
			v := math.Max(p*(1-p), 0.01) / float64(n) * deff
			dm := DesignMethodNames()
			e = Estimate{Share: p, Method: "svy-" + dm[rng.IntN(len(dm))], Design: &DesignEstimate{
				P: p, Var: v, SE: math.Sqrt(v), DF: 1 + rng.IntN(60), N: n, NObs: n, NEff: float64(n) / deff}}
		}
		op := "<"
		if rng.IntN(2) == 0 {
			op = ">"
		}
		p0 := 0.01 + 0.98*rng.Float64()
		level := []float64{0.9, 0.95, 0.975, 0.99}[rng.IntN(4)]
		r, err := EvaluateClaim(e, op, p0, level)
		if err != nil {
			t.Fatalf("%s %v %s %v: %v", e.Method, e.Share, op, p0, err)
		}
		if r.NotAssessed != "" {
			continue
		}
		checked++
		if r.Supported != (r.PValue < 1-level) {
			t.Errorf("%s p̂=%v %s %v at %v: supported %v, p %v", e.Method, e.Share, op, p0, level, r.Supported, r.PValue)
		}
		if r.PValue > 1e-9 && r.PValue < 0.5-1e-9 {
			// The bound at level 1 − p is the threshold. (Beyond 1/2 the
			// "bound" is the other limit, which for the exact and
			// Korn–Graubard intervals jumps at 1/2.)
			b, err := claimBound(e, map[string]Alternative{"<": Less, ">": Greater}[op])(1 - r.PValue)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(b-p0) > 1e-6 {
				t.Errorf("%s p̂=%v %s %v: bound at 1 − p (%v) is %v", e.Method, e.Share, op, p0, 1-r.PValue, b)
			}
		}
	}
	if checked < 2500 {
		t.Errorf("only %d claims assessed", checked)
	}
}

// R check: with R's svyciprop limit at level L as the threshold, the
// p-value of the claim that the share lies below (above) it is (1 − L)/2,
// for every method where DesignInterval reproduces R's limit.
func TestEvaluateClaimDesignR(t *testing.T) {
	cache := map[string][]map[string]string{}
	ests := map[string]DesignEstimate{}
	checked := 0
	for _, row := range designCSV(t, "svyciprop.csv") {
		key := row["design"] + "/" + row["share"] + "/" + row["domain"]
		e, ok := ests[key]
		if !ok {
			var err error
			if e, err = designEstimateR(t, cache, row["design"], row["share"], row["domain"]); err != nil {
				t.Fatal(err)
			}
			ests[key] = e
		}
		if e.P == 0 || e.P == 1 || noiseVariance(e) {
			continue
		}
		level, method := designNum(t, row["level"]), row["method"]
		mine, err := DesignInterval(method, e, level, TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		est := Estimate{Share: e.P, Method: "svy-" + method, Design: &e}
		tol := 1e-7
		if method == "likelihood" || method == "beta" {
			tol = 1e-4
		}
		for _, side := range []struct {
			op      string
			r, mine float64
		}{{"<", designNum(t, row["upper"]), mine.Upper}, {">", designNum(t, row["lower"]), mine.Lower}} {
			if !(side.r > 0 && side.r < 1) || math.Abs(side.r-side.mine) > 1e-6 || math.Abs(side.r-e.P) < 1e-6 {
				continue // R's limit folded or clipped, or not reproduced (see TestDesignIntervalR)
			}
			c, err := EvaluateClaim(est, side.op, side.r, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			want := (1 - level) / 2
			if math.Abs(c.PValue-want) > tol*want*100 {
				t.Errorf("%s %s %s at %v: p = %.10g, want %.10g", key, method, side.op, level, c.PValue, want)
			}
			checked++
		}
	}
	if checked < 1000 {
		t.Errorf("only %d limits checked", checked)
	}
}

// TestClaimDesignEdge: a claim on a design-based share of 0, whose Method
// is MethodDesignEdge, is assessed on the Korn–Graubard limit. The case is
// the trial of issue #13 (raked design, region "2", q2, 158 of 427
// respondents, Kish's n_eff 44.42792, 2 df): its two-sided 95% upper limit
// with n = 427, R's nrow() of a raked subset, is 0.3282522 (kg4.R), the
// one-sided 97.5% bound.
func TestClaimDesignEdge(t *testing.T) {
	de := DesignEstimate{P: 0, DF: 2, N: 427, NObs: 158, NEff: 44.42792}
	for _, tc := range []struct {
		op        string
		p0        float64
		bound     float64
		supported bool
	}{
		{"<", 0.5, 0.3282522, true},
		{"<", 0.3, 0.3282522, false},
		{">", 0.01, 0, false},
	} {
		e := Estimate{Method: MethodDesignEdge, Share: 0, Base: 158, Level: 0.95, Design: &de}
		r, err := EvaluateClaim(e, tc.op, tc.p0, 0.975)
		if err != nil {
			t.Fatalf("%s %v: %v", tc.op, tc.p0, err)
		}
		if math.Abs(r.Bound-tc.bound) > 1e-6 || r.Supported != tc.supported || r.NotAssessed != "" {
			t.Errorf("%s %v: bound %v supported %v (%q); want %v, %v", tc.op, tc.p0, r.Bound, r.Supported, r.NotAssessed, tc.bound, tc.supported)
		}
		if (r.PValue < 0.025) != r.Supported {
			t.Errorf("%s %v: p = %v disagrees with the verdict", tc.op, tc.p0, r.PValue)
		}
	}
}
