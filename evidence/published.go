package evidence

import (
	"sort"

	"github.com/surveystat/surveystat/analysis"
)

// inconsistentFigures words the published figures of estimate e that the
// data does not reproduce at their published rounding, for the exhibit
// that rests on e: "7% (primary), not reproduced by the data (11.8%,
// 8.9–15.5%); see “Published and recomputed figures”".
func inconsistentFigures(e analysis.Estimate, in Input, ms *messages) []string {
	var out []string
	for _, p := range in.Published {
		pe := p.Estimate
		if p.Matches || pe == nil || pe.Suppressed || pe.Question != e.Question || pe.Category != e.Category ||
			pe.Subgroup != e.Subgroup || pe.SubgroupValue != e.SubgroupValue {
			continue
		}
		out = append(out, ms.T("pub_exhibit",
			"published", in.Format.Percent(p.Percent/100, p.Decimals), "status", ms.T("pub_"+p.Status),
			"data", in.Format.Percent(pe.Share, 1), "interval", in.Format.Range(pe.Lower, pe.Upper),
			"section", ms.T("h_published")))
	}
	return out
}

// published lists the published figures next to the recomputed shares,
// inconsistencies first (a figure the data does not reproduce at its
// published rounding, including alternative figures reported elsewhere),
// each group in the order of the published-figures file.
func published(in Input, ms *messages) ([]PubRow, string) {
	if len(in.Published) == 0 {
		return nil, ms.T("published_none")
	}
	f := in.Format
	rows := make([]PubRow, 0, len(in.Published))
	bad := 0
	for _, p := range in.Published {
		r := PubRow{
			Figure:    p.Figure,
			Label:     p.Label,
			Published: f.Percent(p.Percent/100, p.Decimals),
			Base:      p.Base,
			Status:    ms.T("pub_" + p.Status),
			Data:      "–",
		}
		switch {
		case p.Estimate == nil:
			r.Consistent = ms.T("pub_no_estimate")
		case p.Estimate.Suppressed:
			r.Data = ms.T("pub_suppressed", "min", f.Count(float64(in.Study.Analysis.MinBase)))
			switch p.Estimate.Reason {
			case analysis.ReasonNoDF:
				r.Data = ms.T("pub_suppressed_no_df")
			case analysis.ReasonNotComputable:
				r.Data = ms.T("pub_suppressed_not_computable")
			}
			r.Consistent = ms.T("pub_no_estimate")
		default:
			r.Data = f.Percent(p.Estimate.Share, 1)
			r.Interval = f.Range(p.Estimate.Lower, p.Estimate.Upper)
			r.Consistent = ms.T("pub_consistent")
		}
		if !p.Matches || p.Precision != "" {
			r.Inconsistent = true
			if r.Consistent == ms.T("pub_consistent") {
				r.Consistent = ms.T("pub_inconsistent")
			}
			if p.Matches {
				// The share is reproduced, its precision is not.
				r.Consistent = p.Precision
			} else if p.Precision != "" {
				r.Consistent += "; " + p.Precision
			}
			bad++
		}
		rows = append(rows, r)
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Inconsistent && !rows[j].Inconsistent })
	if bad == 0 {
		return rows, ms.T(one(ms, "published_intro_all", len(rows)), "n", f.Count(float64(len(rows))))
	}
	key := "published_intro"
	for _, p := range in.Published {
		if p.Precision != "" {
			// Not every inconsistency is one of rounding.
			key = "published_intro_precision"
		}
	}
	return rows, ms.T(one(ms, key, bad), "bad", f.Count(float64(bad)), "n", f.Count(float64(len(rows))))
}
