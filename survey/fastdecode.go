package survey

import (
	"bytes"
	"encoding/csv"
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The workers of the parallel reader (fast.go): a worker decodes the rows
// of a chunk into a batch's arrays, taking a plainly valid row on the fast
// path (decodeFast) and any other through Reader.decode (decodeSlow).

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
