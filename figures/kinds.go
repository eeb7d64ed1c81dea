package figures

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// drawRows draws horizontal bars with whiskers, or (forest) a point and
// interval per row with the value and interval printed on the right.
func (r *renderer) drawRows(reg region, forest bool) error {
	bars := r.c.Bars
	withN := forest || r.c.ShowN
	vs, sm := r.valueStyle(), r.smallStyle()

	// Value column on the right.
	valueW := vg.Length(0)
	for _, b := range bars {
		if !b.Suppressed {
			valueW = max(valueW, r.width(vs, r.valueText(b, forest)))
		}
	}
	refH := vg.Length(0)
	if r.c.Reference > 0 {
		refH = lineH(sm)
	}
	axisH := lineH(sm) + r.pad()*0.4
	rowsH := reg.h - refH - axisH
	rowH := rowsH / vg.Length(len(bars))
	if rowH < lineH(r.labelStyle()) {
		return r.errNoFit("the number of rows")
	}

	labelW := r.labelWidth(reg, 0.38, withN, r.inlineN(rowH))
	gap := r.pad() * 2
	a := r.shareAxis(forest)
	a.x0 = reg.x + labelW + gap
	if labelW == 0 {
		a.x0 = reg.x
	}
	a.x1 = reg.x + reg.w - valueW - r.pad()*1.5
	if forest {
		a.x0 += r.pad() // room for the point at 0
		a.x1 -= r.pad()
	}
	if a.x1-a.x0 < reg.w*0.25 {
		return r.errNoFit("the value labels")
	}
	// Few rows on a tall page: cap the row height and centre the block.
	// A square or portrait canvas allows taller rows, so that a few rows
	// do not leave half of it empty.
	rowH = min(rowH, r.rowCap(reg))
	rowsTop := reg.top + refH + (rowsH-rowH*vg.Length(len(bars)))/2
	rowsH = rowH * vg.Length(len(bars))
	barH := min(rowH*0.62, r.body()*2.4)

	if forest {
		for i := range bars {
			if i%2 == 0 {
				r.rect(color.Gray{Y: 0xF6}, reg.x, rowsTop+vg.Length(i)*rowH, reg.w, rowH)
			}
		}
	}
	r.drawAxis(a, rowsTop, rowsTop+rowsH)
	r.drawReference(a, rowsTop, rowsTop+rowsH)
	lw := vg.Length(r.body() / 8)
	for i, b := range bars {
		cy := rowsTop + (vg.Length(i)+0.5)*rowH
		r.rowLabel(b, reg.x, labelW, cy, rowH, withN)
		if b.Suppressed {
			r.suppressed(b, a.x0, a.x1, cy, barH)
			continue
		}
		end := a.pos(b.Estimate)
		if forest {
			r.whisker(a, b, cy, barH*0.4, lw*1.4)
			rad := r.body() * 0.38
			var p vg.Path
			p.Move(vg.Point{X: end + rad, Y: r.y(cy)})
			p.Arc(vg.Point{X: end, Y: r.y(cy)}, rad, 0, 2*math.Pi)
			p.Close()
			r.dc.SetColor(r.th.color(0))
			r.dc.Fill(p)
			r.dc.SetLineStyle(draw.LineStyle{Color: r.th.Background, Width: lw})
			r.dc.Stroke(p)
			r.valueAt(b, reg.x+reg.w-valueW, cy, true)
			continue
		}
		r.rect(r.th.color(0), a.x0, cy-barH/2, end-a.x0, barH)
		r.whisker(a, b, cy, barH*0.45, lw)
		r.valueAt(b, max(end, a.pos(b.Upper))+r.pad(), cy, false)
	}
	return nil
}

// shareAxis chooses the axis range: from 0 for bars, around the intervals
// for forest plots.
func (r *renderer) shareAxis(forest bool) axis {
	lo, hi := 1.0, 0.0
	for _, b := range r.c.Bars {
		if !b.Suppressed {
			lo, hi = math.Min(lo, b.Lower), math.Max(hi, math.Max(b.Upper, b.Estimate))
		}
	}
	if r.c.Reference > 0 {
		lo, hi = math.Min(lo, r.c.Reference), math.Max(hi, r.c.Reference)
	}
	if lo > hi {
		// No estimate is shown (every bar suppressed) and no reference
		// line: the whole range 0–100%, rather than an axis scaled to
		// nothing (0–2%) that suggests a tiny share.
		return niceAxis(0, 1)
	}
	if !forest {
		// Bars start at 0; leave headroom so the largest whisker or the
		// reference line does not sit on the edge.
		return niceAxis(0, hi+0.015)
	}
	return niceAxis(math.Max(0, lo-0.015), math.Min(1, hi+0.015))
}

