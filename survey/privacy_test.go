package survey

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestMessagesKeepPersonalDataOut checks what messages about a respondent
// file may show: values of question columns (cut to a short length), never
// ids or values of other columns, and nothing at all of ignored columns,
// which are not even checked for valid UTF-8.
func TestMessagesKeepPersonalDataOut(t *testing.T) {
	const study = testStudy + "  - id: w8\n    categories: [{id: a, codes: [1]}]\n"
	ignore := strings.Replace(study, "data: {file: r.csv, id: id}", "data: {file: r.csv, id: id, ignore: [email, note]}", 1)
	const header = "id,aware,uses_ig,attitude,recall,w8,email,note\n"
	big := strings.Repeat("7", 5000)
	tests := []struct {
		name, study, data string
		kind              error // nil: no error
		want, never       string
	}{
		{"ignored columns are not decoded", ignore, header + "a,1,1,2,1,1,j\xfcrgen.m\xfcller@example.de,Gr\xfc\xdfe aus K\xf6ln\n", nil, "", ""},
		{"duplicate e-mail id", ignore, header + "jane@example.org,1,1,2,1,1,,\njane@example.org,2,1,,,1,,\n", ErrDuplicateID,
			`r.csv:3: column "id": value not shown: duplicate respondent id (expected ids to be unique; the same id is on line 2)`, "jane"},
		{"id not UTF-8", ignore, header + "J\xfcrgen,1,1,2,1,1,,\n", ErrEncoding, `r.csv:2: column "id": value not shown: text is not valid UTF-8`, "rgen"},
		{"huge cell cut", ignore, header + "a," + big + ",1,,,1,,\n", ErrUnknownCode,
			`column "aware": value "` + strings.Repeat("7", 40) + `…" (first 40 of 5000 characters shown): unknown code`, strings.Repeat("7", 41)},
		{"identifier in undeclared column", study, "id,aware,uses_ig,attitude,recall,w8,contact\na,1,1,2,1,1,Jane Doe <jane@example.org>\n", ErrIdentifier,
			`column "contact": value not shown`, "jane"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, tt.study)
			_, err := readAll(t, s, tt.data)
			if tt.kind == nil {
				if err != nil {
					t.Fatalf("error %v", err)
				}
				return
			}
			if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %v with %q", err, tt.kind, tt.want)
			}
			if strings.Contains(err.Error(), tt.never) {
				t.Errorf("message %q shows %q", err, tt.never)
			}
		})
	}
}

// TestOneEncodingMessage checks that a file in an undeclared encoding
// gives one message with the hint, not one per row, and that a UTF-8 file
// declared as Windows-1252 is recognised by its byte order mark.
func TestOneEncodingMessage(t *testing.T) {
	s := mustParse(t, testStudy+"  - id: city\n    categories: [{id: k, codes: [K\u00f6ln]}, {id: m, codes: [M\u00fcnchen]}]\n")
	// Distinct ids, so that only the encoding is wrong, in every row.
	var b strings.Builder
	b.WriteString("id,aware,uses_ig,attitude,recall,city\n")
	for i := 0; i < 80; i++ {
		b.WriteString(strings.Repeat("r", i+1) + ",1,1,2,1,K\xf6ln\n")
	}
	err := Scan(strings.NewReader(b.String()), s, "r.csv", func(*Respondent) error { return nil })
	if !errors.Is(err, ErrEncoding) || strings.Count(err.Error(), "\n") > 0 ||
		!strings.Contains(err.Error(), "r.csv:2: column \"city\": value \"K\ufffdln\": text is not valid UTF-8 (expected UTF-8 text); hint: declare the file's encoding") {
		t.Errorf("undeclared Windows-1252: %v", err)
	}
	w := *s
	w.Data.Encoding = "windows-1252"
	err = Scan(strings.NewReader("\ufeffid,aware,uses_ig,attitude,recall,city\na,1,1,2,1,K\u00f6ln\n"), &w, "r.csv", func(*Respondent) error { return nil })
	if !errors.Is(err, ErrEncodingMismatch) || !strings.Contains(err.Error(), "r.csv:1: the file starts with a UTF-8 byte order mark (expected a file in windows-1252, as data.encoding says); hint: the file is UTF-8: remove data.encoding") {
		t.Errorf("UTF-8 with BOM declared windows-1252: %v", err)
	}
}

