package crossstudy

import (
	"bytes"
	"encoding/csv"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/internal/catalog"
	"github.com/surveystat/surveystat/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// generate writes the comparison file into a fresh directory.
func generate(t *testing.T, path string, langs ...string) string {
	t.Helper()
	dir, err := Generate(path, Options{Out: t.TempDir(), PDF: "off", Langs: langs})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}

// TestGoldens compares the text outputs of the test comparison (two
// waves, a net, labels that need escaping) with testdata/golden; run go
// test -update to rewrite them after an intended change.
func TestGoldens(t *testing.T) {
	dir := generate(t, "testdata/comparison.yaml")
	for _, name := range []string{"estimates.csv", "differences.csv", "results.json", "report.md", "report.de.md", "report.nl.md", "figures/en/trend.txt", "figures/de/dumbbell.txt"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		golden := filepath.Join("testdata", "golden", strings.ReplaceAll(name, "/", "-")+".golden")
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s; inspect and run go test -update if intended", name, golden)
		}
	}
	for _, name := range []string{"index.html", "index.de.html", "index.nl.html", "manifest.json",
		"figures/en/trend.png", "figures/nl/dumbbell.svg", "figures/de/trend.pdf", "figures/en/dumbbell.social.png", "figures/en/dumbbell.square.png"} {
		if st, err := os.Stat(filepath.Join(dir, name)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestDifferencesStatsmodels: the differences in differences.csv are
// statsmodels' confint_proportions_2indep(method = "newcomb") and the
// two-sample χ² for the same counts (analysis/testdata/conformance/
// surveydiff.csv, written by scripts/crossstudy/generate.py).
func TestDifferencesStatsmodels(t *testing.T) {
	refs := readCSV(t, "../analysis/testdata/conformance/surveydiff.csv")
	ref := func(x1, n1, x2, n2 string) map[string]string {
		for _, r := range refs {
			if r["x1"] == x1 && r["n1"] == n1 && r["x2"] == x2 && r["n2"] == n2 && r["level"] == "0.95" {
				return r
			}
		}
		t.Fatalf("no reference for %s/%s − %s/%s", x1, n1, x2, n2)
		return nil
	}
	want := map[string]map[string]string{
		"never-noticed": ref("224", "861", "182", "1009"),
		"ignore":        ref("370", "861", "394", "1009"),
	}
	dir := generate(t, "testdata/comparison.yaml", "en")
	checked := 0
	for _, row := range readCSV(t, filepath.Join(dir, "differences.csv")) {
		w, ok := want[row["item"]]
		if !ok {
			continue
		}
		for _, k := range [][2]string{{"lower", "lower"}, {"upper", "upper"}, {"statistic", "chisq"}, {"p_value", "p_value"}} {
			if g, e := num(t, row[k[0]]), num(t, w[k[1]]); math.Abs(g-e) > 1e-9*math.Max(1, math.Abs(e)) {
				t.Errorf("%s %s: %v, statsmodels %v", row["item"], k[0], g, e)
			}
		}
		if row["method"] != "newcombe" || row["study_a"] != "wave-b" || row["study_b"] != "wave-a" {
			t.Errorf("%s: %v", row["item"], row)
		}
		checked++
	}
	if checked != 2 {
		t.Errorf("checked %d rows, want 2", checked)
	}
}

// TestThreeSurveys: consecutive surveys are compared; a weighted survey
// gives the design-based difference whose variance is the sum of the two
// surveys' variances; an item may be named differently in one study.
func TestThreeSurveys(t *testing.T) {
	f, err := Load("testdata/three.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Diffs[0]) != 2 || r.Diffs[0][0].A != 1 || r.Diffs[0][0].B != 0 || r.Diffs[0][1].A != 2 {
		t.Fatalf("diffs %+v", r.Diffs[0])
	}
	c := r.Cells[0]
	if c[2].Question != "banner_q" || c[2].Category != "never" || c[2].Estimate.Design == nil {
		t.Fatalf("weighted cell %+v", c[2])
	}
	d := r.Diffs[0][1]
	a, b := c[2].Estimate, c[1].Estimate
	se := math.Sqrt(a.Design.Var + b.Share*(1-b.Share)/b.Base)
	const z = 1.959963984540054
	if d.Method != "svy-wald" || math.Abs(d.Diff-(a.Share-b.Share)) > 1e-15 ||
		math.Abs(d.Lower-(d.Diff-z*se)) > 1e-12 || math.Abs(d.Upper-(d.Diff+z*se)) > 1e-12 {
		t.Errorf("weighted difference %+v, want SE %v", d, se)
	}
	if !(d.Lower <= d.Diff && d.Diff <= d.Upper) {
		t.Errorf("%v outside %v–%v", d.Diff, d.Lower, d.Upper)
	}
	intro := r.document("en", nil).DiffIntro
	if !strings.Contains(intro, "Both surveys without weights") || !strings.Contains(intro, "A weighted survey") || strings.Contains(intro, "effective counts") {
		t.Errorf("differences intro %q: want the two methods used, not the third", intro)
	}
	ch, err := r.Charts("en")
	if err != nil {
		t.Fatal(err)
	}
	if got := ch[0].Series[0].Note; !strings.HasPrefix(got, "A–B: +8.0 points, 95% CI 4.2 to 11.8; B–C: +4.6 points, 95% CI −8.4 to 17.5") {
		t.Errorf("note %q", got)
	}
	if !ch[0].FreeAxis || !strings.Contains(ch[0].Method, "A: 95% confidence intervals (Wilson score); B: 95% confidence intervals (Wilson score); C: 95% confidence intervals (design-based, logit)") {
		t.Errorf("chart %+v", ch[0])
	}
}

func TestVerify(t *testing.T) {
	dir := generate(t, "testdata/comparison.yaml", "en")
	diffs, err := Verify(dir)
	if err != nil || len(diffs) != 0 {
		t.Fatalf("Verify = %v, %v", diffs, err)
	}
	if _, err := report.Verify(dir); err == nil || !strings.Contains(err.Error(), "is a comparison report") {
		t.Errorf("report.Verify on a comparison: %v", err)
	}
	p := filepath.Join(dir, "differences.csv")
	if err := os.WriteFile(p, []byte("tampered\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	diffs, err = Verify(dir)
	if err != nil || len(diffs) != 1 || diffs[0].Path != "differences.csv" {
		t.Errorf("after tampering: %v, %v", diffs, err)
	}
}

func TestDeterministic(t *testing.T) {
	a := generate(t, "testdata/comparison.yaml", "de")
	b := generate(t, "testdata/comparison.yaml", "de")
	ma, _ := os.ReadFile(filepath.Join(a, "manifest.json"))
	mb, _ := os.ReadFile(filepath.Join(b, "manifest.json"))
	if len(ma) == 0 || !bytes.Equal(ma, mb) {
		t.Error("two runs give different manifests")
	}
}

// TestEscaping: labels from the comparison and study files are text in
// every output: escaped in HTML and Markdown, neutralised in CSV.
func TestEscaping(t *testing.T) {
	dir := generate(t, "testdata/comparison.yaml", "en")
	html, _ := os.ReadFile(filepath.Join(dir, "index.html"))
	if bytes.Contains(html, []byte("<i>")) || !bytes.Contains(html, []byte("Wave 1 &lt;i&gt;")) {
		t.Error("survey label not escaped in HTML")
	}
	if !bytes.Contains(html, []byte(`href="https://example.org/a?x=1&amp;y=%3c2%3e"`)) {
		t.Errorf("source URL not escaped in HTML")
	}
	md, _ := os.ReadFile(filepath.Join(dir, "report.md"))
	if !bytes.Contains(md, []byte(`Ignore them \| \*always\*`)) {
		t.Error("item label not escaped in Markdown")
	}
}

func TestMessagesComplete(t *testing.T) {
	en, err := catalog.Load(i18nFiles, "i18n", "en")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range report.Langs() {
		ms, err := catalog.Load(i18nFiles, "i18n", lang)
		if err != nil {
			t.Fatal(err)
		}
		if messages[lang] == nil {
			t.Errorf("%s: catalog not loaded", lang)
		}
		for _, key := range en.Keys() {
			if m, _ := ms.Message(key); m == "" {
				t.Errorf("%s: no message %q", lang, key)
			}
		}
		if len(ms.Keys()) != len(en.Keys()) {
			t.Errorf("%s: %d messages, en has %d", lang, len(ms.Keys()), len(en.Keys()))
		}
	}
}

// TestWeightedAgainstR: two weighted surveys (one clustered); the
// difference, its standard error and interval are R survey's svycontrast
// of the two domain means in the stacked design with the survey as a
// stratum (scripts/crossstudy/weighted.R).
func TestWeightedAgainstR(t *testing.T) {
	src, err := os.ReadFile("testdata/weighted-pair.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, "testdata/weighted_r.csv")
	for _, ref := range rows {
		f, err := Parse(strings.NewReader(strings.Replace(string(src), "%LEVEL%", ref["level"], 1)), "weighted-pair.yaml")
		if err != nil {
			t.Fatal(err)
		}
		f.Dir = "testdata"
		r, err := Run(f)
		if err != nil {
			t.Fatal(err)
		}
		d := r.Diffs[0][0]
		a, b := r.Cells[0][0].Estimate, r.Cells[0][1].Estimate
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"share_a", a.Share, num(t, ref["share_a"])}, {"share_b", b.Share, num(t, ref["share_b"])},
			{"diff", d.Diff, num(t, ref["diff"])}, {"se", d.SE, num(t, ref["se"])},
			{"lower", d.Lower, num(t, ref["lower"])}, {"upper", d.Upper, num(t, ref["upper"])},
		} {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("level %s %s: %v, R %v", ref["level"], c.name, c.got, c.want)
			}
		}
		if d.Method != "svy-wald" || !d.Shown {
			t.Errorf("method %q shown %v", d.Method, d.Shown)
		}
	}
	if len(rows) != 3 {
		t.Errorf("%d reference rows, want 3", len(rows))
	}
}
