package figures

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Format is an output file format.
type Format string

// Output formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// Preset is an output size.
type Preset string

// Output sizes.
const (
	// Print is 16 × 9 cm; PNG at 300 dpi (1890 × 1063 px).
	Print Preset = "print"
	// Social is 1200 × 675 px (16:9, 8 × 4.5 in at 150 dpi).
	Social Preset = "social"
	// Square is 1080 × 1080 px (7.2 in at 150 dpi).
	Square Preset = "square"
)

// Formats lists all output formats.
func Formats() []Format { return []Format{PNG, SVG, PDF} }

// Presets lists all output sizes.
func Presets() []Preset { return []Preset{Print, Social, Square} }

// ParseFormat returns the format named s ("png", "svg" or "pdf").
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("figures: unknown format %q (want png, svg or pdf)", s)
}

// ParsePreset returns the preset named s ("print", "social" or "square").
func ParsePreset(s string) (Preset, error) {
	for _, p := range Presets() {
		if string(p) == s {
			return p, nil
		}
	}
	return "", fmt.Errorf("figures: unknown preset %q (want print, social or square)", s)
}

// presetSpec is the physical size and type scale of a chart.
type presetSpec struct {
	w, h   vg.Length
	dpi    int
	body   vg.Length // base font size
	margin vg.Length // blank border at the sides; 0.8 × margin at top and bottom
}

// Size is a chart size for a place the presets do not fit, such as a chart
// as wide as the text of an A4 page and only as tall as its bars need.
type Size struct {
	// Width and Height are the size of the canvas (vg.Length is in points,
	// 1/72 inch: use vg.Centimeter, vg.Millimeter).
	Width, Height vg.Length
	// DPI is the resolution of PNG output, in dots per inch.
	DPI int
	// Body is the size of body text (row labels, values) in points; the
	// title is 1.6 × Body, axis labels and notes 0.85 × Body.
	Body vg.Length
	// Margin is the blank border at the sides (0.8 × Margin at top and
	// bottom); 0 means 2.4 × Body, as the presets have.
	Margin vg.Length
}

// Limits on a Size; see [Renderer.RenderSize].
const (
	maxSide   = 100 * vg.Centimeter
	maxPixels = 64 << 20
)

// spec checks s and returns it as a presetSpec.
func (s Size) spec() (presetSpec, error) {
	ok := func(v, hi vg.Length) bool { return v > 0 && v <= hi }
	if !ok(s.Width, maxSide) || !ok(s.Height, maxSide) {
		return presetSpec{}, fmt.Errorf("figures: size %.4g × %.4g pt: want sides over 0 and up to %g pt", float64(s.Width), float64(s.Height), float64(maxSide))
	}
	if s.DPI < 1 {
		return presetSpec{}, fmt.Errorf("figures: %d dpi: want at least 1", s.DPI)
	}
	if px := float64(s.Width.Dots(float64(s.DPI))) * float64(s.Height.Dots(float64(s.DPI))); px > maxPixels {
		return presetSpec{}, fmt.Errorf("figures: %.4g × %.4g pt at %d dpi is %.0f pixels: want at most %d", float64(s.Width), float64(s.Height), s.DPI, px, maxPixels)
	}
	if !ok(s.Body, s.Height/2) {
		return presetSpec{}, fmt.Errorf("figures: body text of %.4g pt: want over 0 and up to half the height", float64(s.Body))
	}
	if s.Margin < 0 || 2*s.Margin >= s.Width || 1.6*s.Margin >= s.Height {
		return presetSpec{}, fmt.Errorf("figures: margin of %.4g pt: want at least 0 and leave room for the chart", float64(s.Margin))
	}
	return presetSpec{w: s.Width, h: s.Height, dpi: s.DPI, body: s.Body, margin: s.Margin}, nil
}

func (p Preset) spec() (presetSpec, error) {
	switch p {
	case Print:
		return presetSpec{w: 16 * vg.Centimeter, h: 9 * vg.Centimeter, dpi: 300, body: 7.5}, nil
	case Social:
		return presetSpec{w: 8 * vg.Inch, h: 4.5 * vg.Inch, dpi: 150, body: 9.5}, nil
	case Square:
		return presetSpec{w: 7.2 * vg.Inch, h: 7.2 * vg.Inch, dpi: 150, body: 9.5}, nil
	}
	return presetSpec{}, fmt.Errorf("figures: unknown preset %q (want print, social or square)", string(p))
}

// PixelSize returns the size of the preset's PNG output in pixels.
func (p Preset) PixelSize() (w, h int, err error) {
	s, err := p.spec()
	if err != nil {
		return 0, 0, err
	}
	return int(s.w.Dots(float64(s.dpi)) + 0.5), int(s.h.Dots(float64(s.dpi)) + 0.5), nil
}

