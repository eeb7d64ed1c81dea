package survey

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"math"
	"runtime"
	"sync"
	"unicode/utf8"
)

// The parallel reader. A reader goroutine cuts the input into chunks of
// whole lines and numbers them; workers decode the rows of a chunk into
// compact arrays (or, for ScanCells, into counts per distinct row); the
// calling goroutine takes the chunks in file order, checks the ids for
// duplicates and calls fn. Rows without a quote are one line each, so
// lines are known without parsing; from the first row with a quote on,
// the rest of the input is read sequentially by encoding/csv. A row that
// is not plainly valid is decoded by the same code as Reader.Read, so
// every problem is reported exactly as the sequential reader reports it.

const (
	chunkSize = 1 << 20
	noCode    = math.MinInt16 // in Reader.code1: the byte is not a code
)

// Row states in a batch.
const (
	rowOK         uint8 = iota
	rowSkip             // valid, but a cell with count 0: nobody to deliver
	rowErr              // problems in batch.errs
	rowFieldCount       // wrong number of fields: not a respondent
)

// batch is one chunk of the input and what a worker made of it.
type batch struct {
	buf  []byte // backing array of data
	data []byte // whole lines, or the rest of the input
	line int    // line number of data's first line
	err  error  // read error after data
	done chan struct{}

	n       int
	lines   []int32 // per row: line - b.line
	status  []uint8
	idLo    []int32 // per row: the trimmed id is data[idLo:idHi]
	idHi    []int32
	values  []int32 // Scan: n × questions
	ignored []bool  // Scan under outside_base: warn: n × questions
	weight  []float64
	sep     []uint8   // per row: sepBits of its number cells
	rowPos  []int32   // per row: offset of its first byte in data
	wsq     []float64 // Σw² of a weighted cell table's rows
	fpc     []float64
	count   []float64
	stratum []string
	psu     []string
	errs    []Errors // per row in state rowErr or rowFieldCount, in order
	cells   []cellRow
	stop    int // offset of the first row with a quote, or -1
}

// cellRow is a distinct row of a chunk and how many rows it stands for.
type cellRow struct {
	key  string
	resp Respondent
}

func (b *batch) reset() {
	b.n = 0
	b.lines, b.status, b.idLo, b.idHi = b.lines[:0], b.status[:0], b.idLo[:0], b.idHi[:0]
	b.values, b.ignored = b.values[:0], b.ignored[:0]
	b.weight, b.fpc, b.count, b.stratum, b.psu = b.weight[:0], b.fpc[:0], b.count[:0], b.stratum[:0], b.psu[:0]
	b.wsq, b.sep, b.rowPos = b.wsq[:0], b.sep[:0], b.rowPos[:0]
	clear(b.errs)
	b.errs = b.errs[:0]
	b.cells = b.cells[:0]
	b.stop = -1
}

// canScanFast reports whether the rows can be read in parallel: the header
// ended on a known line and the delimiter is one byte.
func (rd *Reader) canScanFast() bool {
	return rd.dataLine > 0 && rd.comma < utf8.RuneSelf && rd.br != nil && rd.rows == 0
}

// pipeline runs the reader goroutine and the workers.
type pipeline struct {
	rd       *Reader
	order    chan *batch // batches in file order
	jobs     chan *batch
	free     chan *batch
	quit     chan struct{}
	leftover chan []byte // what the reader goroutine read but did not hand out
	wg       sync.WaitGroup
	stopped  bool
}

func (rd *Reader) startPipeline(agg bool) *pipeline {
	workers := runtime.GOMAXPROCS(0)
	inFlight := 2*workers + 2
	p := &pipeline{rd: rd, order: make(chan *batch, inFlight), jobs: make(chan *batch, inFlight),
		free: make(chan *batch, inFlight+2), quit: make(chan struct{}), leftover: make(chan []byte, 1)}
	for range workers {
		w := rd.newWorker(agg)
		p.wg.Go(func() {
			for b := range p.jobs {
				select {
				case <-p.quit:
				default:
					w.parse(b)
				}
				close(b.done)
			}
		})
	}
	go p.read(rd.dataLine)
	return p
}

