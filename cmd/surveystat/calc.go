package main

import (
	"encoding/json"
	"flag"
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

// setFlags returns the names of the flags given on the command line.
func setFlags(fs *flag.FlagSet) map[string]bool {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	return set
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

// num formats a count or base as people write it, never in scientific
// notation: 100000000, 7500000, 2.5.
func num(v float64) string {
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// fixed formats v with d decimals, never as negative zero ("-0.0").
func fixed(v float64, d int) string {
	s := strconv.FormatFloat(v, 'f', d, 64)
	if strings.Trim(s, "-0.") == "" {
		return strings.TrimPrefix(s, "-")
	}
	return s
}

// pct formats a proportion as a percentage with one decimal.
func pct(p float64) string {
	return fixed(100*p, 1) + "%"
}

// decimals returns the number of decimals (1 to 6) with which the
// percentages 100·lo and 100·hi print differently, when lo < hi.
func decimals(lo, hi float64) int {
	d := 1
	for d < 6 && hi > lo && fixed(100*lo, d) == fixed(100*hi, d) {
		d++
	}
	return d
}

// signedPP formats a difference of proportions in percentage points with
// d decimals and its sign: "+3.2", "-0.4", "0.0".
func signedPP(v float64, d int) string {
	s := fixed(100*v, d)
	if !strings.HasPrefix(s, "-") && strings.Trim(s, "0.") != "" {
		s = "+" + s
	}
	return s
}

// pctRange formats an interval with one decimal, or as many more as it
// takes for two different limits to print differently: "12.95%–13.04%".
func pctRange(lo, hi float64) string {
	d := decimals(lo, hi)
	return fixed(100*lo, d) + "%–" + fixed(100*hi, d) + "%"
}

// levelPct writes a level in (0, 1) as a percentage with every digit it
// was given: 0.95 is "95%", 0.99999 "99.999%" (never rounded to "100%").
// The decimal point is moved in the shortest decimal form of level, so no
// binary rounding of 100·level shows.
func levelPct(level float64) string {
	s := strconv.FormatFloat(level, 'f', -1, 64)
	frac, ok := strings.CutPrefix(s, "0.")
	if !ok {
		return strconv.FormatFloat(100*level, 'f', -1, 64) + "%"
	}
	for len(frac) < 2 {
		frac += "0"
	}
	whole := strings.TrimLeft(frac[:2], "0")
	if whole == "" {
		whole = "0"
	}
	if rest := frac[2:]; rest != "" {
		whole += "." + rest
	}
	return whole + "%"
}
