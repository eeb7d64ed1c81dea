package scaffold

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

var update = flag.Bool("update", false, "rewrite the golden study files in testdata/")

const fixtures = "../survey/testdata/sysfile/"

// TestDraft drafts a study file from every fixture and compares it with
// its golden file; each draft must parse as a study once accept_todo is
// set, and be refused without it.
func TestDraft(t *testing.T) {
	tests := []struct {
		file, lang, id, weight string
	}{
		{"hard.csv", "de", "id", "gewicht"},
		{"hard.sav", "de", "id", "gewicht"},
		{"hard_1252.sav", "de", "id", "gewicht"},
		{"hard.zsav", "de", "id", "gewicht"},
		{"hard.dta", "de", "id", "gewicht"},
		{"hard_117.dta", "de", "id", "gewicht"},
		{"hard_114.dta", "de", "id", "gewicht"},
		{"hard_113.dta", "de", "id", "gewicht"},
		{"hard_haven.sav", "de", "id", "gewicht"},
		{"hard_haven.zsav", "de", "id", "gewicht"},
		{"noyb.sav", "de", "respondent_id", ""},
		{"noyb.dta", "de", "respondent_id", ""},
		{"../../../data/noyb-de-2025/responses.csv", "en", "respondent_id", ""},
	}
	for _, tt := range tests {
		name := filepath.Base(tt.file)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(fixtures + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			d, err := Inspect(f, name, "")
			if err != nil {
				t.Fatal(err)
			}
			if d.ID != tt.id || d.Weight != tt.weight {
				t.Errorf("id %q, weight %q; want %q, %q", d.ID, d.Weight, tt.id, tt.weight)
			}
			var buf bytes.Buffer
			if err := d.Write(&buf, Options{ID: "draft", DataFile: name, Source: name, Lang: tt.lang}); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", name+".yaml")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("draft differs from %s (run go test -update and review the diff):\n%s", golden, buf.String())
			}
			if _, err := survey.Parse(bytes.NewReader(buf.Bytes()), "study.yaml"); err == nil || !strings.Contains(err.Error(), "todo: ") || !strings.Contains(err.Error(), "1. title:") {
				t.Errorf("draft with its todo list: error %v, want the todo items", err)
			}
			if _, err := survey.Parse(bytes.NewReader(append(buf.Bytes(), "accept_todo: true\n"...)), "study.yaml"); err != nil {
				t.Errorf("draft with accept_todo: %v", err)
			}
		})
	}
}

// TestIgnored checks the columns a draft ignores and why.
func TestIgnored(t *testing.T) {
	in := "id,email,datum,age,q,Name\n"
	for i := 0; i < 40; i++ {
		in += strings.Join([]string{string(rune('a'+i%26)) + strings.Repeat("x", i), "p" + string(rune('a'+i%26)) + "@example.org", "2024-01-02", strings.Repeat("1", i%9+1) + "0", "1", "n"}, ",") + "\n"
	}
	d, err := Inspect(strings.NewReader(in), "t.csv", "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Role{"id": ID, "email": Ignored, "datum": Ignored, "age": Question, "q": Question, "Name": Ignored}
	for _, c := range d.Columns {
		if c.Role != want[c.Name] {
			t.Errorf("%s: role %d (%s), want %d", c.Name, c.Role, c.Reason, want[c.Name])
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Weiß nicht": "weiss-nicht", "16–30": "16-30", "über 60": "ueber-60", "Q1_a": "q1_a", "…": "", "Ja, davon gehört!": "ja-davon-gehoert"} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWordingFromLabel: a variable label that reads like a question goes
// into wording as well as label; every question without one is named in
// the todo item on wording, and the draft parses once todo is accepted.
func TestWordingFromLabel(t *testing.T) {
	d := &Draft{Format: "SPSS", Rows: 2, ID: "id", Columns: []*Column{
		{Name: "id", Role: ID},
		{Name: "q1", Label: "Would you find it acceptable?", Role: Question, Codes: []Code{{Value: "1", Label: "Yes", Count: 1}, {Value: "2", Label: "No", Count: 1}}, labels: map[string]string{}},
		{Name: "sex", Label: "Gender", Role: Question, Codes: []Code{{Value: "1", Label: "Male", Count: 2}}, labels: map[string]string{}},
	}}
	var buf bytes.Buffer
	if err := d.Write(&buf, Options{ID: "t", DataFile: "t.sav", Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`wording: {en: "Would you find it acceptable?"}`,
		`of sex"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("draft lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "    wording: {") != 1 {
		t.Errorf("want wording only for q1:\n%s", out)
	}
	s, err := survey.Parse(strings.NewReader(strings.Replace(out, "\ntodo:\n", "\naccept_todo: true\ntodo:\n", 1)), "t.yaml")
	if err != nil {
		t.Fatalf("draft does not parse: %v\n%s", err, out)
	}
	if w := s.Questions[0].Wording.Get("en"); w != "Would you find it acceptable?" {
		t.Errorf("wording %q", w)
	}
}

// TestWeightDecimalComma: a weight column is detected whether its values
// use a decimal point or a decimal comma (as the respondent reader reads
// both); text and mixed columns are not weights.
func TestWeightDecimalComma(t *testing.T) {
	tests := []struct {
		name   string
		weight func(i int) string
		want   string
	}{
		{"point", func(i int) string { return fmt.Sprintf("%d.%03d", 1+i%2, 100+i) }, "gewicht"},
		{"comma", func(i int) string { return fmt.Sprintf("%d,%03d", 1+i%2, 100+i) }, "gewicht"},
		{"text", func(i int) string { return fmt.Sprintf("w%d", i) }, ""},
		{"two commas", func(i int) string { return fmt.Sprintf("1,%d,5", i) }, ""},
		{"zero", func(i int) string { return "0,0" }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString("id;gewicht;q\n")
			for i := range 120 {
				fmt.Fprintf(&b, "r%d;%s;%d\n", i, tt.weight(i), 1+i%3)
			}
			d, err := Inspect(strings.NewReader(b.String()), "t.csv", "")
			if err != nil {
				t.Fatal(err)
			}
			if d.Weight != tt.want {
				t.Errorf("weight %q, want %q", d.Weight, tt.want)
			}
			for _, c := range d.Columns {
				if c.Name == "gewicht" && tt.want != "" && c.Role != Weight {
					t.Errorf("gewicht: role %d (%s), want the weight", c.Role, c.Reason)
				}
			}
		})
	}
}
