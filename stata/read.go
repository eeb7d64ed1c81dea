package stata

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"
)

// ErrFormat is wrapped by every error about a malformed Stata file.
var ErrFormat = errors.New("not a valid Stata data file")

const (
	maxVars   = 1 << 17 // variables (Stata MP allows 120,000)
	maxLabel  = 64 << 20
	maxChunks = 1 << 16
)

// Value is one cell of an observation. For a numeric variable Num holds
// the number, or NaN for a missing value, with Missing set to 0 for "."
// and to 'a'…'z' for ".a"…".z". For a string variable Str holds the text.
type Value struct {
	Num     float64
	Missing byte
	Str     string
}

// IsMissing reports whether v is a missing number ("." or ".a"–".z").
func (v Value) IsMissing() bool { return math.IsNaN(v.Num) }

// Variable describes one variable.
type Variable struct {
	Name       string
	Label      string
	Format     string // display format, e.g. "%9.0g", "%td"
	ValueLabel string // name of its value label set; "" if none
	Width      int    // 0 for numbers; the string width in bytes; -1 for strL
	typ        int    // normalised type: see the t* constants
}

// Numeric reports whether the variable holds numbers.
func (v *Variable) Numeric() bool { return v.Width == 0 }

// StrL reports whether the variable is a strL (long string stored outside
// the observations), whose values Read does not return.
func (v *Variable) StrL() bool { return v.Width < 0 }

// IsDate reports whether the display format is a Stata date or time
// format (%t…, or %d of old files): the values are days, milliseconds,
// weeks, months, quarters, half-years or years, not codes.
func (v *Variable) IsDate() bool {
	f := strings.TrimPrefix(v.Format, "%-")
	f = strings.TrimPrefix(f, "%")
	return strings.HasPrefix(f, "t") || strings.HasPrefix(f, "d")
}

// DateString writes the value of a daily (%td, %d) or clock (%tc, %tC)
// variable as an ISO 8601 date or date and time; other values as numbers.
func (v *Variable) DateString(x float64) (string, bool) {
	f := strings.TrimPrefix(strings.TrimPrefix(v.Format, "%-"), "%")
	base := time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	switch {
	case strings.HasPrefix(f, "td"), strings.HasPrefix(f, "d"):
		return base.AddDate(0, 0, int(math.Floor(x))).Format("2006-01-02"), true
	case strings.HasPrefix(f, "tc"), strings.HasPrefix(f, "tC"):
		return base.Add(time.Duration(math.Floor(x)) * time.Millisecond).Format("2006-01-02 15:04:05"), true
	}
	return "", false
}

const (
	tByte = iota + 1
	tInt
	tLong
	tFloat
	tDouble
	tStr
	tStrL
)

// Reader reads the observations of a Stata file in order.
type Reader struct {
	Release   int // 113 … 119
	Variables []Variable
	Label     string
	Obs       int64
	Encoding  string

	in      *bufio.Reader
	off     int64
	order   binary.ByteOrder
	dec     *encoding.Decoder
	xml     bool // format 117 or later
	rec     []byte
	obs     int64
	offsets []int
	done    bool
	desc    *rawDesc // descriptors until decoded
	guess   bool     // text valid as UTF-8 is UTF-8 (files before 118 written by R haven are)
}

// Options change how a file is read.
type Options struct {
	// Encoding overrides the encoding of text (an IANA name such as
	// "windows-1252"); empty: UTF-8 from format 118, windows-1252 before.
	Encoding string
}

func (rd *Reader) errorf(format string, a ...any) error {
	return fmt.Errorf("%w: at byte %d: %s", ErrFormat, rd.off, fmt.Sprintf(format, a...))
}

func (rd *Reader) full(p []byte, what string) error {
	n, err := io.ReadFull(rd.in, p)
	rd.off += int64(n)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return rd.errorf("file ends inside %s", what)
		}
		return err
	}
	return nil
}

