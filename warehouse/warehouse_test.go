package warehouse

import (
	"bytes"
	"database/sql"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/surveystat/surveystat/report"
)

// resultFiles are the files of a report folder that hold results.
var resultFiles = []string{"results.csv", "results.json", "claims.csv", "comparisons.csv", "independence.csv"}

// tolerance is the relative difference allowed between a number from the
// respondent rows and the same number from a cell table where the two are
// not required to be the same bytes (see TestWarehousePath).
const tolerance = 1e-9

// numberRE matches a number as the result files write it.
var numberRE = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?`)

// rows is the size of the generated respondent file: $WAREHOUSE_ROWS, or
// one million.
func rows(t *testing.T) int {
	t.Helper()
	v := os.Getenv("WAREHOUSE_ROWS")
	if v == "" {
		return 1_000_000
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("WAREHOUSE_ROWS=%q: expected a positive whole number", v)
	}
	return n
}

// TestWarehousePath generates a respondent file in the schema of the
// shipped study, loads it into embedded DuckDB, aggregates it with the SQL
// statements of docs/aggregated-input.md exactly as printed there, and
// checks that surveystat's results from the cell tables are the same
// bytes as from the respondent rows: unweighted (COUNT(*)), and weighted
// and stratified (COUNT(*), SUM(w), SUM(w*w)).
//
// Where the numbers cannot be the same bits, the test requires the same
// text with every number equal to a relative 1e-9: the sums of
// floating-point weights depend on the order of addition, which a parallel
// engine does not fix, and the Rao–Scott test (independence.csv, and its
// copy in results.json) takes count identical respondents in one step,
// which rounds differently from count single steps even without weights.
// Every other file of the unweighted study must be the same bytes.
func TestWarehousePath(t *testing.T) {
	doc, err := os.ReadFile("../docs/aggregated-input.md")
	if err != nil {
		t.Fatal(err)
	}
	countSQL := duckdbBlock(t, doc, "## Worked example")
	weightedSQL := duckdbBlock(t, doc, "## Weighted cell tables")
	study, err := os.ReadFile("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	published, err := os.ReadFile("../data/noyb-de-2025/published.csv")
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	n := rows(t)
	gen := exec.Command("go", "run", "github.com/surveystat/surveystat/scripts/bench/gen",
		"-rows", strconv.Itoa(n), "-out", filepath.Join(dir, "responses.csv"))
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("scripts/bench/gen: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "published.csv"), published, 0o644); err != nil {
		t.Fatal(err)
	}

	// The documented statements name files relative to the working
	// directory, as a user runs them in the duckdb shell.
	t.Chdir(dir)
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	exec := func(what, stmt string) {
		t.Helper()
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v\n%s", what, err, stmt)
		}
	}

	// Unweighted: the respondent rows against COUNT(*) per answer pattern.
	exec("documented COUNT(*) statement", countSQL)
	check(t, dir, "unweighted", study, []string{"results.csv", "claims.csv", "comparisons.csv"},
		"data:\n  file: responses.csv\n  id: respondent_id\n",
		"data:\n  file: cells.csv\n  count: n\n")

	// Weighted and stratified: weights that vary within every cell (from
	// 0.25 to about 4, not dyadic, so their sums are rounded) and five
	// strata, derived from the respondent number so that the run is
	// reproducible. The respondent rows are written from DuckDB too, so
	// both paths read the same weights.
	exec("weighted respondent table", `CREATE TABLE responses AS
		SELECT *,
		       CAST(substr(respondent_id, 2) AS BIGINT) % 5 + 1 AS stratum,
		       0.25 + (CAST(substr(respondent_id, 2) AS BIGINT) * 7919 % 3751) / 1000.0 AS w
		FROM read_csv('responses.csv')`)
	exec("weighted respondent file", `COPY (SELECT * FROM responses ORDER BY respondent_id) TO 'weighted.csv' (HEADER, DELIMITER ',')`)
	exec("documented SUM(w), SUM(w*w) statement", weightedSQL)
	var cells int
	if err := db.QueryRow(`SELECT COUNT(*) FROM read_csv('cells.csv')`).Scan(&cells); err != nil {
		t.Fatal(err)
	}
	t.Logf("weighted: %d respondent rows, %d cells", n, cells)
	check(t, dir, "weighted", study, nil,
		"data:\n  file: weighted.csv\n  id: respondent_id\n  weight: w\n  strata: stratum\n",
		"data:\n  file: cells.csv\n  count: n\n  weight_sum: sw\n  weight_sq_sum: sw2\n  strata: stratum\n")
}

// check writes two study files, the shipped study with its data section
// replaced by rowData and by cellData, runs the report on each and
// compares the result files: those named in exact byte for byte, the others
// number by number to the tolerance.
func check(t *testing.T, dir, name string, study []byte, exact []string, rowData, cellData string) {
	t.Helper()
	const shippedData = "data:\n  file: responses.csv\n  id: respondent_id\n"
	if !bytes.Contains(study, []byte(shippedData)) {
		t.Fatalf("the shipped study no longer has the data section %q", shippedData)
	}
	var out [2]string
	for i, data := range []string{rowData, cellData} {
		path := filepath.Join(dir, fmt.Sprintf("%s-%d.yaml", name, i))
		s := bytes.Replace(study, []byte(shippedData), []byte(data), 1)
		if err := os.WriteFile(path, s, 0o644); err != nil {
			t.Fatal(err)
		}
		o, err := report.Generate(path, report.Options{
			Out: filepath.Join(dir, fmt.Sprintf("out-%s-%d", name, i)), Langs: []string{"en"}, PDF: "off",
		})
		if err != nil {
			t.Fatalf("%s, %s: %v", name, []string{"respondent rows", "cell table"}[i], err)
		}
		out[i] = o
	}
	for _, f := range resultFiles {
		rowB, err := os.ReadFile(filepath.Join(out[0], f))
		if err != nil {
			t.Fatal(err)
		}
		cellB, err := os.ReadFile(filepath.Join(out[1], f))
		if err != nil {
			t.Fatal(err)
		}
		if len(rowB) == 0 || bytes.Count(rowB, []byte("\n")) < 2 {
			t.Errorf("%s: %s from the respondent rows is empty", name, f)
		}
		switch {
		case bytes.Equal(rowB, cellB):
			t.Logf("%s: %s: the same bytes", name, f)
		case slices.Contains(exact, f):
			t.Errorf("%s: %s differs between the respondent rows and the cell table:\n%s", name, f, firstDiff(rowB, cellB))
		default:
			nums, maxRel, err := closeEnough(rowB, cellB)
			if err != nil {
				t.Errorf("%s: %s: %v", name, f, err)
			} else {
				t.Logf("%s: %s: the same text, %d numbers, largest relative difference %.1e", name, f, nums, maxRel)
			}
		}
	}
}

// duckdbBlock returns the first ```sql block after the "### DuckDB"
// heading, or the first ```sql block, of the document section that starts
// with the heading prefix section.
func duckdbBlock(t *testing.T, doc []byte, section string) string {
	t.Helper()
	s := string(doc)
	i := strings.Index(s, "\n"+section)
	if i < 0 {
		t.Fatalf("docs/aggregated-input.md: no section %q", section)
	}
	s = s[i+1:]
	if j := strings.Index(s, "\n## "); j >= 0 {
		s = s[:j]
	}
	if j := strings.Index(s, "\n### DuckDB"); j >= 0 {
		s = s[j:]
	}
	const open = "```sql\n"
	j := strings.Index(s, open)
	if j < 0 {
		t.Fatalf("docs/aggregated-input.md, %q: no DuckDB statement", section)
	}
	s = s[j+len(open):]
	k := strings.Index(s, "```")
	if k < 0 {
		t.Fatalf("docs/aggregated-input.md, %q: unterminated sql block", section)
	}
	return s[:k]
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n  rows:  %s\n  cells: %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// closeEnough reports whether a and b are the same text apart from numbers that
// differ by at most the tolerance, with the count of numbers and the
// largest relative difference.
func closeEnough(a, b []byte) (nums int, maxRel float64, err error) {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	if len(la) != len(lb) {
		return 0, 0, fmt.Errorf("%d lines from the rows, %d from the cells", len(la), len(lb))
	}
	for i := range la {
		if numberRE.ReplaceAllString(la[i], "#") != numberRE.ReplaceAllString(lb[i], "#") {
			return 0, 0, fmt.Errorf("line %d differs in its text:\n  rows:  %s\n  cells: %s", i+1, la[i], lb[i])
		}
		na, nb := numberRE.FindAllString(la[i], -1), numberRE.FindAllString(lb[i], -1)
		for k := range na {
			x, err1 := strconv.ParseFloat(na[k], 64)
			y, err2 := strconv.ParseFloat(nb[k], 64)
			if err1 != nil || err2 != nil {
				return 0, 0, fmt.Errorf("line %d: %q, %q: not numbers", i+1, na[k], nb[k])
			}
			nums++
			if x == y {
				continue
			}
			rel := math.Abs(x-y) / math.Max(math.Abs(x), math.Abs(y))
			maxRel = max(maxRel, rel)
			if rel > tolerance {
				return 0, 0, fmt.Errorf("line %d: %s from the rows, %s from the cells", i+1, na[k], nb[k])
			}
		}
	}
	return nums, maxRel, nil
}
