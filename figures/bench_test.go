package figures

import (
	"io"
	"testing"
)

// BenchmarkRender draws the five sample charts in every format at print
// size and as PNG at the social and square sizes, with one Renderer as
// the report does.
func BenchmarkRender(b *testing.B) {
	charts := sampleCharts("de")
	names := sortedNames(charts)
	th := DefaultTheme()
	for _, f := range Formats() {
		for _, p := range Presets() {
			if f != PNG && p != Print {
				continue
			}
			b.Run(string(f)+"-"+string(p), func(b *testing.B) {
				b.ReportAllocs()
				var rd Renderer
				for b.Loop() {
					for _, n := range names {
						if err := rd.Render(io.Discard, charts[n], f, p, th); err != nil {
							b.Fatal(err)
						}
					}
				}
			})
		}
	}
}
