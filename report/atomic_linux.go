package report

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchangeDirs swaps the directories a and b atomically with
// renameat2(RENAME_EXCHANGE) (Linux 3.15; most local file systems). It
// returns errNoExchange where the kernel or file system does not support
// it.
func exchangeDirs(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) {
		return errNoExchange
	}
	return err
}
