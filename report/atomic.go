package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomic writes data to a temporary file beside path and renames
// it into place, so that readers see the old file or the new one, never a
// half-written one.
func WriteFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// The names beside a report directory out/<id> that a run uses:
//
//	out/.<id>.lock     the lock file, held (flock) while a run writes out/<id>
//	out/.<id>.tmp-*    the new report being written (and, for a moment after
//	                   the exchange, the old one being removed)
//	out/.<id>.old      the old report, only while the fallback without an
//	                   atomic exchange replaces it
//
// out/<id>.old is what versions before the lock used instead of .<id>.old.
func lockName(id string) string      { return "." + id + ".lock" }
func stagingPrefix(id string) string { return "." + id + ".tmp-" }
func oldName(id string) string       { return "." + id + ".old" }

// ErrLocked is wrapped by the error of Generate when another run is
// writing the same report directory.
var ErrLocked = errors.New("another surveystat run is writing this report")

// recoverLeftovers cleans up after runs that died (killed, crashed, power
// lost) while writing parent/<id>; the caller holds the lock, so no live
// run owns any of them. Staging directories are removed. An old report
// moved aside by the fallback replacement (.<id>.old) is put back if the
// report directory is missing (the run died between its two renames),
// and removed otherwise; <id>.old, which versions before the lock left
// behind, is put back in the same case and otherwise left alone.
func recoverLeftovers(parent, id string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	dir := filepath.Join(parent, id)
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, stagingPrefix(id)):
			if err := os.RemoveAll(filepath.Join(parent, name)); err != nil {
				return fmt.Errorf("remove the leftover of an interrupted run: %w", err)
			}
		case name == oldName(id) || name == id+".old":
			old := filepath.Join(parent, name)
			if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
				if err := os.Rename(old, dir); err != nil {
					return fmt.Errorf("restore the report of an interrupted run: %w", err)
				}
				continue
			}
			if name == id+".old" {
				continue // may be the user's own copy: only ever restored, never removed
			}
			if err := os.RemoveAll(old); err != nil {
				return fmt.Errorf("remove the leftover of an interrupted run: %w", err)
			}
		}
	}
	return nil
}

// replaceDir moves the fully written directory staged into place at dir,
// replacing what was there, so that at every instant dir is the complete
// old or the complete new report: where the system can exchange two
// directories atomically (Linux renameat2 with RENAME_EXCHANGE), it does,
// and then removes the old report, now at staged. Elsewhere (and with
// exchange false) the old directory is renamed to .<id>.old first, the
// new one renamed into place, and the old one removed; a run that dies
// between the two renames leaves no dir, and recoverLeftovers puts the
// old report back at the next start. step is called after each change.
func replaceDir(staged, dir string, exchange bool, step func(string) error) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		if err := os.Rename(staged, dir); err != nil {
			return fmt.Errorf("move report into place: %w", err)
		}
		return step("renamed")
	}
	if exchange {
		err := exchangeDirs(staged, dir)
		if err == nil {
			if err := step("exchanged"); err != nil {
				return err
			}
			if err := os.RemoveAll(staged); err != nil {
				return fmt.Errorf("remove previous report: %w", err)
			}
			return step("removed old")
		}
		if !errors.Is(err, errNoExchange) {
			return fmt.Errorf("move report into place: %w", err)
		}
	}
	old := filepath.Join(filepath.Dir(dir), oldName(filepath.Base(dir)))
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("move previous report aside: %w", err)
	}
	if err := os.Rename(dir, old); err != nil {
		return fmt.Errorf("move previous report aside: %w", err)
	}
	if err := step("moved old aside"); err != nil {
		os.Rename(old, dir)
		return err
	}
	if err := os.Rename(staged, dir); err != nil {
		os.Rename(old, dir)
		return fmt.Errorf("move report into place: %w", err)
	}
	if err := step("renamed"); err != nil {
		return err
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("remove previous report: %w", err)
	}
	return step("removed old")
}

// errNoExchange is returned by exchangeDirs where the system or the file
// system cannot exchange two directories atomically.
var errNoExchange = errors.New("atomic exchange of directories not supported")
