package analysis

import (
	"errors"
	"fmt"
	"math"
)

// Errors returned by the design-based estimators.
var (
	// ErrLonelyPSU is returned when a stratum has a single PSU and the
	// lonely-PSU rule is LonelyFail (R's default
	// options(survey.lonely.psu = "fail")).
	ErrLonelyPSU = errors.New("stratum has only one PSU")
	// ErrDesign is returned for inconsistent design information: a
	// negative or non-finite weight, a PSU both clustered and not, an fpc
	// that varies within a stratum or implies more than 100% sampling.
	ErrDesign = errors.New("invalid survey design")
	// ErrEmptyDomain is returned when no respondent with a positive weight
	// is in the domain.
	ErrEmptyDomain = errors.New("domain is empty")
)

// LonelyPSU says what to do with a stratum that has a single PSU, as R's
// options(survey.lonely.psu).
type LonelyPSU int

const (
	// LonelyFail returns ErrLonelyPSU (R's default, "fail").
	LonelyFail LonelyPSU = iota
	// LonelyCertainty treats the PSU as sampled with certainty: it
	// contributes nothing to the variance (R's "certainty").
	LonelyCertainty
	// LonelyAdjust centres the stratum at the overall mean instead of the
	// stratum mean, a conservative choice (R's "adjust").
	LonelyAdjust
)

// ParseLonelyPSU parses "fail", "certainty" or "adjust".
func ParseLonelyPSU(s string) (LonelyPSU, error) {
	switch s {
	case "", "fail":
		return LonelyFail, nil
	case "certainty":
		return LonelyCertainty, nil
	case "adjust":
		return LonelyAdjust, nil
	}
	return LonelyFail, fmt.Errorf("lonely PSU rule %q (want fail, certainty or adjust): %w", s, ErrDesign)
}

// DesignRow is one respondent as the design-based tallies see it.
type DesignRow struct {
	// Stratum identifies the stratum; "" for an unstratified design.
	Stratum string
	// PSU identifies the primary sampling unit within its stratum (PSU
	// ids are nested in strata, as R's svydesign(nest = TRUE)); "" makes
	// the respondent its own PSU (R's ids = ~1). A stratum must not mix
	// the two.
	PSU string
	// Weight is the sampling weight 1/π, ≥ 0.
	Weight float64
	// FPC is the finite population correction of the stratum, as R's
	// svydesign(fpc =): a value ≥ 1 is the population number of PSUs in
	// the stratum, a value < 1 the sampling fraction of PSUs. 0 (or +Inf)
	// means none: sampling with replacement. It must be the same for every
	// respondent of a stratum.
	FPC float64
	// Raking, when the weights were raked, describes the raking, and
	// Margins holds the respondent's category (0-based) on each of its
	// margin variables. The variance then treats the weights as calibrated
	// rather than fixed, as R's svyrecvar on a rake()d design: the
	// linearised values are replaced by their residuals from the margins
	// (ten rounds of x − w_m·mean(x/w_m) within each margin category, w_m
	// the weight after margin m of the last sweep). Every respondent added
	// to an accumulator must carry the same Raking, or none. A respondent
	// of zero weight counts in those means with x/w_m = 0, the limit as
	// its weight goes to 0 (R gives NaN; the reader rejects zero weights).
	Raking  *Raking
	Margins []int
	// Summed marks a row of a weighted cell table: passed with a count n
	// to AddN, it stands for n respondents whose weights sum to Weight and
	// whose squared weights sum to WeightSq (respondents that are their
	// own PSU then contribute their spread, WeightSq − Weight²/n, to the
	// variance). Without Summed the n respondents each have weight Weight.
	Summed   bool
	WeightSq float64
}

// sums returns Σw and Σw² over the count respondents a row stands for.
func (r DesignRow) sums(count int) (sw, sw2 float64) {
	if r.Summed {
		return r.Weight, r.WeightSq
	}
	n := float64(count)
	return r.Weight * n, r.Weight * r.Weight * n
}

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

