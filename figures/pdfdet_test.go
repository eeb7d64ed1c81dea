package figures

import (
	"bytes"
	"testing"
)

// TestPDFDeterministic renders the same charts as PDF many times: fpdf's
// font subsetting walks maps, and characters that share a glyph (a space
// and a no-break space) must not make the bytes depend on map order.
func TestPDFDeterministic(t *testing.T) {
	for name, c := range sampleCharts("de") {
		c.Title += " a\u00a0b c\u2009d Łódź"
		first := render(t, c, PDF, Print, DefaultTheme())
		for range 20 {
			if got := render(t, c, PDF, Print, DefaultTheme()); !bytes.Equal(got, first) {
				t.Fatalf("%s: two renderings of the same chart differ", name)
			}
		}
	}
}
