package survey

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Size limits of the inputs that are read whole into memory, in bytes. A
// respondent file has no limit: it is streamed.
const (
	// MaxStudyBytes limits a study file.
	MaxStudyBytes = 4 << 20
	// MaxTableBytes limits a published-figures or raking-margins file.
	MaxTableBytes = 4 << 20
	// MaxFontBytes limits a theme font file (TTF/OTF).
	MaxFontBytes = 50 << 20
)

// ErrNotRegular is reported for an input that is not a regular file: a
// directory, a named pipe, a device such as /dev/zero, a socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is reported for an input larger than the limit of its kind.
var ErrTooLarge = errors.New("file too large")

// OpenInput opens path for reading after checking that it is a regular
// file (it follows symbolic links). It refuses anything else before
// opening it, so that a named pipe cannot block and a device cannot be
// read for ever. The returned size is that of the file when opened.
func OpenInput(path string) (*os.File, int64, error) {
	st, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what the user asked for
		}
		return nil, 0, err
	}
	if err := regular(path, st); err != nil {
		return nil, 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	// The file may have been replaced between Stat and Open.
	if st, err = f.Stat(); err == nil {
		err = regular(path, st)
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, st.Size(), nil
}

func regular(path string, st fs.FileInfo) error {
	if st.Mode().IsRegular() {
		return nil
	}
	kind := "a special file"
	switch m := st.Mode(); {
	case m.IsDir():
		kind = "a directory"
	case m&fs.ModeNamedPipe != 0:
		kind = "a named pipe"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		kind = "a device"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	}
	return &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w but %s (expected a file)", ErrNotRegular, kind)}
}

// ReadInput reads the regular file at path whole; a file larger than limit
// bytes is an ErrTooLarge error, also when it grows while being read.
func ReadInput(path string, limit int64) ([]byte, error) {
	f, size, err := OpenInput(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if size > limit {
		return nil, tooLarge(path, size, limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, tooLarge(path, -1, limit) // it grew while being read
	}
	return b, nil
}

func tooLarge(path string, size, limit int64) error {
	what := "more than"
	if size >= 0 {
		what = byteSize(size) + ", more than"
	}
	return &fs.PathError{Op: "read", Path: path,
		Err: fmt.Errorf("%w: %s the %s allowed for this kind of input", ErrTooLarge, what, byteSize(limit))}
}

// byteSize formats n bytes for a message: "512 bytes", "4 MiB", "1.5 GiB".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, u := float64(n)/unit, "KiB"
	for _, next := range []string{"MiB", "GiB", "TiB"} {
		if v < unit {
			break
		}
		v, u = v/unit, next
	}
	return fmt.Sprintf("%.3g %s", v, u)
}

// MaxRowBytes is the most bytes one row of a respondent file may have
// (all its lines, for a quoted field with line breaks). A longer row is
// almost always a quote that is never closed; reading on would hold the
// rest of the file in memory.
const MaxRowBytes = 64 << 20

// ErrRowTooLarge is reported for a row longer than MaxRowBytes.
var ErrRowTooLarge = errors.New("row too large")

func (rd *Reader) maxRowBytes() int64 {
	if rd.maxRow > 0 {
		return rd.maxRow
	}
	return MaxRowBytes
}

// rowTooLarge reports a row that starts on line and is longer than the
// limit.
func (rd *Reader) rowTooLarge(line int) *ParseError {
	return &ParseError{File: rd.name, Line: line, Err: ErrRowTooLarge,
		Expect: fmt.Sprintf("rows of at most %s", byteSize(rd.maxRowBytes())),
		Hint:   "a quote that is never closed, or a file without line breaks; check the row that starts here"}
}

// readError locates an error that ended the input.
func (rd *Reader) readError(err error) *ParseError {
	var pe *ParseError
	if errors.As(err, &pe) {
		return pe
	}
	return &ParseError{File: rd.name, Err: err}
}

// limitRows makes the sequential reader stop at a row longer than the
// limit: before any row is read, its csv reader is replaced by one that
// reads the rest of the input through a rowLimit. (The csv reader reads
// the prepared input directly, so the input is positioned right after
// the header.)
func (rd *Reader) limitRows() {
	if rd.br == nil || rd.rows > 0 || rd.limit != nil {
		return
	}
	rd.limit = &rowLimit{r: rd.br, rd: rd, line: rd.headerEnd}
	cr := csv.NewReader(rd.limit)
	cr.Comma = rd.comma
	cr.ReuseRecord = true
	cr.FieldsPerRecord = len(rd.header)
	rd.csv, rd.line0 = cr, rd.headerEnd
}

// headerLimit passes reads through to r and fails once more than
// MaxRowBytes have been read before the header is (done).
type headerLimit struct {
	r    io.Reader
	name string
	n    int64
	done bool
}

func (l *headerLimit) Read(p []byte) (int, error) {
	if !l.done && l.n > MaxRowBytes {
		return 0, &ParseError{File: l.name, Line: 1, Err: ErrRowTooLarge,
			Expect: fmt.Sprintf("a header row of at most %s", byteSize(MaxRowBytes)),
			Hint:   "a quote that is never closed, or a file without line breaks"}
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}

// rowLimit passes reads through to r and fails once more than the row
// limit has been read since the last row ended (Read resets n); line is
// the line of the last row read, for the message.
type rowLimit struct {
	r    io.Reader
	rd   *Reader
	n    int64
	line int
}

func (l *rowLimit) Read(p []byte) (int, error) {
	if l.n > l.rd.maxRowBytes() {
		return 0, l.rd.rowTooLarge(l.line + 1)
	}
	n, err := l.r.Read(p)
	l.n += int64(n)
	return n, err
}
