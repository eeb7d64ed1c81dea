package survey

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"testing"
)

// benchFile returns the shipped study and its respondent file repeated to
// about rows rows, with unique ids.
func benchFile(b *testing.B, rows int) (*Study, []byte) {
	b.Helper()
	s, err := Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		b.Fatal(err)
	}
	data, err := os.ReadFile(s.DataPath())
	if err != nil {
		b.Fatal(err)
	}
	header, body, _ := bytes.Cut(data, []byte{'\n'})
	lines := bytes.Split(bytes.TrimSpace(body), []byte{'\n'})
	var out bytes.Buffer
	out.Write(header)
	out.WriteByte('\n')
	for i := range rows {
		line := lines[i%len(lines)]
		_, rest, _ := bytes.Cut(line, []byte{','})
		fmt.Fprintf(&out, "R%08d,%s\n", i+1, rest)
	}
	return s, out.Bytes()
}

func benchmarkScan(b *testing.B, scan func(io.Reader, *Study, string, func(*Respondent) error) error) {
	s, data := benchFile(b, 200000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0.0
		if err := scan(bytes.NewReader(data), s, "bench.csv", func(r *Respondent) error {
			n += r.Count
			return nil
		}); err != nil {
			b.Fatal(err)
		}
		if n != 200000 {
			b.Fatalf("%v respondents", n)
		}
	}
}

// BenchmarkScan reads 200,000 respondents with Scan: one call per
// respondent, parsed on all cores.
func BenchmarkScan(b *testing.B) { benchmarkScan(b, Scan) }

// BenchmarkScanCells reads them with ScanCells: one call per distinct
// combination of answers.
func BenchmarkScanCells(b *testing.B) { benchmarkScan(b, ScanCells) }

// BenchmarkReaderRead reads them one by one with Reader.Read, the
// sequential encoding/csv reader.
func BenchmarkReaderRead(b *testing.B) {
	benchmarkScan(b, func(r io.Reader, s *Study, name string, fn func(*Respondent) error) error {
		rd, err := NewReader(r, s, name)
		if err != nil {
			return err
		}
		return rd.scanSeq(nil, fn)
	})
}
