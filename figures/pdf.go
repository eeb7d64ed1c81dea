// This file adapts gonum.org/v1/plot/vg/vgpdf (Copyright ©2015 The Gonum
// Authors, BSD-style licence) to fix three problems of vgpdf v0.17.0 that
// matter for published charts:
//
//   - vgpdf passes UTF-8 strings to fonts that fpdf encodes as
//     Windows-1252, garbling every non-ASCII character (gonum/plot issue
//     #347). Here the fonts are embedded as UTF-8 TrueType fonts (fpdf's
//     AddUTF8FontFromBytes: a subset of the glyphs used, Identity-H
//     encoding and a ToUnicode map), so a PDF draws every character the
//     PNG and SVG draw, and its text can be copied and searched.
//   - vgpdf names every embedded font file "font.z"; fpdf keys embedded
//     files by that name, so a PDF with a regular and a bold face embeds
//     the same glyphs for both. Here each face gets its own family name.
//   - fpdf writes the current time into the document. Here the creation
//     and modification dates are set on each document (from
//     SOURCE_DATE_EPOCH, else 1980-01-01), and catalogs are sorted, so the
//     output is reproducible without touching fpdf's package-level
//     defaults.

package figures

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	stdfnt "golang.org/x/image/font"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// pdfDPI is the nominal resolution of drawing in PDF.
const pdfDPI = 72

// pdfCanvas implements vg.Canvas, drawing to a PDF document.
type pdfCanvas struct {
	doc   *fpdf.Fpdf
	w, h  vg.Length
	fonts *Fonts
	stack []pdfContext
	added map[string]bool // font family names registered with doc
	nimg  int
	err   error
}

type pdfContext struct {
	width vg.Length
}

// reproducibleDate is the date written into PDF metadata.
func reproducibleDate() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if sec, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

func newPDFCanvas(w, h vg.Length, fonts *Fonts) *pdfCanvas {
	doc := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: w.Points(), Ht: h.Points()},
	})
	t := reproducibleDate()
	doc.SetCreationDate(t)
	doc.SetModificationDate(t)
	doc.SetCatalogSort(true)
	doc.SetMargins(0, 0, 0)
	doc.SetAutoPageBreak(false, 0)
	doc.AddPage()
	c := &pdfCanvas{doc: doc, w: w, h: h, fonts: fonts,
		stack: make([]pdfContext, 1), added: make(map[string]bool)}
	c.Push()
	c.Translate(vg.Point{X: 0, Y: h})
	c.Scale(1, -1)
	vg.Initialize(c)
	return c
}

func (c *pdfCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pdfCanvas) unit(l vg.Length) float64 { return l.Dots(pdfDPI) }

func (c *pdfCanvas) point(pt vg.Point) (float64, float64) { return c.unit(pt.X), c.unit(pt.Y) }

func (c *pdfCanvas) context() *pdfContext { return &c.stack[len(c.stack)-1] }

func (c *pdfCanvas) SetLineWidth(w vg.Length) {
	c.context().width = w
	c.doc.SetLineWidth(c.unit(w))
}

func (c *pdfCanvas) SetLineDash(dashes []vg.Length, offs vg.Length) {
	ds := make([]float64, len(dashes))
	for i, d := range dashes {
		ds[i] = c.unit(d)
	}
	c.doc.SetDashPattern(ds, c.unit(offs))
}

func (c *pdfCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	r, g, b, a := clr.RGBA()
	ri, gi, bi := int(r>>8), int(g>>8), int(b>>8)
	c.doc.SetFillColor(ri, gi, bi)
	c.doc.SetDrawColor(ri, gi, bi)
	c.doc.SetTextColor(ri, gi, bi)
	c.doc.SetAlpha(float64(a)/math.MaxUint16, "Normal")
}

func (c *pdfCanvas) Rotate(r float64) { c.doc.TransformRotate(-r*180/math.Pi, 0, 0) }

func (c *pdfCanvas) Translate(pt vg.Point) {
	x, y := c.point(pt)
	c.doc.TransformTranslate(x, y)
}

func (c *pdfCanvas) Scale(x, y float64) { c.doc.TransformScale(x*100, y*100, 0, 0) }

func (c *pdfCanvas) Push() {
	c.stack = append(c.stack, *c.context())
	c.doc.TransformBegin()
}

func (c *pdfCanvas) Pop() {
	c.doc.TransformEnd()
	c.stack = c.stack[:len(c.stack)-1]
}

func (c *pdfCanvas) Stroke(p vg.Path) {
	if c.context().width > 0 {
		c.path(p, "D")
	}
}

func (c *pdfCanvas) Fill(p vg.Path) { c.path(p, "F") }

