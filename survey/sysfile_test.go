package survey

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The fixtures are made from hard.csv and the shipped study's CSV by GNU
// PSPP and R haven (scripts/fixtures/generate.sh).

// TestSystemFileAsCSV converts every fixture to CSV and compares it with
// the CSV it was made from, cell by cell.
func TestSystemFileAsCSV(t *testing.T) {
	tests := []struct {
		file, csv string
		drop      []string          // columns the fixture does not have
		replace   map[string]string // column → value in the CSV → value in the conversion
	}{
		{file: "hard.sav", csv: "hard.csv"},
		{file: "hard.zsav", csv: "hard.csv"},
		{file: "hard_unc.sav", csv: "hard.csv"},
		{file: "hard_1252.sav", csv: "hard.csv"},
		{file: "hard.dta", csv: "hard.csv", replace: map[string]string{"frage_eins_lang=9": ".a"}},
		{file: "hard_117.dta", csv: "hard.csv", replace: map[string]string{"frage_eins_lang=9": ".a"}},
		{file: "hard_114.dta", csv: "hard.csv", drop: []string{"note"}, replace: map[string]string{"frage_eins_lang=9": ".a"}},
		{file: "hard_113.dta", csv: "hard.csv", drop: []string{"note"}, replace: map[string]string{"frage_eins_lang=9": ".a"}},
		{file: "hard_haven.sav", csv: "hard.csv"},
		{file: "hard_haven.zsav", csv: "hard.csv"},
		{file: "noyb.sav", csv: "../../../data/noyb-de-2025/responses.csv"},
		{file: "noyb.zsav", csv: "../../../data/noyb-de-2025/responses.csv"},
		{file: "noyb.dta", csv: "../../../data/noyb-de-2025/responses.csv"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want := readCSVFile(t, filepath.Join("testdata/sysfile", tt.csv))
			f, err := os.Open(filepath.Join("testdata/sysfile", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			br := bufioReader(f)
			head, _ := br.Peek(11)
			src, err := openSystemFile(br, SystemFileKind(head), &Study{})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := src.writeCSV(&buf); err != nil {
				t.Fatal(err)
			}
			got, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			keep := []int{}
			for i, h := range want[0] {
				if !contains(tt.drop, h) {
					keep = append(keep, i)
				}
			}
			if len(got) != len(want) {
				t.Fatalf("%d rows, want %d", len(got), len(want))
			}
			for r := range want {
				if len(got[r]) != len(keep) {
					t.Fatalf("row %d: %d cells, want %d", r, len(got[r]), len(keep))
				}
				for j, i := range keep {
					w := want[r][i]
					if v, ok := tt.replace[want[0][i]+"="+w]; ok && r > 0 {
						w = v
					}
					if got[r][j] != w {
						t.Errorf("row %d, column %s: %q, want %q", r, want[0][i], got[r][j], w)
					}
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// scanAll returns what Scan delivers, one line per respondent, or the
// error.
func scanAll(t *testing.T, s *Study, path string) (string, error) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	err = Scan(f, s, filepath.Base(path), func(r *Respondent) error {
		b.WriteString(strings.Join([]string{r.ID, strings.Trim(strings.Join(strings.Fields(strings.Trim(strings.ReplaceAll(strings.ReplaceAll(sprint(r.Values), "[", ""), "]", ""), " ")), ","), ","), sprint(r.Weight), sprint(r.Line)}, ";"))
		b.WriteByte('\n')
		return nil
	})
	return b.String(), err
}

// TestSystemFileScan reads every fixture with the study of its CSV and
// expects the same respondents, answers, weights and lines (the line of a
// case in the CSV export).
func TestSystemFileScan(t *testing.T) {
	hard, err := Load("testdata/sysfile/hard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	noyb, err := Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		study *Study
		file  string
	}{
		{hard, "hard.sav"}, {hard, "hard.zsav"}, {hard, "hard_unc.sav"}, {hard, "hard_1252.sav"},
		{hard, "hard.dta"}, {hard, "hard_117.dta"}, {hard, "hard_114.dta"}, {hard, "hard_113.dta"},
		{hard, "hard_haven.sav"}, {hard, "hard_haven.zsav"},
		{noyb, "noyb.sav"}, {noyb, "noyb.zsav"}, {noyb, "noyb.dta"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			want, err := scanAll(t, tt.study, tt.study.DataPath())
			if err != nil {
				t.Fatal(err)
			}
			got, err := scanAll(t, tt.study, filepath.Join("testdata/sysfile", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got != want {
				t.Errorf("respondents differ from the CSV:\ngot\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestSystemFileErrors checks the messages for a system file whose values
// do not fit the study: they name the file, the case, the variable, the
// value and what was expected.
func TestSystemFileErrors(t *testing.T) {
	hard, err := Load("testdata/sysfile/hard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		edit       func(s *Study)
		want       string
	}{
		{"unknown code", "hard.sav", func(s *Study) { s.Questions[0].Categories = s.Questions[0].Categories[:1] },
			`hard.sav: case 2: column "frage_eins_lang": value "2": unknown code (expected one of 1 = yes, 9 = missing, or an empty cell)`},
		{"range not in codebook", "hard.sav", func(s *Study) { s.Questions[1].Missing = nil; s.Questions[1].Categories = nil },
			`hard.sav: case 1: column "q2": value "1.5": unknown code (expected one of 7 thru 9 = missing, or an empty cell)`},
		{"no cases", "hard_empty.sav", func(s *Study) {},
			`hard_empty.sav: no respondent rows (expected at least one case)`},
		{"weight not used", "hard.sav", func(s *Study) { s.Data.Weight = "" },
			`hard.sav: the file is weighted by its variable "gewicht", which the study file does not use (expected data.weight: gewicht, or gewicht listed under data.ignore to analyse the data unweighted)`},
		{"missing variable", "hard.dta", func(s *Study) { s.Questions[0].Column = "nope" },
			`hard.dta: column "nope": column not found in header (expected a column "nope" for question q1; the file has the variables id, frage_eins_lang, q2, stadt, datum, note, gewicht)`},
		{"extended missing without category", "hard.dta", func(s *Study) { s.Questions[1].Categories = nil },
			`hard.dta: case 1: column "q2": value "1.5": unknown code (expected one of 7/8/.a–.z = missing, or an empty cell)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := *hard
			s.Questions = append([]Question(nil), hard.Questions...)
			for i := range s.Questions {
				s.Questions[i].Categories = append([]Category(nil), s.Questions[i].Categories...)
			}
			tt.edit(&s)
			_, err := scanAll(t, &s, filepath.Join("testdata/sysfile", tt.file))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v\nwant it to contain %s", err, tt.want)
			}
			var pe *ParseError
			if strings.Contains(tt.want, "column") && !errors.As(err, &pe) {
				t.Errorf("error %T is not a *ParseError", err)
			}
		})
	}
}

func sprint(x any) string { return fmt.Sprint(x) }

func bufioReader(f *os.File) *bufio.Reader { return bufio.NewReader(f) }

// TestSystemFileUserMissing reads the file's user-missing values (q2's
// range 7 thru 9, stadt's "z", Stata's .a) as missing when the codebook
// does not list them: the same respondents as the CSV with them listed.
func TestSystemFileUserMissing(t *testing.T) {
	hard, err := Load("testdata/sysfile/hard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := scanAll(t, hard, hard.DataPath())
	if err != nil {
		t.Fatal(err)
	}
	s := *hard
	s.Questions = append([]Question(nil), hard.Questions...)
	for i := range s.Questions {
		s.Questions[i].Missing = nil
	}
	for _, file := range []string{"hard.sav", "hard.zsav", "hard_1252.sav", "hard_haven.sav", "hard_haven.zsav"} {
		got, err := scanAll(t, &s, filepath.Join("testdata/sysfile", file))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got != want {
			t.Errorf("%s: respondents differ from the CSV:\ngot\n%s\nwant\n%s", file, got, want)
		}
	}
	// Stata's extended missing values: q1's 9 is .a in the .dta files.
	s.Questions[1].Missing = hard.Questions[1].Missing
	s.Questions[2].Missing = hard.Questions[2].Missing
	for _, file := range []string{"hard.dta", "hard_117.dta", "hard_114.dta", "hard_113.dta"} {
		got, err := scanAll(t, &s, filepath.Join("testdata/sysfile", file))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		if got != want {
			t.Errorf("%s: respondents differ from the CSV:\ngot\n%s\nwant\n%s", file, got, want)
		}
	}
}

// TestSystemFileMutations scans damaged copies of the fixtures (bytes
// overwritten at random, fixed seed): every scan must end, with the
// respondents or an error, and never panic or hang.
func TestSystemFileMutations(t *testing.T) {
	hard, err := Load("testdata/sysfile/hard.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, file := range []string{"hard.sav", "hard.zsav", "hard.dta", "hard_114.dta"} {
		orig, err := os.ReadFile(filepath.Join("testdata/sysfile", file))
		if err != nil {
			t.Fatal(err)
		}
		for range 300 {
			b := bytes.Clone(orig)
			for range 1 + rng.IntN(3) {
				b[rng.IntN(len(b))] = byte(rng.IntN(256))
			}
			for _, scan := range []func(io.Reader, *Study, string, func(*Respondent) error) error{Scan, ScanCells} {
				scan(bytes.NewReader(b), hard, file, func(*Respondent) error { return nil })
			}
		}
	}
}