// whisker draws the interval of b centred at cy with end caps of height capH.
func (r *renderer) whisker(a axis, b Bar, cy, capH, width vg.Length) {
	if b.Upper-b.Lower < eps {
		return
	}
	x0, x1 := a.pos(b.Lower), a.pos(b.Upper)
	col := r.th.Whisker
	r.line(col, width, nil, x0, cy, x1, cy)
	r.line(col, width, nil, x0, cy-capH/2, x0, cy+capH/2)
	r.line(col, width, nil, x1, cy-capH/2, x1, cy+capH/2)
}

// valueText is the value label of a row: "40 %" for bars, with interval
// for forest rows.
func (r *renderer) valueText(b Bar, withInterval bool) string {
	s := r.nf.pct(b.Estimate)
	if withInterval && b.Upper-b.Lower >= eps {
		s += "  (" + r.nf.pctRange(b.Lower, b.Upper) + ")"
	}
	return s
}

// valueAt prints the value of b left-aligned at x, vertically centred at cy;
// with interval, the interval follows in muted type.
func (r *renderer) valueAt(b Bar, x, cy vg.Length, withInterval bool) {
	vs := r.valueStyle()
	v := r.nf.pct(b.Estimate)
	if !withInterval {
		// A background box keeps the reference line from crossing the value.
		r.rect(r.th.Background, x-r.pad()/3, cy-lineH(vs)/2, r.width(vs, v)+r.pad()*2/3, lineH(vs))
	}
	r.text(vs, x, cy-lineH(vs)/2, 0, v)
	if withInterval && b.Upper-b.Lower >= eps {
		st := tstyle{false, vs.size, r.th.Muted}
		r.text(st, x+r.width(vs, v+"  "), cy-lineH(vs)/2, 0, "("+r.nf.pctRange(b.Lower, b.Upper)+")")
	}
}

// drawFunnel draws centred bars, one per step, joined by light bands, with
// value and interval on the right.
func (r *renderer) drawFunnel(reg region) error {
	bars := r.c.Bars
	vs, sm := r.valueStyle(), r.smallStyle()
	valueW := vg.Length(0)
	for _, b := range bars {
		if !b.Suppressed {
			valueW = max(valueW, r.width(vs, r.nf.pct(b.Estimate)), r.width(sm, r.nf.pctRange(b.Lower, b.Upper)))
		}
	}
	rowH := reg.h / vg.Length(len(bars))
	if rowH < lineH(r.labelStyle()) {
		return r.errNoFit("the number of steps")
	}
	labelW := r.labelWidth(reg, 0.34, r.c.ShowN, r.inlineN(min(rowH, r.body()*7)))
	x0 := reg.x + labelW + r.pad()*2
	x1 := reg.x + reg.w - valueW - r.pad()*2
	if x1-x0 < reg.w*0.25 {
		return r.errNoFit("the value labels")
	}
	rowH = min(rowH, r.body()*7)
	reg.top += (reg.h - rowH*vg.Length(len(bars))) / 2
	barH := min(rowH*0.6, r.body()*3)
	mid := (x0 + x1) / 2
	half := func(v float64) vg.Length { return vg.Length(v) * (x1 - x0) / 2 }
	band := mix(r.th.color(0), r.th.Background, 0.8)
	for i := 0; i+1 < len(bars); i++ {
		b, n := bars[i], bars[i+1]
		if b.Suppressed || n.Suppressed {
			continue
		}
		t := reg.top + (vg.Length(i)+0.5)*rowH + barH/2
		u := reg.top + (vg.Length(i)+1.5)*rowH - barH/2
		var p vg.Path
		p.Move(vg.Point{X: mid - half(b.Estimate), Y: r.y(t)})
		p.Line(vg.Point{X: mid + half(b.Estimate), Y: r.y(t)})
		p.Line(vg.Point{X: mid + half(n.Estimate), Y: r.y(u)})
		p.Line(vg.Point{X: mid - half(n.Estimate), Y: r.y(u)})
		p.Close()
		r.dc.SetColor(band)
		r.dc.Fill(p)
	}
	for i, b := range bars {
		cy := reg.top + (vg.Length(i)+0.5)*rowH
		r.rowLabel(b, reg.x, labelW, cy, rowH, r.c.ShowN)
		if b.Suppressed {
			r.suppressed(b, x0, x1, cy, barH)
			continue
		}
		r.rect(r.th.color(0), mid-half(b.Estimate), cy-barH/2, 2*half(b.Estimate), barH)
		vx := x1 + r.pad()*2
		if b.Upper-b.Lower >= eps {
			h := lineH(vs) + lineH(sm)
			r.text(vs, vx, cy-h/2, 0, r.nf.pct(b.Estimate))
			r.text(sm, vx, cy-h/2+lineH(vs), 0, r.nf.pctRange(b.Lower, b.Upper))
		} else {
			r.text(vs, vx, cy-lineH(vs)/2, 0, r.nf.pct(b.Estimate))
		}
	}
	return nil
}

