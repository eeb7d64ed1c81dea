package report

import (
	"strings"
	"time"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/survey"
)

// This file words what every output says about an estimate: its base,
// its n, its method and level, and where the study's numbers come from.
// Each is read from the computed estimate (analysis.Estimate) and the
// study file, never written into a translation, so that tables, charts,
// alt text, summaries, claims and the methods section say the same.

// baseWords is the base of one estimate, as the report words it.
type baseWords struct {
	N       float64 // respondents with a valid answer: the estimate's Base
	InBase  float64 // respondents in the base, valid answer or not; 0 when not known
	Desc    string  // the base in words ("Instagram users"); "" means all respondents
	Assumed bool    // N is an assumption, not a count
	// DKIncluded is set when the question's missing codes stay in its
	// base (missing_in_base): every wording of the base says so.
	DKIncluded bool
}

// dk is what follows a base in words when "don't know" is in it, with its
// leading space or comma: " (“don't know” and refusals included)", or "".
func (b baseWords) dk(ms *messages) string {
	if !b.DKIncluded {
		return ""
	}
	return ms.T("base_dk_included")
}

// excluded is the number of respondents in the base without a valid
// answer ("don't know", refused, empty cell).
func (b baseWords) excluded() float64 {
	if b.InBase > b.N {
		return b.InBase - b.N
	}
	return 0
}

// NAssumed reports whether the base n of estimate e of study s is an
// assumption rather than a count, as results.csv's n_assumed says; every
// output that shows that n says "assumed".
func NAssumed(s *survey.Study, e analysis.Estimate) bool { return nAssumed(s, e) }

// nAssumed reports whether the base n of e is an assumption, as
// results.csv says (analysis.Estimate.NAssumed): in a study of respondent
// rows every n follows from an assumed sample size
// (metadata.sample_size_assumed); in a study rebuilt from a published
// table each row of the table says whether its base is assumed.
func nAssumed(s *survey.Study, e analysis.Estimate) bool {
	if s.FromTable() {
		return e.NAssumed
	}
	return s.Metadata.SampleSizeAssumed || e.NAssumed
}

// baseOf returns the base of e in words in lang. The number in the base
// (valid answer or not) is known for overall estimates of questions, from
// the row accounting.
func (r *Result) baseOf(e analysis.Estimate, lang string) baseWords {
	s := r.Study
	b := baseWords{N: e.Base, Desc: itemBaseDesc(s, e.Question, lang), Assumed: nAssumed(s, e)}
	if e.Subgroup != "" {
		if q := s.Question(e.Question); q != nil && q.MissingInBase {
			b.DKIncluded = true
		}
		return b
	}
	if d := s.DerivedByID(e.Question); d != nil && s.Question(e.Question) == nil {
		// A derived estimate without a base is among all rows read; those
		// left out had no valid answer to a question the event needs.
		if n, ok := r.DerivedInBase[d.ID]; ok {
			b.InBase = float64(n)
		} else if d.Base == nil || strings.TrimSpace(d.Base.When) == "" {
			b.InBase = float64(r.Rows)
		}
		return b
	}
	if q := s.Question(e.Question); q != nil && q.MissingInBase {
		b.DKIncluded = true
	}
	for _, a := range r.Accounting {
		// The accounting counts unweighted respondents, as Base does; if
		// they disagree (they should not), say nothing rather than
		// something wrong.
		if a.Question == e.Question && float64(a.Used) == e.Base {
			b.InBase = float64(a.InBase)
		}
	}
	return b
}

// itemBaseDesc is the base of a question or derived estimate in words;
// "" when it is asked of every respondent and has no description. A base
// with only a description (no when) is described.
func itemBaseDesc(s *survey.Study, id, lang string) string {
	var base *survey.Base
	if d := s.DerivedByID(id); d != nil {
		base = d.Base
	} else if q := s.Question(id); q != nil {
		base = q.Base
	}
	if base == nil {
		return ""
	}
	if t := base.Description.Get(lang); t != "" {
		return t
	}
	return strings.TrimSpace(base.When)
}

// count formats n, with "(assumed)" when it is an assumption.
func (b baseWords) count(ms *messages) string {
	n := Count(b.N, ms.lang)
	if b.Assumed {
		return ms.T("n_assumed", "n", n)
	}
	return n
}

// phrase words the base for running text and base lines: "all 300
// respondents", "270 of 300 respondents with a valid answer (30 don't
// know or no answer not counted)", "750 respondents who knew of the
// plans".
func (b baseWords) phrase(ms *messages) string { return b.phraseWords(ms) + b.dk(ms) }

func (b baseWords) phraseWords(ms *messages) string {
	lang := ms.lang
	args := []string{"n", b.count(ms), "base", b.Desc}
	if ex := b.excluded(); ex > 0 {
		args = append(args, "inbase", Count(b.InBase, lang), "excluded", Count(ex, lang))
		if b.Desc == "" {
			return ms.T("base_valid_all", args...)
		}
		return ms.T("base_valid", args...)
	}
	if b.Desc == "" {
		if b.InBase > 0 { // known: every respondent gave a valid answer
			return ms.T("base_all", args...)
		}
		return ms.T("base_everyone", args...)
	}
	return ms.T("base_desc", args...)
}

// column is the base in a table's base column, beside a column of n:
// "respondents who knew of the plans", "respondents with a valid answer".
func (b baseWords) column(ms *messages) string { return b.columnWords(ms) + b.dk(ms) }

