package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// TestDesignDisclosure checks what the report says about a weighted,
// stratified cluster sample against R (scripts/precision/generate.R,
// testdata/precision.csv): strata, PSUs and degrees of freedom, and the
// precision from the median design effect of the shares and the t
// quantile on the design's df, in every language; a probability sample
// without a response rate has that element missing; the accounting table
// names questions by their labels.
func TestDesignDisclosure(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "precision.csv"))
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(recs) != 2 {
		t.Fatalf("precision.csv: %v, %d rows", err, len(recs))
	}
	ref := map[string]float64{}
	for i, h := range recs[0] {
		ref[h], _ = strconv.ParseFloat(recs[1][i], 64)
	}
	s, err := survey.Load(filepath.Join("testdata", "studies", "weighted-strata-clusters", "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	if d := r.Design; d == nil || float64(d.Strata) != ref["strata"] || float64(d.PSUs) != ref["psus"] || float64(d.DF) != ref["df"] || !d.Clustered || d.FPC {
		t.Fatalf("design %+v, R: %v", r.Design, ref)
	}
	tests := []struct {
		lang                            string
		design, precision, rr, accLabel string
	}{
		{"en", "4 strata, 12 primary sampling units (clusters), hence 8 degrees of freedom",
			"±" + decimal(ref["moe_points"], 1, "en") + " percentage points: t quantile 2.306 with the design's 8 degrees of freedom, and design effect " + decimal(ref["median_deff"], 2, "en"),
			"Response rate", "Library visits"},
		{"de", "4 Schichten, 12 primäre Auswahleinheiten (Klumpen), also 8 Freiheitsgrade",
			"±" + decimal(ref["moe_points"], 1, "de") + " Prozentpunkte: t-Quantil 2,306 mit den 8 Freiheitsgraden des Designs und Designeffekt " + decimal(ref["median_deff"], 2, "de"),
			"Ausschöpfungsquote", "Bibliotheksbesuche"},
		{"nl", "4 strata, 12 primaire steekproefeenheden (clusters), dus 8 vrijheidsgraden",
			"±" + decimal(ref["moe_points"], 1, "nl") + " procentpunt: t-kwantiel 2,306 met de 8 vrijheidsgraden van het steekproefontwerp, en designeffect " + decimal(ref["median_deff"], 2, "nl"),
			"Respons", "Bibliotheekbezoek"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			ms, err := loadMessages(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			d := buildDocument(r, ms, nil)
			got := map[string]pair{}
			for _, p := range d.Disclosure {
				got[p.Label] = p
			}
			if p := got[ms.T("d_design")]; !strings.Contains(p.Value, tt.design) || !strings.Contains(d.Methods, tt.design) {
				t.Errorf("design %q, methods %q; want %q in both", p.Value, d.Methods, tt.design)
			}
			if p := got[ms.T("d_precision")]; !strings.Contains(p.Value, tt.precision) {
				t.Errorf("precision %q lacks %q", p.Value, tt.precision)
			}
			if p, ok := got[tt.rr]; !ok || !p.Missing {
				t.Errorf("response rate %+v (present %v), want missing", p, ok)
			}
			if len(d.Accounting.Rows) == 0 || d.Accounting.Rows[1][0] != tt.accLabel {
				t.Errorf("accounting rows %q, want the label %q", d.Accounting.Rows, tt.accLabel)
			}
		})
	}
}

