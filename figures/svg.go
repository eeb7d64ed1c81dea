package figures

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"html"
	"io"
	"slices"
	"strings"

	tdfont "github.com/tdewolff/font"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

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

// svgEmbedCanvas is a vgsvg canvas that embeds its fonts as @font-face
// rules in the form vgsvg.EmbedFonts(true) writes them (one rule per font,
// in the order of first use, a base64 TrueType file as data URL). Unless
// full is set, each font file is cut down to the glyphs the chart's text
// uses (see subsetFont): a few kilobytes instead of the 400 kB of a whole
// font, for every SVG. Whole fonts are for SVGs that share one set of
// rules, as charts inlined in one HTML page do. Whole-font rules are
// converted once per Fonts value, not once per chart as vgsvg does.
type svgEmbedCanvas struct {
	*vgsvg.Canvas // without embedded fonts
	fonts         *Fonts
	full          bool
	used          []font.Face         // in order of first use, one per font
	runes         []map[rune]struct{} // the runes drawn with each font of used
}

func newSVGEmbedCanvas(w, h vg.Length, fonts *Fonts, full bool) *svgEmbedCanvas {
	return &svgEmbedCanvas{Canvas: vgsvg.NewWith(vgsvg.UseWH(w, h)), fonts: fonts, full: full}
}

// FillString draws text and notes its font and runes.
func (c *svgEmbedCanvas) FillString(f font.Face, pt vg.Point, text string) {
	c.Canvas.FillString(f, pt, text)
	k := slices.IndexFunc(c.used, func(u font.Face) bool { return sameFont(u, f) })
	if k < 0 {
		k = len(c.used)
		c.used = append(c.used, f)
		c.runes = append(c.runes, make(map[rune]struct{}))
	}
	for _, r := range text {
		c.runes[k][r] = struct{}{}
	}
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
		if !c.full {
			r = r.subset(c.runes[k])
		}
		rules[k] = r.String()
		n += len(rules[k])
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

// svgRule is an @font-face rule as vgsvg writes it, cut around the
// base64 font file of its data URL.
type svgRule struct {
	head, tail string // the rule before and after the base64 text
	font       []byte // the TrueType file
}

// String returns the rule.
func (r svgRule) String() string {
	return r.head + base64.StdEncoding.EncodeToString(r.font) + r.tail
}

// subset returns the rule with its font cut down to the glyphs of runes,
// or r itself if the font cannot be subset faithfully (see subsetFont).
func (r svgRule) subset(runes map[rune]struct{}) svgRule {
	sub, err := subsetFont(r.font, runes)
	if err != nil {
		return r
	}
	r.font = sub
	return r
}

// svgFontFace returns the @font-face rule that vgsvg embeds for f, one of
// the faces of fonts, converting it on first use.
func (fonts *Fonts) svgFontFace(f font.Face) (svgRule, error) {
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
		return svgRule{}, fmt.Errorf("figures: embed font in SVG: %w", err)
	}
	_, rest, ok1 := strings.Cut(doc.String(), svgStyleOpen)
	rule, _, ok2 := strings.Cut(rest, svgStyleClose)
	head, rest, ok3 := strings.Cut(rule, svgFontData)
	b64, tail, ok4 := strings.Cut(rest, ")")
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return svgRule{}, errors.New("figures: unexpected SVG font embedding from vgsvg")
	}
	raw, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return svgRule{}, fmt.Errorf("figures: font embedded by vgsvg: %w", err)
	}
	r := svgRule{head: head + svgFontData, tail: ")" + tail, font: raw}
	if fonts.svg == nil {
		fonts.svg = make(map[font.Font]svgRule)
	}
	fonts.svg[key] = r
	return r, nil
}

