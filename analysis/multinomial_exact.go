package analysis

import (
	"github.com/surveystat/surveystat/analysis/dist"
	"math"

	"gonum.org/v1/gonum/dsp/fourier"
)

// Exact Sison–Glaz coverage ν(t), used by sisonGlaz when the Edgeworth
// approximation cannot be used (see MultinomialIntervals).

// dpois returns P(Z = y) for Z ~ Poisson(lambda), integer y ≥ 0 and
// lambda > 0, by Loader's saddle-point formula as R's dpois_raw (full
// relative accuracy also far in the tails and for large lambda).
func dpois(y, lambda float64) float64 {
	if y == 0 {
		return math.Exp(-lambda)
	}
	return math.Exp(-dist.StirlingError(y)-dist.DevianceTerm(y, lambda)) / math.Sqrt(2*math.Pi*y)
}

// sisonGlazExactNu returns ν(t) = P(|Xᵢ − xᵢ| ≤ t for all i) for
// X ~ Multinomial(n, p̂), p̂ᵢ = xᵢ/n, the xᵢ being counts (whole numbers
// summing to n > 0), exactly up to rounding. By Sison and Glaz's formula
// (2), with Yᵢ ~ Poisson(xᵢ) independent and [aᵢ, bᵢ] =
// [max(xᵢ − t, 0), min(xᵢ + t, n)],
//
//	ν(t) = n!/(nⁿe⁻ⁿ) · P(Yᵢ ∈ [aᵢ, bᵢ] for all i, ΣYᵢ = n),
//
// and the joint probability on the right is the coefficient of n in the
// convolution of the Poisson probabilities restricted to [aᵢ, bᵢ]. A
// category with xᵢ = 0 has Yᵢ = 0 surely (Poisson(0) is a point mass at 0,
// inside [0, t] for every t ≥ 0) and so contributes the factor 1.
//
// The convolution runs over the window of attainable partial sums only,
// [Σaⱼ, min(Σbⱼ, n)], so one call costs O(k·min(n, 2kt)·t) operations
// for k non-zero categories; the partial convolutions are rescaled to a
// maximum of 1 with the logarithm of the scale kept apart, so that many
// categories cannot underflow. ν(t) = 1 for t ≥ n.
func sisonGlazExactNu(counts []float64, n, t float64) float64 {
	nu, _ := sisonGlazExactNuBudget(counts, n, t, math.Inf(1))
	return nu
}

// sisonGlazExactNuBudget is sisonGlazExactNu, giving up (ok false) when
// the convolutions would take more than budget multiply-adds.
func sisonGlazExactNuBudget(counts []float64, n, t, budget float64) (nu float64, ok bool) {
	if t >= n {
		return 1, true
	}
	if t < 0 {
		return 0, true
	}
	// The truncation windows [aᵢ, bᵢ] of the non-zero categories, and
	// rest[i] = Σ_{j ≥ i} (a_j, b_j), so that partial sums that the
	// remaining categories cannot complete to n are dropped.
	type window struct{ x, a, b float64 }
	var ws []window
	for _, x := range counts {
		if x > 0 {
			ws = append(ws, window{x, math.Max(x-t, 0), math.Min(x+t, n)})
		}
	}
	restA := make([]float64, len(ws)+1)
	restB := make([]float64, len(ws)+1)
	for i := len(ws) - 1; i >= 0; i-- {
		restA[i] = restA[i+1] + ws[i].a
		restB[i] = restB[i+1] + ws[i].b
	}
	// cur[j] ∝ P(Y₁ + … + Yᵢ = lo + j, each Y in its window), the
	// proportionality factor being exp(−logScale).
	cur := []float64{1}
	lo := 0.0
	logScale := 0.0
	cost := 0.0
	for i, w := range ws {
		newLo := math.Max(lo+w.a, n-restB[i+1])
		newHi := math.Min(lo+float64(len(cur)-1)+w.b, n-restA[i+1])
		if newHi < newLo {
			return 0, true
		}
		pmf := make([]float64, int(w.b-w.a)+1)
		for m := range pmf {
			pmf[m] = dpois(w.a+float64(m), w.x)
		}
		next := make([]float64, int(newHi-newLo)+1)
		// next[s] = Σ_j cur[j]·pmf[m] over lo + j + a + m = newLo + s.
		off := int(newLo - lo - w.a) // m = s + off − j
		// The direct sum does at most min(len(cur), len(next)) multiply-
		// adds per pmf entry; above directMax of them the convolution is
		// taken by FFT instead, in O(L log L) for L ≈ len(cur) + len(pmf).
		direct := math.Min(float64(len(cur)), float64(len(next))) * float64(len(pmf))
		if direct <= directMax {
			cost += direct
		} else {
			l := nextPow2(len(cur) + len(pmf) - 1)
			cost += 10 * float64(l) * math.Log2(float64(l))
		}
		if cost > budget {
			return 0, false
		}
		if direct <= directMax {
			for s := range next {
				jMin := max(0, s+off-len(pmf)+1)
				jMax := min(len(cur)-1, s+off)
				v := 0.0
				for j := jMin; j <= jMax; j++ {
					v += cur[j] * pmf[s+off-j]
				}
				next[s] = v
			}
		} else {
			conv := convolveFFT(cur, pmf)
			for s := range next {
				if m := s + off; m >= 0 && m < len(conv) {
					next[s] = math.Max(conv[m], 0) // FFT rounding leaves tiny negatives
				}
			}
		}
		peak := 0.0
		for _, v := range next {
			peak = math.Max(peak, v)
		}
		if peak == 0 {
			return 0, true
		}
		for s := range next {
			next[s] /= peak
		}
		logScale += math.Log(peak)
		cur, lo = next, newLo
	}
	j := int(n - lo)
	if j < 0 || j >= len(cur) || cur[j] == 0 {
		return 0, true
	}
	// log(n!/(nⁿe⁻ⁿ)) = log √(2πn) + stirlerr(n).
	nu = math.Exp(logScale + math.Log(cur[j]) + 0.5*math.Log(2*math.Pi*n) + dist.StirlingError(n))
	return math.Min(nu, 1), true
}

