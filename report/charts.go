package report

// writeCharts renders the study's charts in one language, hands each file
// to write, and returns what the documents need to show them.
func writeCharts(r *Result, ms *messages, write func(rel string, b []byte) error) ([]chartDoc, error) {
	return nil, nil
}
