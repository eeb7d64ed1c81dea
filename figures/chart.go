package figures

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// Kind is the type of chart to draw.
type Kind int

const (
	// Bars draws one horizontal bar per [Bar] with an interval whisker and
	// the value printed next to it. An optional reference line
	// (Chart.Reference) marks e.g. 50 %.
	Bars Kind = iota
	// Stacked draws a single 100 % stacked horizontal bar, one segment per
	// [Bar] in the given order, values inside the segments and a legend with
	// intervals below. Segments marked Neutral are grey (diverging split).
	Stacked
	// Funnel draws centred bars, one per step, in the given order, each
	// step's share of the whole population with its interval.
	Funnel
	// Waffle draws a 10×10 grid of squares for one headline share (or up
	// to four shares that together do not exceed 100 %).
	Waffle
	// Forest draws a point and interval per subgroup row, with n per row.
	Forest
	// Trend draws each of Chart.Series as points with intervals over the
	// surveys of Chart.Periods, in their order, joined by lines.
	Trend
	// Dumbbell draws one row per series with a point and interval per
	// survey on a common axis, joined by a bar, and the series' note (the
	// difference) below.
	Dumbbell
)

var kindNames = [...]string{"bars", "stacked", "funnel", "waffle", "forest", "trend", "dumbbell"}

