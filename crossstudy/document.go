package crossstudy

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"math"
	"strings"
	texttemplate "text/template"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/internal/mdsafe"
	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

//go:embed templates/*.tmpl
var templateFiles embed.FS

// document is everything a comparison report shows, in one language.
type document struct {
	Lang, Title  string
	Notices      []string
	Summary      []string
	SurveysIntro string
	Surveys      table
	EstIntro     string
	Estimates    table
	DiffIntro    string
	Differences  table
	Charts       []chartDoc
	Notes        []string
	Sources      []sourceDoc
	Footer       string
	T            func(key string) string
}

type table struct {
	Header []string
	Rows   [][]string
}

type sourceDoc struct{ Survey, Title, URL string }

func (r *Result) document(lang string, charts []chartDoc) *document {
	d := &document{Lang: lang, Title: r.title(lang), Charts: charts,
		T: func(key string) string { return t(lang, key) }}
	var synthetic, reconstructed []string
	for si, res := range r.Studies {
		switch res.Study.Status {
		case survey.StatusSynthetic:
			synthetic = append(synthetic, r.StudyLabel(si, lang))
		case survey.StatusReconstructed:
			reconstructed = append(reconstructed, r.StudyLabel(si, lang))
		}
	}
	if len(synthetic) > 0 {
		d.Notices = append(d.Notices, t(lang, "notice_synthetic", "surveys", joinList(synthetic, lang)))
	}
	if len(reconstructed) > 0 {
		d.Notices = append(d.Notices, t(lang, "notice_reconstructed", "surveys", joinList(reconstructed, lang)))
	}

	for i, diffs := range r.Diffs {
		for _, df := range diffs {
			a, b := r.Cells[i][df.A].Estimate, r.Cells[i][df.B].Estimate
			la, lb := r.StudyLabel(df.A, lang), r.StudyLabel(df.B, lang)
			if !df.Shown {
				why := "why_degenerate"
				if a.Suppressed || b.Suppressed {
					why = "why_suppressed"
				}
				d.Summary = append(d.Summary, t(lang, "summary_none", "item", r.ItemLabel(i, lang), "la", la, "lb", lb, "why", t(lang, why)))
				continue
			}
			p := math.NaN()
			if df.Tested {
				p = df.Test.PValue
			}
			sa, sb, exact := sharesForDiff(a.Share, b.Share, df.Diff, lang)
			diff := points(df.Diff, true, lang)
			if !exact {
				diff += " " + t(lang, "diff_unrounded")
			}
			d.Summary = append(d.Summary, t(lang, "summary_line", "item", r.ItemLabel(i, lang),
				"sa", sa, "la", la, "sb", sb, "lb", lb,
				"diff", diff, "ci", ciLong(r.Level, lang),
				"lo", points(df.Lower, false, lang), "hi", points(df.Upper, false, lang), "p", pText(p, lang)))
		}
	}

	d.SurveysIntro = t(lang, "surveys_intro")
	d.Surveys.Header = []string{t(lang, "col_survey"), t(lang, "col_study"), t(lang, "col_by"), t(lang, "col_population"), t(lang, "col_field"), t(lang, "col_sample"), t(lang, "col_data")}
	for si, res := range r.Studies {
		s := res.Study
		m := s.Metadata
		var who []string
		for _, v := range []string{m.Sponsor.Get(lang), m.Institute.Get(lang)} {
			if v != "" && !contains(who, v) {
				who = append(who, v)
			}
		}
		n := ""
		if m.SampleSize > 0 {
			n = count(float64(m.SampleSize), lang)
			if m.SampleSizeAssumed {
				n += " (" + t(lang, "assumed") + ")"
			}
		}
		field := m.FieldDates
		if strings.TrimSpace(field) == "" {
			field = t(lang, "not_stated")
		}
		d.Surveys.Rows = append(d.Surveys.Rows, []string{
			r.StudyLabel(si, lang), s.Title.Get(lang), strings.Join(who, " / "), m.Population.Get(lang),
			field, n, statusText(string(s.Status), lang),
		})
		for _, src := range m.Sources {
			d.Sources = append(d.Sources, sourceDoc{Survey: r.StudyLabel(si, lang), Title: src.Title.Get(lang), URL: src.URL})
		}
	}

	d.EstIntro = t(lang, "estimates_intro")
	d.Estimates.Header = []string{t(lang, "col_item"), t(lang, "col_survey"), t(lang, "col_base"), t(lang, "col_n"), t(lang, "col_share"), t(lang, "col_ci"), t(lang, "col_method")}
	for i, cells := range r.Cells {
		for si, c := range cells {
			e := c.Estimate
			row := []string{r.ItemLabel(i, lang), r.StudyLabel(si, lang), r.BaseDescription(i, si, lang), r.nText(si, e, lang)}
			if e.Suppressed {
				row = append(row, t(lang, "suppressed", "min", count(float64(r.Studies[si].Study.Analysis.MinBase), lang)), "", "")
			} else {
				row = append(row, percent(e.Share, lang), report.PercentRange(e.Lower, e.Upper, 1, lang)+" ("+report.LevelText(e.Level, lang)+")", figures.MethodName(e.Method, lang))
			}
			d.Estimates.Rows = append(d.Estimates.Rows, row)
		}
	}

	// The methods in words, only those used.
	d.DiffIntro = t(lang, "differences_intro", "level", levelAdj(r.Level, lang))
	for _, m := range []string{"newcombe", "newcombe-neff", "svy-wald"} {
		used := false
		for _, diffs := range r.Diffs {
			for _, df := range diffs {
				used = used || df.Shown && df.Method == m
			}
		}
		if used {
			d.DiffIntro += " " + t(lang, "diff_"+m)
		}
	}
	if len(reconstructed) > 0 {
		d.DiffIntro += " " + t(lang, "diff_reconstructed", "surveys", joinList(reconstructed, lang))
	}
	d.Differences.Header = []string{t(lang, "col_item"), t(lang, "col_surveys"), t(lang, "col_diff"), ciShort(r.Level, lang), t(lang, "col_p"), t(lang, "col_method")}
	for i, diffs := range r.Diffs {
		for _, df := range diffs {
			row := []string{r.ItemLabel(i, lang), r.StudyLabel(df.A, lang) + " − " + r.StudyLabel(df.B, lang)}
			if !df.Shown {
				row = append(row, "–", "–", "–", "")
			} else {
				p := math.NaN()
				if df.Tested {
					p = df.Test.PValue
				}
				row = append(row, points(df.Diff, true, lang), points(df.Lower, false, lang)+" "+t(lang, "to")+" "+points(df.Upper, false, lang),
					strings.TrimPrefix(strings.TrimPrefix(pText(p, lang), "p = "), "p "), methodName(df.Method, lang))
			}
			d.Differences.Rows = append(d.Differences.Rows, row)
		}
	}
	for _, n := range r.File.Notes {
		d.Notes = append(d.Notes, n.Get(lang))
	}
	d.Footer = t(lang, "footer", "version", report.Version)
	return d
}

