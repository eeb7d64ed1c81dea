package analysis

import (
	"fmt"
	"strings"
)

// MethodNames lists the single-proportion interval methods by the names used
// in study files and on the command line; the first is the default.
func MethodNames() []string {
	return []string{"wilson"}
}

// ProportionInterval returns the interval of the named method for x
// successes in n trials at the given level. For a one-sided alternative the
// informative bound is that of the two-sided interval at level 2·level − 1
// and the other bound is 0 (Less) or 1 (Greater).
func ProportionInterval(method string, x, n, level float64, alt Alternative) (Interval, error) {
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
	var iv Interval
	var err error
	switch method {
	case "wilson", "":
		iv, err = Wilson(x, n, two)
	default:
		return Interval{}, fmt.Errorf("unknown interval method %q (want one of %s)", method, strings.Join(MethodNames(), ", "))
	}
	if err != nil {
		return Interval{}, err
	}
	switch alt {
	case Less:
		iv.Lower = 0
	case Greater:
		iv.Upper = 1
	}
	return iv, nil
}
