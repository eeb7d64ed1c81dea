package evidence

import (
	"html/template"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// study is a small study with an evidence section; the claims' outcomes
// come from the counts each test passes.
const study = `
id: t
data_status: reconstructed
metadata: {institute: "Inst <b>", population: {en: "Adults & teens", de: Erwachsene}}
data: {file: r.csv, id: id}
questions:
  - id: aware
    wording: {en: "Heard of *it*?"}
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: recall
    base: {when: aware == yes, description: {en: the aware}}
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
claims:
  - {id: most-aware, item: aware=yes, op: ">", value: 0.5, text: "Most have heard <script>."}
  - {id: few-recall, item: recall=yes, op: "<", value: 0.5, text: Few recall.}
charts:
  - {id: recall, kind: bars, items: [recall=yes]}
evidence:
  question: "Did they know? <i>"
  legal_test: {en: "Art. 6(1)(f)", de: "Art. 6 Abs. 1 lit. f"}
  propositions:
    - id: aware
      text: {en: "# Most *had* heard [of it](http://x).", de: Die meisten hatten davon gehört.}
      factor: {text: Expectations, reference: Recital 47}
      claims: [most-aware]
      caveats: ["Recall | is not exposure"]
    - id: both
      text: Most heard; few recall.
      claims: [most-aware, few-recall]
`

func format(lang string) Format {
	return Format{
		Percent: func(p float64, d int) string { return strconv.FormatFloat(100*p, 'f', d, 64) + "%" },
		Range: func(lo, hi float64) string {
			return strconv.FormatFloat(100*lo, 'f', 1, 64) + "–" + strconv.FormatFloat(100*hi, 'f', 1, 64) + "%"
		},
		Count:  func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) },
		PValue: func(p float64) string { return strconv.FormatFloat(p, 'g', 3, 64) },
		Level:  func(l float64) string { return strconv.FormatFloat(100*l, 'f', 0, 64) + "%" },
		Base:   func(e analysis.Estimate) string { return strconv.FormatFloat(e.Base, 'f', -1, 64) + " respondents" },
	}
}

