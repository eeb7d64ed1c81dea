package figures

import (
	"math"
	"slices"

	"gonum.org/v1/plot/vg"
)

// Series is one share followed across surveys in a [Trend] or [Dumbbell]
// chart: one point per entry of Chart.Periods, in the same order.
type Series struct {
	Label  string
	Points []Bar // Label of a point is not used; Suppressed points are not drawn
	// Note is printed with the series, e.g. the difference between the
	// surveys and its interval ("+8.0 points, 95% CI 4.2 to 11.8").
	Note string
}

// Limits of series charts.
const (
	maxSeries  = 8
	maxPeriods = 12
)

// normalizeSeries checks the series of a Trend or Dumbbell chart.
func (c Chart) normalizeSeries() (Chart, error) {
	if len(c.Series) == 0 {
		return c, invalid("%s chart without series", c.Kind)
	}
	if len(c.Series) > maxSeries {
		return c, invalid("%d series, at most %d fit on a chart", len(c.Series), maxSeries)
	}
	if len(c.Periods) < 2 || len(c.Periods) > maxPeriods {
		return c, invalid("%d surveys, want 2 to %d", len(c.Periods), maxPeriods)
	}
	if c.Kind == Dumbbell && len(c.Periods) > 4 {
		return c, invalid("dumbbell chart of %d surveys, at most 4 (use a trend chart)", len(c.Periods))
	}
	for _, s := range append([]string{c.Title, c.Subtitle, c.Base, c.Method, c.Source}, c.Periods...) {
		if len([]rune(s)) > maxTextRunes {
			return c, invalid("text longer than %d characters", maxTextRunes)
		}
	}
	series := slices.Clone(c.Series)
	for i, s := range series {
		if len([]rune(s.Label)) > maxTextRunes || len([]rune(s.Note)) > maxTextRunes {
			return c, invalid("series %d: text longer than %d characters", i+1, maxTextRunes)
		}
		if len(s.Points) != len(c.Periods) {
			return c, invalid("series %d (%q): %d points for %d surveys", i+1, s.Label, len(s.Points), len(c.Periods))
		}
		pts := slices.Clone(s.Points)
		for j, b := range pts {
			if !finite(b.N) || b.N < 0 {
				return c, invalid("series %d (%q), survey %d: base n = %v", i+1, s.Label, j+1, b.N)
			}
			if b.Suppressed {
				continue
			}
			for _, v := range []float64{b.Estimate, b.Lower, b.Upper} {
				if !finite(v) || v < -eps || v > 1+eps {
					return c, invalid("series %d (%q), survey %d: value %v is not a share in [0, 1]", i+1, s.Label, j+1, v)
				}
			}
			if b.Lower > b.Estimate+eps || b.Estimate > b.Upper+eps {
				return c, invalid("series %d (%q), survey %d: interval [%v, %v] does not contain estimate %v",
					i+1, s.Label, j+1, b.Lower, b.Upper, b.Estimate)
			}
			pts[j].Estimate, pts[j].Lower, pts[j].Upper = clamp01(b.Estimate), clamp01(b.Lower), clamp01(b.Upper)
		}
		series[i].Points = pts
	}
	c.Series = series
	return c, nil
}

// seriesAxis is the share axis of a series chart: from 0 unless
// Chart.FreeAxis, to above the highest interval.
func (r *renderer) seriesAxis() axis {
	lo, hi := 1.0, 0.0
	for _, s := range r.c.Series {
		for _, b := range s.Points {
			if !b.Suppressed {
				lo, hi = math.Min(lo, b.Lower), math.Max(hi, math.Max(b.Upper, b.Estimate))
			}
		}
	}
	if lo > hi {
		lo, hi = 0, 0
	}
	if !r.c.FreeAxis {
		lo = 0
	} else {
		lo = math.Max(0, lo-0.015)
	}
	return niceAxis(lo, math.Min(1, hi+0.015))
}

// dot draws a filled circle of radius rad at (x, top), ringed in the
// background colour.
func (r *renderer) dot(i int, x, top, rad vg.Length) {
	var p vg.Path
	p.Move(vg.Point{X: x + rad, Y: r.y(top)})
	p.Arc(vg.Point{X: x, Y: r.y(top)}, rad, 0, 2*math.Pi)
	p.Close()
	r.dc.SetColor(r.th.color(i))
	r.dc.Fill(p)
}

