//go:build unix

package survey

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadInputRefusesSpecialFiles checks that only regular files are
// read: a directory, a named pipe (which would block) and a device (which
// would never end) are refused before they are opened.
func TestReadInputRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.csv")
	if err := os.WriteFile(small, []byte("12345"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		limit      int64
		kind       error
		want       string
	}{
		{"directory", dir, 10, ErrNotRegular, "not a regular file but a directory (expected a file)"},
		{"named pipe", fifo, 10, ErrNotRegular, "not a regular file but a named pipe"},
		{"device", "/dev/zero", 10, ErrNotRegular, "not a regular file but a device"},
		{"too large", small, 4, ErrTooLarge, "file too large: 5 bytes, more than the 4 bytes allowed"},
		{"missing", filepath.Join(dir, "nope"), 10, os.ErrNotExist, "open " + filepath.Join(dir, "nope")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ReadInput(tt.path, tt.limit)
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReadInput(%s) = %q, %v; want %v with %q", tt.path, b, err, tt.kind, tt.want)
			}
		})
	}
	if b, err := ReadInput(small, 5); err != nil || string(b) != "12345" {
		t.Errorf("ReadInput at the limit = %q, %v", b, err)
	}
}
