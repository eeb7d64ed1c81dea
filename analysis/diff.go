package analysis

import (
	"fmt"
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// NewcombeDiff returns Newcombe's hybrid score interval for the difference
// p1 − p2 of two independent proportions, x1 of n1 and x2 of n2 (Newcombe
// 1998b, method 10; statsmodels' confint_proportions_2indep(method =
// "newcomb")). With (l1, u1) and (l2, u2) the Wilson intervals of p̂1 and
// p̂2 at the same level and δ = p̂1 − p̂2,
//
//	L = δ − √((p̂1 − l1)² + (u2 − p̂2)²)
//	U = δ + √((u1 − p̂1)² + (p̂2 − l2)²)
//
// Newcombe RG (1998b). Interval estimation for the difference between
// independent proportions: comparison of eleven methods. Statistics in
// Medicine 17, 873–890.
func NewcombeDiff(x1, n1, x2, n2, level float64) (Interval, error) {
	if err := checkBinomial(x1, n1, level); err != nil {
		return Interval{}, fmt.Errorf("first sample: %w", err)
	}
	if err := checkBinomial(x2, n2, level); err != nil {
		return Interval{}, fmt.Errorf("second sample: %w", err)
	}
	z := zQuantile(level)
	w1, w2 := wilson(x1, n1, z), wilson(x2, n2, z)
	p1, p2 := x1/n1, x2/n2
	d := p1 - p2
	return Interval{
		Lower: math.Max(-1, d-math.Hypot(p1-w1.Lower, w2.Upper-p2)),
		Upper: math.Min(1, d+math.Hypot(w1.Upper-p1, p2-w2.Lower)),
	}, nil
}

// TwoSampleScoreTest tests the null hypothesis p1 = p2 for two independent
// proportions, x1 of n1 and x2 of n2, as R's prop.test(c(x1, x2), c(n1,
// n2), correct = FALSE) (Pearson's χ² test of the 2×2 table): with the
// pooled p̄ = (x1 + x2)/(n1 + n2),
//
//	X² = (p̂1 − p̂2)² / (p̄(1 − p̄)(1/n1 + 1/n2)),
//
// referred to χ²₁; one-sided p-values use z = sign(p̂1 − p̂2)·√X². When
// p̄ is 0 or 1 the statistic is undefined and ErrDegenerate is returned.
func TwoSampleScoreTest(x1, n1, x2, n2 float64, alt Alternative) (TestResult, error) {
	if err := checkBinomial(x1, n1, 0.5); err != nil {
		return TestResult{}, fmt.Errorf("first sample: %w", err)
	}
	if err := checkBinomial(x2, n2, 0.5); err != nil {
		return TestResult{}, fmt.Errorf("second sample: %w", err)
	}
	pbar := (x1 + x2) / (n1 + n2)
	if pbar == 0 || pbar == 1 {
		return TestResult{}, fmt.Errorf("two-sample test with pooled share %v: %w", pbar, ErrDegenerate)
	}
	z := (x1/n1 - x2/n2) / math.Sqrt(pbar*(1-pbar)*(1/n1+1/n2))
	return TestResult{
		Statistic: z * z,
		PValue:    normalPValue(z, alt),
		Method:    "Two-sample score test for equality of proportions (no continuity correction)",
	}, nil
}

// PairedMethodNames lists the methods of PairedDiff; the first is the
// default.
func PairedMethodNames() []string {
	return []string{"newcombe", "tango"}
}

// checkPaired validates the cells of a paired 2×2 table.
func checkPaired(a, b, c, d float64) (float64, error) {
	for _, v := range []float64{a, b, c, d} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return 0, fmt.Errorf("paired table cell %v: %w", v, ErrCount)
		}
	}
	n := a + b + c + d
	if n <= 0 || math.IsInf(n, 0) {
		return 0, fmt.Errorf("paired table: %w", ErrEmptyBase)
	}
	return n, nil
}