// claimResult tests claim c of s on x of n with the Wilson interval, as
// the report does; min is the small-cell minimum.
func claimResult(t *testing.T, s *survey.Study, id string, x, n float64) analysis.ClaimResult {
	t.Helper()
	c := s.ClaimByID(id)
	q, cat := c.Target()
	iv, err := analysis.ProportionInterval("wilson", x, n, 0.95, analysis.TwoSided)
	if err != nil {
		t.Fatal(err)
	}
	e := analysis.Estimate{Question: q, Category: cat, Base: n, Count: x, Share: x / n, Lower: iv.Lower, Upper: iv.Upper,
		Method: "wilson", Level: 0.95, Suppressed: n < float64(s.Analysis.MinBase)}
	r, err := analysis.EvaluateClaim(e, c.Op, c.Value, 0.95)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func build(t *testing.T, lang string, aware, recall [2]float64) (*Document, *survey.Study) {
	t.Helper()
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	in := Input{
		Study: s, Lang: lang, Format: format(lang), Version: "0.0.0-test",
		Command: "surveystat report 'my study.yaml'", Verify: "surveystat verify out/t",
		Claims: map[string]analysis.ClaimResult{
			"most-aware": claimResult(t, s, "most-aware", aware[0], aware[1]),
			"few-recall": claimResult(t, s, "few-recall", recall[0], recall[1]),
		},
		Charts:     map[string]Chart{"recall": {Title: "Recall", Alt: "Bars <alt>", SVG: template.HTML(`<svg width="10" height="10"></svg>`), Image: "figures/en/recall.png"}},
		ChartNotes: map[string]string{"both": "Base: *all* <b>aware</b>", "no-such-proposition": "unused"},
		Inputs:     []File{{Name: "study.yaml", SHA256: strings.Repeat("ab", 32)}},
	}
	d, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	return d, s
}

func TestVerdicts(t *testing.T) {
	tests := []struct {
		name          string
		aware, recall [2]float64
		want          [2]bool // the two propositions
		open          [2]bool // not assessed
		prefix        [2]string
	}{
		{"both supported", [2]float64{70, 100}, [2]float64{10, 70}, [2]bool{true, true}, [2]bool{}, [2]string{"Supported:", "Supported: both"}},
		{"second claim fails", [2]float64{70, 100}, [2]float64{33, 70}, [2]bool{true, false}, [2]bool{}, [2]string{"Supported:", "Not supported: 1 of the 2 claims is not established"}},
		{"first claim fails", [2]float64{52, 100}, [2]float64{10, 70}, [2]bool{false, false}, [2]bool{}, [2]string{"Not supported: the claim", "Not supported: 1 of the 2 claims is not established"}},
		// A claim on a suppressed estimate is not assessed: the
		// proposition cannot be assessed, and is not "not supported".
		{"small base suppressed", [2]float64{70, 100}, [2]float64{2, 20}, [2]bool{true, false}, [2]bool{false, true}, [2]string{"Supported:", "Cannot be assessed: no claim fails, but 1 of 2 rests on an estimate"}},
		// A failing claim outweighs one that cannot be assessed.
		// ... and the verdict says that the other claim is open.
		{"fails and suppressed", [2]float64{52, 100}, [2]float64{2, 20}, [2]bool{false, false}, [2]bool{}, [2]string{"Not supported: the claim", "Not supported: 1 of the 2 claims is not established at the 95% confidence level (one-sided). In addition, 1 of the 2 claims cannot be assessed: its estimate is not shown"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, _ := build(t, "en", tt.aware, tt.recall)
			if len(d.Exhibits) != 2 {
				t.Fatalf("%d exhibits", len(d.Exhibits))
			}
			for i, x := range d.Exhibits {
				if x.NotAssessed != tt.open[i] {
					t.Errorf("exhibit %d: not assessed %v, want %v", i+1, x.NotAssessed, tt.open[i])
				}
				if x.Supported != tt.want[i] {
					t.Errorf("exhibit %d: supported %v, want %v", i+1, x.Supported, tt.want[i])
				}
				if !strings.HasPrefix(x.Verdict, tt.prefix[i]) {
					t.Errorf("exhibit %d: verdict %q, want it to start with %q", i+1, x.Verdict, tt.prefix[i])
				}
				if x.Label != "Exhibit "+strconv.Itoa(i+1) || !strings.HasPrefix(x.Status, "reconstructed") {
					t.Errorf("exhibit %d: label %q, status %q", i+1, x.Label, x.Status)
				}
			}
			md, err := Markdown(d)
			if err != nil {
				t.Fatal(err)
			}
			if tt.recall[1] < 30 {
				f := d.Exhibits[1].Findings[1]
				if f.Supported || !f.NotAssessed || f.Test != "" || !strings.Contains(f.Estimate, "Not shown") || strings.Contains(string(md), "10.0%") {
					t.Errorf("suppressed finding shown: %+v", f)
				}
				if want := "Cannot be assessed: the base of 20 is under the minimum of 30."; f.Verdict != want {
					t.Errorf("suppressed verdict %q, want %q", f.Verdict, want)
				}
			}
		})
	}
}

func TestExhibitLabelsAndChart(t *testing.T) {
	for lang, label := range map[string]string{"en": "Exhibit 2", "de": "Anlage 2", "nl": "Bijlage 2"} {
		d, _ := build(t, lang, [2]float64{70, 100}, [2]float64{10, 70})
		x := d.Exhibits[1]
		if x.Label != label {
			t.Errorf("%s: label %q, want %q", lang, x.Label, label)
		}
		// The second proposition shows the recall chart (its claim's
		// item); the first has no chart of its items.
		if x.Chart == nil || x.Chart.Title != "Recall" || d.Exhibits[0].Chart != nil {
			t.Fatalf("%s: charts %v, %v", lang, d.Exhibits[0].Chart, x.Chart)
		}
		// The note under the chart is the one of its exhibit's proposition.
		if x.Chart.Note != "Base: *all* <b>aware</b>" {
			t.Errorf("%s: chart note %q", lang, x.Chart.Note)
		}
	}
}

func TestChecklistShowsGaps(t *testing.T) {
	d, _ := build(t, "en", [2]float64{70, 100}, [2]float64{10, 70})
	gaps := map[string]bool{}
	for _, it := range d.Checklist {
		gaps[it.Label] = it.Gap
		if it.Value == "" && it.Missing == "" || it.Gap != (it.Missing != "") {
			t.Errorf("%s: value %q, missing %q, gap %v", it.Label, it.Value, it.Missing, it.Gap)
		}
	}
	for label, want := range map[string]bool{
		"Population": false, "Sampling frame": true, "Nonresponse": true, "Question wording": true,
		"Filter questions": false, "Independence from the sponsor": true, "Disclosure of data and methods": true,
		"Published figures reproduced": true, "Statistical analysis": false,
	} {
		if got, ok := gaps[label]; !ok || got != want {
			t.Errorf("%s: gap %v (present %v), want %v", label, got, ok, want)
		}
	}
	for _, it := range d.Checklist {
		if it.Label == "Statistical analysis" && !strings.Contains(it.Value, "(Wilson score interval) at the 95% level") {
			t.Errorf("analysis item %q does not name the estimates' method and level", it.Value)
		}
	}
	// What is documented is shown as documented; only what is missing
	// is the gap.
	for _, it := range d.Checklist {
		switch it.Label {
		case "Who designed and conducted the survey":
			if it.Value != "Conducted by Inst <b>." || it.Missing != "Who designed the questionnaire is not stated" {
				t.Errorf("who: value %q, missing %q", it.Value, it.Missing)
			}
		case "How the sample was drawn":
			if !strings.Contains(it.Missing, "selection method") || !strings.Contains(it.Missing, "sample type") {
				t.Errorf("selection: missing %q does not say what is missing", it.Missing)
			}
		case "Disclosure of data and methods":
			if strings.Contains(it.Value, "were available") || !strings.Contains(it.Missing, "were not available") {
				t.Errorf("disclosure of reconstructed data: value %q, missing %q", it.Value, it.Missing)
			}
		}
	}
	if d.Gaps == 0 || !strings.Contains(d.ChecklistIntro, strconv.Itoa(d.Gaps)+" of "+strconv.Itoa(len(d.Checklist))) {
		t.Errorf("intro %q, %d gaps", d.ChecklistIntro, d.Gaps)
	}
}

func TestPublishedInconsistenciesFirst(t *testing.T) {
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := analysis.Estimate{Share: 0.7, Lower: 0.6, Upper: 0.8, Base: 100}
	in := Input{Study: s, Lang: "en", Format: format("en"), Published: []Published{
		{Figure: "a", Label: "A", Percent: 70, Status: "primary", Estimate: &e, Matches: true},
		{Figure: "b", Label: "B", Percent: 73, Status: "alternative", Estimate: &e},
		{Figure: "c", Label: "C", Percent: 10, Status: "primary"},
	}}
	ms, _ := loadMessages("en")
	rows, intro := published(in, ms)
	var order []string
	for _, r := range rows {
		order = append(order, r.Label+":"+strconv.FormatBool(r.Inconsistent))
	}
	if !slices.Equal(order, []string{"B:true", "C:true", "A:false"}) {
		t.Errorf("order %v", order)
	}
	if !strings.Contains(intro, "2 of 3") || rows[0].Consistent != "NO" || rows[1].Consistent != "no estimate" {
		t.Errorf("intro %q, rows %+v", intro, rows)
	}
}

func TestEscaping(t *testing.T) {
	d, _ := build(t, "en", [2]float64{70, 100}, [2]float64{10, 70})
	html, err := HTML(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "<b>", "<i>", "<alt>"} {
		if strings.Contains(string(html), bad) {
			t.Errorf("HTML contains unescaped %q", bad)
		}
	}
	if !strings.Contains(string(html), "Most have heard &lt;script&gt;.") || !strings.Contains(string(html), `<p class="chart-note">Base: *all* &lt;b&gt;aware&lt;/b&gt;</p>`) {
		t.Error("claim text or chart note not escaped as expected")
	}
	md, err := Markdown(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`Most have heard \<script\>.`, `: # Most \*had\* heard \[of it\](http://x).`,
		`Recall \| is not exposure`, `Base: \*all\* \<b\>aware\</b\>`, `“Heard of \*it\*?”`, "`surveystat report 'my study.yaml'`", `Adults \& teens`,
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// TestMessagesComplete checks that every language has the same keys and
// the same placeholders as English.
func TestMessagesComplete(t *testing.T) {
	en, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Langs() {
		ms, err := loadMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range en.Keys() {
			v, _ := en.Message(k)
			w, ok := ms.Message(k)
			if !ok {
				t.Errorf("%s: missing key %q", lang, k)
				continue
			}
			for _, ph := range placeholders(v) {
				if !strings.Contains(w, ph) {
					t.Errorf("%s: %q lacks %s", lang, k, ph)
				}
			}
		}
		if len(ms.Keys()) != len(en.Keys()) {
			t.Errorf("%s: %d keys, English %d", lang, len(ms.Keys()), len(en.Keys()))
		}
	}
	if _, err := loadMessages("fr"); err == nil {
		t.Error("no error for an unknown language")
	}
}

func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+1])
		s = s[i+j+1:]
	}
}

