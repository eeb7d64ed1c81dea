package report

import (
	"strconv"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// ChartHeadings are the headings of charts in a report's Charts section:
// each chart's title, told apart where titles repeat by the kind of chart
// ("… – Stacked bar chart"), then a short subtitle ("… – By Gender"), then
// a number ("(2)").
func ChartHeadings(charts []figures.Chart) []string {
	out := make([]string, len(charts))
	for i, c := range charts {
		out[i] = c.Title
	}
	for step := range 3 {
		count := map[string]int{}
		for _, h := range out {
			count[h]++
		}
		seen := map[string]int{}
		for i, c := range charts {
			h := out[i]
			if count[h] < 2 {
				continue
			}
			seen[h]++
			switch step {
			case 0:
				out[i] = h + " – " + figures.KindName(c.Kind, c.Lang)
			case 1:
				if n := len([]rune(c.Subtitle)); n > 0 && n <= 60 {
					out[i] = h + " – " + c.Subtitle
				}
			case 2:
				out[i] = h + " (" + strconv.Itoa(seen[h]) + ")"
			}
		}
	}
	return out
}

// dkSegment is the grey segment of a stacked chart of a question whose
// "don't know" and refusals stay in its base (missing_in_base): rest, the
// share its categories leave (dkRest), on the base of estimate base,
// without an interval (none is computed for it), so that the bar adds up
// to 100%.
func dkSegment(s *survey.Study, rest float64, base analysis.Estimate, ms *messages) figures.Bar {
	b := bar(s, ms.T("dk_row"), base)
	b.Estimate, b.Lower, b.Upper, b.Neutral = rest, rest, rest, true
	return b
}
