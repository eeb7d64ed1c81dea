package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

const shipped = "../data/noyb-de-2025/study.yaml"

// shared is one report of the shipped study that read-only tests share:
// rendering every chart in three languages takes seconds.
var shared struct {
	once sync.Once
	root string
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if shared.root != "" {
		os.RemoveAll(shared.root)
	}
	if hostileReport.root != "" {
		os.RemoveAll(hostileReport.root)
	}
	os.Exit(code)
}

// sharedShipped returns the shared report of the shipped study; tests
// must not change it.
func sharedShipped(t *testing.T) string {
	t.Helper()
	shared.once.Do(func() {
		if shared.root, shared.err = os.MkdirTemp("", "surveystat-report-test-"); shared.err != nil {
			return
		}
		shared.dir, shared.err = Generate(shipped, Options{Out: shared.root, PDF: "off"})
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.dir
}

// generateShipped writes the shipped study's report into a new temporary
// directory, printing the command of the shared report (the same command
// gives the same bytes).
func generateShipped(t *testing.T) string {
	t.Helper()
	cmd := Command(shipped, Options{Out: filepath.Dir(sharedShipped(t)), PDF: "off"})
	dir, err := Generate(shipped, Options{Out: t.TempDir(), PDF: "off", Command: cmd})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readResults(t *testing.T, dir string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := "study,question,category,subgroup,subgroup_value,base,count,share,lower,upper,method,level,df,deff,n_eff,suppressed,suppressed_reason,n_assumed,count_min,count_max"
	if got := strings.Join(recs[0], ","); got != want {
		t.Fatalf("results.csv header\n got %s\nwant %s", got, want)
	}
	var rows []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		rows = append(rows, m)
	}
	return rows
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("not a number: %q", s)
	}
	return v
}

// TestShippedStudyHeadlines is the foundation's acceptance test: the
// published figures on their bases, each with the Wilson interval.
func TestShippedStudyHeadlines(t *testing.T) {
	rows := readResults(t, sharedShipped(t))
	tests := []struct {
		question, category string
		base               float64
		rounded            float64 // the published share
	}{
		{"aware", "yes", 1000, 0.75},
		{"attitude", "approve", 750, 0.07},
		{"attitude", "oppose", 750, 0.66},
		{"attitude", "indifferent", 750, 0.27},
		{"recall_instagram", "yes", 700, 0.40},
		{"recall_facebook", "yes", 800, 0.39},
	}
	const z = 1.959963984540054
	for _, tt := range tests {
		var row map[string]string
		for _, r := range rows {
			if r["question"] == tt.question && r["category"] == tt.category && r["subgroup"] == "" {
				row = r
			}
		}
		if row == nil {
			t.Errorf("%s=%s: no overall row", tt.question, tt.category)
			continue
		}
		n, x, share := num(t, row["base"]), num(t, row["count"]), num(t, row["share"])
		if n != tt.base || math.Round(share*100)/100 != tt.rounded || share != x/n {
			t.Errorf("%s=%s: base %v count %v share %v, want base %v share ≈ %v", tt.question, tt.category, n, x, share, tt.base, tt.rounded)
		}
		centre := (x + z*z/2) / (n + z*z)
		half := z * math.Sqrt(share*(1-share)/n+z*z/(4*n*n)) / (1 + z*z/n)
		if lo := num(t, row["lower"]); math.Abs(lo-(centre-half)) > 1e-9 {
			t.Errorf("%s=%s: lower %v, Wilson %v", tt.question, tt.category, lo, centre-half)
		}
		if hi := num(t, row["upper"]); math.Abs(hi-(centre+half)) > 1e-9 {
			t.Errorf("%s=%s: upper %v, Wilson %v", tt.question, tt.category, hi, centre+half)
		}
		if row["method"] != "wilson" || row["level"] != "0.95" || row["study"] != "noyb-de-2025" {
			t.Errorf("%s=%s: method %q level %q study %q", tt.question, tt.category, row["method"], row["level"], row["study"])
		}
	}
}

func TestOutputsAndGoldens(t *testing.T) {
	dir := sharedShipped(t)
	for _, f := range []string{"results.csv", "results.json", "report.md", "index.html", "report.de.md", "index.nl.html", "manifest.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("missing output %s", f)
		}
	}
	for _, name := range []string{"results.csv", "claims.csv", "comparisons.csv", "independence.csv", "report.md", "report.de.md"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		got = normOut(got, dir)
		golden := filepath.Join("testdata", "noyb-de-2025."+name+".golden")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./report -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; if the change is intended, run go test ./report -update and review the diff", name, golden)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	for _, bad := range []string{"<script src", "<link ", "src=\"http", "url(http", "@import"} {
		if bytes.Contains(html, []byte(bad)) {
			t.Errorf("index.html is not self-contained: contains %q", bad)
		}
	}
	for _, want := range []string{"Synthetic data", "Of 750 respondents who knew of the plans", "75.0%"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("index.html lacks %q", want)
		}
	}
}

