package report

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// TestRakedStudy rakes the shipped study to population margins for gender
// and age, through the study file, and checks that the weighted shares
// meet the margins, the design columns are filled and the report says so.
func TestRakedStudy(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	// The shipped study with raking, next to copies of its data.
	study := strings.Replace(string(src), "  method: wilson\n", "  method: wilson\n  rake: {margins: margins.csv, tol: 0.0001, max_iter: 50}\n", 1)
	margins := "variable,category,total\n" +
		"gender,male,495\ngender,female,495\ngender,diverse,10\n" +
		"age_band,16-30,250\nage_band,31-45,250\nage_band,46-60,250\nage_band,over-60,250\n"
	for _, f := range []string{"responses.csv", "published.csv"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(shipped), f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(study), 0o644)
	os.WriteFile(filepath.Join(dir, "margins.csv"), []byte(margins), 0o644)

	s, err := survey.Load(filepath.Join(dir, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Rake == nil || !r.Rake.Converged || r.Rake.MarginDiff > 1e-3 {
		t.Fatalf("rake report %+v", r.Rake)
	}
	for _, c := range []struct {
		q, cat string
		want   float64
	}{{"gender", "male", .495}, {"gender", "diverse", .01}, {"age_band", "over-60", .25}} {
		e, ok := r.Overall(c.q, c.cat)
		// Its design effect (of the variance, which raking removes) is 0
		// and there is no effective n, while the weights still vary
		// (Kish's weighting effect above 1).
		if !ok || math.Abs(e.Share-c.want) > 1e-5 || e.Method != "svy-logit" || e.Deff != 0 || !math.IsNaN(e.NEff) ||
			e.Design == nil || e.Design.KishDeff <= 1 {
			t.Errorf("%s=%s: share %v (want %v), method %q, deff %v, n_eff %v of %v", c.q, c.cat, e.Share, c.want, e.Method, e.Deff, e.NEff, e.Base)
		}
		// Raking fixes the share of a margin category: with the weights
		// treated as calibrated (as R) its standard error vanishes.
		if e.Design == nil || e.Design.SE > 1e-4 {
			t.Errorf("%s=%s: SE %v after raking on %s", c.q, c.cat, e.Design, c.q)
		}
	}
	if e, ok := r.Overall("aware", "yes"); !ok || e.Design == nil || !(e.Design.SE > 1e-3) {
		t.Errorf("aware=yes: %+v", e.Design)
	}
	ms, _ := loadMessages("en")
	d := buildDocument(r, ms, nil)
	if len(r.Comparisons) == 0 || !strings.Contains(d.CompIntro, "Design-based") {
		t.Errorf("comparisons in a weighted study: %d, %q", len(r.Comparisons), d.CompIntro)
	}
	for _, c := range r.Comparisons {
		if c.Method != "svy-wald" || c.Design == nil || !(c.Lower < c.Diff && c.Diff < c.Upper) || !(c.Test.PValue >= 0 && c.Test.PValue <= 1) {
			t.Errorf("comparison %s: %+v", c.ID, c)
		}
	}
	if !strings.Contains(d.Methods, "Taylor linearisation") || !strings.Contains(d.RakeText, "converged") ||
		!strings.Contains(d.RakeText, "take the raking into account") {
		t.Errorf("methods %q\nrake %q", d.Methods, d.RakeText)
	}
}

// TestStudyTheme: a study's theme section changes the chart colours; a bad
// colour is a study-file error.
func TestStudyTheme(t *testing.T) {
	src, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"responses.csv", "published.csv"} {
		b, _ := os.ReadFile(filepath.Join(filepath.Dir(shipped), f))
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	study := string(src) + "\ntheme:\n  palette: [\"#003366\", \"#CC0000\"]\n"
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(study), 0o644)
	s, err := survey.Load(filepath.Join(dir, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	th, err := StudyTheme(s)
	if err != nil {
		t.Fatal(err)
	}
	var svg []byte
	_, err = WriteCharts(r, "en", ChartOutput{Formats: []figures.Format{figures.SVG}, Theme: th}, func(rel string, b []byte) error {
		if strings.HasSuffix(rel, "awareness.svg") {
			svg = b
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), "rgb(0,51,102)") && !strings.Contains(strings.ToLower(string(svg)), "#003366") {
		t.Error("the study's palette is not used")
	}
	bad := strings.Replace(study, "#CC0000", "red", 1)
	os.WriteFile(filepath.Join(dir, "study.yaml"), []byte(bad), 0o644)
	if _, err := survey.Load(filepath.Join(dir, "study.yaml")); err == nil || !strings.Contains(err.Error(), `"red" is not a colour`) {
		t.Errorf("bad colour: %v", err)
	}
}

// TestRakedWeightSums rakes the shipped study with varying design weights
// twice: from the respondent rows, and from a weighted cell table of the
// same rows (Σw and Σw² per combination of answers). Raking multiplies the
// weights of a cell by one factor, so both must give the same estimates,
// standard errors and comparisons.
func TestRakedWeightSums(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := os.ReadFile(filepath.Join(filepath.Dir(shipped), "responses.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(resp)), "\n")
	var micro strings.Builder
	micro.WriteString(lines[0] + ",w\n")
	type sums struct{ n, sw, sw2 float64 }
	cells := map[string]*sums{}
	var order []string
	for i, l := range lines[1:] {
		w := 1 + float64(i%7)/10
		fmt.Fprintf(&micro, "%s,%v\n", l, w)
		_, answers, _ := strings.Cut(l, ",")
		c, ok := cells[answers]
		if !ok {
			c = &sums{}
			cells[answers] = c
			order = append(order, answers)
		}
		c.n++
		c.sw += w
		c.sw2 += w * w
	}
	var tab strings.Builder
	_, head, _ := strings.Cut(lines[0], ",")
	tab.WriteString(head + ",n,sw,sw2\n")
	for _, k := range order {
		c := cells[k]
		fmt.Fprintf(&tab, "%s,%v,%.17g,%.17g\n", k, c.n, c.sw, c.sw2)
	}
	margins := "variable,category,total\n" +
		"gender,male,495\ngender,female,495\ngender,diverse,10\n" +
		"age_band,16-30,250\nage_band,31-45,250\nage_band,46-60,250\nage_band,over-60,250\n"
	os.WriteFile(filepath.Join(dir, "margins.csv"), []byte(margins), 0o644)
	os.WriteFile(filepath.Join(dir, "micro.csv"), []byte(micro.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "cells.csv"), []byte(tab.String()), 0o644)
	b, _ := os.ReadFile(filepath.Join(filepath.Dir(shipped), "published.csv"))
	os.WriteFile(filepath.Join(dir, "published.csv"), b, 0o644)
	run := func(name, data string) *Result {
		study := strings.Replace(string(src), "  method: wilson\n", "  method: wilson\n  rake: {margins: margins.csv, tol: 1e-9, max_iter: 100}\n", 1)
		study = strings.Replace(study, "  file: responses.csv\n  id: respondent_id\n", data, 1)
		os.WriteFile(filepath.Join(dir, name), []byte(study), 0o644)
		s, err := survey.Load(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Analyse(s)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a := run("micro.yaml", "  file: micro.csv\n  id: respondent_id\n  weight: w\n")
	c := run("cells.yaml", "  file: cells.csv\n  count: n\n  weight_sum: sw\n  weight_sq_sum: sw2\n")
	if len(order) >= len(lines)-1 || len(a.Estimates) != len(c.Estimates) || len(a.Comparisons) != len(c.Comparisons) || len(a.Comparisons) == 0 {
		t.Fatalf("%d cells; %d/%d estimates, %d/%d comparisons", len(order), len(a.Estimates), len(c.Estimates), len(a.Comparisons), len(c.Comparisons))
	}
	close := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(x)) }
	for i, e := range a.Estimates {
		f := c.Estimates[i]
		if e.Design == nil || f.Design == nil {
			continue // suppressed or not design-based
		}
		if !close(e.Share, f.Share) || !close(e.Design.SE, f.Design.SE) || !close(e.Lower, f.Lower) || !close(e.Deff, f.Deff) {
			t.Errorf("%s=%s %s=%s: rows %v±%v, cells %v±%v", e.Question, e.Category, e.Subgroup, e.SubgroupValue, e.Share, e.Design.SE, f.Share, f.Design.SE)
		}
	}
	for i, x := range a.Comparisons {
		y := c.Comparisons[i]
		if !close(x.Diff, y.Diff) || !close(x.Lower, y.Lower) || !close(x.Test.PValue, y.Test.PValue) {
			t.Errorf("comparison %s: rows %+v, cells %+v", x.ID, x, y)
		}
	}
}

// TestRakedTrimmed: with trimming bounds raking runs row by row (the bounds
// apply to single weights), the weights are no longer calibrated, so the
// SEs treat them as fixed and the report says so. Bounds that never bind
// give the same weights as raking by cells; a cell table with bounds is an
// error.
func TestRakedTrimmed(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"responses.csv", "published.csv"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(shipped), f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "margins.csv"), []byte("variable,category,total\n"+
		"gender,male,495\ngender,female,495\ngender,diverse,10\n"+
		"age_band,16-30,250\nage_band,31-45,250\nage_band,46-60,250\nage_band,over-60,250\n"), 0o644)
	run := func(rake, data string) (*Result, error) {
		opts := ", max_iter: 100" + rake
		if strings.Contains(rake, "max_iter") {
			opts = rake
		}
		study := strings.Replace(string(src), "  method: wilson\n", "  method: wilson\n  rake: {margins: margins.csv, tol: 1e-9"+opts+"}\n", 1)
		if data != "" {
			study = strings.Replace(study, "  file: responses.csv\n  id: respondent_id\n", data, 1)
		}
		p := filepath.Join(dir, fmt.Sprintf("s%d.yaml", len(rake)+len(data)))
		os.WriteFile(p, []byte(study), 0o644)
		s, err := survey.Load(p)
		if err != nil {
			t.Fatal(err)
		}
		return Analyse(s)
	}
	cells, err := run("", "")
	if err != nil {
		t.Fatal(err)
	}
	// Bounds that never clip a weight: raked row by row, the same
	// weights, still calibrated.
	loose, err := run(", upper: 1000", "")
	if err != nil {
		t.Fatal(err)
	}
	if loose.Rake.Raking == nil || loose.Rake.Trimmed != 0 || cells.Rake.Raking == nil {
		t.Fatalf("raking descriptions: loose bounds %+v, cells %+v", loose.Rake, cells.Rake)
	}
	// Bounds that clip: no longer calibrated, SEs as for fixed weights.
	tight, err := run(", upper: 1.1", "")
	if err != nil {
		t.Fatal(err)
	}
	if tight.Rake.Raking != nil || tight.Rake.Trimmed == 0 {
		t.Fatalf("tight bounds: %+v", tight.Rake)
	}
	differ := 0
	for i, e := range cells.Estimates {
		f, g := loose.Estimates[i], tight.Estimates[i]
		if e.Design == nil {
			continue
		}
		if math.Abs(e.Share-f.Share) > 1e-9 || math.Abs(e.Design.SE-f.Design.SE) > 1e-9 {
			t.Errorf("%s=%s %s=%s: %v±%v by cells, %v±%v by rows", e.Question, e.Category, e.Subgroup, e.SubgroupValue, e.Share, e.Design.SE, f.Share, f.Design.SE)
		}
		if math.Abs(e.Design.SE-g.Design.SE) > 1e-6 {
			differ++
		}
	}
	if differ == 0 {
		t.Error("calibrated and trimmed SEs never differ")
	}
	// The methods text states what was done, in every language, and
	// whether the trimmed weights meet the margins as the raking found;
	// no claim about how the SEs would differ without trimming (R's
	// untrimmed SEs were 2–4× larger in the trial of issue #13).
	met := tight.Rake.MarginDiff < tight.Rake.Tol
	for _, tc := range []struct {
		lang, bounds, se, met, unmet string
	}{
		{"en", "trimmed to at most 1.1 times the mean weight", "Standard errors treat the trimmed weights as fixed, not as calibrated to the margins; R has no exact equivalent.",
			"still meet the margins within the raking tolerance", "no longer meet the margins exactly"},
		{"de", "höchstens das 1,1-Fache des mittleren Gewichts gekappt", "Die Standardfehler behandeln die gekappten Gewichte als fest",
			"Auch nach der Kappung stimmen die Gewichte innerhalb der Raking-Toleranz", "stimmen die Gewichte nicht mehr genau"},
		{"nl", "afgekapt op hoogstens 1,1 keer het gemiddelde gewicht", "De standaardfouten behandelen de afgekapte gewichten als vast",
			"sluiten de gewichten binnen de raking-tolerantie aan", "sluiten de gewichten niet meer precies aan"},
	} {
		ms, err := loadMessages(tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		text := buildDocument(tight, ms, nil).RakeText
		want, not := tc.met, tc.unmet
		if !met {
			want, not = not, want
		}
		for _, w := range []string{tc.bounds, tc.se, want} {
			if !strings.Contains(text, w) {
				t.Errorf("%s rake text %q lacks %q", tc.lang, text, w)
			}
		}
		for _, w := range []string{not, "conservative", "konservativ", "conservatief"} {
			if strings.Contains(text, w) {
				t.Errorf("%s rake text %q says %q", tc.lang, text, w)
			}
		}
		if d := buildDocument(loose, ms, nil); strings.Contains(d.RakeText, tc.se) {
			t.Errorf("%s: calibrated raking described as trimmed: %q", tc.lang, d.RakeText)
		}
	}
	// Raking that does not converge goes on, and the report says so.
	ms, _ := loadMessages("en")
	stopped, err := run(", max_iter: 1", "")
	if err != nil {
		t.Fatal(err)
	}
	if d := buildDocument(stopped, ms, nil); stopped.Rake.Converged || !strings.Contains(d.RakeText, "NOT converged") {
		t.Errorf("not converged: %+v, %q", stopped.Rake, d.RakeText)
	}
	os.WriteFile(filepath.Join(dir, "cells.csv"), []byte("gender,age_band,uses_facebook,uses_instagram,aware,attitude,recall_instagram,recall_facebook,informed,n\n1,4,1,1,1,2,2,2,1,3\n"), 0o644)
	if _, err := run(", upper: 3", "  file: cells.csv\n  count: n\n"); err == nil || !strings.Contains(err.Error(), "need respondent rows") {
		t.Errorf("trimming a cell table: %v", err)
	}
	if _, err := run("", "  file: cells.csv\n  count: n\n"); err == nil || !strings.Contains(err.Error(), "gender = female has a population total of 495 but no respondent") {
		t.Errorf("a margin category without respondents: %v", err)
	}
}

// TestRakeSEText: the sentence on raked standard errors follows what
// raking did: calibrated, trimmed with the margins met or not (the trial
// of issue #13 had "largest remaining margin difference 0.00" followed by
// "no longer calibrated to the margins"), or fixed for a zero margin.
func TestRakeSEText(t *testing.T) {
	ms, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		rp   analysis.RakeReport
		rs   survey.RakeSpec
		want string
	}{
		{"calibrated", analysis.RakeReport{Raking: &analysis.Raking{}, Tol: 1}, survey.RakeSpec{},
			"Standard errors take the raking into account, as R's svymean on a raked design: the part of each answer explained by the margins is removed before the variance is computed."},
		{"trimmed, margins met", analysis.RakeReport{Clipped: true, MarginDiff: 4e-7, Tol: 1e-6}, survey.RakeSpec{Lower: 0.3, Upper: 3},
			"After every sweep, weights were trimmed to between 0.3 and 3 times the mean weight. The trimmed weights still meet the margins within the raking tolerance. Standard errors treat the trimmed weights as fixed, not as calibrated to the margins; R has no exact equivalent."},
		{"trimmed, margins missed", analysis.RakeReport{Clipped: true, MarginDiff: 12.5, Tol: 1}, survey.RakeSpec{Lower: 0.25},
			"After every sweep, weights were raised to at least 0.25 times the mean weight. The trimmed weights no longer meet the margins exactly. Standard errors treat the trimmed weights as fixed, not as calibrated to the margins; R has no exact equivalent."},
		{"zero margin", analysis.RakeReport{Tol: 1}, survey.RakeSpec{},
			"Standard errors treat the weights as fixed, not as calibrated to the margins, because a margin category with a population total of 0 gave its respondents a weight of 0."},
	} {
		if got := rakeSEText(&tc.rp, &tc.rs, ms); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// TestRakeTextLabels: the raking sentence names the margin variables by
// their labels in the report's language (the trial of issue #13 read "for
// sex, age", de "für sex, age"), escaped for Markdown and HTML.
func TestRakeTextLabels(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,w,sex,age,q\n")
	for i := range 60 {
		fmt.Fprintf(&csv, "r%d,%d.5,%d,%d,%d\n", i, 1+i%3, 1+i%2, 1+i%3, 1+i%4/3)
	}
	study := `id: rakelabels
data: {file: r.csv, id: id, weight: w}
analysis:
  rake: {margins: margins.csv, tol: 1e-9, max_iter: 100}
questions:
  - id: sex
    label: {en: "Sex <b>*x*</b>", de: Geschlecht, nl: Geslacht}
    categories:
      - {id: m, codes: [1], label: {en: Men, de: Männer, nl: Mannen}}
      - {id: f, codes: [2], label: {en: Women, de: Frauen, nl: Vrouwen}}
  - id: age
    label: {en: Age, de: Alter, nl: Leeftijd}
    categories:
      - {id: young, codes: [1], label: {en: Young, de: Jung, nl: Jong}}
      - {id: middle, codes: [2], label: {en: Middle, de: Mittel, nl: Midden}}
      - {id: old, codes: [3], label: {en: Old, de: Alt, nl: Oud}}
  - id: q
    label: {en: Owns a boat, de: Besitzt ein Boot, nl: Heeft een boot}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes", de: "Ja", nl: "Ja"}}
      - {id: "no", codes: [2], label: {en: "No", de: "Nein", nl: "Nee"}}
`
	margins := "variable,category,total\nsex,m,490\nsex,f,510\nage,young,250\nage,middle,450\nage,old,300\n"
	for name, body := range map[string]string{"r.csv": csv.String(), "study.yaml": study, "margins.csv": margins} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(filepath.Join(dir, "study.yaml"), Options{Out: filepath.Join(dir, "out"), Langs: []string{"en", "de", "nl"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, want, not string }{
		{"report.md", `population margins for Sex \<b\>\*x\*\</b\>, Age:`, "for sex, age"},
		{"index.html", "population margins for Sex &lt;b&gt;*x*&lt;/b&gt;, Age:", "<b>*x*</b>"},
		{"report.de.md", "Grundgesamtheit für Geschlecht, Alter angepasst", "für sex, age"},
		{"report.nl.md", "populatieverdelingen voor Geslacht, Leeftijd (raking", "voor sex, age"},
	} {
		b, err := os.ReadFile(filepath.Join(out, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tc.want) || strings.Contains(string(b), tc.not) {
			i := strings.Index(string(b), "margin")
			t.Errorf("%s: want %q, not %q; near %q", tc.file, tc.want, tc.not, string(b)[max(i-200, 0):min(i+200, len(b))])
		}
	}
}
