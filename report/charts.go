package report

import (
	"bytes"
	"fmt"
	"html/template"
	"image/color"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// ChartOutput selects the files written for every chart.
type ChartOutput struct {
	Formats []figures.Format // formats at Preset
	Preset  figures.Preset   // size of those formats; "" means print
	Extra   []figures.Preset // further PNG sizes (social, square)
	Theme   figures.Theme
}

// DefaultChartOutput is what a report contains: PNG (300 dpi), SVG and PDF
// at print size, and PNGs for social media (1200×675 and 1080×1080).
func DefaultChartOutput() ChartOutput {
	return ChartOutput{
		Formats: figures.Formats(),
		Preset:  figures.Print,
		Extra:   []figures.Preset{figures.Social, figures.Square},
		Theme:   figures.DefaultTheme(),
	}
}

// StudyTheme returns the default theme with the study's house style (its
// theme section) applied.
func StudyTheme(s *survey.Study) (figures.Theme, error) {
	th := figures.DefaultTheme()
	if s.Theme == nil {
		return th, nil
	}
	if len(s.Theme.Palette) > 0 {
		th.Palette = nil
	}
	for _, c := range s.Theme.Palette {
		v, err := strconv.ParseUint(c[1:], 16, 32)
		if err != nil {
			return th, fmt.Errorf("theme.palette %q: %w", c, err)
		}
		th.Palette = append(th.Palette, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff})
	}
	if reg, bold := s.FontPaths(); reg != "" {
		rb, err := os.ReadFile(reg)
		if err != nil {
			return th, fmt.Errorf("theme.font: %w", err)
		}
		var bb []byte
		if bold != "" {
			if bb, err = os.ReadFile(bold); err != nil {
				return th, fmt.Errorf("theme.font_bold: %w", err)
			}
		}
		if th.Fonts, err = figures.ParseFonts(rb, bb); err != nil {
			return th, fmt.Errorf("theme.font: %w", err)
		}
	}
	return th, nil
}

// Charts builds the study's charts (its charts section) in one language.
func Charts(r *Result, lang string) ([]figures.Chart, []string, error) {
	ms, err := loadMessages(lang)
	if err != nil {
		return nil, nil, err
	}
	var charts []figures.Chart
	var ids []string
	for i := range r.Study.Charts {
		c, err := buildChart(r, &r.Study.Charts[i], ms)
		if err != nil {
			return nil, nil, fmt.Errorf("chart %q: %w", r.Study.Charts[i].ID, err)
		}
		charts = append(charts, c)
		ids = append(ids, r.Study.Charts[i].ID)
	}
	return charts, ids, nil
}

// WriteCharts renders the study's charts in one language with the given
// outputs, hands each file to write (paths figures/<lang>/<id>.<ext>) and
// returns what the report documents need to show them.
func WriteCharts(r *Result, lang string, out ChartOutput, write func(rel string, b []byte) error) ([]chartDoc, error) {
	charts, ids, err := Charts(r, lang)
	if err != nil {
		return nil, err
	}
	preset := out.Preset
	if preset == "" {
		preset = figures.Print
	}
	// Every file to render, in the order it is written.
	type job struct {
		chart  int
		format figures.Format
		preset figures.Preset
		rel    string
		b      []byte
		err    error
	}
	var jobs []*job
	for i := range charts {
		stem := "figures/" + lang + "/" + ids[i]
		main := stem
		if preset != figures.Print {
			main = stem + "." + string(preset)
		}
		for _, f := range out.Formats {
			jobs = append(jobs, &job{chart: i, format: f, preset: preset, rel: main + "." + string(f)})
		}
		for _, p := range out.Extra {
			jobs = append(jobs, &job{chart: i, format: figures.PNG, preset: p, rel: stem + "." + string(p) + ".png"})
		}
	}
	// Render on all cores: each job is independent and figures.Render has
	// no shared mutable state; the files are written afterwards in order,
	// so the output does not depend on scheduling.
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for _, jb := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func(jb *job) {
			defer func() { <-sem; wg.Done() }()
			var buf bytes.Buffer
			if err := figures.Render(&buf, charts[jb.chart], jb.format, jb.preset, out.Theme); err != nil {
				jb.err = fmt.Errorf("chart %q (%s, %s): %w", ids[jb.chart], jb.format, jb.preset, err)
				return
			}
			jb.b = buf.Bytes()
		}(jb)
	}
	wg.Wait()
	docs := make([]chartDoc, len(charts))
	for i, c := range charts {
		docs[i] = chartDoc{ID: ids[i], Title: c.Title, Alt: figures.AltText(c)}
	}
	for _, jb := range jobs {
		if jb.err != nil {
			return nil, jb.err
		}
		if err := write(jb.rel, jb.b); err != nil {
			return nil, err
		}
		d := &docs[jb.chart]
		d.Files = append(d.Files, jb.rel)
		if jb.format == figures.SVG && jb.preset == preset {
			d.SVG = inlineSVG(jb.b, ids[jb.chart])
		}
	}
	for i := range docs {
		if err := write("figures/"+lang+"/"+ids[i]+".txt", []byte(docs[i].Alt+"\n")); err != nil {
			return nil, err
		}
	}
	// The fonts embedded in each SVG are declared by @font-face rules,
	// which apply to the whole HTML page: keep them in the first chart only
	// rather than repeating the same font data for every chart.
	for i := 1; i < len(docs); i++ {
		docs[i].SVG = template.HTML(fontFaces.ReplaceAllString(string(docs[i].SVG), ""))
	}
	return docs, nil
}

