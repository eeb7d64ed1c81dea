package spss

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/ianaindex"
)

// Limits on counts read from a file, so that a hostile file cannot make
// the reader allocate without bound.
const (
	maxUnits     = 1 << 20  // 8-byte units per case
	maxLabels    = 1 << 20  // value labels per record
	maxRecord    = 64 << 20 // bytes of one extension record
	maxDocuments = 1 << 16  // document lines
)

// Reader reads the cases of an SPSS system file in order.
type Reader struct {
	Dict Dictionary

	in       *countReader
	order    binary.ByteOrder
	comp     int // 0 none, 1 bytecode, 2 zlib
	bias     float64
	sysmis   float64
	units    int // 8-byte units per case
	dec      *encoding.Decoder
	raw      []byte // one case, units×8 bytes
	cmds     [8]byte
	ncmd     int // commands left in cmds
	src      io.Reader
	zend     int64 // zsav: offset of the trailer
	ztrailer int64 // zsav: length of the trailer
	eof      bool
	cases    int
	strBuf   []byte
	numeric  []bool

	weightIndex int // 1-based dictionary index of the weight; 0: none
}

// countReader counts the bytes read through it, for offsets in errors and
// for finding the end of a zsav file's compressed blocks.
type countReader struct {
	r *bufio.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}

// Options change how a file is read.
type Options struct {
	// Encoding overrides the character encoding the file declares (an
	// IANA or WHATWG name such as "windows-1252"); empty: the file's.
	Encoding string
}

// NewReader reads the dictionary of a system file from r and returns a
// Reader positioned at the first case.
func NewReader(r io.Reader, opt Options) (*Reader, error) {
	rd := &Reader{in: &countReader{r: bufio.NewReaderSize(r, 64<<10)}, sysmis: -math.MaxFloat64}
	if err := rd.readHeader(); err != nil {
		return nil, err
	}
	if err := rd.readDictionary(opt); err != nil {
		return nil, err
	}
	rd.raw = make([]byte, rd.units*8)
	rd.numeric = make([]bool, len(rd.Dict.Variables))
	for i := range rd.Dict.Variables {
		rd.numeric[i] = rd.Dict.Variables[i].Numeric()
	}
	rd.src = rd.in
	if rd.comp == 2 {
		if err := rd.readZHeader(); err != nil {
			return nil, err
		}
	}
	return rd, nil
}

func (rd *Reader) errorf(format string, a ...any) error {
	return fmt.Errorf("%w: at byte %d: %s", ErrFormat, rd.in.n, fmt.Sprintf(format, a...))
}

func (rd *Reader) full(p []byte, what string) error {
	if _, err := io.ReadFull(rd.in, p); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return rd.errorf("file ends inside %s", what)
		}
		return err
	}
	return nil
}

func (rd *Reader) int32(what string) (int, error) {
	var b [4]byte
	if err := rd.full(b[:], what); err != nil {
		return 0, err
	}
	return int(int32(rd.order.Uint32(b[:]))), nil
}

func (rd *Reader) float(what string) (float64, error) {
	var b [8]byte
	if err := rd.full(b[:], what); err != nil {
		return 0, err
	}
	return math.Float64frombits(rd.order.Uint64(b[:])), nil
}

