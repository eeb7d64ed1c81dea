package figures

import (
	"bytes"
	"image/png"
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestRenderSizeAsPreset checks that a Size with the measures of the print
// preset draws the same bytes as the preset, and that the margin is used:
// 0 is 2.4 × Body, another margin another drawing.
func TestRenderSizeAsPreset(t *testing.T) {
	print := Size{Width: 16 * vg.Centimeter, Height: 9 * vg.Centimeter, DPI: 300, Body: 7.5}
	for _, f := range []Format{SVG, PNG} {
		for _, name := range []string{"bars", "stacked"} {
			c := sampleCharts("en")[name]
			want := render(t, c, f, Print, DefaultTheme())
			for _, tt := range []struct {
				margin vg.Length
				same   bool
			}{{0, true}, {2.4 * 7.5, true}, {4, false}} {
				s := print
				s.Margin = tt.margin
				var buf bytes.Buffer
				if err := new(Renderer).RenderSize(&buf, c, f, s, DefaultTheme()); err != nil {
					t.Fatalf("%s %s margin %g: %v", name, f, tt.margin, err)
				}
				if bytes.Equal(buf.Bytes(), want) != tt.same {
					t.Errorf("%s %s margin %g: same bytes as the print preset %v, want %v", name, f, tt.margin, !tt.same, tt.same)
				}
			}
		}
	}
}

// TestRenderSizePixels checks the pixel size of a PNG at a custom size.
func TestRenderSizePixels(t *testing.T) {
	for _, tt := range []struct {
		s    Size
		w, h int
	}{
		{Size{Width: 184 * vg.Millimeter, Height: 90 * vg.Millimeter, DPI: 300, Body: 9.5, Margin: 4}, 2173, 1063},
		{Size{Width: 6 * vg.Inch, Height: 4 * vg.Inch, DPI: 100, Body: 8}, 600, 400},
	} {
		var buf bytes.Buffer
		if err := new(Renderer).RenderSize(&buf, sampleCharts("de")["bars"], PNG, tt.s, DefaultTheme()); err != nil {
			t.Fatalf("%+v: %v", tt.s, err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
			t.Errorf("%+v: PNG is %d×%d, want %d×%d", tt.s, b.Dx(), b.Dy(), tt.w, tt.h)
		}
	}
}

// TestRenderSizeInvalid checks that a size that cannot be drawn is an
// error, not a panic or an empty file.
func TestRenderSizeInvalid(t *testing.T) {
	ok := Size{Width: 18 * vg.Centimeter, Height: 10 * vg.Centimeter, DPI: 300, Body: 9}
	for _, tt := range []struct {
		name string
		edit func(*Size)
	}{
		{"zero width", func(s *Size) { s.Width = 0 }},
		{"negative height", func(s *Size) { s.Height = -1 }},
		{"width over 1 m", func(s *Size) { s.Width = 101 * vg.Centimeter }},
		{"no dpi", func(s *Size) { s.DPI = 0 }},
		{"too many pixels", func(s *Size) { s.Width, s.Height, s.DPI = 90*vg.Centimeter, 90*vg.Centimeter, 2400 }},
		{"no body text", func(s *Size) { s.Body = 0 }},
		{"body over half the height", func(s *Size) { s.Body = ok.Height/2 + 1 }},
		{"negative margin", func(s *Size) { s.Margin = -1 }},
		{"margin wider than the chart", func(s *Size) { s.Margin = ok.Width / 2 }},
	} {
		s := ok
		tt.edit(&s)
		var buf bytes.Buffer
		err := new(Renderer).RenderSize(&buf, sampleCharts("en")["bars"], PNG, s, DefaultTheme())
		if err == nil || buf.Len() != 0 {
			t.Errorf("%s: error %v, %d bytes written", tt.name, err, buf.Len())
		}
	}
	var buf bytes.Buffer
	if err := new(Renderer).RenderSize(&buf, sampleCharts("en")["bars"], PNG, ok, DefaultTheme()); err != nil || buf.Len() == 0 {
		t.Errorf("valid size: %v", err)
	}
}
