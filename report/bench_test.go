package report

import "testing"

// BenchmarkGenerate writes the shipped study's whole report as
// `surveystat report --pdf off` does: results, three languages, 8 charts ×
// 5 files each. The time is almost all drawing charts; docs/benchmarks.md
// has the wall time of the command.
func BenchmarkGenerate(b *testing.B) {
	benchmarkGenerate(b, nil)
}

// BenchmarkGenerateEnglish writes the report in English only.
func BenchmarkGenerateEnglish(b *testing.B) {
	benchmarkGenerate(b, []string{"en"})
}

func benchmarkGenerate(b *testing.B, langs []string) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(shipped, Options{Out: b.TempDir(), Langs: langs, PDF: "off"}); err != nil {
			b.Fatal(err)
		}
	}
}
