package analysis

import "fmt"

// rakeRounds is the number of rounds of residualisation over the margins,
// fixed at 10 in R's svyrecvar.
const rakeRounds = 10

// rakeAcc extends a design accumulator for raked weights. Besides the
// caller's components it keeps, per PSU, one component per margin category
// (m, l): Σ w_m over the respondents in category l of margin m, w_m the
// weight after margin m of the last sweep. And per raking cell (a
// combination of one category of every margin) it keeps the number of
// respondents and the sums of the caller's components divided by the
// weight. That is all R's residualisation needs: within a raking cell the
// ratios w_m/w are the same for every respondent, so the margin-category
// means of x/w_m, with x = Aᵀt per respondent, follow from the cell sums.
type rakeAcc struct {
	raking *Raking
	base   int   // caller's components
	comps  int   // margin categories, Σ_m levels_m
	off    []int // first component of margin m, after the caller's
	stride []int // mixed-radix key of a raking cell
	index  map[int]int
	cells  []rakeCell // in order of first appearance
	buf    []float64
}

type rakeCell struct {
	levels []int     // category of every margin
	h      []float64 // w_m / w: 1 / product of the later margins' factors
	n      float64   // respondents, in or out of any domain
	s      []float64 // Σ t/w over respondents with positive weight
}

func newRakeAcc(r *Raking, base int) (*rakeAcc, error) {
	if len(r.Factors) == 0 {
		return nil, fmt.Errorf("raking without margins: %w", ErrDesign)
	}
	a := &rakeAcc{raking: r, base: base, index: map[int]int{}}
	stride := 1
	for _, f := range r.Factors {
		if len(f) == 0 {
			return nil, fmt.Errorf("raking margin without categories: %w", ErrDesign)
		}
		for _, v := range f {
			if !(v > 0) || v > 1e300 {
				return nil, fmt.Errorf("raking factor %v: %w", v, ErrDesign)
			}
		}
		a.off = append(a.off, a.comps)
		a.stride = append(a.stride, stride)
		a.comps += len(f)
		if stride > (1<<53)/len(f) {
			return nil, fmt.Errorf("raking margins with too many combined categories: %w", ErrDesign)
		}
		stride *= len(f)
	}
	a.buf = make([]float64, base+a.comps)
	return a, nil
}

// add records count identical respondents with components t and returns
// their extended components (valid until the next call).
func (a *rakeAcc) add(r DesignRow, t []float64, count int) ([]float64, error) {
	if r.Raking != a.raking {
		return nil, fmt.Errorf("respondents raked differently in one estimate: %w", ErrDesign)
	}
	f := a.raking.Factors
	if len(r.Margins) != len(f) {
		return nil, fmt.Errorf("%d margin categories for %d raking margins: %w", len(r.Margins), len(f), ErrDesign)
	}
	key := 0
	for m, l := range r.Margins {
		if l < 0 || l >= len(f[m]) {
			return nil, fmt.Errorf("category %d of raking margin %d (want 0…%d): %w", l, m, len(f[m])-1, ErrDesign)
		}
		key += l * a.stride[m]
	}
	ci, ok := a.index[key]
	if !ok {
		ci = len(a.cells)
		a.index[key] = ci
		c := rakeCell{levels: append([]int(nil), r.Margins...), h: make([]float64, len(f)), s: make([]float64, a.base)}
		prod := 1.0
		for m := len(f) - 1; m >= 0; m-- {
			c.h[m] = 1 / prod
			prod *= f[m][c.levels[m]]
		}
		a.cells = append(a.cells, c)
	}
	c := &a.cells[ci]
	n := float64(count)
	c.n += n
	if r.Weight > 0 {
		for i, v := range t {
			c.s[i] += v / r.Weight * n
		}
	}
	copy(a.buf, t)
	for i := a.base; i < len(a.buf); i++ {
		a.buf[i] = 0
	}
	for m, l := range c.levels {
		a.buf[a.base+a.off[m]+l] = r.Weight * c.h[m]
	}
	return a.buf, nil
}

// residualise returns A (base×m) extended to the raking components, so
// that z = Aᵀt on the extended totals of a PSU is the PSU total of the
// residualised influence values. R's svyrecvar, for a raked design, runs
// ten rounds of
//
//	for each margin m:  x ← x − w_m · ave(x / w_m, category on m)
//
// over all respondents. Every step subtracts w_m times a constant per
// category of m, so after the rounds x = x₀ − Σ_m w_m·C_m[category on m],
// and the C_m follow from the raking cells' sums alone.
func (a *rakeAcc) residualise(A []float64, m int) []float64 {
	k := a.base + a.comps
	out := make([]float64, k*m)
	copy(out, A[:a.base*m])
	u := make([]float64, len(a.cells))
	C := make([]float64, a.comps)
	var sum, cnt []float64
	for l := 0; l < m; l++ {
		for ci := range a.cells {
			c := &a.cells[ci]
			u[ci] = 0
			for i, v := range c.s {
				u[ci] += A[i*m+l] * v
			}
		}
		for i := range C {
			C[i] = 0
		}
		for range rakeRounds {
			for mg, f := range a.raking.Factors {
				sum = append(sum[:0], make([]float64, len(f))...)
				cnt = append(cnt[:0], make([]float64, len(f))...)
				for ci := range a.cells {
					c := &a.cells[ci]
					adj := 0.0
					for m2, l2 := range c.levels {
						adj += c.h[m2] * C[a.off[m2]+l2]
					}
					lv := c.levels[mg]
					sum[lv] += (u[ci] - c.n*adj) / c.h[mg]
					cnt[lv] += c.n
				}
				for lv := range f {
					if cnt[lv] > 0 {
						C[a.off[mg]+lv] += sum[lv] / cnt[lv]
					}
				}
			}
		}
		for i, v := range C {
			out[(a.base+i)*m+l] = -v
		}
	}
	return out
}

// rows returns the number of respondents added.
func (a *rakeAcc) rows() int {
	n := 0.0
	for _, c := range a.cells {
		n += c.n
	}
	return int(n)
}
