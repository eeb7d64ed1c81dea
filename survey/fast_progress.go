package survey

import "io"

// ProgressReader is an io.Reader that reports how many bytes have been
// read through it, for a progress display while a large file is read.
type ProgressReader struct {
	r      io.Reader
	step   int64
	report func(read int64)
	n      int64 // bytes read
	last   int64 // n at the last report
}

// NewProgressReader returns a reader of r that calls report with the total
// number of bytes read so far after every step bytes or more, and once
// more at the end of r (io.EOF or another error). report is called from
// the goroutine that reads, which for Scan is not the caller's.
func NewProgressReader(r io.Reader, step int64, report func(read int64)) *ProgressReader {
	return &ProgressReader{r: r, step: max(step, 1), report: report}
}

func (p *ProgressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n-p.last >= p.step || (err != nil && p.n != p.last) || (err != nil && p.n == 0) {
		p.last = p.n
		p.report(p.n)
	}
	return n, err
}

// BytesRead returns the number of bytes read so far.
func (p *ProgressReader) BytesRead() int64 { return p.n }
