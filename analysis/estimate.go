package analysis

import "strings"

// Reasons for suppressing an estimate (Estimate.Reason).
const (
	ReasonMinBase       = "min-base"
	ReasonNoDF          = "no-df"
	ReasonNotComputable = "not-computable"
)

// MethodDesignEdge is the Method of a design-based estimate whose share
// is exactly 0 or 1: its linearised variance is 0, so the study's
// svyciprop method is undefined there (R gives NaN), and DesignInterval
// gives, whatever the method, the Korn–Graubard (Clopper–Pearson) limit on
// Kish's effective sample size, [0, 1 − (α/2)^{1/n*}] at 0 and
// [(α/2)^{1/n*}, 1] at 1 (see DesignInterval). Outputs name this method
// rather than the study's, which was not used.
const MethodDesignEdge = "svy-beta-kish"

// designMethod returns the name DesignInterval takes for the Method of a
// design-based estimate: the svyciprop method after "svy-", and "beta"
// for MethodDesignEdge (at a share of 0 or 1 every method gives the same
// limit).
func designMethod(method string) string {
	if method == MethodDesignEdge {
		return "beta"
	}
	return strings.TrimPrefix(method, "svy-")
}

// Estimate is one row of results: the share of a category of a question
// among the respondents in the question's base, overall or within one value
// of a subgroup variable, with its confidence interval.
type Estimate struct {
	Question      string  // question id from the study file
	Category      string  // category id from the study file
	Subgroup      string  // subgroup question id; empty for overall rows
	SubgroupValue string  // subgroup category id; empty for overall rows
	Base          float64 // respondents in the base with a valid answer
	Count         float64 // of those, respondents in Category
	Share         float64 // Count / Base
	Lower, Upper  float64 // confidence interval for Share
	Method        string  // interval method name
	Level         float64 // confidence level, e.g. 0.95

	// Deff is the design effect of the estimate and NEff the effective
	// sample size. Both are 1 and Base for an unweighted simple random
	// sample. For a design-based estimate Deff is the design-based variance
	// divided by the variance under simple random sampling with
	// replacement of the same respondents, p̂(1−p̂)/(n−1) (R: svymean(...,
	// deff = "replace"); it includes weighting, strata and clusters), and
	// NEff = n/Deff with n the respondents of positive weight; both NaN for
	// a share of 0 or 1. For a published table, the published design
	// effect, and NEff = Base/Deff.
	Deff, NEff float64

	// Suppressed is set when Base is below the study's minimum base (the
	// small-cell rule): the estimate is flagged in results files and not
	// shown in the report or charts.
	Suppressed bool

	// NAssumed marks Base as an assumption rather than a count of
	// respondents, e.g. for a table rebuilt from published percentages
	// whose base was not published. Every output that shows Base says
	// "assumed"; the statistics are computed as if Base were counted.
	NAssumed bool
	// Reason says why an estimate is suppressed: ReasonMinBase (the
	// small-cell rule), ReasonNoDF (a design-based interval with no
	// degrees of freedom, where R's svyciprop gives NA) or
	// ReasonNotComputable (an interval that cannot be computed, e.g. a
	// likelihood profile that does not cross its cutoff); empty when the
	// estimate is shown. A suppressed estimate keeps its share and the
	// uninformative interval [0, 1] when its own interval is undefined.
	Reason string

	// Design holds the design-based estimate (standard error, degrees of
	// freedom, design effects) when the study is weighted or complex; nil
	// for a simple random sample.
	Design *DesignEstimate

	// Reconstructed describes a count rebuilt from a published percentage
	// (a study with data.table): the range of counts compatible with the
	// published rounding and whether the base is assumed. nil for counts
	// read from respondent data.
	Reconstructed *Reconstruction
}
