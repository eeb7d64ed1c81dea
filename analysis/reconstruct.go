package analysis

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/surveystat/surveystat/survey"
)

// Reconstruction describes a count rebuilt from a published percentage
// and base rather than counted in respondent data.
type Reconstruction struct {
	// CountMin and CountMax bound the whole counts of the base that are
	// compatible with every published percentage of the question at its
	// published rounding (CountRange, narrowed so that the categories can
	// add up to the base). The estimate's Count is one of them.
	CountMin, CountMax float64
	// NAssumed is set when the base is an assumption, not a published
	// number.
	NAssumed bool
	// Percent and Decimals are the published percentage and its rounding;
	// Remainder marks a category that was not published but stands for
	// everything else (its Percent is NaN).
	Percent   float64
	Decimals  int
	Remainder bool
	// Net marks the estimate of a net (a group of categories): its count
	// is the sum of its categories' counts, CountMin and CountMax the sums
	// of theirs clipped to the base, and Percent the sum of the published
	// percentages (NaN when one of them is the remainder).
	Net bool
	// DeffPublished is set when the design effect (or effective sample
	// size) was published, so Deff and NEff of the estimate are not the
	// simple-random-sampling defaults.
	DeffPublished bool
	// MOE is the published margin of error in percentage points, Lower and
	// Upper the published interval in percent; NaN when not published.
	MOE, Lower, Upper float64
}

// ErrRounding is returned when no count of the base is compatible with a
// published percentage, or the categories of a question cannot add up to
// the base at their published rounding.
var ErrRounding = errors.New("published percentages and base do not fit together")

// CountRange returns the whole counts k of n respondents whose share k/n,
// as a percentage rounded half away from zero to decimals places, is
// percent: 18% of 1,009 at 0 decimals admits k = 177 … 186. The range is
// contiguous because rounding is monotone. It fails with ErrRounding when
// no count fits (the percentage is not of this base).
func CountRange(percent float64, decimals, n int) (lo, hi int, err error) {
	if n < 1 || decimals < 0 || !(percent >= 0 && percent <= 100) {
		return 0, 0, fmt.Errorf("%v%% of %d at %d decimals: %w", percent, n, decimals, ErrRounding)
	}
	f := survey.PublishedFigure{Percent: survey.RequiredReal(percent), Decimals: survey.RequiredInt(decimals)}
	half := 0.5 * math.Pow(10, -float64(decimals))
	from := max(0, int(math.Floor(float64(n)*(percent-half)/100))-1)
	to := min(n, int(math.Ceil(float64(n)*(percent+half)/100))+1)
	lo, hi = -1, -1
	for k := from; k <= to; k++ {
		if f.Matches(float64(k) / float64(n)) {
			if lo < 0 {
				lo = k
			}
			hi = k
		}
	}
	if lo < 0 {
		return 0, 0, fmt.Errorf("no count of %d respondents rounds to %v%% at %d decimals: %w", n, percent, decimals, ErrRounding)
	}
	return lo, hi, nil
}

// NearestCount returns the count of n respondents nearest to percent
// (18% of 1,009 → 182; halves round up), kept within [lo, hi].
func NearestCount(percent float64, n, lo, hi int) int {
	k := int(math.Floor(percent*float64(n)/100 + 0.5))
	return min(max(k, lo), hi)
}

