package survey

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzReader feeds arbitrary bytes to the respondent reader: it must never
// panic or hang, every problem must come back as a located *ParseError, and
// every respondent it accepts must have decoded values within the codebook.
func FuzzReader(f *testing.F) {
	f.Add([]byte("id,aware,uses_ig,attitude,recall\na,1,1,2,1\nb,2,3,,\n"))
	f.Add([]byte("\ufeffid;aware;uses_ig;attitude;recall\r\na;1;1;2;1\r\n"))
	f.Add([]byte("id,aware,uses_ig,attitude,recall\n\"a\nb\",1,1,\"2\",1\n\n"))
	f.Add([]byte("id,aware\n\"unterminated"))
	f.Add([]byte("PK\x03\x04\x00"))
	f.Add([]byte("id,aware,uses_ig,attitude,recall,email\nx,1,1,1,1,a@b.c\n"))
	seeds, _ := filepath.Glob("../cmd/surveystat/testdata/bad/*/responses.csv")
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Parse(bytes.NewReader([]byte(testStudy)), "study.yaml")
		if err != nil {
			t.Fatal(err)
		}
		err = Scan(bytes.NewReader(data), s, "fuzz.csv", func(r *Respondent) error {
			for qi, v := range r.Values {
				if v != Empty && v != Missing && (v < 0 || v >= len(s.Questions[qi].Categories)) {
					t.Fatalf("question %d decoded to %d", qi, v)
				}
				if v >= 0 && !s.InBase(qi, r.Values) {
					t.Fatalf("answer to question %d accepted outside its base", qi)
				}
			}
			return nil
		})
		if err == nil {
			return
		}
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %T is not located: %v", err, err)
		}
		if pe.File != "fuzz.csv" {
			t.Fatalf("error names file %q", pe.File)
		}
	})
}

// FuzzParseStudy feeds arbitrary text to the study-file parser: it must
// never panic, and a study it accepts must be usable (bases evaluate,
// every question has categories).
func FuzzParseStudy(f *testing.F) {
	f.Add([]byte(testStudy))
	f.Add([]byte(weighted))
	f.Add([]byte("id: t\ndata: {file: r.csv, id: id}\nquestions:\n  - {id: a, base: {when: a == x}, categories: [{id: x, codes: [1]}]}\n"))
	f.Add([]byte("id: [\n"))
	f.Add([]byte("synth: {rows: -1}\n"))
	if b, err := os.ReadFile("../data/noyb-de-2025/study.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Parse(bytes.NewReader(src), "fuzz.yaml")
		if err != nil {
			return
		}
		values := make([]int, len(s.Questions))
		for qi, q := range s.Questions {
			if len(q.Categories) == 0 {
				t.Fatalf("question %q accepted without categories", q.ID)
			}
			values[qi] = 0
		}
		for qi := range s.Questions {
			s.InBase(qi, values)
		}
	})
}
