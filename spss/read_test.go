package spss

import (
	"bytes"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"testing"
)

// The fixtures are written by GNU PSPP from survey/testdata/sysfile/hard.csv
// (scripts/fixtures/generate.sh).
const fixtures = "../survey/testdata/sysfile/"

func readAll(t testing.TB, b []byte) (*Reader, [][]Value, error) {
	rd, err := NewReader(bytes.NewReader(b), Options{})
	if err != nil {
		return nil, nil, err
	}
	var rows [][]Value
	for {
		row := make([]Value, len(rd.Dict.Variables))
		err := rd.Read(row)
		if err == io.EOF {
			return rd, rows, nil
		}
		if err != nil {
			return rd, rows, err
		}
		rows = append(rows, row)
	}
}

func TestDictionary(t *testing.T) {
	for _, tt := range []struct {
		file, encoding, weight string
	}{
		{"hard.sav", "UTF-8", "gewicht"}, {"hard.zsav", "UTF-8", "gewicht"}, {"hard_unc.sav", "UTF-8", "gewicht"},
		{"hard_1252.sav", "windows-1252", "gewicht"},
		// written by ReadStat (R haven), which records no weight
		{"hard_haven.sav", "UTF-8", ""}, {"hard_haven.zsav", "UTF-8", ""},
	} {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(fixtures + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			rd, rows, err := readAll(t, b)
			if err != nil {
				t.Fatal(err)
			}
			d := rd.Dict
			if d.Encoding != tt.encoding || d.Weight != tt.weight || len(rows) != 5 {
				t.Errorf("encoding %q, weight %q, %d cases; want %q, %q, 5", d.Encoding, d.Weight, len(rows), tt.encoding, tt.weight)
			}
			var names []string
			for _, v := range d.Variables {
				names = append(names, v.Name)
			}
			if got := fmtList(names); got != "id frage_eins_lang q2 stadt datum note gewicht" {
				t.Errorf("variables %s", got)
			}
			q1, q2, stadt, datum, note := d.Variables[1], d.Variables[2], d.Variables[3], d.Variables[4], d.Variables[5]
			if q1.Label != "Frage eins – Größe" || q1.ShortName == q1.Name {
				t.Errorf("q1 label %q, short name %q", q1.Label, q1.ShortName)
			}
			if len(q1.ValueLabels) != 3 || q1.ValueLabels[2].Value.Num != 9 || q1.ValueLabels[2].Label != "weiß nicht" {
				t.Errorf("q1 value labels %+v", q1.ValueLabels)
			}
			if len(q1.Missing.Values) != 1 || q1.Missing.Values[0].Num != 9 || q1.Missing.HasRange {
				t.Errorf("q1 missing %+v", q1.Missing)
			}
			if !q2.Missing.HasRange || q2.Missing.Low != 7 || q2.Missing.High != 9 {
				t.Errorf("q2 missing %+v", q2.Missing)
			}
			if !q2.Missing.Contains(Value{Num: 8}, true) || q2.Missing.Contains(Value{Num: 1.5}, true) || q2.Missing.Contains(Value{Num: math.NaN()}, true) {
				t.Error("q2: Contains is wrong")
			}
			if len(stadt.ValueLabels) != 4 || stadt.ValueLabels[3].Value.Str != "ä" || stadt.ValueLabels[3].Label != "Ä-Wert" {
				t.Errorf("stadt value labels %+v", stadt.ValueLabels)
			}
			if !stadt.Missing.Contains(Value{Str: "z"}, false) {
				t.Errorf("stadt missing %+v", stadt.Missing)
			}
			if !datum.Format.IsDate() || DateString(rows[3][4].Num, false) != "2023-12-31" {
				t.Errorf("datum: format %+v, value %v", datum.Format, rows[3][4].Num)
			}
			if note.Width != 320 || len(rows[3][5].Str) != 320 || rows[2][5].Str != "lang, mit Komma" {
				t.Errorf("note: width %d, value of %d bytes", note.Width, len(rows[3][5].Str))
			}
			if !rows[1][2].IsSysmis() || rows[0][2].Num != 1.5 || rows[3][3].Str != "ä" {
				t.Errorf("values %v", rows[:4])
			}
		})
	}
}

