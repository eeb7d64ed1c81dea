package analysis

import (
	"errors"
	"math"
)

// errNoBracket is returned by findRoot when f does not change sign on the
// interval it is given.
var errNoBracket = errors.New("root finder: function does not change sign on the interval")

// findRoot returns a zero of f in [a, b] by Brent's method (Brent 1973,
// ch. 4, procedure zero; the algorithm of R's uniroot): inverse quadratic
// interpolation or secant steps, falling back to bisection whenever they
// would not shrink the bracket fast enough, so that it converges whenever f
// is continuous with f(a) and f(b) of opposite signs. An endpoint where f
// is zero is returned as is. Non-finite values of f are tolerated: a
// step that meets one bisects instead of interpolating.
//
// The result is within tol (absolute) plus a few units in the last place
// of the root. findRoot fails only if f(a) and f(b) have the same sign or
// either is NaN.
func findRoot(f func(float64) float64, a, b, tol float64) (float64, error) {
	fa, fb := f(a), f(b)
	switch {
	case math.IsNaN(fa) || math.IsNaN(fb):
		return math.NaN(), errNoBracket
	case fa == 0:
		return a, nil
	case fb == 0:
		return b, nil
	case (fa > 0) == (fb > 0):
		return math.NaN(), errNoBracket
	}
	const eps = 0x1p-52
	c, fc := a, fa
	d := b - a
	e := d
	for iter := 0; iter < 1000; iter++ {
		if (fb > 0) == (fc > 0) {
			c, fc = a, fa
			d = b - a
			e = d
		}
		if math.Abs(fc) < math.Abs(fb) {
			a, b, c = b, c, b
			fa, fb, fc = fb, fc, fb
		}
		tol1 := 2*eps*math.Abs(b) + 0.5*tol
		xm := 0.5 * (c - b)
		if math.Abs(xm) <= tol1 || fb == 0 {
			return b, nil
		}
		interpolate := math.Abs(e) >= tol1 && math.Abs(fa) > math.Abs(fb) &&
			!math.IsInf(fa, 0) && !math.IsInf(fb, 0) && !math.IsInf(fc, 0)
		if interpolate {
			var p, q float64
			s := fb / fa
			if a == c {
				// Secant step.
				p = 2 * xm * s
				q = 1 - s
			} else {
				// Inverse quadratic interpolation.
				qq := fa / fc
				r := fb / fc
				p = s * (2*xm*qq*(qq-r) - (b-a)*(r-1))
				q = (qq - 1) * (r - 1) * (s - 1)
			}
			if p > 0 {
				q = -q
			} else {
				p = -p
			}
			if 2*p < math.Min(3*xm*q-math.Abs(tol1*q), math.Abs(e*q)) && !math.IsNaN(p/q) {
				e = d
				d = p / q
			} else {
				interpolate = false
			}
		}
		if !interpolate {
			d = xm
			e = d
		}
		a, fa = b, fb
		if math.Abs(d) > tol1 {
			b += d
		} else if xm > 0 {
			b += tol1
		} else {
			b -= tol1
		}
		fb = f(b)
		if math.IsNaN(fb) {
			return math.NaN(), errNoBracket
		}
	}
	// Brent's method halves the bracket at least every few steps, so 1000
	// iterations are never needed for a float64 interval; return the best
	// point rather than fail.
	return b, nil
}
