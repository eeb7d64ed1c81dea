package analysis

import (
	"errors"
	"fmt"

	"github.com/surveystat/surveystat/survey"
)

// Tally accumulates the counts every share of a study is computed from, one
// respondent at a time, so that memory depends on the number of questions,
// categories and subgroups, not on the number of respondents.
type Tally struct {
	study     *survey.Study
	subgroups []int // question index of each subgroup variable
	rows      int
	q         []questionTally
	d         []derivedTally
	design    *designTally // nil without design accumulators
	cats      []int        // scratch: category per question within its base, or −1
	missingIn []bool       // scratch: per question, a missing code kept in the base (missing_in_base)
	events    []int        // scratch: per derived estimate 0, 1 or −1
	pairs     [][4]float64 // per comparison: the paired 2×2 table
	err       error
}

// derivedTally counts one derived estimate: category 0 is "the event
// holds", 1 "it does not".
type derivedTally struct {
	overall cell
	by      [][]cell
	unknown int // in the base, but the event depends on a missing answer
}

type questionTally struct {
	overall cell
	by      [][]cell // [subgroup][subgroup category]
	acc     Accounting
}

// cell holds the answers of the respondents in one base (overall, or
// within one subgroup category).
type cell struct {
	n      float64   // respondents with a valid answer
	counts []float64 // respondents per category
}

func newCell(k int) cell { return cell{counts: make([]float64, k)} }

// Accounting says what happened to every row for one question: rows read =
// OutsideBase + InBase, and InBase = Used + Missing + NoAnswer; a missing
// code kept in the base (missing_in_base) counts as Used and KeptInBase.
type Accounting struct {
	Question    string `json:"question"`
	OutsideBase int    `json:"outside_base"`         // not asked: outside the question's base
	Ignored     int    `json:"ignored_outside_base"` // of those, answers ignored under data.outside_base: warn
	InBase      int    `json:"in_base"`              // in the question's base
	Used        int    `json:"used"`                 // in the base and counted: a valid answer, or a missing code kept in the base
	KeptInBase  int    `json:"missing_in_base"`      // of Used, a missing code kept in the base (missing_in_base), in no category
	Missing     int    `json:"missing_code"`         // in the base with a declared missing code, left out of it
	NoAnswer    int    `json:"no_answer"`            // in the base with an empty cell
}

// NewTally returns an empty tally for the study's questions, broken down by
// its declared subgroups.
func NewTally(s *survey.Study) *Tally {
	t := &Tally{study: s}
	for _, g := range s.Subgroups {
		t.subgroups = append(t.subgroups, s.QuestionIndex(g))
	}
	t.d = make([]derivedTally, len(s.Derived))
	for i := range t.d {
		t.d[i].overall = newCell(2)
		t.d[i].by = t.newBy(2)
	}
	t.q = make([]questionTally, len(s.Questions))
	for qi := range s.Questions {
		k := len(s.Questions[qi].Categories)
		qt := &t.q[qi]
		qt.overall = newCell(k)
		qt.acc.Question = s.Questions[qi].ID
		qt.by = t.newBy(k)
	}
	t.cats = make([]int, len(s.Questions))
	t.missingIn = make([]bool, len(s.Questions))
	t.events = make([]int, len(s.Derived))
	t.pairs = make([][4]float64, len(s.Compare))
	if s.HasDesign() || len(s.Analysis.Independence) > 0 {
		if err := t.newDesign(); err != nil {
			t.err = err
		}
	}
	return t
}

// newBy returns empty subgroup cells for a variable with k categories.
func (t *Tally) newBy(k int) [][]cell {
	by := make([][]cell, len(t.subgroups))
	for gi, g := range t.subgroups {
		by[gi] = make([]cell, len(t.study.Questions[g].Categories))
		for li := range by[gi] {
			by[gi][li] = newCell(k)
		}
	}
	return by
}

// addTo counts answer v of count respondents with the given values into
// the overall cell and the subgroup cells.
func (t *Tally) addTo(overall *cell, by [][]cell, v int, values []int, count float64) {
	overall.n += count
	overall.counts[v] += count
	for gi, g := range t.subgroups {
		if lv := values[g]; lv >= 0 {
			c := &by[gi][lv]
			c.n += count
			c.counts[v] += count
		}
	}
}

