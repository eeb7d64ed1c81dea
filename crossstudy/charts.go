package crossstudy

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

// Charts builds the comparison's charts in one language.
func (r *Result) Charts(lang string) ([]figures.Chart, error) {
	var out []figures.Chart
	for i := range r.File.Charts {
		c, err := r.chart(&r.File.Charts[i], lang)
		if err != nil {
			return nil, fmt.Errorf("chart %q: %w", r.File.Charts[i].ID, err)
		}
		out = append(out, c)
	}
	return out, nil
}

func (r *Result) chart(spec *ChartSpec, lang string) (figures.Chart, error) {
	kind, err := figures.ParseKind(spec.Kind)
	if err != nil {
		return figures.Chart{}, err
	}
	c := figures.Chart{
		Kind: kind, Lang: lang, FreeAxis: spec.FreeAxis,
		Title: spec.Title.Get(lang), Subtitle: spec.Subtitle.Get(lang),
		Base: r.baseLine(r.File.ChartItems(spec), lang), Method: r.methodLine(lang), Source: r.sourceLine(lang),
	}
	for si, res := range r.Studies {
		c.Periods = append(c.Periods, r.StudyLabel(si, lang))
		c.Synthetic = c.Synthetic || res.Study.Status == survey.StatusSynthetic
	}
	// The note on a suppressed point names its study's minimum base (the
	// largest, should suppressed studies differ).
	for _, i := range r.File.ChartItems(spec) {
		for si, cell := range r.Cells[i] {
			if m := r.Studies[si].Study.Analysis.MinBase; cell.Estimate.Suppressed && m > c.MinN {
				c.MinN = m
			}
		}
	}
	for _, i := range r.File.ChartItems(spec) {
		s := figures.Series{Label: r.ItemLabel(i, lang)}
		for si, cell := range r.Cells[i] {
			e := cell.Estimate
			s.Points = append(s.Points, figures.Bar{Estimate: e.Share, Lower: e.Lower, Upper: e.Upper, N: e.Base, Suppressed: e.Suppressed,
				NAssumed: report.NAssumed(r.Studies[si].Study, e)})
		}
		var notes []string
		for _, d := range r.Diffs[i] {
			if !d.Shown {
				continue
			}
			note := diffNote(d, r.Level, lang)
			if len(r.Studies) > 2 {
				note = r.StudyLabel(d.B, lang) + "–" + r.StudyLabel(d.A, lang) + ": " + note
			}
			notes = append(notes, note)
		}
		s.Note = strings.Join(notes, "; ")
		c.Series = append(c.Series, s)
	}
	if c.Title == "" {
		c.Title = r.title(lang)
	}
	return c, nil
}

// title is the comparison's title, or the default one.
func (r *Result) title(lang string) string {
	if s := r.File.Title.Get(lang); s != "" {
		return s
	}
	return t(lang, "title")
}

// baseLine states each survey's base for the items: "Base: 2018: n =
// 1,009, all respondents; 2020: …". Items with different bases in one
// survey are listed one by one.
func (r *Result) baseLine(items []int, lang string) string {
	var parts []string
	for si := range r.Studies {
		seen := map[string]bool{}
		for _, i := range items {
			e := r.Cells[i][si].Estimate
			p := t(lang, "base_n", "survey", r.StudyLabel(si, lang), "n", r.nText(si, e, lang), "base", r.BaseDescription(i, si, lang))
			if !seen[p] {
				seen[p] = true
				parts = append(parts, p)
			}
		}
	}
	return t(lang, "base", "list", strings.Join(parts, "; "))
}

// methodLine names the interval method of every survey, once if they
// agree.
func (r *Result) methodLine(lang string) string {
	var lines []string
	for si, res := range r.Studies {
		var methods []string
		for i := range r.Cells {
			e := r.Cells[i][si].Estimate
			if m, err := figures.MethodLine(e.Method, e.Level, lang); err == nil && !contains(methods, m) {
				methods = append(methods, m)
			}
		}
		_ = res
		lines = append(lines, strings.Join(methods, ", "))
	}
	same := true
	for _, l := range lines {
		same = same && l == lines[0]
	}
	if same {
		return lines[0]
	}
	for si := range lines {
		lines[si] = r.StudyLabel(si, lang) + ": " + lines[si]
	}
	return strings.Join(lines, "; ")
}

// sourceLine names who commissioned and ran every survey.
func (r *Result) sourceLine(lang string) string {
	var parts []string
	for si, res := range r.Studies {
		m := res.Study.Metadata
		var who []string
		for _, v := range []string{m.Sponsor.Get(lang), m.Institute.Get(lang)} {
			if v != "" && !contains(who, v) {
				who = append(who, v)
			}
		}
		p := r.StudyLabel(si, lang) + ": " + strings.Join(who, " / ")
		if len(who) == 0 {
			p = r.StudyLabel(si, lang) + ": " + res.Study.Title.Get(lang)
		}
		if m.Published != "" {
			p += " (" + report.LongDate(m.Published, lang) + ")"
		}
		if st := res.Study.Status; st != survey.StatusRespondent {
			p += ", " + statusText(string(st), lang)
		}
		parts = append(parts, p)
	}
	return t(lang, "source", "list", strings.Join(parts, "; "))
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// chartDoc is a chart as the report documents show it.
type chartDoc struct {
	ID, Title, Alt string
	Files          []string
	SVG            template.HTML
}

// writeCharts renders the charts of one language into the formats and
// sizes of a study report, hands every file to write and returns what the
// documents need.
func (r *Result) writeCharts(lang string, th figures.Theme, rd *figures.Renderer, write func(rel string, b []byte) error) ([]chartDoc, error) {
	charts, err := r.Charts(lang)
	if err != nil {
		return nil, err
	}
	out := report.DefaultChartOutput()
	var docs []chartDoc
	headings := report.ChartHeadings(charts)
	for i, c := range charts {
		id := r.File.Charts[i].ID
		stem := "figures/" + lang + "/" + id
		d := chartDoc{ID: id, Title: headings[i], Alt: figures.AltText(c)}
		type job struct {
			f   figures.Format
			p   figures.Preset
			rel string
		}
		var jobs []job
		for _, f := range out.Formats {
			jobs = append(jobs, job{f, out.Preset, stem + "." + string(f)})
		}
		for _, p := range out.Extra {
			jobs = append(jobs, job{figures.PNG, p, stem + "." + string(p) + ".png"})
		}
		for _, j := range jobs {
			var buf bytes.Buffer
			if err := rd.Render(&buf, c, j.f, j.p, th); err != nil {
				return nil, fmt.Errorf("chart %q (%s, %s): %w", id, j.f, j.p, err)
			}
			if err := write(j.rel, buf.Bytes()); err != nil {
				return nil, err
			}
			d.Files = append(d.Files, j.rel)
			if j.f == figures.SVG && j.p == out.Preset {
				svg, err := report.InlineSVG(buf.Bytes(), id, i == 0, th)
				if err != nil {
					return nil, fmt.Errorf("chart %q: %w", id, err)
				}
				d.SVG = svg
			}
		}
		if err := write(stem+".txt", []byte(d.Alt+"\n")); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}
