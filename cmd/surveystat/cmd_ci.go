package main

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/figures"
)

const ciArgs = "[--method M] [--level L] [--alternative two-sided|less|greater] [--deff D] [--json] X|P% N"

func runCI(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ci", ciArgs, stderr)
	method := fs.String("method", "wilson", "interval method: "+strings.Join(analysis.MethodNames(), ", "))
	level := fs.Float64("level", 0.95, "confidence level")
	altName := fs.String("alternative", "two-sided", "two-sided, less (upper bound) or greater (lower bound)")
	deff := fs.Float64("deff", 1, "design effect: the interval is computed on the effective sample size N/deff")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want X N (a count and its base) or P%% N (a published percentage and its base), got %d arguments", len(pos))
	}
	typed, isPct := strings.CutSuffix(strings.TrimSpace(pos[0]), "%")
	v, err := counts([]string{strings.Replace(typed, ",", ".", 1), pos[1]}, "X", "N")
	if err != nil {
		if isPct {
			return usagef("percentage %q: want a number from 0 to 100 followed by %%, such as 18%% or 17.5%%", pos[0])
		}
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	if !(*deff > 0) || math.IsInf(*deff, 0) {
		return usagef("--deff %v: want a positive design effect such as 1.5", *deff)
	}
	alt, err := analysis.ParseAlternative(*altName)
	if err != nil {
		return asUsage(err)
	}
	x, n := v[0], v[1]
	if n != math.Trunc(n) {
		return usagef("N %q: the base must be a whole number of respondents", pos[1])
	}
	var from *published
	if isPct {
		if from, err = fromPercent(typed, x, n); err != nil {
			return err
		}
		x = from.Count
	} else if x != math.Trunc(x) {
		hint := ""
		if x < 1 {
			hint = fmt.Sprintf(` (a share of %s is %s%%: write "%s%%")`, pos[0], strconv.FormatFloat(100*x, 'f', -1, 64), strconv.FormatFloat(100*x, 'f', -1, 64))
		}
		return usagef("X %q: a count must be a whole number of respondents%s", pos[0], hint)
	}
	iv, err := analysis.EffectiveInterval(*method, x, n, *deff, *level, alt)
	if err != nil {
		return asUsage(err)
	}
	if *asJSON {
		out := struct {
			X           float64 `json:"x"`
			N           float64 `json:"n"`
			Estimate    float64 `json:"estimate"`
			Lower       float64 `json:"lower"`
			Upper       float64 `json:"upper"`
			Method      string  `json:"method"`
			Level       float64 `json:"level"`
			Alternative string  `json:"alternative"`
			Deff        float64 `json:"deff,omitempty"`
			*published
		}{x, n, x / n, iv.Lower, iv.Upper, *method, *level, alt.String(), 0, from}
		if *deff != 1 {
			out.Deff = *deff
		}
		return writeJSON(stdout, out)
	}
	kind := "two-sided"
	switch alt {
	case analysis.Less:
		kind = "one-sided (upper bound)"
	case analysis.Greater:
		kind = "one-sided (lower bound)"
	}
	if from != nil {
		rng := num(from.CountMin) + "–" + num(from.CountMax)
		if from.CountMin == from.CountMax {
			rng = "only " + num(from.CountMin)
		}
		if _, err := fmt.Fprintf(stdout, "%s of %s: using %s/%s (counts that round to %s: %s)\n",
			pos[0], num(n), num(x), num(n), pos[0], rng); err != nil {
			return err
		}
	}
	on := ""
	if *deff != 1 {
		on = fmt.Sprintf(" (computed on the effective sample size %s/%s = %s)", num(n), num(*deff), fixed(n / *deff, 1))
	}
	_, err = fmt.Fprintf(stdout, "%s/%s = %s%%; %s %s interval (%s): %s%s\n",
		num(x), num(n), fixed(100*x/n, decimals(iv.Lower, iv.Upper)), levelPct(*level), kind, figures.MethodName(*method, "en"), pctRange(iv.Lower, iv.Upper), on)
	return err
}

// published is a count reconstructed from a percentage as people read it
// ("18% of 1009").
type published struct {
	Percent  float64 `json:"percent"`
	Decimals int     `json:"decimals"`
	Count    float64 `json:"-"`
	CountMin float64 `json:"count_min"`
	CountMax float64 `json:"count_max"`
}

// fromPercent turns a typed percentage (its decimals as typed: "17.5" has
// one) of n into the nearest whole count and the range of counts that
// round to it.
func fromPercent(typed string, percent, n float64) (*published, error) {
	if percent > 100 {
		return nil, usagef("percentage %s%%: want at most 100%%", typed)
	}
	decimals := 0
	if i := strings.IndexAny(typed, ".,"); i >= 0 {
		decimals = len(typed) - i - 1
	}
	if n < 1 {
		return nil, usagef("N %s: the base is empty", num(n))
	}
	if n > float64(math.MaxInt32) {
		return nil, usagef("N %s: too large a base", num(n))
	}
	lo, hi, err := analysis.CountRange(percent, decimals, int(n))
	if err != nil {
		return nil, usagef("%s%% of %s: no whole count of %s respondents rounds to %s%% (is %s the base of this percentage?)", typed, num(n), num(n), typed, num(n))
	}
	k := analysis.NearestCount(percent, int(n), lo, hi)
	return &published{Percent: percent, Decimals: decimals, Count: float64(k), CountMin: float64(lo), CountMax: float64(hi)}, nil
}
