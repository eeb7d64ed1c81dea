package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var sha256Hex = regexp.MustCompile(`\b[0-9a-f]{64}\b`)

// checkBriefGolden compares an evidence brief with its golden file. The
// SHA-256 of the inputs are replaced by a placeholder first, so that the
// golden files do not change with every edit of the data; the hashes
// themselves are checked against the manifest by TestEvidenceBrief.
// normOut replaces the output directory of the report in dir (a
// temporary directory) by "out" in b, as the commands the report prints
// name it, so that goldens do not depend on where the test ran.
func normOut(b []byte, dir string) []byte {
	return bytes.ReplaceAll(b, []byte(filepath.ToSlash(filepath.Dir(dir))), []byte("out"))
}

func checkBriefGolden(t *testing.T, dir, name, golden string) []byte {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	norm := sha256Hex.ReplaceAll(normOut(got, dir), []byte("<sha256>"))
	golden = filepath.Join("testdata", golden)
	if *update {
		if err := os.WriteFile(golden, norm, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update)", err)
	}
	if !bytes.Equal(norm, want) {
		t.Errorf("%s differs from %s; if the change is intended, run go test ./report -update and review the diff", name, golden)
	}
	return got
}

// TestEvidenceBrief checks the shipped study's brief in every language:
// goldens, three exhibits each with its chart and the synthetic-data
// status, the input hashes of the manifest, and the manifest listing the
// brief.
func TestEvidenceBrief(t *testing.T) {
	dir := sharedShipped(t)
	mb, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var man Manifest
	if err := json.Unmarshal(mb, &man); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]bool{}
	for _, o := range man.Outputs {
		outputs[o.Path] = true
	}
	for _, tt := range []struct{ lang, suffix, exhibit, status string }{
		{"en", "", "## Exhibit ", "**Data status:** SYNTHETIC DATA"},
		{"de", ".de", "## Anlage ", "**Datengrundlage:** SYNTHETISCHE DATEN"},
		{"nl", ".nl", "## Bijlage ", "**Status van de gegevens:** SYNTHETISCHE GEGEVENS"},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			md := string(checkBriefGolden(t, dir, "evidence"+tt.suffix+".md", "noyb-de-2025.evidence"+tt.suffix+".md.golden"))
			if n := strings.Count(md, tt.exhibit); n != 3 {
				t.Errorf("%d exhibits, want 3", n)
			}
			if n := strings.Count(md, tt.status); n != 3 {
				t.Errorf("data status on %d exhibits, want 3", n)
			}
			if n := strings.Count(md, "](figures/"+tt.lang+"/"); n != 3 {
				t.Errorf("%d charts, want 3", n)
			}
			for _, in := range man.Inputs {
				if !strings.Contains(md, filepath.Base(in.Path)+": `"+in.SHA256+"`") {
					t.Errorf("brief lacks the manifest's hash of %s", in.Path)
				}
			}
			html, err := os.ReadFile(filepath.Join(dir, "evidence"+tt.suffix+".html"))
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(html, []byte(`<section class="exhibit"`)); n != 3 {
				t.Errorf("%d exhibit sections in the HTML, want 3", n)
			}
			if n := bytes.Count(html, []byte(`<div class="chart" role="img"`)); n != 3 {
				t.Errorf("%d inline charts in the HTML, want 3", n)
			}
			for _, bad := range []string{"<script", "<link ", "src=\"http", "url(http", "@import"} {
				if bytes.Contains(html, []byte(bad)) {
					t.Errorf("evidence%s.html is not self-contained: contains %q", tt.suffix, bad)
				}
			}
			for _, f := range []string{"evidence" + tt.suffix + ".md", "evidence" + tt.suffix + ".html"} {
				if !outputs[f] {
					t.Errorf("manifest does not list %s", f)
				}
			}
		})
	}
}