// mix blends a towards b by t in [0, 1].
func mix(a, b color.Color, t float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float64(x)*(1-t) + float64(y)*t) / 257) }
	return color.RGBA{R: f(ar, br), G: f(ag, bg), B: f(ab, bb), A: 0xFF}
}

// segmentColors returns the colour of each stack segment or waffle share.
func (r *renderer) segmentColors() []color.Color {
	cols := make([]color.Color, len(r.c.Bars))
	k, neutral := 0, 0
	for i, b := range r.c.Bars {
		if b.Neutral {
			// Further neutral segments get darker greys to stay apart.
			cols[i] = mix(r.th.Neutral, r.th.Muted, math.Min(0.7, 0.35*float64(neutral)))
			neutral++
			continue
		}
		cols[i] = r.th.color(k)
		k++
	}
	return cols
}

// drawStacked draws one 100 % bar with values in the segments and a
// legend table (swatch, label, value, interval) below.
func (r *renderer) drawStacked(reg region) error {
	bars := r.c.Bars
	cols := r.segmentColors()
	vs, ls, sm := r.valueStyle(), r.labelStyle(), r.smallStyle()
	if len(bars) > 0 && bars[0].Suppressed {
		return r.drawStackedSuppressed(reg, cols)
	}
	sum := 0.0
	for _, b := range bars {
		sum += b.Estimate
	}
	scale := vg.Length(1 / math.Max(sum, 1))

	// Values that do not fit inside their segment go above the bar.
	type seg struct {
		x, w   vg.Length
		inside bool
	}
	segs := make([]seg, len(bars))
	x := reg.x
	anyOutside := false
	for i, b := range bars {
		w := vg.Length(b.Estimate) * scale * reg.w
		segs[i] = seg{x: x, w: w, inside: r.width(vs, r.nf.pct(b.Estimate))+r.pad() <= w}
		anyOutside = anyOutside || !segs[i].inside
		x += w
	}
	aboveH := vg.Length(0)
	if anyOutside {
		aboveH = 2 * lineH(vs)
	}
	legendRowH := lineH(ls) * 1.35
	legendH := r.body()*1.5 + vg.Length(len(bars))*legendRowH
	// Brackets for nets go under the bar, one level each.
	bracketRowH := lineH(sm) + r.pad()*1.2
	legendH += vg.Length(len(r.c.Brackets)) * bracketRowH
	barH := min(r.body()*4.5, reg.h-aboveH-legendH)
	if barH < r.body()*1.5 {
		return r.errNoFit("the legend")
	}
	// Centre the block (labels above, bar, legend) vertically.
	top := reg.top + aboveH + (reg.h-aboveH-barH-legendH)/2
	outside := 0
	for i, b := range bars {
		s := segs[i]
		r.rect(cols[i], s.x, top, s.w, barH)
		if i > 0 {
			r.line(r.th.Background, 1, nil, s.x, top, s.x, top+barH)
		}
		v := r.nf.pct(b.Estimate)
		if s.inside {
			st := tstyle{true, vs.size, r.th.textOn(cols[i])}
			r.text(st, s.x+s.w/2, top+barH/2-lineH(st)/2, 0.5, v)
			continue
		}
		// Alternate two levels above the bar so neighbours do not collide.
		lt := top - lineH(vs)*vg.Length(1+outside%2)
		r.line(r.th.Muted, 0.5, nil, s.x+s.w/2, lt+lineH(vs)*0.9, s.x+s.w/2, top)
		r.text(vs, s.x+s.w/2, lt, 0.5, v)
		outside++
	}

	// Brackets: a line under the net's segments with ticks up to the
	// bar, and the net's total with its interval below.
	bt := top + barH + r.pad()*0.6
	for _, b := range r.c.Brackets {
		x0 := segs[b.First].x + r.pad()/4
		x1 := segs[b.Last].x + segs[b.Last].w - r.pad()/4
		y := bt + r.pad()*0.5
		r.line(r.th.Text, 0.8, nil, x0, y, x1, y)
		r.line(r.th.Text, 0.8, nil, x0, bt, x0, y)
		r.line(r.th.Text, 0.8, nil, x1, bt, x1, y)
		text := clean(b.Label) + ": " + r.nf.pct(b.Estimate)
		if b.Upper-b.Lower >= eps {
			text += " (" + r.nf.pctRange(b.Lower, b.Upper) + ")"
		}
		st := tstyle{true, sm.size, r.th.Text}
		tx := (x0 + x1) / 2
		w := r.width(st, text)
		tx = max(reg.x+w/2, min(tx, reg.x+reg.w-w/2))
		r.text(st, tx, y+r.pad()*0.2, 0.5, text)
		bt += bracketRowH
	}

	// Legend table.
	lt := top + barH + r.body()*1.5 + vg.Length(len(r.c.Brackets))*bracketRowH
	sw := ls.size
	labelX := reg.x + sw + r.pad()
	var labelW, valW vg.Length
	for _, b := range bars {
		labelW = max(labelW, r.width(ls, clean(b.Label)))
		valW = max(valW, r.width(vs, r.nf.pct(b.Estimate)))
	}
	intW := vg.Length(0)
	for _, b := range bars {
		intW = max(intW, r.width(sm, "("+r.nf.pctRange(b.Lower, b.Upper)+")"))
	}
	avail := reg.w - sw - valW - intW - r.pad()*6
	if avail < min(labelW, reg.w*0.2) {
		return r.errNoFit("the legend")
	}
	labelW = min(labelW, avail)
	for i, b := range bars {
		rt := lt + vg.Length(i)*legendRowH
		r.rect(cols[i], reg.x, rt+(lineH(ls)-sw)/2, sw, sw)
		lab := r.wrap(ls, b.Label, labelW, 1)
		if len(lab) > 0 {
			r.text(ls, labelX, rt, 0, lab[0])
		}
		vx := labelX + labelW + r.pad()*2
		r.text(vs, vx+valW, rt, 1, r.nf.pct(b.Estimate))
		if b.Upper-b.Lower >= eps {
			r.text(sm, vx+valW+r.pad(), rt+(lineH(ls)-lineH(sm))/2, 0, "("+r.nf.pctRange(b.Lower, b.Upper)+")")
		}
	}
	return nil
}

