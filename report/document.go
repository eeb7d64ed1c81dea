package report

import (
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// document is what report.md and index.html say, in one language, before
// it is formatted.
type document struct {
	Lang       string
	Title      string
	Synthetic  string
	Headlines  []string
	Claims     table
	ClaimIntro string
	ClaimLines []string
	Published  table
	PubIntro   string
	Estimates  []questionBlock
	BySubgroup []questionBlock
	Derived    table
	DerIntro   string
	ByIntro    string
	Charts     []chartDoc
	Accounting table
	AccIntro   string
	Methods    string
	RakeText   string
	Indep      table
	Compare    table
	CompIntro  string
	IndepIntro string
	Disclosure []pair
	Notes      []string
	Limits     []string
	Missing    string
	Sources    []survey.Source
	Footer     string
	T          func(key string, pairs ...string) string
}

type table struct {
	Header []string
	Rows   [][]string
}

type questionBlock struct {
	ID, Label, Wording, BaseLine string
	Table                        table
}

type pair struct {
	Label, Value string
	Missing      bool
}

type chartDoc struct {
	ID, Title, Alt string
	SVG            template.HTML // inline SVG for index.html
	Files          []string      // paths relative to the report directory
}

// buildDocument assembles the report text for one language.
func buildDocument(r *Result, ms *messages, charts []chartDoc) *document {
	s := r.Study
	lang := ms.lang
	lvl := levelText(s.Analysis.Level, lang)
	d := &document{Lang: lang, Title: s.Title.Get(lang), Charts: charts, T: ms.T}
	if s.Synthetic {
		d.Synthetic = ms.T("synthetic_notice")
	}
	ciText := func(e analysis.Estimate) string {
		return ms.T("ci", "level", lvl, "range", percentRange(e.Lower, e.Upper, 1, lang))
	}
	items, _ := (&survey.ChartSpec{Items: s.Headlines}).ParsedItems(s)
	for _, it := range items {
		e, ok := r.Overall(it.Question, it.Category)
		if !ok || e.Suppressed {
			continue
		}
		q := s.Question(it.Question)
		c := &q.Categories[q.CategoryIndex(it.Category)]
		key := "headline_base"
		if !q.HasBase() {
			key = "headline_all"
		}
		d.Headlines = append(d.Headlines, ms.T(key,
			"n", Count(e.Base, lang), "base", q.BaseDescription(lang),
			"share", Percent(e.Share, 1, lang), "ci", ciText(e),
			"category", c.Label.Get(lang), "question", q.Label.Get(lang)))
	}

	d.ClaimIntro = ms.T("claims_intro", "level", lvl, "method", s.Analysis.Method)
	d.Claims.Header = []string{ms.T("col_claim"), ms.T("col_base"), ms.T("col_n"), ms.T("col_share"), ms.T("col_bound", "level", lvl), ms.T("col_p"), ms.T("col_verdict")}
	for _, c := range r.Claims {
		verdict := ms.T("verdict_not_supported", "level", lvl)
		if c.Supported {
			verdict = ms.T("verdict_supported", "level", lvl)
		}
		base := claimBase(s, c.Claim, lang)
		p := pValue(c.PValue, lang)
		d.Claims.Rows = append(d.Claims.Rows, []string{
			c.Claim.Text.Get(lang), base, Count(c.Estimate.Base, lang), Percent(c.Estimate.Share, 1, lang),
			Percent(c.Bound, 1, lang), p, verdict,
		})
		d.ClaimLines = append(d.ClaimLines, ms.T("claim_sentence", "claim", c.Claim.Text.Get(lang),
			"share", Percent(c.Estimate.Share, 1, lang), "n", Count(c.Estimate.Base, lang), "base", base,
			"level", lvl, "bound", Percent(c.Bound, 1, lang), "p", pSentence(p), "verdict", verdict))
	}

	d.PubIntro = ms.T("published_intro")
	d.Published.Header = []string{ms.T("col_figure"), ms.T("col_published"), ms.T("col_base"), ms.T("col_status"), ms.T("col_data"), ms.T("col_match")}
	for _, f := range r.Published {
		data, match := "–", ms.T("no")
		if e, ok := analysis.FindPublished(r.Estimates, f); ok {
			data = Percent(e.Share, 1, lang) + " (" + ciText(e) + ")"
			if f.Matches(e.Share) {
				match = ms.T("yes")
			}
		}
		d.Published.Rows = append(d.Published.Rows, []string{
			f.Figure, Percent(float64(f.Percent)/100, int(f.Decimals), lang), f.Base,
			ms.T("status_" + f.Status), data, match,
		})
	}

	for qi := range s.Questions {
		q := &s.Questions[qi]
		blk := questionBlock{ID: q.ID, Label: q.Label.Get(lang), Wording: q.Wording.Get(lang)}
		blk.Table.Header = []string{ms.T("col_category"), ms.T("col_n"), ms.T("col_count"), ms.T("col_share"), ms.T("col_ci", "level", lvl)}
		if s.HasDesign() {
			blk.Table.Header = append(blk.Table.Header, ms.T("col_deff"), ms.T("col_neff"))
		}
		for _, c := range q.Categories {
			e, ok := r.Overall(q.ID, c.ID)
			if !ok {
				continue
			}
			if blk.BaseLine == "" {
				if q.HasBase() {
					blk.BaseLine = ms.T("base_line", "n", Count(e.Base, lang), "base", q.BaseDescription(lang))
				} else {
					blk.BaseLine = ms.T("base_line_all", "n", Count(e.Base, lang))
				}
			}
			if e.Suppressed {
				blk.Table.Rows = append(blk.Table.Rows, []string{c.Label.Get(lang), Count(e.Base, lang), "", suppressedNote(ms, e, s.Analysis.MinBase, lang), ""})
				continue
			}
			cells := []string{
				c.Label.Get(lang), Count(e.Base, lang), Count(e.Count, lang),
				Percent(e.Share, 1, lang), percentRange(e.Lower, e.Upper, 1, lang),
			}
			if s.HasDesign() {
				cells = append(cells, decimal(e.Deff, 2, lang), decimal(e.NEff, 1, lang))
			}
			blk.Table.Rows = append(blk.Table.Rows, cells)
		}
		d.Estimates = append(d.Estimates, blk)
	}

	d.DerIntro = ms.T("derived_intro")
	d.Derived.Header = []string{ms.T("col_estimate"), ms.T("col_base"), ms.T("col_n"), ms.T("col_share"), ms.T("col_ci", "level", lvl)}
	for i := range s.Derived {
		dv := &s.Derived[i]
		e, ok := r.Overall(dv.ID, survey.DerivedCategory)
		if !ok {
			continue
		}
		shown := []string{Percent(e.Share, 1, lang), percentRange(e.Lower, e.Upper, 1, lang)}
		if e.Suppressed {
			shown = []string{suppressedNote(ms, e, s.Analysis.MinBase, lang), ""}
		}
		d.Derived.Rows = append(d.Derived.Rows, append([]string{dv.Label.Get(lang), dv.BaseDescription(lang), Count(e.Base, lang)}, shown...))
	}

	d.ByIntro = ms.T("by_subgroup_intro", "min", Count(float64(s.Analysis.MinBase), lang))
	for _, it := range items {
		q := s.Question(it.Question)
		c := &q.Categories[q.CategoryIndex(it.Category)]
		blk := questionBlock{ID: it.Question + "-" + it.Category, Label: q.Label.Get(lang) + ": " + c.Label.Get(lang)}
		blk.Table.Header = []string{ms.T("col_subgroup"), ms.T("col_n"), ms.T("col_share"), ms.T("col_ci", "level", lvl)}
		for _, g := range s.Subgroups {
			if g == it.Question {
				continue
			}
			gq := s.Question(g)
			for _, gc := range gq.Categories {
				e, ok := r.Find(it.Question, it.Category, g, gc.ID)
				if !ok {
					continue
				}
				name := gq.Label.Get(lang) + ": " + gc.Label.Get(lang)
				if e.Suppressed {
					blk.Table.Rows = append(blk.Table.Rows, []string{name, Count(e.Base, lang), suppressedNote(ms, e, s.Analysis.MinBase, lang), ""})
					continue
				}
				blk.Table.Rows = append(blk.Table.Rows, []string{name, Count(e.Base, lang), Percent(e.Share, 1, lang), percentRange(e.Lower, e.Upper, 1, lang)})
			}
		}
		if len(blk.Table.Rows) > 0 {
			d.BySubgroup = append(d.BySubgroup, blk)
		}
	}

	d.AccIntro = ms.T("accounting_intro", "rows", Count(float64(r.Rows), lang))
	d.Accounting.Header = []string{ms.T("col_question"), ms.T("col_outside"), ms.T("col_inbase"), ms.T("col_used"), ms.T("col_missing"), ms.T("col_noanswer"), ms.T("col_ignored")}
	for _, a := range r.Accounting {
		d.Accounting.Rows = append(d.Accounting.Rows, []string{
			a.Question, Count(float64(a.OutsideBase), lang), Count(float64(a.InBase), lang),
			Count(float64(a.Used), lang), Count(float64(a.Missing), lang), Count(float64(a.NoAnswer), lang),
			Count(float64(a.Ignored), lang),
		})
	}

	d.Methods = ms.T("methods_text", "level", lvl, "method", s.Analysis.Method)
	if s.HasDesign() {
		d.Methods = ms.T("methods_design", "level", lvl, "method", s.Analysis.Design)
	}
	if rp := r.Rake; rp != nil {
		conv := ms.T("converged")
		if !rp.Converged {
			conv = ms.T("not_converged")
		}
		m, _ := s.LoadMargins()
		vars := ""
		if m != nil {
			vars = strings.Join(m.Variables, ", ")
		}
		se := ms.T("rake_se_calibrated")
		if rp.Raking == nil {
			se = ms.T("rake_se_fixed")
		}
		d.RakeText = ms.T("rake_text", "vars", vars, "iterations", strconv.Itoa(rp.Iterations), "converged", conv,
			"diff", Count(rp.MarginDiff, lang), "trimmed", strconv.Itoa(rp.Trimmed)) + " " + se
	}
	if len(r.Comparisons) > 0 {
		d.CompIntro = ms.T("comparisons_intro", "level", lvl, "alpha", alphaText(s.Analysis.Level, lang))
		if s.HasDesign() {
			d.CompIntro = ms.T("comparisons_intro_design", "level", lvl)
		}
		d.Compare.Header = []string{ms.T("col_comparison"), ms.T("col_kind"), ms.T("col_share_a"), ms.T("col_share_b"), ms.T("col_diff"), ms.T("col_ci", "level", lvl), ms.T("col_p")}
		for i, c := range r.Comparisons {
			spec := &s.Compare[i]
			label := spec.Label.Get(lang)
			if label == "" {
				label = spec.ID
			}
			kind := ms.T("paired", "n", Count(c.N1, lang))
			if !c.Paired {
				kind = ms.T("independent", "n1", Count(c.N1, lang), "n2", Count(c.N2, lang))
			}
			d.Compare.Rows = append(d.Compare.Rows, []string{
				label, kind, Percent(c.P1, 1, lang), Percent(c.P2, 1, lang),
				signedPoints(c.Diff, lang), signedPoints(c.Lower, lang) + " … " + signedPoints(c.Upper, lang),
				pValue(c.Test.PValue, lang),
			})
		}
	}
	if len(r.Independence) > 0 {
		d.IndepIntro = ms.T("independence_intro", "k", strconv.Itoa(len(r.Independence)))
		d.Indep.Header = []string{ms.T("col_question"), ms.T("col_by"), ms.T("col_f"), ms.T("col_df"), ms.T("col_p"), ms.T("col_p_holm"), ms.T("col_p_bh")}
		for _, it := range r.Independence {
			q, g := s.Question(it.Question), s.Question(it.By)
			d.Indep.Rows = append(d.Indep.Rows, []string{
				q.Label.Get(lang), g.Label.Get(lang),
				decimal(it.F, 2, lang), decimal(it.NumDF, 2, lang) + "; " + decimal(it.DenDF, 1, lang),
				pValue(it.PF, lang), pValue(it.HolmP, lang), pValue(it.BHP, lang),
			})
		}
	}
	m := s.Metadata
	add := func(key, v string) {
		d.Disclosure = append(d.Disclosure, pair{Label: ms.T(key), Value: v, Missing: strings.TrimSpace(v) == ""})
	}
	add("d_sponsor", m.Sponsor)
	add("d_institute", m.Institute)
	add("d_population", m.Population.Get(lang))
	add("d_sample_source", m.SampleSource.Get(lang))
	add("d_mode", m.Mode.Get(lang))
	add("d_field_dates", m.FieldDates)
	size := ""
	if m.SampleSize > 0 {
		size = Count(float64(m.SampleSize), lang)
	}
	add("d_sample_size", size)
	add("d_weighting", m.Weighting.Get(lang))
	add("d_published", m.Published)
	for i := range d.Disclosure {
		if d.Disclosure[i].Missing {
			d.Disclosure[i].Value = ms.T("not_stated")
		}
	}
	switch m.SampleType {
	case "probability":
		add("d_sample_type", ms.T("sample_probability"))
	case "opt-in":
		add("d_sample_type", ms.T("sample_optin"))
	default:
		add("d_sample_type", "")
		d.Disclosure[len(d.Disclosure)-1].Value = ms.T("not_stated")
	}
	var noWording []string
	for _, q := range s.Questions {
		if q.Wording.Get(lang) == "" && !slices.Contains(s.Subgroups, q.ID) {
			noWording = append(noWording, q.ID)
		}
	}
	if len(noWording) > 0 {
		d.Disclosure = append(d.Disclosure, pair{Label: ms.T("d_wording"), Value: ms.T("wording_missing", "ids", strings.Join(noWording, ", ")), Missing: true})
	} else {
		add("d_wording", ms.T("wording_all"))
	}
	add("d_precision", precision(r, ms))
	missing := 0
	for _, p := range d.Disclosure {
		if p.Missing {
			missing++
		}
	}
	if missing > 0 {
		d.Missing = ms.T("missing_warning", "n", strconv.Itoa(missing))
	}
	if s.Synthetic {
		d.Limits = append(d.Limits, ms.T("synthetic_limitation"))
	}
	for _, l := range m.Limitations {
		d.Limits = append(d.Limits, l.Get(lang))
	}
	for _, n := range m.Notes {
		d.Notes = append(d.Notes, n.Get(lang))
	}
	d.Sources = m.Sources
	d.Footer = ms.T("generated_by", "version", Version)
	return d
}

// claimBase describes the base of a claim's estimate in words.
func claimBase(s *survey.Study, c survey.Claim, lang string) string {
	q, cat := c.Target()
	if cat == "" {
		if d := s.DerivedByID(q); d != nil {
			return d.BaseDescription(lang)
		}
	}
	if qq := s.Question(q); qq != nil {
		return qq.BaseDescription(lang)
	}
	return ""
}

// pValue formats a p-value with three significant digits, and very small
// ones as "< 0.0001".
func pValue(p float64, lang string) string {
	var out string
	switch {
	case math.IsNaN(p):
		return "–" // no test: the difference is fixed by calibration
	case p < 0.0001:
		out = "< 0.0001"
	case p < 0.001:
		out = strconv.FormatFloat(p, 'f', 5, 64)
	default:
		out = strconv.FormatFloat(p, 'f', 3, 64)
	}
	if lang == "de" || lang == "nl" {
		out = strings.ReplaceAll(out, ".", ",")
	}
	return out
}

// pSentence writes a formatted p-value as "p = 0.003" or "p < 0.0001".
func pSentence(p string) string {
	if strings.HasPrefix(p, "<") {
		return "p " + p
	}
	return "p = " + p
}

// decimal formats v with the given decimals and the decimal separator of
// lang.
func decimal(v float64, decimals int, lang string) string {
	out := strconv.FormatFloat(v, 'f', decimals, 64)
	if lang == "de" || lang == "nl" {
		out = strings.ReplaceAll(out, ".", ",")
	}
	return out
}

// precision words the precision of the whole sample as AAPOR asks: a
// margin of error only for probability samples, and a model-based
// statement otherwise.
func precision(r *Result, ms *messages) string {
	s := r.Study
	switch s.Metadata.SampleType {
	case "probability":
		n := float64(r.Rows)
		deffText := ""
		deff := 1.0
		if s.HasDesign() {
			for _, e := range r.Estimates {
				if e.Subgroup == "" && e.Deff > deff && !slices.Contains(s.Subgroups, e.Question) {
					deff = e.Deff
				}
			}
			deffText = ms.T("precision_deff")
		}
		z := analysis.ZQuantile(s.Analysis.Level)
		moe := z * math.Sqrt(deff*0.25/n)
		return ms.T("precision_probability", "n", Count(n, ms.lang), "level", levelText(s.Analysis.Level, ms.lang),
			"moe", decimal(100*moe, 1, ms.lang), "deff", deffText)
	case "opt-in":
		return ms.T("precision_optin")
	}
	return ms.T("precision_unknown")
}

// signedPoints formats a difference of proportions in percentage points
// with its sign: "+1.2", "−3.4".
func signedPoints(v float64, lang string) string {
	out := decimal(100*v, 1, lang)
	if strings.HasPrefix(out, "-") {
		return "−" + out[1:]
	}
	if strings.Trim(out, "0.,") == "" {
		return out
	}
	return "+" + out
}
