package figures

import (
	"math"
	"strconv"
	"strings"
)

// words holds the built-in wording of one language.
type words struct {
	notShown     string // "n < %s – not shown", %s is MinN
	synthetic    string // mark on synthetic-data charts
	interval     string // prefix of an interval in running text
	kind         [len(kindNames)]string
	ref          string // reference line in alt text
	syntheticAlt string
	assumed      string // after an n that is assumed, not counted
}

var wording = map[string]words{
	"en": {
		notShown:     "n < %s – not shown",
		synthetic:    "SYNTHETIC DATA – NOT REAL SURVEY RESULTS",
		interval:     "interval",
		kind:         [...]string{"Bar chart", "Stacked bar chart", "Funnel chart", "Waffle chart", "Forest plot", "Trend chart", "Dumbbell chart"},
		ref:          "Reference line at %s.",
		syntheticAlt: "Synthetic data, not real survey results.",
		assumed:      "assumed",
	},
	"de": {
		notShown:     "n < %s – nicht ausgewiesen",
		synthetic:    "SYNTHETISCHE DATEN – KEINE ECHTEN UMFRAGEERGEBNISSE",
		interval:     "Intervall",
		kind:         [...]string{"Balkendiagramm", "Gestapeltes Balkendiagramm", "Trichterdiagramm", "Waffeldiagramm", "Forest-Plot", "Trenddiagramm", "Hanteldiagramm"},
		ref:          "Referenzlinie bei %s.",
		syntheticAlt: "Synthetische Daten, keine echten Umfrageergebnisse.",
		assumed:      "angenommen",
	},
	"nl": {
		notShown:     "n < %s – niet getoond",
		synthetic:    "SYNTHETISCHE GEGEVENS – GEEN ECHTE ENQUÊTERESULTATEN",
		interval:     "interval",
		kind:         [...]string{"Staafdiagram", "Gestapeld staafdiagram", "Trechterdiagram", "Wafeldiagram", "Forestplot", "Trenddiagram", "Halterdiagram"},
		ref:          "Referentielijn bij %s.",
		syntheticAlt: "Synthetische gegevens, geen echte enquêteresultaten.",
		assumed:      "aangenomen",
	},
}

// nbsp keeps a number and its unit on one line.
const nbsp = "\u00a0"

// numFormat formats numbers for one language.
type numFormat struct {
	lang     string
	decimals int
	space    string // between number and "%": nbsp in charts, " " in alt text
}

func newNumFormat(lang string, decimals int, space string) numFormat {
	return numFormat{lang: lang, decimals: decimals, space: space}
}

// decimalComma reports whether the language writes 0,5 instead of 0.5.
func (f numFormat) decimalComma() bool { return f.lang == "de" || f.lang == "nl" }

// num formats a percentage number (already multiplied by 100).
//
// Rounding is half away from zero on the decimal value as printed, so that
// 44.5 (stored as 44.4999…) prints as 45 with no decimals.
func (f numFormat) num(pct float64, decimals int) string {
	scale := math.Pow10(decimals)
	x := pct * scale
	x = math.Round(x+math.Copysign(1e-7, x)) / scale
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	if f.decimalComma() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (f numFormat) unit() string {
	if f.lang == "de" {
		return f.space + "%"
	}
	return "%"
}

// pct formats a share in [0, 1] as a percentage: "40%" or "40 %". A
// share that is not exactly 0 or 1 but would print as 0% or 100% prints
// as "<1%" or ">99%" (with the format's decimals: "<0.1%", ">99.9%"), so
// that 1 in 271 does not read like none and 270 in 271 like all.
func (f numFormat) pct(v float64) string {
	s := f.num(v*100, f.decimals)
	if v > 0 && v < 1 {
		step := math.Pow10(-f.decimals)
		switch s {
		case f.num(0, f.decimals):
			return "<" + f.num(step, f.decimals) + f.unit()
		case f.num(100, f.decimals):
			return ">" + f.num(100-step, f.decimals) + f.unit()
		}
	}
	return s + f.unit()
}

// pctDec formats a share with the given number of decimals.
func (f numFormat) pctDec(v float64, decimals int) string {
	return f.num(v*100, decimals) + f.unit()
}

// pctRange formats an interval: "37–43%" or "37–43 %". When the two
// limits differ but would print alike ("13–13%"), it uses as many more
// decimals (up to 3) as it takes to tell them apart: "12.6–13.4%".
func (f numFormat) pctRange(lo, hi float64) string {
	d := f.decimals
	for d < 3 && hi-lo >= eps && f.num(lo*100, d) == f.num(hi*100, d) {
		d++
	}
	return f.num(lo*100, d) + "–" + f.num(hi*100, d) + f.unit()
}

// count formats a base n with thousands separators: "1,000" or "1.000";
// non-integral (weighted) bases get one decimal.
func (f numFormat) count(n float64) string {
	dec := 0
	if math.Abs(n-math.Round(n)) > 1e-9 {
		dec = 1
	}
	s := strconv.FormatFloat(n, 'f', dec, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thou, point := ",", "."
	if f.decimalComma() {
		thou, point = ".", ","
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// nLabel formats "n = 750", or "n = 750 (assumed)" when the base is an
// assumption rather than a count (Bar.NAssumed).
func (f numFormat) nLabel(n float64, assumed bool) string {
	s := "n" + f.space + "=" + f.space + f.count(n)
	if assumed {
		s += " (" + wording[f.lang].assumed + ")"
	}
	return s
}

// nLabelNested is nLabel for a place inside parentheses: the note in
// square brackets, as nested parentheses are written, "(interval 45–64%,
// n = 1,200 [assumed])" rather than "(…, n = 1,200 (assumed))".
func (f numFormat) nLabelNested(n float64, assumed bool) string {
	s := "n" + f.space + "=" + f.space + f.count(n)
	if assumed {
		s += " [" + wording[f.lang].assumed + "]"
	}
	return s
}

// KindName is the name of a kind of chart in lang ("Stacked bar chart",
// "Gestapeltes Balkendiagramm"), as alt text begins; "" for an unknown kind
// or language.
func KindName(k Kind, lang string) string {
	w, ok := wording[lang]
	if !ok || k < 0 || int(k) >= len(w.kind) {
		return ""
	}
	return w.kind[k]
}
