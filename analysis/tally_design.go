package analysis

import (
	"errors"
	"fmt"
	"math"

	"github.com/surveystat/surveystat/survey"
)

// designTally holds the design-based accumulators of a Tally: for every
// question and derived estimate, one DesignCategories overall and one per
// subgroup category (the domain), and one DesignTable per independence
// test. Every respondent is added to every accumulator, inside or outside
// its domain, as domain estimation requires.
type designTally struct {
	lonely LonelyPSU
	raking *Raking       // nil unless the weights are raked
	rakeQ  []int         // question index of every raking margin variable
	margin []int         // scratch: the respondent's margin categories
	q      []designCells // per question
	d      []designCells // per derived estimate (categories: event, not)
	tables []*DesignTable
	comps  []*DesignDiff // per comparison
	err    error         // first error from an accumulator
}

type designCells struct {
	overall *DesignCategories
	by      [][]*DesignCategories // [subgroup][subgroup category]
}

// IndependenceResult is a Rao–Scott test of independence between a
// question and a subgroup variable among the question's base, with the
// p-values adjusted over the study's family of such tests.
type IndependenceResult struct {
	Question, By string
	RaoScottResult
	// HolmP and BHP adjust PF over all tests of the study (Holm's step-down
	// and Benjamini–Hochberg), as R's p.adjust.
	HolmP, BHP float64
}

func (t *Tally) newDesign() error {
	s := t.study
	lonely, err := ParseLonelyPSU(s.Data.LonelyPSU)
	if err != nil {
		return fmt.Errorf("data.lonely_psu: %w", err)
	}
	dt := &designTally{lonely: lonely}
	cells := func(k int) (designCells, error) {
		var c designCells
		var err error
		if c.overall, err = NewDesignCategories(k, lonely); err != nil {
			return c, err
		}
		c.by = make([][]*DesignCategories, len(t.subgroups))
		for gi, g := range t.subgroups {
			c.by[gi] = make([]*DesignCategories, len(s.Questions[g].Categories))
			for li := range c.by[gi] {
				if c.by[gi][li], err = NewDesignCategories(k, lonely); err != nil {
					return c, err
				}
			}
		}
		return c, nil
	}
	if s.HasDesign() {
		for qi := range s.Questions {
			c, err := cells(len(s.Questions[qi].Categories))
			if err != nil {
				return err
			}
			dt.q = append(dt.q, c)
		}
		for range s.Derived {
			c, err := cells(2)
			if err != nil {
				return err
			}
			dt.d = append(dt.d, c)
		}
		for range s.Compare {
			dt.comps = append(dt.comps, NewDesignDiff(lonely))
		}
	}
	for _, it := range s.Analysis.Independence {
		q, g := s.Question(it.Question), s.Question(it.By)
		tab, err := NewDesignTable(len(q.Categories), len(g.Categories), lonely)
		if err != nil {
			return err
		}
		dt.tables = append(dt.tables, tab)
	}
	t.design = dt
	return nil
}

// SetRaking says that the weights of the respondents to come were raked,
// on the margin variables with the given question indices, as rk
// describes (RakeReport.Raking): the design-based variances then treat
// the weights as calibrated, as R's survey package does for a rake()d
// design. It must be called before the first Add; a nil rk (weights
// trimmed while raking) leaves the weights treated as fixed.
func (t *Tally) SetRaking(rk *Raking, questions []int) error {
	if t.rows > 0 {
		return fmt.Errorf("raking set after %d respondents: %w", t.rows, ErrDesign)
	}
	if rk == nil || t.design == nil {
		return nil
	}
	if len(questions) != len(rk.Factors) {
		return fmt.Errorf("%d margin variables for %d raking margins: %w", len(questions), len(rk.Factors), ErrDesign)
	}
	for m, qi := range questions {
		if qi < 0 || qi >= len(t.study.Questions) || len(t.study.Questions[qi].Categories) != len(rk.Factors[m]) {
			return fmt.Errorf("raking margin %d does not match a question's categories: %w", m, ErrDesign)
		}
	}
	t.design.raking = rk
	t.design.rakeQ = append([]int(nil), questions...)
	t.design.margin = make([]int, len(questions))
	return nil
}

