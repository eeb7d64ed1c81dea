package survey

import (
	"bytes"
	"encoding/csv"
	"io"
	"math"
	"runtime"
	"strconv"
	"sync"
	"unicode"
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

// worker decodes the rows of batches.
type worker struct {
	rd     *Reader
	agg    bool
	warn   bool
	plain  bool  // rows differ only in their answers: no weight, count or design columns
	gen    int   // number of the current batch
	f      []int // field bounds in the row: start, end per column
	rec    []string
	resp   Respondent
	res    *baseResult // the answers of w.resp after decodeFast; nil after decodeSlow
	raw    []byte
	key    []byte
	bases  map[string]*baseResult // answers as coded → after the bases
	radix  []uint64               // per question, categories + 2, when their product fits 62 bits
	bases1 map[uint64]*baseResult // bases, keyed by the answers as a mixed-radix number
	cells  map[string]int         // key → index in the batch's cells
	intern map[string]string
}

// baseResult is what applyBases makes of one combination of answers.
type baseResult struct {
	ok      bool // no answer from outside a base is an error
	values  []int
	ignored []bool
	key     string // values and ignored, as cell key
	gen     int    // cell is the index of the combination in the cells of batch gen
	cell    int
}

func (rd *Reader) newWorker(agg bool) *worker {
	nq := len(rd.study.Questions)
	w := &worker{rd: rd, agg: agg, warn: rd.study.Data.OutsideBase == "warn",
		plain: rd.weightCol < 0 && rd.fpcCol < 0 && rd.strataCol < 0 && rd.clusterCol < 0 && rd.countCol < 0,
		resp:  Respondent{Values: make([]int, nq), Ignored: make([]bool, nq)},
		bases: map[string]*baseResult{}, bases1: map[uint64]*baseResult{}, cells: map[string]int{}, intern: map[string]string{}}
	prod := uint64(1)
	for _, q := range rd.study.Questions {
		m := uint64(len(q.Categories)) + 2
		if prod > (1<<62)/m {
			w.radix = nil
			break
		}
		prod *= m
		w.radix = append(w.radix, m)
	}
	return w
}

// parse decodes the rows of b.data up to the first row with a quote.
func (w *worker) parse(b *batch) {
	rd := w.rd
	b.reset()
	clear(w.cells)
	w.gen++
	data := b.data
	valid := utf8.Valid(data)
	quote := bytes.IndexByte(data, '"')
	if quote < 0 {
		quote = len(data)
	}
	comma := byte(rd.comma)
	nf := len(rd.header)
	line := 0
	for pos := 0; pos < len(data); {
		end := bytes.IndexByte(data[pos:], '\n')
		next := 0
		if end < 0 {
			end, next = len(data), len(data)
		} else {
			end += pos
			next = end + 1
		}
		if end >= quote {
			b.stop = pos
			b.lines = append(b.lines, int32(line)) // the line the sequential reader starts on
			return
		}
		row := data[pos:end]
		if n := len(row); n > 0 && row[n-1] == '\r' {
			row = row[:n-1]
		}
		rowPos := pos
		pos = next
		ln := line
		line++
		if len(row) == 0 {
			continue // encoding/csv skips empty lines
		}
		f := w.f[:0]
		start := 0
		for i, c := range row {
			if c == comma {
				f = append(f, start, i)
				start = i + 1
			}
		}
		f = append(f, start, len(row))
		w.f = f
		if len(f)/2 != nf {
			w.addRow(b, rowPos, ln, rowFieldCount, 0, 0)
			b.errs = append(b.errs, Errors{{File: rd.name, Line: b.line + ln, Err: csv.ErrFieldCount,
				Expect: "the same number of fields as the header"}})
			continue
		}
		idLo, idHi := 0, 0
		if rd.idCol >= 0 {
			idLo, idHi = trimBounds(row, f[2*rd.idCol], f[2*rd.idCol+1])
		}
		if (valid || utf8.Valid(row)) && w.decodeFast(row, f) {
			w.emit(b, rowPos, ln, rowOK, idLo, idHi)
			continue
		}
		w.decodeSlow(b, row, rowPos, ln, idLo, idHi)
	}
}

// addRow appends the bookkeeping of one row.
func (w *worker) addRow(b *batch, rowPos, ln int, st uint8, idLo, idHi int) {
	b.n++
	b.lines = append(b.lines, int32(ln))
	b.status = append(b.status, st)
	b.idLo = append(b.idLo, int32(rowPos+idLo))
	b.idHi = append(b.idHi, int32(rowPos+idHi))
	sep := w.resp.decSep
	if st == rowFieldCount {
		sep = 0
	}
	b.sep = append(b.sep, sep)
	b.rowPos = append(b.rowPos, int32(rowPos))
	if !w.agg {
		// Keep the per-row arrays aligned with the rows.
		nq := len(w.resp.Values)
		for _, v := range w.resp.Values[:nq] {
			b.values = append(b.values, int32(v))
		}
		if w.warn {
			b.ignored = append(b.ignored, w.resp.Ignored...)
		}
		rd := w.rd
		if rd.weightCol >= 0 {
			b.weight = append(b.weight, w.resp.Weight)
		}
		if rd.summed {
			b.wsq = append(b.wsq, w.resp.WeightSq)
		}
		if rd.fpcCol >= 0 {
			b.fpc = append(b.fpc, w.resp.FPC)
		}
		if rd.countCol >= 0 {
			b.count = append(b.count, w.resp.Count)
		}
		if rd.strataCol >= 0 {
			b.stratum = append(b.stratum, w.resp.Stratum)
		}
		if rd.clusterCol >= 0 {
			b.psu = append(b.psu, w.resp.PSU)
		}
	}
}

// emit appends a valid row decoded into w.resp.
func (w *worker) emit(b *batch, rowPos, ln int, st uint8, idLo, idHi int) {
	if w.resp.Count == 0 {
		st = rowSkip
	}
	w.resp.Line = b.line + ln // kept by a cell: the line of its first row
	w.addRow(b, rowPos, ln, st, idLo, idHi)
	if !w.agg || st != rowOK {
		return
	}
	r := &w.resp
	if res := w.res; res != nil && w.plain {
		// The answers alone make the cell: no key to build or look up.
		if res.gen == w.gen {
			b.cells[res.cell].resp.merge(r)
			return
		}
		res.gen, res.cell = w.gen, len(b.cells)
		w.newCell(b, res.key)
		return
	}
	key := appendAnswers(w.key[:0], r.Values, r.Ignored, w.warn)
	rd := w.rd
	if rd.weightCol >= 0 && !rd.summed { // weight sums add up in merge
		key = appendFloat(key, r.Weight)
	}
	if rd.fpcCol >= 0 {
		key = appendFloat(key, r.FPC)
	}
	if rd.strataCol >= 0 {
		key = append(strconv.AppendInt(key, int64(len(r.Stratum)), 10), ':')
		key = append(key, r.Stratum...)
	}
	if rd.clusterCol >= 0 {
		key = append(key, r.PSU...)
	}
	w.key = key
	if j, ok := w.cells[string(key)]; ok {
		b.cells[j].resp.merge(r)
		return
	}
	w.cells[string(key)] = len(b.cells)
	w.newCell(b, string(key))
}

// newCell appends w.resp to the batch's cells.
func (w *worker) newCell(b *batch, key string) {
	r := &w.resp
	c := cellRow{key: key, resp: *r}
	c.resp.ID = "" // Line stays: the first row of the combination
	c.resp.Values = append([]int(nil), r.Values...)
	c.resp.Ignored = append([]bool(nil), r.Ignored...)
	b.cells = append(b.cells, c)
}

// appendAnswers appends decoded answers to a key, two bytes each.
func appendAnswers(key []byte, values []int, ignored []bool, warn bool) []byte {
	for _, v := range values {
		key = append(key, byte(v+3), byte((v+3)>>8))
	}
	if warn {
		for _, ig := range ignored {
			if ig {
				key = append(key, 1)
			} else {
				key = append(key, 0)
			}
		}
	}
	return key
}

func appendFloat(b []byte, f float64) []byte {
	u := math.Float64bits(f)
	for i := range 8 {
		b = append(b, byte(u>>(8*i)))
	}
	return b
}

// decodeSlow decodes a row that is not plainly valid with Reader.decode,
// so that its problems read exactly as the sequential reader's.
func (w *worker) decodeSlow(b *batch, row []byte, rowPos, ln, idLo, idHi int) {
	rec := w.rec[:0]
	for i := 0; i < len(w.f); i += 2 {
		rec = append(rec, string(row[w.f[i]:w.f[i+1]]))
	}
	w.rec = rec
	line := b.line + ln
	w.res = nil
	errs, _ := w.rd.decode(rec, func(int) int { return line }, &w.resp)
	if len(errs) == 0 {
		w.emit(b, rowPos, ln, rowOK, idLo, idHi)
		return
	}
	w.addRow(b, rowPos, ln, rowErr, idLo, idHi)
	b.errs = append(b.errs, errs)
}

// decodeFast decodes a row with field bounds f into w.resp without
// allocating, if every cell is plainly valid; it reports false for
// anything else.
func (w *worker) decodeFast(row []byte, f []int) bool {
	rd, r := w.rd, &w.resp
	field := func(col int) []byte {
		lo, hi := trimBounds(row, f[2*col], f[2*col+1])
		return row[lo:hi]
	}
	if rd.idCol >= 0 && len(field(rd.idCol)) == 0 {
		return false
	}
	for _, col := range rd.undeclared {
		v := field(col)
		if mayBeIdentifierValue(v) && identifierKind(string(v)) != "" {
			return false
		}
	}
	r.Weight, r.FPC, r.Count, r.Stratum, r.PSU = 1, 0, 1, "", ""
	r.WeightSq, r.Summed = 0, rd.summed
	r.decSep = 0
	if !w.plain {
		var ok bool
		if rd.weightCol >= 0 {
			v := field(rd.weightCol)
			if r.Weight, ok = fastNumber(v, rd.study.Data.Decimal); !ok {
				return false
			}
			r.decSep |= sepBitsBytes(v, rd.study.Data.Decimal, colWeight)
		}
		if rd.summed {
			v := field(rd.wsqCol)
			if r.WeightSq, ok = fastNumber(v, rd.study.Data.Decimal); !ok {
				return false
			}
			r.decSep |= sepBitsBytes(v, rd.study.Data.Decimal, colWSq)
		}
		if rd.fpcCol >= 0 {
			v := field(rd.fpcCol)
			if r.FPC, ok = fastNumber(v, rd.study.Data.Decimal); !ok {
				return false
			}
			r.decSep |= sepBitsBytes(v, rd.study.Data.Decimal, colFPC)
		}
		if rd.countCol >= 0 {
			if r.Count, ok = fastCount(field(rd.countCol)); !ok {
				return false
			}
		}
		if rd.summed && r.Count > 0 && (r.WeightSq < r.Weight*r.Weight/r.Count*(1-1e-9) || r.WeightSq > r.Weight*r.Weight*(1+1e-9)) {
			return false // the slow path reports it
		}
		if rd.strataCol >= 0 {
			if r.Stratum = w.internBytes(field(rd.strataCol)); r.Stratum == "" {
				return false
			}
		}
		if rd.clusterCol >= 0 {
			if r.PSU = w.internBytes(field(rd.clusterCol)); r.PSU == "" {
				return false
			}
		}
	}
	raw := w.raw[:0]
	var num uint64
	for qi, col := range rd.cols {
		lo, hi := f[2*col], f[2*col+1]
		v := Empty
		switch {
		case hi-lo == 1 && row[lo] > ' ' && row[lo] < utf8.RuneSelf:
			c := rd.code1[qi][row[lo]]
			if c == noCode {
				return false
			}
			v = int(c)
		case hi == lo:
		default:
			cell := field(col)
			switch len(cell) {
			case 0:
			case 1:
				c := rd.code1[qi][cell[0]]
				if c == noCode {
					return false
				}
				v = int(c)
			default:
				ci, ok := rd.codes[qi][string(cell)]
				if !ok {
					return false
				}
				v = ci
			}
		}
		r.Values[qi] = v
		if w.radix != nil {
			num = num*w.radix[qi] + uint64(v+2)
		} else {
			raw = append(raw, byte(v+3), byte((v+3)>>8))
		}
	}
	w.raw = raw
	var res *baseResult
	var ok bool
	if w.radix != nil {
		res, ok = w.bases1[num]
	} else {
		res, ok = w.bases[string(raw)]
	}
	if !ok {
		res = &baseResult{ok: rd.applyBases(r, false) == nil}
		if res.ok {
			res.values = append([]int(nil), r.Values...)
			res.ignored = append([]bool(nil), r.Ignored...)
			res.key = string(appendAnswers(nil, res.values, res.ignored, w.warn))
		}
		if len(w.bases)+len(w.bases1) >= 1<<16 {
			clear(w.bases)
			clear(w.bases1)
		}
		if w.radix != nil {
			w.bases1[num] = res
		} else {
			w.bases[string(raw)] = res
		}
	}
	if !res.ok {
		return false
	}
	copy(r.Values, res.values)
	copy(r.Ignored, res.ignored)
	w.res = res
	return true
}

// internBytes returns v as a string, shared among equal values.
func (w *worker) internBytes(v []byte) string {
	if len(v) == 0 {
		return ""
	}
	if s, ok := w.intern[string(v)]; ok {
		return s
	}
	if len(w.intern) >= 1<<16 {
		clear(w.intern)
	}
	s := string(v)
	w.intern[s] = s
	return s
}

// trimBounds returns the bounds of row[lo:hi] without leading and trailing
// white space, as strings.TrimSpace.
func trimBounds(row []byte, lo, hi int) (int, int) {
	for lo < hi && asciiSpace(row[lo]) {
		lo++
	}
	for hi > lo && asciiSpace(row[hi-1]) {
		hi--
	}
	if lo < hi && (row[lo] >= utf8.RuneSelf || row[hi-1] >= utf8.RuneSelf) {
		v := row[lo:hi]
		left := len(v) - len(bytes.TrimLeftFunc(v, unicode.IsSpace))
		return lo + left, lo + left + len(bytes.TrimSpace(v))
	}
	return lo, hi
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// fastNumber parses a plain positive decimal number (at most 15 digits,
// no sign or exponent) exactly as parseWeight does; it reports false for
// anything else, which parseWeight then decides.
func fastNumber(v []byte, decimal string) (float64, bool) {
	var mant uint64
	digits, frac, sep := 0, 0, false
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			if digits == 15 {
				return 0, false
			}
			mant = mant*10 + uint64(c-'0')
			digits++
			if sep {
				frac++
			}
		case !sep && (c == '.' && decimal != "," || c == ',' && decimal != "."):
			sep = true
		default:
			return 0, false
		}
	}
	if digits == 0 || mant == 0 {
		return 0, false
	}
	p := 1.0 // 10^frac, exact for frac ≤ 15
	for range frac {
		p *= 10
	}
	// mant and p are exact, so the quotient is correctly rounded: the
	// same float64 as strconv.ParseFloat.
	return float64(mant) / p, true
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

// sepBitsBytes is sepBits of a cell that fastNumber accepted (digits and
// at most one separator).
func sepBitsBytes(v []byte, decimal string, col int) uint8 {
	if decimal != "" {
		return 0
	}
	switch {
	case bytes.IndexByte(v, '.') >= 0:
		return 1 << (2 * col)
	case bytes.IndexByte(v, ',') >= 0:
		return 2 << (2 * col)
	}
	return 0
}

// fastCount parses a count of at most 15 digits.
func fastCount(v []byte) (float64, bool) {
	if len(v) == 0 || len(v) > 15 {
		return 0, false
	}
	var n uint64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return float64(n), true
}

// parseCount parses a cell count: a whole number from 0 to 2⁵³.
func parseCount(v string) (float64, bool) {
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil || n > 1<<53 {
		return 0, false
	}
	return float64(n), true
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
