package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// ResultRow is one row of results.csv and results.json. Shares and bounds
// are proportions (0.75), not percentages.
type ResultRow struct {
	Study         string `csv:"study" json:"study"`
	Question      string `csv:"question" json:"question"`
	Category      string `csv:"category" json:"category"`
	Subgroup      Text   `csv:"subgroup" json:"subgroup"`
	SubgroupValue Text   `csv:"subgroup_value" json:"subgroup_value"`
	Base          Number `csv:"base" json:"base"`
	Count         Number `csv:"count" json:"count"`
	Share         Number `csv:"share" json:"share"`
	Lower         Number `csv:"lower" json:"lower"`
	Upper         Number `csv:"upper" json:"upper"`
	Method        string `csv:"method" json:"method"`
	Level         Number `csv:"level" json:"level"`
	// DF is the design degrees of freedom of a design-based estimate,
	// PSUs − strata among its respondents (R: degf(subset(design,
	// domain))), which its interval uses; empty (null) for other rows.
	DF         Number `csv:"df" json:"df"`
	Deff       Number `csv:"deff" json:"deff"`
	NEff       Number `csv:"n_eff" json:"n_eff"`
	Suppressed bool   `csv:"suppressed" json:"suppressed"`
	// Reason is why the row is suppressed (analysis.Reason*): min-base,
	// no-df or not-computable; empty for rows that are shown.
	Reason string `csv:"suppressed_reason" json:"suppressed_reason"`
	// For counts reconstructed from a published table: whether the base is
	// assumed, and the range of counts compatible with the published
	// rounding (empty for respondent data).
	NAssumed bool   `csv:"n_assumed" json:"n_assumed"`
	CountMin Number `csv:"count_min" json:"count_min"`
	CountMax Number `csv:"count_max" json:"count_max"`
}

// Number is a float written in the shortest form that reads back to the
// same float64, so results files carry full precision deterministically.
type Number float64

// MarshalCSV formats the number for CSV; a number that is not one (a
// test that does not apply) is an empty cell, which R and pandas read as
// missing.
func (n Number) MarshalCSV() (string, error) {
	if math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
		return "", nil
	}
	v := float64(n)
	if a := math.Abs(v); a != 0 && a < 1e-4 {
		// Tiny values (p-values of 1e-31) in the shortest exponent form,
		// "4.64e-31": in fixed point they run to dozens of digits, which
		// some readers (pandas' default float parser) read as 0.
		return strconv.FormatFloat(v, 'g', -1, 64), nil
	}
	return strconv.FormatFloat(v, 'f', -1, 64), nil
}

// MarshalJSON writes the number as encoding/json writes a float64, and
// NaN or ±Inf (which JSON cannot carry) as null.
func (n Number) MarshalJSON() ([]byte, error) {
	if math.IsNaN(float64(n)) || math.IsInf(float64(n), 0) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(n))
}

// Text is a CSV text cell neutralised against formula injection: a cell
// that a spreadsheet would run as a formula (leading =, +, -, @, tab or
// carriage return) is prefixed with a single quote.
type Text string

// MarshalCSV returns the neutralised text.
func (t Text) MarshalCSV() (string, error) { return neutralise(string(t)), nil }

func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Rows turns estimates into result rows.
func Rows(study string, est []analysis.Estimate) []ResultRow {
	rows := make([]ResultRow, len(est))
	for i, e := range est {
		rows[i] = ResultRow{
			Study: study, Question: e.Question, Category: e.Category,
			Subgroup: Text(e.Subgroup), SubgroupValue: Text(e.SubgroupValue),
			Base: Number(e.Base), Count: Number(e.Count), Share: Number(e.Share),
			Lower: Number(e.Lower), Upper: Number(e.Upper),
			Method: e.Method, Level: Number(e.Level),
			Deff: Number(e.Deff), NEff: Number(e.NEff), Suppressed: e.Suppressed, Reason: e.Reason, NAssumed: e.NAssumed,
			CountMin: Number(math.NaN()), CountMax: Number(math.NaN()), DF: Number(math.NaN()),
		}
		if e.Design != nil {
			rows[i].DF = Number(e.Design.DF)
		}
		if rc := e.Reconstructed; rc != nil {
			rows[i].NAssumed = e.NAssumed || rc.NAssumed
			rows[i].CountMin, rows[i].CountMax = Number(rc.CountMin), Number(rc.CountMax)
		}
	}
	return rows
}

// resultsCSV renders results.csv.
func resultsCSV(rows []ResultRow) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(w)); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// resultsDoc is the layout of results.json.
type resultsDoc struct {
	Study      studyDoc              `json:"study"`
	Rows       int                   `json:"rows_read"`
	Accounting []analysis.Accounting `json:"accounting"`
	Results    []ResultRow           `json:"results"`
	// The study's tests, as in claims.csv, comparisons.csv and
	// independence.csv.
	Claims       []ClaimRow        `json:"claims"`
	Comparisons  []ComparisonRow   `json:"comparisons"`
	Independence []IndependenceRow `json:"independence"`
}