// waffleCells distributes 100 cells over the shares by largest remainder.
func waffleCells(bars []Bar) []int {
	n := make([]int, len(bars))
	type rem struct {
		i int
		r float64
	}
	var rs []rem
	total, want := 0, 0.0
	for i, b := range bars {
		if b.Suppressed {
			continue
		}
		v := b.Estimate * 100
		n[i] = int(math.Floor(v))
		total += n[i]
		want += v
		rs = append(rs, rem{i, v - math.Floor(v)})
	}
	target := min(100, int(math.Round(want)))
	for total < target && len(rs) > 0 {
		best := 0
		for j := range rs {
			if rs[j].r > rs[best].r {
				best = j
			}
		}
		n[rs[best].i]++
		rs[best].r = -1
		total++
	}
	return n
}

// drawWaffle draws a 10×10 grid and, to its right, each share in large type
// with its label and interval.
func (r *renderer) drawWaffle(reg region) error {
	bars := r.c.Bars
	cols := r.segmentColors()
	side := min(reg.h, reg.w*0.45)
	if reg.h > reg.w*0.75 {
		// A square or portrait canvas: a larger grid, centred vertically,
		// instead of one that leaves the lower half empty.
		side = min(reg.h, reg.w*0.6)
		reg.top += (reg.h - side) / 2
		reg.h = side
	}
	if side < r.body()*6 {
		return r.errNoFit("the waffle grid")
	}
	pitch := side / 10
	gap := pitch * 0.12
	cells := waffleCells(bars)
	k := 0
	for i := range bars {
		for j := 0; j < cells[i] && k < 100; j++ {
			r.rect(cols[i], reg.x+vg.Length(k%10)*pitch, reg.top+vg.Length(k/10)*pitch, pitch-gap, pitch-gap)
			k++
		}
	}
	for ; k < 100; k++ {
		r.rect(r.th.Neutral, reg.x+vg.Length(k%10)*pitch, reg.top+vg.Length(k/10)*pitch, pitch-gap, pitch-gap)
	}

	px := reg.x + side + r.body()*2
	pw := reg.x + reg.w - px
	big := r.titleStyle().size * 2.2
	if len(bars) > 1 {
		big = r.titleStyle().size * 1.25
	}
	ls, sm := r.labelStyle(), r.smallStyle()
	top := reg.top
	for i, b := range bars {
		if b.Suppressed {
			top += r.lines(ls, px, top, 0, r.wrap(ls, b.Label, pw, 2))
			top += r.lines(sm, px, top, 0, r.wrap(sm, r.notShown(b), pw, 2)) + r.body()
			continue
		}
		bs := tstyle{true, big, cols[i]}
		if b.Neutral {
			bs.col = r.th.Text
		}
		r.text(bs, px, top, 0, r.nf.pct(b.Estimate))
		top += lineH(bs)
		top += r.lines(ls, px, top, 0, r.wrap(ls, b.Label, pw, 3))
		var extra []string
		if b.Upper-b.Lower >= eps {
			extra = append(extra, r.words.interval+" "+r.nf.pctRange(b.Lower, b.Upper))
		}
		if b.N > 0 && r.c.ShowN {
			extra = append(extra, r.nf.nLabel(b.N, b.NAssumed))
		}
		for _, e := range extra {
			top += r.lines(sm, px, top, 0, r.wrap(sm, e, pw, 2))
		}
		top += r.body() * 0.8
	}
	if top > reg.top+reg.h+r.body() {
		return r.errNoFit("the waffle legend")
	}
	return nil
}

