package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// TestRespondentFileChangedWhileRead checks that the respondent file is
// hashed as it is read: a file that grows while it is read is an error,
// and otherwise the recorded hash is that of the bytes read.
func TestRespondentFileChangedWhileRead(t *testing.T) {
	dir := t.TempDir()
	study := filepath.Join(dir, "study.yaml")
	data := filepath.Join(dir, "responses.csv")
	os.WriteFile(study, []byte("id: grow\ndata: {file: responses.csv, id: id}\nquestions:\n  - id: aware\n    categories: [{id: \"yes\", codes: [1]}, {id: \"no\", codes: [2]}]\n"), 0o644)
	os.WriteFile(data, []byte("id,aware\nr1,1\nr2,2\n"), 0o644)
	s, err := survey.Load(study)
	if err != nil {
		t.Fatal(err)
	}
	r, err := AnalyseWith(s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := hashFile(data); r.DataFile != want {
		t.Errorf("recorded %+v, file %+v", r.DataFile, want)
	}
	grow := func(in io.Reader, size int64, name string) (io.Reader, func()) {
		f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("r3,1\n")
		f.Close()
		return in, func() {}
	}
	if _, err := AnalyseWith(s, grow); !errors.Is(err, errChanged) {
		t.Errorf("a file that grew while read: %v, want %v", err, errChanged)
	}
}

// TestInputChangedDuringRun checks that a report is not written when the
// study file or the published figures change while the run reads them, so
// that the manifest always describes what was read.
func TestInputChangedDuringRun(t *testing.T) {
	for _, changed := range []string{"study.yaml", "published.csv"} {
		t.Run(changed, func(t *testing.T) {
			dir := t.TempDir()
			study := filepath.Join(dir, "study.yaml")
			os.WriteFile(study, []byte("id: change\ndata: {file: responses.csv, id: id}\npublished: published.csv\nquestions:\n  - id: aware\n    categories: [{id: \"yes\", codes: [1]}, {id: \"no\", codes: [2]}]\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "responses.csv"), []byte("id,aware\nr1,1\nr2,2\n"), 0o644)
			os.WriteFile(filepath.Join(dir, "published.csv"), []byte("figure,question,category,percent,decimals,status\nf,aware,yes,50,0,primary\n"), 0o644)
			touch := func(in io.Reader, size int64, name string) (io.Reader, func()) {
				f, err := os.OpenFile(filepath.Join(dir, changed), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				f.WriteString("\n")
				f.Close()
				return in, func() {}
			}
			out := t.TempDir()
			_, err := Generate(study, Options{Out: out, PDF: "off", Langs: []string{"en"}, Input: touch})
			if !errors.Is(err, errChanged) || !strings.Contains(err.Error(), changed) {
				t.Errorf("error %v, want %v naming %s", err, errChanged, changed)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("%d entries left in the output directory", len(entries))
			}
		})
	}
}