// String returns the lower-case name of the kind, e.g. "bars".
func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Name returns the name of the kind in running text in lang ("en", "de"
// or "nl"; English otherwise), e.g. "Funnel chart", "Trichterdiagramm".
func (k Kind) Name(lang string) string {
	w, ok := wording[lang]
	if !ok {
		w = wording["en"]
	}
	if k < 0 || int(k) >= len(w.kind) {
		return k.String()
	}
	return w.kind[k]
}

// ParseKind returns the Kind named s ("bars", "stacked", "funnel",
// "waffle" or "forest").
func ParseKind(s string) (Kind, error) {
	if i := slices.Index(kindNames[:], s); i >= 0 {
		return Kind(i), nil
	}
	return 0, fmt.Errorf("figures: unknown chart kind %q", s)
}

// Bar is one bar, stack segment, funnel step, waffle share or forest row.
// Shares are proportions in [0, 1].
type Bar struct {
	Label    string
	Estimate float64 // point estimate
	Lower    float64 // lower interval bound; Lower == Upper draws no whisker
	Upper    float64 // upper interval bound
	N        float64 // unweighted base of this row; 0 = unknown
	// NAssumed marks N as an assumption (e.g. a published table gave no
	// base): wherever n is printed it reads "n = 1,000 (assumed)".
	NAssumed bool
	// Suppressed marks a base too small to publish: the row is drawn empty
	// with the note "n < MinN – not shown" and its values are ignored. A
	// Stacked chart with any suppressed segment is drawn as one empty bar
	// with the note (its segments share one base), without brackets.
	Suppressed bool
	// NotShown, for a Suppressed row, is why it is not shown, in the
	// chart's language (e.g. "no degrees of freedom: not shown"); empty
	// means the small-cell rule, "not shown (n < MinN)".
	NotShown string
	// Neutral draws a Stacked segment in the theme's neutral grey, e.g.
	// "don't care" between "approve" and "oppose".
	Neutral bool
}

// Chart is everything printed on one figure. All text is printed verbatim;
// it should already be in the chart's language.
type Chart struct {
	Kind     Kind
	Title    string
	Subtitle string // e.g. the verdict on a claim, given by the caller
	Base     string // e.g. "Base: 750 respondents aware of the plans"
	Method   string // e.g. "95% Wilson score intervals"
	Source   string // source line from the study file
	// Synthetic prints a conspicuous "synthetic data" mark.
	Synthetic bool
	// Lang selects number format and built-in wording: "en" (default),
	// "de" or "nl". de prints "40 %", en and nl "40%"; de and nl use a
	// decimal comma.
	Lang string
	Bars []Bar
	// Reference draws a dashed reference line at this share (Bars and
	// Forest); 0 means none.
	Reference float64
	// Sorted orders Bars and Forest rows by descending estimate
	// (suppressed rows last); otherwise the given order is kept.
	Sorted bool
	// Decimals is the number of decimals of printed percentages (0–2).
	Decimals int
	// ShowN prints "n = …" under each row label of Bars and Funnel charts
	// (Forest always does).
	ShowN bool
	// MinN is the threshold printed in the suppression note; 0 means 30.
	MinN int

	// Periods names the surveys of a Trend or Dumbbell chart in order
	// (e.g. "2018", "2020"), and Series holds one share followed across
	// them; Bars is not used by these kinds.
	Periods []string
	Series  []Series
	// FreeAxis lets the share axis of a Trend or Dumbbell chart start
	// near the lowest interval instead of at 0.
	FreeAxis bool

	// Brackets mark nets on a Stacked chart: a bracket under adjacent
	// segments with the net's total and interval.
	Brackets []Bracket
}

// Bracket is the total of adjacent segments First … Last (indices into
// Chart.Bars) of a Stacked chart, e.g. "Reject" over "against" and "only
// with consent", with its own estimate and interval (a share in [0, 1]).
type Bracket struct {
	Label                  string
	First, Last            int
	Estimate, Lower, Upper float64
}

// Limits on chart content; larger input is rejected with an error.
const (
	maxRows        = 30
	maxWaffleBars  = 4
	maxBrackets    = 3
	maxTextRunes   = 2000
	stackTolerance = 0.03
	eps            = 1e-9
)

// ErrInvalidChart is wrapped by every error about unusable chart content.
var ErrInvalidChart = errors.New("figures: invalid chart")

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidChart, fmt.Sprintf(format, args...))
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// normalize checks c and returns a copy with defaults applied and rows
// sorted if requested.
func (c Chart) normalize() (Chart, error) {
	if c.Kind < 0 || int(c.Kind) >= len(kindNames) {
		return c, invalid("unknown kind %d", int(c.Kind))
	}
	if c.Lang == "" {
		c.Lang = "en"
	}
	if _, ok := wording[c.Lang]; !ok {
		return c, invalid("unsupported language %q (want en, de or nl)", c.Lang)
	}
	if c.MinN == 0 {
		c.MinN = 30
	}
	if c.Kind == Trend || c.Kind == Dumbbell {
		if c.Decimals < 0 || c.Decimals > 2 {
			return c, invalid("decimals %d out of range 0–2", c.Decimals)
		}
		return c.normalizeSeries()
	}
	if len(c.Bars) == 0 {
		return c, invalid("no bars")
	}
	if len(c.Bars) > maxRows {
		return c, invalid("%d bars, at most %d fit on a chart", len(c.Bars), maxRows)
	}
	if c.Decimals < 0 || c.Decimals > 2 {
		return c, invalid("decimals %d out of range 0–2", c.Decimals)
	}
	if c.MinN == 0 {
		c.MinN = 30
	}
	if c.MinN < 0 {
		return c, invalid("negative MinN %d", c.MinN)
	}
	if !finite(c.Reference) || c.Reference < 0 || c.Reference > 1 {
		return c, invalid("reference %v outside [0, 1]", c.Reference)
	}
	for _, s := range []string{c.Title, c.Subtitle, c.Base, c.Method, c.Source} {
		if len([]rune(s)) > maxTextRunes {
			return c, invalid("text longer than %d characters", maxTextRunes)
		}
	}
	c.Bars = slices.Clone(c.Bars)
	c = c.cleanTexts()
	bars := c.Bars
	visible, sum := 0, 0.0
	for i, b := range bars {
		if len([]rune(b.Label)) > maxTextRunes {
			return c, invalid("bar %d: label longer than %d characters", i+1, maxTextRunes)
		}
		if !finite(b.N) || b.N < 0 {
			return c, invalid("bar %d (%q): base n = %v", i+1, b.Label, b.N)
		}
		if b.Suppressed {
			continue
		}
		visible++
		for _, v := range []float64{b.Estimate, b.Lower, b.Upper} {
			if !finite(v) || v < -eps || v > 1+eps {
				return c, invalid("bar %d (%q): value %v is not a share in [0, 1]", i+1, b.Label, v)
			}
		}
		if b.Lower > b.Estimate+eps || b.Estimate > b.Upper+eps {
			return c, invalid("bar %d (%q): interval [%v, %v] does not contain estimate %v",
				i+1, b.Label, b.Lower, b.Upper, b.Estimate)
		}
		bars[i].Estimate = clamp01(b.Estimate)
		bars[i].Lower = clamp01(b.Lower)
		bars[i].Upper = clamp01(b.Upper)
		sum += b.Estimate
	}
	switch c.Kind {
	case Stacked:
		if visible != len(bars) {
			// The segments of one stacked bar share one base: if any of
			// them is too small to publish, none is shown, and neither are
			// the nets over them.
			for i := range bars {
				bars[i].Suppressed = true
			}
			c.Brackets = nil
			break
		}
		if math.Abs(sum-1) > stackTolerance {
			return c, invalid("stacked segments sum to %.3f, want 1", sum)
		}
	case Waffle:
		if len(bars) > maxWaffleBars {
			return c, invalid("waffle with %d shares, at most %d", len(bars), maxWaffleBars)
		}
		if sum > 1+stackTolerance {
			return c, invalid("waffle shares sum to %.3f, more than 1", sum)
		}
	}
	if c.Sorted && (c.Kind == Bars || c.Kind == Forest) {
		slices.SortStableFunc(bars, func(a, b Bar) int {
			switch {
			case a.Suppressed != b.Suppressed:
				if a.Suppressed {
					return 1
				}
				return -1
			case a.Suppressed:
				return 0
			case a.Estimate > b.Estimate:
				return -1
			case a.Estimate < b.Estimate:
				return 1
			}
			return 0
		})
	}
	c.Bars = bars
	if len(c.Brackets) > 0 && c.Kind != Stacked {
		return c, invalid("brackets on a %s chart (only stacked charts have them)", c.Kind)
	}
	if len(c.Brackets) > maxBrackets {
		return c, invalid("%d brackets, at most %d", len(c.Brackets), maxBrackets)
	}
	for i, b := range c.Brackets {
		if b.First < 0 || b.Last >= len(bars) || b.First > b.Last {
			return c, invalid("bracket %d (%q): segments %d to %d of %d", i+1, b.Label, b.First+1, b.Last+1, len(bars))
		}
		if len([]rune(b.Label)) > maxTextRunes {
			return c, invalid("bracket %d: label longer than %d characters", i+1, maxTextRunes)
		}
		for _, v := range []float64{b.Estimate, b.Lower, b.Upper} {
			if !finite(v) || v < -eps || v > 1+eps {
				return c, invalid("bracket %d (%q): value %v is not a share in [0, 1]", i+1, b.Label, v)
			}
		}
		if b.Lower > b.Estimate+eps || b.Estimate > b.Upper+eps {
			return c, invalid("bracket %d (%q): interval [%v, %v] does not contain estimate %v", i+1, b.Label, b.Lower, b.Upper, b.Estimate)
		}
	}
	return c, nil
}

func clamp01(v float64) float64 { return math.Min(1, math.Max(0, v)) }