// directMax is the number of multiply-adds above which one step of the
// exact ν's convolution is done by FFT (gonum dsp/fourier). The FFT's
// rounding error is about 1e-16·log₂L relative to the largest term of the
// (rescaled) convolution, negligible at the sum n, which lies in its
// bulk.
const directMax = 4e6

// nextPow2 returns the smallest power of two ≥ n.
func nextPow2(n int) int {
	l := 1
	for l < n {
		l *= 2
	}
	return l
}

// convolveFFT returns the full linear convolution of a and b
// (length len(a) + len(b) − 1) by FFT.
func convolveFFT(a, b []float64) []float64 {
	n := len(a) + len(b) - 1
	l := nextPow2(n)
	fft := fourier.NewFFT(l)
	pa := make([]float64, l)
	pb := make([]float64, l)
	copy(pa, a)
	copy(pb, b)
	ca := fft.Coefficients(nil, pa)
	cb := fft.Coefficients(nil, pb)
	for i := range ca {
		ca[i] *= cb[i]
	}
	out := fft.Sequence(nil, ca)
	inv := 1 / float64(l)
	for i := range out {
		out[i] *= inv
	}
	return out[:n]
}

// exactBudget bounds the multiply-adds of one evaluation of the exact ν
// (about 0.1 s; a search makes at most about 2·log₂ n of them). One
// evaluation costs about k·(2t)² for k non-zero categories, and t grows
// as √n, so the budget is exceeded only by tables of millions of counts
// spread over several categories, far beyond the sparse tables the exact
// ν is needed for.
const exactBudget = 1e8

// sisonGlazExactT returns the t and γ of Sison and Glaz's intervals from
// the exact ν: t is the smallest integer t ≥ 0 with ν(t + 1) > level
// (there is one below n, as ν(n) = 1), and γ = (level − ν(t))/(ν(t + 1) −
// ν(t)). When already ν(0) = P(X = x) exceeds the level (as when all
// counts but one are zero: then p̂ puts all its mass on the observed
// table), ν(0) is taken as 0, the convention of the approximate path.
// ν is non-decreasing in t (the boxes are nested), so t is found by
// doubling and bisection, with O(log t) evaluations of ν at arguments
// below 2t + 2. ok is false when that would exceed exactBudget.
func sisonGlazExactT(counts []float64, n, level float64) (t, g float64, ok bool) {
	budget := exactBudget
	nu := func(t float64) float64 {
		if !ok {
			return 0
		}
		var v float64
		v, ok = sisonGlazExactNuBudget(counts, n, t, budget)
		return v
	}
	ok = true
	// Invariant: ν(lo) ≤ level (or lo = −1) and ν(hi) > level.
	lo, hi := -1.0, 1.0
	for ok && nu(hi) <= level {
		lo = hi
		hi = math.Min(2*hi, n)
	}
	for ok && hi-lo > 1 {
		mid := math.Floor((lo + hi) / 2)
		if nu(mid) <= level {
			lo = mid
		} else {
			hi = mid
		}
	}
	// hi is the smallest t with ν(t) > level, so t = hi − 1, unless hi = 0.
	if hi == 0 {
		g = level / nu(1)
		return 0, g, ok
	}
	t = hi - 1
	nuT, nuNext := nu(t), nu(hi)
	return t, (level - nuT) / (nuNext - nuT), ok
}
