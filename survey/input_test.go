package survey

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 4 << 20: "4 MiB", 3 << 29: "1.5 GiB", 50 << 20: "50 MiB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParseStudyRejectsSecondDocument(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"second document", testStudy + "---\nid: other\n", "line 24: a second YAML document starts here"},
		{"second document, only a list", testStudy + "---\n- x\n", "line 24: a second YAML document starts here"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(tt.src), "study.yaml")
		if !errors.Is(err, ErrSecondDocument) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
	// A leading document marker and an empty trailing one are fine.
	for _, src := range []string{"---\n" + testStudy, testStudy + "---\n", testStudy + "...\n"} {
		if _, err := Parse(strings.NewReader(src), "study.yaml"); err != nil {
			t.Errorf("%q: %v", src[len(src)-8:], err)
		}
	}
}

func TestClip(t *testing.T) {
	long := strings.Repeat("ä", 45)
	tests := []struct{ in, want, note string }{
		{"7", "7", ""},
		{strings.Repeat("x", 40), strings.Repeat("x", 40), ""},
		{long, strings.Repeat("ä", 40) + "…", " (first 40 of 45 characters shown)"},
		{"M\xfcller", "M\ufffdller", ""},
	}
	for _, tt := range tests {
		if got, note := clip(tt.in), clipNote(tt.in); got != tt.want || note != tt.note {
			t.Errorf("clip(%q) = %q%q, want %q%q", tt.in, got, note, tt.want, tt.note)
		}
	}
}

func TestNumberLike(t *testing.T) {
	for v, want := range map[string]bool{"1.5": true, "-1e5": true, "1,25": true, "NaN": true, "-Inf": true, "": true,
		"one": false, "Nina": false, "jane@example.org": false, strings.Repeat("1", 41): false} {
		if got := numberLike(v); got != want {
			t.Errorf("numberLike(%q) = %v, want %v", v, got, want)
		}
	}
}

func TestStudyNumbersInRange(t *testing.T) {
	tests := []struct{ name, extra, want string }{
		{"rake tol NaN", "analysis: {rake: {margins: m.csv, tol: .nan}}\n", "analysis.rake.tol NaN: want a finite number"},
		{"rake upper infinite", "analysis: {rake: {margins: m.csv, upper: .inf}}\n", "analysis.rake.upper +Inf: want a finite number"},
		{"rake max_iter huge", "analysis: {rake: {margins: m.csv, max_iter: 2000000000}}\n", "analysis.rake.max_iter 2000000000: want at most 10000"},
		{"chart reference NaN", "charts: [{id: c, kind: bars, items: [aware], reference: .nan}]\n", `chart "c": reference NaN`},
		{"chart reference 50", "charts: [{id: c, kind: bars, items: [aware], reference: 50}]\n", `chart "c": reference 50: want a proportion`},
		{"sample size negative", "metadata: {sample_size: -1}\n", "metadata.sample_size -1"},
		{"synth rows huge", "synth: {seed: 1, rows: 2000000000, variables: []}\n", "synth.rows 2000000000: want at most 10000000"},
	}
	for _, tt := range tests {
		_, err := Parse(strings.NewReader(testStudy+tt.extra), "study.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

func TestHeaderList(t *testing.T) {
	many := make([]string, 30)
	for i := range many {
		many[i] = fmt.Sprintf("c%d", i+1)
	}
	tests := []struct {
		header []string
		want   string
	}{
		{[]string{"id", "w", "aware"}, "id, w, aware"},
		{[]string{"id", strings.Repeat("x", 50)}, "id, " + strings.Repeat("x", 40) + "…"},
		{many, "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, … (30 columns)"},
	}
	for _, tt := range tests {
		if got := headerList(tt.header); got != tt.want {
			t.Errorf("headerList = %q, want %q", got, tt.want)
		}
	}
}

func TestStudyMessagesCutQuotedValues(t *testing.T) {
	long := strings.Repeat("X", 5000)
	_, err := Parse(strings.NewReader("id: "+long+"\ndata: {file: r.csv, id: id}\n"), "study.yaml")
	want := `study.yaml: id "` + strings.Repeat("X", 40) + `…": want lower-case letters`
	if err == nil || !strings.HasPrefix(err.Error(), want) || len(err.Error()) > 200 {
		t.Errorf("long id: %.300v, want %q…", err, want)
	}
	src := strings.Replace(testStudy, "base: {when: aware == yes, description: the aware}", "base: {when: "+long+" == yes}", 1)
	if _, err := Parse(strings.NewReader(src), "study.yaml"); err == nil || len(err.Error()) > 400 {
		t.Errorf("long base: %.500v", err)
	}
}
