package analysis

import (
	"errors"
	"math"
	"testing"
)

// round4 rounds to 4 decimals, as published tables are.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

// Newcombe (1998), Table I: 95% intervals for 81/263, 15/148, 0/20 and
// 1/29 by the methods of that paper; Jeffreys from Brown, Cai and
// DasGupta's definition reproduces the same table's Bayesian column.
func TestNewcombeTableI(t *testing.T) {
	cases := [][2]float64{{81, 263}, {15, 148}, {0, 20}, {1, 29}}
	want := map[string][4][2]float64{
		"wilson":          {{.2553, .3662}, {.0624, .1605}, {0, .1611}, {.0061, .1718}},
		"wilson-cc":       {{.2535, .3682}, {.0598, .1644}, {0, .2005}, {.0018, .1963}},
		"clopper-pearson": {{.2527, .3676}, {.0578, .1617}, {0, .1684}, {.0009, .1776}},
		"mid-p":           {{.2544, .3658}, {.0601, .1581}, {0, .1391}, {.0017, .1585}},
		"jeffreys":        {{.2545, .3656}, {.0604, .1576}, {0, .1166}, {.0037, .1501}},
		"agresti-coull":   {{.2552, .3663}, {.0614, .1615}, {0, .1898}, {0, .1863}},
	}
	for method, rows := range want {
		for i, c := range cases {
			got, err := ProportionInterval(method, c[0], c[1], 0.95, TwoSided)
			if err != nil {
				t.Errorf("%s %v/%v: %v", method, c[0], c[1], err)
				continue
			}
			if round4(got.Lower) != rows[i][0] || round4(got.Upper) != rows[i][1] {
				t.Errorf("%s %v/%v = %.6f–%.6f, want %.4f–%.4f", method, c[0], c[1], got.Lower, got.Upper, rows[i][0], rows[i][1])
			}
		}
	}
}

func TestClopperPearsonExact(t *testing.T) {
	tests := []struct {
		x, n, level float64
		alt         Alternative
		lo, hi      float64
	}{
		// R: binom.test(5, 20)$conf.int.
		{5, 20, 0.95, TwoSided, 0.0865714691, 0.4910458717},
		// R: binom.test(51, 235, 1/6, "greater"/"less")$conf.int.
		{51, 235, 0.95, Greater, .1735252778065201, 1},
		{51, 235, 0.95, Less, 0, .2659460862574313},
	}
	for _, tt := range tests {
		got, err := ProportionInterval("clopper-pearson", tt.x, tt.n, tt.level, tt.alt)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.Lower-tt.lo) > 1e-10 || math.Abs(got.Upper-tt.hi) > 1e-10 {
			t.Errorf("CP %v/%v %v = %.12f–%.12f, want %.12f–%.12f", tt.x, tt.n, tt.alt, got.Lower, got.Upper, tt.lo, tt.hi)
		}
	}
}

// Closed forms at the edges, which the root finders must reproduce.
func TestIntervalEdgesClosedForm(t *testing.T) {
	for _, n := range []float64{1, 7, 20, 1000, 100000} {
		for _, level := range []float64{0.9, 0.95, 0.99} {
			alpha := 1 - level
			z := zQuantile(level)
			checks := []struct {
				method string
				x      float64
				lower  bool
				want   float64
			}{
				{"mid-p", 0, false, 1 - math.Pow(alpha, 1/n)},
				{"mid-p", n, true, math.Pow(alpha, 1/n)},
				{"clopper-pearson", 0, false, 1 - math.Pow(alpha/2, 1/n)},
				{"clopper-pearson", n, true, math.Pow(alpha/2, 1/n)},
				{"likelihood", 0, false, -math.Expm1(-z * z / (2 * n))},
				{"likelihood", n, true, math.Exp(-z * z / (2 * n))},
			}
			for _, c := range checks {
				iv, err := ProportionInterval(c.method, c.x, n, level, TwoSided)
				if err != nil {
					t.Fatal(err)
				}
				got := iv.Upper
				if c.lower {
					got = iv.Lower
				}
				if math.Abs(got-c.want) > 1e-12*math.Max(1, 1/c.want) {
					t.Errorf("%s %v/%v at %v: bound %.15g, want %.15g", c.method, c.x, n, level, got, c.want)
				}
			}
		}
	}
}

