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

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 4 << 20: "4 MiB", 3 << 29: "1.5 GiB", 50 << 20: "50 MiB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseStudyRejectsSecondDocument(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"second document", testStudy + "---\nid: other\n", "line 24: a second YAML document starts here"},
		{"second document, only a list", testStudy + "---\n- x\n", "line 24: a second YAML document starts here"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.src), "study.yaml")
		if !errors.Is(err, ErrSecondDocument) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// A leading document marker and an empty trailing one are fine.
	for _, src := range []string{"---\n" + testStudy, testStudy + "---\n", testStudy + "...\n"} {
		if _, err := Parse(strings.NewReader(src), "study.yaml"); err != nil {
			t.Errorf("%q: %v", src[len(src)-8:], err)
		}
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("ä", 45)
	tests := []struct{ in, want, note string }{
		{"7", "7", ""},
		{strings.Repeat("x", 40), strings.Repeat("x", 40), ""},
		{long, strings.Repeat("ä", 40) + "…", " (first 40 of 45 characters shown)"},
		{"M\xfcller", "M\ufffdller", ""},
	}
	for _, tt := range tests {
		if got, note := clip(tt.in), clipNote(tt.in); got != tt.want || note != tt.note {
			t.Errorf("clip(%q) = %q%q, want %q%q", tt.in, got, note, tt.want, tt.note)
		}
	}
}

func TestNumberLike(t *testing.T) {
	for v, want := range map[string]bool{"1.5": true, "-1e5": true, "1,25": true, "NaN": true, "-Inf": true, "": true,
		"one": false, "Nina": false, "jane@example.org": false, strings.Repeat("1", 41): false} {
		if got := numberLike(v); got != want {
			t.Errorf("numberLike(%q) = %v, want %v", v, got, want)
		}
	}
}