// addDesign adds a respondent to the design accumulators; cats holds, per
// question, the answer's category within the base or −1, and events, per
// derived estimate, 0 (event), 1 (no event) or −1 (outside its base).
func (t *Tally) addDesign(r *survey.Respondent, cats, events []int) {
	dt := t.design
	if dt == nil || dt.err != nil {
		return
	}
	// Identical respondents (same answers, weight and design ids) may come
	// as one row with a count: the accumulators take them in one step.
	count := 1
	if r.Count > 1 {
		if r.Count != float64(int(r.Count)) {
			dt.err = fmt.Errorf("cell count %v is not a whole number: %w", r.Count, ErrDesign)
			return
		}
		count = int(r.Count)
	}
	row := DesignRow{Stratum: r.Stratum, PSU: r.PSU, Weight: r.Weight, FPC: r.FPC, Summed: r.Summed, WeightSq: r.WeightSq}
	if dt.raking != nil {
		for m, qi := range dt.rakeQ {
			dt.margin[m] = r.Values[qi]
		}
		row.Raking, row.Margins = dt.raking, dt.margin
	}
	add := func(c designCells, v int) {
		if dt.err != nil {
			return
		}
		if err := addCategory(c.overall, row, v, count); err != nil {
			dt.err = err
			return
		}
		for gi, g := range t.subgroups {
			lv := r.Values[g]
			for li, acc := range c.by[gi] {
				cv := -1
				if li == lv {
					cv = v
				}
				if err := addCategory(acc, row, cv, count); err != nil {
					dt.err = err
					return
				}
			}
		}
	}
	for qi, c := range dt.q {
		v := cats[qi]
		if v < 0 && t.missingIn[qi] {
			v = inBaseNoCategory
		}
		add(c, v)
	}
	for di, c := range dt.d {
		add(c, events[di])
	}
	for ci := range dt.comps {
		c := &t.study.Compare[ci]
		qa, qb := t.study.QuestionIndex(c.ItemA.Question), t.study.QuestionIndex(c.ItemB.Question)
		va, vb := cats[qa], cats[qb]
		in1, in2 := va >= 0, vb >= 0
		if c.Paired() {
			in1 = in1 && in2
			in2 = in1
		} else {
			g := r.Values[t.study.QuestionIndex(c.GroupA.Question)]
			gq := t.study.Question(c.GroupA.Question)
			in1 = in1 && g == gq.CategoryIndex(c.GroupA.Category)
			in2 = in2 && g == gq.CategoryIndex(c.GroupB.Category)
		}
		y1 := t.study.Questions[qa].InItem(c.ItemA.Category, va)
		y2 := t.study.Questions[qb].InItem(c.ItemB.Category, vb)
		if err := dt.comps[ci].AddN(row, in1, y1, in2, y2, count); err != nil && dt.err == nil {
			dt.err = err
		}
	}
	for ti, it := range t.study.Analysis.Independence {
		i := cats[t.study.QuestionIndex(it.Question)]
		j := r.Values[t.study.QuestionIndex(it.By)]
		if i < 0 || j < 0 {
			i, j = -1, -1
		}
		if err := dt.tables[ti].AddN(row, i, j, count); err != nil && dt.err == nil {
			dt.err = err
		}
	}
}

// designEstimate turns a design accumulator's estimate of category c into
// the fields of an Estimate. Where the respondents of an estimate leave no
// degrees of freedom (a question asked of a single respondent, or all of
// them in one PSU per stratum; R's svyciprop gives NA) or its interval
// cannot be computed, the estimate is kept with the uninformative
// interval [0, 1], suppressed and given its reason, overall as in
// subgroups, rather than stopping the whole analysis.
func (t *Tally) designEstimate(acc *DesignCategories, cs []int, e *Estimate) error {
	de, err := acc.EstimateSet(cs)
	if err != nil {
		return err
	}
	iv, err := DesignInterval(t.study.Analysis.Design, de, t.study.Analysis.Level, TwoSided)
	if err != nil {
		switch {
		case errors.Is(err, ErrDesignDF):
			e.Reason = ReasonNoDF
		case errors.Is(err, ErrDegenerate):
			e.Reason = ReasonNotComputable
		default:
			return err
		}
		iv, e.Suppressed = Interval{Lower: 0, Upper: 1}, true
	}
	e.Share, e.Lower, e.Upper = de.P, iv.Lower, iv.Upper
	e.Method = "svy-" + t.study.Analysis.Design
	if !e.Suppressed && (de.P == 0 || de.P == 1) {
		// No variance: the interval is the Korn–Graubard limit on Kish's
		// effective n, not the study's method (DesignInterval).
		e.Method = MethodDesignEdge
	}
	// The design effect of the estimate's variance, as R's svymean(...,
	// deff = "replace"), and the n of a simple random sample with the same
	// variance; NaN where the share is 0 or 1. A variance that is zero but
	// for rounding (a raking margin's category: design effect below 1e-8)
	// has design effect 0 and no effective n (NaN), not one of 1e15.
	e.Deff = de.DeffReplace
	e.NEff = float64(de.NObs) / de.DeffReplace
	if noiseVariance(de) || e.Deff < zeroVarRatio {
		e.Deff, e.NEff = 0, math.NaN()
	}
	e.Design = &de
	return nil
}

// Independence returns the study's tests of independence with Holm and
// Benjamini–Hochberg adjusted p-values over the whole family.
func (t *Tally) Independence() ([]IndependenceResult, error) {
	if t.design == nil {
		return nil, nil
	}
	if t.design.err != nil {
		return nil, t.design.err
	}
	var out []IndependenceResult
	var ps []float64
	for ti, it := range t.study.Analysis.Independence {
		rs, err := t.design.tables[ti].RaoScott()
		if err != nil {
			return nil, fmt.Errorf("independence of %s and %s: %w", it.Question, it.By, err)
		}
		out = append(out, IndependenceResult{Question: it.Question, By: it.By, RaoScottResult: rs})
		ps = append(ps, rs.PF)
	}
	holm, bh := HolmAdjust(ps), BHAdjust(ps)
	for i := range out {
		out[i].HolmP, out[i].BHP = holm[i], bh[i]
	}
	return out, nil
}

// inBaseNoCategory marks a respondent in a question's base with a missing
// code that stays in the base (missing_in_base): in the domain, in no
// category. Other negative categories are outside the domain.
const inBaseNoCategory = -2

// addCategory adds respondents to a design accumulator by category,
// including inBaseNoCategory.
func addCategory(acc *DesignCategories, row DesignRow, v, count int) error {
	if v == inBaseNoCategory {
		return acc.AddInBaseN(row, count)
	}
	return acc.AddN(row, v, count)
}
