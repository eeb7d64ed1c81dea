package report

import (
	"errors"
	"io"
	"os"
	"path/filepath"
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
