package evidence

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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
	// add adds an item: what the study documents, and what it does not
	// (the gap), each "" when there is none. A cell that starts with
	// words of the brief (not the study file's) starts with a capital.
	add := func(key, value, missing string) {
		items = append(items, Item{Label: ms.T("check_" + key), Value: value, Missing: upperFirst(missing), Gap: missing != ""})
	}
	// missingIf returns the words for what is missing when cond holds.
	missingIf := func(cond bool, key string) string {
		if cond {
			return ms.T("missing_" + key)
		}
		return ""
	}
	// missingList joins the missing parts of an item.
	missingList := func(parts ...string) string {
		var out []string
		for _, p := range parts {
			if p != "" {
				out = append(out, p)
			}
		}
		return strings.Join(out, "; ")
	}

	add("population", join(text(m.Population)), missingIf(text(m.Population) == "", "population"))
	frame := join(text(q.SamplingFrame), text(m.SampleSource))
	add("frame", frame, missingIf(frame == "", "frame"))

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
	if text(q.Selection) == "" {
		sampleType = upperFirst(sampleType)
	}
	add("selection", join(text(q.Selection), sampleType, size), missingList(
		missingIf(text(q.Selection) == "", "selection"), missingIf(sampleType == "", "sample_type")))

	fieldwork := ""
	if m.FieldDates != "" {
		fieldwork = ms.T("field_dates", "dates", dateRange(m.FieldDates, ms))
	}
	if text(m.Mode) == "" {
		fieldwork = upperFirst(fieldwork)
	}
	add("fieldwork", join(text(m.Mode), fieldwork), missingList(
		missingIf(text(m.Mode) == "", "mode"), missingIf(m.FieldDates == "", "field_dates")))
	add("nonresponse", join(text(q.Nonresponse)), missingIf(text(q.Nonresponse) == "", "nonresponse"))

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
					w = ms.T("quote", "text", w)
					if f.OnlyIn != nil {
						if m := f.OnlyIn(qq.Wording); m != "" {
							w += " " + m
						}
					}
					with = append(with, w)
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
	missingWording := ""
	if len(without) > 0 {
		missingWording = ms.T("wording_missing", "list", strings.Join(without, "; "))
	}
	add("wording", join(upperFirst(wording)), missingWording)
	add("order", join(text(q.QuestionOrder)), missingIf(text(q.QuestionOrder) == "", "order"))

	// Filters: the bases with a condition (base.when) of the questions the
	// exhibits rest on. A base with only a description is no filter: the
	// question was asked of everyone.
	var filters []string
	for i := range s.Questions {
		qq := &s.Questions[i]
		if qq.Base != nil && strings.TrimSpace(qq.Base.When) != "" && seen[qq.ID] {
			filters = append(filters, ms.T("filter", "question", qq.Label.Get(lang), "base", qq.BaseDescription(lang)))
		}
	}
	// A derived estimate's base with a condition filters it too; it is
	// named as what it is, not as a question.
	for _, p := range s.Evidence.Propositions {
		for _, id := range p.Claims {
			c := s.ClaimByID(id)
			if c == nil {
				continue
			}
			qid, cat := c.Target()
			if cat != "" {
				continue
			}
			if d := s.DerivedByID(qid); d != nil && d.Base != nil && strings.TrimSpace(d.Base.When) != "" {
				base := d.Base.Description.Get(lang)
				if base == "" {
					base = d.Base.When
				}
				if f := ms.T("filter_derived", "item", d.Label.Get(lang), "base", base); !contains(filters, f) {
					filters = append(filters, f)
				}
			}
		}
	}
	sort.Strings(filters)
	unknown := unknownFilters(s, in, seen, ms)
	switch {
	case len(filters) == 0 && text(q.Filters) == "" && len(unknown) == 0:
		// No question the exhibits rest on has a filter (base.when), and
		// none has a smaller base than the sample: each was asked of
		// every respondent.
		add("filters", upperFirst(ms.T("no_filters")), "")
	default:
		add("filters", join(append([]string{text(q.Filters)}, filters...)...), strings.Join(unknown, "; "))
	}

	add("weighting", join(text(m.Weighting)), missingIf(text(m.Weighting) == "", "weighting"))
	who := []string{text(q.Design)}
	if text(m.Institute) != "" {
		who = append(who, ms.T("who_institute", "institute", text(m.Institute)))
	}
	if text(m.Sponsor) != "" {
		who = append(who, ms.T("who_sponsor", "sponsor", text(m.Sponsor)))
	}
	if who[0] == "" && len(who) > 1 {
		who[1] = upperFirst(who[1])
	}
	add("who", join(who...), missingList(
		missingIf(text(q.Design) == "", "design"), missingIf(text(m.Institute) == "", "institute")))
	add("independence", join(text(q.Independence)), missingIf(text(q.Independence) == "", "independence"))

	disclosure := []string{text(q.Disclosure)}
	if s.Status == survey.StatusRespondent {
		d := ms.T("disclosure_respondent")
		if disclosure[0] == "" {
			d = upperFirst(d)
		}
		disclosure = append(disclosure, d)
	}
	for _, src := range m.Sources {
		switch t := strings.TrimSpace(src.Title.Get(lang)); {
		case t != "" && src.URL != "":
			disclosure = append(disclosure, t+" ("+src.URL+")")
		case t != "":
			disclosure = append(disclosure, t)
		default:
			disclosure = append(disclosure, src.URL)
		}
	}
	add("disclosure", join(disclosure...), missingList(
		missingIf(text(q.Disclosure) == "", "disclosure"),
		missingIf(s.Status != survey.StatusRespondent, "respondent_data_"+string(s.Status))))

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
		missing := ""
		if reproduced < primary {
			missing = ms.T("missing_reporting", "bad", f.Count(float64(primary-reproduced)), "n", f.Count(float64(primary)))
		}
		add("reporting", join(upperFirst(v)), missing)
	} else {
		add("reporting", "", ms.T("missing_published"))
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
	add("analysis", join(upperFirst(ms.T("analysis", "level", f.Level(s.Analysis.Level), "method", strings.Join(methods, ", "),
		"min", f.Count(float64(s.Analysis.MinBase))))), "")
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

// upperFirst starts a checklist cell with a capital letter, as a table
// cell does, unless its first word has capitals of its own ("iPhone
// users", "eBay"), which a capital would misspell.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	word, _, _ := strings.Cut(s[n:], " ")
	if strings.IndexFunc(word, unicode.IsUpper) >= 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// unknownFilters names the questions the exhibits rest on (seen) whose
// base is smaller than the sample but which have no filter condition
// (base.when), in a study built from published figures: someone was not
// asked, or not counted, and the study cannot say who. Each is a gap. In
// respondent data a smaller base without a condition is the respondents
// who gave no valid answer, which the base in words says.
func unknownFilters(s *survey.Study, in Input, seen map[string]bool, ms *messages) []string {
	n := float64(s.Metadata.SampleSize)
	if !s.FromTable() || !(n > 0) {
		return nil
	}
	var out []string
	done := map[string]bool{}
	for _, p := range s.Evidence.Propositions {
		for _, id := range p.Claims {
			r, ok := in.Claims[id]
			e := r.Estimate
			qq := s.Question(e.Question)
			if !ok || qq == nil || !seen[qq.ID] || done[qq.ID] || e.Subgroup != "" || !(e.Base < n) ||
				(qq.Base != nil && strings.TrimSpace(qq.Base.When) != "") {
				continue
			}
			done[qq.ID] = true
			out = append(out, ms.T("filter_unknown", "question", qq.Label.Get(in.Lang),
				"base", in.Format.Base(e), "n", in.Format.Count(n)))
		}
	}
	return out
}