// Render draws c in format f at size p with theme th and writes it to w.
// Zero fields of th take their values from [DefaultTheme]. Invalid chart
// content gives an error wrapping [ErrInvalidChart]; content that does not
// fit the preset (e.g. a very long title on too many rows) gives an error
// too. Render never panics.
//
// Output is byte-for-byte deterministic for identical input. PDF metadata
// dates are taken from SOURCE_DATE_EPOCH if set, else 1980-01-01 UTC; no
// package-level state of gonum/plot or fpdf is changed. PDF text is
// encoded as Windows-1252 (characters outside it print as "?").
//
// To draw many charts, use a [Renderer]: it gives the same bytes, faster.
func Render(w io.Writer, c Chart, f Format, p Preset, th Theme) error {
	return new(Renderer).Render(w, c, f, p, th)
}

// A Renderer draws charts as [Render] does and keeps the working memory of
// PNG output (the pixels, 8 MB at 300 dpi, and the compressor) for its
// next PNG, so that drawing many charts does not allocate, and have the
// operating system map and clear, that memory for every file. The output
// is the same as Render's.
//
// The zero value is ready to use. A Renderer is safe for concurrent use.
// It draws at most GOMAXPROCS PNGs at the same time (more callers wait
// for one to finish: there are no more cores to draw them on), so it
// keeps at most that many PNGs' memory, until it is itself garbage.
type Renderer struct {
	mu   sync.Mutex
	free []*pngScratch
	sem  chan struct{} // one token per PNG being drawn; made on first use
}

// getScratch returns scratch memory for one PNG, reused if possible,
// waiting while GOMAXPROCS PNGs are being drawn.
func (rd *Renderer) getScratch() *pngScratch {
	rd.mu.Lock()
	if rd.sem == nil {
		rd.sem = make(chan struct{}, max(runtime.GOMAXPROCS(0), 1))
	}
	sem := rd.sem
	rd.mu.Unlock()
	sem <- struct{}{}
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if n := len(rd.free); n > 0 {
		s := rd.free[n-1]
		rd.free = rd.free[:n-1]
		return s
	}
	return new(pngScratch)
}

// maxKeptScratch is the largest PNG scratch memory a Renderer keeps for
// its next PNG (the print preset's canvas is 8 MB; a larger one, from
// RenderSize, is used once and let go).
const maxKeptScratch = 16 << 20

// putScratch keeps s for the next PNG unless it is larger than
// maxKeptScratch.
func (rd *Renderer) putScratch(s *pngScratch) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if s.size() <= maxKeptScratch {
		rd.free = append(rd.free, s)
	}
	<-rd.sem
}

// Render draws c in format f at size p with theme th and writes it to w,
// as the package-level [Render].
func (rd *Renderer) Render(w io.Writer, c Chart, f Format, p Preset, th Theme) error {
	spec, err := p.spec()
	if err != nil {
		return err
	}
	return rd.render(w, c, f, spec, th)
}

// RenderSize draws c in format f at size s with theme th and writes it
// to w, as Render does at a preset. A size with a side outside (0, 100 cm],
// a PNG of more than 64 Mi pixels, body text over half the height or a
// margin that leaves no room is an error.
func (rd *Renderer) RenderSize(w io.Writer, c Chart, f Format, s Size, th Theme) error {
	spec, err := s.spec()
	if err != nil {
		return err
	}
	return rd.render(w, c, f, spec, th)
}

// render draws c at spec.
func (rd *Renderer) render(w io.Writer, c Chart, f Format, spec presetSpec, th Theme) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("figures: rendering %s chart failed: %v", c.Kind, r)
		}
	}()
	c, err = c.normalize()
	if err != nil {
		return err
	}
	th = th.withDefaults()

	var cw vg.CanvasWriterTo
	var img *rasterCanvas
	var scratch *pngScratch
	var dc draw.Canvas
	switch f {
	case PNG:
		scratch = rd.getScratch()
		defer rd.putScratch(scratch)
		img = newRasterCanvas(spec.w, spec.h, spec.dpi, th.Background, scratch)
		dc = draw.New(img)
	case SVG:
		if th.EmbedSVGFonts {
			sc := newSVGEmbedCanvas(spec.w, spec.h, th.Fonts, th.SVGWholeFonts)
			cw, dc = sc, draw.New(sc)
		} else {
			sc := vgsvg.NewWith(vgsvg.UseWH(spec.w, spec.h))
			cw, dc = sc, draw.New(sc)
		}
	case PDF:
		pc := newPDFCanvas(spec.w, spec.h, th.Fonts)
		cw, dc = pc, draw.New(pc)
	default:
		return fmt.Errorf("figures: unknown format %q (want png, svg or pdf)", string(f))
	}
	if f != PNG { // the raster canvas fills its own background
		dc.SetColor(th.Background)
		dc.Fill(rectPath(0, 0, spec.w, spec.h))
	}
	r := &renderer{c: c, th: th, dc: dc, spec: spec,
		nf: newNumFormat(c.Lang, c.Decimals, nbsp), words: wording[c.Lang]}
	if err := r.draw(); err != nil {
		return err
	}
	if img != nil {
		err = encodePNG(w, img.Image(), scratch)
	} else {
		_, err = cw.WriteTo(w)
	}
	if err != nil {
		return fmt.Errorf("figures: write %s: %w", f, err)
	}
	return nil
}
