package spss

import (
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
)

// readZHeader reads the zlib data header of a .zsav file, which follows
// the dictionary: the offsets of itself and of the trailer that lists the
// compressed blocks. The blocks are read in order, so only the trailer's
// offset is needed: it is where the last block ends.
func (rd *Reader) readZHeader() error {
	at := rd.in.n
	var f [3]int64
	for i := range f {
		var b [8]byte
		if err := rd.full(b[:], "the zlib header"); err != nil {
			return err
		}
		f[i] = int64(rd.order.Uint64(b[:]))
	}
	if f[0] != at || f[1] < rd.in.n {
		return rd.errorf("zlib header offsets %d and %d do not match the file", f[0], f[1])
	}
	if f[2] < 24 || f[2] > maxRecord {
		return rd.errorf("zlib trailer of impossible length %d", f[2])
	}
	rd.zend, rd.ztrailer = f[1], f[2]
	rd.src = &zsrc{rd: rd}
	return nil
}

// zsrc is the concatenation of a .zsav file's zlib blocks.
type zsrc struct {
	rd      *Reader
	zr      io.ReadCloser
	trailer bool // the trailer has been read
}

func (z *zsrc) Read(p []byte) (int, error) {
	for {
		if z.zr == nil {
			if z.rd.in.n >= z.rd.zend {
				// The trailer must be there: a file cut after its last
				// block is truncated all the same.
				if !z.trailer {
					z.trailer = true
					if _, err := z.rd.bytes(int(z.rd.ztrailer), "the zlib trailer"); err != nil {
						return 0, err
					}
				}
				return 0, io.EOF
			}
			zr, err := zlib.NewReader(z.rd.in)
			if err != nil {
				return 0, z.rd.errorf("zlib block: %v", err)
			}
			z.zr = zr
		}
		n, err := z.zr.Read(p)
		if err == io.EOF {
			z.zr = nil
			if n > 0 {
				return n, nil
			}
			continue
		}
		if err != nil {
			return n, z.rd.errorf("zlib block: %v", err)
		}
		return n, nil
	}
}

// Case returns the 1-based number of the case last read.
func (rd *Reader) Case() int { return rd.cases }

// Read reads the next case into row, which must have one element per
// variable of the dictionary. It returns io.EOF after the last case.
// Strings are trimmed of their trailing spaces; a system-missing number is
// NaN.
func (rd *Reader) Read(row []Value) error {
	if len(row) != len(rd.Dict.Variables) {
		return fmt.Errorf("spss: Read needs %d values, got %d", len(rd.Dict.Variables), len(row))
	}
	if rd.eof || (rd.Dict.Cases >= 0 && rd.cases >= rd.Dict.Cases && rd.comp == 0) {
		return io.EOF
	}
	for u := 0; u < rd.units; u++ {
		ok, err := rd.unit(rd.raw[8*u : 8*u+8])
		if err != nil {
			return err
		}
		if !ok {
			rd.eof = true
			if u == 0 {
				if z, ok := rd.src.(*zsrc); ok {
					// Data may end (bytecode 252) before the last block
					// does: read on to the trailer, which must be there.
					if _, err := io.Copy(io.Discard, z); err != nil {
						return err
					}
				}
				if rd.Dict.Cases >= 0 && rd.cases != rd.Dict.Cases {
					return rd.errorf("the file ends after case %d, but its header announces %d cases", rd.cases, rd.Dict.Cases)
				}
				return io.EOF
			}
			return rd.errorf("the file ends inside case %d", rd.cases+1)
		}
	}
	rd.cases++
	off := 0
	for i := range rd.Dict.Variables {
		v := &rd.Dict.Variables[i]
		if rd.numeric[i] {
			row[i] = Value{Num: rd.number(rd.raw[off : off+8])}
			off += 8
			continue
		}
		buf := rd.strBuf[:0]
		for _, s := range v.segments {
			buf = append(buf, rd.raw[off:off+s.used]...)
			off += 8 * s.units
		}
		rd.strBuf = buf
		row[i] = Value{Num: math.NaN(), Str: trimString(rd.text(buf))}
	}
	return nil
}

// unit reads the next 8-byte unit of case data; ok is false at the end of
// the data.
func (rd *Reader) unit(dst []byte) (ok bool, err error) {
	if rd.comp == 0 {
		n, err := io.ReadFull(rd.src, dst)
		if n == 0 && (err == io.EOF) {
			return false, nil
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				return false, rd.errorf("the file ends inside case %d", rd.cases+1)
			}
			return false, err
		}
		return true, nil
	}
	for {
		if rd.ncmd == 0 {
			n, err := io.ReadFull(rd.src, rd.cmds[:])
			if n == 0 && err == io.EOF {
				return false, nil
			}
			if err != nil {
				if errors.Is(err, io.ErrUnexpectedEOF) {
					return false, rd.errorf("the file ends inside a compressed block")
				}
				return false, err
			}
			rd.ncmd = 8
		}
		c := rd.cmds[8-rd.ncmd]
		rd.ncmd--
		switch {
		case c == 0:
			continue
		case c <= 251:
			rd.order.PutUint64(dst, math.Float64bits(float64(c)-rd.bias))
		case c == 252:
			return false, nil
		case c == 253:
			if _, err := io.ReadFull(rd.src, dst); err != nil {
				return false, rd.errorf("the file ends inside case %d", rd.cases+1)
			}
		case c == 254:
			copy(dst, "        ")
		default: // 255
			rd.order.PutUint64(dst, math.Float64bits(rd.sysmis))
		}
		return true, nil
	}
}
