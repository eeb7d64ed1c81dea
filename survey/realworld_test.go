package survey

import (
	"errors"
	"strings"
	"testing"
)

const weighted = `
id: w
data: {file: r.csv, id: id, weight: w%s}
questions:
  - id: aware
    categories: [{id: "yes", codes: [1]}, {id: "no", codes: [2]}]
  - id: note
    column: Größe
    categories: [{id: klein, codes: [k]}, {id: gross, codes: [g, "größer"]}]
`

func weightedStudy(t *testing.T, extra string) *Study {
	t.Helper()
	return mustParse(t, strings.Replace(weighted, "%s", extra, 1))
}

func TestRealWorldFiles(t *testing.T) {
	tests := []struct {
		name    string
		extra   string // added to the data section
		file    string
		weights []float64
	}{
		{"comma", "", "id,w,aware,Größe\n1,1.5,1,k\n2,0.5,2,g\n", []float64{1.5, 0.5}},
		{"semicolon detected, decimal comma", "", "id;w;aware;Größe\n1;1,5;1;k\n2;0,5;2;g\n", []float64{1.5, 0.5}},
		{"semicolon declared", ", delimiter: ';', decimal: ','", "id;w;aware;Größe\n1;1,25;1;k\n", []float64{1.25}},
		{"tab", ", delimiter: tab", "id\tw\taware\tGröße\n1\t2\t1\tk\n", []float64{2}},
		{"BOM and CRLF", "", "\ufeffid,w,aware,Größe\r\n1,1,1,k\r\n2,3,2,g\r\n", []float64{1, 3}},
		{"quoted delimiter and newline", "", "id,w,aware,Größe\n\"a,b\",1,1,k\n\"c\nd\",\"2.5\",2,\"größer\"\n", []float64{1, 2.5}},
		{"trailing empty lines", "", "id,w,aware,Größe\n1,1,1,k\n\n\n", []float64{1}},
		{"windows-1252", ", encoding: windows-1252", "id,w,aware,Gr\xf6\xdfe\n1,1,1,gr\xf6\xdfer\n", []float64{1}},
		{"iso-8859-1", ", encoding: iso-8859-1", "id,w,aware,Gr\xf6\xdfe\n1,1,1,gr\xf6\xdfer\n", []float64{1}},
		{"undeclared harmless column", "", "id,w,aware,Größe,wave\n1,1,1,k,3\n", []float64{1}},
		{"declared ignore", ", ignore: [email]", "id,w,aware,Größe,email\n1,1,1,k,a@b.de\n", []float64{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := weightedStudy(t, tt.extra)
			rs, err := readAll(t, s, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(rs) != len(tt.weights) {
				t.Fatalf("read %d rows, want %d", len(rs), len(tt.weights))
			}
			for i, r := range rs {
				if r.Weight != tt.weights[i] {
					t.Errorf("row %d weight %v, want %v", i, r.Weight, tt.weights[i])
				}
				if r.Values[1] < 0 {
					t.Errorf("row %d: Größe not decoded", i)
				}
			}
		})
	}
}

func TestBadRealWorldFiles(t *testing.T) {
	tests := []struct {
		name, extra, file string
		kind              error
		contains          string
	}{
		{"binary", "", "PK\x03\x04\x00\x00xl/workbook.xml", ErrBinary, "export the data as CSV"},
		{"latin1 without declaration", "", "id,w,aware,Größe\n1,1,1,gr\xf6\xdfer\n", ErrEncoding, "data.encoding: windows-1252"},
		{"weight zero", "", "id,w,aware,Größe\n1,0,1,k\n", ErrWeight, `column "w": value "0"`},
		{"weight negative", "", "id,w,aware,Größe\n1,-1,1,k\n", ErrWeight, "positive finite number"},
		{"weight NaN", "", "id,w,aware,Größe\n1,NaN,1,k\n", ErrWeight, `value "NaN"`},
		{"weight text", "", "id,w,aware,Größe\n1,heavy,1,k\n", ErrWeight, `column "w": value not shown: invalid weight`},
		{"weight not a number", "", "id,w,aware,Größe\n1,-1e5,1,k\n", ErrWeight, `column "w": value "-1e5": invalid weight`},
		{"weight thousands", ", decimal: ','", "id;w;aware;Größe\n1;1.000,5;1;k\n", ErrWeight, `value "1.000,5"`},
		{"identifier column", "", "id,w,aware,Größe,E-Mail\n1,1,1,k,x\n", ErrIdentifier, "data.ignore"},
		{"free text column", "", "id,w,aware,Größe,comments\n1,1,1,k,x\n", ErrIdentifier, `column "comments"`},
		{"e-mail in undeclared column", "", "id,w,aware,Größe,contact\n1,1,1,k,jane@example.org\n", ErrIdentifier, `column "contact": value not shown`},
		{"ip in undeclared column", "", "id,w,aware,Größe,src\n1,1,1,k,192.168.1.20\n", ErrIdentifier, "IP address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := weightedStudy(t, tt.extra)
			_, err := readAll(t, s, tt.file)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error %v, want %v", err, tt.kind)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("message %q lacks %q", err, tt.contains)
			}
			if strings.Contains(err.Error(), "jane@") {
				t.Error("an identifier value leaked into the message")
			}
		})
	}
}

func TestOutsideBaseWarn(t *testing.T) {
	src := strings.Replace(testStudy, "id: id}", "id: id, outside_base: warn}", 1)
	s := mustParse(t, src)
	rs, err := readAll(t, s, "id,aware,uses_ig,attitude,recall\na,2,1,1,1\nb,1,1,1,1\n")
	if err != nil {
		t.Fatal(err)
	}
	at, rc := s.QuestionIndex("attitude"), s.QuestionIndex("recall")
	if rs[0].Values[at] != Empty || !rs[0].Ignored[at] || !rs[0].Ignored[rc] {
		t.Errorf("row a: values %v ignored %v", rs[0].Values, rs[0].Ignored)
	}
	if rs[1].Values[at] != 0 || rs[1].Ignored[at] {
		t.Errorf("row b: values %v ignored %v", rs[1].Values, rs[1].Ignored)
	}
}

func TestDetectDelimiter(t *testing.T) {
	for in, want := range map[string]rune{
		"a,b,c\n":           ',',
		"a;b;c\n1,5;2;3":    ';',
		"\"a;b\",c\n":       ',',
		"a\tb\tc":           '\t',
		"single\n":          ',',
		"a|b|c\r\nx,y,z,w,": '|',
	} {
		if got := detectDelimiter([]byte(in)); got != want {
			t.Errorf("detectDelimiter(%q) = %q, want %q", in, got, want)
		}
	}
}
