package figures

import (
	"fmt"
	"math"
)

// methodNames are the display names of the interval methods of package
// analysis (analysis.MethodNames), by language where they differ.
var methodNames = map[string]map[string]string{
	"wilson":          {"en": "Wilson score"},
	"wilson-cc":       {"en": "Wilson score with continuity correction", "de": "Wilson mit Stetigkeitskorrektur", "nl": "Wilson met continuïteitscorrectie"},
	"clopper-pearson": {"en": "Clopper–Pearson, exact", "de": "Clopper-Pearson, exakt", "nl": "Clopper-Pearson, exact"},
	"jeffreys":        {"en": "Jeffreys"},
	"agresti-coull":   {"en": "Agresti–Coull", "de": "Agresti-Coull", "nl": "Agresti-Coull"},
	"wald":            {"en": "Wald"},
	"mid-p":           {"en": "mid-p", "de": "Mid-p", "nl": "mid-p"},
	"likelihood":      {"en": "likelihood ratio", "de": "Likelihood-Quotient", "nl": "likelihood-ratio"},
	"logit":           {"en": "logit"},
}

// MethodLine returns the interval line printed under a chart, e.g.
// MethodLine("wilson", 0.95, "de") = "95-%-Konfidenzintervalle (Wilson)".
// method is a name from analysis.MethodNames; an unknown name is printed
// as given. level is the confidence level in (0, 1).
func MethodLine(method string, level float64, lang string) (string, error) {
	if !finite(level) || level <= 0 || level >= 1 {
		return "", fmt.Errorf("figures: confidence level %v outside (0, 1)", level)
	}
	if _, ok := wording[lang]; !ok {
		return "", fmt.Errorf("figures: unsupported language %q (want en, de or nl)", lang)
	}
	name := method
	if names, ok := methodNames[method]; ok {
		name = names["en"]
		if n, ok := names[lang]; ok {
			name = n
		}
		if lang != "en" && name == "Wilson score" {
			name = "Wilson"
		}
	}
	// As few decimals as the level needs: 95, 99.5.
	dec := 0
	for dec < 3 && math.Abs(level*100*math.Pow10(dec)-math.Round(level*100*math.Pow10(dec))) > 1e-6 {
		dec++
	}
	nf := newNumFormat(lang, dec, "")
	pct := nf.pct(level)
	switch lang {
	case "de":
		return fmt.Sprintf("%s-%%-Konfidenzintervalle (%s)", nf.num(level*100, dec), name), nil
	case "nl":
		return fmt.Sprintf("%s-betrouwbaarheidsintervallen (%s)", pct, name), nil
	}
	return fmt.Sprintf("%s confidence intervals (%s)", pct, name), nil
}