func fmtList(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestFormatNumber(t *testing.T) {
	for _, tt := range []struct {
		x    float64
		want string
	}{{1, "1"}, {1.5, "1.5"}, {-2, "-2"}, {0.1, "0.1"}, {1e20, "100000000000000000000"}, {1e-9, "1e-09"}, {123456789.25, "123456789.25"}} {
		if got := FormatNumber(tt.x); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q, want %q", tt.x, got, tt.want)
		}
	}
}

// TestTruncated reads every prefix of a file: each must fail with
// ErrFormat (or end cleanly between cases), never panic.
func TestTruncated(t *testing.T) {
	for _, file := range []string{"hard.sav", "hard.zsav", "hard_unc.sav", "hard_haven.zsav"} {
		b, err := os.ReadFile(fixtures + file)
		if err != nil {
			t.Fatal(err)
		}
		_, full, _ := readAll(t, b)
		for n := 0; n < len(b); n++ {
			_, rows, err := readAll(t, b[:n])
			if err == nil && len(rows) == len(full) {
				t.Errorf("%s: prefix of %d bytes read as the whole file", file, n)
			}
			if err != nil && !errors.Is(err, ErrFormat) {
				t.Errorf("%s: prefix of %d bytes: %v does not wrap ErrFormat", file, n, err)
			}
		}
	}
}

func TestNotSPSS(t *testing.T) {
	for _, in := range []string{"", "id,q\n1,2\n", "$FL2" + string(make([]byte, 200))} {
		if _, err := NewReader(bytes.NewReader([]byte(in)), Options{}); !errors.Is(err, ErrFormat) {
			t.Errorf("%q: error %v, want ErrFormat", in, err)
		}
	}
}

func FuzzReader(f *testing.F) {
	for _, file := range []string{"hard.sav", "hard.zsav", "hard_unc.sav"} {
		b, err := os.ReadFile(fixtures + file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		readAll(t, b)
	})
}

// TestMutations reads thousands of copies of the fixtures with bytes
// overwritten at random (a fixed seed): every read must end, with data or
// an error, and never panic.
func TestMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, file := range []string{"hard.sav", "hard.zsav", "hard_unc.sav", "hard_haven.zsav"} {
		orig, err := os.ReadFile(fixtures + file)
		if err != nil {
			t.Fatal(err)
		}
		for range 1500 {
			b := bytes.Clone(orig)
			for range 1 + rng.IntN(4) {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
			readAll(t, b)
		}
	}
}

func TestFormatKinds(t *testing.T) {
	for _, tt := range []struct {
		typ                      int
		date, duration, withTime bool
	}{
		{5, false, false, false},  // F
		{1, false, false, false},  // A
		{20, true, false, false},  // DATE
		{22, true, false, true},   // DATETIME
		{39, true, false, false},  // SDATE
		{86, true, false, true},   // YMDHMS
		{21, false, true, false},  // TIME
		{85, false, true, false},  // MTIME
		{26, false, false, false}, // WKDAY: day numbers, may be codes
		{27, false, false, false}, // MONTH
	} {
		f := Format{Type: tt.typ}
		if f.IsDate() != tt.date || f.IsDuration() != tt.duration || f.HasTime() != tt.withTime {
			t.Errorf("format type %d: date %v, duration %v, time %v", tt.typ, f.IsDate(), f.IsDuration(), f.HasTime())
		}
	}
	if got := DateString(13955068800+3661, true); got != "2025-01-01 01:01:01" {
		t.Errorf("DateString = %q", got)
	}
}
