package report

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/internal/catalog"
)

//go:embed i18n/*.json
var i18nFiles embed.FS

// Langs lists the languages reports are written in; the first is the
// default.
func Langs() []string { return []string{"en", "de", "nl"} }

// messages is the fixed text of a report in one language.
type messages struct {
	*catalog.Catalog
	lang string // the Catalog's language
}

func loadMessages(lang string) (*messages, error) {
	c, err := catalog.Load(i18nFiles, "i18n", lang)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("language %q: no translation (have %s)", lang, strings.Join(Langs(), ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("translation %s: %w", lang, err)
	}
	return &messages{Catalog: c, lang: lang}, nil
}

// Percent formats a proportion as a percentage with the given decimals in
// the conventions of lang: "66.0%" (en), "66,0 %" (de), "66,0%" (nl).
func Percent(p float64, decimals int, lang string) string {
	s := strconv.FormatFloat(100*p, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	switch lang {
	case "de":
		return strings.ReplaceAll(s, ".", ",") + "\u00a0%"
	case "nl":
		return strings.ReplaceAll(s, ".", ",") + "%"
	}
	return s + "%"
}

// percentRange formats an interval "62.5–69.3%" with one unit sign. When
// the limits differ but would print alike ("13.0–13.0%"), it takes as many
// more decimals (up to 4) as it needs to tell them apart.
func percentRange(lo, hi float64, decimals int, lang string) string {
	for decimals < 4 && hi > lo && Percent(lo, decimals, lang) == Percent(hi, decimals, lang) {
		decimals++
	}
	l := Percent(lo, decimals, lang)
	l = strings.TrimSuffix(strings.TrimSuffix(l, "%"), "\u00a0")
	return l + "–" + Percent(hi, decimals, lang)
}

// Count formats a whole number with the thousands separator of lang:
// "1,000" (en), "1.000" (de, nl). Non-integers keep two decimals.
func Count(v float64, lang string) string {
	sep, dec := ",", "."
	if lang == "de" || lang == "nl" {
		sep, dec = ".", ","
	}
	neg := v < 0
	v = math.Abs(v)
	whole := math.Floor(v)
	frac := ""
	if v != whole {
		f := strconv.FormatFloat(v, 'f', 2, 64)
		i := strings.IndexByte(f, '.')
		whole, _ = strconv.ParseFloat(f[:i], 64)
		frac = dec + f[i+1:]
	}
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(d)
	}
	s := b.String() + frac
	if neg {
		s = "-" + s
	}
	return s
}

// levelText formats a confidence level: "95%".
func levelText(level float64, lang string) string {
	d := 0
	if math.Abs(level*100-math.Round(level*100)) > 1e-9 {
		d = 1
	}
	return Percent(level, d, lang)
}
