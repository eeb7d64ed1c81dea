package crossstudy

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadComparisonFiles: every mistake stops the run with the file and
// what was expected, and leaves nothing in the output directory.
func TestBadComparisonFiles(t *testing.T) {
	abs := func(p string) string {
		a, err := filepath.Abs(filepath.Join("testdata", p))
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	studies := "studies:\n  - {file: " + abs("wave-a/study.yaml") + "}\n  - {file: " + abs("wave-b/study.yaml") + "}\n"
	items := "items:\n  - {id: n, item: cookie_banners=never_noticed}\n"
	var nineItems string
	for i := range 8 {
		nineItems += fmt.Sprintf("  - {id: n%d, item: cookie_banners=never_noticed}\n", i)
	}
	tests := []struct{ name, src, want string }{
		{"empty", "", "comparison file is empty"},
		{"bad id", "id: Bad\n" + studies + items, `id "Bad"`},
		{"unknown key", "id: c\ntitel: x\n" + studies + items, "unknown key titel"},
		{"one study", "id: c\nstudies: [{file: " + abs("wave-a/study.yaml") + "}]\n" + items, "1 named, want two or more"},
		{"study twice", "id: c\nstudies: [{file: a.yaml}, {file: ./a.yaml}]\n" + items, "named twice"},
		{"no items", "id: c\n" + studies, "items: none"},
		{"bad level", "id: c\nlevel: 95\n" + studies + items, "level 95"},
		{"bad kind", "id: c\n" + studies + items + "charts: [{id: x, kind: pie}]\n", `kind "pie", want trend or dumbbell`},
		{"too many items", "id: c\n" + studies + "items:\n  - {id: n, item: cookie_banners=never_noticed}\n" + nineItems + "charts: [{id: x, kind: trend}]\n", `chart "x": 9 items, at most 8 fit on a chart`},
		{"chart item", "id: c\n" + studies + items + "charts: [{id: x, kind: trend, items: [m]}]\n", `unknown item "m"`},
		{"unknown category", "id: c\n" + studies + "items: [{id: n, item: cookie_banners=maybe}]\n", `question "cookie_banners" has no category or net "maybe"`},
		{"unknown question", "id: c\n" + studies + "items: [{id: n, item: nope=x}]\n", `unknown question "nope"`},
		{"not an item", "id: c\n" + studies + "items: [{id: n, item: cookie_banners}]\n", "want question=category, question=net or the id of a derived estimate"},
		{"in unknown study", "id: c\n" + studies + "items: [{id: n, item: cookie_banners=ignore, in: {other: x=y}}]\n", `in names study "other"`},
		{"missing study", "id: c\nstudies: [{file: " + abs("none.yaml") + "}, {file: " + abs("wave-a/study.yaml") + "}]\n" + items, "studies[0]"},
		{"same study twice", "id: c\nstudies: [{file: " + abs("wave-a/study.yaml") + "}, {file: " + abs("wave-a/../wave-a/study.yaml") + "}]\n" + items, "named twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "comparison.yaml")
			if err := os.WriteFile(path, []byte(tt.src), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			_, err := Generate(path, Options{Out: out, PDF: "off"})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "comparison") {
				t.Fatalf("error %v, want one naming the comparison file and %q", err, tt.want)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("left %d entries in the output directory", len(entries))
			}
		})
	}
}

func TestLoadRejectsNonRegularAndLarge(t *testing.T) {
	dir := t.TempDir()
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(big); err == nil || !strings.Contains(err.Error(), "more than the limit") {
		t.Errorf("large file: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "none.yaml")); err == nil || !strings.Contains(err.Error(), "comparison file") {
		t.Errorf("missing file: %v", err)
	}
}

// TestShippedComparisonFiles: every comparison file under data/ parses and
// passes its checks (the studies it names are read by make report).
func TestShippedComparisonFiles(t *testing.T) {
	files, err := filepath.Glob("../data/*/comparison.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range files {
		f, err := Load(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if want := filepath.Base(filepath.Dir(p)); f.ID != want {
			t.Errorf("%s: id %q, want the folder's name %q", p, f.ID, want)
		}
	}
	if len(files) == 0 {
		t.Error("no comparison file under data/")
	}
}

// TestSuppressedSurvey: where a survey's base is below its study's
// minimum, no difference is computed, the files have empty cells and the
// report and charts say so.
func TestSuppressedSurvey(t *testing.T) {
	dir := t.TempDir()
	data, err := filepath.Abs("testdata/weighted/responses.csv")
	if err != nil {
		t.Fatal(err)
	}
	study, err := os.ReadFile("testdata/weighted/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(strings.Replace(string(study), "min_base: 10", "min_base: 100", 1), "file: responses.csv", "file: "+data, 1)
	if err := os.WriteFile(filepath.Join(dir, "small.yaml"), []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	wave, err := filepath.Abs("testdata/wave-a/study.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cmp := "id: small\nstudies: [{file: " + wave + "}, {file: small.yaml}]\nitems:\n  - {id: never, item: cookie_banners=never_noticed, in: {weighted: banner_q=never}}\ncharts: [{id: d, kind: dumbbell}]\n"
	path := filepath.Join(dir, "comparison.yaml")
	if err := os.WriteFile(path, []byte(cmp), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := Generate(path, Options{Out: filepath.Join(dir, "out"), PDF: "off", Langs: []string{"en"}})
	if err != nil {
		t.Fatal(err)
	}
	rows := readCSV(t, filepath.Join(out, "differences.csv"))
	if len(rows) != 1 || rows[0]["diff"] != "" || rows[0]["lower"] != "" || rows[0]["p_value"] != "" || rows[0]["method"] != "" {
		t.Errorf("differences %v", rows)
	}
	md, _ := os.ReadFile(filepath.Join(out, "report.md"))
	if !strings.Contains(string(md), "no difference computed (a base is below its study's minimum)") || !strings.Contains(string(md), "n \\< 100: not shown") {
		t.Errorf("report lacks the suppression:\n%s", md)
	}
	alt, _ := os.ReadFile(filepath.Join(out, "figures/en/d.txt"))
	if !strings.Contains(string(alt), "weighted not shown (n < 100)") {
		t.Errorf("alt text %s", alt)
	}
}
