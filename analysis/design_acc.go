package analysis

import (
	"fmt"
	"math"
)

// designAcc accumulates, per stratum and PSU, weighted totals t ∈ ℝᵏ of
// k indicator variables, from which the with-replacement (ultimate
// cluster) Taylor-linearisation covariance of any statistic whose PSU
// influence values are linear in t follows. Memory is O(k) per clustered
// PSU and O(k²) per stratum of respondents that are their own PSU.
type designAcc struct {
	k        int // components per respondent, the caller's and the raking's
	base     int // components given by the caller
	strata   []*designStratum
	index    map[string]int
	scratch  []float64
	scratch2 []float64
	rk       *rakeAcc // nil unless the weights are raked
}

type designStratum struct {
	id     string
	fpc    float64
	psus   []*designPSU // clustered PSUs, in order of first appearance
	index  map[string]int
	single bool      // respondents are their own PSUs
	nSing  int       // number of such respondents (= PSUs)
	inSing int       // of those, with positive weight in the domain
	mean   []float64 // mean of t over singleton PSUs
	comom  []float64 // Σ (t − t̄)(t − t̄)ᵀ over singleton PSUs (k×k, row-major)
}

type designPSU struct {
	t     []float64
	inset bool // has a respondent with positive weight in the domain
}

func newDesignAcc(k int) *designAcc {
	return &designAcc{k: k, base: k, index: map[string]int{}}
}

// add adds one respondent with weighted totals t (already multiplied by
// the weight and the domain indicator); inset says whether it has a
// positive weight in the domain.
func (a *designAcc) add(r DesignRow, t []float64, inset bool) error {
	return a.addN(r, t, inset, 1)
}

// addN adds count identical respondents. For respondents that are their
// own PSUs the mean and co-moment are updated in one step (Chan et al.'s
// pairwise update with a group of identical values, which has no
// co-moment of its own); for clustered PSUs the totals grow count-fold.
func (a *designAcc) addN(r DesignRow, t []float64, inset bool, count int) error {
	if count < 1 {
		return fmt.Errorf("count %d: %w", count, ErrDesign)
	}
	switch {
	case math.IsNaN(r.Weight) || math.IsInf(r.Weight, 0) || r.Weight < 0:
		return fmt.Errorf("weight %v: %w", r.Weight, ErrDesign)
	case math.IsNaN(r.FPC) || r.FPC < 0:
		return fmt.Errorf("fpc %v: %w", r.FPC, ErrDesign)
	}
	fpc := r.FPC
	if math.IsInf(fpc, 1) {
		fpc = 0
	}
	if r.Raking != nil || a.rk != nil {
		if a.rk == nil {
			if len(a.strata) > 0 {
				return fmt.Errorf("a raked respondent after unraked ones: %w", ErrDesign)
			}
			rk, err := newRakeAcc(r.Raking, a.base)
			if err != nil {
				return err
			}
			a.rk = rk
			a.k = a.base + rk.comps
		}
		var err error
		if t, err = a.rk.add(r, t, count); err != nil {
			return err
		}
	}
	si, ok := a.index[r.Stratum]
	single := r.PSU == ""
	if !ok {
		si = len(a.strata)
		a.index[r.Stratum] = si
		s := &designStratum{id: r.Stratum, fpc: fpc, single: single}
		if single {
			s.mean = make([]float64, a.k)
			s.comom = make([]float64, a.k*a.k)
		} else {
			s.index = map[string]int{}
		}
		a.strata = append(a.strata, s)
	}
	s := a.strata[si]
	if s.fpc != fpc {
		return fmt.Errorf("stratum %q: fpc %v and %v: fpc must not vary within a stratum: %w", r.Stratum, s.fpc, fpc, ErrDesign)
	}
	if s.single != single {
		return fmt.Errorf("stratum %q mixes respondents with and without a PSU id: %w", r.Stratum, ErrDesign)
	}
	nB := float64(count)
	// For a summed row t holds the group's totals: the group mean is t/nB,
	// and its own co-moment is spread·t tᵀ, with spread =
	// (Σw² − (Σw)²/nB)/(Σw)² since every t of the group is w times the
	// same pattern t/Σw.
	spread := 0.0
	if r.Summed {
		if math.IsNaN(r.WeightSq) || r.WeightSq < 0 {
			return fmt.Errorf("sum of squared weights %v: %w", r.WeightSq, ErrDesign)
		}
		if r.Weight > 0 {
			spread = math.Max(r.WeightSq-r.Weight*r.Weight/nB, 0) / (r.Weight * r.Weight)
		}
		if len(a.scratch2) != a.k {
			a.scratch2 = make([]float64, a.k)
		}
		mB := a.scratch2
		for i, ti := range t {
			mB[i] = ti / nB
		}
		t = mB
	}
	if single {
		s.nSing += count
		if inset {
			s.inSing += count
		}
		// Welford's update of the mean and co-moment matrix: exact zero
		// for constant t, and no cancellation between Σt tᵀ and (Σt)².
		// With a group of nB identical values: mean += d·nB/n and
		// co-moment += d dᵀ·nA·nB/n (nA the earlier count), written as
		// d·(t − new mean)·nB.
		n := float64(s.nSing)
		if len(a.scratch) != a.k {
			a.scratch = make([]float64, a.k)
		}
		d0 := a.scratch
		for i, ti := range t {
			d0[i] = ti - s.mean[i]
			s.mean[i] += d0[i] * nB / n
		}
		for i, di := range d0 {
			if di == 0 {
				continue
			}
			for j, tj := range t {
				s.comom[i*a.k+j] += di * (tj - s.mean[j]) * nB
			}
		}
		if spread > 0 {
			// The group's own spread: Σ (t_i − t̄_B)(t_i − t̄_B)ᵀ over its
			// members = spread · (nB·t̄_B)(nB·t̄_B)ᵀ.
			f := spread * nB * nB
			for i, ti := range t {
				if ti == 0 {
					continue
				}
				for j, tj := range t {
					s.comom[i*a.k+j] += f * ti * tj
				}
			}
		}
		return nil
	}
	pi, ok := s.index[r.PSU]
	if !ok {
		pi = len(s.psus)
		s.index[r.PSU] = pi
		s.psus = append(s.psus, &designPSU{t: make([]float64, a.k)})
	}
	p := s.psus[pi]
	for i, ti := range t {
		p.t[i] += ti * nB
	}
	p.inset = p.inset || inset
	return nil
}