func (c *pdfCanvas) path(p vg.Path, style string) {
	var x0, y0 float64
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			x0, y0 = c.point(comp.Pos)
			c.doc.MoveTo(x0, y0)
		case vg.LineComp:
			c.doc.LineTo(c.point(comp.Pos))
		case vg.ArcComp:
			c.arc(comp, style)
		case vg.CurveComp:
			px, py := c.point(comp.Pos)
			switch len(comp.Control) {
			case 1:
				cx, cy := c.point(comp.Control[0])
				c.doc.CurveTo(cx, cy, px, py)
			case 2:
				cx, cy := c.point(comp.Control[0])
				dx, dy := c.point(comp.Control[1])
				c.doc.CurveBezierCubicTo(cx, cy, dx, dy, px, py)
			}
		case vg.CloseComp:
			c.doc.LineTo(x0, y0)
			c.doc.ClosePath()
		}
	}
	c.doc.DrawPath(style)
}

func (c *pdfCanvas) arc(comp vg.PathComp, style string) {
	x0 := comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start))
	y0 := comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start))
	c.doc.LineTo(c.point(vg.Point{X: x0, Y: y0}))
	r := c.unit(comp.Radius)
	const deg = 180 / math.Pi
	beg := comp.Start * deg
	c.doc.Arc(c.unit(comp.Pos.X), c.unit(comp.Pos.Y), r, r, comp.Angle*deg, beg, beg+comp.Angle*deg, style)
	x1 := comp.Pos.X + comp.Radius*vg.Length(math.Cos(comp.Start+comp.Angle))
	y1 := comp.Pos.Y + comp.Radius*vg.Length(math.Sin(comp.Start+comp.Angle))
	c.doc.MoveTo(c.point(vg.Point{X: x1, Y: y1}))
}

// FillString draws s with its baseline starting at pt.
func (c *pdfCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Size == 0 || c.err != nil {
		return
	}
	bold := f.Font.Weight >= stdfnt.WeightSemiBold
	family := "regular"
	if bold {
		family = "bold"
	}
	if !c.added[family] {
		ttf, err := c.fonts.pdfFont(bold, f)
		if err != nil {
			c.err = err
			return
		}
		c.doc.AddUTF8FontFromBytes(family, "", ttf)
		if err := c.doc.Error(); err != nil {
			c.err = fmt.Errorf("figures: PDF font: %w", err)
			return
		}
		c.added[family] = true
	}
	size := c.unit(f.Font.Size)
	c.doc.SetFont(family, "", size)
	s = pdfBMP(s)

	c.Push()
	defer c.Pop()
	c.Translate(pt)
	c.Scale(1, -1) // fpdf's origin is the top-left corner
	// Place the baseline at pt, as vgpdf does.
	_, h := c.doc.GetFontSize()
	d := c.doc.GetFontDesc(family, "")
	top := 0.81 * h
	if d.Ascent != 0 {
		top = -float64(d.Ascent) * h / float64(d.Ascent-d.Descent)
	}
	c.doc.MoveTo(-c.doc.GetCellMargin(), top)
	c.doc.CellFormat(c.doc.GetStringWidth(s), h, s, "", 0, "BL", false, 0, "")
}

func (c *pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		c.err = fmt.Errorf("figures: encode image for PDF: %w", err)
		return
	}
	c.nimg++
	name := fmt.Sprintf("image_%03d.png", c.nimg)
	opts := fpdf.ImageOptions{ImageType: "png", ReadDpi: true}
	c.doc.RegisterImageOptionsReader(name, opts, &buf)
	x, y := c.point(rect.Min)
	w, h := c.point(rect.Size())
	c.doc.ImageOptions(name, x, y, w, h, false, opts, 0, "")
}

// WriteTo finishes the document and writes it to w. The canvas must not be
// used afterwards.
func (c *pdfCanvas) WriteTo(w io.Writer) (int64, error) {
	if c.err != nil {
		return 0, c.err
	}
	c.Pop()
	c.doc.Close()
	cw := &countWriter{w: w}
	b := bufio.NewWriter(cw)
	if err := c.doc.Output(b); err != nil {
		return cw.n, fmt.Errorf("figures: write PDF: %w", err)
	}
	return cw.n, b.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// pdfBMP replaces the characters beyond the Basic Multilingual Plane
// (above U+FFFF, e.g. emoji) with U+FFFD: fpdf's UTF-8 fonts index glyphs
// by 16-bit code and fail on anything above. CheckText warns about them.
func pdfBMP(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return unicode.ReplacementChar
				}
				return r
			}, s)
		}
	}
	return s
}

// pdfFont returns the font file of the regular or bold face for fpdf,
// reading it on first use and caching it in f.
func (f *Fonts) pdfFont(bold bool, face font.Face) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if d, ok := f.pdf[bold]; ok {
		return d, nil
	}
	var raw bytes.Buffer
	if _, err := face.Face.WriteSourceTo(nil, &raw); err != nil {
		return nil, fmt.Errorf("figures: read font for PDF: %w", err)
	}
	if f.pdf == nil {
		f.pdf = make(map[bool][]byte)
	}
	f.pdf[bold] = raw.Bytes()
	return raw.Bytes(), nil
}