// ReconstructQuestion rebuilds the counts of one question's categories
// from their published percentages (rows, one per category, on one base;
// at most one Remainder). It returns, per row, the count used and the
// range of counts compatible with all the published figures together:
// each category's CountRange, narrowed so that the counts can add up to the
// base (a remainder category's range is what the others leave over). The
// counts used add up to the base and are those nearest to the published
// percentages: each rounded to the nearest whole respondent, then, where
// they do not add up, the remainder category absorbs the difference, or
// else the categories furthest from their percentage move by one
// respondent at a time (Hamilton's largest-remainder rule). It fails with
// ErrRounding when no set of counts fits.
func ReconstructQuestion(rows []survey.TableRow) (count, lo, hi []int, err error) {
	if len(rows) == 0 {
		return nil, nil, nil, nil
	}
	n := rows[0].Base
	k := len(rows)
	count, lo, hi = make([]int, k), make([]int, k), make([]int, k)
	target := make([]float64, k)
	rem, sumTarget, sumPct := -1, 0.0, 0.0
	for i, r := range rows {
		if r.Remainder {
			rem, lo[i], hi[i] = i, 0, n
			continue
		}
		if lo[i], hi[i], err = CountRange(r.Percent, r.Decimals, n); err != nil {
			return nil, nil, nil, fmt.Errorf("%s = %s: %w", r.Question, r.Category, err)
		}
		target[i] = r.Percent * float64(n) / 100
		sumTarget += target[i]
		sumPct += r.Percent
	}
	if rem >= 0 {
		target[rem] = max(0, float64(n)-sumTarget)
	}
	// Narrow every range by what the others can take: Σ lo ≤ n ≤ Σ hi.
	sumLo, sumHi := 0, 0
	for i := range rows {
		sumLo += lo[i]
		sumHi += hi[i]
	}
	if sumLo > n || sumHi < n {
		return nil, nil, nil, fmt.Errorf("question %s: the published percentages add up to %v%%, and no counts of %d respondents that round to them add up to %d: %w",
			rows[0].Question, roundPct(sumPct), n, n, ErrRounding)
	}
	for i := range rows {
		lo[i], hi[i] = max(lo[i], n-(sumHi-hi[i])), min(hi[i], n-(sumLo-lo[i]))
	}
	sum := 0
	for i := range rows {
		count[i] = min(max(int(math.Floor(target[i]+0.5)), lo[i]), hi[i])
		sum += count[i]
	}
	for sum != n {
		step := 1
		if sum > n {
			step = -1
		}
		best := -1
		if rem >= 0 && count[rem]+step >= lo[rem] && count[rem]+step <= hi[rem] {
			best = rem
		} else {
			for i := range rows {
				if count[i]+step < lo[i] || count[i]+step > hi[i] {
					continue
				}
				// The category whose count lies furthest on the side
				// away from the step: short of its target when adding.
				if best < 0 || float64(step)*(target[i]-float64(count[i])) > float64(step)*(target[best]-float64(count[best])) {
					best = i
				}
			}
		}
		if best < 0 { // cannot happen once Σ lo ≤ n ≤ Σ hi
			return nil, nil, nil, fmt.Errorf("question %s: %w", rows[0].Question, ErrRounding)
		}
		count[best] += step
		sum += step
	}
	return count, lo, hi, nil
}

