package analysis

import (
	"fmt"

	"github.com/surveystat/surveystat/survey"
)

// ComparisonResult is the difference of two shares with its interval and
// test, as asked for by a study's comparison.
type ComparisonResult struct {
	ID     string
	Paired bool
	// P1 and P2 are the two shares, N1 and N2 their bases (for a paired
	// comparison both are the respondents asked both questions).
	P1, P2, N1, N2 float64
	Diff           float64 // P1 − P2
	Interval               // for Diff, at the study's level
	Method         string  // interval method
	Test           TestResult
	// Table is the paired 2×2 table: both, first only, second only,
	// neither (respondents, unweighted).
	Table [4]float64
	// Design holds the design-based estimate in weighted or complex
	// samples, where Method is "svy-wald"; nil otherwise.
	Design *DesignDiffEstimate
}

// addPairs counts the paired 2×2 tables of the study's paired comparisons.
func (t *Tally) addPairs(count float64) {
	s := t.study
	for i := range s.Compare {
		c := &s.Compare[i]
		if !c.Paired() {
			continue
		}
		qa, qb := s.QuestionIndex(c.ItemA.Question), s.QuestionIndex(c.ItemB.Question)
		va, vb := t.cats[qa], t.cats[qb]
		if va < 0 || vb < 0 {
			continue
		}
		a := s.Questions[qa].InItem(c.ItemA.Category, va)
		b := s.Questions[qb].InItem(c.ItemB.Category, vb)
		cell := 3
		switch {
		case a && b:
			cell = 0
		case a:
			cell = 1
		case b:
			cell = 2
		}
		t.pairs[i][cell] += count
	}
}

// Comparisons returns the study's comparisons: paired ones by Newcombe's
// paired hybrid score interval with the test that inverts it
// (PairedNewcombeTest), or, when the comparison's method is "tango", by
// Tango's score interval with McNemar's test without continuity
// correction (R's mcnemar.test(correct = FALSE)), which is Tango's score
// test at δ = 0 — so that the interval excludes 0 exactly when p < α;
// McNemar's corrected test, used before, could give p = 0.081 beside an
// interval excluding 0. Independent ones by Newcombe's hybrid
// score interval with the two-sample score test (as R's prop.test without
// continuity correction). In weighted or complex samples both are
// design-based (DesignDiff): the linearised difference of the two
// weighted shares, covariance included, with a Wald interval and t test
// on the design's degrees of freedom.
func (t *Tally) Comparisons() ([]ComparisonResult, error) {
	s := t.study
	if len(s.Compare) == 0 {
		return nil, nil
	}
	level := s.Analysis.Level
	if t.design != nil && len(t.design.q) > 0 {
		return t.designComparisons(level)
	}
	var out []ComparisonResult
	for i := range s.Compare {
		c := &s.Compare[i]
		r := ComparisonResult{ID: c.ID, Paired: c.Paired()}
		if c.Paired() {
			tab := t.pairs[i]
			n := tab[0] + tab[1] + tab[2] + tab[3]
			if n == 0 {
				return nil, fmt.Errorf("comparison %q: no respondent answered both questions: %w", c.ID, ErrEmptyBase)
			}
			method := c.Method
			if method == "" {
				method = "newcombe"
			}
			iv, err := PairedDiff(tab[0], tab[1], tab[2], tab[3], level, method)
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			var test TestResult
			if method == "tango" {
				// Tango's score statistic at δ = 0 is McNemar's
				// uncorrected z, so the test and interval agree exactly.
				test, err = McNemarTest(tab[1], tab[2], false)
			} else {
				test, err = PairedNewcombeTest(tab[0], tab[1], tab[2], tab[3])
			}
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			r.Table, r.N1, r.N2 = tab, n, n
			r.P1, r.P2 = (tab[0]+tab[1])/n, (tab[0]+tab[2])/n
			r.Interval, r.Test, r.Method = iv, test, "paired-"+method
		} else {
			x1, n1, err := t.groupCount(c.ItemA, c.GroupA)
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			x2, n2, err := t.groupCount(c.ItemB, c.GroupB)
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			iv, err := NewcombeDiff(x1, n1, x2, n2, level)
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			test, err := TwoSampleScoreTest(x1, n1, x2, n2, TwoSided)
			if err != nil {
				return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
			}
			r.P1, r.P2, r.N1, r.N2 = x1/n1, x2/n2, n1, n2
			r.Interval, r.Test, r.Method = iv, test, "newcombe"
		}
		r.Diff = r.P1 - r.P2
		out = append(out, r)
	}
	return out, nil
}

// groupCount returns the count and base of an item within a subgroup
// category.
func (t *Tally) groupCount(it, group survey.Item) (x, n float64, err error) {
	s := t.study
	qi := s.QuestionIndex(it.Question)
	gq := s.QuestionIndex(group.Question)
	for gi, g := range t.subgroups {
		if g != gq {
			continue
		}
		li := s.Questions[g].CategoryIndex(group.Category)
		c := &t.q[qi].by[gi][li]
		if c.n == 0 {
			return 0, 0, fmt.Errorf("%s=%s among %s=%s: %w", it.Question, it.Category, group.Question, group.Category, ErrEmptyBase)
		}
		for _, ci := range s.Questions[qi].ItemCategories(it.Category) {
			x += c.counts[ci]
		}
		return x, c.n, nil
	}
	return 0, 0, fmt.Errorf("%s is not a subgroup variable", group.Question)
}

// designComparisons returns the study's comparisons from the design-based
// accumulators.
func (t *Tally) designComparisons(level float64) ([]ComparisonResult, error) {
	if t.design.err != nil {
		return nil, t.design.err
	}
	var out []ComparisonResult
	for i, acc := range t.design.comps {
		c := &t.study.Compare[i]
		e, err := acc.Estimate()
		if err != nil {
			return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
		}
		iv, test, err := DesignDiffInterval(e, level)
		if err != nil {
			return nil, fmt.Errorf("comparison %q: %w", c.ID, err)
		}
		r := ComparisonResult{
			ID: c.ID, Paired: c.Paired(),
			P1: e.P1, P2: e.P2, N1: float64(e.N1), N2: float64(e.N2),
			Diff: e.Diff, Interval: iv, Method: "svy-wald", Test: test,
			Design: &e,
		}
		if c.Paired() {
			r.Table = t.pairs[i]
		}
		out = append(out, r)
	}
	return out, nil
}
