//go:build !unix

package report

import (
	"errors"
	"fmt"
	"os"
)

// outputLock is the lock on one report directory: a lock file beside it,
// created exclusively. Unlike the flock of Unix systems it outlives a
// killed run; its message says how to remove it.
type outputLock struct{ path string }

func lockOutput(path string) (*outputLock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("%w (it holds %s; remove the file if no run is going on)", ErrLocked, path)
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f.Close()
	return &outputLock{path: path}, nil
}

func (l *outputLock) unlock() { os.Remove(l.path) }
