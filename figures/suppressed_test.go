package figures

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSuppressedEveryKind checks that every chart kind with one or all rows
// too small to publish is drawn (not rejected) in every format and preset,
// and that the chart says which rows are not shown.
func TestSuppressedEveryKind(t *testing.T) {
	samples := sampleCharts("en")
	net := samples["stacked"]
	net.Brackets = []Bracket{{Label: "Do not oppose", First: 0, Last: 1, Estimate: 0.34, Lower: 0.307, Upper: 0.375}}
	samples["stacked-net"] = net
	tests := []struct {
		sample string
		supp   []int // indices of suppressed rows; nil = all
	}{
		{"bars", []int{2}},
		{"bars", nil},
		{"stacked", []int{1}},
		{"stacked", nil},
		{"stacked-net", []int{0}},
		{"funnel", []int{1}},
		{"funnel", nil},
		{"waffle", []int{0}},
		{"waffle", nil},
		{"forest", []int{0}},
		{"forest", nil},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.sample, tt.supp), func(t *testing.T) {
			c, ok := samples[tt.sample]
			if !ok {
				t.Fatalf("no sample chart %q", tt.sample)
			}
			c.Bars = slices.Clone(c.Bars)
			for i := range c.Bars {
				c.Bars[i].Suppressed = tt.supp == nil || slices.Contains(tt.supp, i)
			}
			for _, p := range Presets() {
				for _, f := range Formats() {
					if err := Render(io.Discard, c, f, p, DefaultTheme()); err != nil {
						t.Fatalf("Render(%s, %s): %v", f, p, err)
					}
				}
			}
			pdf := pdfText(t, render(t, c, PDF, Print, DefaultTheme()))
			if !strings.Contains(pdf, "not shown") {
				t.Errorf("PDF lacks the note %q:\n%s", "n < 30 – not shown", pdf)
			}
			alt := AltText(c)
			want := 1
			if tt.supp == nil || c.Kind == Stacked {
				// The segments of a stacked bar share one base: all go.
				want = len(c.Bars)
			}
			if got := strings.Count(alt, "not shown (n < 30)"); got != want {
				t.Errorf("alt text names %d rows not shown, want %d:\n%s", got, want, alt)
			}
			if c.Kind == Stacked && tt.sample == "stacked-net" && strings.Contains(alt, c.Brackets[0].Label) {
				t.Errorf("alt text of a suppressed stack still gives the net %q:\n%s", c.Brackets[0].Label, alt)
			}
		})
	}
}

// TestSuppressedReason: a row suppressed for another reason than the
// small-cell rule (a design-based estimate without degrees of freedom)
// says that reason in the chart and its alt text, not "n < 30".
func TestSuppressedReason(t *testing.T) {
	const why = "no degrees of freedom: not shown"
	for _, kind := range []string{"bars", "forest", "stacked"} {
		c := sampleCharts("en")[kind]
		c.Bars = slices.Clone(c.Bars)
		c.Bars[0].Suppressed, c.Bars[0].NotShown = true, why
		if c.Kind == Stacked {
			for i := range c.Bars {
				c.Bars[i].Suppressed, c.Bars[i].NotShown = true, why
			}
		}
		before := strings.Count(AltText(sampleCharts("en")[kind]), "n < 30")
		alt := AltText(c)
		if !strings.Contains(alt, why) || (c.Kind != Stacked && strings.Count(alt, "n < 30") != before) {
			t.Errorf("%s: alt text %q: want %q instead of the small-cell note for that row", kind, alt, why)
		}
		if pdf := pdfText(t, render(t, c, PDF, Print, DefaultTheme())); !strings.Contains(pdf, "degrees of freedom") {
			t.Errorf("%s: chart lacks %q:\n%s", kind, why, pdf)
		}
	}
}

// TestSuppressedAxis: a chart whose every estimate is suppressed has no
// data to scale its axis to; it spans 0–100%, or up to its reference line
// (the trial of issue #13 drew 0–2%, as if the share were tiny). Charts
// with a shown estimate keep their axis.
func TestSuppressedAxis(t *testing.T) {
	shown := Bar{Label: "Yes", Estimate: 0.03, Lower: 0.01, Upper: 0.06}
	hidden := Bar{Label: "Yes", Suppressed: true, NotShown: "no degrees of freedom: not shown"}
	for _, tc := range []struct {
		name   string
		bars   []Bar
		ref    float64
		forest bool
		lo, hi float64
	}{
		{"all suppressed", []Bar{hidden}, 0, false, 0, 1},
		{"all suppressed, forest", []Bar{hidden, hidden}, 0, true, 0, 1},
		{"all suppressed, reference 10%", []Bar{hidden}, 0.1, false, 0, 0.15},
		{"all suppressed, reference 50%", []Bar{hidden}, 0.5, false, 0, 0.6},
		{"one shown", []Bar{hidden, shown}, 0, false, 0, 0.08},
	} {
		r := &renderer{c: Chart{Bars: tc.bars, Reference: tc.ref}}
		a := r.shareAxis(tc.forest)
		if math.Abs(a.lo-tc.lo) > 1e-9 || math.Abs(a.hi-tc.hi) > 1e-9 {
			t.Errorf("%s: axis %v–%v, want %v–%v", tc.name, a.lo, a.hi, tc.lo, tc.hi)
		}
	}
}
