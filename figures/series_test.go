package figures

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleSeries returns a trend and a dumbbell chart of two shares in two
// surveys (made-up numbers).
func sampleSeries(lang string) map[string]Chart {
	series := []Series{
		{Label: "Never noticed", Points: []Bar{
			{Estimate: 0.18, Lower: 0.158, Upper: 0.205, N: 1009},
			{Estimate: 0.26, Lower: 0.232, Upper: 0.291, N: 861},
		}, Note: "+8.0 points, 95% CI 4.2 to 11.8"},
		{Label: "Ignore them", Points: []Bar{
			{Estimate: 0.39, Lower: 0.36, Upper: 0.42, N: 1009},
			{Estimate: 0.43, Lower: 0.397, Upper: 0.463, N: 861},
		}, Note: "+4.0 points, 95% CI −0.5 to 8.5"},
	}
	out := map[string]Chart{}
	for _, k := range []Kind{Trend, Dumbbell} {
		out[k.String()] = Chart{
			Kind: k, Lang: lang, Title: "Cookie banners, two surveys",
			Subtitle: "Share of internet users", Base: "Base: 1,009 (2018) and 861 (2020) internet users",
			Method: "95% Wilson score intervals", Source: "Source: two surveys",
			Periods: []string{"2018", "2020"}, Series: series,
		}
	}
	return out
}

func TestSeriesGoldenSVG(t *testing.T) {
	th := DefaultTheme()
	th.EmbedSVGFonts = false
	for name, c := range sampleSeries("de") {
		t.Run(name, func(t *testing.T) {
			got := render(t, c, SVG, Social, th)
			path := filepath.Join("testdata", name+"-de-social.svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from rendered output; inspect and run go test -update if intended", path)
			}
		})
	}
}

// TestSeriesRender draws both kinds in every language, format and preset,
// twice, and compares the bytes.
func TestSeriesRender(t *testing.T) {
	for _, lang := range []string{"en", "de", "nl"} {
		for name, c := range sampleSeries(lang) {
			for _, p := range Presets() {
				for _, f := range Formats() {
					if f == PDF && p != Print {
						continue
					}
					a := render(t, c, f, p, DefaultTheme())
					b := render(t, c, f, p, DefaultTheme())
					if !bytes.Equal(a, b) || len(a) == 0 {
						t.Errorf("%s %s %s %s: not deterministic", name, lang, f, p)
					}
				}
			}
		}
	}
}

func TestSeriesAltText(t *testing.T) {
	c := sampleSeries("de")["dumbbell"]
	got := AltText(c)
	for _, want := range []string{
		"Hanteldiagramm: Cookie banners, two surveys.",
		"Never noticed: 2018 18 % (Intervall 16–21 %, n = 1.009); 2020 26 % (Intervall 23–29 %, n = 861).",
		"+8.0 points, 95% CI 4.2 to 11.8.",
		"Base: 1,009 (2018)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("alt text lacks %q:\n%s", want, got)
		}
	}
}

func TestSeriesAxis(t *testing.T) {
	c := sampleSeries("en")["trend"]
	for _, tc := range []struct {
		free   bool
		lo, hi float64
	}{{false, 0, 0.5}, {true, 0.1, 0.5}} {
		c.FreeAxis = tc.free
		n, err := c.normalize()
		if err != nil {
			t.Fatal(err)
		}
		a := (&renderer{c: n}).seriesAxis()
		if a.lo != tc.lo || a.hi != tc.hi {
			t.Errorf("free %v: axis %v–%v, want %v–%v", tc.free, a.lo, a.hi, tc.lo, tc.hi)
		}
	}
}

func TestSeriesInvalid(t *testing.T) {
	base := sampleSeries("en")["dumbbell"]
	for _, tc := range []struct {
		name   string
		change func(c *Chart)
		want   string
	}{
		{"no series", func(c *Chart) { c.Series = nil }, "without series"},
		{"one survey", func(c *Chart) { c.Periods = c.Periods[:1] }, "1 surveys, want 2"},
		{"points", func(c *Chart) { c.Periods = append(c.Periods, "2022") }, "2 points for 3 surveys"},
		{"outside", func(c *Chart) { c.Series[0].Points[0].Upper = 0.1 }, "does not contain estimate"},
		{"not a share", func(c *Chart) { c.Series[1].Points[1].Estimate = 43 }, "not a share"},
		{"too many for dumbbell", func(c *Chart) {
			c.Periods = []string{"a", "b", "c", "d", "e"}
			for i := range c.Series {
				c.Series[i].Points = append(c.Series[i].Points, c.Series[i].Points[0], c.Series[i].Points[0], c.Series[i].Points[0])
			}
		}, "use a trend chart"},
	} {
		c := base
		c.Series = []Series{}
		for _, s := range base.Series {
			s.Points = append([]Bar(nil), s.Points...)
			c.Series = append(c.Series, s)
		}
		c.Periods = append([]string(nil), base.Periods...)
		tc.change(&c)
		err := Render(new(bytes.Buffer), c, SVG, Social, DefaultTheme())
		if !errors.Is(err, ErrInvalidChart) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
