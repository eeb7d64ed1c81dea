package analysis

import (
	"errors"
	"fmt"
	"math"
)

// Errors returned by Rake.
var (
	// ErrRakeInput is returned for inconsistent raking input: lengths that
	// disagree, a category index out of range, a negative or non-finite
	// weight or population total, or bounds that cannot hold.
	ErrRakeInput = errors.New("invalid raking input")
	// ErrRakeEmpty is returned when a margin category with a positive
	// population total has no respondent with a positive weight (R's
	// postStratify: "Some strata absent from sample").
	ErrRakeEmpty = errors.New("margin category has no respondents")
	// ErrRakeTotals is returned when the population margins do not all
	// sum to the same total.
	ErrRakeTotals = errors.New("population margins have different totals")
	// ErrRakeNotConverged is returned, together with the last weights and
	// report, when raking stops at MaxIter without meeting Tol.
	ErrRakeNotConverged = errors.New("raking did not converge")
)

// RakeOptions controls Rake. The zero value gives R's defaults.
type RakeOptions struct {
	// Tol is R's control$epsilon: raking stops when no cell of the joint
	// table of all margin variables changes by Tol or more (in weighted
	// counts) in a full sweep. A Tol below 1 is relative to the sum of
	// the starting weights, as in R. 0 means R's default, 1.
	Tol float64
	// MaxIter is R's control$maxit, the most sweeps; 0 means 10.
	MaxIter int
	// Lower and Upper, when positive, bound the weights to
	// [Lower·w̄, Upper·w̄] after every sweep (w̄ the mean weight after the
	// sweep, before trimming). R's rake
	// has no such bounds; with them the margins are met only
	// approximately. 0 means no bound.
	Lower, Upper float64
}

// RakeReport says how raking went.
type RakeReport struct {
	// Iterations is the number of full sweeps over the margins (R's
	// internal counter is one less when it converges).
	Iterations int
	// Converged says whether the last sweep changed no cell of the joint
	// table by Tol or more.
	Converged bool
	// MaxDiff is the largest change of a joint-table cell in the last
	// sweep, the quantity compared with Tol.
	MaxDiff float64
	// MarginDiff is the largest |weighted margin − population total|
	// after raking.
	MarginDiff float64
	// Tol is the tolerance used, in weighted counts (RakeOptions.Tol, or
	// Tol·Σw when below 1, or 1 by default). MarginDiff below Tol means
	// the final weights meet the margins to the raking's own precision.
	Tol float64
	// Trimmed is the number of weights at a Lower or Upper bound after
	// the last sweep; Clipped says whether a bound clipped a weight in
	// any sweep (then Raking is nil).
	Trimmed int
	Clipped bool
	// Raking holds what the variance of estimates from the raked weights
	// needs (see Raking): the factors of the last sweep. It is nil when a
	// bound clipped a weight in any sweep, or a factor of the last sweep
	// is 0, since the raked weights are then not the starting weights
	// times one factor per margin category.
	Raking *Raking
}

// Raking describes raked weights for variance estimation, as R keeps it in
// a rake()d design's postStrata: Factors[m][l] is the factor by which the
// last sweep multiplied the weights of category l of margin variable m
// (population total over weighted count; 1 where the category has no
// respondents). The weight of a respondent after margin m of the last
// sweep, R's attr(margin, "weights"), is the final weight divided by the
// factors of the later margins' categories. Pass it, with each
// respondent's margin categories, in DesignRow so that the linearised
// variance removes the part explained by the margins, as R's svyrecvar
// does for a raked design.
type Raking struct {
	Factors [][]float64
}

