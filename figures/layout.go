package figures

import (
	"fmt"
	"image/color"
	"math"
	"strings"
	"unicode"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// renderer draws one chart. Coordinates in its helpers are measured from
// the top-left corner of the page ("top"), converted to vg's bottom-left
// origin when drawing.
type renderer struct {
	c     Chart
	th    Theme
	dc    draw.Canvas
	spec  presetSpec
	nf    numFormat
	words words
}

// tstyle is a text style.
type tstyle struct {
	bold bool
	size vg.Length
	col  color.Color
}

func (r *renderer) body() vg.Length { return r.spec.body }
func (r *renderer) margin() vg.Length {
	if r.spec.margin > 0 {
		return r.spec.margin
	}
	return r.spec.body * 2.4
}
func (r *renderer) pad() vg.Length { return r.spec.body * 0.5 }

func (r *renderer) titleStyle() tstyle { return tstyle{true, r.body() * 1.6, r.th.Text} }
func (r *renderer) subStyle() tstyle   { return tstyle{false, r.body() * 1.1, r.th.Muted} }
func (r *renderer) labelStyle() tstyle { return tstyle{false, r.body(), r.th.Text} }
func (r *renderer) valueStyle() tstyle { return tstyle{true, r.body(), r.th.Text} }
func (r *renderer) smallStyle() tstyle { return tstyle{false, r.body() * 0.85, r.th.Muted} }
func (r *renderer) footStyle() tstyle  { return tstyle{false, r.body() * 0.85, r.th.Muted} }

func (r *renderer) face(st tstyle) font.Face { return r.th.Fonts.face(st.bold, st.size) }

func (r *renderer) width(st tstyle, s string) vg.Length {
	f := r.face(st)
	return f.Width(s)
}

// lineH is the height of one line of text.
func lineH(st tstyle) vg.Length { return st.size * 1.25 }

// y converts a distance from the top into a vg coordinate.
func (r *renderer) y(top vg.Length) vg.Length { return r.spec.h - top }

// text draws one line of s in a line box whose top is at top. align is 0
// for left, 0.5 for centred and 1 for right alignment at x.
func (r *renderer) text(st tstyle, x, top vg.Length, align float64, s string) {
	if s == "" {
		return
	}
	f := r.face(st)
	ext := f.Extents()
	base := top + (lineH(st)-(ext.Ascent+ext.Descent))/2 + ext.Ascent
	x -= vg.Length(align) * f.Width(s)
	r.dc.SetColor(st.col)
	r.dc.FillString(f, vg.Point{X: x, Y: r.y(base)}, s)
}

// lines draws lines of text starting at top and returns the height used.
func (r *renderer) lines(st tstyle, x, top vg.Length, align float64, ls []string) vg.Length {
	for i, l := range ls {
		r.text(st, x, top+vg.Length(i)*lineH(st), align, l)
	}
	return vg.Length(len(ls)) * lineH(st)
}

// rect fills the rectangle with top-left corner (x, top).
func (r *renderer) rect(col color.Color, x, top, w, h vg.Length) {
	if w <= 0 || h <= 0 {
		return
	}
	r.dc.SetColor(col)
	r.dc.Fill(rectPath(x, r.y(top+h), w, h))
}

func rectPath(x, y, w, h vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: x, Y: y})
	p.Line(vg.Point{X: x + w, Y: y})
	p.Line(vg.Point{X: x + w, Y: y + h})
	p.Line(vg.Point{X: x, Y: y + h})
	p.Close()
	return p
}

// line strokes a line between two points given from the top.
func (r *renderer) line(col color.Color, width vg.Length, dashes []vg.Length, x0, t0, x1, t1 vg.Length) {
	r.dc.StrokeLine2(draw.LineStyle{Color: col, Width: width, Dashes: dashes},
		x0, r.y(t0), x1, r.y(t1))
}

// clean makes s printable on one line: control characters and line
// breaks become spaces, invalid UTF-8 is replaced, runs of space collapse.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.IsSpace(r) && r != '\u00a0' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

const ellipsis = "…"

// nbspMark stands for a no-break space while text is split into words
// (strings.Fields would split at U+00A0): a private-use character that no
// chart text contains.
const nbspMark = "\uE000"

// keepNBSP replaces every no-break space of s by nbspMark.
func keepNBSP(s string) string { return strings.ReplaceAll(s, "\u00a0", nbspMark) }

