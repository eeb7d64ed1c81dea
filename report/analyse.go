package report

import (
	"fmt"
	"io"
	"os"

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
}

// ClaimResult is a study claim with its test.
type ClaimResult struct {
	Claim survey.Claim
	analysis.ClaimResult
}

// Analyse reads the study's respondent file and published figures and
// computes every estimate.
func Analyse(s *survey.Study) (*Result, error) {
	path := s.DataPath()
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("respondent file (data.file in %s, relative to the study file): %w", s.Path, err)
	}
	defer f.Close()
	return AnalyseReader(s, f, path)
}

// AnalyseReader is Analyse on a respondent file read from r; name is used
// in errors.
func AnalyseReader(s *survey.Study, r io.Reader, name string) (*Result, error) {
	t := analysis.NewTally(s)
	if err := survey.Scan(r, s, name, func(r *survey.Respondent) error {
		t.Add(r)
		return nil
	}); err != nil {
		return nil, err
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
		Claims:     claims,
		Study:      s,
		Rows:       t.Rows(),
		Accounting: t.Accounting(),
		Estimates:  est,
		Published:  pub,
		Mismatches: analysis.CheckPublished(pub, est),
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