// PairedDiff returns an interval for the difference p1 − p2 of two
// proportions measured on the same respondents, from the 2×2 table of
// paired answers: a answered yes to both, b yes to the first only, c yes
// to the second only, d no to both, so that p̂1 = (a + b)/n, p̂2 =
// (a + c)/n and δ = (b − c)/n. Methods (PairedMethodNames):
//
// "newcombe" (default, also ""): Newcombe's hybrid score interval for
// paired data (Newcombe 1998c, method 10). With (l1, u1), (l2, u2) the
// Wilson intervals of p̂1 and p̂2 and φ the correlation of the paired
// answers,
//
//	L = δ − √((p̂1 − l1)² − 2φ(p̂1 − l1)(u2 − p̂2) + (u2 − p̂2)²)
//	U = δ + √((p̂2 − l2)² − 2φ(p̂2 − l2)(u1 − p̂1) + (u1 − p̂1)²)
//
// where φ = (ad − bc)/√((a+b)(c+d)(a+c)(b+d)), taken as 0 when any margin
// is empty, and continuity-corrected as Newcombe specifies: when ad > bc,
// φ = max(ad − bc − n/2, 0)/√(…).
//
// "tango": Tango's score interval (Tango 1998), the set of δ whose score
// statistic
//
//	T(δ) = (b − c − nδ) / √(n(2q̂(δ) + δ(1 − δ)))
//
// lies in [−z, z], q̂(δ) being the restricted maximum-likelihood
// probability of cell c: q̂ = (√(B² − 4AC) − B)/(2A), A = 2n,
// B = −b − c + (2n − b + c)δ, C = −cδ(1 − δ). The limits are found by
// Brent's method.
//
// Newcombe RG (1998c). Improved confidence intervals for the difference
// between binomial proportions based on paired data. Statistics in
// Medicine 17, 2635–2650. Tango T (1998). Equivalence test and confidence
// interval for the difference in proportions for the paired-sample
// design. Statistics in Medicine 17, 891–908.
func PairedDiff(a, b, c, d, level float64, method string) (Interval, error) {
	n, err := checkPaired(a, b, c, d)
	if err != nil {
		return Interval{}, err
	}
	if math.IsNaN(level) || level <= 0 || level >= 1 {
		return Interval{}, fmt.Errorf("level = %v: %w", level, ErrLevel)
	}
	switch method {
	case "newcombe", "":
		return pairedNewcombe(a, b, c, d, n, zQuantile(level)), nil
	case "tango":
		return pairedTango(b, c, n, zQuantile(level))
	}
	return Interval{}, fmt.Errorf("paired difference method %q: %w (want newcombe or tango)", method, ErrMethod)
}

func pairedNewcombe(a, b, c, d, n, z float64) Interval {
	w1, w2 := wilson(a+b, n, z), wilson(a+c, n, z)
	p1, p2 := (a+b)/n, (a+c)/n
	delta := (b - c) / n
	var phi float64
	if den := (a + b) * (c + d) * (a + c) * (b + d); den > 0 {
		num := a*d - b*c
		if num > 0 {
			num = math.Max(num-n/2, 0)
		}
		phi = num / math.Sqrt(den)
	}
	dl1, du1 := p1-w1.Lower, w1.Upper-p1
	dl2, du2 := p2-w2.Lower, w2.Upper-p2
	lo := dl1*dl1 - 2*phi*dl1*du2 + du2*du2
	hi := dl2*dl2 - 2*phi*dl2*du1 + du1*du1
	return Interval{
		Lower: math.Max(-1, delta-math.Sqrt(math.Max(lo, 0))),
		Upper: math.Min(1, delta+math.Sqrt(math.Max(hi, 0))),
	}
}

// tangoScore returns Tango's statistic T(δ); it is 0 at δ = (b − c)/n and
// ±Inf where the restricted variance vanishes.
func tangoScore(b, c, n, delta float64) float64 {
	num := b - c - n*delta
	if num == 0 {
		return 0
	}
	A := 2 * n
	B := -b - c + (2*n-b+c)*delta
	C := -c * delta * (1 - delta)
	q := (math.Sqrt(math.Max(B*B-4*A*C, 0)) - B) / (2 * A)
	v := n * (2*q + delta*(1-delta))
	if !(v > 0) {
		return math.Copysign(math.Inf(1), num)
	}
	return num / math.Sqrt(v)
}

