package figures

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// ggFillString is FillString as vgimg has it: text drawn by gg.
func ggFillString(c *rasterCanvas, f font.Face, pt vg.Point, text string) {
	c.ctx.Push()
	defer c.ctx.Pop()
	face := f.FontFace(c.dpi)
	defer face.Close()
	c.ctx.SetFontFace(face)
	c.ctx.InvertY()
	c.ctx.DrawString(text, pt.X.Dots(c.dpi), c.h.Dots(c.dpi)-pt.Y.Dots(c.dpi))
}

// TestRasterTextMatchesGG checks that the canvas draws text with exactly
// the pixels of gg, which it replaces for speed.
func TestRasterTextMatchesGG(t *testing.T) {
	fonts := DefaultFonts()
	texts := []string{
		"AVAWAY To Ty 40% (36,4–43,7 %)", "Größe ÄÖÜ äöüß € — “quotes”", "n = 1.000", "i", " ",
		"\u0378 unknown glyph", "Wilson-Konfidenzintervalle 95 %",
	}
	colours := []color.Color{
		rgb(0x22, 0x22, 0x22), rgb(0xD5, 0x5E, 0x00), color.White,
		color.NRGBA{R: 0x00, G: 0x72, B: 0xB2, A: 0x80}, color.RGBA{R: 0x10, G: 0x20, B: 0x30, A: 0x40},
	}
	backgrounds := []color.Color{color.White, rgb(0x00, 0x72, 0xB2), color.NRGBA{R: 0xF0, G: 0xE4, B: 0x42, A: 0xC0}}
	points := []vg.Point{{X: 10, Y: 20}, {X: 10.3, Y: 20.71}, {X: -3.2, Y: 1}, {X: 100.49, Y: 99.99}, {X: 50, Y: 118}}
	for _, dpi := range []int{300, 150, 96} {
		for bi, bg := range backgrounds {
			var s1, s2 pngScratch
			fast := newRasterCanvas(160, 120, dpi, bg, &s1)
			slow := newRasterCanvas(160, 120, dpi, bg, &s2)
			for i, text := range texts {
				for j, pt := range points {
					clr := colours[(i+j)%len(colours)]
					size := vg.Length(5 + 3*((i+j)%4))
					face := fonts.face((i+j)%2 == 1, size)
					fast.SetColor(clr)
					slow.SetColor(clr)
					fast.FillString(face, pt, text)
					ggFillString(slow, face, pt, text)
				}
			}
			if !bytes.Equal(fast.Image().Pix, slow.Image().Pix) {
				n := 0
				for i := range fast.Image().Pix {
					if fast.Image().Pix[i] != slow.Image().Pix[i] {
						n++
					}
				}
				t.Errorf("dpi %d, background %d: %d of %d bytes differ from gg", dpi, bi, n, len(fast.Image().Pix))
			}
		}
	}
}

// TestEncodePNG checks that the PNG encoder round-trips through image/png
// and falls back to it for images it does not handle.
func TestEncodePNG(t *testing.T) {
	opaque := image.NewRGBA(image.Rect(2, 3, 40, 30))
	for i := range opaque.Pix {
		opaque.Pix[i] = uint8(i * 7)
		if i%4 == 3 {
			opaque.Pix[i] = 0xff
		}
	}
	translucent := image.NewRGBA(image.Rect(0, 0, 5, 4))
	translucent.Set(1, 1, color.RGBA{R: 0x20, A: 0x20}) // survives premultiplied → straight alpha
	gray := image.NewGray(image.Rect(0, 0, 7, 3))
	gray.Pix[4] = 0x80
	var s pngScratch
	for _, m := range []image.Image{opaque, opaque.SubImage(image.Rect(5, 5, 20, 12)), translucent, gray, opaque} {
		var buf bytes.Buffer
		if err := encodePNG(&buf, m, &s); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		b := m.Bounds()
		if got.Bounds().Size() != b.Size() {
			t.Fatalf("decoded %v, want size of %v", got.Bounds(), b)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				r1, g1, b1, a1 := m.At(x, y).RGBA()
				r2, g2, b2, a2 := got.At(x-b.Min.X+got.Bounds().Min.X, y-b.Min.Y+got.Bounds().Min.Y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					t.Fatalf("%T pixel (%d, %d) = %v, want %v", m, x, y, got.At(x, y), m.At(x, y))
				}
			}
		}
	}
}