// wrap breaks s into lines no wider than width when drawn with face f,
// breaking between words and, for words wider than a line, inside words.
// At most maxLines lines are returned; if s needs more, the last line ends
// in an ellipsis. wrap returns nil for blank s.
//
// A no-break space (U+00A0, as in "95 %") joins its neighbours into one
// word and is drawn as a space.
func wrap(f font.Face, s string, width vg.Length, maxLines int) []string {
	s = clean(keepNBSP(s))
	if s == "" || maxLines < 1 {
		return nil
	}
	var out []string
	cur := ""
	for _, w := range strings.Fields(s) {
		w = strings.ReplaceAll(w, nbspMark, " ")
		cand := w
		if cur != "" {
			cand = cur + " " + w
		}
		if f.Width(cand) <= width {
			cur = cand
			continue
		}
		if cur != "" {
			out = append(out, cur)
			cur = ""
		}
		// w alone may still be too wide: break it by characters.
		for f.Width(w) > width {
			rs := []rune(w)
			n := 1
			for n < len(rs) && f.Width(string(rs[:n+1])) <= width {
				n++
			}
			out = append(out, string(rs[:n]))
			w = string(rs[n:])
		}
		cur = w
	}
	if cur != "" {
		out = append(out, cur)
	}
	if len(out) <= maxLines {
		return out
	}
	out = out[:maxLines]
	last := []rune(out[maxLines-1])
	for len(last) > 0 && f.Width(strings.TrimRight(string(last), " ")+ellipsis) > width {
		last = last[:len(last)-1]
	}
	out[maxLines-1] = strings.TrimRight(string(last), " ") + ellipsis
	return out
}

func (r *renderer) wrap(st tstyle, s string, width vg.Length, maxLines int) []string {
	return wrap(r.face(st), s, width, maxLines)
}

// errNoFit reports content that does not fit the page.
func (r *renderer) errNoFit(what string) error {
	return fmt.Errorf("figures: %s chart: %s does not fit the page; shorten the texts or use fewer rows or a larger preset",
		r.c.Kind, what)
}

// region is the plot area between header and footer.
type region struct{ x, top, w, h vg.Length }

// draw draws header, footer and the chart body.
func (r *renderer) draw() error {
	m := r.margin()
	W := r.spec.w
	tw := W - 2*m
	top := m * 0.8

	if r.c.Synthetic {
		st := tstyle{true, r.body() * 0.85, color.White}
		ls := r.wrap(st, r.words.synthetic, tw-2*r.pad(), 2)
		bw := vg.Length(0)
		for _, l := range ls {
			bw = max(bw, r.width(st, l))
		}
		h := vg.Length(len(ls))*lineH(st) + r.pad()*0.6
		r.rect(r.th.Accent, m, top, bw+2*r.pad(), h)
		r.lines(st, m+r.pad(), top+r.pad()*0.3, 0, ls)
		top += h + r.pad()
	}
	top += r.lines(r.titleStyle(), m, top, 0, r.wrap(r.titleStyle(), r.c.Title, tw, 3))
	if sub := r.wrap(r.subStyle(), r.c.Subtitle, tw, 3); len(sub) > 0 {
		top += r.pad() * 0.4
		top += r.lines(r.subStyle(), m, top, 0, sub)
	}
	top += r.body() * 1.4

	var foot []string
	for _, s := range []string{r.c.Base, r.c.Method, r.c.Source} {
		foot = append(foot, r.wrap(r.footStyle(), s, tw, 2)...)
	}
	footH := vg.Length(len(foot)) * lineH(r.footStyle())
	footTop := r.spec.h - m*0.8 - footH
	r.lines(r.footStyle(), m, footTop, 0, foot)

	reg := region{x: m, top: top, w: tw, h: footTop - r.body()*1.2 - top}
	if reg.h < r.body()*4 {
		return r.errNoFit("the title, subtitle and footer leave no room for the chart; they")
	}
	switch r.c.Kind {
	case Bars:
		return r.drawRows(reg, false)
	case Forest:
		return r.drawRows(reg, true)
	case Funnel:
		return r.drawFunnel(reg)
	case Stacked:
		return r.drawStacked(reg)
	case Waffle:
		return r.drawWaffle(reg)
	case Trend:
		return r.drawTrend(reg)
	case Dumbbell:
		return r.drawDumbbell(reg)
	}
	return invalid("unknown kind %d", int(r.c.Kind))
}

// axis is a linear share axis with ticks.
type axis struct {
	lo, hi, step float64
	x0, x1       vg.Length
}

// niceAxis returns an axis covering [lo, hi] with at most 5 intervals of
// 1, 2, 5, 10, 20 or 25 percentage points.
func niceAxis(lo, hi float64) axis {
	if hi-lo < 0.01 {
		hi = lo + 0.01
	}
	for _, step := range []float64{0.01, 0.02, 0.05, 0.1, 0.2, 0.25} {
		a := math.Floor(lo/step+eps) * step
		b := math.Ceil(hi/step-eps) * step
		if math.Round((b-a)/step) <= 5 {
			return axis{lo: math.Max(0, a), hi: math.Min(1, b), step: step}
		}
	}
	return axis{lo: 0, hi: 1, step: 0.2}
}

func (a axis) pos(v float64) vg.Length {
	return a.x0 + vg.Length((v-a.lo)/(a.hi-a.lo))*(a.x1-a.x0)
}

func (a axis) ticks() []float64 {
	var t []float64
	for k := 0; ; k++ {
		v := math.Round((a.lo+float64(k)*a.step)*1e6) / 1e6
		if v > a.hi+eps {
			return t
		}
		t = append(t, v)
	}
}