func TestBuildErrors(t *testing.T) {
	if _, err := Build(Input{}); err != ErrNoEvidence {
		t.Errorf("no study: %v", err)
	}
	s, _ := survey.Parse(strings.NewReader(study), "study.yaml")
	if _, err := Build(Input{Study: s, Lang: "en"}); err == nil {
		t.Error("no error without a Format")
	}
	if _, err := Build(Input{Study: s, Lang: "en", Format: format("en")}); err == nil || !strings.Contains(err.Error(), "has no result") {
		t.Errorf("missing claim result: %v", err)
	}
	if _, err := Build(Input{Study: s, Lang: "en", Format: format("en"), Paper: "A3"}); err == nil || !strings.Contains(err.Error(), `paper "A3"`) {
		t.Errorf("unknown paper: %v", err)
	}
}

// TestPaper checks the page size the HTML brief prints on.
func TestPaper(t *testing.T) {
	for _, tt := range []struct{ paper, want string }{{"", "A4"}, {"A4", "A4"}, {"letter", "letter"}} {
		d, s := build(t, "en", [2]float64{70, 100}, [2]float64{10, 70})
		d2, err := Build(Input{Study: s, Lang: "en", Format: format("en"), Paper: tt.paper, Claims: map[string]analysis.ClaimResult{
			"most-aware": claimResult(t, s, "most-aware", 70, 100),
			"few-recall": claimResult(t, s, "few-recall", 10, 70),
		}})
		if err != nil {
			t.Fatal(err)
		}
		html, err := HTML(d2)
		if err != nil {
			t.Fatal(err)
		}
		if d.Paper != "A4" || !strings.Contains(string(html), "@page { size: "+tt.want+"; ") {
			t.Errorf("paper %q: default %q, page rule for %s missing", tt.paper, d.Paper, tt.want)
		}
	}
}

