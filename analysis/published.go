package analysis

import (
	"fmt"
	"strings"

	"github.com/surveystat/surveystat/survey"
)

// Mismatch is a published figure that a data file does not reproduce.
type Mismatch struct {
	Figure    survey.PublishedFigure
	Share     float64 // the share in the data; NaN if not estimable
	Estimable bool
}

func (m Mismatch) String() string {
	f := m.Figure
	where := ""
	if f.Subgroup != "" {
		where = fmt.Sprintf(" among %s = %s", f.Subgroup, f.SubgroupValue)
	}
	if !m.Estimable {
		return fmt.Sprintf("%s: %s = %s%s: no estimate in the data", f.Figure, f.Question, f.Category, where)
	}
	return fmt.Sprintf("%s: %s = %s%s: published %v%% (%d decimals), data give %.4f%%",
		f.Figure, f.Question, f.Category, where, float64(f.Percent), f.Decimals, 100*m.Share)
}

// CheckPublished returns the primary published figures that the estimates do not
// reproduce at their published rounding.
func CheckPublished(figs []survey.PublishedFigure, est []Estimate) []Mismatch {
	var out []Mismatch
	for _, f := range figs {
		if f.Status != "primary" {
			continue
		}
		e, ok := FindPublished(est, f)
		if !ok {
			out = append(out, Mismatch{Figure: f})
			continue
		}
		if !f.Matches(e.Share) {
			out = append(out, Mismatch{Figure: f, Share: e.Share, Estimable: true})
		}
	}
	return out
}

// FindPublished returns the estimate a published figure refers to.
func FindPublished(est []Estimate, f survey.PublishedFigure) (Estimate, bool) {
	for _, e := range est {
		if e.Question == f.Question && e.Category == f.Category &&
			e.Subgroup == f.Subgroup && e.SubgroupValue == f.SubgroupValue {
			return e, true
		}
	}
	return Estimate{}, false
}

// MismatchError lists published figures a file does not reproduce.
type MismatchError []Mismatch

func (m MismatchError) Error() string {
	s := make([]string, len(m))
	for i := range m {
		s[i] = m[i].String()
	}
	return "published figures not reproduced:\n  " + strings.Join(s, "\n  ")
}
