package figures

import (
	"bytes"
	"image"
	"image/png"
	"testing"
)

// largestGap returns the largest run of rows without a drawn pixel
// (darker than near-white) as a fraction of the image height.
func largestGap(img image.Image) float64 {
	b := img.Bounds()
	gap, run := 0, 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		empty := true
		for x := b.Min.X; x < b.Max.X && empty; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			empty = r > 0xF000 && g > 0xF000 && bl > 0xF000
		}
		if empty {
			run++
			gap = max(gap, run)
		} else {
			run = 0
		}
	}
	return float64(gap) / float64(b.Dy())
}

// TestSquareUsesSpace: on the square preset, waffle, forest and bar charts
// with few rows fill the canvas instead of leaving a large empty band
// (the grid and rows used to keep their wide-canvas sizes: 40 % of a
// square waffle was empty).
func TestSquareUsesSpace(t *testing.T) {
	samples := sampleCharts("en")
	short := samples["waffle"]
	short.Bars = []Bar{{Label: "Yes", Estimate: 0.41, Lower: 0.36, Upper: 0.46, N: 480}, {Label: "No", Estimate: 0.59, Lower: 0.54, Upper: 0.64, N: 480}}
	samples["waffle, short labels"] = short
	for _, name := range []string{"waffle", "waffle, short labels", "forest", "bars"} {
		c := samples[name]
		c.Bars = c.Bars[:min(len(c.Bars), 3)]
		var buf bytes.Buffer
		if err := Render(&buf, c, PNG, Square, DefaultTheme()); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if g := largestGap(img); g > 0.18 {
			t.Errorf("%s: an empty band of %.0f%% of the square canvas", name, 100*g)
		} else {
			t.Logf("%s: largest empty band %.0f%%", name, 100*g)
		}
	}
}
