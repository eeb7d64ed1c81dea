package report

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// Result is everything computed from a study's inputs.
type Result struct {
	Study      *survey.Study
	Rows       int                   // respondents read
	Accounting []analysis.Accounting // per question, what happened to every row
	Estimates  []analysis.Estimate
	Published  []survey.PublishedFigure
	Mismatches []analysis.Mismatch // primary published figures not reproduced
	Claims     []ClaimResult

	// Rake reports the raking of the weights, when the study rakes.
	Rake *analysis.RakeReport
	// Independence holds the study's Rao–Scott tests of independence.
	Independence []analysis.IndependenceResult
	// Comparisons holds the study's differences of two shares.
	Comparisons []analysis.ComparisonResult
}

// ClaimResult is a study claim with its test.
type ClaimResult struct {
	Claim survey.Claim
	analysis.ClaimResult
}

// Analyse reads the study's respondent file and published figures and
// computes every estimate.
func Analyse(s *survey.Study) (*Result, error) {
	return AnalyseWith(s, nil)
}

// InputFunc wraps a respondent file of the given size as it is opened, for
// example to draw a progress bar; done is called when reading has ended.
type InputFunc func(r io.Reader, size int64, name string) (wrapped io.Reader, done func())

// AnalyseWith is Analyse with the respondent file passed through in (nil:
// read as it is).
func AnalyseWith(s *survey.Study, in InputFunc) (*Result, error) {
	path := s.DataPath()
	open := func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("respondent file (data.file in %s, relative to the study file): %w", s.Path, err)
		}
		if in == nil {
			return f, nil
		}
		st, err := f.Stat()
		if err != nil {
			f.Close()
			return nil, err
		}
		r, done := in(f, st.Size(), path)
		return readCloser{r, func() error { done(); return f.Close() }}, nil
	}
	return analyse(s, open, path)
}

type readCloser struct {
	io.Reader
	close func() error
}

func (r readCloser) Close() error { return r.close() }

// AnalyseReader is Analyse on a respondent file read from r; name is used
// in errors. A study that rakes its weights reads the data twice, so r is
// read into memory first in that case.
func AnalyseReader(s *survey.Study, r io.Reader, name string) (*Result, error) {
	if s.Analysis.Rake == nil {
		return analyse(s, func() (io.ReadCloser, error) { return io.NopCloser(r), nil }, name)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return analyse(s, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }, name)
}

// checkMethods rejects unknown interval methods before any data is read.
func checkMethods(s *survey.Study) error {
	for _, q := range s.Questions {
		if !slices.Contains(analysis.MethodNames(), q.Method) {
			return fmt.Errorf("%s: question %q: interval method %q: want one of %s", s.Path, q.ID, q.Method, strings.Join(analysis.MethodNames(), ", "))
		}
	}
	if !slices.Contains(analysis.DesignMethodNames(), s.Analysis.Design) {
		return fmt.Errorf("%s: analysis.design %q: want one of %s", s.Path, s.Analysis.Design, strings.Join(analysis.DesignMethodNames(), ", "))
	}
	return nil
}

