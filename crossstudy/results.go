package crossstudy

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"

	"github.com/gocarina/gocsv"

	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

// EstimateRow is one row of estimates.csv: an item in one survey.
type EstimateRow struct {
	Comparison string        `csv:"comparison" json:"comparison"`
	Item       string        `csv:"item" json:"item"`
	Survey     report.Text   `csv:"survey" json:"survey"`
	Study      string        `csv:"study" json:"study"`
	Question   string        `csv:"question" json:"question"`
	Category   string        `csv:"category" json:"category"`
	Base       report.Number `csv:"base" json:"base"`
	Count      report.Number `csv:"count" json:"count"`
	Share      report.Number `csv:"share" json:"share"`
	Lower      report.Number `csv:"lower" json:"lower"`
	Upper      report.Number `csv:"upper" json:"upper"`
	Method     string        `csv:"method" json:"method"`
	Level      report.Number `csv:"level" json:"level"`
	Deff       report.Number `csv:"deff" json:"deff"`
	NEff       report.Number `csv:"n_eff" json:"n_eff"`
	Suppressed bool          `csv:"suppressed" json:"suppressed"`
	DataStatus string        `csv:"data_status" json:"data_status"`
	// NAssumed says that the base follows from an assumed sample size,
	// as n_assumed in the study's results.csv.
	NAssumed bool `csv:"n_assumed" json:"n_assumed"`
}

// DifferenceRow is one row of differences.csv: an item in survey A (the
// later) minus survey B (the one before it). Empty cells (null in JSON)
// where no difference or test was computed.
type DifferenceRow struct {
	Comparison string        `csv:"comparison" json:"comparison"`
	Item       string        `csv:"item" json:"item"`
	StudyA     string        `csv:"study_a" json:"study_a"`
	StudyB     string        `csv:"study_b" json:"study_b"`
	NA         report.Number `csv:"n_a" json:"n_a"`
	NB         report.Number `csv:"n_b" json:"n_b"`
	ShareA     report.Number `csv:"share_a" json:"share_a"`
	ShareB     report.Number `csv:"share_b" json:"share_b"`
	Diff       report.Number `csv:"diff" json:"diff"`
	Lower      report.Number `csv:"lower" json:"lower"`
	Upper      report.Number `csv:"upper" json:"upper"`
	Level      report.Number `csv:"level" json:"level"`
	Method     string        `csv:"method" json:"method"`
	Statistic  report.Number `csv:"statistic" json:"statistic"`
	PValue     report.Number `csv:"p_value" json:"p_value"`
}

// EstimateRows returns the rows of estimates.csv, item by item, surveys in
// order.
func (r *Result) EstimateRows() []EstimateRow {
	var out []EstimateRow
	for i, cells := range r.Cells {
		for si, c := range cells {
			e := c.Estimate
			out = append(out, EstimateRow{
				Comparison: r.File.ID, Item: r.File.Items[i].ID,
				Survey: report.Text(r.StudyLabel(si, "en")), Study: r.Studies[si].Study.ID,
				Question: c.Question, Category: c.Category,
				Base: report.Number(e.Base), Count: report.Number(e.Count), Share: report.Number(e.Share),
				Lower: report.Number(e.Lower), Upper: report.Number(e.Upper),
				Method: e.Method, Level: report.Number(e.Level),
				Deff: report.Number(e.Deff), NEff: report.Number(e.NEff), Suppressed: e.Suppressed,
				DataStatus: string(r.Studies[si].Study.Status),
				NAssumed:   report.NAssumed(r.Studies[si].Study, e),
			})
		}
	}
	return out
}

// DifferenceRows returns the rows of differences.csv.
func (r *Result) DifferenceRows() []DifferenceRow {
	nan := report.Number(math.NaN())
	var out []DifferenceRow
	for i, diffs := range r.Diffs {
		for _, d := range diffs {
			a, b := r.Cells[i][d.A].Estimate, r.Cells[i][d.B].Estimate
			row := DifferenceRow{
				Comparison: r.File.ID, Item: r.File.Items[i].ID,
				StudyA: r.Studies[d.A].Study.ID, StudyB: r.Studies[d.B].Study.ID,
				NA: report.Number(a.Base), NB: report.Number(b.Base),
				ShareA: report.Number(a.Share), ShareB: report.Number(b.Share),
				Diff: nan, Lower: nan, Upper: nan, Level: report.Number(r.Level),
				Statistic: nan, PValue: nan,
			}
			if d.Shown {
				row.Diff, row.Lower, row.Upper = report.Number(d.Diff), report.Number(d.Lower), report.Number(d.Upper)
				row.Method = d.Method
				if d.Tested {
					row.Statistic, row.PValue = report.Number(d.Test.Statistic), report.Number(d.Test.PValue)
				}
			}
			out = append(out, row)
		}
	}
	return out
}

func tableCSV[T any](rows []T) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := gocsv.MarshalCSV(&rows, gocsv.NewSafeCSVWriter(w)); err != nil {
		return nil, err
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// resultsDoc is results.json.
type resultsDoc struct {
	Comparison  string          `json:"comparison"`
	Title       survey.Text     `json:"title,omitempty"`
	Level       float64         `json:"level"`
	Surveys     []surveyDoc     `json:"surveys"`
	Items       []itemDoc       `json:"items"`
	Estimates   []EstimateRow   `json:"estimates"`
	Differences []DifferenceRow `json:"differences"`
	Notes       []survey.Text   `json:"notes,omitempty"`
}

type surveyDoc struct {
	Study      string          `json:"study"`
	Label      survey.Text     `json:"label,omitempty"`
	Title      survey.Text     `json:"title,omitempty"`
	DataStatus string          `json:"data_status"`
	Metadata   survey.Metadata `json:"metadata"`
	Level      float64         `json:"level"`
}

type itemDoc struct {
	ID    string            `json:"id"`
	Item  string            `json:"item"`
	In    map[string]string `json:"in,omitempty"`
	Label survey.Text       `json:"label,omitempty"`
}

func (r *Result) resultsJSON() ([]byte, error) {
	doc := resultsDoc{
		Comparison: r.File.ID, Title: r.File.Title, Level: r.Level,
		Estimates: r.EstimateRows(), Differences: r.DifferenceRows(), Notes: r.File.Notes,
	}
	for si, res := range r.Studies {
		s := res.Study
		doc.Surveys = append(doc.Surveys, surveyDoc{
			Study: s.ID, Label: r.File.Studies[si].Label, Title: s.Title,
			DataStatus: string(s.Status), Metadata: s.Metadata, Level: s.Analysis.Level,
		})
	}
	for _, it := range r.File.Items {
		doc.Items = append(doc.Items, itemDoc{ID: it.ID, Item: it.Item, In: it.In, Label: it.Label})
	}
	if doc.Differences == nil {
		doc.Differences = []DifferenceRow{}
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