// legend draws coloured dots with labels in one row from x at top and
// returns its height; labels that do not fit are cut.
func (r *renderer) legend(labels []string, x, top, width vg.Length) vg.Length {
	st := r.labelStyle()
	rad := r.body() * 0.38
	cx := x
	for i, l := range labels {
		l = clean(l)
		w := r.width(st, l)
		if cx+2*rad+r.pad()+w > x+width && cx > x {
			break
		}
		r.dot(i, cx+rad, top+lineH(st)/2, rad)
		r.text(st, cx+2*rad+r.pad()*0.6, top, 0, l)
		cx += 2*rad + r.pad()*0.6 + w + r.pad()*2.5
	}
	return lineH(st)
}

// drawDumbbell draws one row per series with a point and interval per
// survey on a common share axis, joined by a bar, the values above the
// points and the series' note below them.
func (r *renderer) drawDumbbell(reg region) error {
	sm, vs := r.smallStyle(), tstyle{true, r.smallStyle().size, r.th.Text}
	top := reg.top
	top += r.legend(r.c.Periods, reg.x, top, reg.w) + r.pad()
	axisH := lineH(sm) + r.pad()*0.4
	rowsH := reg.top + reg.h - top - axisH
	n := len(r.c.Series)
	rowH := rowsH / vg.Length(n)
	need := lineH(vs) + r.body()*1.2 + lineH(sm)
	if rowH < need {
		return r.errNoFit("the number of rows")
	}
	rowH = min(rowH, need*2.4)
	// Few rows on a tall page: centre the block of rows.
	top += (rowsH - rowH*vg.Length(n)) / 2
	labels := make([]Bar, n)
	for i, s := range r.c.Series {
		labels[i] = Bar{Label: s.Label}
	}
	saved := r.c.Bars
	r.c.Bars = labels
	labelW := r.labelWidth(reg, 0.32, false, false)
	r.c.Bars = saved
	a := r.seriesAxis()
	a.x0 = reg.x + labelW + r.pad()*3
	a.x1 = reg.x + reg.w - r.pad()*3
	if a.x1-a.x0 < reg.w*0.3 {
		return r.errNoFit("the row labels")
	}
	rowsTop := top
	rowsBottom := rowsTop + rowH*vg.Length(n)
	r.drawAxis(a, rowsTop, rowsBottom)
	lw := r.body() / 8
	rad := r.body() * 0.42
	for i, s := range r.c.Series {
		rt := rowsTop + vg.Length(i)*rowH
		cy := rt + lineH(vs) + r.body()*0.6
		r.rowLabel(Bar{Label: s.Label}, reg.x, labelW, cy, min(rowH, lineH(r.labelStyle())*3.2), false)
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, b := range s.Points {
			if !b.Suppressed {
				lo, hi = math.Min(lo, b.Estimate), math.Max(hi, b.Estimate)
			}
		}
		if lo < hi {
			r.line(r.th.Grid, r.body()*0.5, nil, a.pos(lo), cy, a.pos(hi), cy)
		}
		// The lowest and the highest value are printed beside the ends
		// of their intervals, others above their points, so that close
		// values do not overprint each other.
		lowest, highest := -1, -1
		for j, b := range s.Points {
			if b.Suppressed {
				continue
			}
			if lowest < 0 || b.Estimate < s.Points[lowest].Estimate {
				lowest = j
			}
			if highest < 0 || b.Estimate >= s.Points[highest].Estimate {
				highest = j
			}
		}
		// Every interval first, then the points, so that where the
		// intervals overlap no point is hidden under another whisker.
		left := math.Inf(1)
		for _, b := range s.Points {
			if !b.Suppressed {
				r.whisker(a, b, cy, r.body()*0.7, lw*1.4)
				left = math.Min(left, b.Lower)
			}
		}
		for j, b := range s.Points {
			if b.Suppressed {
				continue
			}
			r.dot(j, a.pos(b.Estimate), cy, rad)
			v := r.nf.pct(b.Estimate)
			switch {
			case j == lowest && lowest != highest:
				r.text(vs, a.pos(b.Lower)-r.pad(), cy-lineH(vs)/2, 1, v)
			case j == highest:
				r.text(vs, a.pos(b.Upper)+r.pad(), cy-lineH(vs)/2, 0, v)
			default:
				r.text(vs, a.pos(b.Estimate), rt, 0.5, v)
			}
		}
		if s.Note != "" {
			ls := r.wrap(sm, s.Note, a.x1-a.x0-r.pad(), 1)
			if len(ls) > 0 {
				// Under the row's intervals, starting where the lowest
				// one starts, kept within the axis.
				nt := cy + r.body()*0.6
				w := r.width(sm, ls[0])
				x := a.x0 + r.pad()
				if !math.IsInf(left, 1) {
					x = max(x, min(a.pos(left), a.x1-w-r.pad()))
				}
				r.rect(r.th.Background, x-r.pad()*0.5, nt, w+r.pad(), lineH(sm))
				r.text(sm, x, nt, 0, ls[0])
			}
		}
	}
	return nil
}

