package report

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const shippedID = "noyb-de-2025"

// reportState returns the manifest of the report directory dir if the
// report is complete: its manifest.json lists every file it holds (but
// itself) with the right hash. It returns "" if dir does not exist and an
// error if it exists but is not a complete report.
func reportState(dir string) (string, error) {
	mb, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if errors.Is(err, os.ErrNotExist) {
		if _, serr := os.Stat(dir); errors.Is(serr, os.ErrNotExist) {
			return "", nil
		}
	}
	if err != nil {
		return "", err
	}
	var m Manifest
	if err := json.Unmarshal(mb, &m); err != nil {
		return "", err
	}
	listed := map[string]bool{"manifest.json": true}
	for _, e := range m.Outputs {
		got, err := hashFile(filepath.Join(dir, e.Path))
		if err != nil {
			return "", err
		}
		if got.SHA256 != e.SHA256 {
			return "", fmt.Errorf("%s: hash differs from the manifest", e.Path)
		}
		listed[e.Path] = true
	}
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !listed[filepath.ToSlash(rel)] {
			return fmt.Errorf("%s: not in the manifest", rel)
		}
		return nil
	})
	return string(mb), err
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// TestInterruptedRunAtEveryStep stops a run that replaces a report after
// each step of writing it, as a kill would, and checks that the report
// directory then holds the complete old or the complete new report (with
// the atomic exchange at every instant; with the fallback of two renames
// after the next start's recovery), and that the next start leaves
// nothing but the report behind.
func TestInterruptedRunAtEveryStep(t *testing.T) {
	for _, exchange := range []bool{true, false} {
		t.Run(fmt.Sprintf("exchange=%v", exchange), func(t *testing.T) {
			out := t.TempDir()
			dir, err := Generate(shipped, Options{Out: out, PDF: "off", Langs: []string{"nl"}})
			if err != nil {
				t.Fatal(err)
			}
			old, err := reportState(dir)
			if err != nil || old == "" {
				t.Fatalf("first report: %q, %v", old, err)
			}
			snaps := t.TempDir()
			var steps []string
			wrote := 0
			hook := func(step string) error {
				if strings.HasPrefix(step, "wrote ") && step != "wrote manifest.json" {
					if wrote++; wrote > 1 {
						return nil // the first file written stands for all
					}
				}
				steps = append(steps, step)
				// What a run killed now leaves behind.
				return os.CopyFS(filepath.Join(snaps, fmt.Sprint(len(steps))), os.DirFS(out))
			}
			opts := Options{Out: out, PDF: "off", Langs: []string{"en"}, afterStep: hook, noExchange: !exchange}
			if _, err := Generate(shipped, opts); err != nil {
				t.Fatal(err)
			}
			cur, err := reportState(dir)
			if err != nil || cur == old {
				t.Fatalf("second report: same as the first or %v", err)
			}
			want := []string{"locked", "recovered", "staged", "wrote results.csv", "printed", "wrote manifest.json"}
			if exchange {
				want = append(want, "exchanged", "removed old")
			} else {
				want = append(want, "moved old aside", "renamed", "removed old")
			}
			if !slices.Equal(steps, want) {
				t.Fatalf("steps %q, want %q", steps, want)
			}
			for i, step := range steps {
				snap := filepath.Join(snaps, fmt.Sprint(i+1))
				before, err := reportState(filepath.Join(snap, shippedID))
				if exchange || step != "moved old aside" {
					if err != nil || (before != old && before != cur) {
						t.Errorf("killed after %q: the report directory is neither the old nor the new report (%v)", step, err)
					}
				}
				lock, err := lockOutput(filepath.Join(snap, lockName(shippedID)))
				if err != nil {
					t.Fatal(err)
				}
				err = recoverLeftovers(snap, shippedID)
				lock.unlock()
				if err != nil {
					t.Fatalf("recover after %q: %v", step, err)
				}
				after, err := reportState(filepath.Join(snap, shippedID))
				if err != nil || (after != old && after != cur) {
					t.Errorf("killed after %q, recovered: the report directory is neither the old nor the new report (%v)", step, err)
				}
				if got := entries(t, snap); !slices.Equal(got, []string{shippedID}) {
					t.Errorf("killed after %q, recovered: %q left, want only the report", step, got)
				}
			}
		})
	}
}