type studyDoc struct {
	ID        string          `json:"id"`
	Title     survey.Text     `json:"title"`
	Synthetic bool            `json:"synthetic"`
	Status    string          `json:"data_status"` // respondent, reconstructed or synthetic
	Metadata  survey.Metadata `json:"metadata"`
	Level     float64         `json:"level"`
	Method    string          `json:"method"`
	Questions []questionDoc   `json:"questions"`
}

type questionDoc struct {
	ID         string        `json:"id"`
	Label      survey.Text   `json:"label"`
	Wording    survey.Text   `json:"wording,omitempty"`
	Base       string        `json:"base,omitempty"`
	BaseLabel  survey.Text   `json:"base_description,omitempty"`
	Method     string        `json:"method"`
	Categories []categoryDoc `json:"categories"`
	Nets       []netDoc      `json:"nets,omitempty"`
}

// netDoc is a net of the codebook: its id, label and categories.
type netDoc struct {
	ID         string      `json:"id"`
	Label      survey.Text `json:"label"`
	Categories []string    `json:"categories"`
}

type categoryDoc struct {
	ID    string      `json:"id"`
	Label survey.Text `json:"label"`
}

// resultsJSON renders results.json: the rows plus the study metadata.
func resultsJSON(r *Result, rows []ResultRow) ([]byte, error) {
	s := r.Study
	doc := resultsDoc{
		Study: studyDoc{
			ID: s.ID, Title: s.Title, Synthetic: s.Synthetic, Status: string(s.Status), Metadata: s.Metadata,
			Level: s.Analysis.Level, Method: s.Analysis.Method,
		},
		Rows:       r.Rows,
		Accounting: r.Accounting,
		Results:    rows,
	}
	doc.Claims, doc.Comparisons, doc.Independence = testRows(r)
	if doc.Claims == nil {
		doc.Claims = []ClaimRow{}
	}
	if doc.Comparisons == nil {
		doc.Comparisons = []ComparisonRow{}
	}
	if doc.Independence == nil {
		doc.Independence = []IndependenceRow{}
	}
	for _, q := range s.Questions {
		qd := questionDoc{ID: q.ID, Label: q.Label, Wording: q.Wording, Method: q.Method}
		if q.Base != nil {
			qd.Base, qd.BaseLabel = q.Base.When, q.Base.Description
		}
		for _, c := range q.Categories {
			qd.Categories = append(qd.Categories, categoryDoc{ID: c.ID, Label: c.Label})
		}
		for _, n := range q.Nets {
			qd.Nets = append(qd.Nets, netDoc{ID: n.ID, Label: n.Label, Categories: n.Categories})
		}
		doc.Study.Questions = append(doc.Study.Questions, qd)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// ClaimRow is one row of claims.csv: a claim of the study file with its
// one-sided bound and test.
type ClaimRow struct {
	Study     string `csv:"study" json:"study"`
	ID        string `csv:"claim" json:"claim"`
	Item      Text   `csv:"item" json:"item"`
	Op        string `csv:"op" json:"op"`
	Value     Number `csv:"value" json:"value"`
	Base      Number `csv:"base" json:"base"`
	Share     Number `csv:"share" json:"share"`
	Bound     Number `csv:"bound" json:"bound"`
	Level     Number `csv:"level" json:"level"`
	Method    string `csv:"method" json:"method"`
	Test      string `csv:"test" json:"test"`
	PValue    Number `csv:"p_value" json:"p_value"`
	Supported bool   `csv:"supported" json:"supported"`
	// NotAssessed is why a claim on a suppressed estimate was not tested
	// (analysis.Reason*: min-base, no-df, not-computable); its share,
	// bound and p-value are then empty and supported is false.
	NotAssessed string `csv:"not_assessed" json:"not_assessed"`
	// For a share reconstructed from a published table: whether its base
	// is assumed, the counts compatible with the published rounding, how
	// many there are and at how many of them the claim is supported
	// (supported means at all of them). Empty for respondent data.
	NAssumed        bool   `csv:"n_assumed" json:"n_assumed"`
	CountMin        Number `csv:"count_min" json:"count_min"`
	CountMax        Number `csv:"count_max" json:"count_max"`
	Counts          Number `csv:"compatible_counts" json:"compatible_counts"`
	SupportedCounts Number `csv:"supported_counts" json:"supported_counts"`
}

// ComparisonRow is one row of comparisons.csv: a difference of two
// shares, A − B, with its interval and test.
type ComparisonRow struct {
	Study     string `csv:"study" json:"study"`
	ID        string `csv:"comparison" json:"comparison"`
	Kind      string `csv:"kind" json:"kind"` // paired or independent
	A         Text   `csv:"a" json:"a"`
	AIn       Text   `csv:"a_in" json:"a_in"`
	B         Text   `csv:"b" json:"b"`
	BIn       Text   `csv:"b_in" json:"b_in"`
	NA        Number `csv:"n_a" json:"n_a"`
	NB        Number `csv:"n_b" json:"n_b"`
	ShareA    Number `csv:"share_a" json:"share_a"`
	ShareB    Number `csv:"share_b" json:"share_b"`
	Diff      Number `csv:"diff" json:"diff"`
	Lower     Number `csv:"lower" json:"lower"`
	Upper     Number `csv:"upper" json:"upper"`
	Level     Number `csv:"level" json:"level"`
	Method    string `csv:"method" json:"method"`
	Test      string `csv:"test" json:"test"`
	Statistic Number `csv:"statistic" json:"statistic"`
	PValue    Number `csv:"p_value" json:"p_value"`
}

// IndependenceRow is one row of independence.csv: a Rao–Scott test of
// independence with its adjusted p-values.
type IndependenceRow struct {
	Study    string `csv:"study" json:"study"`
	Question string `csv:"question" json:"question"`
	By       string `csv:"by" json:"by"`
	F        Number `csv:"f" json:"f"`
	NumDF    Number `csv:"ndf" json:"ndf"`
	DenDF    Number `csv:"ddf" json:"ddf"`
	PF       Number `csv:"p_f" json:"p_f"`
	// Pearson is Pearson's X² of the weighted table scaled to the n of
	// respondents: what R's svychisq(statistic = "Chisq") prints as
	// X-squared. RS1Chisq is the first-order Rao–Scott statistic
	// X²/mean(δ) referred to χ² on RS1DF degrees of freedom (p RS1P).
	Pearson  Number `csv:"pearson_x2" json:"pearson_x2"`
	RS1Chisq Number `csv:"rs1_chisq" json:"rs1_chisq"`
	RS1DF    int    `csv:"rs1_df" json:"rs1_df"`
	RS1P     Number `csv:"rs1_p" json:"rs1_p"`
	HolmP    Number `csv:"p_holm" json:"p_holm"`
	BHP      Number `csv:"p_bh" json:"p_bh"`
}

// testRows turns a result's claims, comparisons and independence tests
// into rows of the tidy tables.
func testRows(r *Result) ([]ClaimRow, []ComparisonRow, []IndependenceRow) {
	s := r.Study
	var claims []ClaimRow
	for _, c := range r.Claims {
		claims = append(claims, ClaimRow{
			Study: s.ID, ID: c.Claim.ID, Item: Text(c.Claim.Item), Op: c.Op, Value: Number(c.Value),
			Base: Number(c.Estimate.Base), Share: Number(c.Estimate.Share), Bound: Number(c.Bound),
			Level: Number(c.Level), Method: c.Estimate.Method, Test: c.Test,
			PValue: Number(c.PValue), Supported: c.Supported, NotAssessed: c.NotAssessed,
			CountMin: Number(math.NaN()), CountMax: Number(math.NaN()),
			Counts: Number(math.NaN()), SupportedCounts: Number(math.NaN()),
		})
		if c.NotAssessed != "" {
			claims[len(claims)-1].Share = Number(math.NaN()) // not shown (small-cell rule)
		}
		if rg := c.Range; rg != nil {
			cr := &claims[len(claims)-1]
			cr.NAssumed = c.Estimate.Reconstructed != nil && c.Estimate.Reconstructed.NAssumed
			cr.CountMin, cr.CountMax = Number(rg.CountMin), Number(rg.CountMax)
			cr.Counts, cr.SupportedCounts = Number(rg.Counts), Number(rg.SupportedAt)
		}
	}
	var comps []ComparisonRow
	for i, c := range r.Comparisons {
		spec := &s.Compare[i]
		kind := "independent"
		if c.Paired {
			kind = "paired"
		}
		comps = append(comps, ComparisonRow{
			Study: s.ID, ID: c.ID, Kind: kind, A: Text(spec.A), AIn: Text(spec.AIn), B: Text(spec.B), BIn: Text(spec.BIn),
			NA: Number(c.N1), NB: Number(c.N2), ShareA: Number(c.P1), ShareB: Number(c.P2),
			Diff: Number(c.Diff), Lower: Number(c.Lower), Upper: Number(c.Upper),
			Level: Number(s.Analysis.Level), Method: c.Method, Test: c.Test.Method,
			Statistic: Number(c.Test.Statistic), PValue: Number(c.Test.PValue),
		})
	}
	var indep []IndependenceRow
	for _, it := range r.Independence {
		indep = append(indep, IndependenceRow{
			Study: s.ID, Question: it.Question, By: it.By,
			F: Number(it.F), NumDF: Number(it.NumDF), DenDF: Number(it.DenDF), PF: Number(it.PF),
			Pearson: Number(it.Pearson), RS1Chisq: Number(it.Chisq), RS1DF: it.DF, RS1P: Number(it.PChisq),
			HolmP: Number(it.HolmP), BHP: Number(it.BHP),
		})
	}
	return claims, comps, indep
}

// tableCSV renders rows of one of the tidy tables; an empty table is its
// header alone.
func tableCSV[T any](rows []T) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	sw := gocsv.NewSafeCSVWriter(w)
	var err error
	if len(rows) == 0 {
		err = gocsv.MarshalCSV(&[]T{}, sw)
	} else {
		err = gocsv.MarshalCSV(rows, sw)
	}
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
