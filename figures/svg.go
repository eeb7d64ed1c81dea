package figures

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// What vgsvg v0.17.0 writes around embedded fonts: its header ends with
// the <svg> start tag, then come the @font-face rules of the fonts in the
// order of first use, then the drawing.
const (
	svgHeaderEnd  = `xmlns:xlink="http://www.w3.org/1999/xlink">` + "\n"
	svgStyleOpen  = "<defs>\n\t<style>\n"
	svgStyleClose = "\t</style>\n</defs>\n"
)

// svgEmbedCanvas is a vgsvg canvas that embeds its fonts as
// vgsvg.EmbedFonts(true) does, with the same bytes, but converts each font
// to an @font-face rule (half a megabyte of base64) once per Fonts value
// instead of once per chart: vgsvg reads, encodes and copies both fonts
// for every SVG, which made the SVGs of a report cost as much as their
// PNGs. TestSVGEmbedMatchesVGSVG checks the bytes.
type svgEmbedCanvas struct {
	*vgsvg.Canvas // without embedded fonts
	fonts         *Fonts
	used          []font.Face // in order of first use, one per font
}

func newSVGEmbedCanvas(w, h vg.Length, fonts *Fonts) *svgEmbedCanvas {
	return &svgEmbedCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(w, h)), fonts: fonts}
}

// FillString draws text and notes its font.
func (c *svgEmbedCanvas) FillString(f font.Face, pt vg.Point, text string) {
	c.Canvas.FillString(f, pt, text)
	for _, u := range c.used {
		if sameFont(u, f) {
			return
		}
	}
	c.used = append(c.used, f)
}

// sameFont reports whether a and b are the same font at any size. vgsvg
// embeds one rule per family, variant, weight and style; a Fonts value
// has two faces, which differ in weight, so this is the same test.
func sameFont(a, b font.Face) bool {
	fa, fb := a.Font, b.Font
	fa.Size, fb.Size = 0, 0
	return fa == fb && a.Face == b.Face
}

// WriteTo writes the SVG document with the fonts embedded.
func (c *svgEmbedCanvas) WriteTo(w io.Writer) (int64, error) {
	var doc bytes.Buffer
	if _, err := c.Canvas.WriteTo(&doc); err != nil {
		return 0, err
	}
	b := doc.Bytes()
	i := bytes.Index(b, []byte(svgHeaderEnd))
	if i < 0 {
		return 0, errors.New("figures: unexpected SVG header from vgsvg")
	}
	i += len(svgHeaderEnd)
	rules := make([]string, len(c.used))
	n := len(b) + len(svgStyleOpen) + len(svgStyleClose)
	for k, f := range c.used {
		r, err := c.fonts.svgFontFace(f)
		if err != nil {
			return 0, err
		}
		rules[k] = r
		n += len(r)
	}
	if bb, ok := w.(*bytes.Buffer); ok {
		bb.Grow(n)
	}
	var written int64
	write := func(p []byte) error {
		m, err := w.Write(p)
		written += int64(m)
		return err
	}
	if err := write(b[:i]); err != nil {
		return written, err
	}
	if err := write([]byte(svgStyleOpen)); err != nil {
		return written, err
	}
	for _, r := range rules {
		if err := write([]byte(r)); err != nil {
			return written, err
		}
	}
	if err := write([]byte(svgStyleClose)); err != nil {
		return written, err
	}
	return written, write(b[i:])
}

// svgFontFace returns the @font-face rule that vgsvg embeds for f, one of
// the faces of fonts, converting it on first use.
func (fonts *Fonts) svgFontFace(f font.Face) (string, error) {
	key := f.Font
	key.Size = 0
	fonts.mu.Lock()
	defer fonts.mu.Unlock()
	if r, ok := fonts.svg[key]; ok {
		return r, nil
	}
	// Have vgsvg embed the font in an SVG of its own and cut the rule out.
	c := vgsvg.NewWith(vgsvg.UseWH(1, 1), vgsvg.EmbedFonts(true))
	c.FillString(f, vg.Point{}, "x")
	var doc strings.Builder
	if _, err := c.WriteTo(&doc); err != nil {
		return "", fmt.Errorf("figures: embed font in SVG: %w", err)
	}
	_, rest, ok1 := strings.Cut(doc.String(), svgStyleOpen)
	rule, _, ok2 := strings.Cut(rest, svgStyleClose)
	if !ok1 || !ok2 {
		return "", errors.New("figures: unexpected SVG font embedding from vgsvg")
	}
	if fonts.svg == nil {
		fonts.svg = make(map[font.Font]string)
	}
	fonts.svg[key] = rule
	return rule, nil
}