var fontFaces = regexp.MustCompile(`(?s)<style>\s*@font-face.*?</style>`)

var (
	xmlProlog = regexp.MustCompile(`(?s)^\s*<\?xml.*?\?>\s*(<!DOCTYPE[^>]*>\s*)?`)
	svgID     = regexp.MustCompile(`\b(id="|url\(#|href="#)([A-Za-z_][\w.-]*)`)
)

// inlineSVG prepares an SVG file for inclusion in HTML: the XML prolog is
// dropped and ids are prefixed with the chart id so that several charts
// on one page cannot clash.
func inlineSVG(b []byte, prefix string) template.HTML {
	s := xmlProlog.ReplaceAllString(string(b), "")
	s = svgID.ReplaceAllString(s, "${1}"+prefix+"-${2}")
	return template.HTML(s) // produced by figures from escaped text
}

func buildChart(r *Result, spec *survey.ChartSpec, ms *messages) (figures.Chart, error) {
	s := r.Study
	lang := ms.lang
	kind, err := figures.ParseKind(spec.Kind)
	if err != nil {
		return figures.Chart{}, err
	}
	items, err := spec.ParsedItems(s)
	if err != nil {
		return figures.Chart{}, err
	}
	method, err := figures.MethodLine(s.Analysis.Method, s.Analysis.Level, lang)
	if err != nil {
		return figures.Chart{}, err
	}
	c := figures.Chart{
		Kind: kind, Lang: lang, Method: method, Synthetic: s.Synthetic,
		Reference: spec.Ref, Sorted: spec.Sorted, MinN: s.Analysis.MinBase, Decimals: 0,
		Subtitle: spec.Subtitle.Get(lang), Source: chartSource(s, ms),
	}
	if c.MinN < 0 {
		c.MinN = 0
	}
	label := func(i int, it survey.Item) string {
		if i < len(spec.Labels) {
			return spec.Labels[i].Get(lang)
		}
		if d := s.DerivedByID(it.Question); d != nil {
			return d.Label.Get(lang)
		}
		q := s.Question(it.Question)
		cat := q.Categories[q.CategoryIndex(it.Category)].Label.Get(lang)
		if sameQuestion(items) {
			return cat
		}
		return q.Label.Get(lang) + ": " + cat
	}
	var ests []analysis.Estimate
	switch kind {
	case figures.Forest:
		it := items[0]
		g := s.Question(spec.By)
		for _, gc := range g.Categories {
			e, ok := r.Find(it.Question, it.Category, spec.By, gc.ID)
			if !ok {
				continue
			}
			c.Bars = append(c.Bars, bar(gc.Label.Get(lang), e))
			ests = append(ests, e)
		}
	default:
		for i, it := range items {
			e, ok := r.Overall(it.Question, it.Category)
			if !ok {
				return figures.Chart{}, fmt.Errorf("no estimate for %s=%s", it.Question, it.Category)
			}
			b := bar(label(i, it), e)
			b.Neutral = slices.Contains(spec.Neutral, it.Category)
			c.Bars = append(c.Bars, b)
			ests = append(ests, e)
		}
	}
	if spec.Simultaneous != "" {
		counts := make([]float64, len(ests))
		for i, e := range ests {
			counts[i] = e.Count
		}
		ivs, err := analysis.MultinomialIntervals(counts, s.Analysis.Level, spec.Simultaneous)
		if err != nil {
			return figures.Chart{}, err
		}
		for i := range c.Bars {
			c.Bars[i].Lower, c.Bars[i].Upper = ivs[i].Lower, ivs[i].Upper
		}
		name := map[string]string{"sison-glaz": "Sison–Glaz", "goodman": "Goodman"}[spec.Simultaneous]
		c.Method = ms.T("simultaneous_method", "level", levelText(s.Analysis.Level, lang), "method", name)
	}
	if kind == figures.Funnel && len(ests) > 0 {
		// The first step is everyone in the base: 100 %.
		desc := baseDescription(s, items[0].Question, lang)
		all := figures.Bar{Label: ms.T("funnel_all", "base", desc), Estimate: 1, Lower: 1, Upper: 1, N: ests[0].Base}
		c.Bars = append([]figures.Bar{all}, c.Bars...)
		c.ShowN = false
	}
	c.Title = spec.Title.Get(lang)
	if c.Title == "" {
		c.Title = itemTitle(s, items[0], lang)
	}
	if kind == figures.Forest {
		if c.Subtitle == "" {
			c.Subtitle = s.Question(spec.By).Label.Get(lang)
		}
	}
	if v := verdicts(r, items, ms); v != "" && kind != figures.Forest {
		if c.Subtitle != "" {
			c.Subtitle += " · "
		}
		c.Subtitle += v
	}
	c.Base = chartBase(s, items, ests, spec.By != "", ms)
	return c, nil
}

