package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDesignEdgeNamed: a design-based share of exactly 0% has no variance
// and gets the Korn–Graubard limit, not the logit interval that the
// methods section names for the others; the methods section says so.
func TestDesignEdgeNamed(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("id,w,q\n")
	for i := range 80 {
		fmt.Fprintf(&csv, "r%d,%d.5,%d\n", i, 1+i%3, 2)
	}
	study := `id: edge
data: {file: r.csv, id: id, weight: w}
questions:
  - id: q
    label: {en: Question}
    categories:
      - {id: "yes", codes: [1], label: {en: "Yes"}}
      - {id: "no", codes: [2], label: {en: "No"}}
`
	for name, body := range map[string]string{"r.csv": csv.String(), "study.yaml": study} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := Generate(filepath.Join(dir, "study.yaml"), Options{Out: filepath.Join(dir, "out"), Langs: []string{"en"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(out, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Shares of exactly 0% or 100% have no design-based variance") {
		t.Errorf("report.md does not say how the 0%% share's interval was computed")
	}
}