func roundPct(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// EffectiveInterval is ProportionInterval for count of n respondents with a
// design effect deff: the interval of the method on the effective sample
// size n/deff with the same share, x = count/deff (Kish 1965, §8.2; the
// "effective sample size" intervals of Korn & Graubard 1998). With deff = 1
// it is ProportionInterval(method, count, n). Methods that need whole
// counts (mid-p) fail when count/deff is not whole.
func EffectiveInterval(method string, count, n, deff, level float64, alt Alternative) (Interval, error) {
	if !(deff > 0) || math.IsInf(deff, 0) {
		return Interval{}, fmt.Errorf("design effect %v: want a positive number", deff)
	}
	if deff == 1 {
		return ProportionInterval(method, count, n, level, alt)
	}
	return ProportionInterval(method, count/deff, n/deff, level, alt)
}

// TableEstimates computes the estimate of every category and net of every
// question of a study built from a published table: counts rebuilt by
// ReconstructQuestion (a net's count the sum of its categories'), intervals by the question's method on the effective
// sample size where the table gives a design effect (EffectiveInterval),
// and the small-cell rule on the base. Estimates come in study order.
func TableEstimates(s *survey.Study, rows []survey.TableRow) ([]Estimate, error) {
	level := s.Analysis.Level
	var out []Estimate
	for qi := range s.Questions {
		q := &s.Questions[qi]
		qrows := make([]survey.TableRow, len(q.Categories))
		found := 0
		for _, r := range rows {
			if r.Question == q.ID {
				qrows[q.CategoryIndex(r.Category)] = r
				found++
			}
		}
		if found != len(q.Categories) {
			return nil, fmt.Errorf("question %q: %d of %d categories in the published table", q.ID, found, len(q.Categories))
		}
		count, lo, hi, err := ReconstructQuestion(qrows)
		if err != nil {
			return nil, err
		}
		n := float64(qrows[0].Base)
		deff, published := 1.0, false
		switch r := qrows[0]; {
		case !math.IsNaN(r.Deff):
			deff, published = r.Deff, true
		case !math.IsNaN(r.NEff):
			deff, published = n/r.NEff, true
		}
		for ci, cat := range q.Categories {
			r := qrows[ci]
			x := float64(count[ci])
			iv, err := EffectiveInterval(q.Method, x, n, deff, level, TwoSided)
			if err != nil {
				return nil, fmt.Errorf("question %q, category %q: %w", q.ID, cat.ID, err)
			}
			out = append(out, Estimate{
				Question: q.ID, Category: cat.ID,
				Base: n, Count: x, Share: x / n, Lower: iv.Lower, Upper: iv.Upper,
				Method: q.Method, Level: level, Deff: deff, NEff: n / deff,
				Suppressed: s.Analysis.MinBase > 0 && n < float64(s.Analysis.MinBase),
				Reason:     reasonIf(s.Analysis.MinBase > 0 && n < float64(s.Analysis.MinBase), ReasonMinBase),
				Reconstructed: &Reconstruction{
					CountMin: float64(lo[ci]), CountMax: float64(hi[ci]), NAssumed: r.NAssumed,
					Percent: r.Percent, Decimals: r.Decimals, Remainder: r.Remainder,
					DeffPublished: published,
					MOE:           r.MOE, Lower: r.Lower, Upper: r.Upper,
				},
			})
		}
		// Nets follow the categories: the count is the sum of theirs. The
		// compatible counts of a net are those of the sums of its
		// categories' compatible counts when all the categories add up to
		// the base: from max(Σ lo, n − Σ hi of the others) to
		// min(Σ hi, n − Σ lo of the others).
		for _, nt := range q.Nets {
			var x, cmin, cmax, pct, oLo, oHi float64
			dec := 0
			in := q.ItemCategories(nt.ID)
			for ci := range q.Categories {
				if !slices.Contains(in, ci) {
					oLo += float64(lo[ci])
					oHi += float64(hi[ci])
					continue
				}
				x += float64(count[ci])
				cmin += float64(lo[ci])
				cmax += float64(hi[ci])
				pct += qrows[ci].Percent // NaN for the remainder
				dec = max(dec, qrows[ci].Decimals)
			}
			// What the other categories leave over bounds it too.
			cmin, cmax = max(cmin, n-oHi, 0), min(cmax, n-oLo, n)
			iv, err := EffectiveInterval(q.Method, x, n, deff, level, TwoSided)
			if err != nil {
				return nil, fmt.Errorf("question %q, net %q: %w", q.ID, nt.ID, err)
			}
			r := qrows[0]
			out = append(out, Estimate{
				Question: q.ID, Category: nt.ID,
				Base: n, Count: x, Share: x / n, Lower: iv.Lower, Upper: iv.Upper,
				Method: q.Method, Level: level, Deff: deff, NEff: n / deff,
				Suppressed: s.Analysis.MinBase > 0 && n < float64(s.Analysis.MinBase),
				Reconstructed: &Reconstruction{
					CountMin: cmin, CountMax: cmax, NAssumed: r.NAssumed,
					Percent: roundPct(pct), Decimals: dec, Remainder: math.IsNaN(pct), Net: true,
					DeffPublished: published,
					MOE:           math.NaN(), Lower: math.NaN(), Upper: math.NaN(),
				},
			})
		}
	}
	return out, nil
}

// ClaimRange says how a claim about a reconstructed share fares over the
// counts compatible with the published rounding.
type ClaimRange struct {
	CountMin, CountMax float64
	// Counts is the number of compatible counts, SupportedAt the number
	// at which the claim is supported.
	Counts, SupportedAt int
}

// EvaluateClaimRange is EvaluateClaim for any estimate. For a
// reconstructed estimate the claim is tested at every count compatible
// with the published rounding (on the effective sample size when a design
// effect was published): it is supported only if it is supported at all of
// them, and the bound and p-value reported are those of the least
// favourable count (the Estimate stays the one the report shows). The
// range is nil for estimates from respondent data and for a suppressed
// estimate, whose claim is not assessed (ClaimResult.NotAssessed).
func EvaluateClaimRange(e Estimate, op string, p0, level float64) (ClaimResult, *ClaimRange, error) {
	rc := e.Reconstructed
	if rc == nil || e.Suppressed {
		r, err := EvaluateClaim(e, op, p0, level)
		return r, nil, err
	}
	deff := e.Deff
	if !(deff > 0) {
		deff = 1
	}
	cr := &ClaimRange{CountMin: rc.CountMin, CountMax: rc.CountMax}
	var worst ClaimResult
	for k := rc.CountMin; k <= rc.CountMax; k++ {
		ek := e
		ek.Count, ek.Base = k/deff, e.Base/deff
		ek.Share = k / e.Base
		r, err := EvaluateClaim(ek, op, p0, level)
		if err != nil {
			return ClaimResult{}, nil, err
		}
		cr.Counts++
		if r.Supported {
			cr.SupportedAt++
		}
		if cr.Counts == 1 || (op == ">" && r.Bound < worst.Bound) || (op == "<" && r.Bound > worst.Bound) {
			worst = r
		}
	}
	worst.Estimate = e
	worst.Supported = cr.SupportedAt == cr.Counts
	return worst, cr, nil
}

// reasonIf returns reason when cond holds, else "".
func reasonIf(cond bool, reason string) string {
	if cond {
		return reason
	}
	return ""
}
