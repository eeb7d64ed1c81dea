package analysis

import (
	"errors"
	"fmt"
	"math"
)

// Interval is a confidence interval [Lower, Upper] for a proportion or a
// difference of proportions.
type Interval struct {
	Lower, Upper float64
}

// Alternative says which side(s) of an interval or test are of interest.
type Alternative int

const (
	// TwoSided is a two-sided interval or test.
	TwoSided Alternative = iota
	// Less is the one-sided alternative "p < p0": only an upper bound is
	// informative, the lower bound is the smallest possible value.
	Less
	// Greater is the one-sided alternative "p > p0": only a lower bound is
	// informative, the upper bound is the largest possible value.
	Greater
)

// String returns the name used in study files and on the command line.
func (a Alternative) String() string {
	switch a {
	case Less:
		return "less"
	case Greater:
		return "greater"
	default:
		return "two-sided"
	}
}

// ParseAlternative parses "two-sided", "less" or "greater".
func ParseAlternative(s string) (Alternative, error) {
	switch s {
	case "", "two-sided", "two.sided":
		return TwoSided, nil
	case "less":
		return Less, nil
	case "greater":
		return Greater, nil
	}
	return TwoSided, fmt.Errorf("unknown alternative %q (want two-sided, less or greater)", s)
}

// Errors returned for arguments no interval can be computed from.
var (
	ErrEmptyBase = errors.New("base is empty (n = 0)")
	ErrCount     = errors.New("count must be between 0 and the base")
	ErrLevel     = errors.New("confidence level must be strictly between 0 and 1")
	// ErrNonInteger is returned by methods defined only for whole-number
	// counts (mid-p, the exact binomial test, Sison–Glaz) when given a
	// fractional (for example weighted) count.
	ErrNonInteger = errors.New("method needs whole-number counts")
	// ErrNull is returned for a null proportion p0 outside [0, 1] (or
	// outside (0, 1) where the test needs a positive variance).
	ErrNull = errors.New("null proportion out of range")
	// ErrMethod is returned for an unknown method name.
	ErrMethod = errors.New("unknown method")
	// ErrDegenerate is returned by tests whose statistic is undefined for
	// the data, such as a two-sample test when every answer is the same.
	ErrDegenerate = errors.New("statistic is undefined for these data")
)

// checkBinomial validates x successes out of n at the given level.
func checkBinomial(x, n, level float64) error {
	switch {
	case math.IsNaN(n) || n <= 0 || math.IsInf(n, 0):
		return fmt.Errorf("n = %v: %w", n, ErrEmptyBase)
	case math.IsNaN(x) || x < 0 || x > n:
		return fmt.Errorf("x = %v, n = %v: %w", x, n, ErrCount)
	case math.IsNaN(level) || level <= 0 || level >= 1:
		return fmt.Errorf("level = %v: %w", level, ErrLevel)
	}
	return nil
}

// containing returns iv as an interval around the share p in [0, 1]:
// both limits finite, 0 ≤ Lower ≤ p ≤ Upper ≤ 1. A limit on the wrong side
// of p by rounding (a method evaluated where its variance is rounding
// noise) is moved to p; a limit that is NaN or infinite is an error
// wrapping ErrDegenerate. Every interval of a share leaves this package
// through it.
func containing(iv Interval, p float64) (Interval, error) {
	if math.IsNaN(iv.Lower) || math.IsNaN(iv.Upper) || math.IsInf(iv.Lower, 0) || math.IsInf(iv.Upper, 0) || math.IsNaN(p) {
		return Interval{}, fmt.Errorf("interval [%v, %v] around %v: %w", iv.Lower, iv.Upper, p, ErrDegenerate)
	}
	p = clip01(p)
	return Interval{Lower: clip01(math.Min(iv.Lower, p)), Upper: clip01(math.Max(iv.Upper, p))}, nil
}

// clip01 clips v to [0, 1].
func clip01(v float64) float64 {
	return math.Max(0, math.Min(1, v))
}

// oneSided keeps the informative bound of a two-sided interval computed at
// level 2L − 1 for a one-sided alternative: the upper bound for Less, the
// lower bound for Greater; the other bound becomes 0 or 1.
func oneSided(iv Interval, alt Alternative) Interval {
	switch alt {
	case Less:
		iv.Lower = 0
	case Greater:
		iv.Upper = 1
	}
	return iv
}