// TestKilledRun kills a real run (a child process) with SIGKILL after it
// has written the whole new report but before it is moved into place,
// then checks that the old report is untouched, that the lock died with
// the process and that the next run cleans up the leftover.
func TestKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a report in a child process")
	}
	out := t.TempDir()
	dir, err := Generate(shipped, Options{Out: out, PDF: "off", Langs: []string{"nl"}})
	if err != nil {
		t.Fatal(err)
	}
	old, _ := reportState(dir)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledRunChild$")
	cmd.Env = append(os.Environ(), "SURVEYSTAT_KILL_TEST_OUT="+out)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if sc.Text() == "ready to be killed" {
				ready <- true
				return
			}
		}
		ready <- false
	}()
	select {
	case ok := <-ready:
		if !ok {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatal("the child process ended before it was ready")
		}
	case <-time.After(2 * time.Minute):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child process was not ready after 2 minutes")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if st, err := reportState(dir); err != nil || st != old {
		t.Fatalf("after SIGKILL the report is not the old one (%v)", err)
	}
	left := entries(t, out)
	if len(left) < 2 {
		t.Fatalf("after SIGKILL only %q in the output folder: the child did not get as far as it said", left)
	}
	if _, err := Generate(shipped, Options{Out: out, PDF: "off", Langs: []string{"en"}}); err != nil {
		t.Fatalf("the next run: %v", err)
	}
	if st, err := reportState(dir); err != nil || st == old {
		t.Fatalf("the next run did not replace the report (%v)", err)
	}
	if got := entries(t, out); !slices.Equal(got, []string{shippedID}) {
		t.Errorf("after the next run %q in the output folder, want only the report", got)
	}
}

// TestKilledRunChild is the child process of TestKilledRun: it writes a
// report and, with everything written, says so and waits to be killed.
func TestKilledRunChild(t *testing.T) {
	out := os.Getenv("SURVEYSTAT_KILL_TEST_OUT")
	if out == "" {
		t.Skip("only run as the child of TestKilledRun")
	}
	hook := func(step string) error {
		if step == "wrote manifest.json" {
			fmt.Println("ready to be killed")
			time.Sleep(5 * time.Minute)
		}
		return nil
	}
	Generate(shipped, Options{Out: out, PDF: "off", Langs: []string{"en"}, afterStep: hook})
	t.Fatal("not killed")
}

// TestConcurrentRunLocked checks that a run into a report directory that
// another run is writing stops at once with ErrLocked and touches nothing.
func TestConcurrentRunLocked(t *testing.T) {
	out := t.TempDir()
	lock, err := lockOutput(filepath.Join(out, lockName(shippedID)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Generate(shipped, Options{Out: out, PDF: "off"})
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("Generate while locked: %v, want ErrLocked", err)
	}
	if got := entries(t, out); !slices.Equal(got, []string{lockName(shippedID)}) {
		t.Errorf("%q in the output folder, want only the other run's lock", got)
	}
	lock.unlock()
	if got := entries(t, out); len(got) != 0 {
		t.Errorf("%q left after unlock", got)
	}
}

// TestInterruptedByContext checks that a run whose context is cancelled
// (Ctrl-C in the CLI) stops and removes what it had written.
func TestInterruptedByContext(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	hook := func(step string) error {
		if step == "wrote results.csv" {
			cancel()
		}
		return nil
	}
	_, err := Generate(shipped, Options{Out: out, PDF: "off", Langs: []string{"en"}, Context: ctx, afterStep: hook})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate: %v, want context.Canceled", err)
	}
	if got := entries(t, out); len(got) != 0 {
		t.Errorf("%q left in the output folder", got)
	}
}

// TestRecoverLegacyOld checks what the next start does with the old
// report that versions before the lock moved to <id>.old: put back when
// the report is missing, left alone (it may be the user's copy) when not.
func TestRecoverLegacyOld(t *testing.T) {
	for _, present := range []bool{false, true} {
		parent := t.TempDir()
		legacy := filepath.Join(parent, shippedID+".old")
		if err := os.MkdirAll(legacy, 0o755); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(legacy, "manifest.json"), []byte("{}"), 0o644)
		os.MkdirAll(filepath.Join(parent, stagingPrefix(shippedID)+"123"), 0o755)
		if present {
			os.MkdirAll(filepath.Join(parent, shippedID), 0o755)
		}
		if err := recoverLeftovers(parent, shippedID); err != nil {
			t.Fatal(err)
		}
		want := []string{shippedID}
		if present {
			want = []string{shippedID, shippedID + ".old"}
		}
		if got := entries(t, parent); !slices.Equal(got, want) {
			t.Errorf("report present %v: %q after recovery, want %q", present, got, want)
		}
		if !present {
			if _, err := os.Stat(filepath.Join(parent, shippedID, "manifest.json")); err != nil {
				t.Errorf("the old report was not put back: %v", err)
			}
		}
	}
}
