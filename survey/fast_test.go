package survey

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// scanResult is everything a scan delivers, as text, for comparison.
func scanResult(t testing.TB, s *Study, data []byte, parallel bool, chunk int) string {
	t.Helper()
	rd, err := NewReader(bytes.NewReader(data), s, "f.csv")
	if err != nil {
		return "error: " + err.Error()
	}
	rd.chunkSize = chunk
	var b strings.Builder
	fn := func(r *Respondent) error {
		fmt.Fprintf(&b, "%d %q %v %v %v %q %q %v %v\n", r.Line, r.ID, r.Values, r.Ignored, r.Weight, r.Stratum, r.PSU, r.FPC, r.Count)
		return nil
	}
	if parallel {
		err = rd.scan(false, fn)
	} else {
		err = rd.scanSeq(nil, fn)
	}
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	return b.String()
}

const designStudy = `
id: t
data: {file: r.csv, id: id, weight: w, strata: st, cluster: psu, fpc: fpc, outside_base: warn}
questions:
  - id: aware
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2, "22"]}
    missing: [9]
  - id: attitude
    base: {when: aware == yes}
    categories:
      - {id: approve, codes: [1]}
      - {id: oppose, codes: [2]}
`

var fastCases = []struct {
	name, study, data string
}{
	{"plain", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,2,3,,\nc,9,1,,\n"},
	{"crlf", testStudy, "id,aware,uses_ig,attitude,recall\r\na,1,1,2,1\r\nb,2,3,,\r\n"},
	{"no final newline", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,2,3,,"},
	{"blank lines", testStudy, "\nid,aware,uses_ig,attitude,recall\n\na,1,1,2,1\n\r\n\nb,2,3,,\n\n"},
	{"spaces", testStudy, "id, aware ,uses_ig,attitude,recall\n a ,\t1 , 1,2\u00a0,1\u2003\nb,2,3, ,\n"},
	{"quotes", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\n\"b\nx\",2,3,,\nc,1,1,\"1\",2\nc,1,1,1,2\n"},
	{"quote late", testStudy, "id,aware,uses_ig,attitude,recall\n" + strings.Repeat("a,1,1,2,1\n", 1) + "z,1,1,1,1\n\"y\",2,2,,\n"},
	{"bad quote", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,2\"x,3,,\nc,1,1,1,1\n"},
	{"unterminated", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\n\"b,2,3,,\n"},
	{"duplicates", testStudy, "id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,2,3,,\na,2,3,,\n b ,2,3,,\nR01,1,1,1,1\nR1,1,1,1,1\nR01,1,1,1,1\n"},
	{"problems", testStudy, "id,aware,uses_ig,attitude,recall\n,1,1,2,1\nb,7,3,,\nc,2,3,1,\nd,1\ne,1,1,1,1,1\nf,2,3,,\nf,\xff,1,1,1\n"},
	{"only bad rows", testStudy, "id,aware,uses_ig,attitude,recall\nd,1\ne,1\n"},
	{"header only", testStudy, "id,aware,uses_ig,attitude,recall\n"},
	{"latin1", testStudy, "id,aware,uses_ig,attitude,recall\nM\xfcller,1,1,2,1\n"},
	{"identifier value", testStudy, "id,aware,uses_ig,attitude,recall,other\na,1,1,2,1,x@y.de\nb,1,1,2,1,10.0.0.1\nc,1,1,2,1,1.5\n"},
	{"semicolon", testStudy, "id;aware;uses_ig;attitude;recall\na;1;1;2;1\nb;2;3;;\n"},
	{"design", designStudy, "id,aware,attitude,w,st,psu,fpc\na,1,2,1.5,s1,p1,100\nb,2,1,\"2\",s1,p2,100\n"},
	{"design plain", designStudy, "id,aware,attitude,w,st,psu,fpc\na,1,2,1.5,s1,p1,100\nb,2,1,2,s1,p2,0.25\nc,22,,\"1,5\",s2,p3,1e2\nd,1,1,0,,,\ne,1,1,1e400,s,p,NaN\nf,1,1,1,,p,1\ng,1,1,0.10000000000000001,s,p,1\n"},
}

// TestScanParallelMatchesSequential checks that the parallel reader
// delivers exactly what the sequential reader delivers, with chunks of
// every size, including chunks shorter than a line.
func TestScanParallelMatchesSequential(t *testing.T) {
	for _, c := range fastCases {
		t.Run(c.name, func(t *testing.T) {
			s := mustParse(t, c.study)
			want := scanResult(t, s, []byte(c.data), false, 0)
			for _, chunk := range []int{1, 3, 7, 16, 64, 0} {
				if got := scanResult(t, s, []byte(c.data), true, chunk); got != want {
					t.Errorf("chunk %d:\ngot:\n%s\nwant:\n%s", chunk, got, want)
				}
			}
		})
	}
}

// TestScanParallelLarge compares the readers on a file of many chunks with
// problems spread over it.
func TestScanParallelLarge(t *testing.T) {
	s := mustParse(t, testStudy)
	var b bytes.Buffer
	b.WriteString("id,aware,uses_ig,attitude,recall\n")
	for i := range 30000 {
		switch i % 9973 {
		case 5000:
			fmt.Fprintf(&b, "R%d,7,1,2,1\n", i)
		case 7000:
			fmt.Fprintf(&b, "R%d,1,1,2,1\n", i-1)
		default:
			fmt.Fprintf(&b, "R%d,%d,1,%d,1\n", i, 1+i%2, 1+i%2)
		}
	}
	data := b.Bytes()
	want := scanResult(t, s, data, false, 0)
	for _, chunk := range []int{100, 4096, 0} {
		if got := scanResult(t, s, data, true, chunk); got != want {
			t.Errorf("chunk %d: results differ (got %d bytes, want %d)", chunk, len(got), len(want))
		}
	}
}

// FuzzScanParallel checks the parallel reader against the sequential one
// on arbitrary input.
func FuzzScanParallel(f *testing.F) {
	for _, c := range fastCases {
		if c.study == testStudy {
			f.Add([]byte(c.data), uint8(5))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		s := mustParse(t, testStudy)
		want := scanResult(t, s, data, false, 0)
		if got := scanResult(t, s, data, true, int(chunk)); got != want {
			t.Fatalf("chunk %d:\ngot:\n%s\nwant:\n%s", chunk, got, want)
		}
	})
}

func TestIDSet(t *testing.T) {
	for _, ids := range [][]string{
		{"R0001", "R0002", "R1", "R01", "R0001"},
		{"1", "2", "02", "10", "1"},
		{"x", "y", "R5", "x"},
	} {
		s := newIDSet()
		seen := map[string]int{}
		for i, id := range ids {
			first, dup := s.addBytes([]byte(id), i+2)
			if f, ok := seen[id]; ok != dup || (dup && f != first) {
				t.Errorf("%v: id %q: got (%d, %v)", ids, id, first, dup)
			}
			if !dup {
				seen[id] = i + 2
			}
		}
	}
	// Sparse numbers move to hashes without losing any.
	s := newIDSet()
	for i := range 2000 {
		if _, dup := s.add(fmt.Sprint(i*1000003+1), i+2); dup {
			t.Fatal("false duplicate")
		}
	}
	if s.numeric {
		t.Error("sparse ids stayed in pages")
	}
	if first, dup := s.add(fmt.Sprint(7*1000003+1), 5000); !dup || first != 9 {
		t.Errorf("after demotion: (%d, %v)", first, dup)
	}
}

// TestScanParallelReadError checks that a read error ends the scan with a
// located error after the rows before it, as in the sequential reader.
func TestScanParallelReadError(t *testing.T) {
	s := mustParse(t, testStudy)
	var b strings.Builder
	b.WriteString("id,aware,uses_ig,attitude,recall\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "r%d,2,3,,\n", i)
	}
	big := b.String()
	for _, data := range []string{
		"id,aware,uses_ig,attitude,recall\na,1,1,2,1\n",
		"id,aware,uses_ig,attitude,recall\na,1,1,2,1\n\"b\",2,3,,\n",
		big,
		big + "\"c\",2,3,,\n",
	} {
		run := func(parallel bool, chunk int) string {
			in := io.MultiReader(strings.NewReader(data), errReader{errors.New("disk on fire")})
			rd, err := NewReader(in, s, "f.csv")
			if err != nil {
				return err.Error()
			}
			rd.chunkSize = chunk
			n := 0
			fn := func(*Respondent) error { n++; return nil }
			if parallel {
				err = rd.scan(false, fn)
			} else {
				err = rd.scanSeq(nil, fn)
			}
			return fmt.Sprintf("%d rows: %v", n, err)
		}
		want := run(false, 0)
		if !strings.Contains(want, "disk on fire") {
			t.Fatalf("sequential: %s", want)
		}
		for _, chunk := range []int{16, 0} {
			if got := run(true, chunk); got != want {
				t.Errorf("chunk %d: got %s, want %s", chunk, got, want)
			}
		}
	}
}