func pairedTango(b, c, n, z float64) (Interval, error) {
	est := (b - c) / n
	iv := Interval{Lower: -1, Upper: 1}
	var err error
	if est > -1 {
		f := func(d float64) float64 { return tangoScore(b, c, n, d) - z }
		if iv.Lower, err = findRoot(f, -1, est, 0); err != nil {
			return Interval{}, fmt.Errorf("tango lower limit: %w", err)
		}
	}
	if est < 1 {
		f := func(d float64) float64 { return tangoScore(b, c, n, d) + z }
		if iv.Upper, err = findRoot(f, est, 1, 0); err != nil {
			return Interval{}, fmt.Errorf("tango upper limit: %w", err)
		}
	}
	return iv, nil
}

// PairedNewcombeTest returns the two-sided p-value that agrees with
// Newcombe's paired score interval (PairedDiff "newcombe") for the paired
// 2×2 table a, b, c, d: the α at which the interval at level 1 − α has
// 0 as a limit, so that p < α exactly when the interval at level 1 − α
// excludes 0 (a test by inversion of the interval). p = 1 when b = c. The
// statistic reported is the equivalent normal deviate z = Φ⁻¹(1 − p/2),
// squared, to be read as χ²₁ like McNemar's.
func PairedNewcombeTest(a, b, c, d float64) (TestResult, error) {
	n, err := checkPaired(a, b, c, d)
	if err != nil {
		return TestResult{}, err
	}
	const method = "Test by inversion of Newcombe's paired score interval (two-sided)"
	if b == c {
		return TestResult{Statistic: 0, PValue: 1, Method: method}, nil
	}
	// g(z) is the limit on the side of 0 of the interval with critical
	// value z (level 1 − 2(1 − Φ(z))), signed so that it is positive while
	// the interval excludes 0: at z = 0 the interval is [δ̂, δ̂], and it
	// widens with z.
	g := func(z float64) float64 {
		iv := pairedNewcombe(a, b, c, d, n, z)
		if b > c {
			return iv.Lower
		}
		return -iv.Upper
	}
	const zmax = 38.5 // 2(1 − Φ(38.5)) is below the smallest float64
	if g(zmax) >= 0 {
		return TestResult{Statistic: math.Inf(1), PValue: 0, Method: method}, nil
	}
	z, err := findRoot(g, 0, zmax, 0)
	if err != nil {
		return TestResult{}, fmt.Errorf("newcombe paired test: %w", err)
	}
	return TestResult{Statistic: z * z, PValue: 2 * dist.NormalSurvival(z), Method: method}, nil
}

// McNemarTest tests the null hypothesis p1 = p2 for paired proportions
// from the discordant cells b (yes to the first only) and c (yes to the
// second only), as R's mcnemar.test: X² = (|b − c| − k)²/(b + c) referred
// to χ²₁, with k = 1 when correct is set (R's default) and b ≠ c, and 0
// otherwise.
// It returns ErrEmptyBase when b + c = 0. For small b + c the exact
// version is BinomialTest(b, b + c, 0.5, TwoSided).
func McNemarTest(b, c float64, correct bool) (TestResult, error) {
	if _, err := checkPaired(0, b, c, 0); err != nil {
		return TestResult{}, fmt.Errorf("McNemar test: %w", err)
	}
	k := 0.0
	method := "McNemar's chi-squared test"
	if correct && b != c {
		k = 1
		method += " with continuity correction"
	}
	diff := math.Abs(b-c) - k
	stat := diff * diff / (b + c)
	return TestResult{Statistic: stat, PValue: math.Erfc(math.Sqrt(stat / 2)), Method: method}, nil
}
