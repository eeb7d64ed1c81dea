package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Shared parts of the calculators (ci, diff, multinomial): argument
// parsing and output. The statistics are in package analysis.

// counts parses non-negative finite numbers.
func counts(args []string, names ...string) ([]float64, error) {
	out := make([]float64, len(args))
	for i, a := range args {
		v, err := strconv.ParseFloat(a, 64)
		name := "count"
		if i < len(names) {
			name = names[i]
		}
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, usagef("%s %q: want a non-negative number", name, a)
		}
		out[i] = v
	}
	return out, nil
}

// checkLevel rejects a level outside (0, 1) as a usage error.
func checkLevel(level float64) error {
	if !(level > 0 && level < 1) {
		return usagef("--level %v: want a number strictly between 0 and 1, such as 0.95", level)
	}
	return nil
}

// asUsage turns an error about the arguments into a usage error (exit 2).
func asUsage(err error) error {
	if err == nil {
		return nil
	}
	return usageError{err.Error()}
}

func writeJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", b)
	return err
}

// pct formats a proportion as a percentage with one decimal.
func pct(p float64) string {
	return strconv.FormatFloat(100*p, 'f', 1, 64) + "%"
}

func levelPct(level float64) string {
	return strings.TrimSuffix(strings.TrimRight(strconv.FormatFloat(100*level, 'f', 2, 64), "0"), ".") + "%"
}