// drawAxis draws grid lines from top to bottom and tick labels below.
func (r *renderer) drawAxis(a axis, top, bottom vg.Length) {
	st := r.smallStyle()
	for _, v := range a.ticks() {
		x := a.pos(v)
		col, w := r.th.Grid, vg.Length(0.6)
		if v == 0 {
			col, w = r.th.Muted, 0.8
		}
		r.line(col, w, nil, x, top, x, bottom)
		r.text(st, x, bottom+r.pad()*0.4, 0.5, r.nf.pctDec(v, 0))
	}
}

// drawReference draws the dashed reference line with its label on top.
func (r *renderer) drawReference(a axis, top, bottom vg.Length) {
	if r.c.Reference <= 0 {
		return
	}
	x := a.pos(r.c.Reference)
	st := tstyle{true, r.smallStyle().size, r.th.Accent}
	r.line(r.th.Accent, 1.2, []vg.Length{3, 2}, x, top, x, bottom)
	r.text(st, x, top-lineH(st), 0.5, r.nf.pct(r.c.Reference))
}

// rowLabel draws a wrapped row label (and n below it when withN) centred
// vertically at cy within a row of height rowH.
func (r *renderer) rowLabel(b Bar, x, width, cy, rowH vg.Length, withN bool) {
	st, sm := r.labelStyle(), r.smallStyle()
	nh := vg.Length(0)
	withN = withN && b.N > 0
	if withN && r.inlineN(rowH) {
		// No room for n on its own line: print it after the label.
		n := r.nf.nLabel(b.N, b.NAssumed)
		nw := r.width(sm, n) + r.pad()
		ls := r.wrap(st, b.Label, max(0, width-nw), 1)
		top := cy - lineH(st)/2
		lw := vg.Length(0)
		if len(ls) > 0 {
			r.text(st, x, top, 0, ls[0])
			lw = r.width(st, ls[0]) + r.pad()
		}
		r.text(sm, x+lw, top+(lineH(st)-lineH(sm))/2, 0, n)
		return
	}
	if withN {
		nh = lineH(sm)
	}
	maxLines := max(1, int((rowH*0.95-nh)/lineH(st)))
	ls := r.wrap(st, b.Label, width, maxLines)
	h := vg.Length(len(ls))*lineH(st) + nh
	top := cy - h/2
	top += r.lines(st, x, top, 0, ls)
	if withN {
		r.text(sm, x, top, 0, r.nf.nLabel(b.N, b.NAssumed))
	}
}

// inlineN reports whether rows of height rowH are too low for n on a line
// of its own below the label.
func (r *renderer) inlineN(rowH vg.Length) bool {
	return rowH*0.95 < lineH(r.labelStyle())+lineH(r.smallStyle())
}

// suppressed draws the empty row of a suppressed bar.
func (r *renderer) suppressed(b Bar, x0, x1, cy, barH vg.Length) {
	// An opaque box keeps grid and reference lines away from the note.
	r.rect(r.th.Background, x0, cy-barH/2, x1-x0, barH)
	r.line(r.th.Muted, 0.6, []vg.Length{2, 2}, x0, cy-barH/2, x1, cy-barH/2)
	r.line(r.th.Muted, 0.6, []vg.Length{2, 2}, x0, cy+barH/2, x1, cy+barH/2)
	r.line(r.th.Muted, 0.6, []vg.Length{2, 2}, x0, cy-barH/2, x0, cy+barH/2)
	r.line(r.th.Muted, 0.6, []vg.Length{2, 2}, x1, cy-barH/2, x1, cy+barH/2)
	st := r.smallStyle()
	note := r.notShown(b)
	if r.width(st, note) > x1-x0-2*r.pad() {
		ls := r.wrap(st, note, x1-x0-2*r.pad(), 1)
		if len(ls) == 0 {
			return
		}
		note = ls[0]
	}
	r.text(st, x0+r.pad(), cy-lineH(st)/2, 0, note)
}

// notShown is the note in the empty row of a suppressed bar b: its own
// reason, or the small-cell rule.
func (r *renderer) notShown(b Bar) string {
	if b.NotShown != "" {
		return clean(b.NotShown)
	}
	return fmt.Sprintf(r.words.notShown, r.nf.count(float64(r.c.MinN)))
}

// labelWidth returns the width of the label column: the widest label,
// capped at frac of the region width.
// With inlineN, n follows the label on the same line (see rowLabel).
func (r *renderer) labelWidth(reg region, frac float64, withN, inlineN bool) vg.Length {
	w := vg.Length(0)
	for _, b := range r.c.Bars {
		lw := r.width(r.labelStyle(), clean(b.Label))
		w = max(w, lw)
		if withN && b.N > 0 {
			nw := r.width(r.smallStyle(), r.nf.nLabel(b.N, b.NAssumed))
			if inlineN {
				w = max(w, lw+r.pad()+nw)
			} else {
				w = max(w, nw)
			}
		}
	}
	return min(w, reg.w*vg.Length(frac))
}
