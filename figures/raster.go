// This file adapts the Canvas of gonum.org/v1/plot/vg/vgimg (Copyright
// ©2015 The Gonum Authors, BSD-style licence). It draws exactly as vgimg
// v0.17.0 does, with the same calls to git.sr.ht/~sbinet/gg, so the pixels
// are the same, but it draws into an image it allocates itself:
// vgimg.NewWith allocates an image, fills it, and then has gg copy it into
// a second image of the same size (gg.NewContextForImage always copies),
// which for a 300 dpi chart is 8 MB allocated and copied for nothing.
// vgimg's own way around the copy (UseImageWithContext) takes the canvas
// size from the pixel size, which is not the size of a print chart
// (16 cm at 300 dpi is 1889.76 pixels, drawn on 1890), so text would move.

package figures

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"git.sr.ht/~sbinet/gg"
	stdfnt "golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// rasterCanvas implements vg.Canvas, drawing to an RGBA image.
type rasterCanvas struct {
	ctx   *gg.Context
	img   *image.RGBA
	w, h  vg.Length
	dpi   float64
	width vg.Length     // line width
	color []color.Color // colour stack, as Push and Pop
}

// newRasterCanvas returns a canvas of size w × h at dpi dots per inch,
// filled with bg. The image is w × h rounded to whole pixels; its pixels
// are s.pix, grown if needed.
func newRasterCanvas(w, h vg.Length, dpi int, bg color.Color, s *pngScratch) *rasterCanvas {
	pw := w / vg.Inch * vg.Length(dpi)
	ph := h / vg.Inch * vg.Length(dpi)
	r := image.Rect(0, 0, int(pw+0.5), int(ph+0.5))
	if n := 4 * r.Dx() * r.Dy(); cap(s.pix) < n {
		s.pix = make([]uint8, n)
	}
	// Every pixel is set by the background fill below.
	img := &image.RGBA{Pix: s.pix[:4*r.Dx()*r.Dy()], Stride: 4 * r.Dx(), Rect: r}
	c := &rasterCanvas{ctx: gg.NewContextForRGBA(img), img: img, w: w, h: h, dpi: float64(dpi)}
	c.ctx.SetLineCapButt()
	c.ctx.InvertY()
	draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
	c.color = []color.Color{color.Black}
	vg.Initialize(c)
	return c
}

// Image returns the image drawn on.
func (c *rasterCanvas) Image() *image.RGBA { return c.img }

// Size returns the size of the canvas.
func (c *rasterCanvas) Size() (w, h vg.Length) { return c.w, c.h }

// SetLineWidth sets the width of stroked lines.
func (c *rasterCanvas) SetLineWidth(w vg.Length) {
	c.width = w
	c.ctx.SetLineWidth(w.Dots(c.dpi))
}

// SetLineDash sets the dash pattern of stroked lines.
func (c *rasterCanvas) SetLineDash(ds []vg.Length, offs vg.Length) {
	dashes := make([]float64, len(ds))
	for i, d := range ds {
		dashes[i] = d.Dots(c.dpi)
	}
	c.ctx.SetDashOffset(offs.Dots(c.dpi))
	c.ctx.SetDash(dashes...)
}

// SetColor sets the colour of strokes, fills and text.
func (c *rasterCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.ctx.SetColor(clr)
	c.color[len(c.color)-1] = clr
}

// Rotate rotates the coordinate system by t radians.
func (c *rasterCanvas) Rotate(t float64) { c.ctx.Rotate(t) }

// Translate moves the origin to pt.
func (c *rasterCanvas) Translate(pt vg.Point) {
	c.ctx.Translate(pt.X.Dots(c.dpi), pt.Y.Dots(c.dpi))
}

// Scale scales the coordinate system.
func (c *rasterCanvas) Scale(x, y float64) { c.ctx.Scale(x, y) }

// Push saves the drawing state.
func (c *rasterCanvas) Push() {
	c.color = append(c.color, c.color[len(c.color)-1])
	c.ctx.Push()
}

// Pop restores the drawing state saved by the last Push.
func (c *rasterCanvas) Pop() {
	c.color = c.color[:len(c.color)-1]
	c.ctx.Pop()
}

// Stroke draws the outline of p.
func (c *rasterCanvas) Stroke(p vg.Path) {
	if c.width <= 0 {
		return
	}
	c.outline(p)
	c.ctx.Stroke()
}

// Fill fills p.
func (c *rasterCanvas) Fill(p vg.Path) {
	c.outline(p)
	c.ctx.Fill()
}

func (c *rasterCanvas) outline(p vg.Path) {
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.ctx.MoveTo(comp.Pos.X.Dots(c.dpi), comp.Pos.Y.Dots(c.dpi))
		case vg.LineComp:
			c.ctx.LineTo(comp.Pos.X.Dots(c.dpi), comp.Pos.Y.Dots(c.dpi))
		case vg.ArcComp:
			c.ctx.DrawArc(comp.Pos.X.Dots(c.dpi), comp.Pos.Y.Dots(c.dpi),
				comp.Radius.Dots(c.dpi), comp.Start, comp.Start+comp.Angle)
		case vg.CurveComp:
			switch len(comp.Control) {
			case 1:
				c.ctx.QuadraticTo(
					comp.Control[0].X.Dots(c.dpi), comp.Control[0].Y.Dots(c.dpi),
					comp.Pos.X.Dots(c.dpi), comp.Pos.Y.Dots(c.dpi))
			case 2:
				c.ctx.CubicTo(
					comp.Control[0].X.Dots(c.dpi), comp.Control[0].Y.Dots(c.dpi),
					comp.Control[1].X.Dots(c.dpi), comp.Control[1].Y.Dots(c.dpi),
					comp.Pos.X.Dots(c.dpi), comp.Pos.Y.Dots(c.dpi))
			default:
				// Render recovers and returns this as an error.
				panic(fmt.Sprintf("figures: curve with %d control points", len(comp.Control)))
			}
		case vg.CloseComp:
			c.ctx.ClosePath()
		default:
			panic(fmt.Sprintf("figures: unknown path component %d", comp.Type))
		}
	}
}

