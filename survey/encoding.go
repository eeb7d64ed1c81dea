package survey

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// Encodings lists the character encodings a respondent file may declare.
func Encodings() []string {
	return []string{"utf-8", "windows-1252", "iso-8859-1", "iso-8859-15"}
}

func decoderFor(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "", "utf-8", "utf8":
		return nil, nil
	case "windows-1252", "cp1252":
		return charmap.Windows1252, nil
	case "iso-8859-1", "latin1", "latin-1":
		return charmap.ISO8859_1, nil
	case "iso-8859-15", "latin9", "latin-9":
		return charmap.ISO8859_15, nil
	}
	return nil, fmt.Errorf("unknown encoding %q (want one of %s)", name, strings.Join(Encodings(), ", "))
}

// ErrBinary is reported for a file that is not text (for example an Excel
// or SPSS file given where a CSV export is expected).
var ErrBinary = errors.New("not a text file")

// ErrEncodingMismatch is reported for a file whose byte order mark says
// UTF-8 while the study declares another encoding.
var ErrEncodingMismatch = errors.New("the file starts with a UTF-8 byte order mark")

// prepare wraps r: it refuses binary files, decodes the declared encoding
// to UTF-8, skips a UTF-8 byte order mark and, for delimiter "auto",
// detects the delimiter from the header line.
func prepare(r io.Reader, d *DataSpec, name string) (*bufio.Reader, rune, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8 << 10)
	if bytes.IndexByte(head, 0) >= 0 {
		return nil, 0, &ParseError{File: name, Line: 1, Err: ErrBinary,
			Expect: "a CSV text file", Hint: "export the data as CSV (Excel: Save As → CSV UTF-8; SPSS: File → Export → CSV)"}
	}
	if enc, _ := decoderFor(d.Encoding); enc != nil {
		if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
			return nil, 0, &ParseError{File: name, Line: 1, Err: ErrEncodingMismatch,
				Expect: "a file in " + d.Encoding + ", as data.encoding says",
				Hint:   "the file is UTF-8: remove data.encoding from the study file (or set it to utf-8)"}
		}
		br = bufio.NewReaderSize(transform.NewReader(br, enc.NewDecoder()), 64<<10)
	} else if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	if d.Delimiter != "auto" {
		return br, []rune(d.Delimiter)[0], nil
	}
	head, _ = br.Peek(8 << 10)
	return br, detectDelimiter(head), nil
}

// detectDelimiter picks the most frequent of , ; tab and | outside quotes
// in the first line; a comma when none occurs.
func detectDelimiter(head []byte) rune {
	counts := map[byte]int{}
	inQuote := false
	for _, c := range head {
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if c == '\n' || c == '\r' {
			break
		}
		switch c {
		case ',', ';', '\t', '|':
			counts[c]++
		}
	}
	best, n := byte(','), 0
	for _, c := range []byte{',', ';', '\t', '|'} {
		if counts[c] > n {
			best, n = c, counts[c]
		}
	}
	return rune(best)
}