// TestEvidenceBriefNotSupported runs a study whose claims fail, one of
// them on a base under the small-cell minimum: every proposition reads
// "not supported", and the suppressed estimate is not shown.
func TestEvidenceBriefNotSupported(t *testing.T) {
	dir, err := Generate(filepath.Join("testdata", "failing", "study.yaml"), Options{Out: t.TempDir(), Langs: []string{"en", "de"}, PDF: "off"})
	if err != nil {
		t.Fatal(err)
	}
	md := string(checkBriefGolden(t, dir, "evidence.md", "failing-claims.evidence.md.golden"))
	if n := strings.Count(md, "**Verdict:** Not supported:"); n != 2 {
		t.Errorf("%d propositions read not supported, want 2", n)
	}
	if strings.Contains(md, "Supported:") || strings.Contains(md, "Synthetic") || !strings.Contains(md, "**Data status:** respondent data") {
		t.Error("a failed proposition reads supported, or respondent data reads synthetic")
	}
	// recall=yes: 15 of 20 app users; the share must not appear.
	if !strings.Contains(md, "Not shown: the base (20 app users) is under the minimum of 30 respondents") ||
		!strings.Contains(md, "Verdict: **Cannot be assessed: the base of 20 is under the minimum of 30.**") || strings.Contains(md, "75.0%") {
		t.Error("the suppressed estimate is shown or its suppression not said")
	}
	// The report and claims.csv: the claim is not assessed, its share
	// not printed.
	rep, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rep), "cannot be assessed: the base of 20 is under the minimum of 30") || strings.Contains(string(rep), "75.0%") {
		t.Error("report.md: the claim on the suppressed estimate is assessed or its share printed")
	}
	cc, err := os.ReadFile(filepath.Join(dir, "claims.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(cc), "failing-claims,most-recall,recall=yes,>,0.5,20,,,0.95,wilson,,,false,min-base,") {
		t.Errorf("claims.csv does not mark the claim on the suppressed estimate as not assessed:\n%s", cc)
	}
	de, err := os.ReadFile(filepath.Join(dir, "evidence.de.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(de), "**Ergebnis:** Statistisch nicht gestützt"); n != 2 {
		t.Errorf("German: %d propositions read nicht gestützt, want 2", n)
	}
}

// TestCommand checks the command the documents print as the one that made
// the report, and the verify command for its folder.
func TestCommand(t *testing.T) {
	for _, tt := range []struct {
		path         string
		opts         Options
		want, verify string
	}{
		{"data/x/study.yaml", Options{Out: "out"},
			"surveystat report --out out --lang en,de,nl --pdf auto --paper a4 data/x/study.yaml", "surveystat verify out/x"},
		{"s.yaml", Options{Out: "/tmp/t3/out2", Langs: []string{"de"}, PDF: "on", Paper: "letter"},
			"surveystat report --out /tmp/t3/out2 --lang de --pdf on --paper letter s.yaml", "surveystat verify /tmp/t3/out2/x"},
		{`my dir\it's.yaml`, Options{Out: "my out", PDF: "off"},
			`surveystat report --out 'my out' --lang en,de,nl --pdf off --paper a4 'my dir/it'\''s.yaml'`, "surveystat verify 'my out/x'"},
		{"s.yaml", Options{},
			"surveystat report --out . --lang en,de,nl --pdf auto --paper a4 s.yaml", "surveystat verify x"},
	} {
		got := Command(tt.path, tt.opts)
		if got != tt.want {
			t.Errorf("Command(%q, %+v) = %q, want %q", tt.path, tt.opts, got, tt.want)
		}
		if v := verifyCommand(got, "x"); v != tt.verify {
			t.Errorf("verify command for %q = %q, want %q", got, v, tt.verify)
		}
	}
}

// TestFooterCommand checks that the report's footer prints the commands as
// code that a hostile path cannot break out of, in Markdown and HTML.
func TestFooterCommand(t *testing.T) {
	ms, err := loadMessages("en")
	if err != nil {
		t.Fatal(err)
	}
	run := runCommand{Report: "surveystat report --out 'a`b' --lang en --pdf off --paper a4 '<x>*.yaml'", Verify: "surveystat verify 'a`b/x'"}
	md, h := run.footer(ms)
	wantMD := "Generated by surveystat " + Version + " with ``surveystat report --out 'a`b' --lang en --pdf off --paper a4 '<x>*.yaml'``. " +
		"Re-create this folder with the same command; ``surveystat verify 'a`b/x'`` re-runs it and compares every file with the SHA-256 sums in manifest.json."
	if md != wantMD {
		t.Errorf("Markdown footer\n%s\nwant\n%s", md, wantMD)
	}
	if !strings.Contains(string(h), "<code>surveystat report --out &#39;a`b&#39; --lang en --pdf off --paper a4 &#39;&lt;x&gt;*.yaml&#39;</code>") ||
		strings.Contains(string(h), "<x>") {
		t.Errorf("HTML footer %s", h)
	}
}
