package survey

import (
	"strings"
	"testing"
)

// TestChartShapeAtLoad: a chart its kind cannot draw is refused when the
// study is read, with the chart's line, not when it is drawn.
func TestChartShapeAtLoad(t *testing.T) {
	const head = `id: t
data: {file: r.csv, id: id}
questions:
  - id: q
    missing: [9]
    missing_in_base: %DK%
    categories: [{id: a, codes: [1]}, {id: b, codes: [2]}, {id: c, codes: [3]}, {id: d, codes: [4]}, {id: e, codes: [5]}]
  - id: g
    categories: [{id: m, codes: [1]}, {id: f, codes: [2]}]
derived:
  - {id: both, when: q == a and g == m}
charts:
`
	for _, tc := range []struct {
		name, chart, dk, want string
	}{
		{"stacked all", "  - {id: s, kind: stacked, items: [q]}\n", "false", ""},
		{"stacked with don't know in base", "  - {id: s, kind: stacked, items: [q]}\n", "true", ""},
		{"stacked reordered", "  - {id: s, kind: stacked, items: [q=e, q=d, q=c, q=b, q=a]}\n", "false", ""},
		{"stacked leaves out", "  - {id: s, kind: stacked, items: [q=a, q=b]}\n", "false",
			`line 13: chart "s": a stacked chart splits 100% among all categories of "q", and its items leave out c, d, e`},
		{"stacked two questions", "  - {id: s, kind: stacked, items: [q, g]}\n", "false", `line 13: chart "s": a stacked chart splits 100% among the categories of one question`},
		{"stacked derived", "  - {id: s, kind: stacked, items: [both]}\n", "false", `line 13: chart "s": a stacked chart splits 100% among the categories of one question`},
		{"stacked twice", "  - {id: s, kind: stacked, items: [q, q=a]}\n", "false", `line 13: chart "s": category q=a listed twice`},
		{"waffle four", "  - {id: w, kind: waffle, items: [q=a, q=b, q=c, q=d]}\n", "false", ""},
		{"waffle five", "  - {id: ok, kind: bars, items: [q]}\n  - {id: w, kind: waffle, items: [q]}\n", "false",
			`line 14: chart "w": a waffle chart shows at most 4 shares, and it has 5 items`},
		{"waffle derived", "  - {id: w, kind: waffle, items: [both]}\n", "false", ""},
		{"waffle two derived", "  - {id: w, kind: waffle, items: [both, both]}\n", "false", `line 13: chart "w": a waffle chart shows one share, or shares of one question's categories`},
		{"waffle two questions", "  - {id: w, kind: waffle, items: [q=a, g=m]}\n", "false", `line 13: chart "w": a waffle chart shows one share, or shares of one question's categories`},
		{"bars too many", "  - {id: b, kind: bars, items: [" + strings.Repeat("q, ", 6) + "q=a]}\n", "false", `line 13: chart "b": 31 rows, at most 30 fit on a chart`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(head, "%DK%", tc.dk, 1) + tc.chart
			_, err := Parse(strings.NewReader(src), "study.yaml")
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