// addBase counts respondents into the base of the overall cell and the
// subgroup cells without counting them in any category: a missing code of
// a question whose "don't know" stays in the base (missing_in_base).
func (t *Tally) addBase(overall *cell, by [][]cell, values []int, count float64) {
	overall.n += count
	for gi, g := range t.subgroups {
		if lv := values[g]; lv >= 0 {
			by[gi][lv].n += count
		}
	}
}

// Add counts one respondent, or r.Count identical respondents of an
// aggregated cell table (a Count of 0 is taken as 1).
func (t *Tally) Add(r *survey.Respondent) {
	count := r.Count
	if count == 0 {
		count = 1
	}
	n := int(count)
	t.rows += n
	for qi := range t.q {
		qt := &t.q[qi]
		t.cats[qi] = -1
		t.missingIn[qi] = false
		if !t.study.InBase(qi, r.Values) {
			qt.acc.OutsideBase += n
			if r.Ignored != nil && r.Ignored[qi] {
				qt.acc.Ignored += n
			}
			continue
		}
		qt.acc.InBase += n
		v := r.Values[qi]
		switch {
		case v == survey.Missing:
			if t.study.Questions[qi].MissingInBase {
				qt.acc.Used += n
				qt.acc.KeptInBase += n
				t.missingIn[qi] = true
				t.addBase(&qt.overall, qt.by, r.Values, count)
				continue
			}
			qt.acc.Missing += n
			continue
		case v < 0:
			qt.acc.NoAnswer += n
			continue
		}
		qt.acc.Used += n
		t.cats[qi] = v
		t.addTo(&qt.overall, qt.by, v, r.Values, count)
	}
	for di := range t.d {
		dt := &t.d[di]
		in, event, known := t.study.Evaluate(&t.study.Derived[di], r.Values)
		t.events[di] = -1
		switch {
		case !in:
		case !known:
			dt.unknown += n
		case event:
			t.events[di] = 0
			t.addTo(&dt.overall, dt.by, 0, r.Values, count)
		default:
			t.events[di] = 1
			t.addTo(&dt.overall, dt.by, 1, r.Values, count)
		}
	}
	t.addPairs(count)
	if t.design != nil {
		t.addDesign(r, t.cats, t.events)
	}
}

// Rows returns the number of respondents added.
func (t *Tally) Rows() int { return t.rows }

// Accounting returns, per question in study order, what happened to every
// row.
func (t *Tally) Accounting() []Accounting {
	out := make([]Accounting, len(t.q))
	for i := range t.q {
		out[i] = t.q[i].acc
	}
	return out
}

// DerivedInBase returns, per derived estimate in study order, the number
// of respondents in its base (base.when, or every row read), whether or
// not they answered every question the event needs; the estimate's Base
// counts only those who did.
func (t *Tally) DerivedInBase() []int {
	out := make([]int, len(t.d))
	for i := range t.d {
		out[i] = int(t.d[i].overall.n) + t.d[i].unknown
	}
	return out
}

