package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/evidence"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// The charts of the evidence brief. An exhibit's chart stands next to the
// text that states its claims' estimates, bases, interval method and the
// source, so the brief draws it without what that text says: no title (the
// brief prints it as the caption), no base, method or source lines, and no
// verdicts in the subtitle (a chart of the report carries the verdicts of
// every claim on its bars, which may include claims the exhibit does not
// use). The synthetic-data mark stays on the chart. What the chart shows
// that the text does not state (another base, simultaneous intervals) is
// printed under it (briefChartOut.note).

// Size of the brief's charts.
const (
	// briefWidth is the width of the text of an A4 page in the brief's
	// print layout (210 mm less the two 13 mm margins of its @page rule):
	// the chart prints at 100%.
	briefWidth = 184 * vg.Millimeter
	// briefBody is the size of the charts' body text. Their smallest text
	// (axis labels, the synthetic-data mark) is 0.85 × briefBody, 8.1 pt,
	// legible in print.
	briefBody = vg.Length(9.5)
	// briefMargin is the blank border at the sides of a brief's chart; the
	// page around it has its own.
	briefMargin = vg.Length(4)
)

// briefChartOut is an exhibit's chart as the brief shows it.
type briefChartOut struct {
	chart figures.Chart // to draw
	alt   string        // alt text of the whole chart: title, bars, base, method, source
	// notes holds, by the id of each proposition whose exhibit shows the
	// chart, the base and method lines its text does not state (none: no
	// entry).
	notes map[string]string
}

// briefChart returns chart id of set as the brief shows it.
func briefChart(r *Result, set *chartSet, id string, ms *messages) (briefChartOut, error) {
	i := slices.Index(set.ids, id)
	j := slices.IndexFunc(r.Study.Charts, func(c survey.ChartSpec) bool { return c.ID == id })
	if i < 0 || j < 0 {
		return briefChartOut{}, fmt.Errorf("evidence brief: chart %q is not drawn", id)
	}
	c, spec := set.charts[i], &r.Study.Charts[j]
	items, err := spec.ParsedItems(r.Study)
	if err != nil {
		return briefChartOut{}, fmt.Errorf("chart %q: %w", id, err)
	}
	if v := verdicts(r, items, ms); v != "" && c.Kind != figures.Forest && strings.HasSuffix(c.Subtitle, v) {
		c.Subtitle = strings.TrimSuffix(strings.TrimSuffix(c.Subtitle, v), " · ")
	}
	out := briefChartOut{alt: figures.AltText(c), notes: map[string]string{}}
	s := r.Study
	for k := range s.Evidence.Propositions {
		p := &s.Evidence.Propositions[k]
		if evidence.ExhibitChart(s, p) != id {
			continue
		}
		if n := briefNote(r, spec, items, c, p, ms); n != "" {
			out.notes[p.ID] = n
		}
	}
	c.Title, c.Base, c.Method, c.Source = "", "", "", ""
	out.chart = c
	return out, nil
}

// briefNote returns the base and method lines of chart c (of spec, showing
// items) that the text of the exhibit of proposition p does not state,
// joined by " · ": the base when a bar's base is not a base of p's claims
// or the line says more than the bases (the share of "don't know", a
// funnel's bases by step), the method when a bar's interval is not of the
// method and level of a claim's or the chart draws simultaneous
// intervals. A chart by subgroup keeps both.
func briefNote(r *Result, spec *survey.ChartSpec, items []survey.Item, c figures.Chart, p *survey.Proposition, ms *messages) string {
	lang := ms.lang
	bases, methods := map[string]bool{}, map[[2]string]bool{}
	method := func(e analysis.Estimate) [2]string { return [2]string{e.Method, levelText(e.Level, lang)} }
	for _, cr := range r.Claims {
		if slices.Contains(p.Claims, cr.Claim.ID) {
			bases[r.baseOf(cr.Estimate, lang).phrase(ms)] = true
			methods[method(cr.Estimate)] = true
		}
	}
	baseStated, methodStated := spec.By == "", spec.By == "" && spec.Simultaneous == ""
	var ests []analysis.Estimate
	for _, it := range items {
		e, ok := r.Overall(it.Question, it.Category)
		if !ok {
			baseStated, methodStated = false, false
			break
		}
		ests = append(ests, e)
		baseStated = baseStated && bases[r.baseOf(e, lang).phrase(ms)]
		methodStated = methodStated && methods[method(e)]
	}
	baseStated = baseStated && c.Base == chartBase(r, items, ests, false, func(i int) string { return itemLabel(r.Study, items[i], lang) }, ms)
	var parts []string
	if !baseStated && c.Base != "" {
		parts = append(parts, c.Base)
	}
	if !methodStated && c.Method != "" {
		parts = append(parts, c.Method)
	}
	return strings.Join(parts, " · ")
}