// df returns R's degf(): the number of PSUs with a positive-weight
// respondent in the domain minus the number of strata with one.
func (a *designAcc) df() (psus, strata int) {
	for _, s := range a.strata {
		n := s.inSing
		for _, p := range s.psus {
			if p.inset {
				n++
			}
		}
		if n > 0 {
			strata++
			psus += n
		}
	}
	return psus, strata
}

// dfAll returns the number of PSUs minus the number of strata over all
// respondents added, in the domain or not: R's svychisq's ν on a design
// that keeps every row of a subset (a raked design).
func (a *designAcc) dfAll() int {
	n := 0
	for _, s := range a.strata {
		n += s.nPSU() - 1
	}
	return n
}

// fpcFactors returns, per stratum, the factor f_h = (N_h − n_h)/N_h of
// R's onestrat() (1 without fpc), applying R's as.fpc() rules: all fpc
// values ≥ 1 are population sizes, otherwise all must be ≤ 1 and are
// sampling fractions (N_h = n_h/fpc).
func (a *designAcc) fpcFactors() ([]float64, error) {
	anyBig, allGE1, given := false, true, false
	for _, s := range a.strata {
		if s.fpc == 0 {
			continue
		}
		given = true
		if s.fpc > 1 {
			anyBig = true
		}
		if s.fpc < 1 {
			allGE1 = false
		}
	}
	if given && anyBig != allGE1 {
		return nil, fmt.Errorf("fpc values must be all ≥ 1 (population sizes) or all ≤ 1 (sampling fractions), as R's as.fpc(): %w", ErrDesign)
	}
	f := make([]float64, len(a.strata))
	for i, s := range a.strata {
		n := float64(s.nPSU())
		switch {
		case s.fpc == 0:
			f[i] = 1
		case anyBig:
			if s.fpc < n {
				if s.id == "" {
					return nil, fmt.Errorf("population size %v smaller than the %v sampled PSUs: %w", s.fpc, n, ErrDesign)
				}
				return nil, fmt.Errorf("stratum %q: population size %v smaller than its %v sampled PSUs: %w", s.id, s.fpc, n, ErrDesign)
			}
			f[i] = (s.fpc - n) / s.fpc
		default:
			// popsize = n/fpc, so f = 1 − fpc.
			f[i] = 1 - s.fpc
		}
	}
	return f, nil
}

func (s *designStratum) nPSU() int {
	if s.single {
		return s.nSing
	}
	return len(s.psus)
}