func (rd *Reader) bytes(n int, what string) ([]byte, error) {
	if n < 0 || n > maxRecord {
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

	if err != nil {
		return nil, err
	}
	if m < int64(n) {
		return nil, rd.errorf("file ends inside %s", what)
	}
	return buf.Bytes(), nil
}

func (rd *Reader) readHeader() error {
	var h [176]byte
	if _, err := io.ReadFull(rd.in, h[:]); err != nil {
		return fmt.Errorf("%w: the file is too short for an SPSS header", ErrFormat)
	}
	switch string(h[:4]) {
	case "$FL2", "$FL3":
	default:
		return fmt.Errorf("%w: it does not start with $FL2 or $FL3", ErrFormat)
	}
	rd.order = binary.LittleEndian
	if code := binary.LittleEndian.Uint32(h[64:]); code != 2 && code != 3 {
		rd.order = binary.BigEndian
		if code := binary.BigEndian.Uint32(h[64:]); code != 2 && code != 3 {
			return fmt.Errorf("%w: unknown layout code %d", ErrFormat, code)
		}
	}
	rd.comp = int(int32(rd.order.Uint32(h[72:])))
	if rd.comp < 0 || rd.comp > 2 || (rd.comp == 2) != (string(h[:4]) == "$FL3") {
		return fmt.Errorf("%w: unknown compression %d", ErrFormat, rd.comp)
	}
	rd.weightIndex = int(int32(rd.order.Uint32(h[76:])))
	rd.Dict.Cases = int(int32(rd.order.Uint32(h[80:])))
	rd.bias = math.Float64frombits(rd.order.Uint64(h[84:]))
	if rd.bias == 0 {
		rd.bias = 100
	}
	rd.Dict.Label = string(h[109:173])
	return nil
}

// rawVar is a variable record before long names and encodings apply.
type rawVar struct {
	typ       int
	name      []byte
	label     []byte
	nmiss     int
	miss      [][8]byte
	print     int
	continues bool
}

type rawLabels struct {
	values [][8]byte
	labels [][]byte
	vars   []int
}

func (rd *Reader) readDictionary(opt Options) error {
	var vars []rawVar
	var labelSets []rawLabels
	var docs [][]byte
	ext := map[int][]byte{}
	for {
		typ, err := rd.int32("a record type")
		if err != nil {
			return err
		}
		switch typ {
		case 2:
			v, err := rd.readVariable()
			if err != nil {
				return err
			}
			if len(vars) >= maxUnits {
				return rd.errorf("too many variables")
			}
			vars = append(vars, v)
		case 3:
			ls, err := rd.readValueLabels()
			if err != nil {
				return err
			}
			labelSets = append(labelSets, ls)
		case 6:
			n, err := rd.int32("the document record")
			if err != nil {
				return err
			}
			if n < 0 || n > maxDocuments {
				return rd.errorf("document record with %d lines", n)
			}
			b, err := rd.bytes(80*n, "the document record")
			if err != nil {
				return err
			}
			for i := 0; i < n; i++ {
				docs = append(docs, b[80*i:80*i+80])
			}
		case 7:
			sub, err := rd.int32("an extension record")
			if err != nil {
				return err
			}
			size, err := rd.int32("an extension record")
			if err != nil {
				return err
			}
			count, err := rd.int32("an extension record")
			if err != nil {
				return err
			}
			if size < 0 || count < 0 || int64(size)*int64(count) > maxRecord {
				return rd.errorf("extension record %d of impossible size %d×%d", sub, size, count)
			}
			b, err := rd.bytes(size*count, "an extension record")
			if err != nil {
				return err
			}
			ext[sub] = append(ext[sub], b...)
		case 999:
			if _, err := rd.int32("the dictionary terminator"); err != nil {
				return err
			}
			return rd.buildDictionary(vars, labelSets, docs, ext, opt)
		default:
			return rd.errorf("unknown record type %d", typ)
		}
	}
}

func (rd *Reader) readVariable() (rawVar, error) {
	var v rawVar
	var f [5]int
	for i := range f {
		x, err := rd.int32("a variable record")
		if err != nil {
			return v, err
		}
		f[i] = x
	}
	v.typ, v.nmiss, v.print = f[0], f[2], f[3]
	if v.typ < -1 || v.typ > 255 {
		return v, rd.errorf("variable record of type %d", v.typ)
	}
	v.continues = v.typ == -1
	name := make([]byte, 8)
	if err := rd.full(name, "a variable name"); err != nil {
		return v, err
	}
	v.name = bytes.TrimRight(name, " ")
	if f[1] == 1 {
		n, err := rd.int32("a variable label")
		if err != nil {
			return v, err
		}
		if n < 0 || n > 65535 {
			return v, rd.errorf("variable label of length %d", n)
		}
		b, err := rd.bytes((n+3)/4*4, "a variable label")
		if err != nil {
			return v, err
		}
		v.label = b[:n]
	}
	nm := v.nmiss
	if nm < 0 {
		nm = -nm
	}
	if nm > 3 || v.nmiss == -1 {
		return v, rd.errorf("variable %q with missing-value count %d", v.name, v.nmiss)
	}
	for i := 0; i < nm; i++ {
		var b [8]byte
		if err := rd.full(b[:], "missing values"); err != nil {
			return v, err
		}
		v.miss = append(v.miss, b)
	}
	return v, nil
}

func (rd *Reader) readValueLabels() (rawLabels, error) {
	var ls rawLabels
	n, err := rd.int32("a value label record")
	if err != nil {
		return ls, err
	}
	if n < 0 || n > maxLabels {
		return ls, rd.errorf("value label record with %d labels", n)
	}
	for i := 0; i < n; i++ {
		var val [8]byte
		if err := rd.full(val[:], "a value label"); err != nil {
			return ls, err
		}
		var l [1]byte
		if err := rd.full(l[:], "a value label"); err != nil {
			return ls, err
		}
		pad := (int(l[0])+1+7)/8*8 - 1
		b, err := rd.bytes(pad, "a value label")
		if err != nil {
			return ls, err
		}
		ls.values = append(ls.values, val)
		ls.labels = append(ls.labels, b[:l[0]])
	}
	typ, err := rd.int32("a value label variables record")
	if err != nil {
		return ls, err
	}
	if typ != 4 {
		return ls, rd.errorf("value labels not followed by their variables (record type %d)", typ)
	}
	nv, err := rd.int32("a value label variables record")
	if err != nil {
		return ls, err
	}
	if nv < 0 || nv > maxUnits {
		return ls, rd.errorf("value labels for %d variables", nv)
	}
	for i := 0; i < nv; i++ {
		x, err := rd.int32("a value label variables record")
		if err != nil {
			return ls, err
		}
		ls.vars = append(ls.vars, x)
	}
	return ls, nil
}

// encodingFor returns the encoding named by record 7.20 or the code page of
// record 7.3; windows-1252 when the file names none.
func encodingFor(name string, codePage int) (encoding.Encoding, string, error) {
	if name == "" {
		switch codePage {
		case 65001:
			name = "UTF-8"
		case 0, 1, 2, 3, 4, 1252:
			// 1–4 are "EBCDIC", "7-bit ASCII", "8-bit ASCII", "DEC Kanji";
			// files that claim them are in practice windows-1252.
			name = "windows-1252"
		case 20127:
			name = "US-ASCII"
		case 28591:
			name = "ISO-8859-1"
		case 28605:
			name = "ISO-8859-15"
		default:
			name = "windows-" + strconv.Itoa(codePage)
		}
	}
	switch strings.ToLower(name) {
	case "utf-8", "utf8":
		return nil, "UTF-8", nil
	case "us-ascii", "ascii", "ansi_x3.4-1968":
		return charmap.Windows1252, "windows-1252", nil
	}
	e, err := ianaindex.IANA.Encoding(name)
	if err != nil || e == nil {
		return nil, "", fmt.Errorf("unsupported character encoding %q", name)
	}
	canon, _ := ianaindex.IANA.Name(e)
	return e, canon, nil
}

func (rd *Reader) text(b []byte) string {
	if rd.dec == nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	s, err := rd.dec.Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(s)
}
