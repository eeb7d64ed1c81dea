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
	Lang        string
	Paper       string // CSS @page size: "A4" or "letter"
	Title       string
	Notice      string // the data-status banner; "" for respondent data
	NoticeClass string // the data status, as a CSS class of the banner
	Headlines   []string
	Claims      table
	ClaimIntro  string
	ClaimLines  []string
	Published   table
	PubIntro    string
	Estimates   []questionBlock
	BySubgroup  []questionBlock
	Derived     table
	DerIntro    string
	ByIntro     string
	Charts      []chartDoc
	Accounting  table
	AccIntro    string
	Methods     string
	RakeText    string
	Indep       table
	Compare     table
	CompIntro   string
	IndepIntro  string
	Disclosure  []pair
	Notes       []string
	Limits      []string
	Missing     string
	Sources     []sourceDoc
	Footer      string
	// FooterMD and FooterHTML, when set, replace Footer in report.md and
	// index.html: the footer with the commands that made and verify the
	// report as code (see runCommand.footer).
	FooterMD   string
	FooterHTML template.HTML
	T          func(key string, pairs ...string) string
}

type table struct {
	Header []string
	Rows   [][]string
}

type questionBlock struct {
	ID, Label, Wording, BaseLine string
	Table                        table
	Note                         string // under the table: what its net and "don't know" rows are
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

// buildDocument assembles the report text for one language. Every
// method, level, base and n it names is read from the computed estimate
// (see wording.go).
func buildDocument(r *Result, ms *messages, charts []chartDoc) *document {
	s := r.Study
	lang := ms.lang
	lvl := levelText(s.Analysis.Level, lang)
	d := &document{Lang: lang, Paper: "A4", Title: s.Title.Get(lang), Charts: charts, T: ms.T}
	d.Notice, d.NoticeClass = statusNotice(s, ms), string(s.Status)
	labelOf := func(id string) string {
		if q := s.Question(id); q != nil {
			return q.Label.Get(lang)
		}
		if dv := s.DerivedByID(id); dv != nil {
			return dv.Label.Get(lang)
		}
		return id
	}
	ciText := func(e analysis.Estimate) string {
		return ms.T("ci", "level", levelText(e.Level, lang), "range", percentRange(e.Lower, e.Upper, 1, lang))
	}
	suppressed := func(e analysis.Estimate) string {
		return suppressedNote(ms, e, s.Analysis.MinBase, lang)
	}
	items, _ := s.ParseItems(s.Headlines) // checked when the study was loaded
	for _, it := range items {
		e, ok := r.Overall(it.Question, it.Category)
		if !ok {
			continue
		}
		b := r.baseOf(e, lang)
		if e.Suppressed {
			// Listed with its reason, as a claim that cannot be
			// assessed: a headline never disappears without a word.
			d.Headlines = append(d.Headlines, ms.T("headline_suppressed", "estimate", itemLabel(s, it, lang),
				"reason", suppressed(e), "base", b.phrase(ms)))
			continue
		}
		args := []string{"share", Percent(e.Share, 1, lang), "ci", ciText(e), "base", b.phrase(ms)}
		if isDerived(s, it) {
			d.Headlines = append(d.Headlines, ms.T("headline_derived", append(args, "estimate", itemLabel(s, it, lang))...))
			continue
		}
		q := s.Question(it.Question)
		key := "headline"
		if b.excluded() > 0 {
			key = "headline_valid"
		}
		if n := q.NetByID(it.Category); n != nil {
			// A net is not an answer anyone gave: it is any of its
			// answers ("answered “Strongly agree” or “Agree”").
			var answers []string
			for _, c := range n.Categories {
				answers = append(answers, ms.T("answer_quote", "answer", q.ItemLabel(c).Get(lang)))
			}
			d.Headlines = append(d.Headlines, ms.T(key+"_net", append(args,
				"answers", orList(answers, ms), "net", n.Label.Get(lang), "question", q.Label.Get(lang))...))
			continue
		}
		d.Headlines = append(d.Headlines, ms.T(key, append(args,
			"category", q.ItemLabel(it.Category).Get(lang), "question", q.Label.Get(lang))...))
	}

	var claimEsts []analysis.Estimate
	for _, c := range r.Claims {
		claimEsts = append(claimEsts, c.Estimate)
	}
	d.ClaimIntro = ms.T("claims_intro", "level", lvl, "method", methodsOf(claimEsts, ms, labelOf),
		"alpha", alphaText(s.Analysis.Level, lang))
	d.Claims.Header = []string{ms.T("col_claim"), ms.T("col_base"), ms.T("col_n"), ms.T("col_share"), ms.T("col_threshold"), ms.T("col_bound", "level", lvl), ms.T("col_p"), ms.T("col_verdict")}
	for _, c := range r.Claims {
		clvl := levelText(c.Level, lang)
		b := r.baseOf(c.Estimate, lang)
		if c.NotAssessed != "" {
			// The estimate is suppressed: not printed, and the claim not
			// assessed.
			verdict := notAssessed(ms, c, b, s.Analysis.MinBase)
			d.Claims.Rows = append(d.Claims.Rows, []string{
				c.Claim.Text.Get(lang), b.column(ms), b.count(ms), suppressedNote(ms, c.Estimate, s.Analysis.MinBase, lang), threshold(c.Claim, lang), "–", "–", verdict,
			})
			d.ClaimLines = append(d.ClaimLines, ms.T("claim_sentence_not_assessed", "claim", c.Claim.Text.Get(lang),
				"base", b.phrase(ms), "verdict", verdict))
			continue
		}
		verdict := verdictWords(c, ms)
		if rv := rangeVerdict(c, "", lang, ms); rv != "" {
			verdict = rv
		}
		p := pValue(c.PValue, lang)
		// The bound has at least the threshold's decimals, so that a bound
		// beyond a threshold of 19.55% never reads 19.6%.
		bound := Percent(c.Bound, max(1, percentDecimals(c.Claim.Value)), lang)
		d.Claims.Rows = append(d.Claims.Rows, []string{
			c.Claim.Text.Get(lang), b.column(ms), b.count(ms), Percent(c.Estimate.Share, 1, lang),
			threshold(c.Claim, lang), bound, p, verdict,
		})
		d.ClaimLines = append(d.ClaimLines, ms.T("claim_sentence", "claim", c.Claim.Text.Get(lang),
			"share", Percent(c.Estimate.Share, 1, lang), "base", b.phrase(ms), "threshold", threshold(c.Claim, lang),
			"level", clvl, "bound", bound, "p", pSentence(p), "verdict", verdict,
			"method", methodName(c.Estimate.Method, lang), "test", claimTestName(c.ClaimResult, ms)))
	}

	d.PubIntro = ms.T("published_intro")
	if s.FromTable() {
		d.PubIntro = ms.T("published_intro_table")
	}
	d.Published.Header = []string{ms.T("col_figure"), ms.T("col_published"), ms.T("col_base"), ms.T("col_status"), ms.T("col_data"), ms.T("col_match")}
	for _, f := range r.Published {
		data, match := "–", ms.T("no")
		if e, ok := analysis.FindPublished(r.Estimates, f); ok && e.Suppressed {
			// The small-cell rule hides the share here too.
			data = suppressedNote(ms, e, s.Analysis.MinBase, lang)
		} else if ok {
			data = Percent(e.Share, 1, lang) + " (" + ciText(e) + ")"
			if f.Matches(e.Share) {
				match = ms.T("yes")
			}
			// A margin of error or interval published with the figure
			// that its base cannot give is an inconsistency too.
			if pw := precisionWords(r, e, ms); pw != "" && match == ms.T("yes") {
				match = pw
			} else if pw != "" {
				match += "; " + pw
			}
		}
		base := publishedBase(r, f, lang, ms)
		d.Published.Rows = append(d.Published.Rows, []string{
			figureLabel(s, f, lang), Percent(float64(f.Percent)/100, int(f.Decimals), lang), base,
			ms.T("status_" + f.Status), data, match,
		})
	}

	for qi := range s.Questions {
		q := &s.Questions[qi]
		blk := questionBlock{ID: q.ID, Label: q.Label.Get(lang), Wording: markedText(q.Wording, ms)}
		blk.Table.Header = []string{ms.T("col_category"), ms.T("col_n"), ms.T("col_count"), ms.T("col_share"), ms.T("col_ci", "level", lvl)}
		fromTable := s.FromTable()
		pubCI := fromTable && publishedInterval(r, q.ID)
		if fromTable {
			blk.Table.Header = append(blk.Table.Header, ms.T("col_published"), ms.T("col_count_range"))
		}
		if pubCI {
			blk.Table.Header = append(blk.Table.Header, ms.T("col_published_ci"))
		}
		showDeff := s.HasDesign() || (fromTable && questionDeff(r, q.ID))
		if showDeff {
			blk.Table.Header = append(blk.Table.Header, ms.T("col_deff"), ms.T("col_neff"))
		}
		// The categories, then the nets (groups of them).
		rows := make([]survey.Net, 0, len(q.Categories)+len(q.Nets))
		for _, c := range q.Categories {
			rows = append(rows, survey.Net{ID: c.ID, Label: c.Label})
		}
		rows = append(rows, q.Nets...)
		for ri, c := range rows {
			e, ok := r.Overall(q.ID, c.ID)
			if !ok {
				continue
			}
			if ri >= len(q.Categories) {
				c.Label = survey.Text{lang: netLabel(q, &q.Nets[ri-len(q.Categories)], lang, ms)}
				if !strings.Contains(blk.Note, ms.T("net_note")) {
					blk.Note = joinNote(blk.Note, ms.T("net_note"))
				}
			}
			b := r.baseOf(e, lang)
			if blk.BaseLine == "" {
				blk.BaseLine = ms.T("base_line", "base", b.phrase(ms))
			}
			if e.Suppressed {
				row := []string{c.Label.Get(lang), b.count(ms), "", suppressed(e), ""}
				if s.HasDesign() {
					row = append(row, "", "")
				}
				blk.Table.Rows = append(blk.Table.Rows, row)
				continue
			}
			cells := []string{
				c.Label.Get(lang), b.count(ms), Count(e.Count, lang),
				Percent(e.Share, 1, lang), percentRange(e.Lower, e.Upper, 1, lang),
			}
			if rc := e.Reconstructed; fromTable && rc != nil {
				pub := ms.T("remainder")
				switch {
				case rc.Net && rc.Remainder:
					pub = "–"
				case rc.Net:
					pub = ms.T("net_published_sum", "sum", Percent(rc.Percent/100, rc.Decimals, lang))
				case !rc.Remainder:
					pub = Percent(rc.Percent/100, rc.Decimals, lang)
				}
				cells = append(cells, pub, countRange(rc.CountMin, rc.CountMax, lang))
				if pubCI {
					var shown string
					switch {
					case !math.IsNaN(rc.Lower):
						shown = percentRange(rc.Lower/100, rc.Upper/100, max(decimalsOf(rc.Lower), decimalsOf(rc.Upper)), lang)
					case !math.IsNaN(rc.MOE):
						shown = ms.T("moe_points", "moe", strings.TrimRight(strings.TrimRight(decimal(rc.MOE, 2, lang), "0"), ".,"))
					}
					cells = append(cells, shown)
				}
			}
			if showDeff {
				cells = append(cells, finiteDecimal(e.Deff, 2, lang), finiteDecimal(e.NEff, 1, lang))
			}
			blk.Table.Rows = append(blk.Table.Rows, cells)
			if ri == len(q.Categories)-1 && q.MissingInBase {
				if row := dkRow(r, q, b, showDeff, ms); row != nil {
					blk.Table.Rows = append(blk.Table.Rows, row)
					blk.Note = joinNote(blk.Note, ms.T("dk_note"))
				}
			}
		}
		if len(blk.Table.Rows) > 0 {
			d.Estimates = append(d.Estimates, blk)
		}
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
			shown = []string{suppressed(e), ""}
		}
		b := r.baseOf(e, lang)
		d.Derived.Rows = append(d.Derived.Rows, append([]string{dv.Label.Get(lang), b.column(ms), b.count(ms)}, shown...))
	}

	d.ByIntro = ms.T("by_subgroup_intro")
	if s.Analysis.MinBase > 0 {
		d.ByIntro += " " + ms.T("by_subgroup_min", "min", Count(float64(s.Analysis.MinBase), lang))
	}
	for _, it := range items {
		blk := questionBlock{ID: it.Question + "-" + it.Category, Label: itemLabel(s, it, lang)}
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
				n := r.baseOf(e, lang).count(ms)
				if e.Suppressed {
					blk.Table.Rows = append(blk.Table.Rows, []string{name, n, suppressed(e), ""})
					continue
				}
				blk.Table.Rows = append(blk.Table.Rows, []string{name, n, Percent(e.Share, 1, lang), percentRange(e.Lower, e.Upper, 1, lang)})
			}
		}
		if len(blk.Table.Rows) > 0 {
			d.BySubgroup = append(d.BySubgroup, blk)
		}
	}

	d.AccIntro = ms.T("accounting_intro", "rows", Count(float64(r.Rows), lang))
	if s.Metadata.SampleSizeAssumed {
		d.AccIntro += " " + ms.T("accounting_assumed")
	}
	// "Don't know" kept in a base (missing_in_base) is used, not
	// excluded: a column of its own says how many of the used rows it is.
	kept := false
	for _, a := range r.Accounting {
		kept = kept || a.KeptInBase > 0
	}
	d.Accounting.Header = []string{ms.T("col_question"), ms.T("col_outside"), ms.T("col_inbase"), ms.T("col_used")}
	if kept {
		d.Accounting.Header = append(d.Accounting.Header, ms.T("col_kept"))
		d.AccIntro += " " + ms.T("accounting_kept")
	}
	d.Accounting.Header = append(d.Accounting.Header, ms.T("col_missing"), ms.T("col_noanswer"), ms.T("col_ignored"))
	for _, a := range r.Accounting {
		row := []string{labelOf(a.Question), Count(float64(a.OutsideBase), lang), Count(float64(a.InBase), lang), Count(float64(a.Used), lang)}
		if kept {
			row = append(row, Count(float64(a.KeptInBase), lang))
		}
		d.Accounting.Rows = append(d.Accounting.Rows, append(row,
			Count(float64(a.Missing), lang), Count(float64(a.NoAnswer), lang), Count(float64(a.Ignored), lang)))
	}

	var overall []analysis.Estimate
	for _, e := range r.Estimates {
		if e.Subgroup == "" {
			overall = append(overall, e)
		}
	}
	d.Methods = ms.T("methods_text", "level", lvl, "method", methodsOf(overall, ms, labelOf))
	if s.HasDesign() {
		d.Methods = ms.T("methods_design", "level", lvl, "method", methodsOf(overall, ms, labelOf))
	}
	if dt := designText(r, ms); dt != "" {
		d.Methods += " " + ms.T("d_design") + ": " + dt + "."
	}
	d.Methods = statusNote(s, ms, "methods_status") + " " + d.Methods
	var dkIn []string
	for _, q := range s.Questions {
		if q.MissingInBase {
			dkIn = append(dkIn, q.Label.Get(lang))
		}
	}
	if len(dkIn) > 0 {
		// These bases keep "don't know": the sentence above speaks of
		// valid answers only.
		d.Methods += " " + ms.T("methods_dk_included", "questions", strings.Join(dkIn, "; "))
	}
	for _, e := range r.Estimates {
		if e.Design != nil && !e.Suppressed && (e.Share == 0 || e.Share == 1) {
			// A design-based share of exactly 0 or 1 has no variance: its
			// interval is not the method named above (README, "Shares
			// of 0% and 100%").
			d.Methods += " " + ms.T("methods_design_edge")
			break
		}
	}
	if s.Metadata.SampleSizeAssumed {
		d.Methods += " " + ms.T("methods_assumed")
	}
	if s.FromTable() {
		d.AccIntro = ms.T("accounting_table")
		d.Accounting = table{}
		d.Methods = ms.T("methods_table", "level", lvl, "method", methodsOf(overall, ms, labelOf)) + " " + tableDeffText(r, ms)
	}
	if rp := r.Rake; rp != nil {
		conv := ms.T("converged")
		if !rp.Converged {
			conv = ms.T("not_converged")
		}
		m, _ := s.LoadMargins()
		vars := ""
		if m != nil {
			// The margin variables by their labels in the report's
			// language, as every other sentence names questions.
			names := make([]string, len(m.Variables))
			for i, v := range m.Variables {
				names[i] = labelOf(v)
			}
			vars = strings.Join(names, ", ")
		}
		d.RakeText = ms.T("rake_text", "vars", vars, "iterations", strconv.Itoa(rp.Iterations), "converged", conv,
			"diff", marginDiffText(rp.MarginDiff, lang))
		if rs := s.Analysis.Rake; rs != nil && (rs.Lower > 0 || rs.Upper > 0) {
			d.RakeText += " " + ms.T("rake_trimmed_count", "trimmed", strconv.Itoa(rp.Trimmed))
		}
		d.RakeText += " " + rakeSEText(rp, s.Analysis.Rake, ms)
	}
	if len(r.Comparisons) > 0 {
		d.CompIntro = ms.T("comparisons_intro", "level", lvl, "alpha", alphaText(s.Analysis.Level, lang))
		if s.HasDesign() {
			d.CompIntro = ms.T("comparisons_intro_design", "level", lvl)
		}
		d.Compare.Header = []string{ms.T("col_comparison"), ms.T("col_kind"), ms.T("col_share_a"), ms.T("col_share_b"), ms.T("col_diff"), ms.T("col_ci", "level", lvl), ms.T("col_p")}
		for i, c := range r.Comparisons {
			spec := &s.Compare[i]
			label := comparisonLabel(s, spec, ms)
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
		if len(r.Independence) == 1 {
			d.IndepIntro = ms.T("independence_intro_one")
		}
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
	add("d_sponsor", m.Sponsor.Get(lang))
	add("d_institute", m.Institute.Get(lang))
	add("d_population", m.Population.Get(lang))
	add("d_sample_source", m.SampleSource.Get(lang))
	add("d_mode", m.Mode.Get(lang))
	add("d_field_dates", longDate(m.FieldDates, lang))
	size := ""
	if m.SampleSize > 0 {
		size = Count(float64(m.SampleSize), lang)
		if m.SampleSizeAssumed {
			size = ms.T("n_assumed", "n", size)
		}
	}
	add("d_sample_size", size)
	weighting := m.Weighting.Get(lang)
	switch w := s.Data.Weight; {
	case strings.TrimSpace(weighting) != "":
	case w != "":
		weighting = ms.T("weighted_by", "column", w)
	case s.Data.WeightSum != "":
		weighting = ms.T("weighted_by", "column", s.Data.WeightSum)
	}
	add("d_weighting", weighting)
	if r.Design != nil {
		add("d_design", designText(r, ms))
	}
	if m.SampleType == "probability" || m.ResponseRate.Get(lang) != "" {
		add("d_response_rate", m.ResponseRate.Get(lang))
	}
	add("d_published", longDate(m.Published, lang))
	add("d_data_status", statusNote(s, ms, "d_status"))
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
	// The wording is printed with each question in the estimates
	// section, which comes before the disclosure; subgroup variables
	// (gender, age) need none.
	var noWording []string
	asked := 0
	for _, q := range s.Questions {
		if slices.Contains(s.Subgroups, q.ID) {
			continue
		}
		asked++
		if q.Wording.Get(lang) == "" {
			noWording = append(noWording, q.Label.Get(lang))
		}
	}
	section := ms.T("estimates")
	switch {
	case len(noWording) == 0:
		add("d_wording", ms.T("wording_all", "section", section))
	case len(noWording) == asked:
		d.Disclosure = append(d.Disclosure, pair{Label: ms.T("d_wording"), Value: ms.T("wording_none", "ids", strings.Join(noWording, "; ")), Missing: true})
	default:
		d.Disclosure = append(d.Disclosure, pair{Label: ms.T("d_wording"), Value: ms.T("wording_missing", "ids", strings.Join(noWording, "; "), "section", section), Missing: true})
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
		if missing == 1 {
			d.Missing = ms.T("missing_warning_one")
		}
	}
	switch s.Status {
	case survey.StatusSynthetic:
		if len(r.Published) > 0 {
			d.Limits = append(d.Limits, ms.T("synthetic_limitation"))
		} else {
			d.Limits = append(d.Limits, ms.T("synthetic_limitation_nopub"))
		}
	case survey.StatusReconstructed:
		d.Limits = append(d.Limits, ms.T("reconstructed_limitation"))
	}
	if todo := s.OpenTodo(); s.AcceptTodo && len(todo) > 0 {
		d.Limits = append(d.Limits, ms.T("todo_accepted", "n", strconv.Itoa(len(todo))))
	}
	for _, l := range m.Limitations {
		d.Limits = append(d.Limits, markedText(l, ms))
	}
	for _, n := range m.Notes {
		d.Notes = append(d.Notes, markedText(n, ms))
	}
	for _, src := range m.Sources {
		if t := src.Title.Get(lang); strings.TrimSpace(t) != "" || strings.TrimSpace(src.URL) != "" {
			d.Sources = append(d.Sources, sourceDoc{Title: t, URL: src.URL})
		}
	}
	d.Footer = ms.T("generated_by", "version", Version)
	return d
}

// sourceDoc is a source of the study as a document in one language lists
// it.
type sourceDoc struct{ Title, URL string }

// itemLabel is the label of a question=category item ("Attitude: Does
// not want it") or of a derived estimate.
func itemLabel(s *survey.Study, it survey.Item, lang string) string {
	if isDerived(s, it) {
		return s.DerivedByID(it.Question).Label.Get(lang)
	}
	q := s.Question(it.Question)
	return q.Label.Get(lang) + ": " + q.ItemLabel(it.Category).Get(lang)
}

// isDerived reports whether it is a derived estimate rather than a
// question's category.
func isDerived(s *survey.Study, it survey.Item) bool {
	return s.Question(it.Question) == nil && s.DerivedByID(it.Question) != nil
}

// finiteDecimal is decimal, with "–" for a number that is not one (the
// design effect of a share of 0 or 100 %).
func finiteDecimal(v float64, decimals int, lang string) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return decimal(v, decimals, lang)
}

