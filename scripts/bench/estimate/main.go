// Command estimate times surveystat's estimation on a respondent file:
// reading and validating every row, the tally, and every estimate (each
// question's shares overall and by the study's subgroups). It prints the
// wall time, the peak resident memory and a digest of the estimates.
//
//	go run ./scripts/bench/estimate -study data/noyb-de-2025/study.yaml bench/1m.csv
package main

import (
	"bufio"
	"crypto/sha256"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/surveystat/surveystat/analysis"
	"github.com/surveystat/surveystat/survey"
)

func main() {
	study := flag.String("study", "data/noyb-de-2025/study.yaml", "study file")
	mode := flag.String("mode", "cells", "reader: cells (survey.ScanCells) or rows (survey.Scan, one call per respondent)")
	count := flag.String("count", "", "read a cell table whose count column is this (sets data.count and clears data.id)")
	profile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	print := flag.Bool("print", false, "print every estimate")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: estimate [-study STUDY.yaml] [-mode cells|rows] FILE.csv")
		os.Exit(2)
	}
	if err := run(*study, *mode, *count, *profile, *print, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "estimate:", err)
		os.Exit(1)
	}
}

func run(studyPath, mode, count, profile string, print bool, file string) error {
	s, err := survey.Load(studyPath)
	if err != nil {
		return err
	}
	if count != "" {
		s.Data.Count, s.Data.ID = count, ""
	}
	// The benchmark measures what R survey and pandas compute too: every
	// share with its interval, overall and by subgroup. The study's
	// Rao–Scott independence tests are left out.
	s.Analysis.Independence = nil
	if profile != "" {
		pf, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer pf.Close()
		pprof.StartCPUProfile(pf)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	scan := survey.ScanCells
	if mode == "rows" {
		scan = survey.Scan
	}
	t := analysis.NewTally(s)
	if err := scan(f, s, file, func(r *survey.Respondent) error {
		t.Add(r)
		return nil
	}); err != nil {
		return err
	}
	read := time.Since(start)
	est, err := t.Estimates()
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	h := sha256.New()
	for _, e := range est {
		line := fmt.Sprintf("%s,%s,%s,%s,%v,%v,%v,%v,%v\n", e.Question, e.Category, e.Subgroup, e.SubgroupValue, e.Base, e.Count, e.Share, e.Lower, e.Upper)
		h.Write([]byte(line))
		if print {
			fmt.Print(line)
		}
	}
	// read_seconds: opening, parsing and validating the file and counting
	// the answers; estimate_seconds: the shares and intervals from the counts.
	fmt.Printf("rows=%d estimates=%d seconds=%.3f read_seconds=%.6f estimate_seconds=%.6f peak_rss_mb=%.1f digest=%x\n",
		t.Rows(), len(est), elapsed.Seconds(), read.Seconds(), (elapsed - read).Seconds(), peakRSS(), h.Sum(nil)[:8])
	return nil
}

// peakRSS returns the peak resident set size of the process in MiB
// (VmHWM in /proc/self/status; 0 where there is none).
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			var kb float64
			fmt.Sscanf(strings.TrimSpace(v), "%f", &kb)
			return kb / 1024
		}
	}
	return 0
}
