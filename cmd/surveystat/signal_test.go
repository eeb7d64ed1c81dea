package main

import (
	"errors"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptCleansUp runs `surveystat report` in a child process, sends
// it SIGINT (Ctrl-C) once it has started writing, and checks that it
// either stopped and left nothing behind, or had already finished and
// left only the complete report.
func TestInterruptCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a report in a child process")
	}
	out := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptChild$")
	cmd.Env = append(os.Environ(), "SURVEYSTAT_SIGNAL_TEST_OUT="+out)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("the child did not start writing within 2 minutes")
		}
		es, _ := os.ReadDir(out)
		if slices.ContainsFunc(es, func(e os.DirEntry) bool { return strings.Contains(e.Name(), ".tmp-") }) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var names []string
	es, _ := os.ReadDir(out)
	for _, e := range es {
		names = append(names, e.Name())
	}
	var ee *exec.ExitError
	switch {
	case err == nil:
		if !slices.Equal(names, []string{"noyb-de-2025"}) {
			t.Errorf("finished before the signal, but %q in the output folder", names)
		}
	case errors.As(err, &ee) && ee.ExitCode() == 1:
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("exit 1 without saying it was interrupted: %s", stderr.String())
		}
		if len(names) != 0 {
			t.Errorf("interrupted, but %q left in the output folder", names)
		}
	default:
		t.Errorf("child: %v, want exit 1 (interrupted) or 0 (finished first)", err)
	}
}

// TestInterruptChild is the child process of TestInterruptCleansUp.
func TestInterruptChild(t *testing.T) {
	out := os.Getenv("SURVEYSTAT_SIGNAL_TEST_OUT")
	if out == "" {
		t.Skip("only run as the child of TestInterruptCleansUp")
	}
	var stdout, stderr strings.Builder
	code := run([]string{"report", "--pdf", "off", "--lang", "en", "--out", out, "../../data/noyb-de-2025/study.yaml"}, &stdout, &stderr)
	os.Stderr.WriteString(stderr.String())
	os.Exit(code)
}
