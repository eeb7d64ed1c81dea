package survey

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// testStudy is a small codebook used across the tests of this package.
const testStudy = `
id: t
data: {file: r.csv, id: id}
questions:
  - id: aware
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2]}
    missing: [9]
  - id: uses_ig
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2, 3]}
  - id: attitude
    base: {when: aware == yes, description: the aware}
    categories:
      - {id: approve, codes: [1]}
      - {id: oppose, codes: [2]}
  - id: recall
    base: {when: aware == yes and uses_ig in (yes)}
    categories:
      - {id: "yes", codes: [1]}
      - {id: "no", codes: [2]}
`

func mustParse(t *testing.T, src string) *Study {
	t.Helper()
	s, err := Parse(strings.NewReader(src), "study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadShippedStudy(t *testing.T) {
	s, err := Load("../data/noyb-de-2025/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"aware", "attitude", "recall_instagram", "recall_facebook"} {
		if s.Question(id) == nil {
			t.Errorf("question %q missing", id)
		}
	}
	if !s.Synthetic {
		t.Error("the shipped study must be marked synthetic")
	}
	if got := s.DataPath(); got != "../data/noyb-de-2025/responses.csv" {
		t.Errorf("DataPath = %q: the data file must be relative to the study file", got)
	}
	if s.Analysis.Level != 0.95 || s.Analysis.Method != "wilson" {
		t.Errorf("analysis = %+v", s.Analysis)
	}
}

func TestParseErrors(t *testing.T) {
	base := `data: {file: r.csv, id: id}
questions:
  - id: a
    categories: [{id: x, codes: [1]}, {id: y, codes: [2]}]
`
	tests := []struct {
		name, src, want string
	}{
		{"bad id", "id: Bad Id\n" + base, `id "Bad Id"`},
		{"unknown key", "id: t\ntitel: x\n" + base, `line 2: unknown key titel (did you mean "title"?)`},
		{"unknown nested key", "id: t\n" + base + "    bse: {when: a == x}\n", `unknown key bse (did you mean "base"?)`},
		{"wrong type", "id: t\nanalysis: {level: high}\n" + base, `line 2: analysis.level: want a number, not a string ("high")`},
		{"bad delimiter", "id: t\n" + strings.Replace(base, "id: id}", "id: id, delimiter: ';;'}", 1), `data.delimiter ";;"`},
		{"bad encoding", "id: t\n" + strings.Replace(base, "id: id}", "id: id, encoding: ebcdic}", 1), `unknown encoding "ebcdic"`},
		{"no data file", "id: t\nquestions: []\n", "data.file: missing"},
		{"empty", "", "study file is empty"},
		{"overlapping codes", `id: t
data: {file: r.csv, id: id}
questions:
  - id: a
    categories: [{id: x, codes: [1]}, {id: y, codes: [1]}]
`, `code "1" maps to both x and y`},
		{"missing code overlaps", `id: t
data: {file: r.csv, id: id}
questions:
  - id: a
    categories: [{id: x, codes: [1]}]
    missing: [1]
`, `missing code "1" is also a code of x`},
		{"base unknown question", "id: t\n" + base + `  - id: b
    base: {when: c == x}
    categories: [{id: x, codes: [1]}]
`, `unknown question "c"`},
		{"base unknown category", "id: t\n" + base + `  - id: b
    base: {when: a == z}
    categories: [{id: x, codes: [1]}]
`, `has no category "z" (it has x, y)`},
		{"base cycle", `id: t
data: {file: r.csv, id: id}
questions:
  - id: a
    base: {when: b == x}
    categories: [{id: x, codes: [1]}]
  - id: b
    base: {when: a == x}
    categories: [{id: x, codes: [1]}]
`, "in a circle"},
		{"bad level", "id: t\nanalysis: {level: 95}\n" + base, "analysis.level 95"},
		{"column twice", `id: t
data: {file: r.csv, id: id}
questions:
  - {id: a, categories: [{id: x, codes: [1]}]}
  - {id: b, column: a, categories: [{id: x, codes: [1]}]}
`, `column "a" is already used`},
		{"unknown language", "id: t\ntitle: {fr: Titre}\n" + base, `line 2, column 9: unknown language "fr"`},
		{"comma in flow text", "id: t\ntitle: {en: Yes, de: Ja, die einen sagen dies}\n" + base, `unknown language "die einen sagen dies" (want one of [en de nl]); hint: a comma in an unquoted text inside { } ends the text: quote the text`},
		{"unknown language in block", "id: t\ntitle:\n  en: Yes\n  xx: Ja\n" + base, `line 4, column 3: unknown language "xx" (want one of [en de nl])`},
		{"unknown headline", "id: t\nheadlines: [a=x, b]\n" + base, `headlines: item "b": unknown question or derived estimate "b"`},
		{"headline category", "id: t\nheadlines: [a=z]\n" + base, `headlines: item "a=z": question "a" has no category "z"`},
		{"bad data status", "id: t\ndata_status: published\n" + base, `data_status "published"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.src), "study.yaml")
			if err == nil {
				t.Fatalf("no error, want one containing %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "study.yaml") {
				t.Errorf("error %q\nwant it to name study.yaml and contain %q", err, tt.want)
			}
		})
	}
}

// TestAcceptedEverywhere loads what the study file accepts in headlines
// (a derived id, a whole question) and in metadata (per-language sponsor
// and institute, an assumed sample size, a data status).
func TestAcceptedEverywhere(t *testing.T) {
	s := mustParse(t, `id: t
data_status: reconstructed
metadata:
  sponsor: {en: Cycling Club, de: Fahrradclub}
  institute: Umfragewerk
  sample_size: 1200
  sample_size_assumed: true
data: {file: r.csv, id: id}
headlines: [both, a]
questions:
  - id: a
    categories: [{id: x, codes: [1]}, {id: y, codes: [2]}]
derived:
  - {id: both, label: Both, when: a == x}
`)
	items, err := s.ParseItems(s.Headlines)
	if err != nil {
		t.Fatal(err)
	}
	want := []Item{{"both", DerivedCategory}, {"a", "x"}, {"a", "y"}}
	if len(items) != len(want) {
		t.Fatalf("headlines %v, want %v", items, want)
	}
	for i := range want {
		if items[i] != want[i] {
			t.Errorf("headline %d: %v, want %v", i, items[i], want[i])
		}
	}
	m := s.Metadata
	if m.Sponsor.Get("de") != "Fahrradclub" || m.Sponsor.Get("nl") != "Cycling Club" || m.Institute.Get("de") != "Umfragewerk" ||
		!m.SampleSizeAssumed || s.Status != StatusReconstructed || s.Synthetic {
		t.Errorf("metadata %+v, status %q, synthetic %v", m, s.Status, s.Synthetic)
	}
}

func TestInBase(t *testing.T) {
	s := mustParse(t, testStudy)
	attitude, recall := s.QuestionIndex("attitude"), s.QuestionIndex("recall")
	tests := []struct {
		values               []int // aware, uses_ig, attitude, recall
		inAttitude, inRecall bool
	}{
		{[]int{0, 0, Empty, Empty}, true, true},
		{[]int{0, 1, Empty, Empty}, true, false},
		{[]int{1, 0, Empty, Empty}, false, false},
		{[]int{Missing, 0, Empty, Empty}, false, false},
		{[]int{Empty, 0, Empty, Empty}, false, false},
	}
	for _, tt := range tests {
		if got := s.InBase(attitude, tt.values); got != tt.inAttitude {
			t.Errorf("InBase(attitude, %v) = %v, want %v", tt.values, got, tt.inAttitude)
		}
		if got := s.InBase(recall, tt.values); got != tt.inRecall {
			t.Errorf("InBase(recall, %v) = %v, want %v", tt.values, got, tt.inRecall)
		}
	}
}

func TestParseConditionForms(t *testing.T) {
	s := mustParse(t, testStudy)
	tests := []struct {
		expr string
		ok   bool
	}{
		{"aware == yes", true},
		{"aware != no", true},
		{"aware==yes&&uses_ig==yes", false}, // && needs spaces around it
		{"aware == yes && uses_ig == yes", true},
		{"uses_ig in (yes, no)", true},
		{"uses_ig in yes", false},
		{"aware = yes", false},
		{"aware == maybe", false},
	}
	for _, tt := range tests {
		_, err := parseCondition(tt.expr, s)
		if (err == nil) != tt.ok {
			t.Errorf("parseCondition(%q) error = %v, want ok = %v", tt.expr, err, tt.ok)
		}
	}
}

func readAll(t *testing.T, s *Study, data string) ([]Respondent, error) {
	t.Helper()
	var out []Respondent
	err := Scan(strings.NewReader(data), s, "r.csv", func(r *Respondent) error {
		c := *r
		c.Values = append([]int(nil), r.Values...)
		c.Ignored = append([]bool(nil), r.Ignored...)
		out = append(out, c)
		return nil
	})
	return out, err
}

func TestReaderDecodes(t *testing.T) {
	s := mustParse(t, testStudy)
	data := "\ufeffid,aware,uses_ig,attitude,recall,extra\r\n" +
		"a,1,1,2,1,x\r\n" +
		"b,2,3,,,y\r\n" +
		"c,9,1,,,\r\n" +
		"\"d\",1,2,1,,z\r\n"
	rs, err := readAll(t, s, data)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{{0, 0, 1, 0}, {1, 1, Empty, Empty}, {Missing, 0, Empty, Empty}, {0, 1, 0, Empty}}
	if len(rs) != len(want) {
		t.Fatalf("read %d respondents, want %d", len(rs), len(want))
	}
	for i, r := range rs {
		for j := range want[i] {
			if r.Values[j] != want[i][j] {
				t.Errorf("row %d: values %v, want %v", i, r.Values, want[i])
				break
			}
		}
		if r.Line != i+2 || r.Weight != 1 {
			t.Errorf("row %d: line %d weight %v", i, r.Line, r.Weight)
		}
	}
}

func TestReaderErrors(t *testing.T) {
	s := mustParse(t, testStudy)
	const header = "id,aware,uses_ig,attitude,recall\n"
	tests := []struct {
		name     string
		data     string
		kind     error
		line     int
		column   string
		value    string
		contains string
	}{
		{"unknown code", header + "a,1,1,2,1\nb,7,1,,\n", ErrUnknownCode, 3, "aware", "7", "expected one of 1 = yes, 2 = no, 9 = missing"},
		{"outside base", header + "a,2,1,1,\n", ErrOutsideBase, 2, "attitude", "1", "asked only if aware == yes"},
		{"duplicate id", header + "a,1,1,2,1\na,2,1,,\n", ErrDuplicateID, 3, "id", "", "value not shown: duplicate respondent id (expected ids to be unique; the same id is on line 2)"},
		{"empty id", header + " ,1,1,2,1\n", ErrEmptyID, 2, "id", "", "value not shown"},
		{"missing column", "id,aware,uses_ig,attitude\na,1,1,1\n", ErrMissingColumn, 1, "recall", "", "the header has id, aware, uses_ig, attitude"},
		{"header only", header, ErrNoRows, 2, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readAll(t, s, tt.data)
			if !errors.Is(err, tt.kind) {
				t.Fatalf("error %v, want %v", err, tt.kind)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T is not a *ParseError", err)
			}
			if pe.File != "r.csv" || pe.Line != tt.line || pe.Column != tt.column || pe.Value != tt.value {
				t.Errorf("located at %s:%d column %q value %q, want line %d column %q value %q",
					pe.File, pe.Line, pe.Column, pe.Value, tt.line, tt.column, tt.value)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("message %q lacks %q", err, tt.contains)
			}
		})
	}
}

func TestReaderFieldCountAndQuotes(t *testing.T) {
	s := mustParse(t, testStudy)
	_, err := readAll(t, s, "id,aware,uses_ig,attitude,recall\na,1,1\n")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 2 || !strings.Contains(err.Error(), "same number of fields") {
		t.Errorf("ragged row: %v", err)
	}
	_, err = readAll(t, s, "id,aware,uses_ig,attitude,recall\n\"a,1,1,1,1\n")
	if !errors.As(err, &pe) || !strings.Contains(err.Error(), "quote") {
		t.Errorf("unbalanced quote: %v", err)
	}
	_, err = readAll(t, s, "")
	if err == nil || !strings.Contains(err.Error(), "file is empty") {
		t.Errorf("empty file: %v", err)
	}
}

func TestScanCollectsProblems(t *testing.T) {
	s := mustParse(t, testStudy)
	var b strings.Builder
	b.WriteString("id,aware,uses_ig,attitude,recall\n")
	for i := 0; i < 80; i++ {
		b.WriteString("x,5,1,,\n")
	}
	calls := 0
	err := Scan(strings.NewReader(b.String()), s, "r.csv", func(*Respondent) error { calls++; return nil })
	var list Errors
	if !errors.As(err, &list) {
		t.Fatalf("error %T, want Errors", err)
	}
	if len(list) != MaxErrors {
		t.Errorf("collected %d problems, want %d", len(list), MaxErrors)
	}
	if calls != 0 {
		t.Errorf("fn called %d times for a file with problems", calls)
	}
}

func TestScanStreams(t *testing.T) {
	s := mustParse(t, testStudy)
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("id,aware,uses_ig,attitude,recall\n"))
		for i := 0; i < 1000; i++ {
			pw.Write([]byte("r" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + itoa(i) + ",1,1,2,1\n"))
		}
		pw.Close()
	}()
	n := 0
	if err := Scan(pr, s, "r.csv", func(*Respondent) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 1000 {
		t.Errorf("scanned %d, want 1000", n)
	}
}

func itoa(i int) string {
	const d = "0123456789"
	if i < 10 {
		return d[i : i+1]
	}
	return itoa(i/10) + d[i%10:i%10+1]
}

func TestPublishedMatches(t *testing.T) {
	tests := []struct {
		pct   float64
		dec   int
		share float64
		want  bool
	}{
		{7, 0, 52.0 / 750, true},
		{27, 0, 203.0 / 750, true},
		{66, 0, 0.66, true},
		{75, 0, 0.745, true}, // rounds half up
		{75, 0, 0.7449, false},
		{40.5, 1, 0.405, true},
		{48, 0, 115.0 / 240, true},
		{73, 0, 0.75, false},
	}
	for _, tt := range tests {
		f := PublishedFigure{Percent: RequiredReal(tt.pct), Decimals: RequiredInt(tt.dec)}
		if got := f.Matches(tt.share); got != tt.want {
			t.Errorf("%v%% (%d dp) vs %v: %v, want %v", tt.pct, tt.dec, tt.share, got, tt.want)
		}
	}
}

func TestReadPublished(t *testing.T) {
	s := mustParse(t, testStudy)
	const header = "figure,question,category,subgroup,subgroup_value,percent,decimals,base,status,source,note\n"
	good := header + "f1,aware,yes,,,75,0,all,primary,http://x,\n"
	figs, err := ReadPublished(strings.NewReader(good), s, "p.csv")
	if err != nil || len(figs) != 1 || figs[0].Percent != 75 {
		t.Fatalf("ReadPublished = %+v, %v", figs, err)
	}
	bad := []struct{ row, want string }{
		{"f1,aware,yes,,,,0,all,primary,,\n", "expected a number"},
		{"f1,aware,maybe,,,7,0,all,primary,,\n", `no category "maybe"`},
		{"f1,nope,yes,,,7,0,all,primary,,\n", `unknown question "nope"`},
		{"f1,aware,yes,,,7,0,all,secondary,,\n", "expected primary or alternative"},
		{"f1,aware,yes,,,7,,all,primary,,\n", "expected a whole number"},
	}
	for _, b := range bad {
		_, err := ReadPublished(strings.NewReader(header+b.row), s, "p.csv")
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("row %q: error %v, want %q", b.row, err, b.want)
		}
	}
}

func TestTextGet(t *testing.T) {
	tx := Text{"en": "Yes", "de": "Ja"}
	if tx.Get("de") != "Ja" || tx.Get("nl") != "Yes" {
		t.Errorf("Get: %q %q", tx.Get("de"), tx.Get("nl"))
	}
	if (Text{"nl": "Ja"}).Get("de") != "Ja" {
		t.Error("fallback to any language")
	}
}