// drawTrend draws each series as points with vertical intervals over the
// surveys in order, joined by lines, with a legend above and the series'
// notes below.
func (r *renderer) drawTrend(reg region) error {
	sm := r.smallStyle()
	vs := tstyle{true, sm.size, r.th.Text}
	top := reg.top
	labels := make([]string, len(r.c.Series))
	for i, s := range r.c.Series {
		labels[i] = s.Label
	}
	top += r.legend(labels, reg.x, top, reg.w) + r.pad()
	var notes []string
	for _, s := range r.c.Series {
		if s.Note != "" {
			notes = append(notes, r.wrap(sm, clean(s.Label)+": "+s.Note, reg.w, 1)...)
		}
	}
	notesH := vg.Length(len(notes)) * lineH(sm)
	bottom := reg.top + reg.h - notesH - r.pad()
	periodH := lineH(r.labelStyle()) + r.pad()*0.4
	plotTop, plotBottom := top+lineH(vs), bottom-periodH
	if plotBottom-plotTop < r.body()*5 {
		return r.errNoFit("the legend and notes")
	}
	a := r.seriesAxis()
	tickW := r.width(sm, r.nf.pctDec(1, 0)) + r.pad()
	x0, x1 := reg.x+tickW+r.pad(), reg.x+reg.w
	yOf := func(v float64) vg.Length {
		return plotBottom - vg.Length((v-a.lo)/(a.hi-a.lo))*(plotBottom-plotTop)
	}
	for _, v := range a.ticks() {
		col, w := r.th.Grid, vg.Length(0.6)
		if v == 0 {
			col, w = r.th.Muted, 0.8
		}
		r.line(col, w, nil, x0, yOf(v), x1, yOf(v))
		r.text(sm, x0-r.pad(), yOf(v)-lineH(sm)/2, 1, r.nf.pctDec(v, 0))
	}
	k := len(r.c.Periods)
	step := (x1 - x0) / vg.Length(k)
	xOf := func(j int) vg.Length { return x0 + step*(vg.Length(j)+0.5) }
	for j, p := range r.c.Periods {
		ls := r.wrap(r.labelStyle(), p, step-r.pad(), 1)
		r.lines(r.labelStyle(), xOf(j), plotBottom+r.pad()*0.4, 0.5, ls)
	}
	lw := r.body() / 8
	rad := r.body() * 0.42
	for i, s := range r.c.Series {
		prev := -1
		for j, b := range s.Points {
			if b.Suppressed {
				prev = -1
				continue
			}
			if prev >= 0 {
				r.line(r.th.color(i), lw*2.5, nil, xOf(prev), yOf(s.Points[prev].Estimate), xOf(j), yOf(b.Estimate))
			}
			prev = j
		}
	}
	for i, s := range r.c.Series {
		// Series side by side within a survey's column, so that
		// intervals of close shares do not hide each other.
		off := (vg.Length(i) - vg.Length(len(r.c.Series)-1)/2) * rad * 1.2
		for j, b := range s.Points {
			if b.Suppressed {
				continue
			}
			x := xOf(j) + off
			if b.Upper-b.Lower >= eps {
				r.line(r.th.Whisker, lw*1.4, nil, x, yOf(b.Lower), x, yOf(b.Upper))
				r.line(r.th.Whisker, lw*1.4, nil, x-rad*0.8, yOf(b.Lower), x+rad*0.8, yOf(b.Lower))
				r.line(r.th.Whisker, lw*1.4, nil, x-rad*0.8, yOf(b.Upper), x+rad*0.8, yOf(b.Upper))
			}
			r.dot(i, x, yOf(b.Estimate), rad)
			v := r.nf.pct(b.Estimate)
			vx, vt := x+rad*1.8, yOf(b.Estimate)-lineH(vs)/2
			r.rect(r.th.Background, vx-r.pad()/4, vt, r.width(vs, v)+r.pad()/2, lineH(vs))
			r.text(vs, vx, vt, 0, v)
		}
	}
	r.lines(sm, reg.x, bottom+r.pad(), 0, notes)
	return nil
}