// pValue formats a p-value with three decimals (five under 0.001), very
// small ones as "< 0.0001" and those that would round to 1 as "> 0.999".
func pValue(p float64, lang string) string {
	var out string
	switch {
	case math.IsNaN(p):
		return "–" // no test: the difference is fixed by calibration
	case p < 0.0001:
		out = "<\u00a00.0001" // no break after "<"
	case p > 0.999:
		// Three decimals would round it to 1.000, which no test gives.
		out = ">\u00a00.999"
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
	if strings.HasPrefix(p, "<") || strings.HasPrefix(p, ">") {
		return "p\u00a0" + p
	}
	return "p\u00a0=\u00a0" + p
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
		if s.FromTable() {
			// No respondent rows: the largest published base, and the
			// largest published design effect.
			n = 0
			for _, e := range r.Estimates {
				n = max(n, e.Base)
				if rc := e.Reconstructed; rc != nil && rc.DeffPublished && e.Deff > deff {
					deff, deffText = e.Deff, ms.T("precision_deff")
				}
			}
		} else if s.HasDesign() && r.Design != nil {
			return designPrecision(r, ms)
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

// countRange formats the counts compatible with a published rounding,
// "177–186", or one count.
func countRange(lo, hi float64, lang string) string {
	if lo == hi {
		return Count(lo, lang)
	}
	return Count(lo, lang) + "–" + Count(hi, lang)
}

// questionDeff reports whether a published design effect applies to the
// question's estimates.
func questionDeff(r *Result, question string) bool {
	for _, e := range r.Estimates {
		if e.Question == question && e.Reconstructed != nil && e.Reconstructed.DeffPublished {
			return true
		}
	}
	return false
}

// tableDeffText says how the intervals of a study built from a published
// table treat the sample design: on the effective sample size where a
// design effect was published, as simple random sampling otherwise.
func tableDeffText(r *Result, ms *messages) string {
	var with, without []string
	for _, q := range r.Study.Questions {
		if questionDeff(r, q.ID) {
			with = append(with, q.Label.Get(ms.lang))
		} else {
			without = append(without, q.Label.Get(ms.lang))
		}
	}
	switch {
	case len(with) == 0:
		return ms.T("table_srs_all")
	case len(without) == 0:
		return ms.T("table_deff_all")
	}
	return ms.T("table_deff_some", "with", strings.Join(with, "; "), "without", strings.Join(without, "; "))
}

// publishedInterval reports whether a published margin of error or
// interval comes with any of the question's estimates.
func publishedInterval(r *Result, question string) bool {
	for _, e := range r.Estimates {
		if rc := e.Reconstructed; e.Question == question && rc != nil && (!math.IsNaN(rc.MOE) || !math.IsNaN(rc.Lower)) {
			return true
		}
	}
	return false
}

// decimalsOf returns how many decimals v has as written in shortest form
// (17.25 → 2).
func decimalsOf(v float64) int {
	out := strconv.FormatFloat(v, 'f', -1, 64)
	if i := strings.IndexByte(out, '.'); i >= 0 {
		return len(out) - i - 1
	}
	return 0
}

// percentDecimals is the number of decimals a proportion needs as a
// percentage: 0.5 → 0 ("50%"), 0.1955 → 2 ("19.55%"); at most 6.
func percentDecimals(v float64) int {
	d := 0
	for d < 6 && math.Abs(math.Round(100*v*math.Pow10(d))-100*v*math.Pow10(d)) > 1e-9*math.Pow10(d) {
		d++
	}
	return d
}

// threshold writes a claim's threshold with its direction: "> 50%",
// "< 19.55%".
func threshold(c survey.Claim, lang string) string {
	return c.Op + "\u00a0" + Percent(c.Value, percentDecimals(c.Value), lang)
}

// marginDiffText is the raking's largest remaining margin difference, in
// weighted counts: two decimals below 10, so that a difference below the
// tolerance of 1 is not printed as 0 next to a sentence that says the
// margins are not met.
func marginDiffText(d float64, lang string) string {
	if d < 10 {
		return decimal(d, 2, lang)
	}
	return Count(d, lang)
}

// rakeSEText says how the standard errors treat raked weights, from what
// raking did: calibrated as R's rake() when the weights are the starting
// weights times one factor per margin category; otherwise fixed, with
// the trimming bounds that clipped weights and whether the trimmed
// weights still meet the margins within the raking tolerance (the report
// states the remaining difference). It claims nothing about how the
// standard errors would differ otherwise, which the code cannot know.
func rakeSEText(rp *analysis.RakeReport, rs *survey.RakeSpec, ms *messages) string {
	if rp.Raking != nil {
		return ms.T("rake_se_calibrated")
	}
	if !rp.Clipped || rs == nil {
		return ms.T("rake_se_zero")
	}
	num := func(v float64) string { return decimal(v, decimalsOf(v), ms.lang) }
	var bounds string
	switch {
	case rs.Lower > 0 && rs.Upper > 0:
		bounds = ms.T("rake_trim_both", "lower", num(rs.Lower), "upper", num(rs.Upper))
	case rs.Upper > 0:
		bounds = ms.T("rake_trim_upper", "upper", num(rs.Upper))
	default:
		bounds = ms.T("rake_trim_lower", "lower", num(rs.Lower))
	}
	met := ms.T("rake_trim_unmet")
	if rp.MarginDiff < rp.Tol {
		met = ms.T("rake_trim_met")
	}
	return bounds + " " + met + " " + ms.T("rake_se_trimmed")
}

// orList joins alternatives: "A", "A or B", "A, B or C".
func orList(items []string, ms *messages) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + ms.T("or") + " " + items[len(items)-1]
}
