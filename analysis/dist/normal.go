package dist

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// NormalQuantile returns Φ⁻¹(p), the p quantile of the standard normal
// distribution, for 0 ≤ p ≤ 1 (−Inf at 0, +Inf at 1, NaN outside). It is
// gonum's mathext.NormalQuantile (Wichura's algorithm AS 241, accurate to
// about 1e-16 relative); for p > 1/2 it is −Φ⁻¹(1 − p), so a small lower
// tail keeps its digits.
func NormalQuantile(p float64) float64 {
	switch {
	case !(p >= 0 && p <= 1):
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	case p > 0.5:
		return -mathext.NormalQuantile(1 - p)
	}
	return mathext.NormalQuantile(p)
}

// NormalQuantileUpper returns the z with P(Z > z) = q, Z standard normal:
// −Φ⁻¹(q). The two-sided critical value at level 1 − α is
// NormalQuantileUpper(α/2).
func NormalQuantileUpper(q float64) float64 { return -NormalQuantile(q) }

// NormalSurvival returns P(Z > z) = erfc(z/√2)/2 for Z standard normal,
// with full relative precision in the upper tail.
func NormalSurvival(z float64) float64 { return 0.5 * math.Erfc(z/math.Sqrt2) }

// NormalCDF returns P(Z ≤ z) = erfc(−z/√2)/2.
func NormalCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }
