package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/surveystat/surveystat/analysis"
)

const diffArgs = "[--method newcombe|paired] [--paired-method newcombe|tango] [--level L] [--json] X1 N1 X2 N2  (paired: A B C D)"

func runDiff(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("diff", diffArgs, stderr)
	method := fs.String("method", "newcombe", "newcombe: independent samples X1/N1 − X2/N2 (Newcombe's hybrid score, method 10); "+
		"paired: the same respondents, from the 2×2 table A (yes to both), B (first only), C (second only), D (neither)")
	paired := fs.String("paired-method", "newcombe", "for --method paired: "+strings.Join(analysis.PairedMethodNames(), " or "))
	level := fs.Float64("level", 0.95, "confidence level")
	asJSON := fs.Bool("json", false, "print one JSON object")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if set := setFlags(fs); set["paired-method"] && *method != "paired" {
		return usagef("--paired-method %s applies to --method paired only (the same respondents asked twice); add --method paired A B C D, or drop --paired-method", *paired)
	}
	if len(pos) != 4 {
		return usagef("want four numbers, got %d arguments", len(pos))
	}
	if err := checkLevel(*level); err != nil {
		return err
	}
	var est float64
	var iv analysis.Interval
	name := *method
	switch *method {
	case "newcombe":
		v, err := counts(pos, "X1", "N1", "X2", "N2")
		if err != nil {
			return err
		}
		iv, err = analysis.NewcombeDiff(v[0], v[1], v[2], v[3], *level)
		if err != nil {
			return asUsage(err)
		}
		est = v[0]/v[1] - v[2]/v[3]
	case "paired":
		v, err := counts(pos, "A", "B", "C", "D")
		if err != nil {
			return err
		}
		iv, err = analysis.PairedDiff(v[0], v[1], v[2], v[3], *level, *paired)
		if err != nil {
			return asUsage(err)
		}
		est = (v[1] - v[2]) / (v[0] + v[1] + v[2] + v[3])
		name = "paired-" + *paired
	default:
		return usagef("--method %q: want newcombe or paired", *method)
	}
	if *asJSON {
		return writeJSON(stdout, struct {
			Estimate float64 `json:"estimate"`
			Lower    float64 `json:"lower"`
			Upper    float64 `json:"upper"`
			Method   string  `json:"method"`
			Level    float64 `json:"level"`
		}{est, iv.Lower, iv.Upper, name, *level})
	}
	d := decimals(iv.Lower, iv.Upper)
	_, err = fmt.Fprintf(stdout, "difference %s percentage points; %s %s interval %s to %s percentage points\n",
		signedPP(est, d), levelPct(*level), name, signedPP(iv.Lower, d), signedPP(iv.Upper, d))
	return err
}