// drawStackedSuppressed draws the empty bar of a stacked chart whose base
// is too small to publish, with the note "not shown (n < MinN)" in it and
// the legend of its segments without values.
func (r *renderer) drawStackedSuppressed(reg region, cols []color.Color) error {
	bars := r.c.Bars
	ls := r.labelStyle()
	legendRowH := lineH(ls) * 1.35
	legendH := r.body()*1.5 + vg.Length(len(bars))*legendRowH
	barH := min(r.body()*4.5, reg.h-legendH)
	if barH < r.body()*1.5 {
		return r.errNoFit("the legend")
	}
	top := reg.top + (reg.h-barH-legendH)/2
	var why Bar // the first suppressed segment says why
	for _, b := range bars {
		if b.Suppressed {
			why = b
			break
		}
	}
	r.suppressed(why, reg.x, reg.x+reg.w, top+barH/2, barH)
	lt := top + barH + r.body()*1.5
	sw := ls.size
	labelX := reg.x + sw + r.pad()
	for i, b := range bars {
		rt := lt + vg.Length(i)*legendRowH
		r.rect(mix(cols[i], r.th.Background, 0.6), reg.x, rt+(lineH(ls)-sw)/2, sw, sw)
		if lab := r.wrap(ls, b.Label, reg.x+reg.w-labelX, 1); len(lab) > 0 {
			r.text(ls, labelX, rt, 0, lab[0])
		}
	}
	return nil
}

// rowCap is the largest row height of bar and forest rows: 7 lines of body
// text on a wide canvas, 11 on a square or portrait one.
func (r *renderer) rowCap(reg region) vg.Length {
	if reg.h > reg.w*0.75 {
		return r.body() * 11
	}
	return r.body() * 7
}