func (b baseWords) columnWords(ms *messages) string {
	valid := b.excluded() > 0
	switch {
	case b.Desc != "" && valid:
		return ms.T("col_base_desc_valid", "base", b.Desc)
	case b.Desc != "":
		return b.Desc
	case valid:
		return ms.T("col_base_valid")
	case b.InBase > 0:
		return ms.T("col_base_all")
	}
	return ms.T("col_base_everyone")
}

// chartPhrase is the shorter base of a chart footer: "270 respondents with
// a valid answer (of 300)".
func (b baseWords) chartPhrase(ms *messages) string { return b.chartPhraseWords(ms) + b.dk(ms) }

func (b baseWords) chartPhraseWords(ms *messages) string {
	args := []string{"n", b.count(ms), "base", b.Desc}
	if ex := b.excluded(); ex > 0 {
		args = append(args, "inbase", Count(b.InBase, ms.lang))
		if b.Desc == "" {
			return ms.T("chart_base_valid_all", args...)
		}
		return ms.T("chart_base_valid", args...)
	}
	switch {
	case b.Desc != "":
		return ms.T("chart_base_desc", args...)
	case b.InBase > 0:
		return ms.T("chart_base_all", args...)
	}
	return ms.T("chart_base_everyone", args...)
}

// methodName is the display name of an estimate's interval method.
func methodName(method, lang string) string { return figures.MethodName(method, lang) }

// methodsOf lists the interval methods of the given estimates in words,
// each once, in the order they first appear: "Wilson score", or with
// several methods each with what it was used for, labelled by label:
// "Wilson score for Age, Cycles to work; Jeffreys for Main reason".
func methodsOf(ests []analysis.Estimate, ms *messages, label func(id string) string) string {
	var names []string
	used := map[string][]string{}
	for _, e := range ests {
		n := methodName(e.Method, ms.lang)
		if !containsString(names, n) {
			names = append(names, n)
		}
		if l := label(e.Question); !containsString(used[n], l) {
			used[n] = append(used[n], l)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = ms.T("methods_list_item", "method", n, "items", strings.Join(used[n], ", "))
	}
	return strings.Join(parts, "; ")
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// statusNotice is the banner at the top of a report for the study's data
// status; "" for respondent data, which the methods section notes.
func statusNotice(s *survey.Study, ms *messages) string {
	switch s.Status {
	case survey.StatusSynthetic:
		return ms.T("status_synthetic_notice")
	case survey.StatusReconstructed:
		n := ms.T("status_reconstructed_notice")
		if s.Metadata.SampleSizeAssumed {
			n += " " + ms.T("status_assumed_notice")
		}
		return n
	}
	return ""
}

// statusNote is the data-status sentence of the methods section and the
// chart footers, one for each status.
func statusNote(s *survey.Study, ms *messages, key string) string {
	switch s.Status {
	case survey.StatusSynthetic:
		return ms.T(key + "_synthetic")
	case survey.StatusReconstructed:
		return ms.T(key + "_reconstructed")
	}
	return ms.T(key + "_respondent")
}

var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"nl": {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
}

// longDate writes an ISO date (2025-08-07) as a reader of lang writes it:
// "7 August 2025", "7. August 2025", "7 augustus 2025". A range
// "2025-07-01/2025-07-10" becomes "1 July 2025 – 10 July 2025". Anything
// else is returned as given.
func longDate(v, lang string) string {
	if a, b, ok := strings.Cut(v, "/"); ok {
		la, lb := longDate(a, lang), longDate(b, lang)
		if la == a || lb == b {
			return v
		}
		return la + " – " + lb
	}
	t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
	if err != nil {
		return v
	}
	months, ok := monthNames[lang]
	if !ok {
		months = monthNames["en"]
	}
	day := t.Format("2")
	if lang == "de" {
		day += "."
	}
	return day + " " + months[t.Month()-1] + " " + t.Format("2006")
}

// verdictWords is the verdict on a claim at its level, the same words in
// the report's table, its sentences, the charts and their alt text:
// "supported at 95%", "not supported at 95%", "cannot be assessed".
func verdictWords(c ClaimResult, ms *messages) string {
	lvl := levelText(c.Level, ms.lang)
	switch {
	case c.NotAssessed != "":
		return ms.T("verdict_not_assessed")
	case c.Supported:
		return ms.T("verdict_supported", "level", lvl)
	}
	return ms.T("verdict_not_supported", "level", lvl)
}

// notAssessed says why a claim on a suppressed estimate cannot be
// assessed: "cannot be assessed: the base of 10 is under the minimum of
// 30", or the design's missing degrees of freedom.
func notAssessed(ms *messages, c ClaimResult, b baseWords, minBase int) string {
	switch c.NotAssessed {
	case analysis.ReasonNoDF:
		return ms.T("verdict_not_assessed_no_df")
	case analysis.ReasonNotComputable:
		return ms.T("verdict_not_assessed_not_computable")
	}
	return ms.T("verdict_not_assessed_min", "n", b.count(ms), "min", Count(float64(minBase), ms.lang))
}

// claimTestName names the test of a claim in words: the score test
// (Wilson), the exact binomial test (Clopper–Pearson) or the test by
// inversion of the estimate's interval (analysis.ClaimResult.Test).
func claimTestName(c analysis.ClaimResult, ms *messages) string {
	switch c.Test {
	case analysis.TestScore:
		return ms.T("test_score")
	case analysis.TestExact:
		return ms.T("test_exact")
	}
	return ms.T("test_inversion", "method", methodName(c.Estimate.Method, ms.lang))
}
