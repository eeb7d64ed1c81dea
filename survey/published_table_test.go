package survey

import (
	"errors"
	"math"
	"strings"
	"testing"
)

const tableStudy = `
id: t
data_status: reconstructed
data: {table: table.csv}
questions:
  - id: noticed
    base: {description: internet users}
    categories: [{id: "yes"}, {id: other}]
  - id: attitude
    categories: [{id: approve}, {id: oppose}, {id: dont_know}]
    nets: [{id: not_approve, categories: [oppose, dont_know]}]
`

func parseTableStudy(t *testing.T) *Study {
	t.Helper()
	s, err := Parse(strings.NewReader(tableStudy), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const goodTable = "question,category,percent,decimals,base,n_assumed,deff,n_eff,moe\n" +
	"noticed,yes,18,0,1009,,,,\n" +
	"noticed,other,rest,0,1009,,,,\n" +
	"attitude,approve,7,0,750,true,,600,3.5\n" +
	"attitude,oppose,66,0,750,true,,600,3.5\n" +
	"attitude,dont_know,27,0,750,true,,600,3.5\n"

func TestReadTable(t *testing.T) {
	s := parseTableStudy(t)
	rows, err := ReadTable(strings.NewReader("\ufeff"+goodTable), s, "table.csv")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 {
		t.Fatalf("%d rows", len(rows))
	}
	r := rows[1]
	if !r.Remainder || !math.IsNaN(r.Percent) || r.Base != 1009 || r.Line != 3 || !math.IsNaN(r.Deff) {
		t.Errorf("remainder row: %+v", r)
	}
	r = rows[2]
	if r.Percent != 7 || !r.NAssumed || r.NEff != 600 || r.MOE != 3.5 || !math.IsNaN(r.Deff) {
		t.Errorf("attitude row: %+v", r)
	}
	if !s.FromTable() || !strings.HasSuffix(s.DataPath(), "table.csv") || !s.Questions[0].HasBase() || s.Questions[1].HasBase() {
		t.Error("study does not read as built from a table")
	}
}

func TestReadTableErrors(t *testing.T) {
	s := parseTableStudy(t)
	header := "question,category,percent,decimals,base\n"
	rest := "noticed,other,rest,0,1009\nattitude,approve,7,0,750\nattitude,oppose,66,0,750\nattitude,dont_know,27,0,750\n"
	for _, tc := range []struct {
		name, table, want string
	}{
		{"empty", "", "table.csv: file is empty"},
		{"binary", "question\x00", "not a text file"},
		{"unknown column", "question,category,percnt,decimals,base\n", `table.csv:1: column "percnt": value "percnt": unknown column`},
		{"missing column", "question,category,percent,decimals\n", `table.csv:1: column "base": value "": column not found in header`},
		{"unknown question", header + "notice,yes,18,0,1009\n", `table.csv:2: column "question": value "notice": unknown question`},
		{"unknown category", header + "noticed,ja,18,0,1009\n", `table.csv:2: column "category": value "ja": question "noticed" has no such category (expected one of yes, other)`},
		{"net row", header + "attitude,not_approve,93,0,750\n", `table.csv:2: column "category": value "not_approve": is a net of question "attitude" (oppose, dont_know); a net's count is the sum of its categories' counts, so give only the categories here, and the net's published figure in published.csv to compare it`},
		{"proportion", header + "noticed,yes,0.18x,0,1009\n", `column "percent": value "0.18x": expected a percentage`},
		{"over 100", header + "noticed,yes,118,0,1009\n", `column "percent": value "118"`},
		{"too many decimals", header + "noticed,yes,17.5,0,1009\n", `column "percent": value "17.5": has more decimals than decimals = 0 says`},
		{"base", header + "noticed,yes,18,0,1009.5\n", `column "base": value "1009.5": expected the number of respondents`},
		{"decimals", header + "noticed,yes,18,-1,1009\n", `column "decimals": value "-1"`},
		{"twice", header + "noticed,yes,18,0,1009\nnoticed,yes,18,0,1009\n", `table.csv:3: column "category": value "yes": noticed=yes given twice (first on line 2)`},
		{"bases differ", header + "noticed,yes,18,0,1009\nnoticed,other,rest,0,1000\n", `table.csv:3: column "base": value "1000": question "noticed": every category of a question has the same base (line 2 has 1009)`},
		{"two remainders", header + "noticed,yes,rest,0,1009\nnoticed,other,rest,0,1009\n", `only one category can be the remainder`},
		{"category missing", header + "noticed,yes,18,0,1009\n", `no row for noticed = other`},
		{"deff and n_eff", "question,category,percent,decimals,base,deff,n_eff\nnoticed,yes,18,0,1009,1.5,600\n", `column "n_eff": value "600": give a design effect (deff) or an effective sample size (n_eff), not both`},
		{"bad deff", "question,category,percent,decimals,base,deff\nnoticed,yes,18,0,1009,-1\n", `column "deff": value "-1": expected a positive design effect`},
		{"n_eff above base", "question,category,percent,decimals,base,n_eff\nnoticed,yes,18,0,1009,2000\nnoticed,other,rest,0,1009,2000\n" +
			"attitude,approve,7,0,750,\nattitude,oppose,66,0,750,\nattitude,dont_know,27,0,750,\n", `effective sample size above the base 1009`},
		{"interval without percent", "question,category,percent,decimals,base,lower,upper\nnoticed,yes,18,0,1009,19,21\n", `does not contain the percentage 18`},
		{"n_assumed", "question,category,percent,decimals,base,n_assumed\nnoticed,yes,18,0,1009,maybe\n", `column "n_assumed": value "maybe"`},
		{"ragged", header + "noticed,yes,18\n", "wrong number of fields"},
		{"ok but incomplete", header + "noticed,yes,18,0,1009\n" + rest[:26], "no row for attitude = approve"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadTable(strings.NewReader(tc.table), s, "table.csv")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	big := strings.NewReader(header + strings.Repeat("x", MaxTableSize))
	var te *TableError
	if _, err := ReadTable(big, s, "table.csv"); !errors.As(err, &te) || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("oversized table: %v", err)
	}
}

func TestTableStudyValidation(t *testing.T) {
	for _, tc := range []struct{ name, edit, want string }{
		{"status", "data_status: reconstructed", "needs data_status: reconstructed"},
		{"file too", "data: {table: table.csv}", "give a respondent file or a published table, not both"},
		{"weight", "data: {table: table.csv}", "data.weight: a published table (data.table) has no respondent rows"},
		{"codes", `{id: "yes"}`, `category "yes": codes belong to respondent files`},
		{"when", "base: {description: internet users}", "base.when selects respondents"},
		{"subgroups", "questions:", "subgroups: subgroup estimates need respondent rows"},
		{"missing", "{id: dont_know}]", "missing codes belong to respondent files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			y := tableStudy
			switch tc.name {
			case "status":
				y = strings.Replace(y, tc.edit, "data_status: respondent", 1)
			case "file too":
				y = strings.Replace(y, tc.edit, "data: {table: table.csv, file: r.csv}", 1)
			case "weight":
				y = strings.Replace(y, tc.edit, "data: {table: table.csv, weight: w}", 1)
			case "codes":
				y = strings.Replace(y, tc.edit, `{id: "yes", codes: [1]}`, 1)
			case "when":
				y = strings.Replace(y, tc.edit, "base: {when: attitude == approve}", 1)
			case "subgroups":
				y = strings.Replace(y, tc.edit, "subgroups: [attitude]\nquestions:", 1)
			case "missing":
				y = strings.Replace(y, tc.edit, "{id: dont_know}]\n    missing: [9]", 1)
			}
			if y == tableStudy {
				t.Fatal("edit did not apply")
			}
			_, err := Parse(strings.NewReader(y), "study.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

// FuzzReadTable: any bytes give rows or an error, never a panic, and rows
// always satisfy the documented checks.
func FuzzReadTable(f *testing.F) {
	f.Add(goodTable)
	f.Add("question,category,percent,decimals,base\nnoticed,yes,rest,0,1\nnoticed,other,rest,0,1\n")
	f.Add("question,category,percent,decimals,base,lower,upper\nnoticed,yes,18,0,1009,17,19\n")
	s, err := Parse(strings.NewReader(tableStudy), "study.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, table string) {
		rows, err := ReadTable(strings.NewReader(table), s, "table.csv")
		if err != nil {
			return
		}
		for _, r := range rows {
			if r.Base < 1 || r.Decimals < 0 || (!r.Remainder && !(r.Percent >= 0 && r.Percent <= 100)) {
				t.Errorf("row accepted: %+v", r)
			}
		}
	})
}