// cov returns the design covariance of the m linearised statistics whose
// PSU influence values are z_j = Aᵀ t_j, with A a base×m matrix
// (row-major, A[i*m+l]; base the number of components the caller adds):
// R's svyrecvar() for a one-stage (ultimate cluster) design,
//
//	V = Σ_h f_h · n_h/(n_h − 1) · Σ_j (z_hj − z̄_h)(z_hj − z̄_h)ᵀ,
//
// where f_h is the finite population correction. The result is m×m,
// row-major. With raked weights the influence values are first replaced
// by their residuals from the raking margins (rakeAcc.residualise).
func (a *designAcc) cov(A []float64, m int, lonely LonelyPSU) ([]float64, error) {
	f, err := a.fpcFactors()
	if err != nil {
		return nil, err
	}
	if a.rk != nil {
		A = a.rk.residualise(A, m)
	}
	k := a.k
	v := make([]float64, m*m)
	z := make([]float64, m)
	zbar := make([]float64, m)
	mag := make([]float64, m)
	c := make([]float64, m*m)
	for si, s := range a.strata {
		n := s.nPSU()
		if n == 0 || f[si] < 1e-7 {
			continue // certainty stratum, as R
		}
		center := true
		scale := f[si]
		if n == 1 {
			switch lonely {
			case LonelyCertainty:
				continue
			case LonelyAdjust:
				center = false
			default:
				return nil, fmt.Errorf("stratum %q (R: survey.lonely.psu = \"fail\"; use certainty or adjust): %w", s.id, ErrLonelyPSU)
			}
		} else {
			scale *= float64(n) / float64(n-1)
		}
		for i := range c {
			c[i] = 0
		}
		if s.single {
			// Σ (z − z̄)(z − z̄)ᵀ = Aᵀ M A with M the co-moment of t; without
			// centring add n·z̄ z̄ᵀ, z̄ = Aᵀ t̄.
			for l := 0; l < m; l++ {
				zbar[l] = 0
				for i := 0; i < k; i++ {
					zbar[l] += A[i*m+l] * s.mean[i]
				}
			}
			for l := 0; l < m; l++ {
				for o := l; o < m; o++ {
					var q float64
					for i := 0; i < k; i++ {
						ail := A[i*m+l]
						if ail == 0 {
							continue
						}
						for j := 0; j < k; j++ {
							q += ail * s.comom[i*k+j] * A[j*m+o]
						}
					}
					if !center {
						q += float64(n) * zbar[l] * zbar[o]
					}
					c[l*m+o] = q
					c[o*m+l] = q
				}
			}
			for l := 0; l < m; l++ {
				c[l*m+l] = math.Max(c[l*m+l], 0)
			}
		} else {
			for l := range zbar {
				zbar[l] = 0
			}
			if center {
				for _, p := range s.psus {
					for l := 0; l < m; l++ {
						var q float64
						for i := 0; i < k; i++ {
							q += A[i*m+l] * p.t[i]
						}
						zbar[l] += q
					}
				}
				for l := range zbar {
					zbar[l] /= float64(n)
				}
			}
			for l := range mag {
				mag[l] = 0
			}
			for _, p := range s.psus {
				for l := 0; l < m; l++ {
					var q float64
					for i := 0; i < k; i++ {
						q += A[i*m+l] * p.t[i]
					}
					z[l] = q - zbar[l]
					mag[l] += q * q
				}
				for l := 0; l < m; l++ {
					for o := 0; o < m; o++ {
						c[l*m+o] += z[l] * z[o]
					}
				}
			}
			// PSU totals equal to within rounding (z_hj − z̄_h of the
			// order of ε·z_hj) have no variance: drop the rounding noise
			// so that a census or a stratum-constant y gives exactly 0.
			for l := 0; l < m; l++ {
				if c[l*m+l] <= 1e-24*mag[l] {
					for o := 0; o < m; o++ {
						c[l*m+o], c[o*m+l] = 0, 0
					}
				}
			}
		}
		for i := range v {
			v[i] += scale * c[i]
		}
	}
	return v, nil
}

// DesignTally accumulates, one respondent at a time, what the design-based
// share of a binary indicator y in a domain needs: per stratum and PSU the
// weighted totals Σw·d·y and Σw·d (d the domain indicator), so memory
// depends on the number of PSUs, not of respondents (and, for strata whose
// respondents are their own PSUs, only on the number of strata).
//
// Respondents outside the domain must be added too (with InDomain false):
// they count as PSU members with zero contributions, as in R's
// svyciprop(~y, subset(design, domain)), so that the number of PSUs per
// stratum, the variance and the degrees of freedom are those of domain
// estimation, not of a separate sample.
//
// The zero value is not ready for use; call NewDesignTally.
type DesignTally struct {
	acc    *designAcc
	lonely LonelyPSU
	rows   int     // respondents in the domain (R: nrow of the subset)
	nobs   int     // of those, with positive weight
	sw     float64 // Σ w over the domain
	sw2    float64 // Σ w² over the domain
	swy    float64 // Σ w·y over the domain
}

// NewDesignTally returns an empty tally with the given lonely-PSU rule.
func NewDesignTally(lonely LonelyPSU) *DesignTally {
	return &DesignTally{acc: newDesignAcc(2), lonely: lonely}
}

