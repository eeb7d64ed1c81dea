package report

import (
	"slices"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// The words printed around a chart: its interval line, base line, source
// line and the verdicts of the claims on its items, each read from the
// estimates it shows.

// methodLine is the interval line of a chart, from the method and level
// of the estimates it shows ("95% confidence intervals (Wilson score)"),
// one line part per distinct method; suppressed estimates show no
// interval, so a chart of only those has no interval line.
func methodLine(ests []analysis.Estimate, lang string) (string, error) {
	var parts []string
	for _, e := range ests {
		if e.Suppressed {
			continue
		}
		l, err := figures.MethodLine(e.Method, e.Level, lang)
		if err != nil {
			return "", err
		}
		if !containsString(parts, l) {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; "), nil
}

// chartBase states the base(s) of a chart: "Base: 750 respondents who knew
// of the plans"; when the items' bases differ and one of them has no
// description of its own, each with the bars it belongs to (label(i) of
// item i), "Base: 417 respondents with a valid
// answer (of 427) for Burgled; all 427 respondents for Owns a boat, Has
// running water"; for a forest plot the base before the subgroup split,
// which is the overall estimate's.
func chartBase(r *Result, items []survey.Item, ests []analysis.Estimate, bySubgroup bool, label func(int) string, ms *messages) string {
	var parts []string
	var bars [][]string // the labels of the bars on each base of parts
	generic := false    // a base without a description ("all respondents")
	for i, it := range items {
		var b baseWords
		switch {
		case bySubgroup:
			e, ok := r.Overall(it.Question, it.Category)
			if !ok {
				return ""
			}
			b = r.baseOf(e, ms.lang)
		case i < len(ests):
			b = r.baseOf(ests[i], ms.lang)
		default:
			continue
		}
		p := b.chartPhrase(ms)
		generic = generic || b.Desc == ""
		k := slices.Index(parts, p)
		if k < 0 {
			parts, bars = append(parts, p), append(bars, nil)
			k = len(parts) - 1
		}
		if l := label(i); !containsString(bars[k], l) {
			bars[k] = append(bars[k], l)
		}
		if bySubgroup {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if len(parts) > 1 && generic {
		// Several bases, not all described ("700 Instagram users"):
		// say which belongs to which bar.
		for k := range parts {
			parts[k] = ms.T("chart_base_for", "base", parts[k], "bars", strings.Join(bars[k], ", "))
		}
	}
	return ms.T("chart_base", "base", strings.Join(parts, "; "))
}

// chartSource is the source line: who commissioned and ran the survey, and
// a synthetic-data note where it applies.
func chartSource(s *survey.Study, ms *messages) string {
	m := s.Metadata
	var who []string
	for _, v := range []string{m.Sponsor.Get(ms.lang), m.Institute.Get(ms.lang)} {
		if v = strings.TrimSpace(v); v != "" && !containsString(who, v) {
			who = append(who, v)
		}
	}
	src := strings.Join(who, " / ")
	if m.Published != "" {
		if src != "" {
			src += " "
		}
		src += "(" + longDate(m.Published, ms.lang) + ")"
	}
	status := statusNote(s, ms, "chart_status")
	if src == "" {
		return ms.T("source", "source", status)
	}
	return ms.T("source", "source", src+"; "+status)
}

// verdicts returns the claims on a chart's items with their verdicts.
func verdicts(r *Result, items []survey.Item, ms *messages) string {
	var out []string
	for _, c := range r.Claims {
		q, cat := c.Claim.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		for _, it := range items {
			if it.Question == q && it.Category == cat {
				v := verdictWords(c, ms)
				out = append(out, strings.TrimSuffix(c.Claim.Text.Get(ms.lang), ".")+": "+v+".")
			}
		}
	}
	return strings.Join(out, " ")
}