// renderBriefChart draws c for the brief in format f: briefWidth wide and
// as tall as its kind and rows need (briefHeight); should that not do
// (long labels that wrap), at the 16:9 of the print preset.
func renderBriefChart(rd *figures.Renderer, w io.Writer, c figures.Chart, f figures.Format, th figures.Theme) error {
	size := figures.Size{Width: briefWidth, Height: briefHeight(c), DPI: 300, Body: briefBody, Margin: briefMargin}
	var buf bytes.Buffer
	if err := rd.RenderSize(&buf, c, f, size, th); err == nil {
		_, err = w.Write(buf.Bytes())
		return err
	}
	size.Height = max(size.Height, briefWidth*9/16)
	return rd.RenderSize(w, c, f, size, th)
}

// briefHeight is the height of a brief's chart: the header (the
// synthetic-data mark, the subtitle) and the rows of its kind, at about
// 2.2 lines of body text a bar; at least 16:3 and at most 16:9. The sizes
// follow the layout of package figures.
func briefHeight(c figures.Chart) vg.Length {
	b := briefBody
	h := 1.6*briefMargin + 2.6*b // margins, space under the header and above the bottom
	if c.Synthetic {
		h += 1.9 * b
	}
	if c.Subtitle != "" {
		h += 1.4 * b * vg.Length(min(3, 1+len([]rune(c.Subtitle))/110))
	}
	n := vg.Length(len(c.Bars))
	switch c.Kind {
	case figures.Bars, figures.Forest:
		h += 1.3*b + n*briefRow(c) // axis, rows
		if c.Reference > 0 {
			h += 1.1 * b
		}
	case figures.Stacked:
		// The bar, the legend and the nets' brackets; above the bar the
		// values of segments too narrow to hold them (under 6%).
		h += 2.4*b + 1.5*b + n*1.7*b + vg.Length(len(c.Brackets))*1.7*b
		if slices.ContainsFunc(c.Bars, func(x figures.Bar) bool { return x.Estimate < 0.06 }) {
			h += 2.5 * b
		}
	case figures.Funnel:
		h += n * 2.6 * b
	default: // waffle, trend, dumbbell
		h = briefWidth * 6 / 16
	}
	return min(max(h, briefWidth*3/16), briefWidth*9/16)
}

// briefRow is the height of a row of a bar chart or forest plot in the
// brief: 2.2 lines of body text, or as many as its longest label takes
// (up to three lines, with n under it where the chart shows n). A label
// column is at most 38% of the chart's width, about 34 characters of body
// text.
func briefRow(c figures.Chart) vg.Length {
	lines := 1
	for _, b := range c.Bars {
		lines = max(lines, min(3, (len([]rune(b.Label))+33)/34))
	}
	h := vg.Length(lines) * 1.25 // figures: a line is 1.25 × the text size
	if c.ShowN || c.Kind == figures.Forest {
		h += 1.25 * 0.85
	}
	return max(2.2, h/0.95+0.05) * briefBody
}
