package crossstudy

import (
	"embed"
	"math"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/internal/catalog"
	"github.com/surveystat/surveystat/report"
)

// i18nFiles holds the message catalogs, one JSON file per language.
//
//go:embed i18n/*.json
var i18nFiles embed.FS

// messages holds the fixed text of a comparison report in every language
// of report.Langs; it is read, never changed, after the package is loaded.
var messages = loadMessages()

// loadMessages loads the catalogs of report.Langs from i18n/; the tests
// check that each exists and has every key.
func loadMessages() map[string]*catalog.Catalog {
	m := make(map[string]*catalog.Catalog)
	for _, lang := range report.Langs() {
		if c, err := catalog.Load(i18nFiles, "i18n", lang); err == nil {
			m[lang] = c
		}
	}
	return m
}

// t returns the message key in lang with {name} placeholders replaced by
// the given name, value pairs (catalog.Catalog.T); a missing key or
// language shows as "!key" (the tests check that every key exists in
// every language).
func t(lang, key string, pairs ...string) string {
	c, ok := messages[lang]
	if !ok {
		return "!" + key
	}
	return c.T(key, pairs...)
}

// levelNumber is the level as a number without unit: "95", "99.5".
func levelNumber(level float64, lang string) string {
	d := 0
	for d < 3 && math.Abs(level*100*math.Pow10(d)-math.Round(level*100*math.Pow10(d))) > 1e-6 {
		d++
	}
	return decimal(level*100, d, lang)
}

// ciShort is the abbreviation of a confidence interval at level: "95% CI",
// "95-%-KI", "95%-BI".
func ciShort(level float64, lang string) string {
	n := levelNumber(level, lang)
	switch lang {
	case "de":
		return n + "-%-KI"
	case "nl":
		return n + "%-BI"
	}
	return n + "% CI"
}

// ciLong is the same written out: "95% confidence interval",
// "95-%-Konfidenzintervall", "95%-betrouwbaarheidsinterval".
func ciLong(level float64, lang string) string {
	n := levelNumber(level, lang)
	switch lang {
	case "de":
		return n + "-%-Konfidenzintervall"
	case "nl":
		return n + "%-betrouwbaarheidsinterval"
	}
	return n + "% confidence interval"
}

// levelAdj is the level before "-Konfidenzintervallen" and the like:
// "95%", "95-%", "95%".
func levelAdj(level float64, lang string) string {
	n := levelNumber(level, lang)
	if lang == "de" {
		return n + "-%"
	}
	return n + "%"
}

// decimal formats v with the decimal separator of lang.
func decimal(v float64, decimals int, lang string) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	if lang == "de" || lang == "nl" {
		s = strings.ReplaceAll(s, ".", ",")
	}
	return s
}

// points formats a difference of shares in percentage points with one
// decimal; signed adds "+" to positive values. Negative values take a
// minus sign (−).
func points(v float64, signed bool, lang string) string {
	s := decimal(100*v, 1, lang)
	if strings.HasPrefix(s, "-") {
		return "−" + s[1:]
	}
	if signed && strings.Trim(s, "0.,") != "" {
		return "+" + s
	}
	return s
}

// pText formats a p-value: "p = 0.042", "p < 0.001".
func pText(p float64, lang string) string {
	switch {
	case math.IsNaN(p):
		return t(lang, "no_test")
	case p < 0.001:
		return "p < " + decimal(0.001, 3, lang)
	}
	return "p = " + decimal(p, 3, lang)
}

// diffNote is the annotation of a difference on a chart and in the
// summary: "+8.0 points, 95% CI 4.2 to 11.8".
func diffNote(d Diff, level float64, lang string) string {
	return t(lang, "points", "diff", points(d.Diff, true, lang), "ci", ciShort(level, lang),
		"lo", points(d.Lower, false, lang), "hi", points(d.Upper, false, lang))
}

// statusText is a study's data status in words, with "assumed" for an
// assumed sample size.
func statusText(status, lang string) string {
	return t(lang, "status_"+status)
}

// percent formats a share with one decimal.
func percent(p float64, lang string) string { return report.Percent(p, 1, lang) }

func count(n float64, lang string) string { return report.Count(n, lang) }

func methodName(m, lang string) string {
	if c, ok := messages[lang]; ok && c.Has("method_"+m) {
		return c.T("method_" + m)
	}
	return m
}
