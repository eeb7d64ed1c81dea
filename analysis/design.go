package analysis

import (
	"errors"
	"fmt"
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
