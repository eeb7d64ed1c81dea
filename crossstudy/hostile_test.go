package crossstudy

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hostile is appended to every text of the hostile comparison and its
// studies: markup for every context a text lands in (HTML, Markdown links,
// images, raw HTML and blocks). Script that runs sets window.pwned;
// anything fetched goes to evil.invalid.
const hostile = `"><img src=x onerror="window.pwned=1"><script>window.pwned=1</script>` +
	`[x](javascript:window.pwned=1)![t](http://evil.invalid/t.png)<a href="javascript:window.pwned=1">a</a>` +
	"\n# heading\n1. list\n    code\n> quote\n" + `' onmouseover='window.pwned=1' &amp; *_|~` + "`"

// hostileKeys are the keys whose values are text that ends up in the
// comparison report.
var hostileKeys = map[string]bool{
	"title": true, "label": true, "labels": true, "notes": true, "sponsor": true,
	"institute": true, "population": true, "mode": true,
}

func makeHostile(n *yaml.Node, text bool) {
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			makeHostile(c, text)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i].Value
			if k == "url" {
				n.Content[i+1].Value = "javascript:window.pwned=1"
				continue
			}
			makeHostile(n.Content[i+1], text || hostileKeys[k])
		}
	case yaml.ScalarNode:
		if text {
			n.Value += hostile
			n.Style = yaml.DoubleQuotedStyle
			n.Tag = "!!str"
		}
	}
}

// writeHostile copies the YAML file src to dst with hostile appended to
// every text.
func writeHostile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
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
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

var (
	mdLinkDest = regexp.MustCompile(`\]\(([^)]*)\)`)
	liveHTML   = regexp.MustCompile(`(?i)<(script|img|a\s+href="javascript)|\son[a-z]+\s*=\s*['"]`)
)

// TestHostileComparison renders a comparison whose file and studies carry
// markup in every text and a javascript: source URL, and checks that no
// output holds live markup: no raw HTML, no link but to http(s), no image
// but the report's own charts, and no line of Markdown that a label
// starts (a heading, list item, quote or code block).
func TestHostileComparison(t *testing.T) {
	in := t.TempDir()
	writeHostile(t, "testdata/comparison.yaml", filepath.Join(in, "comparison.yaml"))
	for _, w := range []string{"wave-a", "wave-b"} {
		writeHostile(t, filepath.Join("testdata", w, "study.yaml"), filepath.Join(in, w, "study.yaml"))
		b, err := os.ReadFile(filepath.Join("testdata", w, "cells.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, w, "cells.csv"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := generate(t, filepath.Join(in, "comparison.yaml"))
	var mds, htmls int
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		switch filepath.Ext(p) {
		case ".md":
			mds++
		case ".html":
			htmls++
		default:
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		s := string(b)
		if !strings.Contains(s, "window.pwned") {
			t.Errorf("%s: the hostile text is missing: the test does not test", rel)
		}
		if filepath.Ext(p) == ".html" {
			if m := liveHTML.FindString(s); m != "" {
				t.Errorf("%s: live markup %q", rel, m)
			}
			return nil
		}
		checkHostileMarkdown(t, rel, s)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if mds != 3 || htmls != 3 {
		t.Fatalf("found %d Markdown and %d HTML files, want 3 of each", mds, htmls)
	}
}

func checkHostileMarkdown(t *testing.T, rel, s string) {
	t.Helper()
	for i := 0; i < len(s); i++ {
		if (s[i] == '<' || s[i] == '>' || s[i] == '&') && (i == 0 || s[i-1] != '\\') && !strings.HasPrefix(s[i:], "> **") {
			t.Errorf("%s: unescaped %q at …%s…", rel, s[i], s[max(0, i-30):min(len(s), i+30)])
			return
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.Contains(line, "pwned") && (strings.HasPrefix(line, "# heading") || strings.HasPrefix(line, "1. list") ||
			strings.HasPrefix(line, "    code") || strings.HasPrefix(line, "> quote")) {
			t.Errorf("%s: a label starts a block: %.60q", rel, line)
		}
		if strings.Contains(line, "heading") && !strings.Contains(line, "pwned") {
			t.Errorf("%s: a label's line break reached the output: %.60q", rel, line)
		}
	}
	for _, m := range mdLinkDest.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && s[m[0]-1] == '\\' {
			continue // an escaped ], not a link
		}
		dest := s[m[2]:m[3]]
		image := strings.LastIndex(s[:m[0]], "![") > strings.LastIndex(s[:m[0]], "\n")
		switch {
		case image && strings.HasPrefix(dest, "figures/"):
		case !image && (strings.HasPrefix(dest, "http://") || strings.HasPrefix(dest, "https://")) && !strings.Contains(dest, "evil.invalid"):
		default:
			t.Errorf("%s: link or image to %q", rel, dest)
		}
	}
}
