package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
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
	Deff          Number `csv:"deff" json:"deff"`
	NEff          Number `csv:"n_eff" json:"n_eff"`
	Suppressed    bool   `csv:"suppressed" json:"suppressed"`
}

// Number is a float written in the shortest form that reads back to the
// same float64, so results files carry full precision deterministically.
type Number float64

// MarshalCSV formats the number for CSV.
func (n Number) MarshalCSV() (string, error) {
	return strconv.FormatFloat(float64(n), 'f', -1, 64), nil
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
			Deff: Number(e.Deff), NEff: Number(e.NEff), Suppressed: e.Suppressed,
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
}

type studyDoc struct {
	ID        string          `json:"id"`
	Title     survey.Text     `json:"title"`
	Synthetic bool            `json:"synthetic"`
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
			ID: s.ID, Title: s.Title, Synthetic: s.Synthetic, Metadata: s.Metadata,
			Level: s.Analysis.Level, Method: s.Analysis.Method,
		},
		Rows:       r.Rows,
		Accounting: r.Accounting,
		Results:    rows,
	}
	for _, q := range s.Questions {
		qd := questionDoc{ID: q.ID, Label: q.Label, Wording: q.Wording, Method: q.Method}
		if q.Base != nil {
			qd.Base, qd.BaseLabel = q.Base.When, q.Base.Description
		}
		for _, c := range q.Categories {
			qd.Categories = append(qd.Categories, categoryDoc{ID: c.ID, Label: c.Label})
		}
		doc.Study.Questions = append(doc.Study.Questions, qd)
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