// rake reads the data once to rake the weights to the study's margins and
// returns the raked weight of every respondent in file order.
func rake(s *survey.Study, open func() (io.ReadCloser, error), name string) ([]float64, *analysis.RakeReport, error) {
	m, err := s.LoadMargins()
	if err != nil {
		return nil, nil, err
	}
	var weights []float64
	vars := make([][]int, len(m.Variables))
	idx := make([]int, len(m.Variables))
	for i, v := range m.Variables {
		idx[i] = s.QuestionIndex(v)
	}
	f, err := open()
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	err = survey.Scan(f, s, name, func(r *survey.Respondent) error {
		for i, qi := range idx {
			if r.Values[qi] < 0 {
				return fmt.Errorf("%s:%d: raking variable %s has no valid answer: every respondent needs one", name, r.Line, m.Variables[i])
			}
			vars[i] = append(vars[i], r.Values[qi])
		}
		weights = append(weights, r.Weight)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	rs := s.Analysis.Rake
	raked, rep, err := analysis.Rake(weights, vars, m.Totals, analysis.RakeOptions{Tol: rs.Tol, MaxIter: rs.MaxIter, Lower: rs.Lower, Upper: rs.Upper})
	if err != nil {
		return nil, nil, fmt.Errorf("raking to %s: %w", s.RakePath(), err)
	}
	return raked, &rep, nil
}

func analyse(s *survey.Study, open func() (io.ReadCloser, error), name string) (*Result, error) {
	if err := checkMethods(s); err != nil {
		return nil, err
	}
	var raked []float64
	var rakeReport *analysis.RakeReport
	if s.Analysis.Rake != nil {
		var err error
		if raked, rakeReport, err = rake(s, open, name); err != nil {
			return nil, err
		}
	}
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t := analysis.NewTally(s)
	if rakeReport != nil {
		m, err := s.LoadMargins()
		if err != nil {
			return nil, err
		}
		idx := make([]int, len(m.Variables))
		for i, v := range m.Variables {
			idx[i] = s.QuestionIndex(v)
		}
		if err := t.SetRaking(rakeReport.Raking, idx); err != nil {
			return nil, fmt.Errorf("%s: %w", s.Path, err)
		}
	}
	i := 0
	// Identical rows (answers, weight, design ids) are counted once with
	// their multiplicity (survey.ScanCells), which is several times faster
	// on large files and gives the same tallies. Raked weights differ per
	// row, so raking reads row by row.
	scan := survey.ScanCells
	if raked != nil {
		scan = survey.Scan
	}
	if err := scan(f, s, name, func(r *survey.Respondent) error {
		if raked != nil {
			if r.Summed && r.Weight > 0 {
				// A weighted cell table's row: raking scales every weight
				// of the row by the same factor.
				g := raked[i] / r.Weight
				r.WeightSq *= g * g
			}
			r.Weight = raked[i]
		}
		i++
		t.Add(r)
		return nil
	}); err != nil {
		return nil, err
	}
	indep, err := t.Independence()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	comps, err := t.Comparisons()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	est, err := t.Estimates()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path, err)
	}
	pub, err := s.LoadPublished()
	if err != nil {
		return nil, err
	}
	var claims []ClaimResult
	for _, c := range s.Claims {
		q, cat := c.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		e, ok := findEstimate(est, q, cat)
		if !ok {
			return nil, fmt.Errorf("claim %q: no estimate for %s", c.ID, c.Item)
		}
		cr, err := analysis.EvaluateClaim(e, c.Op, c.Value, s.Analysis.Level)
		if err != nil {
			return nil, fmt.Errorf("claim %q: %w", c.ID, err)
		}
		claims = append(claims, ClaimResult{Claim: c, ClaimResult: cr})
	}
	return &Result{
		Rake:         rakeReport,
		Independence: indep,
		Comparisons:  comps,
		Claims:       claims,
		Study:        s,
		Rows:         t.Rows(),
		Accounting:   t.Accounting(),
		Estimates:    est,
		Published:    pub,
		Mismatches:   analysis.CheckPublished(pub, est),
	}, nil
}

func findEstimate(est []analysis.Estimate, q, cat string) (analysis.Estimate, bool) {
	for _, e := range est {
		if e.Question == q && e.Category == cat && e.Subgroup == "" {
			return e, true
		}
	}
	return analysis.Estimate{}, false
}

// Overall returns the overall estimate of a question's category.
func (r *Result) Overall(question, category string) (analysis.Estimate, bool) {
	return r.Find(question, category, "", "")
}

// Find returns the estimate of a question's category, overall (empty
// subgroup) or within a subgroup category.
func (r *Result) Find(question, category, subgroup, value string) (analysis.Estimate, bool) {
	for _, e := range r.Estimates {
		if e.Question == question && e.Category == category && e.Subgroup == subgroup && e.SubgroupValue == value {
			return e, true
		}
	}
	return analysis.Estimate{}, false
}