func TestResultsJSON(t *testing.T) {
	dir := sharedShipped(t)
	b, err := os.ReadFile(filepath.Join(dir, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Study struct {
			ID         string `json:"id"`
			Synthetic  bool   `json:"synthetic"`
			DataStatus string `json:"data_status"`
			Metadata   struct {
				Sponsor map[string]string `json:"sponsor"`
			} `json:"metadata"`
		} `json:"study"`
		Rows    int         `json:"rows_read"`
		Results []ResultRow `json:"results"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Study.ID != "noyb-de-2025" || !doc.Study.Synthetic || doc.Study.DataStatus != "synthetic" || doc.Rows != 1000 || !strings.HasPrefix(doc.Study.Metadata.Sponsor["en"], "noyb") {
		t.Errorf("study %+v rows %d", doc.Study, doc.Rows)
	}
	csvRows := readResults(t, dir)
	if len(doc.Results) != len(csvRows) {
		t.Fatalf("results.json has %d rows, results.csv %d", len(doc.Results), len(csvRows))
	}
	for i, r := range doc.Results {
		if float64(r.Upper) != num(t, csvRows[i]["upper"]) {
			t.Errorf("row %d: json upper %v, csv %s", i, r.Upper, csvRows[i]["upper"])
		}
	}
}

func TestDeterministicAndManifest(t *testing.T) {
	a, b := sharedShipped(t), generateShipped(t)
	ma, _ := os.ReadFile(filepath.Join(a, "manifest.json"))
	mb, _ := os.ReadFile(filepath.Join(b, "manifest.json"))
	if !bytes.Equal(ma, mb) {
		t.Fatal("manifest.json differs between two runs on the same inputs")
	}
	var m Manifest
	if err := json.Unmarshal(ma, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Inputs) != 3 || m.Surveystat != Version || !strings.HasPrefix(m.Go, "go") {
		t.Errorf("manifest %+v", m)
	}
	// Every input is listed with its real hash.
	for _, in := range m.Inputs {
		e, err := hashFile(in.Path)
		if err != nil || e != in {
			t.Errorf("input %+v, file %+v (%v)", in, e, err)
		}
	}
	// Every output is listed with its real hash, and every file is listed.
	listed := map[string]bool{}
	for _, o := range m.Outputs {
		e, err := hashFile(filepath.Join(a, o.Path))
		if err != nil {
			t.Fatal(err)
		}
		if e.SHA256 != o.SHA256 || e.Bytes != o.Bytes {
			t.Errorf("%s: manifest %s, file %s", o.Path, o.SHA256, e.SHA256)
		}
		listed[o.Path] = true
	}
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		if rel != "manifest.json" && !listed[filepath.ToSlash(rel)] {
			t.Errorf("output %s not in manifest", rel)
		}
		return nil
	})
}

func TestFailedRunKeepsPreviousReport(t *testing.T) {
	out := t.TempDir()
	dir, err := Generate(shipped, Options{Out: out, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(dir, "results.csv"))

	// A copy of the study whose respondent file has a bad code.
	src := t.TempDir()
	study, _ := os.ReadFile(shipped)
	data, _ := os.ReadFile("../data/noyb-de-2025/responses.csv")
	data = bytes.Replace(data, []byte("\nR0500,"), []byte("\nR0500,7"), 1)
	os.WriteFile(filepath.Join(src, "study.yaml"), study, 0o644)
	os.WriteFile(filepath.Join(src, "responses.csv"), data, 0o644)
	pub, _ := os.ReadFile("../data/noyb-de-2025/published.csv")
	os.WriteFile(filepath.Join(src, "published.csv"), pub, 0o644)
	_, err = Generate(filepath.Join(src, "study.yaml"), Options{Out: out, PDF: "off"})
	if err == nil || !strings.Contains(err.Error(), "responses.csv:501") {
		t.Fatalf("error %v, want one at responses.csv:501", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, "results.csv"))
	if !bytes.Equal(before, after) {
		t.Error("a failed run changed the previous report")
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 {
		t.Errorf("out has %d entries after a failed run, want only the previous report", len(entries))
	}
}

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
			if m, _ := ms.Message(k); strings.TrimSpace(m) == "" {
				t.Errorf("%s: key %q missing or empty", lang, k)
			}
		}
		for _, k := range ms.Keys() {
			if !en.Has(k) {
				t.Errorf("%s: key %q not in en", lang, k)
			}
		}
	}
	if _, err := loadMessages("fr"); err == nil {
		t.Error("unknown language accepted")
	}
}

func TestNumberFormats(t *testing.T) {
	tests := []struct {
		got, want string
	}{
		{Percent(0.4, 0, "en"), "40%"},
		{Percent(0.4, 0, "de"), "40\u00a0%"},
		{Percent(0.4, 0, "nl"), "40%"},
		{Percent(0.06933, 1, "de"), "6,9\u00a0%"},
		{Percent(-0.00001, 1, "en"), "0.0%"},
		{percentRange(0.0533, 0.0898, 1, "de"), "5,3–9,0\u00a0%"},
		{Count(1000, "en"), "1,000"},
		{Count(1000, "de"), "1.000"},
		{Count(999, "nl"), "999"},
		{Count(1234567, "en"), "1,234,567"},
		{Count(12.5, "de"), "12,50"},
		{levelText(0.95, "en"), "95%"},
		{levelText(0.975, "en"), "97.5%"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+x": "'+x", "-2": "'-2", "@a": "'@a", "\tx": "'\tx", "ok": "ok", "": ""} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerify(t *testing.T) {
	dir := generateShipped(t)
	diffs, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 0 {
		t.Fatalf("fresh report: %v", diffs)
	}
	// Tamper with one output: both checks must name it.
	p := filepath.Join(dir, "results.csv")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(b, []byte("0.75,"), []byte("0.76,"), 1), 0o644)
	os.WriteFile(filepath.Join(dir, "extra.txt"), []byte("x"), 0o644)
	diffs, err = Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(diffs) != 1 || diffs[0].Path != "results.csv" {
		t.Errorf("tampered report: %v", diffs)
	}
	os.Remove(filepath.Join(dir, "results.csv"))
	diffs, _ = Verify(dir)
	if len(diffs) != 1 || diffs[0].Path != "results.csv" {
		t.Errorf("missing output: %v", diffs)
	}
}

// TestComparisons checks the shipped study's comparisons against R:
// the paired table of recall among users of both platforms (R's
// mcnemar.test on it gives 0.8939298) with the p-value of the inverted
// Newcombe interval (the interval at level 1 − p has 0 as a limit), and
// prop.test(c(37, 15), c(370, 374), correct = FALSE).
func TestComparisons(t *testing.T) {
	r := analyseShipped(t)
	if len(r.Comparisons) != 2 {
		t.Fatalf("%d comparisons", len(r.Comparisons))
	}
	p, ind := r.Comparisons[0], r.Comparisons[1]
	mc, _ := analysis.McNemarTest(111, 114, true)
	at, _ := analysis.PairedDiff(91, 111, 114, 184, 1-p.Test.PValue, "newcombe")
	if !p.Paired || p.Table != [4]float64{91, 111, 114, 184} || math.Abs(mc.PValue-0.8939298) > 1e-7 || math.Abs(at.Upper) > 1e-9 {
		t.Errorf("paired: %+v; interval at level 1 − p: %+v", p, at)
	}
	want, _ := analysis.PairedDiff(91, 111, 114, 184, 0.95, "newcombe")
	if p.Interval != want || math.Abs(p.Diff-(202.0-205.0)/500) > 1e-15 {
		t.Errorf("paired interval %v, diff %v; want %v", p.Interval, p.Diff, want)
	}
	if ind.Paired || ind.N1 != 370 || ind.N2 != 374 || math.Abs(ind.Test.PValue-0.001356981) > 1e-9 {
		t.Errorf("independent: %+v", ind)
	}
	want, _ = analysis.NewcombeDiff(37, 370, 15, 374, 0.95)
	if ind.Interval != want {
		t.Errorf("independent interval %v, want %v", ind.Interval, want)
	}
}

func TestSimultaneousChart(t *testing.T) {
	r := analyseShipped(t)
	charts, ids, err := Charts(r, "en")
	if err != nil {
		t.Fatal(err)
	}
	want, _ := analysis.MultinomialIntervals([]float64{52, 495, 203}, 0.95, "sison-glaz")
	for i, id := range ids {
		if id != "attitude-simultaneous" {
			continue
		}
		c := charts[i]
		for j, b := range c.Bars {
			if b.Lower != want[j].Lower || b.Upper != want[j].Upper {
				t.Errorf("bar %d: %v–%v, want %v", j, b.Lower, b.Upper, want[j])
			}
		}
		if !strings.Contains(c.Method, "simultaneous") || !strings.Contains(c.Method, "Sison–Glaz") {
			t.Errorf("method line %q", c.Method)
		}
		return
	}
	t.Fatal("no attitude-simultaneous chart")
}

// analyseShipped analyses the shipped study.
func analyseShipped(t *testing.T) *Result {
	t.Helper()
	s, err := survey.Load(shipped)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTestTables: a test that does not apply (NaN) is an empty CSV cell
// and null in JSON; an empty table is its header.
func TestTestTables(t *testing.T) {
	rows := []ComparisonRow{{Study: "s", ID: "c", Kind: "paired", A: "=a", Diff: 0.1, PValue: Number(math.NaN()), Statistic: Number(math.Inf(1))}}
	b, err := tableCSV(rows)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.HasSuffix(lines[1], ",,") || !strings.Contains(lines[1], ",'=a,") || !strings.HasPrefix(lines[0], "study,comparison,kind,a,") {
		t.Errorf("comparisons.csv:\n%s", b)
	}
	j, err := json.Marshal(rows[0])
	if err != nil || !strings.Contains(string(j), `"p_value":null`) || !strings.Contains(string(j), `"diff":0.1`) {
		t.Errorf("json %s %v", j, err)
	}
	empty, err := tableCSV([]IndependenceRow(nil))
	if err != nil || string(empty) != "study,question,by,f,ndf,ddf,p_f,pearson_x2,rs1_chisq,rs1_df,rs1_p,p_holm,p_bh\n" {
		t.Errorf("empty table %q %v", empty, err)
	}
}