// WholeSVGFonts returns svg, an SVG drawn by Render with th, with both
// faces of th's fonts (regular and bold) embedded whole: the rules of the
// fonts the chart embeds get the whole font files, and a face it does not
// use is added. This is for the one chart of an HTML page whose
// @font-face rules serve every chart inlined in the page (the rules apply
// to the whole page, and the glyphs and faces of one chart are not those
// of the others).
func WholeSVGFonts(svg []byte, th Theme) ([]byte, error) {
	th = th.withDefaults()
	out := svg
	var missing []string
	for _, bold := range []bool{false, true} {
		r, err := th.Fonts.svgFontFace(th.Fonts.face(bold, 10))
		if err != nil {
			return nil, err
		}
		i := bytes.Index(out, []byte(r.head))
		if i < 0 {
			if !slices.Contains(missing, r.String()) { // a house font may have one face for both
				missing = append(missing, r.String())
			}
			continue
		}
		j := bytes.IndexByte(out[i+len(r.head):], ')')
		if j < 0 {
			return nil, errors.New("figures: unterminated embedded font in SVG")
		}
		j += i + len(r.head)
		var b bytes.Buffer
		b.Grow(len(out) + len(r.font)*4/3)
		b.Write(out[:i])
		b.WriteString(r.head)
		b.WriteString(base64.StdEncoding.EncodeToString(r.font))
		b.Write(out[j:])
		out = b.Bytes()
	}
	if len(missing) == 0 {
		return out, nil
	}
	add := strings.Join(missing, "")
	var b bytes.Buffer
	if k := bytes.Index(out, []byte(svgStyleClose)); k >= 0 {
		b.Write(out[:k])
		b.WriteString(add)
		b.Write(out[k:])
		return b.Bytes(), nil
	}
	k := bytes.Index(out, []byte(svgHeaderEnd))
	if k < 0 {
		return nil, errors.New("figures: unexpected SVG header")
	}
	k += len(svgHeaderEnd)
	b.Write(out[:k])
	b.WriteString(svgStyleOpen + add + svgStyleClose)
	b.Write(out[k:])
	return b.Bytes(), nil
}

// SubsetPageFonts returns page, an HTML page whose inline SVG charts got
// their fonts from WholeSVGFonts, with each whole font cut down to the
// glyphs of every character in the page, character references decoded (a superset of what its charts
// draw: a few tens of kB instead of 1.1 MB). A font that cannot be subset
// faithfully stays whole (see subsetFont); a page without th's whole
// fonts is returned as it is.
func SubsetPageFonts(page []byte, th Theme) ([]byte, error) {
	th = th.withDefaults()
	var runes map[rune]struct{}
	out := page
	for _, bold := range []bool{false, true} {
		r, err := th.Fonts.svgFontFace(th.Fonts.face(bold, 10))
		if err != nil {
			return nil, err
		}
		whole := r.String()
		i := bytes.Index(out, []byte(whole))
		if i < 0 {
			continue
		}
		if runes == nil {
			// Every character of the page, also those written as
			// character references (&#39; for ').
			runes = make(map[rune]struct{})
			for _, c := range html.UnescapeString(string(page)) {
				runes[c] = struct{}{}
			}
		}
		sub := r.subset(runes).String()
		var b bytes.Buffer
		b.Grow(len(out) - len(whole) + len(sub))
		b.Write(out[:i])
		b.WriteString(sub)
		b.Write(out[i+len(whole):])
		out = b.Bytes()
	}
	return out, nil
}

// svgFontData is how vgsvg v0.17.0 starts the data URL of an embedded font.
const svgFontData = "url(data:font/ttf;charset=utf-8;base64,"

