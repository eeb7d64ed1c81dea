package figures

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// stackedWithNet is the sample stacked chart with a bracket over its first
// two segments (a net of "approve" and "don't care").
func stackedWithNet(lang string) Chart {
	c := sampleCharts(lang)["stacked"]
	c.Brackets = []Bracket{{Label: "Do not oppose", First: 0, Last: 1, Estimate: 0.34, Lower: 0.307, Upper: 0.375}}
	return c
}

func TestBracketGoldenSVG(t *testing.T) {
	th := DefaultTheme()
	th.EmbedSVGFonts = false
	got := render(t, stackedWithNet("de"), SVG, Social, th)
	path := filepath.Join("testdata", "stacked-net-de-social.svg")
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
}

func TestBracketRenderAndAltText(t *testing.T) {
	for _, lang := range []string{"en", "de", "nl"} {
		for _, p := range Presets() {
			if b := render(t, stackedWithNet(lang), PNG, p, DefaultTheme()); len(b) == 0 {
				t.Errorf("%s %s: empty", lang, p)
			}
		}
	}
	if got := AltText(stackedWithNet("de")); !strings.Contains(got, "Do not oppose: 34 % (Intervall 31–38 %).") {
		t.Errorf("alt text lacks the net:\n%s", got)
	}
}

func TestBracketInvalid(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(c *Chart)
		want   string
	}{
		{"range", func(c *Chart) { c.Brackets[0].Last = 3 }, "segments 1 to 4 of 3"},
		{"reversed", func(c *Chart) { c.Brackets[0].First = 2 }, "segments 3 to 2"},
		{"outside", func(c *Chart) { c.Brackets[0].Upper = 0.3 }, "does not contain estimate"},
		{"not stacked", func(c *Chart) { c.Kind = Bars }, "brackets on a bars chart"},
	} {
		c := stackedWithNet("en")
		c.Brackets = append([]Bracket(nil), c.Brackets...)
		tc.change(&c)
		err := Render(new(bytes.Buffer), c, SVG, Social, DefaultTheme())
		if !errors.Is(err, ErrInvalidChart) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}
