package survey_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// aggregate groups the rows of a respondent CSV by every column but the id
// column and returns the cell table: those columns and a count column n,
// as SQL's SELECT …, COUNT(*) AS n … GROUP BY … would.
func aggregate(t *testing.T, data []byte, idCol string) []byte {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := recs[0]
	var keep []int
	for i, h := range header {
		if h != idCol {
			keep = append(keep, i)
		}
	}
	counts := map[string]int{}
	var order []string
	for _, rec := range recs[1:] {
		var key []string
		for _, i := range keep {
			key = append(key, rec[i])
		}
		k := strings.Join(key, ",")
		if counts[k] == 0 {
			order = append(order, k)
		}
		counts[k]++
	}
	var b bytes.Buffer
	for _, i := range keep {
		b.WriteString(header[i] + ",")
	}
	b.WriteString("n\n")
	for _, k := range order {
		fmt.Fprintf(&b, "%s,%d\n", k, counts[k])
	}
	return b.Bytes()
}

// tally runs a file through a Tally and returns its estimates and row
// accounting.
func tally(t *testing.T, s *survey.Study, data []byte, scan func(r io.Reader, s *survey.Study, name string, fn func(*survey.Respondent) error) error) ([]analysis.Estimate, []analysis.Accounting, int) {
	t.Helper()
	tl := analysis.NewTally(s)
	if err := scan(bytes.NewReader(data), s, "f.csv", func(r *survey.Respondent) error {
		tl.Add(r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	est, err := tl.Estimates()
	if err != nil {
		t.Fatal(err)
	}
	return est, tl.Accounting(), tl.Rows()
}

// TestCellTableMatchesMicrodata aggregates the shipped respondent file
// into a cell table and checks that every estimate and the row accounting
// come out exactly as from the respondent file, whichever way it is read.
func TestCellTableMatchesMicrodata(t *testing.T) {
	const studyPath = "../data/noyb-de-2025/study.yaml"
	micro, err := survey.Load(studyPath)
	if err != nil {
		t.Fatal(err)
	}
	// Rao–Scott independence tests need respondent-level rows.
	micro.Analysis.Independence = nil
	data, err := os.ReadFile(micro.DataPath())
	if err != nil {
		t.Fatal(err)
	}
	cellsStudy, err := survey.Load(studyPath)
	if err != nil {
		t.Fatal(err)
	}
	cellsStudy.Analysis.Independence = nil
	cellsStudy.Data.ID, cellsStudy.Data.Count = "", "n"
	table := aggregate(t, data, micro.Data.ID)
	if n := bytes.Count(table, []byte{'\n'}) - 1; n >= 1000 || n < 10 {
		t.Fatalf("cell table has %d rows", n)
	}

	wantEst, wantAcc, wantRows := tally(t, micro, data, survey.Scan)
	for _, c := range []struct {
		name string
		s    *survey.Study
		data []byte
		scan func(io.Reader, *survey.Study, string, func(*survey.Respondent) error) error
	}{
		{"microdata ScanCells", micro, data, survey.ScanCells},
		{"cell table Scan", cellsStudy, table, survey.Scan},
		{"cell table ScanCells", cellsStudy, table, survey.ScanCells},
	} {
		t.Run(c.name, func(t *testing.T) {
			est, acc, rows := tally(t, c.s, c.data, c.scan)
			if rows != wantRows {
				t.Errorf("rows = %d, want %d", rows, wantRows)
			}
			if !reflect.DeepEqual(acc, wantAcc) {
				t.Errorf("accounting:\n%+v\nwant\n%+v", acc, wantAcc)
			}
			if !reflect.DeepEqual(est, wantEst) {
				t.Errorf("estimates differ:\n%+v\nwant\n%+v", est, wantEst)
			}
		})
	}
}

// TestCellTableErrors checks the count column's own problems.
func TestCellTableErrors(t *testing.T) {
	const study = `
id: t
data: {file: r.csv, count: n}
questions:
  - id: aware
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2]}
`
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ data, want string }{
		{"aware,n\n1,3\n2,0\n2,5\n", "Count 3 Count 5"},
		{"aware,n\n1,-3\n", `f.csv:2: column "n": value "-3": invalid cell count (expected a whole number of respondents, 0 or more, such as 12)`},
		{"aware,n\n1,1.5\n", `f.csv:2: column "n": value "1.5": invalid cell count`},
		{"aware\n1\n", `f.csv:1: column "n": column not found in header`},
	} {
		var got strings.Builder
		err := survey.Scan(strings.NewReader(c.data), s, "f.csv", func(r *survey.Respondent) error {
			fmt.Fprintf(&got, "Count %v ", r.Count)
			return nil
		})
		if err != nil {
			got.WriteString(err.Error())
		}
		if !strings.HasPrefix(strings.TrimSpace(got.String()), c.want) {
			t.Errorf("%q: got %q, want %q…", c.data, got.String(), c.want)
		}
	}
}

// TestWeightSums: a weighted cell table gives each row's Σw and Σw², and
// ScanCells adds them up over rows with the same answers.
func TestWeightSums(t *testing.T) {
	const study = `
id: t
data: {file: r.csv, count: n, weight_sum: sw, weight_sq_sum: sw2}
questions:
  - id: aware
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2]}
`
	s, err := survey.Parse(strings.NewReader(study), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !s.HasDesign() {
		t.Error("a weighted cell table is a weighted design")
	}
	data := "aware,n,sw,sw2\n1,2,3,5\n2,1,1.5,2.25\n1,1,2,4\n"
	for _, c := range []struct {
		scan func(io.Reader, *survey.Study, string, func(*survey.Respondent) error) error
		want string
	}{
		{survey.Scan, "1:2,3,5 2:1,1.5,2.25 1:1,2,4 "},
		{survey.ScanCells, "1:3,5,9 2:1,1.5,2.25 "},
	} {
		var got strings.Builder
		err := c.scan(strings.NewReader(data), s, "f.csv", func(r *survey.Respondent) error {
			if !r.Summed {
				t.Error("row not marked as summed")
			}
			fmt.Fprintf(&got, "%d:%v,%v,%v ", r.Values[0]+1, r.Count, r.Weight, r.WeightSq)
			return nil
		})
		if err != nil || got.String() != c.want {
			t.Errorf("got %q (%v), want %q", got.String(), err, c.want)
		}
	}
	for _, c := range []struct{ data, want string }{
		{"aware,n,sw,sw2\n1,2,3,4\n", `f.csv:2: column "sw2": value "4": invalid weight (expected at least (Σw)²/count = 4.5`},
		{"aware,n,sw,sw2\n1,2,3,9.5\n", `f.csv:2: column "sw2": value "9.5": invalid weight (expected at most (Σw)² = 9`},
		{"aware,n,sw,sw2\n1,2,3,-\n", `f.csv:2: column "sw2": value "-": invalid weight`},
		{"aware,n,sw,sw2\n1,2,3,x\n", `f.csv:2: column "sw2": value not shown: invalid weight`},
		{"aware,n,sw\n1,2,3\n", `f.csv:1: column "sw2": column not found in header`},
	} {
		err := survey.Scan(strings.NewReader(c.data), s, "f.csv", func(*survey.Respondent) error { return nil })
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%q: got %v, want %q…", c.data, err, c.want)
		}
	}
	for _, c := range []struct{ data, want string }{
		{"{file: r.csv, count: n, weight_sum: sw}", "go together"},
		{"{file: r.csv, id: i, weight_sum: sw, weight_sq_sum: sw2}", "needs data.count"},
		{"{file: r.csv, count: n, weight: w, weight_sum: sw, weight_sq_sum: sw2}", "replaces data.weight"},
		{"{file: r.csv, count: n, weight_sum: sw, weight_sq_sum: sw}", "both name column"},
	} {
		_, err := survey.Parse(strings.NewReader(strings.Replace(study, "{file: r.csv, count: n, weight_sum: sw, weight_sq_sum: sw2}", c.data, 1)), "study.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want …%s…", c.data, err, c.want)
		}
	}
}