func bar(label string, e analysis.Estimate) figures.Bar {
	return figures.Bar{Label: label, Estimate: e.Share, Lower: e.Lower, Upper: e.Upper, N: e.Base, Suppressed: e.Suppressed}
}

func sameQuestion(items []survey.Item) bool {
	for _, it := range items[1:] {
		if it.Question != items[0].Question {
			return false
		}
	}
	return true
}

func itemTitle(s *survey.Study, it survey.Item, lang string) string {
	if d := s.DerivedByID(it.Question); d != nil {
		return d.Label.Get(lang)
	}
	return s.Question(it.Question).Label.Get(lang)
}

// baseDescription is the base of a question or derived estimate in words.
func baseDescription(s *survey.Study, id, lang string) string {
	if d := s.DerivedByID(id); d != nil {
		return d.BaseDescription(lang)
	}
	return s.Question(id).BaseDescription(lang)
}

func hasBase(s *survey.Study, id string) bool {
	if d := s.DerivedByID(id); d != nil {
		return d.Base != nil && d.Base.When != ""
	}
	return s.Question(id).HasBase()
}

// chartBase states the base(s) of a chart: "Base: 750 respondents who knew
// of the plans", or several joined with "; " when items differ; for a
// forest plot the base before the subgroup split.
func chartBase(s *survey.Study, items []survey.Item, ests []analysis.Estimate, bySubgroup bool, ms *messages) string {
	var parts []string
	seen := map[string]bool{}
	for i, it := range items {
		var n float64
		if bySubgroup {
			for _, e := range ests {
				n += e.Base
			}
		} else if i < len(ests) {
			n = ests[i].Base
		}
		var p string
		if hasBase(s, it.Question) {
			p = ms.T("chart_base", "n", Count(n, ms.lang), "base", baseDescription(s, it.Question, ms.lang))
		} else {
			p = ms.T("chart_base_all", "n", Count(n, ms.lang))
		}
		if !seen[p] {
			seen[p] = true
			parts = append(parts, p)
		}
		if bySubgroup {
			break
		}
	}
	out := parts[0]
	for _, p := range parts[1:] {
		out += "; " + strings.TrimPrefix(p, strings.SplitN(parts[0], ":", 2)[0]+": ")
	}
	return out
}

// chartSource is the source line: who commissioned and ran the survey, and
// a synthetic-data note where it applies.
func chartSource(s *survey.Study, ms *messages) string {
	m := s.Metadata
	var who []string
	for _, v := range []string{m.Sponsor, m.Institute} {
		if v != "" {
			who = append(who, v)
		}
	}
	src := strings.Join(who, " / ")
	if m.Published != "" {
		src += " (" + m.Published + ")"
	}
	if s.Synthetic {
		src += "; " + ms.T("synthetic_source")
	}
	return ms.T("source", "source", src)
}

// verdicts returns the claims on a chart's items with their verdicts.
func verdicts(r *Result, items []survey.Item, ms *messages) string {
	lvl := levelText(r.Study.Analysis.Level, ms.lang)
	var out []string
	for _, c := range r.Claims {
		q, cat := c.Claim.Target()
		if cat == "" {
			cat = survey.DerivedCategory
		}
		for _, it := range items {
			if it.Question == q && it.Category == cat {
				v := ms.T("verdict_not_supported", "level", lvl)
				if c.Supported {
					v = ms.T("verdict_supported", "level", lvl)
				}
				out = append(out, strings.TrimSuffix(c.Claim.Text.Get(ms.lang), ".")+": "+v+".")
			}
		}
	}
	return strings.Join(out, " ")
}
