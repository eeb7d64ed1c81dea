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
	// Design-based intervals of weighted and complex samples (analysis
	// methods "svy-" + the name of R's svyciprop method).
	"svy-logit":      {"en": "design-based, logit", "de": "designbasiert, Logit", "nl": "designgebaseerd, logit"},
	"svy-xlogit":     {"en": "design-based, xlogit", "de": "designbasiert, xlogit", "nl": "designgebaseerd, xlogit"},
	"svy-beta":       {"en": "design-based, Korn–Graubard", "de": "designbasiert, Korn-Graubard", "nl": "designgebaseerd, Korn-Graubard"},
	"svy-mean":       {"en": "design-based, Wald", "de": "designbasiert, Wald", "nl": "designgebaseerd, Wald"},
	"svy-likelihood": {"en": "design-based, likelihood", "de": "designbasiert, Likelihood", "nl": "designgebaseerd, likelihood"},
	"svy-asin":       {"en": "design-based, arcsine", "de": "designbasiert, Arkussinus", "nl": "designgebaseerd, arcsinus"},
	"svy-wald":       {"en": "design-based, Wald", "de": "designbasiert, Wald", "nl": "designgebaseerd, Wald"},
	// A design-based share of 0 or 1 (analysis.MethodDesignEdge): the
	// Korn–Graubard limit on Kish's effective sample size.
	"svy-beta-kish": {"en": "design-based, Korn–Graubard on Kish's effective n", "de": "designbasiert, Korn-Graubard mit effektiver Fallzahl nach Kish", "nl": "designgebaseerd, Korn-Graubard met effectieve steekproefomvang volgens Kish"},
}

// MethodName returns the display name of an interval method in lang, e.g.
// MethodName("svy-logit", "en") = "design-based, logit". method is a name
// from analysis.MethodNames, "svy-" and a name from
// analysis.DesignMethodNames, or analysis.MethodDesignEdge; an unknown
// name is returned as given.
func MethodName(method, lang string) string {
	names, ok := methodNames[method]
	if !ok {
		return method
	}
	name := names["en"]
	if n, ok := names[lang]; ok {
		name = n
	}
	if lang != "en" && name == "Wilson score" {
		name = "Wilson"
	}
	return name
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
	name := MethodName(method, lang)
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