// TestLonelyPSUOnce: a stratum with a single PSU under the default rule is
// reported as a problem of the data naming data.lonely_psu and the
// stratum, not as a problem of the first test or comparison computed.
func TestLonelyPSUOnce(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("testdata", "studies", "weighted-strata-clusters")
	study, err := os.ReadFile(filepath.Join(src, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(src, "responses.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// District 4: all respondents in one village.
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		if f := strings.Split(l, ","); len(f) > 2 && f[1] == "4" {
			f[2] = "41"
			lines[i] = strings.Join(f, ",")
		}
	}
	for name, b := range map[string][]byte{"study.yaml": study, "responses.csv": []byte(strings.Join(lines, "\n"))} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := survey.Load(filepath.Join(dir, "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Analyse(s)
	if err == nil || !errors.Is(err, analysis.ErrLonelyPSU) || !strings.Contains(err.Error(), `data.lonely_psu: stratum "4" has a single PSU`) ||
		strings.Contains(err.Error(), "independence") {
		t.Errorf("Analyse: %v", err)
	}
}

// TestWordingDisclosure: the disclosure says where the wording is (the
// estimates section, above it) and names the questions without one;
// subgroup variables need none.
func TestWordingDisclosure(t *testing.T) {
	s, err := survey.Load(filepath.Join("testdata", "studies", "weighted-strata-clusters", "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang    string
		wording map[string]survey.Text // by question id
		want    string
		missing bool
	}{
		{"en", nil, "not published for any question: Library visits; Borrows e-books", true},
		{"en", map[string]survey.Text{"visits": {"en": "How often?"}}, "not published for: Borrows e-books; given with the other questions under “Estimates” above", true},
		{"en", map[string]survey.Text{"visits": {"en": "How often?"}, "ebooks": {"en": "E-books?"}}, "given with each question under “Estimates” above", false},
		{"de", map[string]survey.Text{"visits": {"de": "Wie oft?"}, "ebooks": {"de": "E-Books?"}}, "bei jeder Frage unter „Ergebnisse je Frage“ oben angegeben", false},
		{"nl", map[string]survey.Text{"visits": {"nl": "Hoe vaak?"}}, "niet gepubliceerd voor: Leent e-books; bij de overige vragen onder ‘Uitkomsten per vraag’ hierboven vermeld", true},
	}
	for _, tt := range tests {
		for i := range s.Questions {
			s.Questions[i].Wording = tt.wording[s.Questions[i].ID]
		}
		ms, err := loadMessages(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		d := buildDocument(r, ms, nil)
		found := false
		for _, p := range d.Disclosure {
			if p.Label == ms.T("d_wording") {
				found = true
				if p.Value != tt.want || p.Missing != tt.missing {
					t.Errorf("%s %v: %q (missing %v), want %q (%v)", tt.lang, tt.wording, p.Value, p.Missing, tt.want, tt.missing)
				}
			}
		}
		if !found {
			t.Errorf("%s: no wording element", tt.lang)
		}
	}
}

// TestFunnelBases: a funnel whose steps have different bases says so in
// its first bar (no single n), names each step's base in its footer and
// is titled after its first and last step; one whose steps share a base
// (some answers of one question, titled by the question and those answers)
// keeps that base, with its n, as the first bar.
func TestFunnelBases(t *testing.T) {
	r, ms := analyseFile(t, filepath.Join("testdata", "studies", "weighted-strata-clusters", "study.yaml"))
	tests := []struct {
		items         []string
		title, first  string
		firstN        bool
		base          string
		stepsInFooter bool
	}{
		{[]string{"visits=monthly", "ebooks=yes"}, "From “Library visits: At least monthly” to “Borrows e-books: Yes”", "", true,
			"Base: Library visits: At least monthly: ", true},
		{[]string{"visits=monthly", "visits=rarely"}, "Library visits: At least monthly, Less often", "", true, "Base: ", false}, // not all its answers
	}
	for _, tt := range tests {
		c, err := buildChart(r, &survey.ChartSpec{ID: "f", Kind: "funnel", Items: tt.items}, ms)
		if err != nil {
			t.Fatal(err)
		}
		if c.Title != tt.title {
			t.Errorf("%v: title %q, want %q", tt.items, c.Title, tt.title)
		}
		if tt.first != "" && c.Bars[0].Label != tt.first {
			t.Errorf("%v: first bar %q, want %q", tt.items, c.Bars[0].Label, tt.first)
		}
		if tt.stepsInFooter && (len(c.Bars) != len(tt.items) || c.Bars[0].Estimate == 1) {
			t.Errorf("%v: steps with different bases need no 100%% bar: %d bars, first %v", tt.items, len(c.Bars), c.Bars[0].Estimate)
		}
		if (c.Bars[0].N > 0) != tt.firstN {
			t.Errorf("%v: first bar n = %v", tt.items, c.Bars[0].N)
		}
		if !strings.HasPrefix(c.Base, tt.base) || strings.Contains(c.Base, "Borrows e-books: Yes: ") != tt.stepsInFooter {
			t.Errorf("%v: base %q", tt.items, c.Base)
		}
	}
}

// TestChartsSuppressedBase: with every base under min_base, every chart
// kind a study can declare is still drawn (with the not-shown note), none
// stops the report.
func TestChartsSuppressedBase(t *testing.T) {
	s, err := survey.Load(filepath.Join("testdata", "studies", "weighted-strata-clusters", "study.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s.Analysis.MinBase = 10000
	r, err := Analyse(s)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range []survey.ChartSpec{
		{ID: "bars", Kind: "bars", Items: []string{"visits"}},
		{ID: "companion", Kind: "bars", Items: []string{"visits"}, Simultaneous: "sison-glaz"},
		{ID: "stacked", Kind: "stacked", Items: []string{"visits"}},
		{ID: "funnel", Kind: "funnel", Items: []string{"visits=monthly", "ebooks=yes"}},
		{ID: "waffle", Kind: "waffle", Items: []string{"visits=monthly"}},
		{ID: "forest", Kind: "forest", Items: []string{"visits=monthly"}, By: "region"},
	} {
		c, err := buildChart(r, &spec, ms)
		if err != nil {
			t.Fatalf("%s: %v", spec.ID, err)
		}
		var buf bytes.Buffer
		if err := figures.Render(&buf, c, figures.SVG, figures.Social, figures.DefaultTheme()); err != nil {
			t.Errorf("%s: %v", spec.ID, err)
		}
		if alt := figures.AltText(c); !strings.Contains(alt, "not shown (n < 10,000)") {
			t.Errorf("%s: alt text lacks the note: %s", spec.ID, alt)
		}
	}
}