// Rake adjusts weights by iterative proportional fitting (raking; Deming
// & Stephan 1940) so that the weighted counts of every margin variable
// match population totals, as R's
//
//	rake(design, sample.margins, population.margins,
//	     control = list(maxit = MaxIter, epsilon = Tol))
//
// vars[j][i] is the category (0-based) of respondent i on margin variable
// j, and margins[j][k] the population total of category k of variable j.
// Each sweep post-stratifies on every variable in turn, multiplying the
// weights in category k by margins[j][k] / (current weighted count of k);
// convergence is R's: the largest change, over one sweep, of a cell of the
// joint (cross-classified) weighted table of all variables is below Tol.
//
// A category with a positive total and no respondent of positive weight
// is an error (ErrRakeEmpty), as in R. Margins whose totals differ by more
// than 1e-9 relative are an error (ErrRakeTotals): R accepts them and
// oscillates until maxit, then warns of non-convergence. When MaxIter
// sweeps do not converge Rake returns the last weights and report with
// ErrRakeNotConverged (R warns and returns the design).
func Rake(weights []float64, vars [][]int, margins [][]float64, opts RakeOptions) ([]float64, RakeReport, error) {
	var rep RakeReport
	n := len(weights)
	if len(vars) == 0 || len(vars) != len(margins) {
		return nil, rep, fmt.Errorf("%d margin variables, %d population margins: %w", len(vars), len(margins), ErrRakeInput)
	}
	sum := 0.0
	for i, w := range weights {
		if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
			return nil, rep, fmt.Errorf("weight %d = %v: %w", i, w, ErrRakeInput)
		}
		sum += w
	}
	if !(sum > 0) {
		return nil, rep, fmt.Errorf("weights sum to %v: %w", sum, ErrRakeInput)
	}
	total := math.NaN()
	stride := make([]int, len(vars)) // mixed-radix key of the joint table
	cells := 1
	for j, v := range vars {
		if len(v) != n {
			return nil, rep, fmt.Errorf("margin variable %d has %d values for %d weights: %w", j, len(v), n, ErrRakeInput)
		}
		t := 0.0
		for k, m := range margins[j] {
			if math.IsNaN(m) || math.IsInf(m, 0) || m < 0 {
				return nil, rep, fmt.Errorf("margin %d category %d total %v: %w", j, k, m, ErrRakeInput)
			}
			t += m
		}
		if j == 0 {
			total = t
		} else if math.Abs(t-total) > 1e-9*math.Max(t, total) {
			return nil, rep, fmt.Errorf("margin %d sums to %v, margin 0 to %v: %w", j, t, total, ErrRakeTotals)
		}
		k := len(margins[j])
		if k == 0 {
			return nil, rep, fmt.Errorf("margin %d has no categories: %w", j, ErrRakeInput)
		}
		count := make([]float64, k)
		for i, c := range v {
			if c < 0 || c >= k {
				return nil, rep, fmt.Errorf("respondent %d: category %d of margin %d (want 0…%d): %w", i, c, j, k-1, ErrRakeInput)
			}
			count[c] += weights[i]
		}
		for c, m := range margins[j] {
			if m > 0 && !(count[c] > 0) {
				return nil, rep, fmt.Errorf("margin %d category %d (population total %v): %w", j, c, m, ErrRakeEmpty)
			}
		}
		stride[j] = cells
		if cells > (1<<53)/k {
			return nil, rep, fmt.Errorf("margin variables with %d × … × %d combined categories: too many to key: %w", cells, k, ErrRakeInput)
		}
		cells *= k
	}
	if opts.Lower < 0 || opts.Upper < 0 || (opts.Upper > 0 && opts.Lower > opts.Upper) || (opts.Upper > 0 && opts.Upper < 1) || opts.Lower > 1 {
		return nil, rep, fmt.Errorf("bounds [%v, %v] around the mean weight: %w", opts.Lower, opts.Upper, ErrRakeInput)
	}
	tol := opts.Tol
	switch {
	case tol < 0 || math.IsNaN(tol):
		return nil, rep, fmt.Errorf("tolerance %v: %w", tol, ErrRakeInput)
	case tol == 0:
		tol = 1
	case tol < 1:
		tol *= sum
	}
	rep.Tol = tol
	maxIter := opts.MaxIter
	if maxIter <= 0 {
		maxIter = 10
	}
	key := make([]int, n)
	for i := range key {
		for j, v := range vars {
			key[i] += v[i] * stride[j]
		}
	}
	// The joint table is kept sparse: only cells with respondents.
	slot := map[int]int{}
	cellOf := make([]int, n)
	for i, k := range key {
		s, ok := slot[k]
		if !ok {
			s = len(slot)
			slot[k] = s
		}
		cellOf[i] = s
	}
	table := func(w []float64) []float64 {
		t := make([]float64, len(slot))
		for i, c := range cellOf {
			t[c] += w[i]
		}
		return t
	}
	w := append([]float64(nil), weights...)
	old := table(w)
	factors := make([][]float64, len(vars))
	trimmed := false // a bound clipped a weight in some sweep
	for rep.Iterations < maxIter {
		rep.Iterations++
		for j, v := range vars {
			count := make([]float64, len(margins[j]))
			for i, c := range v {
				count[c] += w[i]
			}
			factors[j] = make([]float64, len(count))
			for c := range count {
				factors[j][c] = 1
				if count[c] > 0 {
					factors[j][c] = margins[j][c] / count[c]
				}
			}
			for i, c := range v {
				w[i] *= factors[j][c]
			}
		}
		if opts.Lower > 0 || opts.Upper > 0 {
			rep.Trimmed = rakeTrim(w, opts.Lower, opts.Upper)
			trimmed = trimmed || rep.Trimmed > 0
		}
		cur := table(w)
		rep.MaxDiff = 0
		for c := range cur {
			rep.MaxDiff = math.Max(rep.MaxDiff, math.Abs(cur[c]-old[c]))
		}
		old = cur
		if rep.MaxDiff < tol {
			rep.Converged = true
			break
		}
	}
	for j, v := range vars {
		count := make([]float64, len(margins[j]))
		for i, c := range v {
			count[c] += w[i]
		}
		for c, m := range margins[j] {
			rep.MarginDiff = math.Max(rep.MarginDiff, math.Abs(count[c]-m))
		}
	}
	rep.Clipped = trimmed
	if !trimmed {
		rep.Raking = &Raking{Factors: factors}
		for _, f := range factors {
			for _, v := range f {
				if !(v > 0) || math.IsInf(v, 0) {
					rep.Raking = nil
				}
			}
		}
	}
	if !rep.Converged {
		return w, rep, fmt.Errorf("after %d sweeps the joint table still changed by %v (tolerance %v): %w", rep.Iterations, rep.MaxDiff, tol, ErrRakeNotConverged)
	}
	return w, rep, nil
}

// rakeTrim clips w to [lower·w̄, upper·w̄] (a bound of 0 is none) and
// returns how many weights are at a bound. Zero weights stay zero.
func rakeTrim(w []float64, lower, upper float64) int {
	mean := 0.0
	for _, v := range w {
		mean += v
	}
	mean /= float64(len(w))
	lo, hi := lower*mean, math.Inf(1)
	if upper > 0 {
		hi = upper * mean
	}
	trimmed := 0
	for i, v := range w {
		switch {
		case v <= lo && lower > 0 && v > 0:
			w[i] = lo
			trimmed++
		case v >= hi:
			w[i] = hi
			trimmed++
		}
	}
	return trimmed
}
