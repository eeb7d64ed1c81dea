package analysis

import (
	"fmt"
	"strings"
)

// MethodNames lists the single-proportion interval methods by the names used
// in study files and on the command line; the first is the default.
func MethodNames() []string {
	return []string{
		"wilson",
		"wilson-cc",
		"clopper-pearson",
		"jeffreys",
		"agresti-coull",
		"wald",
		"mid-p",
		"likelihood",
		"logit",
	}
}

// intervalFunc returns the two-sided interval function of the named method.
func intervalFunc(method string) (func(x, n, level float64) (Interval, error), bool) {
	switch method {
	case "wilson", "":
		return Wilson, true
	case "wilson-cc":
		return WilsonCC, true
	case "clopper-pearson":
		return ClopperPearson, true
	case "jeffreys":
		return Jeffreys, true
	case "agresti-coull":
		return AgrestiCoull, true
	case "wald":
		return Wald, true
	case "mid-p":
		return MidP, true
	case "likelihood":
		return LikelihoodRatio, true
	case "logit":
		return Logit, true
	}
	return nil, false
}

// ProportionInterval returns the interval of the named method (one of
// MethodNames; "" means the default, "wilson") for x successes in n trials
// at the given level. For a one-sided alternative the informative bound is
// that of the two-sided interval at level 2·level − 1 and the other bound
// is 0 (Less) or 1 (Greater); level must then exceed 1/2.
func ProportionInterval(method string, x, n, level float64, alt Alternative) (Interval, error) {
	f, ok := intervalFunc(method)
	if !ok {
		return Interval{}, fmt.Errorf("interval method %q: %w (want one of %s)", method, ErrMethod, strings.Join(MethodNames(), ", "))
	}
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	two := level
	if alt != TwoSided {
		two = 2*level - 1
		if two <= 0 {
			return Interval{}, fmt.Errorf("one-sided level %v: %w (must exceed 0.5)", level, ErrLevel)
		}
	}
	iv, err := f(x, n, two)
	if err != nil {
		return Interval{}, err
	}
	if iv, err = containing(iv, x/n); err != nil {
		return Interval{}, fmt.Errorf("%s interval of %v in %v: %w", method, x, n, err)
	}
	return oneSided(iv, alt), nil
}
