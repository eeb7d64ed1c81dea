package report

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/surveystat/surveystat/figures"
)

// The regular expressions that prefixedSVG and stripFontFaces replace: the
// hand-written scanners must give the same result.
var (
	refProlog    = regexp.MustCompile(`(?s)^\s*<\?xml.*?\?>\s*(<!DOCTYPE[^>]*>\s*)?`)
	refSVGID     = regexp.MustCompile(`\b(id="|url\(#|href="#)([A-Za-z_][\w.-]*)`)
	refFontFaces = regexp.MustCompile(`(?s)<style>\s*@font-face.*?</style>`)
)

func refInlineSVG(s, prefix string) string {
	s = refProlog.ReplaceAllString(s, "")
	return refSVGID.ReplaceAllString(s, "${1}"+prefix+"-${2}")
}

func TestInlineSVGMatchesRegexp(t *testing.T) {
	inputs := []string{
		"",
		`<?xml version="1.0"?>`,
		"  \n<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\">\n\t<svg id=\"a\"/>",
		`<?xml version="1.0"?><!DOCTYPE svg`,
		`<?xml version="1.0"`,
		`<svg><?xml ?></svg>`,
		`id="x"`, `id="`, `id="1a"`, `id="_a.b-c:d"`, `xid="a" x-id="b" x:id="c" x_id="d"`,
		`fill="url(#grad-1)" href="#p" xlink:href="#p2" href="p3" hhref="#q" url(#`,
		`<g id="a"><use xlink:href="#a"/></g><path clip-path="url(#c.1)"/>`,
		`id="a"id="b" url(#zurl(#y) href="#href="#v`,
		"#\"#\"id=\"q\"##\"\"url(#r)",
		`aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa id="far"`,
	}
	c := figures.Chart{Kind: figures.Bars, Title: "Ä title", Base: "Base: 10", Bars: []figures.Bar{{Label: "x", Estimate: 0.5, Lower: 0.4, Upper: 0.6, N: 100}}}
	for _, embed := range []bool{true, false} {
		th := figures.DefaultTheme()
		th.EmbedSVGFonts = embed
		var buf bytes.Buffer
		if err := figures.Render(&buf, c, figures.SVG, figures.Print, th); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, buf.String())
	}
	for _, in := range inputs {
		for _, prefix := range []string{"chart", "a-b_1"} {
			want := refInlineSVG(in, prefix)
			if got := prefixedSVG([]byte(in), prefix); got != want {
				t.Errorf("prefixedSVG(%.80q, %q) = %.200q, want %.200q", in, prefix, got, want)
			}
			want = refFontFaces.ReplaceAllString(want, "")
			if got := stripFontFaces(prefixedSVG([]byte(in), prefix)); got != want {
				t.Errorf("stripFontFaces(prefixedSVG(%.80q, %q)) = %.200q, want %.200q", in, prefix, got, want)
			}
		}
	}
	for _, in := range []string{
		"<style>@font-face{}</style>",
		"a<style>\n\t@font-face{x}</style>b<style>.c{}</style>d<style> @font-face{y}</style>e",
		"<style>@font-face{", "<style><style>@font-face{}</style>", "</style><style>@font-face</style></style>",
	} {
		if got, want := stripFontFaces(in), refFontFaces.ReplaceAllString(in, ""); got != want {
			t.Errorf("stripFontFaces(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDistinctHeadings: charts with the same title get headings that tell
// them apart, by kind, then subtitle, then number; others keep theirs.
func TestDistinctHeadings(t *testing.T) {
	ch := func(k figures.Kind, title, sub string) figures.Chart {
		return figures.Chart{Kind: k, Title: title, Subtitle: sub, Lang: "de"}
	}
	tests := []struct {
		charts []figures.Chart
		want   []string
	}{
		{[]figures.Chart{ch(figures.Bars, "A", ""), ch(figures.Bars, "B", "")}, []string{"A", "B"}},
		{[]figures.Chart{ch(figures.Bars, "A", ""), ch(figures.Waffle, "A", "")}, []string{"A (Balkendiagramm)", "A (Waffeldiagramm)"}},
		{[]figures.Chart{ch(figures.Forest, "A", "Geschlecht"), ch(figures.Forest, "A", "Alter"), ch(figures.Bars, "A", "")},
			[]string{"A (Forest-Plot) – Geschlecht", "A (Forest-Plot) – Alter", "A (Balkendiagramm)"}},
		{[]figures.Chart{ch(figures.Bars, "A", ""), ch(figures.Bars, "A", "")}, []string{"A (Balkendiagramm) [1]", "A (Balkendiagramm) [2]"}},
	}
	for _, tt := range tests {
		docs := make([]chartDoc, len(tt.charts))
		for i, c := range tt.charts {
			docs[i].Title = c.Title
		}
		distinctHeadings(docs, tt.charts)
		for i, d := range docs {
			if d.Title != tt.want[i] {
				t.Errorf("%v: heading %d %q, want %q", tt.charts, i, d.Title, tt.want[i])
			}
		}
	}
}