// TestMethodAndTestNames checks that every interval method and test the
// analysis package can report has a name in words in every language.
func TestMethodAndTestNames(t *testing.T) {
	methods := analysis.MethodNames()
	for _, d := range analysis.DesignMethodNames() {
		methods = append(methods, "svy-"+d)
	}
	for _, lang := range Langs() {
		ms, err := loadMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range methods {
			if got := methodName(m, ms); got == m || strings.HasPrefix(got, "!") {
				t.Errorf("%s: no name for method %q", lang, m)
			}
		}
		for _, tt := range []struct {
			r    analysis.ClaimResult
			want string
		}{
			{analysis.ClaimResult{Test: analysis.TestExact, Estimate: analysis.Estimate{Method: "clopper-pearson"}}, ms.T("test_exact")},
			{analysis.ClaimResult{Test: analysis.TestScore, Estimate: analysis.Estimate{Method: "wilson"}}, ms.T("test_score")},
			{analysis.ClaimResult{Test: analysis.TestByInversion("svy-logit"), Estimate: analysis.Estimate{Method: "svy-logit"}},
				ms.T("test_inversion", "method", ms.T("method_svy-logit"))},
		} {
			if got := testName(tt.r, ms); got != tt.want || strings.Contains(got, "!") {
				t.Errorf("%s: test %q named %q, want %q", lang, tt.r.Test, got, tt.want)
			}
		}
	}
}

func TestThresholdDecimals(t *testing.T) {
	for _, tt := range []struct {
		v    float64
		want int
	}{{0.5, 0}, {0.1, 0}, {0.075, 1}, {0.2, 0}, {0.0125, 2}, {1.0 / 3, 3}} {
		if got := thresholdDecimals(tt.v); got != tt.want {
			t.Errorf("thresholdDecimals(%v) = %d, want %d", tt.v, got, tt.want)
		}
	}
}