// Add adds one respondent: inDomain says whether it belongs to the domain
// (subpopulation) of the estimate, y whether it has the characteristic.
func (t *DesignTally) Add(r DesignRow, inDomain, y bool) error {
	if r.Summed {
		return fmt.Errorf("a summed row stands for several respondents; DesignTally takes one at a time: %w", ErrDesign)
	}
	var tv [2]float64
	inset := false
	if inDomain {
		if y {
			tv[0] = r.Weight
		}
		tv[1] = r.Weight
		inset = r.Weight > 0
	}
	if err := t.acc.add(r, tv[:], inset); err != nil {
		return err
	}
	if inDomain {
		t.rows++
		if r.Weight > 0 {
			t.nobs++
		}
		t.sw += r.Weight
		t.sw2 += r.Weight * r.Weight
		if y {
			t.swy += r.Weight
		}
	}
	return nil
}

// DesignEstimate is a design-based share with what its intervals need.
type DesignEstimate struct {
	// P is the ratio estimator p̂ = Σw·d·y / Σw·d (R: svymean).
	P float64
	// Var and SE are the with-replacement Taylor-linearisation variance
	// and standard error of P, with the finite population correction
	// when given (R: vcov and SE of svymean).
	Var, SE float64
	// DF is the design degrees of freedom, PSUs − strata, counting only
	// PSUs and strata with a positive-weight respondent in the domain
	// (R: degf(subset(design, domain))).
	DF int
	// N is the number of respondents in the domain (R: nrow of the
	// subset design), for a raked design that of the whole sample (R's
	// subset of a calibrated design keeps every row, with weight 0
	// outside the domain); NObs those in the domain with positive weight.
	N, NObs int
	// WeightSum is Σw over the domain (the estimated domain size).
	WeightSum float64
	// Deff is R's design effect, svymean(..., deff = TRUE): Var divided by
	// the variance of the mean under simple random sampling without
	// replacement of NObs from a population of WeightSum,
	// p̂(1−p̂)·n/(n−1)·(1/n − 1/Σw). As in R it is NaN when Σw < n
	// (weights not scaled to the population; R warns and gives NA), +Inf
	// when Σw = n (all weights 1: a census as far as the weights say) and
	// NaN when p̂ is 0 or 1 (0/0). Report KishDeff where a finite value
	// is always needed.
	Deff float64
	// DeffReplace is R's svymean(..., deff = "replace"): Var divided by
	// the with-replacement SRS variance p̂(1−p̂)/(n−1). NaN when p̂ is 0 or
	// 1.
	DeffReplace float64
	// KishDeff is Kish's design effect due to weighting alone,
	// n·Σw²/(Σw)² = 1 + CV²(w); it ignores strata, clustering and y. The
	// results file's "deff" is DeffReplace (Estimate.Deff).
	KishDeff float64
	// NEff is Kish's effective sample size (Σw)²/Σw² = n/KishDeff (the
	// Korn–Graubard intervals use it); the results file's "n_eff" is
	// Estimate.NEff, n/DeffReplace.
	NEff float64
}

// Estimate returns the design-based share of y in the domain.
func (t *DesignTally) Estimate() (DesignEstimate, error) {
	return designShare(t.acc, t.lonely, designDomain{t.rows, t.nobs, t.sw, t.sw2}, 0, 1, t.swy)
}

// designDomain holds the domain-level sums of a share.
type designDomain struct {
	rows, nobs int
	sw, sw2    float64
}

// designShare returns the share whose numerator totals are component y
// and denominator totals component d of acc's vectors; swy is Σw·y.
func designShare(acc *designAcc, lonely LonelyPSU, dom designDomain, y, d int, swy float64) (DesignEstimate, error) {
	return designShareOf(acc, lonely, dom, []int{y}, d, swy)
}

// designShareOf is designShare for the share of several components ys
// together (a net of categories): Y is their sum, so its influence is the
// sum of theirs; swy is the weight total of all of them.
func designShareOf(acc *designAcc, lonely LonelyPSU, dom designDomain, ys []int, d int, swy float64) (DesignEstimate, error) {
	if dom.nobs == 0 || !(dom.sw > 0) {
		return DesignEstimate{}, fmt.Errorf("%d respondents in the domain, none with a positive weight: %w", dom.rows, ErrEmptyDomain)
	}
	W := dom.sw
	p := math.Min(swy/W, 1)
	// Influence per PSU: z_j = (Y_j − p̂·N_j)/W.
	A := make([]float64, acc.base)
	for _, y := range ys {
		A[y] += 1 / W
	}
	A[d] -= p / W
	v, err := acc.cov(A, 1, lonely)
	if err != nil {
		return DesignEstimate{}, err
	}
	psus, strata := acc.df()
	if acc.rk != nil {
		// R keeps every row of a calibrated design in a subset (with zero
		// weight outside it), so nrow() of the domain's design, which the
		// beta and likelihood intervals use, is that of the whole sample.
		dom.rows = acc.rk.rows()
	}
	e := DesignEstimate{
		P:         p,
		Var:       v[0],
		SE:        math.Sqrt(v[0]),
		DF:        psus - strata,
		N:         dom.rows,
		NObs:      dom.nobs,
		WeightSum: W,
		KishDeff:  float64(dom.nobs) * dom.sw2 / (W * W),
		NEff:      W * W / dom.sw2,
	}
	n := float64(dom.nobs)
	s2 := p * (1 - p) * n / (n - 1) // R's svyvar: weighted variance with n/(n−1)
	if W < n {
		e.Deff = math.NaN()
	} else {
		e.Deff = e.Var / (s2 * (W - n) / (W * n))
	}
	e.DeffReplace = e.Var / (s2 / n)
	return e, nil
}

