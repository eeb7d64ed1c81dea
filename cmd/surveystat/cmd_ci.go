package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/surveystat/surveystat/analysis"
)

const ciArgs = "[--method M] [--level L] [--alternative two-sided|less|greater] [--json] X N"

func runCI(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ci", ciArgs, stderr)
	method := fs.String("method", "wilson", "interval method: "+strings.Join(analysis.MethodNames(), ", "))
	level := fs.Float64("level", 0.95, "confidence level")
	altName := fs.String("alternative", "two-sided", "two-sided, less (upper bound) or greater (lower bound)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		return usagef("want X N (successes and base), got %d arguments", len(pos))
	}
	v, err := counts(pos, "X", "N")
	if err != nil {
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	alt, err := analysis.ParseAlternative(*altName)
	if err != nil {
		return asUsage(err)
	}
	x, n := v[0], v[1]
	iv, err := analysis.ProportionInterval(*method, x, n, *level, alt)
	if err != nil {
		return asUsage(err)
	}
	if *asJSON {
		return writeJSON(stdout, struct {
			X           float64 `json:"x"`
			N           float64 `json:"n"`
			Estimate    float64 `json:"estimate"`
			Lower       float64 `json:"lower"`
			Upper       float64 `json:"upper"`
			Method      string  `json:"method"`
			Level       float64 `json:"level"`
			Alternative string  `json:"alternative"`
		}{x, n, x / n, iv.Lower, iv.Upper, *method, *level, alt.String()})
	}
	kind := "two-sided"
	switch alt {
	case analysis.Less:
		kind = "one-sided (upper bound)"
	case analysis.Greater:
		kind = "one-sided (lower bound)"
	}
	_, err = fmt.Fprintf(stdout, "%g/%g = %s; %s %s %s interval %s\n",
		x, n, pct(x/n), levelPct(*level), kind, *method, pctRange(iv.Lower, iv.Upper))
	return err
}