// Estimates returns the share of every category of every question with its
// confidence interval, using each question's interval method and the
// study's level: first the overall rows of all questions in study order,
// then each question by each subgroup. Subgroup cells with an empty base
// are left out; a question whose overall base is empty is an error.
func (t *Tally) Estimates() ([]Estimate, error) {
	s := t.study
	if t.err != nil {
		return nil, t.err
	}
	if t.design != nil && t.design.err != nil {
		return nil, t.design.err
	}
	useDesign := t.design != nil && len(t.design.q) > 0
	level := s.Analysis.Level
	var out []Estimate
	row := func(id, cat, method string, x float64, c *cell, sub, subv string, acc *DesignCategories, ci []int) error {
		where := ""
		if sub != "" {
			where = fmt.Sprintf(" among %s = %s", sub, subv)
		}
		iv, err := ProportionInterval(method, x, c.n, level, TwoSided)
		reason := ""
		switch {
		case errors.Is(err, ErrDegenerate):
			// One interval that cannot be computed does not stop the
			// analysis: the row is kept, suppressed, as R's NA.
			iv, reason = Interval{Lower: 0, Upper: 1}, ReasonNotComputable
		case err != nil:
			return fmt.Errorf("%q, category %q%s: %w", id, cat, where, err)
		}
		out = append(out, Estimate{
			Question: id, Category: cat, Subgroup: sub, SubgroupValue: subv,
			Base: c.n, Count: x, Share: x / c.n, Lower: iv.Lower, Upper: iv.Upper,
			Method: method, Level: level,
			Deff: 1, NEff: c.n,
		})
		if reason != "" {
			out[len(out)-1].Suppressed, out[len(out)-1].Reason = true, reason
		} else if s.Analysis.MinBase > 0 && c.n < float64(s.Analysis.MinBase) {
			out[len(out)-1].Suppressed, out[len(out)-1].Reason = true, ReasonMinBase
		}
		if useDesign {
			if err := t.designEstimate(acc, ci, &out[len(out)-1]); err != nil {
				return fmt.Errorf("%q, category %q%s: design-based estimate: %w", id, cat, where, err)
			}
		}
		return nil
	}
	// design returns the design accumulator matching a cell: gi < 0 is
	// the overall one.
	design := func(dc []designCells, i, gi, li int) *DesignCategories {
		if !useDesign {
			return nil
		}
		if gi < 0 {
			return dc[i].overall
		}
		return dc[i].by[gi][li]
	}
	add := func(qi int, c *cell, sub, subv string, gi, li int) error {
		q := &s.Questions[qi]
		var acc *DesignCategories
		if useDesign {
			acc = design(t.design.q, qi, gi, li)
		}
		for ci, cat := range q.Categories {
			if err := row(q.ID, cat.ID, q.Method, c.counts[ci], c, sub, subv, acc, []int{ci}); err != nil {
				return err
			}
		}
		// Nets follow the categories: the share answering any of theirs.
		for _, n := range q.Nets {
			cs := q.ItemCategories(n.ID)
			x := 0.0
			for _, ci := range cs {
				x += c.counts[ci]
			}
			if err := row(q.ID, n.ID, q.Method, x, c, sub, subv, acc, cs); err != nil {
				return err
			}
		}
		return nil
	}
	addDerived := func(di int, c *cell, sub, subv string, gi, li int) error {
		var acc *DesignCategories
		if useDesign {
			acc = design(t.design.d, di, gi, li)
		}
		return row(s.Derived[di].ID, survey.DerivedCategory, s.Analysis.Method, c.counts[0], c, sub, subv, acc, []int{0})
	}
	for qi := range t.q {
		if t.q[qi].overall.n == 0 {
			q := &s.Questions[qi]
			return nil, fmt.Errorf("question %q: no respondent in its base (%s) gave a valid answer: %w", q.ID, q.BaseDescription("en"), ErrEmptyBase)
		}
		if err := add(qi, &t.q[qi].overall, "", "", -1, 0); err != nil {
			return nil, err
		}
	}
	for di := range t.d {
		if t.d[di].overall.n == 0 {
			return nil, fmt.Errorf("derived %q: no respondent in its base: %w", s.Derived[di].ID, ErrEmptyBase)
		}
		if err := addDerived(di, &t.d[di].overall, "", "", -1, 0); err != nil {
			return nil, err
		}
	}
	for qi := range t.q {
		for gi, g := range t.subgroups {
			if g == qi {
				continue
			}
			gq := &s.Questions[g]
			for li := range t.q[qi].by[gi] {
				c := &t.q[qi].by[gi][li]
				if c.n == 0 {
					continue
				}
				if err := add(qi, c, gq.ID, gq.Categories[li].ID, gi, li); err != nil {
					return nil, err
				}
			}
		}
	}
	for di := range t.d {
		for gi, g := range t.subgroups {
			gq := &s.Questions[g]
			for li := range t.d[di].by[gi] {
				if c := &t.d[di].by[gi][li]; c.n > 0 {
					if err := addDerived(di, c, gq.ID, gq.Categories[li].ID, gi, li); err != nil {
						return nil, err
					}
				}
			}
		}
	}
	return out, nil
}
