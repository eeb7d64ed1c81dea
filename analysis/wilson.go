package analysis

import (
	"math"

	"github.com/surveystat/surveystat/analysis/dist"
)

// ZQuantile returns the standard normal quantile of a two-sided interval
// at the given level, Φ⁻¹(1 − (1 − level)/2): 1.959964 at 0.95.
func ZQuantile(level float64) float64 { return zQuantile(level) }

// zQuantile returns the standard normal quantile for a two-sided interval
// at the given level, z = Φ⁻¹(1 − (1 − level)/2), computed as −Φ⁻¹((1 −
// level)/2) so that levels close to 1 keep their digits.
func zQuantile(level float64) float64 {
	return dist.NormalQuantileUpper((1 - level) / 2)
}

// Wilson returns the two-sided Wilson score interval for x successes in n
// trials (Wilson 1927; Newcombe 1998, method 3), as R's
// prop.test(correct = FALSE) and statsmodels' proportion_confint(method =
// "wilson"):
//
//	centre = (x + z²/2) / (n + z²)
//	half   = z·√(p̂q̂/n + z²/4n²) / (1 + z²/n)
//
// At x = 0 the lower limit is exactly 0 and at x = n the upper limit is
// exactly 1.
func Wilson(x, n, level float64) (Interval, error) {
	if err := checkBinomial(x, n, level); err != nil {
		return Interval{}, err
	}
	z := zQuantile(level)
	return wilson(x, n, z), nil
}

func wilson(x, n, z float64) Interval {
	p := x / n
	z2 := z * z
	centre := (x + z2/2) / (n + z2)
	half := z * math.Sqrt(p*(1-p)/n+z2/(4*n*n)) / (1 + z2/n)
	iv := Interval{Lower: clip01(centre - half), Upper: clip01(centre + half)}
	if x == 0 {
		iv.Lower = 0
	}
	if x == n {
		iv.Upper = 1
	}
	return iv
}
