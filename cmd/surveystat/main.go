// Command surveystat turns survey data into shares with confidence
// intervals, charts and a report that anyone can re-run and check.
//
// Usage:
//
//	surveystat report [--out DIR] STUDY.yaml   write the report of a study
//	surveystat plot [--lang L] [--format F] [--preset P] [--out DIR] STUDY.yaml
//	surveystat compare [--out DIR] COMPARISON.yaml  compare shares across surveys
//	surveystat verify REPORT-DIR               re-run a report and compare every file
//	surveystat init [--out study.yaml] [--lang L] [--force] FILE  draft a study file from a .csv/.sav/.dta
//	surveystat synth [--out FILE] [--force] STUDY.yaml   generate a study's synthetic respondent file
//	surveystat ci [--method M] [--level L] [--alternative A] [--json] X N
//	surveystat diff [--method newcombe|paired] [--level L] [--json] X1 N1 X2 N2
//	surveystat multinomial [--method goodman|sison-glaz] [--level L] [--json] C1 C2 …
//	surveystat version                         print the version
//
// Exit status: 0 on success, 1 when the input is wrong or a run fails, 2 for
// a usage error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
)

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

type command struct {
	name, args, summary string
	run                 func(args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"report", "[--out DIR] [--lang en,de,nl] [--pdf auto|on|off] STUDY.yaml", "compute every estimate of a study and write its report to DIR/<study-id>", runReport},
		{"plot", plotArgs, "draw the study's charts in chosen languages, formats and sizes", runPlot},
		{"compare", compareArgs, "compare shares across surveys (a comparison file of two or more studies) and write DIR/<comparison-id>", runCompare},
		{"verify", "REPORT-DIR", "re-run a report (of a study or a comparison) from the inputs in its manifest.json and compare every file", runVerify},
		{"init", initArgs, "draft a study file from a respondent file (.csv, .sav, .zsav, .dta), with a todo list of what to fill in", runInit},
		{"synth", synthArgs, "generate the synthetic respondent file of a study marked data_status: synthetic; refuses to replace a file it did not write", runSynth},
		{"ci", ciArgs, "confidence interval for one share: X of N", runCI},
		{"diff", diffArgs, "confidence interval for the difference of two shares", runDiff},
		{"multinomial", multinomialArgs, "simultaneous intervals for the shares of all categories of one question", runMultinomial},
		{"version", "", "print the surveystat and Go versions", runVersion},
	}
}

// memoryLimit is the soft limit on the Go heap that surveystat sets for
// itself unless GOMEMLIMIT is set (runtime/debug.SetMemoryLimit): 30 MiB
// and 8 MiB for each PNG canvas drawn at once (one per core, see
// figures.Renderer), 46 MiB on two cores. What a report keeps live is
// about that at any size of input; with Go's default GOGC = 100 alone the
// heap would grow to twice that before collecting. Near the limit the
// collector runs more often instead, which costs a few per cent of CPU and
// keeps the peak resident memory at about 60 MB on two cores from a
// thousand to ten million rows (docs/benchmarks.md). It is a soft limit:
// a study that needs more live memory gets it.
func memoryLimit() int64 {
	return 30<<20 + 8<<20*int64(max(runtime.GOMAXPROCS(0), 1))
}

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit())
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		}
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "surveystat %s: %v\nusage: surveystat %s %s\n", c.name, err, c.name, c.args)
			return 2
		}
		fmt.Fprintf(stderr, "surveystat %s: %v\n", c.name, err)
		return 1
	}
	fmt.Fprintf(stderr, "surveystat: unknown command %q\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: surveystat COMMAND [flags] [arguments]")
	fmt.Fprintln(w)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n      %s\n", c.name, c.args, c.summary)
	}
}

// newFlags returns a flag set that reports errors instead of exiting.
func newFlags(name, args string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: surveystat %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags given before or after the positional arguments and
// returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	out := fs.Output()
	defer fs.SetOutput(out)
	for {
		// The flag package would print errors and the usage itself; run
		// prints them once, and the usage is printed here for -h.
		fs.SetOutput(io.Discard)
		if err := fs.Parse(args); err != nil {
			fs.SetOutput(out)
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