func TestUnterminatedQuoteAtItsStart(t *testing.T) {
	s := mustParse(t, testStudy)
	data := "id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,\"1,1,2,1\n" + strings.Repeat("c,2,1,,\n", 30)
	err := Scan(strings.NewReader(data), s, "r.csv", func(*Respondent) error { return nil })
	if !errors.Is(err, ErrOpenQuote) || !strings.Contains(err.Error(), `r.csv:3: quoted field not closed (expected a closing " before the end of the file: the quoted field runs on to line 33)`) {
		t.Errorf("unterminated quote: %v", err)
	}
}

// TestRowTooLarge checks that a row longer than the limit ends the scan
// with a located error instead of being read into memory whole: a line
// without a line break (read in parallel) and a quote never closed (read
// sequentially).
func TestRowTooLarge(t *testing.T) {
	s := mustParse(t, testStudy)
	const header = "id,aware,uses_ig,attitude,recall\n"
	// The csv reader reads ahead by up to 4 KiB, so the limit holds to
	// within that; rows here are far longer than the limit.
	long := strings.Repeat("x", 20000)
	tests := []struct{ name, data, want string }{
		{"no line break", header + "a,1,1,2,1\nb,1,1,2," + long, "r.csv:3: row too large (expected rows of at most 1000 bytes); hint: a quote that is never closed"},
		{"quote never closed", header + "a,1,1,2,1\nb,\"1,1,2,1\n" + strings.Repeat("c,2,1,,\n", 3000), "r.csv:3: row too large (expected rows of at most 1000 bytes)"},
		{"quote never closed after a multi-line field", header + "a,1,1,2,\"1\n\"\nb,\"1,1,2,1\n" + strings.Repeat("c,2,1,,\n", 3000), "r.csv:4: row too large"},
		{"multi-line header, read sequentially", "id,aware,uses_ig,attitude,recall,\"x\ny\"\na,1,1,2,1,\nb,1,1,2,1," + long, "r.csv:4: row too large"},
		{"multi-line header, quote never closed", "id,aware,uses_ig,attitude,recall,\"x\ny\"\na,1,1,2,1,\nb,\"1,1,2,1,\n" + strings.Repeat("c,2,1,,,\n", 3000), "r.csv:4: row too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, chunk := range []int{64, 0} {
				rd, err := NewReader(strings.NewReader(tt.data), s, "r.csv")
				if err != nil {
					t.Fatal(err)
				}
				rd.maxRow, rd.chunkSize = 1000, chunk
				err = rd.scan(false, func(*Respondent) error { return nil })
				if !errors.Is(err, ErrRowTooLarge) || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("chunk %d: %v, want %q", chunk, err, tt.want)
				}
			}
		})
	}
}

// endless reads the same byte for ever, as /dev/zero does.
type endless byte

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(e)
	}
	return len(p), nil
}

// TestHeaderTooLarge checks that a header without a line break is not
// read for ever: the reader stops after MaxRowBytes.
func TestHeaderTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 64 MiB")
	}
	s := mustParse(t, testStudy)
	_, err := NewReader(io.MultiReader(strings.NewReader("id,aware,"), endless('a')), s, "r.csv")
	if !errors.Is(err, ErrRowTooLarge) || !strings.Contains(err.Error(), "r.csv:1: row too large (expected a header row of at most 64 MiB)") {
		t.Errorf("endless header: %v", err)
	}
}
