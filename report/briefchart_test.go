package report

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// TestBriefChart checks the exhibit charts of the shipped study as the
// brief draws them: no title, base, method or source lines and no
// verdicts in the drawing, the synthetic-data mark kept, the alt text
// whole, and a note under the chart only for what the exhibit's text does
// not state: a base of the chart that is not a claim's, simultaneous
// intervals.
func TestBriefChart(t *testing.T) {
	for _, tt := range []struct {
		name   string
		edit   func(s *survey.Study)
		charts []string // the brief's charts
		// the note under each exhibit's chart, by proposition id: texts
		// it must contain; none, no note
		notes map[string][]string
	}{
		{"as shipped", func(*survey.Study) {}, []string{"awareness", "attitude", "recall"}, nil},
		{"simultaneous intervals", func(s *survey.Study) {
			for i := range s.Charts {
				if s.Charts[i].ID == "attitude" {
					s.Charts[i].Simultaneous = "sison-glaz"
				}
			}
		}, []string{"awareness", "attitude", "recall"}, map[string][]string{"acceptance": {"simultaneous", "Sison–Glaz"}}},
		// The attitude exhibit shows the recall chart, whose bars have
		// bases its claims do not (Instagram, Facebook users).
		{"another base", func(s *survey.Study) { s.Evidence.Propositions[1].Chart = "recall" },
			[]string{"awareness", "recall"}, map[string][]string{"acceptance": {"Base: 700 Instagram users; 800 Facebook users"}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, err := survey.Load(shipped)
			if err != nil {
				t.Fatal(err)
			}
			tt.edit(s)
			r, err := Analyse(s)
			if err != nil {
				t.Fatal(err)
			}
			ms, err := loadMessages("en")
			if err != nil {
				t.Fatal(err)
			}
			set, err := newChartSet(r, "en", DefaultChartOutput())
			if err != nil {
				t.Fatal(err)
			}
			ids := briefCharts(s)
			if !slices.Equal(ids, tt.charts) {
				t.Fatalf("brief charts %v, want %v", ids, tt.charts)
			}
			notes := map[string]string{}
			for _, id := range ids {
				bc, err := briefChart(r, set, id, ms)
				if err != nil {
					t.Fatal(err)
				}
				c := bc.chart
				if c.Title != "" || c.Base != "" || c.Method != "" || c.Source != "" || strings.Contains(c.Subtitle, "Supported") || !c.Synthetic {
					t.Errorf("%s: drawn with title %q, base %q, method %q, source %q, subtitle %q, synthetic %v", id, c.Title, c.Base, c.Method, c.Source, c.Subtitle, c.Synthetic)
				}
				if !strings.Contains(bc.alt, "Base: ") || !strings.Contains(bc.alt, "confidence intervals") || strings.Contains(bc.alt, "Supported") {
					t.Errorf("%s: alt text %q", id, bc.alt)
				}
				maps.Copy(notes, bc.notes)
				var buf bytes.Buffer
				if err := renderBriefChart(new(figures.Renderer), &buf, c, figures.SVG, DefaultChartOutput().Theme); err != nil {
					t.Fatalf("%s: %v", id, err)
				}
			}
			for _, p := range s.Evidence.Propositions {
				want := tt.notes[p.ID]
				if len(want) == 0 && notes[p.ID] != "" {
					t.Errorf("%s: note %q, want none", p.ID, notes[p.ID])
				}
				for _, w := range want {
					if !strings.Contains(notes[p.ID], w) {
						t.Errorf("%s: note %q lacks %q", p.ID, notes[p.ID], w)
					}
				}
			}
		})
	}
}

// TestBriefHeight checks that a brief's chart grows with its rows and the
// length of its labels, within 16:3 and 16:9.
func TestBriefHeight(t *testing.T) {
	bars := func(n int, label string, kind figures.Kind) figures.Chart {
		c := figures.Chart{Kind: kind, Synthetic: true}
		for range n {
			c.Bars = append(c.Bars, figures.Bar{Label: label, Estimate: 0.3})
		}
		return c
	}
	short, long := "Yes", strings.Repeat("a long answer ", 5)
	for _, tt := range []struct {
		name         string
		lower, upper figures.Chart
	}{
		{"more rows", bars(2, short, figures.Bars), bars(4, short, figures.Bars)},
		{"longer labels", bars(3, short, figures.Bars), bars(3, long, figures.Bars)},
		{"more segments", bars(2, short, figures.Stacked), bars(5, short, figures.Stacked)},
		{"more steps", bars(2, short, figures.Funnel), bars(4, short, figures.Funnel)},
	} {
		lo, hi := briefHeight(tt.lower), briefHeight(tt.upper)
		if !(lo < hi) {
			t.Errorf("%s: height %.1f pt, not under %.1f pt", tt.name, lo, hi)
		}
		for _, h := range []float64{float64(lo), float64(hi)} {
			if h < float64(briefWidth*3/16)-1e-9 || h > float64(briefWidth*9/16)+1e-9 {
				t.Errorf("%s: height %.1f pt outside 16:3 to 16:9 of %.1f pt", tt.name, h, float64(briefWidth))
			}
		}
	}
	if h := briefHeight(bars(30, long, figures.Bars)); h != briefWidth*9/16 {
		t.Errorf("30 rows: height %.1f pt, want the 16:9 cap", h)
	}
}

var (
	svgOpen     = regexp.MustCompile(`<svg [^>]*viewBox="0 0 ([0-9.]+) ([0-9.]+)"`)
	svgFontSize = regexp.MustCompile(`font-size:\s*([0-9.]+)px`)
)

// TestBriefChartsPrintSize checks the inline charts of the shipped
// study's brief in every language: each is as wide as the text of an A4
// page (184 mm, so that it prints at 100%) and no text in it is under 8 pt
// (a unit of the SVG's view box is then one point).
func TestBriefChartsPrintSize(t *testing.T) {
	dir := sharedShipped(t)
	for _, name := range []string{"evidence.html", "evidence.de.html", "evidence.nl.html"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		svgs := svgOpen.FindAllSubmatch(b, -1)
		if len(svgs) != 3 {
			t.Fatalf("%s: %d inline charts, want 3", name, len(svgs))
		}
		for _, m := range svgs {
			w, _ := strconv.ParseFloat(string(m[1]), 64)
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			if mm := w / 72 * 25.4; mm < 183.9 || mm > 184.1 {
				t.Errorf("%s: chart %.1f mm wide, want 184", name, mm)
			}
			if h > w*6/16 {
				t.Errorf("%s: chart %.0f × %.0f pt, taller than 16:6", name, w, h)
			}
		}
		sizes := svgFontSize.FindAllSubmatch(b, -1)
		if len(sizes) == 0 {
			t.Fatalf("%s: no font sizes in the charts", name)
		}
		for _, m := range sizes {
			if v, _ := strconv.ParseFloat(string(m[1]), 64); v < 8 {
				t.Errorf("%s: chart text of %.2f pt, want at least 8", name, v)
			}
		}
	}
}
