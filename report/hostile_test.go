package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/internal/fonttest"
	"github.com/surveystat/surveystat/svgsafe"
)

// hostile is appended to every text of the hostile study: markup for every
// context a text lands in (HTML text and attributes, SVG, Markdown links,
// images and raw HTML, CSS). Script that runs sets window.pwned; anything
// fetched goes to evil.invalid.
const hostile = `"><img src=x onerror="window.pwned=1"><script>window.pwned=1</script>` +
	`[x](javascript:window.pwned=1)![t](http://evil.invalid/t.png)<a href="javascript:window.pwned=1">a</a>` +
	`</style><style>*{background:url(http://evil.invalid/c.png)}</style>' onmouseover='window.pwned=1' &amp; *_|`

// textKeys are the keys of the study file whose values are text that ends
// up in the report (plain strings, per-language texts or lists of them).
var textKeys = map[string]bool{
	"title": true, "subtitle": true, "labels": true, "label": true, "text": true,
	"description": true, "wording": true, "sponsor": true, "institute": true,
	"population": true, "sample_source": true, "mode": true,
	"field_dates": true, "weighting": true, "notes": true, "limitations": true,
}

// makeHostile appends hostile to every text in a study file's YAML tree.
func makeHostile(n *yaml.Node, text bool) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			makeHostile(c, text)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			makeHostile(n.Content[i+1], text || textKeys[k])
		}
	case yaml.ScalarNode:
		if text {
			n.Value += hostile
			n.Style = yaml.DoubleQuotedStyle
			n.Tag = "!!str"
		}
	}
}