// DPI returns the resolution of the canvas.
func (c *rasterCanvas) DPI() float64 { return c.dpi }

// FillString draws text with its baseline starting at pt.
func (c *rasterCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 {
		return
	}
	c.ctx.Push()
	defer c.ctx.Pop()
	face := f.FontFace(c.dpi)
	defer face.Close()
	c.ctx.SetFontFace(face)
	x := pt.X.Dots(c.dpi)
	y := pt.Y.Dots(c.dpi)
	h := c.h.Dots(c.dpi)
	c.ctx.InvertY()
	if c.untransformed() {
		c.drawString(face, text, x, h-y)
		return
	}
	c.ctx.DrawString(text, x, h-y)
}

// untransformed reports whether gg's current transformation matrix is the
// identity, as it is inside FillString unless the chart rotated, scaled or
// translated the canvas (figures never does).
func (c *rasterCanvas) untransformed() bool {
	x0, y0 := c.ctx.TransformPoint(0, 0)
	x1, y1 := c.ctx.TransformPoint(1, 0)
	x2, y2 := c.ctx.TransformPoint(0, 1)
	return x0 == 0 && y0 == 0 && x1 == 1 && y1 == 0 && x2 == 0 && y2 == 1
}

// drawString draws s with its baseline starting at (x, y) in pixels, with
// the same pixels as gg's Context.DrawString under the identity matrix.
//
// gg composites each glyph with x/image/draw's bilinear Kernel.Transform
// and a source mask, which takes its generic path: an interface call and
// an allocation per pixel, a quarter of the time of drawing a report. With
// the identity matrix every glyph is placed at whole pixels, each
// destination pixel samples exactly one mask pixel with weight 1, and the
// transform reduces to the integer arithmetic of glyphOver.
// TestRasterTextMatchesGG checks that the pixels are the same.
func (c *rasterCanvas) drawString(face stdfnt.Face, s string, x, y float64) {
	sr, sg, sb, sa := c.color[len(c.color)-1].RGBA()
	// as gg's drawString: the dot is rounded to 1/64 pixel
	dot := fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(y * 64))}
	prev := rune(-1)
	for _, r := range s {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		dr, mask, mp, advance, ok := face.Glyph(dot, r)
		if !ok {
			continue
		}
		c.glyphOver(dr, mask, mp, sr, sg, sb, sa)
		dot.X += advance
		prev = r
	}
}

// glyphOver draws the colour (sr, sg, sb, sa), premultiplied 16-bit,
// through mask (at mp) over the pixels dr, with the arithmetic of
// x/image/draw's transform_Image_Image_Over for a weight of 1: the source
// is scaled by the mask alpha, then dst = dst × (1 − alpha) + source in
// 16 bits, stored as its high byte by image.RGBA.Set.
func (c *rasterCanvas) glyphOver(dr image.Rectangle, mask image.Image, mp image.Point, sr, sg, sb, sa uint32) {
	const m = 0xffff
	b := dr.Intersect(c.img.Bounds())
	am, _ := mask.(*image.Alpha)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		my := mp.Y + y - dr.Min.Y
		for x := b.Min.X; x < b.Max.X; x++ {
			mx := mp.X + x - dr.Min.X
			var ma uint32
			if am != nil {
				ma = uint32(am.AlphaAt(mx, my).A) * 0x101
			} else {
				_, _, _, ma = mask.At(mx, my).RGBA()
			}
			if ma == 0 {
				continue // dst × 1 + 0: unchanged
			}
			pa := sa * ma / m
			pr, pg, pb := min(sr*ma/m, pa), min(sg*ma/m, pa), min(sb*ma/m, pa)
			pa1 := m - pa
			i := c.img.PixOffset(x, y)
			p := c.img.Pix[i : i+4 : i+4]
			p[0] = uint8((uint32(p[0])*0x101*pa1/m + pr) >> 8)
			p[1] = uint8((uint32(p[1])*0x101*pa1/m + pg) >> 8)
			p[2] = uint8((uint32(p[2])*0x101*pa1/m + pb) >> 8)
			p[3] = uint8((uint32(p[3])*0x101*pa1/m + pa) >> 8)
		}
	}
}

// DrawImage draws img scaled to fill rect.
func (c *rasterCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	xmin := rect.Min.X.Dots(c.dpi)
	ymin := rect.Min.Y.Dots(c.dpi)
	size := rect.Size()
	width, height := size.X.Dots(c.dpi), size.Y.Dots(c.dpi)
	dx, dy := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	c.ctx.Push()
	c.ctx.Scale(1, -1)
	c.ctx.Translate(xmin, -ymin-height)
	c.ctx.Scale(width/dx, height/dy)
	c.ctx.DrawImage(img, 0, 0)
	c.ctx.Pop()
}
