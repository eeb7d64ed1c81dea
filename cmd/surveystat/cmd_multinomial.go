package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/surveystat/surveystat/analysis"
)

const multinomialArgs = "[--method goodman|sison-glaz] [--level L] [--json] C1 C2 …"

func runMultinomial(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("multinomial", multinomialArgs, stderr)
	method := fs.String("method", analysis.MultinomialMethodNames()[0], "simultaneous intervals: "+strings.Join(analysis.MultinomialMethodNames(), " or "))
	level := fs.Float64("level", 0.95, "confidence level (simultaneous, for all categories together)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		return usagef("want the counts of at least two categories, got %d", len(pos))
	}
	c, err := counts(pos)
	if err != nil {
		return err
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	ivs, err := analysis.MultinomialIntervals(c, *level, *method)
	if err != nil {
		return asUsage(err)
	}
	used, fallback := analysis.MultinomialMethodUsed(c, *method)
	var n float64
	for _, v := range c {
		n += v
	}
	est := make([]float64, len(c))
	lo := make([]float64, len(c))
	hi := make([]float64, len(c))
	for i := range c {
		est[i], lo[i], hi[i] = c[i]/n, ivs[i].Lower, ivs[i].Upper
	}
	if *asJSON {
		return writeJSON(stdout, struct {
			Estimates []float64 `json:"estimates"`
			Lower     []float64 `json:"lower"`
			Upper     []float64 `json:"upper"`
			Method    string    `json:"method"`
			Requested string    `json:"requested_method,omitempty"`
			Fallback  string    `json:"fallback,omitempty"`
			Level     float64   `json:"level"`
		}{est, lo, hi, used, requested(used, *method), fallback, *level})
	}
	if fallback != "" {
		if _, err := fmt.Fprintf(stdout, "note: %s\n", fallback); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "%s simultaneous %s intervals, n = %s:\n", levelPct(*level), used, num(n))
	for i := range c {
		d := decimals(lo[i], hi[i])
		if _, err := fmt.Fprintf(stdout, "  %d: %s = %s%%  [%s%%, %s%%]\n", i+1, num(c[i]), fixed(100*est[i], d), fixed(100*lo[i], d), fixed(100*hi[i], d)); err != nil {
			return err
		}
	}
	return nil
}

// requested returns the method asked for when it is not the one used, ""
// otherwise.
func requested(used, asked string) string {
	if asked == used {
		return ""
	}
	return asked
}
