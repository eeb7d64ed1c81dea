package evidence

import (
	"sort"
	"strings"

	"github.com/surveystat/surveystat/survey"
)

// checklist fills the survey-quality checklist from the study: the
// questions of the Federal Judicial Center's Reference Guide on Survey
// Research (S. S. Diamond, Reference Manual on Scientific Evidence, 3rd ed.
// 2011: population and sampling frame, selection, nonresponse, question
// wording and order, filters, administration, disclosure) and the Manual
// for Complex Litigation's criteria (accurate reporting, accepted
// statistical principles, objectivity). Every item the study does not
// document is a gap; nothing is left out.
func checklist(s *survey.Study, in Input, ms *messages) []Item {
	lang, f := in.Lang, in.Format
	m, q := s.Metadata, s.Evidence.Quality
	text := func(t survey.Text) string { return t.Get(lang) }
	join := func(parts ...string) string {
		var out []string
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, strings.TrimRight(p, "."))
			}
		}
		if len(out) == 0 {
			return ""
		}
		return strings.Join(out, "; ") + "."
	}
	var items []Item
	add := func(key, value string, gap bool) {
		if gap && value == "" {
			value = ms.T("gap_empty")
		}
		items = append(items, Item{Label: ms.T("check_" + key), Value: value, Gap: gap})
	}

	add("population", join(text(m.Population)), text(m.Population) == "")
	frame := join(text(q.SamplingFrame), text(m.SampleSource))
	add("frame", frame, frame == "")

	sampleType := ""
	if m.SampleType != "" {
		sampleType = ms.T("sample_type_" + m.SampleType)
	}
	size := ""
	if m.SampleSize > 0 {
		key := "sample_size"
		if m.SampleSizeAssumed {
			key = "sample_size_assumed"
		}
		size = ms.T(key, "n", f.Count(float64(m.SampleSize)))
	}
	add("selection", join(text(q.Selection), sampleType, size), text(q.Selection) == "" && sampleType == "")

	fieldwork := ""
	if m.FieldDates != "" {
		fieldwork = ms.T("field_dates", "dates", m.FieldDates)
	}
	add("fieldwork", join(text(m.Mode), fieldwork), text(m.Mode) == "" || m.FieldDates == "")
	add("nonresponse", join(text(q.Nonresponse)), text(q.Nonresponse) == "")

	// Wording: of the questions the exhibits rest on.
	var with, without []string
	seen := map[string]bool{}
	for _, p := range s.Evidence.Propositions {
		for _, id := range p.Claims {
			c := s.ClaimByID(id)
			if c == nil {
				continue
			}
			for _, qid := range claimQuestions(s, c) {
				if seen[qid] {
					continue
				}
				seen[qid] = true
				qq := s.Question(qid)
				if w := qq.Wording.Get(lang); w != "" {
					with = append(with, ms.T("quote", "text", w))
				} else {
					without = append(without, qq.Label.Get(lang))
				}
			}
		}
	}
	wording := ms.T("wording_count", "k", f.Count(float64(len(with))), "n", f.Count(float64(len(with)+len(without))))
	if len(with) > 0 {
		wording += ": " + strings.Join(with, "; ")
	}
	if len(without) > 0 {
		wording += ". " + ms.T("wording_missing", "list", strings.Join(without, "; "))
	}
	add("wording", join(wording), len(without) > 0)
	add("order", join(text(q.QuestionOrder)), text(q.QuestionOrder) == "")

	// Filters: the bases of the codebook document who was asked what.
	var filters []string
	for i := range s.Questions {
		qq := &s.Questions[i]
		if qq.HasBase() && seen[qq.ID] {
			filters = append(filters, ms.T("filter", "question", qq.Label.Get(lang), "base", qq.BaseDescription(lang)))
		}
	}
	sort.Strings(filters)
	add("filters", join(append([]string{text(q.Filters)}, filters...)...), text(q.Filters) == "" && len(filters) == 0)

	add("weighting", join(text(m.Weighting)), text(m.Weighting) == "")
	who := []string{text(q.Design)}
	if text(m.Institute) != "" {
		who = append(who, ms.T("who_institute", "institute", text(m.Institute)))
	}
	if text(m.Sponsor) != "" {
		who = append(who, ms.T("who_sponsor", "sponsor", text(m.Sponsor)))
	}
	add("who", join(who...), text(m.Institute) == "" || text(q.Design) == "")
	add("independence", join(text(q.Independence)), text(q.Independence) == "")

	disclosure := []string{text(q.Disclosure), ms.T("disclosure_" + string(s.Status))}
	for _, src := range m.Sources {
		disclosure = append(disclosure, src.Title+" ("+src.URL+")")
	}
	add("disclosure", join(disclosure...), text(q.Disclosure) == "" || s.Status != survey.StatusRespondent)

	// Reported accurately: the published figures against the data.
	if len(in.Published) > 0 {
		primary, reproduced := 0, 0
		for _, p := range in.Published {
			if p.Status != "primary" {
				continue
			}
			primary++
			if p.Matches {
				reproduced++
			}
		}
		v := ms.T("reporting", "k", f.Count(float64(reproduced)), "n", f.Count(float64(primary)))
		if s.Status == survey.StatusSynthetic {
			v += ms.T("reporting_synthetic")
		}
		add("reporting", v, reproduced < primary)
	} else {
		add("reporting", ms.T("reporting_none"), true)
	}
	// The interval methods of the estimates the exhibits show (a question
	// may override the study's method).
	var methods []string
	for _, p := range s.Evidence.Propositions {
		for _, id := range p.Claims {
			if r, ok := in.Claims[id]; ok && r.Estimate.Method != "" && !contains(methods, methodName(r.Estimate.Method, ms)) {
				methods = append(methods, methodName(r.Estimate.Method, ms))
			}
		}
	}
	if len(methods) == 0 {
		methods = []string{methodName(s.Analysis.Method, ms)}
	}
	add("analysis", ms.T("analysis", "level", f.Level(s.Analysis.Level), "method", strings.Join(methods, ", "),
		"min", f.Count(float64(s.Analysis.MinBase))), false)
	return items
}

// claimQuestions returns the questions a claim's share depends on: its
// question and the questions of its base, or a derived estimate's event
// and base.
func claimQuestions(s *survey.Study, c *survey.Claim) []string {
	qid, cat := c.Target()
	var conds []string
	if cat == "" {
		d := s.DerivedByID(qid)
		if d == nil {
			return nil
		}
		conds = append(conds, d.When)
		if d.Base != nil {
			conds = append(conds, d.Base.When)
		}
	} else {
		conds = append(conds, qid+" == "+cat)
		if q := s.Question(qid); q != nil && q.Base != nil {
			conds = append(conds, q.Base.When)
		}
	}
	var out []string
	for _, cond := range conds {
		for _, clause := range strings.Split(cond, " and ") {
			name := strings.Fields(strings.TrimSpace(clause))
			if len(name) > 0 && s.Question(name[0]) != nil && !contains(out, name[0]) {
				out = append(out, name[0])
			}
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