func TestDate(t *testing.T) {
	for _, tt := range []struct{ lang, in, want string }{
		{"en", "2025-08-07", "7 August 2025"},
		{"de", "2025-03-01", "1. März 2025"},
		{"nl", "2025-08-07", "7 augustus 2025"},
		{"de", "August 2025", "August 2025"},
	} {
		ms, err := loadMessages(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := date(tt.in, ms); got != tt.want {
			t.Errorf("%s: date(%q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

// Count sentences agree with their count: "1 of 3 figures is", in every
// language.
func TestCountSentences(t *testing.T) {
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	e := analysis.Estimate{Share: 0.7, Lower: 0.6, Upper: 0.8, Base: 100}
	pub := []Published{
		{Figure: "a", Label: "A", Percent: 70, Status: "primary", Estimate: &e, Matches: true},
		{Figure: "b", Label: "B", Percent: 70, Status: "primary", Estimate: &e, Matches: true},
		{Figure: "c", Label: "C", Percent: 10, Status: "primary"},
	}
	for lang, want := range map[string]string{
		"en": "1 of 3 figures is not reproduced at its published rounding; it is listed first.",
		"de": "1 von 3 Zahlen wird in ihrer veröffentlichten Rundung nicht wiedergegeben; sie steht am Anfang.",
		"nl": "Van de 3 cijfers wordt er 1 niet gereproduceerd tot op de gepubliceerde afronding; dat cijfer staat bovenaan.",
	} {
		ms, err := loadMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		_, intro := published(Input{Study: s, Lang: lang, Format: format(lang), Published: pub}, ms)
		if !strings.HasSuffix(intro, want) {
			t.Errorf("%s: %q, want it to end %q", lang, intro, want)
		}
	}
}

// Field dates are written out as in the report.
func TestDateRange(t *testing.T) {
	for lang, want := range map[string]string{"en": "1 July 2025 – 10 July 2025", "de": "1. Juli 2025 – 10. Juli 2025", "nl": "1 juli 2025 – 10 juli 2025"} {
		ms, err := loadMessages(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := dateRange("2025-07-01/2025-07-10", ms); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if got := dateRange("summer 2025", ms); got != "summer 2025" {
			t.Errorf("%s: free text changed to %q", lang, got)
		}
	}
}

// TestMethodNoteSourceAndFilters checks what the brief says the intervals
// assume, how a study rebuilt from a published table names its source,
// and that only bases with a condition are filters.
func TestMethodNoteSourceAndFilters(t *testing.T) {
	d, _ := build(t, "en", [2]float64{70, 100}, [2]float64{10, 70})
	// No sample type: simple random sampling, said once at the top.
	if !strings.Contains(d.MethodNote, "assume simple random sampling") {
		t.Errorf("no sample type: method note %q", d.MethodNote)
	}
	if !strings.Contains(d.Source, "recomputed by surveystat 0.0.0-test from r.csv") {
		t.Errorf("source %q", d.Source)
	}
	var filters Item
	for _, it := range d.Checklist {
		if it.Label == "Filter questions" {
			filters = it
		}
	}
	if filters.Gap || !strings.Contains(filters.Value, "asked only of the aware") {
		t.Errorf("filters: %+v", filters)
	}
	for _, tt := range []struct {
		sampleType, note string
	}{
		{"opt-in", "a margin of sampling error does not apply (AAPOR)"},
		{"probability", ""},
	} {
		src := strings.Replace(study, `metadata: {institute: "Inst <b>",`, `metadata: {sample_type: `+tt.sampleType+`, institute: "Inst <b>",`, 1)
		src = strings.Replace(src, "data: {file: r.csv, id: id}", "data: {table: data/table.csv}", 1)
		// A base with only a description is no filter.
		src = strings.Replace(src, "base: {when: aware == yes, description: {en: the aware}}", "base: {description: {en: the aware}}", 1)
		src = strings.NewReplacer(`, codes: [1]}`, `}`, `, codes: [2]}`, `}`).Replace(src)
		s, err := survey.Parse(strings.NewReader(src), "study.yaml")
		if err != nil {
			t.Fatal(err)
		}
		d, err := Build(Input{Study: s, Lang: "en", Format: format("en"), Version: "0.0.0-test",
			Claims: map[string]analysis.ClaimResult{
				"most-aware": claimResult(t, s, "most-aware", 70, 100),
				"few-recall": claimResult(t, s, "few-recall", 10, 70),
			}})
		if err != nil {
			t.Fatal(err)
		}
		if tt.note == "" && d.MethodNote != "" || !strings.Contains(d.MethodNote, tt.note) {
			t.Errorf("%s: method note %q", tt.sampleType, d.MethodNote)
		}
		if src := d.Source; !strings.Contains(src, "reconstructed by surveystat 0.0.0-test from the published figures in table.csv") || strings.Contains(src, "recomputed") {
			t.Errorf("%s: source %q", tt.sampleType, src)
		}
		for _, it := range d.Checklist {
			if it.Label == "Filter questions" && (it.Gap || strings.Contains(it.Value, "asked only of") || !strings.HasPrefix(it.Value, "None:")) {
				t.Errorf("%s: a base without a condition is listed as a filter, or a gap: %+v", tt.sampleType, it)
			}
		}
	}
}

func TestUnbracket(t *testing.T) {
	if got := unbracket("diverse Befragte (n = 10)"); got != "diverse Befragte, n = 10" {
		t.Errorf("unbracket = %q", got)
	}
}
