package analysis

import (
	"math"
	"sort"
)

// HolmAdjust returns Holm's (1979) step-down adjusted p-values, as R's
// p.adjust(p, method = "holm"): with p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted values,
//
//	p̃₍ᵢ₎ = min(1, max_{j ≤ i} (m − j + 1)·p₍ⱼ₎).
//
// NaN entries (R's NA) stay NaN and do not count in m. The result is a new
// slice in the order of p. Holm controls the family-wise error rate under
// any dependence between the tests.
func HolmAdjust(p []float64) []float64 {
	idx, m := adjustOrder(p, false)
	out := adjustNaN(p)
	run := 0.0
	for i, k := range idx {
		run = math.Max(run, float64(m-i)*p[k])
		out[k] = math.Min(1, run)
	}
	return out
}

// BHAdjust returns Benjamini & Hochberg's (1995) step-up adjusted p-values
// (false discovery rate), as R's p.adjust(p, method = "BH"): with the
// sorted values p₍₁₎ ≤ … ≤ p₍ₘ₎,
//
//	p̃₍ᵢ₎ = min(1, min_{j ≥ i} m·p₍ⱼ₎/j).
//
// NaN entries stay NaN and do not count in m. The result is a new slice in
// the order of p.
func BHAdjust(p []float64) []float64 {
	idx, m := adjustOrder(p, true)
	out := adjustNaN(p)
	run := math.Inf(1)
	for i, k := range idx {
		run = math.Min(run, float64(m)/float64(m-i)*p[k])
		out[k] = math.Min(1, run)
	}
	return out
}

// adjustOrder returns the indices of the non-NaN entries of p sorted by
// value (decreasing if desc; ties in input order, as R's order()) and
// their number.
func adjustOrder(p []float64, desc bool) ([]int, int) {
	var idx []int
	for i, v := range p {
		if !math.IsNaN(v) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if desc {
			return p[idx[a]] > p[idx[b]]
		}
		return p[idx[a]] < p[idx[b]]
	})
	return idx, len(idx)
}

func adjustNaN(p []float64) []float64 {
	out := make([]float64, len(p))
	for i, v := range p {
		if math.IsNaN(v) {
			out[i] = math.NaN()
		}
	}
	return out
}