func TestProportionIntervalErrors(t *testing.T) {
	tests := []struct {
		method      string
		x, n, level float64
		alt         Alternative
		want        error
	}{
		{"wilson", 1, 0, 0.95, TwoSided, ErrEmptyBase},
		{"wilson", 1, math.NaN(), 0.95, TwoSided, ErrEmptyBase},
		{"clopper-pearson", 3, 2, 0.95, TwoSided, ErrCount},
		{"jeffreys", -1, 2, 0.95, TwoSided, ErrCount},
		{"logit", math.NaN(), 2, 0.95, TwoSided, ErrCount},
		{"wald", 1, 2, 0, TwoSided, ErrLevel},
		{"wald", 1, 2, 1, TwoSided, ErrLevel},
		{"likelihood", 1, 2, math.NaN(), TwoSided, ErrLevel},
		{"agresti-coull", 1, 2, 0.4, Greater, ErrLevel},
		{"mid-p", 1.5, 2, 0.95, TwoSided, ErrNonInteger},
		{"nope", 1, 2, 0.95, TwoSided, ErrMethod},
	}
	for _, tt := range tests {
		_, err := ProportionInterval(tt.method, tt.x, tt.n, tt.level, tt.alt)
		if !errors.Is(err, tt.want) {
			t.Errorf("ProportionInterval(%q, %v, %v, %v, %v) error = %v, want %v", tt.method, tt.x, tt.n, tt.level, tt.alt, err, tt.want)
		}
	}
}

func TestMethodNamesDispatch(t *testing.T) {
	names := MethodNames()
	if names[0] != "wilson" {
		t.Errorf("default method = %q, want wilson", names[0])
	}
	seen := map[Interval]string{}
	for _, m := range names {
		iv, err := ProportionInterval(m, 3, 17, 0.95, TwoSided)
		if err != nil {
			t.Errorf("%s: %v", m, err)
			continue
		}
		// Every method gives a different interval for 3/17: the
		// dispatcher does not route two names to the same function.
		if other, dup := seen[iv]; dup {
			t.Errorf("%s and %s give the same interval %v", m, other, iv)
		}
		seen[iv] = m
	}
}

// One-sided bounds are the bounds of the two-sided interval at 2L − 1.
func TestOneSided(t *testing.T) {
	for _, m := range MethodNames() {
		two, err := ProportionInterval(m, 7, 40, 0.90, TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		lo, _ := ProportionInterval(m, 7, 40, 0.95, Greater)
		hi, _ := ProportionInterval(m, 7, 40, 0.95, Less)
		// 2·0.95 − 1 is 0.8999999999999999 in floating point.
		near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-13 }
		if !near(lo.Lower, two.Lower) || lo.Upper != 1 || hi.Lower != 0 || !near(hi.Upper, two.Upper) {
			t.Errorf("%s: one-sided %v and %v, two-sided 90%% %v", m, lo, hi, two)
		}
	}
}

func TestFindRoot(t *testing.T) {
	tests := []struct {
		name string
		f    func(float64) float64
		a, b float64
		want float64
	}{
		{"linear", func(x float64) float64 { return x - 0.3 }, 0, 1, 0.3},
		{"root at a", func(x float64) float64 { return x }, 0, 1, 0},
		{"root at b", func(x float64) float64 { return x - 1 }, 0, 1, 1},
		{"reversed bracket", func(x float64) float64 { return x*x - 2 }, 2, 0, math.Sqrt2},
		{"tiny root", func(x float64) float64 { return math.Log(x) + 600 }, 0, 1, math.Exp(-600)},
		{"infinite end", func(x float64) float64 { return -math.Log(x) - 3 }, 0, 1, math.Exp(-3)},
		{"step", func(x float64) float64 {
			if x < 0.25 {
				return -1
			}
			return 1
		}, 0, 1, 0.25},
		{"flat then steep", func(x float64) float64 { return math.Pow(x, 21) - 1e-21 }, 0, 1, 0.1},
	}
	for _, tt := range tests {
		got, err := findRoot(tt.f, tt.a, tt.b, 0)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if math.Abs(got-tt.want) > 4e-16*math.Max(1, math.Abs(tt.want)) && math.Abs(got-tt.want) > 1e-14*tt.want {
			t.Errorf("%s: root %.17g, want %.17g", tt.name, got, tt.want)
		}
	}
	if _, err := findRoot(func(x float64) float64 { return 1 + x*x }, -1, 1, 0); !errors.Is(err, errNoBracket) {
		t.Errorf("no sign change: error %v, want errNoBracket", err)
	}
	if _, err := findRoot(func(x float64) float64 { return math.NaN() }, -1, 1, 0); !errors.Is(err, errNoBracket) {
		t.Errorf("NaN: error %v, want errNoBracket", err)
	}
}
