package report

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/analysis/dist"
)

// designText states the sample design of a weighted or complex study, as a
// clause without a final stop:
// strata, PSUs, degrees of freedom, finite population correction and the
// handling of strata with a single PSU, all counted from the respondents
// (R: print(svydesign(...)), degf()). It is "" without a design.
func designText(r *Result, ms *messages) string {
	d := r.Design
	if d == nil {
		return ""
	}
	s, lang := r.Study, ms.lang
	strata := ms.T("design_unstratified")
	if s.Data.Strata != "" {
		strata = ms.T("design_strata", "n", Count(float64(d.Strata), lang))
		if d.Strata == 1 {
			strata = ms.T("design_strata_one")
		}
	}
	psus := ms.T("design_psus_own", "n", Count(float64(d.PSUs), lang))
	if d.Clustered {
		psus = ms.T("design_psus", "n", Count(float64(d.PSUs), lang))
	}
	fpc := ms.T("design_nofpc")
	if d.FPC {
		fpc = ms.T("design_fpc")
	}
	lonely := ""
	if s.Data.Strata != "" {
		// Without strata there is no stratum to have a single PSU.
		lonely = ms.T("design_lonely_none")
	}
	if k := len(d.LonelyStrata); k > 0 {
		key := "design_lonely_certainty"
		if d.Lonely == analysis.LonelyAdjust {
			key = "design_lonely_adjust"
		}
		lonely = ms.T(key, "n", Count(float64(k), lang))
	}
	text := ms.T("design_text", "strata", strata, "psus", psus, "df", strconv.Itoa(d.DF), "fpc", fpc, "lonely", lonely)
	return strings.TrimSuffix(text, "; ")
}

// designParts names what the design effect of a study includes: "the
// weighting, the stratification and the clustering".
func designParts(r *Result, ms *messages) string {
	s := r.Study
	var parts []string
	if s.Data.Weight != "" || s.Analysis.Rake != nil {
		parts = append(parts, ms.T("part_weights"))
	}
	if s.Data.Strata != "" {
		parts = append(parts, ms.T("part_strata"))
	}
	if s.Data.Cluster != "" {
		parts = append(parts, ms.T("part_clusters"))
	}
	if s.Data.FPC != "" {
		parts = append(parts, ms.T("part_fpc"))
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + ms.T("list_and") + parts[len(parts)-1]
}

// designPrecision words the precision of a whole weighted or complex
// probability sample from the design actually used: the median design
// effect of the report's shares (design-based variance over the variance
// of a simple random sample of the same size, R's svymean(..., deff =
// "replace")), and the t quantile on the design's degrees of freedom, as
// every interval of the report uses: ±t_df·√(deff·0.25/n) at p = 50 %.
func designPrecision(r *Result, ms *messages) string {
	s, lang := r.Study, ms.lang
	var deffs []float64
	for _, e := range r.Estimates {
		if e.Subgroup == "" && e.Design != nil && !e.Suppressed && !slices.Contains(s.Subgroups, e.Question) &&
			!math.IsNaN(e.Deff) && !math.IsInf(e.Deff, 0) && e.Deff > 0 {
			deffs = append(deffs, e.Deff)
		}
	}
	n := float64(r.Rows)
	df := r.Design.DF
	if len(deffs) == 0 || df < 1 || n < 1 {
		return ms.T("precision_design_none", "level", levelText(s.Analysis.Level, lang))
	}
	deff := median(deffs)
	t := dist.TQuantileUpper((1-s.Analysis.Level)/2, float64(df))
	moe := t * math.Sqrt(deff*0.25/n)
	return ms.T("precision_design", "n", Count(n, lang), "level", levelText(s.Analysis.Level, lang),
		"moe", decimal(100*moe, 1, lang), "df", strconv.Itoa(df), "t", decimal(t, 3, lang),
		"deff", decimal(deff, 2, lang), "k", Count(float64(len(deffs)), lang), "parts", designParts(r, ms))
}

// median returns the median of v (not empty); v is sorted in place.
func median(v []float64) float64 {
	slices.Sort(v)
	m := len(v) / 2
	if len(v)%2 == 1 {
		return v[m]
	}
	return (v[m-1] + v[m]) / 2
}
