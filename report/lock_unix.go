//go:build unix

package report

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/sys/unix"
)

// outputLock is the lock on one report directory: an flock on a lock file
// beside it. The kernel releases it when the process ends, however it
// ends, so a killed run never blocks the next one.
type outputLock struct {
	f    *os.File
	path string
}

// lockOutput takes the lock on the lock file at path (out/.<id>.lock)
// without waiting; if another run holds it the error wraps ErrLocked. The lock file is removed on unlock; a run that finds the file
// replaced after it took the lock (because the holder removed it at that
// moment) tries again with the new file.
func lockOutput(path string) (*outputLock, error) {
	for range 10 {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
			f.Close()
			if errors.Is(err, unix.EWOULDBLOCK) {
				return nil, fmt.Errorf("%w (it holds %s); wait for it to finish", ErrLocked, path)
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		var held, now unix.Stat_t
		if unix.Fstat(int(f.Fd()), &held) == nil && unix.Stat(path, &now) == nil &&
			held.Dev == now.Dev && held.Ino == now.Ino {
			return &outputLock{f: f, path: path}, nil
		}
		f.Close() // the file was removed by the run that held it: take the new one
	}
	return nil, fmt.Errorf("lock %s: %w", path, ErrLocked)
}

// unlock removes the lock file and releases the lock.
func (l *outputLock) unlock() {
	os.Remove(l.path)
	l.f.Close()
}
