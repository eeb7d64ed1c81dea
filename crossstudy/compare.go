package crossstudy

import (
	"errors"
	"fmt"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

// Result is a comparison computed: every study analysed on its own, the
// estimate of every item in every study, and the differences between
// consecutive surveys.
type Result struct {
	File    *File
	Level   float64          // confidence level of the differences
	Studies []*report.Result // in survey order
	// Cells holds, per item (in file order), the estimate in every study.
	Cells [][]Cell
	// Diffs holds, per item, the differences of consecutive surveys:
	// Diffs[i][j] compares survey j+1 with survey j (later − earlier).
	Diffs [][]Diff
}

// Cell is one item in one study.
type Cell struct {
	Question, Category string // the item in the study (Category "yes" for a derived estimate)
	Estimate           analysis.Estimate
}

// Diff is the difference of an item between survey A (the later) and
// survey B (the one before it).
type Diff struct {
	A, B int // study indices
	// Shown is false when either estimate is suppressed by its study's
	// small-cell rule: no difference is computed then.
	Shown bool
	analysis.SurveyDiff
}

// Run loads and analyses every study of the comparison file f and
// computes the differences.
func Run(f *File) (*Result, error) {
	r := &Result{File: f}
	seen := map[string]int{}
	for i := range f.Studies {
		s, err := survey.Load(f.StudyPath(i))
		if err != nil {
			return nil, fmt.Errorf("%s: studies[%d]: %w", f.Path, i, err)
		}
		if j, ok := seen[s.ID]; ok {
			return nil, fmt.Errorf("%s: studies[%d] and studies[%d] are both study %q", f.Path, j, i, s.ID)
		}
		seen[s.ID] = i
		res, err := report.Analyse(s)
		if err != nil {
			return nil, fmt.Errorf("%s: study %s: %w", f.Path, s.ID, err)
		}
		r.Studies = append(r.Studies, res)
	}
	for id := range f.itemStudies() {
		if _, ok := seen[id]; !ok {
			return nil, fmt.Errorf("%s: items: in names study %q, which is not among the studies (%s)", f.Path, id, strings.Join(r.studyIDs(), ", "))
		}
	}
	r.Level = f.Level
	if r.Level == 0 {
		r.Level = r.Studies[0].Study.Analysis.Level
	}
	for ii := range f.Items {
		it := &f.Items[ii]
		var cells []Cell
		for si, res := range r.Studies {
			s := res.Study
			ref := it.Item
			if v, ok := it.In[s.ID]; ok {
				ref = v
			}
			q, cat, err := resolve(s, ref)
			if err != nil {
				return nil, fmt.Errorf("%s: item %q in study %s (studies[%d]): %w", f.Path, it.ID, s.ID, si, err)
			}
			e, ok := res.Overall(q, cat)
			if !ok {
				return nil, fmt.Errorf("%s: item %q: study %s has no estimate for %s=%s", f.Path, it.ID, s.ID, q, cat)
			}
			cells = append(cells, Cell{Question: q, Category: cat, Estimate: e})
		}
		r.Cells = append(r.Cells, cells)
		var diffs []Diff
		for j := 0; j+1 < len(cells); j++ {
			d := Diff{A: j + 1, B: j}
			a, b := cells[j+1].Estimate, cells[j].Estimate
			if !a.Suppressed && !b.Suppressed {
				sd, err := analysis.SurveyDiffOf(a, b, r.Level)
				if err != nil && !errors.Is(err, analysis.ErrDegenerate) {
					return nil, fmt.Errorf("%s: item %q, %s against %s: %w", f.Path, it.ID, r.Studies[j+1].Study.ID, r.Studies[j].Study.ID, err)
				}
				d.SurveyDiff, d.Shown = sd, err == nil
			}
			diffs = append(diffs, d)
		}
		r.Diffs = append(r.Diffs, diffs)
	}
	return r, nil
}

// itemStudies returns the study ids named under items' in.
func (f *File) itemStudies() map[string]bool {
	m := map[string]bool{}
	for _, it := range f.Items {
		for id := range it.In {
			m[id] = true
		}
	}
	return m
}

func (r *Result) studyIDs() []string {
	ids := make([]string, len(r.Studies))
	for i, s := range r.Studies {
		ids[i] = s.Study.ID
	}
	return ids
}

// resolve turns an item reference into the question (or derived id) and
// category of the study's results.
func resolve(s *survey.Study, ref string) (question, category string, err error) {
	q, cat, hasCat := strings.Cut(ref, "=")
	q, cat = strings.TrimSpace(q), strings.TrimSpace(cat)
	if !hasCat {
		if s.DerivedByID(q) != nil {
			return q, survey.DerivedCategory, nil
		}
		return "", "", fmt.Errorf("item %q: want question=category, question=net or the id of a derived estimate", ref)
	}
	qq := s.Question(q)
	if qq == nil {
		return "", "", fmt.Errorf("item %q: unknown question %q", ref, q)
	}
	if !qq.HasItem(cat) {
		return "", "", fmt.Errorf("item %q: question %q has no category or net %q", ref, q, cat)
	}
	return q, cat, nil
}

// ItemLabel is the label of item i: the file's, or the first study's label
// of the item.
func (r *Result) ItemLabel(i int, lang string) string {
	if l := r.File.Items[i].Label.Get(lang); l != "" {
		return l
	}
	c := r.Cells[i][0]
	s := r.Studies[0].Study
	if d := s.DerivedByID(c.Question); d != nil {
		return d.Label.Get(lang)
	}
	q := s.Question(c.Question)
	return q.Label.Get(lang) + ": " + q.ItemLabel(c.Category).Get(lang)
}

// StudyLabel is how survey i is named: its label in the file, or its id.
func (r *Result) StudyLabel(i int, lang string) string {
	if l := r.File.Studies[i].Label.Get(lang); l != "" {
		return l
	}
	return r.Studies[i].Study.ID
}

// BaseDescription is the base of item i in study si, in words.
func (r *Result) BaseDescription(i, si int, lang string) string {
	s := r.Studies[si].Study
	c := r.Cells[i][si]
	if d := s.DerivedByID(c.Question); d != nil {
		return d.BaseDescription(lang)
	}
	return s.Question(c.Question).BaseDescription(lang)
}