// DesignCategories accumulates the design-based shares of all k
// categories of one question in a domain at once: per PSU it keeps k + 1
// weighted totals (one per category and the domain total), so one
// accumulator serves every category of a question where k DesignTally
// values would each keep their own PSU table. Estimate(c) equals the
// DesignTally estimate of the indicator "category = c".
//
// The zero value is not ready for use; call NewDesignCategories.
type DesignCategories struct {
	acc    *designAcc
	k      int
	lonely LonelyPSU
	dom    designDomain
	swc    []float64 // Σ w per category
	buf    []float64
}

// NewDesignCategories returns an empty accumulator for k ≥ 1 categories.
func NewDesignCategories(k int, lonely LonelyPSU) (*DesignCategories, error) {
	if k < 1 {
		return nil, fmt.Errorf("%d categories: %w", k, ErrDesign)
	}
	return &DesignCategories{acc: newDesignAcc(k + 1), k: k, lonely: lonely, swc: make([]float64, k), buf: make([]float64, k+1)}, nil
}

// Add adds one respondent with answer category (0 … k−1). A negative
// category means the respondent is outside the domain (not asked, no valid
// answer, or outside the subgroup): it still counts as a member of its PSU
// with zero contributions, as required for domain estimation.
func (t *DesignCategories) Add(r DesignRow, category int) error {
	return t.AddN(r, category, 1)
}

// AddN adds count identical respondents, as from a row of an aggregated
// cell table; the result is the same as count calls of Add.
func (t *DesignCategories) AddN(r DesignRow, category, count int) error {
	if category >= t.k {
		return fmt.Errorf("category %d of %d: %w", category, t.k, ErrDesign)
	}
	return t.addN(r, category, count)
}

// AddInBaseN adds count identical respondents to the domain but to none of
// its categories: a "don't know" kept in the base (missing_in_base), which
// counts in every share's denominator and in no numerator.
func (t *DesignCategories) AddInBaseN(r DesignRow, count int) error {
	return t.addN(r, t.k, count)
}

// addN adds respondents in category (0 … k−1), in the domain without a
// category (k), or outside the domain (negative).
func (t *DesignCategories) addN(r DesignRow, category, count int) error {
	for i := range t.buf {
		t.buf[i] = 0
	}
	in := category >= 0
	if in {
		t.buf[t.k] = r.Weight
		if category < t.k {
			t.buf[category] = r.Weight
		}
	}
	if err := t.acc.addN(r, t.buf, in && r.Weight > 0, count); err != nil {
		return err
	}
	if in {
		sw, sw2 := r.sums(count)
		t.dom.rows += count
		if r.Weight > 0 {
			t.dom.nobs += count
		}
		t.dom.sw += sw
		t.dom.sw2 += sw2
		if category < t.k {
			t.swc[category] += sw
		}
	}
	return nil
}

// Estimate returns the design-based share of category c in the domain.
func (t *DesignCategories) Estimate(c int) (DesignEstimate, error) {
	if c < 0 || c >= t.k {
		return DesignEstimate{}, fmt.Errorf("category %d of %d: %w", c, t.k, ErrDesign)
	}
	return designShare(t.acc, t.lonely, t.dom, c, t.k, t.swc[c])
}

// EstimateSet returns the design-based share of the categories cs together
// (a net: a respondent counts if the answer is any of them), with the
// linearised variance of that indicator; cs must be distinct.
func (t *DesignCategories) EstimateSet(cs []int) (DesignEstimate, error) {
	swy := 0.0
	for _, c := range cs {
		if c < 0 || c >= t.k {
			return DesignEstimate{}, fmt.Errorf("category %d of %d: %w", c, t.k, ErrDesign)
		}
		swy += t.swc[c]
	}
	return designShareOf(t.acc, t.lonely, t.dom, cs, t.k, swy)
}
