package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/surveystat/surveystat/report"
)

func runVersion(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		return usagef("takes no arguments")
	}
	_, err := fmt.Fprintf(stdout, "surveystat %s (%s)\n", report.Version, runtime.Version())
	return err
}