func (rd *Reader) bytes(n int, what string) ([]byte, error) {
	if n < 0 || n > maxLabel {
		return nil, rd.errorf("%s has an impossible length %d", what, n)
	}
	if n <= 4096 {
		b := make([]byte, n)
		return b, rd.full(b, what)
	}
	// Large lengths come from the file: grow the buffer only as data
	// arrives, so a bogus length in a short file costs nothing.
	var buf bytes.Buffer
	m, err := io.Copy(&buf, io.LimitReader(rd.in, int64(n)))
	rd.off += m
	if err != nil {
		return nil, err
	}
	if m < int64(n) {
		return nil, rd.errorf("file ends inside %s", what)
	}
	return buf.Bytes(), nil
}

func (rd *Reader) uint(size int, what string) (uint64, error) {
	var b [8]byte
	if err := rd.full(b[:size], what); err != nil {
		return 0, err
	}
	switch size {
	case 1:
		return uint64(b[0]), nil
	case 2:
		return uint64(rd.order.Uint16(b[:])), nil
	case 4:
		return uint64(rd.order.Uint32(b[:])), nil
	}
	return rd.order.Uint64(b[:]), nil
}

// tag reads the literal s (an XML-like tag of formats 117+).
func (rd *Reader) tag(s string) error {
	b := make([]byte, len(s))
	if err := rd.full(b, s); err != nil {
		return err
	}
	if string(b) != s {
		return rd.errorf("expected %s, found %q", s, b)
	}
	return nil
}

// text decodes a NUL-terminated fixed-width field.
func (rd *Reader) text(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	if rd.dec == nil || (rd.guess && utf8.Valid(b)) {
		if utf8.Valid(b) {
			return string(b)
		}
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	s, err := rd.dec.Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(s)
}

// NewReader reads the header and descriptors of a Stata file from r and
// returns a Reader positioned at the first observation.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	rd := &Reader{in: bufio.NewReaderSize(r, 64<<10)}
	head, _ := rd.in.Peek(11)
	var err error
	if string(head) == "<stata_dta>" {
		rd.xml = true
		err = rd.readXMLHeader()
	} else {
		err = rd.readOldHeader()
	}
	if err != nil {
		return nil, err
	}
	enc := opt.Encoding
	if enc == "" && rd.Release < 118 {
		// Stata wrote windows-1252 before format 118; R haven and
		// ReadStat write UTF-8 in every format. Text that is valid UTF-8
		// is taken as UTF-8 (windows-1252 text practically never is,
		// unless it is ASCII), the rest as windows-1252.
		enc, rd.guess = "windows-1252", true
	}
	if err := rd.setEncoding(enc); err != nil {
		return nil, err
	}
	if len(rd.Variables) == 0 {
		// Observations of no bytes: nothing to read, and a count of them
		// that the file could not back.
		return nil, rd.errorf("the file has no variables")
	}
	size := 0
	for i := range rd.Variables {
		rd.offsets = append(rd.offsets, size)
		size += rd.width(&rd.Variables[i])
	}
	rd.rec = make([]byte, size)
	if err := rd.decodeDescriptors(); err != nil {
		return nil, err
	}
	return rd, nil
}

func (rd *Reader) setEncoding(name string) error {
	switch strings.ToLower(name) {
	case "", "utf-8", "utf8":
		rd.Encoding = "UTF-8"
		return nil
	case "windows-1252", "cp1252":
		rd.dec, rd.Encoding = charmap.Windows1252.NewDecoder(), "windows-1252"
		return nil
	}
	e, err := ianaindex.IANA.Encoding(name)
	if err != nil || e == nil {
		return fmt.Errorf("stata: unsupported character encoding %q", name)
	}
	rd.dec = e.NewDecoder()
	rd.Encoding, _ = ianaindex.IANA.Name(e)
	return nil
}

// width is the number of bytes a variable takes in an observation.
func (rd *Reader) width(v *Variable) int {
	switch v.typ {
	case tByte:
		return 1
	case tInt:
		return 2
	case tLong, tFloat:
		return 4
	case tDouble:
		return 8
	case tStrL:
		return 8 // (v, o) reference to the strLs section
	}
	return v.Width
}
