package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

// The words the report and the evidence brief share: written once here so
// that the two never say different things about the same figure.

// publishedBase words the base of published figure f as the table of
// published figures shows it: a number as every n of the report ("1,004",
// "800 (assumed)" where the estimate it is compared with has an assumed
// base), any other text as published.
func publishedBase(r *Result, f survey.PublishedFigure, lang string, ms *messages) string {
	n, err := strconv.Atoi(strings.TrimSpace(f.Base))
	if err != nil || n < 0 {
		return f.Base
	}
	bw := baseWords{N: float64(n)}
	if e, ok := analysis.FindPublished(r.Estimates, f); ok && e.Base == float64(n) {
		bw.Assumed = nAssumed(r.Study, e)
	}
	return bw.count(ms)
}

// rangeVerdict words the verdict of a claim on a share reconstructed from
// a published table over the counts compatible with the published
// rounding ("not supported at 95% at any count compatible with the
// published rounding (536–550)"); counts replaces the plain range of
// counts in parentheses when it is not "". It returns "" for a claim with
// no such range or a single compatible count, whose verdict is that of
// its one estimate.
func rangeVerdict(c ClaimResult, counts string, lang string, ms *messages) string {
	rg := c.Range
	if rg == nil || rg.Counts <= 1 || c.NotAssessed != "" {
		return ""
	}
	if counts == "" {
		counts = countRange(rg.CountMin, rg.CountMax, lang)
	}
	clvl := levelText(c.Level, lang)
	switch {
	case c.Supported:
		return ms.T("verdict_supported_range", "level", clvl, "counts", counts)
	case rg.SupportedAt > 0:
		return ms.T("verdict_flips_range", "level", clvl, "counts", counts,
			"k", strconv.Itoa(rg.SupportedAt), "m", strconv.Itoa(rg.Counts))
	default:
		return ms.T("verdict_not_supported_range", "level", clvl, "counts", counts)
	}
}

// rangeNote says, for the evidence brief, over which counts a claim on a
// reconstructed share was assessed: the verdict over the counts compatible
// with the published rounding, those counts as counts of the base and as
// shares, the published figure (marked as a sum for a net), and that the
// bound and p-value shown are those of the least favourable count
// (analysis.EvaluateClaimRange). "" when the claim has no such range.
func rangeNote(r *Result, c ClaimResult, lang string, ms *messages) string {
	rg := c.Range
	e := c.Estimate
	if rg == nil || rg.Counts <= 1 || c.NotAssessed != "" || e.Reconstructed == nil || !(e.Base > 0) {
		return ""
	}
	b := r.baseOf(e, lang)
	// An n marked as assumed inside the verdict's parentheses takes
	// square brackets, as in the alt texts: "800 [assumed]".
	n := strings.NewReplacer("(", "[", ")", "]").Replace(b.count(ms))
	counts := ms.T("range_counts", "counts", countRange(rg.CountMin, rg.CountMax, lang), "n", n,
		"shares", percentRange(rg.CountMin/e.Base, rg.CountMax/e.Base, 1, lang))
	worst := rg.CountMin
	if c.Claim.Op == "<" {
		worst = rg.CountMax
	}
	rc := e.Reconstructed
	pub := Percent(rc.Percent/100, rc.Decimals, lang)
	switch {
	case rc.Remainder:
		pub = ms.T("remainder")
	case rc.Net:
		pub = ms.T("net_published_sum", "sum", pub)
	}
	note := ms.T("range_note", "verdict", rangeVerdict(c, counts, lang, ms), "published", pub,
		"worst", Count(worst, lang), "worst_share", Percent(worst/e.Base, 1, lang))
	return upperFirst(note)
}

// upperFirst capitalises the first letter of s, for a phrase that starts
// a sentence.
func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

// precisionChecks returns the checks of the margins of error and
// intervals published with the shares of a study built from a published
// table (analysis.CheckPrecision at the study's level), one per estimate
// with one, in the order of the estimates.
func precisionChecks(r *Result) []precisionCheck {
	var out []precisionCheck
	for _, e := range r.Estimates {
		if e.Subgroup != "" || e.Reconstructed == nil || e.Reconstructed.Net {
			continue
		}
		if c, ok := analysis.CheckPrecision(e, r.Study.Analysis.Level); ok {
			out = append(out, precisionCheck{Estimate: e, PrecisionCheck: c})
		}
	}
	return out
}

// precisionCheck is a published margin of error or interval checked
// against the base of its estimate.
type precisionCheck struct {
	Estimate analysis.Estimate
	analysis.PrecisionCheck
}

// warnPrecision says on warn which published margins of error and
// intervals of a study built from a published table its bases cannot
// give at the study's level: a moe of 0.5 points for 62% of 1,004 (which
// gives ±3.0) was copied from elsewhere or mistyped.
func warnPrecision(warn io.Writer, r *Result) {
	if warn == nil {
		return
	}
	for _, c := range precisionChecks(r) {
		if c.Consistent {
			continue
		}
		e, rc := c.Estimate, c.Estimate.Reconstructed
		what := fmt.Sprintf("margin of error ±%s points", strconv.FormatFloat(rc.MOE, 'f', -1, 64))
		gives := fmt.Sprintf("±%.1f points at %s, ±%.1f at most, at 50%%", c.MOE, Percent(e.Share, 1, "en"), c.MaxMOE)
		if c.Interval {
			what = fmt.Sprintf("interval %s–%s%%", strconv.FormatFloat(rc.Lower, 'f', -1, 64), strconv.FormatFloat(rc.Upper, 'f', -1, 64))
			gives = fmt.Sprintf("%.1f–%.1f%% by the %s interval, or the share ±%.1f points", c.Lower, c.Upper, methodName(e.Method, "en"), c.MaxMOE)
		}
		fmt.Fprintf(warn, "warning: %s: %s=%s: the published %s cannot be reproduced from the base %s at the %s level within its rounding (the base gives %s); check the table, see docs/published-figures.md\n",
			r.Study.Data.Table, e.Question, e.Category, what, Count(e.Base, "en"), levelText(r.Study.Analysis.Level, "en"), gives)
	}
}

// precisionWords says in the report's language, for the table of
// published figures, that the margin of error or interval published with
// estimate e cannot be reproduced from its base; "" when it can or none
// was published.
func precisionWords(r *Result, e analysis.Estimate, ms *messages) string {
	c, ok := analysis.CheckPrecision(e, r.Study.Analysis.Level)
	if !ok || c.Consistent || e.Reconstructed == nil {
		return ""
	}
	lang, rc := ms.lang, e.Reconstructed
	if c.Interval {
		return ms.T("precision_interval", "published", percentRange(rc.Lower/100, rc.Upper/100, max(decimalsOf(rc.Lower), decimalsOf(rc.Upper)), lang),
			"n", Count(e.Base, lang), "level", levelText(r.Study.Analysis.Level, lang),
			"interval", percentRange(c.Lower/100, c.Upper/100, 1, lang))
	}
	return ms.T("precision_moe", "published", decimal(rc.MOE, decimalsOf(rc.MOE), lang),
		"n", Count(e.Base, lang), "level", levelText(r.Study.Analysis.Level, lang),
		"moe", decimal(c.MOE, 1, lang), "max", decimal(c.MaxMOE, 1, lang))
}
