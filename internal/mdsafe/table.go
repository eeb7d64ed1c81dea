package mdsafe

import "strings"

// Table renders a Markdown (GFM) table with every cell escaped (Escape).
// With numeric, every column after the first is right-aligned, as numbers
// are; otherwise all are left-aligned. It returns "" without a header.
func Table(header []string, rows [][]string, numeric bool) string {
	if len(header) == 0 {
		return ""
	}
	var b strings.Builder
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + Escape(c) + " |")
		}
		b.WriteString("\n")
	}
	row(header)
	b.WriteString("|")
	for i := range header {
		if numeric && i > 0 {
			b.WriteString(" ---: |")
		} else {
			b.WriteString(" --- |")
		}
	}
	b.WriteString("\n")
	for _, r := range rows {
		row(r)
	}
	return b.String()
}