// mdTable renders a table in Markdown with every cell escaped.
func mdTable(tb table) string { return mdsafe.Table(tb.Header, tb.Rows, false) }

func renderMarkdown(d *document) ([]byte, error) {
	return mdsafe.Render(templateFiles, "templates/report.md.tmpl", texttemplate.FuncMap{"mdtable": mdTable}, d)
}

func renderHTML(d *document) ([]byte, error) {
	tp, err := htmltemplate.ParseFS(templateFiles, "templates/index.html.tmpl")
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := tp.Execute(&buf, d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// joinList joins names as running text: "2018, 2019 and 2020".
func joinList(names []string, lang string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + t(lang, "and") + " " + names[len(names)-1]
}

// nText is the base n of an estimate of survey si, "2,500 (assumed)" where
// it follows from an assumed sample size, as the study's own report says.
func (r *Result) nText(si int, e analysis.Estimate, lang string) string {
	n := count(e.Base, lang)
	if report.NAssumed(r.Studies[si].Study, e) {
		n += " (" + t(lang, "assumed") + ")"
	}
	return n
}

// sharesForDiff formats two shares with as many decimals (one to three)
// as it takes for the difference of the shown shares to be the shown
// difference, diff in points to one decimal ("43.04%" and "39.13%" beside
// "+3.9"); exact is false when three decimals do not suffice, and the
// difference must be said to be that of the unrounded shares.
func sharesForDiff(a, b, diff float64, lang string) (sa, sb string, exact bool) {
	want := math.Round(diff * 1000)
	for d := 1; d <= 3; d++ {
		scale := math.Pow(10, float64(d))
		ra, rb := math.Round(a*100*scale)/scale, math.Round(b*100*scale)/scale
		if math.Round((ra-rb)*10) == want {
			return report.Percent(a, d, lang), report.Percent(b, d, lang), true
		}
	}
	return percent(a, lang), percent(b, lang), false
}
