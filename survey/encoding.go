package survey

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"unicode"

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

// identifierStems are parts of column names that suggest a direct
// identifier or free text (English, German, Dutch).
var identifierStems = []string{
	"name", "naam", "mail", "phone", "telefon", "telefoon", "mobile", "handy",
	"ipaddr", "address", "adresse", "adres", "street", "strasse", "straat",
	"comment", "kommentar", "opmerking", "freetext", "freitext", "remark",
	"birth", "geburt", "geboorte", "openanswer", "verbatim",
}

// looksLikeIdentifier reports whether a column name suggests a direct
// identifier or free text.
func looksLikeIdentifier(col string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(col) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	switch n {
	case "ip", "tel", "text", "email", "ipaddress":
		return true
	}
	for _, s := range identifierStems {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}

// looksLikeIdentifierValue reports whether a cell looks like an e-mail or
// IP address.
func looksLikeIdentifierValue(v string) bool {
	if at := strings.IndexByte(v, '@'); at > 0 && strings.Contains(v[at:], ".") && !strings.ContainsAny(v, " ,;") {
		return true
	}
	if strings.Count(v, ".") == 3 || strings.Count(v, ":") >= 2 {
		return net.ParseIP(v) != nil
	}
	return false
}