// subsetTables are the tables a subset font keeps: what a browser needs to
// draw the glyphs, and the legacy kern table, whose pairs gonum/plot
// applies when it measures text (font.Face.Width), so that the browser
// spaces the text as the layout did. Hinting tables are dropped.
var subsetTables = []string{"OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "kern", "loca", "maxp", "name", "post"}

// subsetFont returns the TrueType font ttf cut down to the glyphs of runes
// (and .notdef), with github.com/tdewolff/font. The subset is parsed again
// with golang.org/x/image/font/sfnt and must map every rune that ttf maps
// to a glyph with the same advance; otherwise (for instance two runes
// sharing one glyph, of which the subset's cmap keeps one) it returns an
// error and the caller embeds the whole font. ttf is not modified: it is
// parsed afresh for every call, because tdewolff's Subset changes tables
// of the font it is called on.
func subsetFont(ttf []byte, runes map[rune]struct{}) ([]byte, error) {
	src, err := tdfont.ParseSFNT(ttf, 0)
	if err != nil {
		return nil, err
	}
	if !src.IsTrueType {
		return nil, errors.New("not a TrueType font")
	}
	rs := make([]rune, 0, len(runes))
	for r := range runes {
		rs = append(rs, r)
	}
	slices.Sort(rs)
	ids := []uint16{0}
	for _, r := range rs {
		if g := src.GlyphIndex(r); g != 0 && !slices.Contains(ids, g) {
			ids = append(ids, g)
		}
	}
	sub, err := src.Subset(ids, tdfont.SubsetOptions{Tables: subsetTables})
	if err != nil {
		return nil, err
	}
	out, err := keepHeadDates(sub.Write(), ttf)
	if err != nil {
		return nil, err
	}
	if err := sameGlyphs(ttf, out, rs); err != nil {
		return nil, err
	}
	return out, nil
}

// keepHeadDates returns the font file out with the modification date of
// its head table set to that of src, and its checksums made right again.
// tdewolff's SFNT.Write stamps the current time there, which would make
// every SVG differ from run to run; the subset keeps the date of the
// font it was cut from. (OpenType: head.modified at bytes 28–35, head
// checkSumAdjustment at 8–11 = 0xB1B0AFBA − the checksum of the file
// with it set to 0; table checksums in the table directory.)
func keepHeadDates(out, src []byte) ([]byte, error) {
	srcHead, _, err := sfntTable(src, "head")
	if err != nil {
		return nil, err
	}
	head, rec, err := sfntTable(out, "head")
	if err != nil {
		return nil, err
	}
	if len(head) < 36 || len(srcHead) < 36 {
		return nil, errors.New("short head table")
	}
	copy(head[28:36], srcHead[28:36])
	binary.BigEndian.PutUint32(head[8:12], 0)
	binary.BigEndian.PutUint32(out[rec+4:], sfntChecksum(head))
	binary.BigEndian.PutUint32(head[8:12], 0xB1B0AFBA-sfntChecksum(out))
	return out, nil
}

// sfntTable returns the table tag of the font file b (a slice of b, padded
// to four bytes) and the offset of its record in the table directory.
func sfntTable(b []byte, tag string) (table []byte, record int, err error) {
	if len(b) < 12 {
		return nil, 0, errors.New("short font file")
	}
	n := int(binary.BigEndian.Uint16(b[4:6]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			break
		}
		if string(b[rec:rec+4]) != tag {
			continue
		}
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		length := int(binary.BigEndian.Uint32(b[rec+12:]))
		end := off + (length+3)&^3
		if off < 0 || end > len(b) || off > end {
			return nil, 0, fmt.Errorf("font table %q out of range", tag)
		}
		return b[off:end], rec, nil
	}
	return nil, 0, fmt.Errorf("font has no %q table", tag)
}

// sfntChecksum is the OpenType checksum: the sum of big-endian uint32s.
func sfntChecksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}

// sameGlyphs checks that font b maps every rune of rs that font a maps,
// to a glyph of the same advance width.
func sameGlyphs(a, b []byte, rs []rune) error {
	fa, err := sfnt.Parse(a)
	if err != nil {
		return err
	}
	fb, err := sfnt.Parse(b)
	if err != nil {
		return fmt.Errorf("subset font: %w", err)
	}
	var ba, bb sfnt.Buffer
	upem := fixed.Int26_6(fa.UnitsPerEm())
	for _, r := range rs {
		ga, err := fa.GlyphIndex(&ba, r)
		if err != nil || ga == 0 {
			continue // not in the font: a box with the whole font, nothing with a subset (its .notdef is empty)
		}
		gb, err := fb.GlyphIndex(&bb, r)
		if err != nil || gb == 0 {
			return fmt.Errorf("subset font lost %U", r)
		}
		aa, err1 := fa.GlyphAdvance(&ba, ga, upem, xfont.HintingNone)
		ab, err2 := fb.GlyphAdvance(&bb, gb, upem, xfont.HintingNone)
		if err1 != nil || err2 != nil || aa != ab {
			return fmt.Errorf("subset font changed the advance of %U", r)
		}
	}
	return nil
}