// read cuts the input into batches of whole lines.
func (p *pipeline) read(line int) {
	defer close(p.order)
	defer close(p.jobs)
	var left []byte
	defer func() { p.leftover <- left }()
	var carry []byte
	for {
		var b *batch
		select {
		case b = <-p.free:
		default:
			b = new(batch)
		}
		size := chunkSize
		if p.rd.chunkSize > 0 {
			size = p.rd.chunkSize
		}
		if need := max(size, 2*len(carry)); cap(b.buf) < need {
			b.buf = make([]byte, need)
		}
		buf := append(b.buf[:0], carry...)
		n, err := io.ReadFull(p.rd.br, buf[len(buf):cap(buf)])
		data := buf[:len(buf)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if eof {
			err = nil
		}
		carry = carry[:0]
		if !eof && err == nil {
			cut := bytes.LastIndexByte(data, '\n')
			if cut < 0 {
				// A line longer than the buffer: read on into a bigger
				// one, up to the limit of a row.
				carry = append(carry, data...)
				if int64(len(carry)) <= p.rd.maxRowBytes() {
					continue
				}
				data, carry, err = nil, nil, p.rd.rowTooLarge(line)
			}
			carry = append(carry, data[cut+1:]...)
			data = data[:cut+1]
		}
		b.buf, b.data, b.line, b.err, b.done = buf, data, line, err, make(chan struct{})
		b.stop = -1
		line += bytes.Count(data, []byte{'\n'})
		select {
		case p.order <- b:
		case <-p.quit:
			left = append(append([]byte(nil), data...), carry...)
			return
		}
		p.jobs <- b
		if eof || err != nil {
			return
		}
		select {
		case <-p.quit:
			left = append([]byte(nil), carry...)
			return
		default:
		}
	}
}

// stop ends the pipeline and returns the input the consumer has not seen:
// the data of the batches still in order, then what the reader goroutine
// held back, and the read error that ended the input, if any. Nothing
// reads the input after stop returns.
func (p *pipeline) stop() (rest [][]byte, err error) {
	if p.stopped {
		return nil, nil
	}
	p.stopped = true
	close(p.quit)
	for b := range p.order {
		<-b.done
		rest = append(rest, b.data)
		if b.err != nil {
			err = b.err
		}
	}
	rest = append(rest, <-p.leftover)
	p.wg.Wait()
	return rest, err
}

// errReader returns err on every read.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// scan reads the rows after the header; with agg, identical rows are
// delivered once with their total count (see ScanCells).
func (rd *Reader) scan(agg bool, fn func(*Respondent) error) error {
	if rd.fpcCol < 0 {
		return rd.scanRows(agg, fn)
	}
	// Population sizes are checked against the whole sample once, when
	// the file has been read (fpcCheck).
	chk := newFPCCheck()
	err := rd.scanRows(agg, func(r *Respondent) error {
		chk.add(r)
		return fn(r)
	})
	if err != nil {
		return err
	}
	return chk.errs(rd)
}

func (rd *Reader) scanRows(agg bool, fn func(*Respondent) error) error {
	wide := false
	for _, q := range rd.study.Questions {
		wide = wide || len(q.Categories) > 60000 // answers would not fit the two-byte keys
	}
	if wide || !rd.canScanFast() {
		rd.limitRows()
		return rd.scanSeq(nil, fn)
	}
	p := rd.startPipeline(agg)
	defer p.stop()
	nq := len(rd.study.Questions)
	var (
		errs  Errors
		cells []cellRow
		index = map[string]int{}
		flush = func() error {
			for i := range cells {
				if err := fn(&cells[i].resp); err != nil {
					return err
				}
			}
			cells = cells[:0]
			clear(index)
			return nil
		}
		resp = &rd.rec
	)
	for b := range p.order {
		<-b.done
		k := 0
		for i := 0; i < b.n; i++ {
			line := b.line + int(b.lines[i])
			st := b.status[i]
			if st == rowFieldCount {
				errs = append(errs, b.errs[k]...)
				k++
				if len(errs) >= MaxErrors {
					return errs[:MaxErrors]
				}
				continue
			}
			rd.rows++
			var rowErrs Errors
			if st == rowErr {
				rowErrs = b.errs[k]
				k++
			}
			if rd.idCol >= 0 && b.idHi[i] > b.idLo[i] {
				id := b.data[b.idLo[i]:b.idHi[i]]
				if first, dup := rd.ids.addBytes(id, line); dup {
					rowErrs = append(Errors{dupIDError(rd.name, line, rd.header[rd.idCol], first)}, rowErrs...)
				}
			}
			if len(rowErrs) == 0 {
				if pe, col := rd.mixedDecimal(b.sep[i], line); pe != nil {
					pe.Value = rd.cellAt(b.data[b.rowPos[i]:], col)
					rowErrs = append(rowErrs, pe)
				}
			}
			if len(rowErrs) > 0 {
				errs = append(errs, rowErrs...)
				if len(errs) >= MaxErrors {
					return errs[:MaxErrors]
				}
				if rowErrs.encoding() {
					return errs // one message: every later row has the same problem
				}
				continue
			}
			if len(errs) > 0 || st == rowSkip || agg {
				continue
			}
			resp.Line = line
			resp.ID = ""
			if rd.idCol >= 0 {
				resp.ID = string(b.data[b.idLo[i]:b.idHi[i]])
			}
			for qi, v := range b.values[i*nq : (i+1)*nq] {
				resp.Values[qi] = int(v)
			}
			if len(b.ignored) > 0 {
				copy(resp.Ignored, b.ignored[i*nq:(i+1)*nq])
			} else {
				clear(resp.Ignored)
			}
			resp.Weight, resp.FPC, resp.Count, resp.Stratum, resp.PSU = 1, 0, 1, "", ""
			resp.WeightSq, resp.Summed = 0, rd.summed
			if rd.weightCol >= 0 {
				resp.Weight = b.weight[i]
			}
			if rd.summed {
				resp.WeightSq = b.wsq[i]
			}
			if rd.fpcCol >= 0 {
				resp.FPC = b.fpc[i]
			}
			if rd.countCol >= 0 {
				resp.Count = b.count[i]
			}
			if rd.strataCol >= 0 {
				resp.Stratum = b.stratum[i]
			}
			if rd.clusterCol >= 0 {
				resp.PSU = b.psu[i]
			}
			if err := fn(resp); err != nil {
				return err
			}
		}
		if agg && len(errs) == 0 {
			for _, c := range b.cells {
				if j, ok := index[c.key]; ok {
					cells[j].resp.merge(&c.resp)
					continue
				}
				index[c.key] = len(cells)
				cells = append(cells, c)
			}
			if len(cells) >= 1<<16 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		if b.stop >= 0 {
			// A quote: read the rest with encoding/csv.
			if agg && len(errs) == 0 {
				if err := flush(); err != nil {
					return err
				}
			}
			rest, err := p.stop()
			parts := append([][]byte{b.data[b.stop:]}, rest...)
			readers := make([]io.Reader, 0, len(parts)+1)
			for _, d := range parts {
				readers = append(readers, bytes.NewReader(d))
			}
			switch {
			case b.err != nil:
				readers = append(readers, errReader{b.err})
			case err != nil:
				readers = append(readers, errReader{err})
			default:
				readers = append(readers, rd.br)
			}
			rd.limit = &rowLimit{r: io.MultiReader(readers...), rd: rd, line: b.line + int(b.lines[b.n]) - 1}
			cr := csv.NewReader(rd.limit)
			cr.Comma = rd.comma
			cr.ReuseRecord = true
			cr.FieldsPerRecord = len(rd.header)
			rd.csv = cr
			rd.line0 = b.line + int(b.lines[b.n]) - 1
			return rd.scanSeq(errs, fn)
		}
		if b.err != nil {
			return append(errs, rd.readError(b.err))
		}
		b.data = nil
		select {
		case p.free <- b:
		default:
		}
	}
	if rd.rows == 0 {
		return append(errs, &ParseError{File: rd.name, Line: 2, Err: ErrNoRows, Expect: "at least one row after the header"})
	}
	if len(errs) > 0 {
		return errs
	}
	if agg {
		return flush()
	}
	return nil
}

// scanSeq reads the remaining rows with the csv reader, after the problems
// errs found so far.
func (rd *Reader) scanSeq(errs Errors, fn func(*Respondent) error) error {
	for {
		resp, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var list Errors
			var pe *ParseError
			switch {
			case errors.As(err, &list):
				errs = append(errs, list...)
				if list.encoding() {
					return errs // one message: every later row has the same problem
				}
			case errors.As(err, &pe):
				errs = append(errs, pe)
				if (pe.Column == "" && !errors.Is(pe.Err, csv.ErrFieldCount)) || errors.Is(pe.Err, ErrEncoding) {
					// A structural problem (quotes, I/O): the rest of the
					// file cannot be trusted.
					return errs
				}
			default:
				return err
			}
			if len(errs) >= MaxErrors {
				return errs[:MaxErrors]
			}
			continue
		}
		if len(errs) > 0 {
			continue
		}
		if err := fn(resp); err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// cellAt returns the trimmed cell of column col in the unquoted row at the
// start of data (up to its newline).
func (rd *Reader) cellAt(data []byte, col int) string {
	if end := bytes.IndexByte(data, '\n'); end >= 0 {
		data = data[:end]
	}
	data = bytes.TrimSuffix(data, []byte{'\r'})
	for i := 0; i < col; i++ {
		j := bytes.IndexByte(data, byte(rd.comma))
		if j < 0 {
			return ""
		}
		data = data[j+1:]
	}
	if j := bytes.IndexByte(data, byte(rd.comma)); j >= 0 {
		data = data[:j]
	}
	lo, hi := trimBounds(data, 0, len(data))
	return string(data[lo:hi])
}

// merge adds the identical respondents of o (same answers and design ids)
// to r's cell: counts add, and so do the weight sums of a weighted cell
// table.
func (r *Respondent) merge(o *Respondent) {
	r.Count += o.Count
	if r.Summed {
		r.Weight += o.Weight
		r.WeightSq += o.WeightSq
	}
}
