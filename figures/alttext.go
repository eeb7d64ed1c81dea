package figures

import (
	"fmt"
	"strings"
)

// altWords is the running-text wording of AltText.
var altWords = map[string]struct{ notShown string }{
	"en": {"not shown (n < %s)"},
	"de": {"nicht ausgewiesen (n < %s)"},
	"nl": {"niet getoond (n < %s)"},
}

// AltText returns a plain-language description of c for screen readers
// (HTML alt attribute) and for the .txt file published next to each chart.
// It names the chart type, repeats title and subtitle, lists every value
// with its interval and base in the chart's order, and ends with the base,
// method and source lines and, if applicable, the synthetic-data warning.
// Invalid charts are described as far as possible; AltText never panics.
func AltText(c Chart) string {
	n, err := c.normalize()
	if err == nil {
		c = n
	} else if _, ok := wording[c.Lang]; !ok {
		c.Lang = "en"
	}
	w := wording[c.Lang]
	aw := altWords[c.Lang]
	nf := newNumFormat(c.Lang, max(0, min(2, c.Decimals)), " ")
	minN := c.MinN
	if minN <= 0 {
		minN = 30
	}

	var sb strings.Builder
	sentence := func(s string) {
		s = clean(s)
		if s == "" {
			return
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s)
		if !strings.ContainsAny(s[len(s)-1:], ".!?:") {
			sb.WriteByte('.')
		}
	}
	kind := "Chart"
	if c.Kind >= 0 && int(c.Kind) < len(w.kind) {
		kind = w.kind[c.Kind]
	}
	if t := clean(c.Title); t != "" {
		sentence(kind + ": " + t)
	} else {
		sentence(kind)
	}
	if c.Synthetic {
		sentence(w.syntheticAlt)
	}
	sentence(c.Subtitle)
	describe := func(b Bar, label string) string {
		var parts []string
		if finite(b.Lower) && finite(b.Upper) && b.Upper-b.Lower >= eps {
			parts = append(parts, w.interval+" "+nf.pctRange(b.Lower, b.Upper))
		}
		if finite(b.N) && b.N > 0 {
			parts = append(parts, nf.nLabelNested(b.N, b.NAssumed))
		}
		s := label + " " + valueOrNA(nf, b.Estimate)
		if len(parts) > 0 {
			s += " (" + strings.Join(parts, ", ") + ")"
		}
		return s
	}
	for _, s := range c.Series {
		var pts []string
		for j, b := range s.Points {
			period := "–"
			if j < len(c.Periods) {
				period = clean(c.Periods[j])
			}
			if b.Suppressed {
				pts = append(pts, period+" "+notShownAlt(b, aw.notShown, nf, minN))
				continue
			}
			pts = append(pts, describe(b, period))
		}
		sentence(clean(s.Label) + ": " + strings.Join(pts, "; "))
		sentence(s.Note)
	}
	for _, b := range c.Bars {
		label := clean(b.Label)
		if label == "" {
			label = "–"
		}
		if b.Suppressed {
			sentence(label + ": " + notShownAlt(b, aw.notShown, nf, minN))
			continue
		}
		var parts []string
		if finite(b.Lower) && finite(b.Upper) && b.Upper-b.Lower >= eps {
			parts = append(parts, w.interval+" "+nf.pctRange(b.Lower, b.Upper))
		}
		if finite(b.N) && b.N > 0 {
			parts = append(parts, nf.nLabelNested(b.N, b.NAssumed))
		}
		s := label + ": " + valueOrNA(nf, b.Estimate)
		if len(parts) > 0 {
			s += " (" + strings.Join(parts, ", ") + ")"
		}
		sentence(s)
	}
	for _, b := range c.Brackets {
		s := clean(b.Label) + ": " + valueOrNA(nf, b.Estimate)
		if finite(b.Lower) && finite(b.Upper) && b.Upper-b.Lower >= eps {
			s += " (" + w.interval + " " + nf.pctRange(b.Lower, b.Upper) + ")"
		}
		sentence(s)
	}
	if c.Reference > 0 && finite(c.Reference) {
		sentence(fmt.Sprintf(w.ref, nf.pct(c.Reference)))
	}
	sentence(c.Base)
	sentence(c.Method)
	sentence(c.Source)
	return sb.String()
}

func valueOrNA(nf numFormat, v float64) string {
	if !finite(v) {
		return "n/a"
	}
	return nf.pct(v)
}

// notShownAlt is the alt text of a suppressed row: its own reason, or the
// small-cell rule ("not shown (n < 30)").
func notShownAlt(b Bar, rule string, nf numFormat, minN int) string {
	if b.NotShown != "" {
		return clean(b.NotShown)
	}
	return fmt.Sprintf(rule, nf.count(float64(minN)))
}
