package stata

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
)

// The fixtures are written by R haven from survey/testdata/sysfile/hard.csv
// (scripts/fixtures/generate.sh): format 118 (hard.dta) and 114
// (hard_114.dta, without the long text column).
const fixtures = "../survey/testdata/sysfile/"

func readAll(b []byte) (*Reader, [][]Value, map[string][]ValueLabel, error) {
	rd, err := NewReader(bytes.NewReader(b), Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	var rows [][]Value
	for {
		row := make([]Value, len(rd.Variables))
		err := rd.Read(row)
		if err == io.EOF {
			break
		}
		if err != nil {
			return rd, rows, nil, err
		}
		rows = append(rows, row)
	}
	labels, err := rd.ReadValueLabels()
	return rd, rows, labels, err
}

func TestRead(t *testing.T) {
	for _, tt := range []struct {
		file    string
		release int
		names   string
	}{
		{"hard.dta", 118, "id frage_eins_lang q2 stadt datum note gewicht"},
		{"hard_117.dta", 117, "id frage_eins_lang q2 stadt datum note gewicht"},
		{"hard_114.dta", 114, "id frage_eins_lang q2 stadt datum gewicht"},
		{"hard_113.dta", 113, "id frage_eins_lang q2 stadt datum gewicht"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(fixtures + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			rd, rows, labels, err := readAll(b)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, v := range rd.Variables {
				names = append(names, v.Name)
			}
			if rd.Release != tt.release || strings.Join(names, " ") != tt.names || len(rows) != 5 {
				t.Fatalf("release %d, variables %v, %d rows", rd.Release, names, len(rows))
			}
			q1, datum := rd.Variables[1], rd.Variables[4]
			if q1.Label != "Frage eins – Größe" || q1.ValueLabel != "frage_eins_lang" {
				t.Errorf("q1: label %q, value labels %q", q1.Label, q1.ValueLabel)
			}
			set := labels[q1.ValueLabel]
			if len(set) != 3 || set[0].Label != "ja" || set[2].Missing != 'a' || set[2].Label != "weiß nicht" {
				t.Errorf("value labels %+v", set)
			}
			if rows[2][1].Missing != 'a' || !rows[2][1].IsMissing() || rows[0][1].Num != 1 {
				t.Errorf("q1 values %v %v", rows[0][1], rows[2][1])
			}
			if rows[1][2].Missing != 0 || !rows[1][2].IsMissing() || rows[0][2].Num != 1.5 {
				t.Errorf("q2 values %v %v", rows[0][2], rows[1][2])
			}
			if d, ok := datum.DateString(rows[3][4].Num); !datum.IsDate() || !ok || d != "2023-12-31" {
				t.Errorf("datum %q (%s)", d, datum.Format)
			}
			if rows[3][3].Str != "ä" {
				t.Errorf("stadt %q", rows[3][3].Str)
			}
			if tt.release >= 117 && len(rows[3][5].Str) != 320 {
				t.Errorf("note of %d bytes", len(rows[3][5].Str))
			}
		})
	}
}

// TestTruncated reads every prefix of a file: each must fail with
// ErrFormat, never panic.
func TestTruncated(t *testing.T) {
	for _, file := range []string{"hard.dta", "hard_117.dta", "hard_114.dta", "hard_113.dta"} {
		b, err := os.ReadFile(fixtures + file)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(b); n++ {
			_, _, _, err := readAll(b[:n])
			// A format 113–115 file has no end marker: a cut between two
			// value label sets cannot be seen.
			if !errors.Is(err, ErrFormat) && !(err == nil && (file == "hard_114.dta" || file == "hard_113.dta")) {
				t.Errorf("%s: prefix of %d bytes: %v, want ErrFormat", file, n, err)
			}
		}
	}
}

func FuzzReader(f *testing.F) {
	for _, file := range []string{"hard.dta", "hard_114.dta"} {
		b, err := os.ReadFile(fixtures + file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		readAll(b)
	})
}

// TestMutations reads thousands of copies of the fixtures with bytes
// overwritten at random (a fixed seed): every read must end, with data or
// an error, and never panic.
func TestMutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, file := range []string{"hard.dta", "hard_117.dta", "hard_114.dta", "hard_113.dta"} {
		orig, err := os.ReadFile(fixtures + file)
		if err != nil {
			t.Fatal(err)
		}
		for range 1500 {
			b := bytes.Clone(orig)
			for range 1 + rng.IntN(4) {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
			readAll(b)
		}
	}
}
