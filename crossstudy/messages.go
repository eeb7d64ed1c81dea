package crossstudy

import (
	"math"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/report"
)

// messages is the fixed text of a comparison report in one language;
// {name} placeholders are filled by T.
var messages = map[string]map[string]string{
	"en": {
		"title":                "Comparison of surveys",
		"summary":              "Summary",
		"summary_line":         "{item}: {sa} in {la} and {sb} in {lb}, a difference of {diff} percentage points ({ci} {lo} to {hi}; {p}).",
		"summary_none":         "{item}, {la} against {lb}: no difference computed ({why}).",
		"why_suppressed":       "a base is below its study's minimum",
		"why_degenerate":       "both shares are 0% or both are 100%",
		"no_test":              "no test",
		"surveys":              "Surveys",
		"surveys_intro":        "Each survey is analysed on its own, with its own base, interval method and level; nothing is pooled.",
		"col_survey":           "Survey",
		"col_study":            "Study",
		"col_by":               "Sponsor / institute",
		"col_population":       "Population",
		"col_field":            "Fieldwork",
		"col_sample":           "Sample size",
		"col_data":             "Data",
		"status_respondent":    "respondent data",
		"status_reconstructed": "reconstructed from published figures",
		"status_synthetic":     "synthetic data",
		"assumed":              "assumed",
		"not_stated":           "not stated",
		"diff_reconstructed":   "For {surveys}, reconstructed from published percentages, each difference is computed at the reconstructed counts (those nearest to the published percentages); its interval does not cover the other counts compatible with the published rounding.",
		"diff_unrounded":       "(the difference of the unrounded shares)",
		"notice_synthetic":     "This comparison includes synthetic data, not real survey results: {surveys}.",
		"notice_reconstructed": "The counts of {surveys} are reconstructed from published percentages and bases; they are only as exact as the rounding of the published figures allows.",
		"estimates":            "Estimates",
		"estimates_intro":      "The share of every item in every survey, on the survey's own base, with the survey's own interval method.",
		"col_item":             "Item",
		"col_base":             "Base",
		"col_n":                "n",
		"col_share":            "Share",
		"col_ci":               "Confidence interval",
		"col_method":           "Method",
		"suppressed":           "n < {min}: not shown",
		"differences":          "Differences",
		"differences_intro":    "Differences between consecutive surveys (later minus earlier) in percentage points, with {level} confidence intervals. The surveys are independent samples.",
		"diff_newcombe":        "Both surveys without weights or design effect: Newcombe's hybrid score interval and the two-sample score test on the counts and bases (Newcombe).",
		"diff_newcombe-neff":   "A survey with a design effect but no weights: the same on effective counts, n divided by the design effect (Newcombe, effective n).",
		"diff_svy-wald":        "A weighted survey: the design-based variances of the two surveys add up; Wald interval and z test (design-based Wald).",
		"col_surveys":          "Surveys",
		"col_diff":             "Difference (points)",
		"col_p":                "p-value",
		"charts":               "Charts",
		"to":                   "to",
		"and":                  "and",
		"notes":                "Notes",
		"sources":              "Sources",
		"files":                "Files",
		"base":                 "Base: {list}",
		"base_n":               "{survey}: n = {n}, {base}",
		"source":               "Sources: {list}",
		"points":               "{diff} points, {ci} {lo} to {hi}",
		"footer":               "Made with surveystat {version}. surveystat verify re-runs this report from its inputs and compares every file.",
		"method_newcombe":      "Newcombe",
		"method_newcombe-neff": "Newcombe, effective n",
		"method_svy-wald":      "design-based Wald",
	},
	"de": {
		"title":                "Vergleich von Umfragen",
		"summary":              "Zusammenfassung",
		"summary_line":         "{item}: {sa} ({la}) gegenüber {sb} ({lb}), ein Unterschied von {diff} Prozentpunkten ({ci} {lo} bis {hi}; {p}).",
		"summary_none":         "{item}, {la} gegenüber {lb}: kein Unterschied berechnet ({why}).",
		"why_suppressed":       "eine Basis liegt unter dem Mindestwert ihrer Studie",
		"why_degenerate":       "beide Anteile sind 0 % oder beide 100 %",
		"no_test":              "kein Test",
		"surveys":              "Umfragen",
		"surveys_intro":        "Jede Umfrage wird für sich ausgewertet, mit ihrer eigenen Basis, Intervallmethode und ihrem eigenen Konfidenzniveau; nichts wird zusammengelegt.",
		"col_survey":           "Umfrage",
		"col_study":            "Studie",
		"col_by":               "Auftraggeber / Institut",
		"col_population":       "Grundgesamtheit",
		"col_field":            "Feldzeit",
		"col_sample":           "Stichprobe",
		"col_data":             "Daten",
		"status_respondent":    "Befragtendaten",
		"status_reconstructed": "aus veröffentlichten Zahlen rekonstruiert",
		"status_synthetic":     "synthetische Daten",
		"assumed":              "angenommen",
		"not_stated":           "nicht angegeben",
		"diff_reconstructed":   "Für {surveys} (aus veröffentlichten Prozentwerten rekonstruiert) ist jeder Unterschied mit den rekonstruierten Fallzahlen berechnet, also denen, die den veröffentlichten Prozentwerten am nächsten liegen; sein Intervall berücksichtigt die übrigen mit der Rundung vereinbaren Fallzahlen nicht.",
		"diff_unrounded":       "(Unterschied der ungerundeten Anteile)",
		"notice_synthetic":     "Dieser Vergleich enthält synthetische Daten, keine echten Umfrageergebnisse: {surveys}.",
		"notice_reconstructed": "Die Fallzahlen von {surveys} sind aus veröffentlichten Prozentwerten und Basen rekonstruiert; sie sind daher nur so genau, wie die Rundung der veröffentlichten Zahlen es zulässt.",
		"estimates":            "Schätzwerte",
		"estimates_intro":      "Der Anteil jedes Merkmals in jeder Umfrage, auf der eigenen Basis der Umfrage und mit ihrer eigenen Intervallmethode.",
		"col_item":             "Merkmal",
		"col_base":             "Basis",
		"col_n":                "n",
		"col_share":            "Anteil",
		"col_ci":               "Konfidenzintervall",
		"col_method":           "Methode",
		"suppressed":           "n < {min}: nicht ausgewiesen",
		"differences":          "Unterschiede",
		"differences_intro":    "Unterschiede zwischen aufeinanderfolgenden Umfragen (spätere minus frühere) in Prozentpunkten, mit {level}-Konfidenzintervallen. Die Umfragen sind unabhängige Stichproben.",
		"diff_newcombe":        "Beide Umfragen ohne Gewichte und Designeffekt: Newcombes hybrides Score-Intervall und der Score-Test für zwei Stichproben, berechnet aus den Fallzahlen und Basen (Newcombe).",
		"diff_newcombe-neff":   "Eine Umfrage mit Designeffekt, aber ohne Gewichte: dasselbe mit effektiven Fallzahlen, n geteilt durch den Designeffekt (Newcombe, effektives n).",
		"diff_svy-wald":        "Eine gewichtete Umfrage: Die designbasierten Varianzen beider Umfragen addieren sich; Wald-Intervall und z-Test (designbasiert, Wald).",
		"col_surveys":          "Umfragen",
		"col_diff":             "Unterschied (Punkte)",
		"col_p":                "p-Wert",
		"charts":               "Grafiken",
		"to":                   "bis",
		"and":                  "und",
		"notes":                "Hinweise",
		"sources":              "Quellen",
		"files":                "Dateien",
		"base":                 "Basis: {list}",
		"base_n":               "{survey}: n = {n}, {base}",
		"source":               "Quellen: {list}",
		"points":               "{diff} Prozentpunkte, {ci} {lo} bis {hi}",
		"footer":               "Erstellt mit surveystat {version}. surveystat verify rechnet diesen Bericht aus seinen Eingaben nach und vergleicht jede Datei.",
		"method_newcombe":      "Newcombe",
		"method_newcombe-neff": "Newcombe, effektives n",
		"method_svy-wald":      "designbasiert, Wald",
	},
	"nl": {
		"title":                "Vergelijking van enquêtes",
		"summary":              "Samenvatting",
		"summary_line":         "{item}: {sa} in {la} en {sb} in {lb}, een verschil van {diff} procentpunten ({ci} {lo} tot {hi}; {p}).",
		"summary_none":         "{item}, {la} tegenover {lb}: geen verschil berekend ({why}).",
		"why_suppressed":       "een basis ligt onder het minimum van het onderzoek",
		"why_degenerate":       "beide aandelen zijn 0% of beide 100%",
		"no_test":              "geen toets",
		"surveys":              "Enquêtes",
		"surveys_intro":        "Elke enquête wordt afzonderlijk geanalyseerd, met haar eigen basis, intervalmethode en betrouwbaarheidsniveau; er wordt niets samengevoegd.",
		"col_survey":           "Enquête",
		"col_study":            "Onderzoek",
		"col_by":               "Opdrachtgever / instituut",
		"col_population":       "Populatie",
		"col_field":            "Veldwerk",
		"col_sample":           "Steekproef",
		"col_data":             "Gegevens",
		"status_respondent":    "respondentgegevens",
		"status_reconstructed": "gereconstrueerd uit gepubliceerde cijfers",
		"status_synthetic":     "synthetische gegevens",
		"assumed":              "aangenomen",
		"not_stated":           "niet vermeld",
		"diff_reconstructed":   "Voor {surveys} (gereconstrueerd uit gepubliceerde percentages) is elk verschil berekend met de gereconstrueerde aantallen, die het dichtst bij de gepubliceerde percentages liggen; het interval houdt geen rekening met de andere aantallen die bij de afronding passen.",
		"diff_unrounded":       "(verschil van de onafgeronde aandelen)",
		"notice_synthetic":     "Deze vergelijking bevat synthetische gegevens, geen echte enquêteresultaten: {surveys}.",
		"notice_reconstructed": "De aantallen van {surveys} zijn gereconstrueerd uit gepubliceerde percentages en basissen; ze zijn dus maar zo nauwkeurig als de afronding van de gepubliceerde cijfers toelaat.",
		"estimates":            "Schattingen",
		"estimates_intro":      "Het aandeel van elk kenmerk in elke enquête, op de eigen basis van de enquête en met haar eigen intervalmethode.",
		"col_item":             "Kenmerk",
		"col_base":             "Basis",
		"col_n":                "n",
		"col_share":            "Aandeel",
		"col_ci":               "Betrouwbaarheidsinterval",
		"col_method":           "Methode",
		"suppressed":           "n < {min}: niet getoond",
		"differences":          "Verschillen",
		"differences_intro":    "Verschillen tussen opeenvolgende enquêtes (latere min eerdere) in procentpunten, met {level}-betrouwbaarheidsintervallen. De enquêtes zijn onafhankelijke steekproeven.",
		"diff_newcombe":        "Beide enquêtes zonder gewichten of designeffect: Newcombes hybride score-interval en de score-toets voor twee steekproeven, berekend uit de aantallen en basissen (Newcombe).",
		"diff_newcombe-neff":   "Een enquête met een designeffect maar zonder gewichten: hetzelfde met effectieve aantallen, n gedeeld door het designeffect (Newcombe, effectieve n).",
		"diff_svy-wald":        "Een gewogen enquête: de ontwerpgebaseerde varianties van beide enquêtes tellen op; Wald-interval en z-toets (ontwerpgebaseerd, Wald).",
		"col_surveys":          "Enquêtes",
		"col_diff":             "Verschil (punten)",
		"col_p":                "p-waarde",
		"charts":               "Grafieken",
		"to":                   "tot",
		"and":                  "en",
		"notes":                "Opmerkingen",
		"sources":              "Bronnen",
		"files":                "Bestanden",
		"base":                 "Basis: {list}",
		"base_n":               "{survey}: n = {n}, {base}",
		"source":               "Bronnen: {list}",
		"points":               "{diff} procentpunten, {ci} {lo} tot {hi}",
		"footer":               "Gemaakt met surveystat {version}. surveystat verify herberekent dit rapport uit zijn invoer en vergelijkt elk bestand.",
		"method_newcombe":      "Newcombe",
		"method_newcombe-neff": "Newcombe, effectieve n",
		"method_svy-wald":      "ontwerpgebaseerd, Wald",
	},
}

// t returns the message key in lang with {name} placeholders replaced by
// the given name, value pairs; a missing key shows as "!key" (the tests
// check that every key exists in every language).
func t(lang, key string, pairs ...string) string {
	s, ok := messages[lang][key]
	if !ok {
		return "!" + key
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
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
	if s, ok := messages[lang]["method_"+m]; ok {
		return s
	}
	return m
}