// writeHostileStudy writes a copy of the shipped study into dir with
// hostile appended to every text of the study file and of published.csv,
// a source whose URL is javascript: and one whose URL is a tracker, and
// returns the study file's path.
func writeHostileStudy(t testing.TB, dir string) string {
	t.Helper()
	b, err := os.ReadFile(shipped)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	makeHostile(&doc, false)
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, []byte(`
`)...)
	// The sources: a javascript: URL, a tracker and a relative path.
	out = bytes.Replace(out, []byte("    sources:\n"), []byte(`    sources:
        - title: "script`+strings.ReplaceAll(hostile, `"`, `\"`)+`"
          url: "javascript:window.pwned=1"
        - title: "tracker"
          url: "http://evil.invalid/t.png"
        - title: "relative"
          url: "//evil.invalid/x"
`), 1)
	if err := os.WriteFile(filepath.Join(dir, "study.yaml"), out, 0o644); err != nil {
		t.Fatal(err)
	}
	src := filepath.Dir(shipped)
	data, err := os.ReadFile(filepath.Join(src, "responses.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "responses.csv"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	pf, err := os.Open(filepath.Join(src, "published.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	recs, err := csv.NewReader(pf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs[1:] {
		for j, h := range recs[0] {
			switch h {
			case "figure", "base", "note":
				rec[j] += hostile
			case "source":
				if i%2 == 0 {
					rec[j] = "javascript:window.pwned=1"
				} else {
					rec[j] += hostile
				}
			}
		}
	}
	var pb bytes.Buffer
	w := csv.NewWriter(&pb)
	w.WriteAll(recs)
	if err := os.WriteFile(filepath.Join(dir, "published.csv"), pb.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(dir, "study.yaml")
}

// hostileReport is the report of the hostile study, shared by the tests
// that read it (TestMain removes it).
var hostileReport struct {
	once      sync.Once
	root, dir string
	err       error
}

func sharedHostile(t *testing.T) string {
	t.Helper()
	hostileReport.once.Do(func() {
		if hostileReport.root, hostileReport.err = os.MkdirTemp("", "surveystat-hostile-"); hostileReport.err != nil {
			return
		}
		in := filepath.Join(hostileReport.root, "in")
		if hostileReport.err = os.Mkdir(in, 0o755); hostileReport.err != nil {
			return
		}
		study := writeHostileStudy(t, in)
		hostileReport.dir, hostileReport.err = Generate(study, Options{Out: filepath.Join(hostileReport.root, "out"), PDF: "off"})
	})
	if hostileReport.err != nil {
		t.Fatal(hostileReport.err)
	}
	return hostileReport.dir
}

var (
	htmlTag      = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>`)
	htmlAttr     = regexp.MustCompile(`\s([a-zA-Z:-]+)(?:="([^"]*)")?`)
	mdLinkDest   = regexp.MustCompile(`\]\(([^)]*)\)`)
	pdfActive    = regexp.MustCompile(`/(JavaScript|JS|URI|Launch|OpenAction|AA|SubmitForm|EmbeddedFile|RichMedia)\b`)
	allowedTags  = "html head meta title style body main h1 h2 h3 p ul ol li code colgroup col table thead tbody tr th td section figure div figcaption span a dl dt dd footer svg g defs path text rect line clippath"
	evilInOutput = "evil.invalid"
)

// TestHostileStudy renders the hostile study and checks every output: no
// HTML element or attribute outside what the report itself writes, no
// event handler, no javascript: URL, no raw HTML, image or non-http link
// in the Markdown, every SVG valid XML and within svgsafe's allow-list.
func TestHostileStudy(t *testing.T) {
	dir := sharedHostile(t)
	var htmls, mds, svgs int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch filepath.Ext(p) {
		case ".html":
			htmls++
			checkHostileHTML(t, rel, string(b))
		case ".md":
			mds++
			checkHostileMarkdown(t, rel, string(b))
		case ".pdf":
			// fpdf writes an empty /EmbeddedFiles name tree; an
			// embedded file itself would be /EmbeddedFile.
			if m := pdfActive.Find(b); m != nil {
				t.Errorf("%s: PDF holds %s", rel, m)
			}
		case ".svg":
			svgs++
			if err := svgsafe.Check(b); err != nil {
				t.Errorf("%s: %v", rel, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if htmls != 6 || mds != 6 || svgs == 0 { // report and evidence brief, three languages each
		t.Fatalf("found %d HTML, %d Markdown and %d SVG files", htmls, mds, svgs)
	}
}

func checkHostileHTML(t *testing.T, rel, s string) {
	t.Helper()
	if !strings.Contains(s, "window.pwned") {
		t.Errorf("%s: the hostile text is missing: the test does not test", rel)
	}
	for _, loc := range htmlTag.FindAllStringSubmatchIndex(s, -1) {
		name, attrs := strings.ToLower(s[loc[4]:loc[5]]), s[loc[6]:loc[7]]
		if !slices.Contains(strings.Fields(allowedTags), name) {
			t.Errorf("%s: element <%s%.80s>", rel, name, attrs)
			continue
		}
		if name == "style" && s[loc[2]:loc[3]] == "" {
			end := strings.Index(s[loc[1]:], "</style>")
			if css := s[loc[1] : loc[1]+max(end, 0)]; strings.Contains(css, "evil") || strings.Contains(css, "pwned") {
				t.Errorf("%s: hostile text in a style sheet", rel)
			}
		}
		for _, a := range htmlAttr.FindAllStringSubmatch(attrs, -1) {
			an, av := strings.ToLower(a[1]), strings.ToLower(a[2])
			switch {
			case strings.HasPrefix(an, "on"):
				t.Errorf("%s: event handler %s on <%s>", rel, an, name)
			case an == "src" || an == "action" || an == "formaction":
				t.Errorf("%s: %s=%.80q on <%s>: the report loads nothing", rel, an, a[2], name)
			case an == "href" || an == "xlink:href":
				if !strings.HasPrefix(av, "http://") && !strings.HasPrefix(av, "https://") &&
					!strings.HasPrefix(av, "mailto:") && !strings.HasPrefix(av, "figures/") && !strings.HasPrefix(av, "#") {
					t.Errorf("%s: %s=%.80q on <%s>", rel, an, a[2], name)
				}
			case an == "style":
				if strings.Contains(av, "evil") || strings.Contains(av, "pwned") || strings.Contains(av, "url(") {
					t.Errorf("%s: style=%.80q on <%s>", rel, a[2], name)
				}
			}
		}
	}
}

func checkHostileMarkdown(t *testing.T, rel, s string) {
	t.Helper()
	if !strings.Contains(s, "window.pwned") {
		t.Errorf("%s: the hostile text is missing: the test does not test", rel)
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && strings.HasSuffix(s[:i], "](") && strings.HasPrefix(s[i:], "<figures/") {
			// an image of the report's own, in an angle-bracket destination
			i = i + strings.IndexByte(s[i:], '>')
			continue
		}
		if (s[i] == '<' || s[i] == '>' || s[i] == '&') && (i == 0 || s[i-1] != '\\') && !strings.HasPrefix(s[i:], "> **") {
			t.Errorf("%s: unescaped %q at …%s…", rel, s[i], s[max(0, i-30):min(len(s), i+30)])
			return
		}
	}
	for _, m := range mdLinkDest.FindAllStringSubmatchIndex(s, -1) {
		dest := strings.TrimSuffix(strings.TrimPrefix(s[m[2]:m[3]], "<"), ">")
		if m[0] > 0 && s[m[0]-1] == '\\' {
			continue // an escaped ], not a link
		}
		image := strings.LastIndex(s[:m[0]], "![") > strings.LastIndex(s[:m[0]], "\n")
		switch {
		case image && strings.HasPrefix(dest, "figures/"):
		case !image && (strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "https://") || strings.HasPrefix(dest, "mailto:")):
			if strings.Contains(dest, evilInOutput) && !strings.HasPrefix(dest, "http://evil.invalid/t.png") {
				t.Errorf("%s: link to %s", rel, dest)
			}
		default:
			t.Errorf("%s: link or image to %q", rel, dest)
		}
	}
}

// TestHostileFont checks that a theme font whose family name is markup
// stops the run with a clear message and leaves nothing behind.
func TestHostileFont(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	study := writeHostileStudy(t, in)
	if err := os.WriteFile(filepath.Join(in, "font.ttf"), fonttest.Renamed(`x"><img src=x onerror=alert(1)>`, "X"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(study)
	b = append(b, []byte("theme:\n  font: font.ttf\n")...)
	if err := os.WriteFile(study, b, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(study, Options{Out: out, PDF: "off", Langs: []string{"en"}})
	if !errors.Is(err, figures.ErrFontName) || !strings.Contains(err.Error(), "theme.font") {
		t.Fatalf("Generate: %v, want a theme.font error wrapping figures.ErrFontName", err)
	}
	if got := entries(t, out); len(got) != 0 {
		t.Errorf("%q left in the output folder", got)
	}
}

// TestHostileMargins checks raking margins whose variable and category
// names carry the hostile text: they name nothing in the codebook, so the
// run stops with a message and writes nothing (no margin name can reach
// an output).
func TestHostileMargins(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	study := writeHostileStudy(t, in)
	b, err := os.ReadFile(study)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.Replace(b, []byte("    method: wilson\n"), []byte("    method: wilson\n    rake: {margins: margins.csv}\n"), 1)
	if !bytes.Contains(b, []byte("margins.csv")) {
		t.Fatal("could not add raking to the study file")
	}
	os.WriteFile(study, b, 0o644)
	for _, m := range []string{
		"variable,category,total\n" + csvQuote("gender"+hostile) + ",male,490\n",
		"variable,category,total\ngender," + csvQuote("male"+hostile) + ",490\n",
	} {
		os.WriteFile(filepath.Join(in, "margins.csv"), []byte(m), 0o644)
		_, err := Generate(study, Options{Out: out, PDF: "off", Langs: []string{"en"}})
		if err == nil || !strings.Contains(err.Error(), "margins.csv") {
			t.Fatalf("Generate: %v, want an error about margins.csv", err)
		}
		if got := entries(t, out); len(got) != 0 {
			t.Errorf("%q left in the output folder", got)
		}
	}
}

func csvQuote(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
