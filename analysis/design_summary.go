package analysis

import (
	"fmt"

	"github.com/surveystat/surveystat/survey"
)

// DesignSummary describes the sampling design of all respondents of a
// study, as R's print(svydesign(...)) and degf() do: what the report's
// methods and disclosure state about strata, PSUs and degrees of freedom.
type DesignSummary struct {
	// Strata is the number of strata with a respondent (1 for an
	// unstratified design).
	Strata int
	// PSUs is the number of primary sampling units: clusters, or
	// respondents where no cluster is declared.
	PSUs int
	// Clustered reports whether respondents are grouped in clusters
	// (data.cluster) rather than being their own PSUs.
	Clustered bool
	// DF is the design degrees of freedom of the whole sample, PSUs −
	// strata (R: degf(design)); domains can have fewer.
	DF int
	// FPC reports whether a finite population correction is applied in at
	// least one stratum.
	FPC bool
	// Lonely is the rule for strata with a single PSU (data.lonely_psu).
	Lonely LonelyPSU
	// LonelyStrata names the strata with a single PSU, in order of first
	// appearance, leaving out certainty strata (all PSUs sampled), which
	// add no variance.
	LonelyStrata []string
}

// Design returns the design of the respondents added so far; ok is false
// when the study has no weights, strata, clusters or fpc.
func (t *Tally) Design() (d DesignSummary, ok bool) {
	if t.design == nil || len(t.design.q) == 0 {
		return DesignSummary{}, false
	}
	return t.design.q[0].overall.acc.summary(t.design.lonely), true
}

// CheckDesign returns an error naming data.lonely_psu and the first
// stratum with a single PSU when the rule is "fail" (R's default
// options(survey.lonely.psu = "fail")): every variance of the study would
// fail on it, so it is a problem of the data, reported once, before any
// estimate or test.
func (t *Tally) CheckDesign() error {
	d, ok := t.Design()
	if !ok || d.Lonely != LonelyFail || len(d.LonelyStrata) == 0 {
		return nil
	}
	more := ""
	if n := len(d.LonelyStrata) - 1; n == 1 {
		more = " (and 1 more stratum)"
	} else if n > 1 {
		more = fmt.Sprintf(" (and %d more strata)", n)
	}
	return fmt.Errorf("data.lonely_psu: stratum %q%s has a single PSU, so its sampling variance cannot be estimated; "+
		"set data.lonely_psu to certainty (the stratum adds no variance) or adjust (centred at the overall mean), "+
		"as R's options(survey.lonely.psu), or merge the stratum with a neighbour: %w",
		survey.Clip(d.LonelyStrata[0]), more, ErrLonelyPSU)
}

// summary counts the strata and PSUs of every respondent added.
func (a *designAcc) summary(lonely LonelyPSU) DesignSummary {
	d := DesignSummary{Lonely: lonely}
	f, err := a.fpcFactors()
	for i, s := range a.strata {
		n := s.nPSU()
		if n == 0 {
			continue
		}
		d.Strata++
		d.PSUs += n
		d.Clustered = d.Clustered || !s.single
		d.FPC = d.FPC || s.fpc > 0
		if n == 1 && (err != nil || f[i] >= 1e-7) {
			d.LonelyStrata = append(d.LonelyStrata, s.id)
		}
	}
	d.DF = d.PSUs - d.Strata
	return d
}
