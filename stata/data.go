package stata

import (
	"errors"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

func (rd *Reader) decodeDescriptors() error {
	d := rd.desc
	rd.desc = nil
	rd.Label = rd.text(d.label)
	for i := range rd.Variables {
		v := &rd.Variables[i]
		v.Name = rd.text(d.names[i])
		v.Format = rd.text(d.formats[i])
		v.ValueLabel = rd.text(d.labelNames[i])
		v.Label = rd.text(d.labels[i])
	}
	return nil
}

// Observation returns the 1-based number of the observation last read.
func (rd *Reader) Observation() int64 { return rd.obs }

// Read reads the next observation into row, which must have one element
// per variable. It returns io.EOF after the last observation.
func (rd *Reader) Read(row []Value) error {
	if len(row) != len(rd.Variables) {
		return errors.New("stata: Read needs one value per variable")
	}
	if rd.obs >= rd.Obs {
		if !rd.done {
			rd.done = true
			if rd.xml {
				if err := rd.tag("</data>"); err != nil {
					return err
				}
			}
		}
		return io.EOF
	}
	if err := rd.full(rd.rec, "an observation"); err != nil {
		return err
	}
	rd.obs++
	for i := range rd.Variables {
		v := &rd.Variables[i]
		b := rd.rec[rd.offsets[i]:]
		val := Value{Num: math.NaN()}
		switch v.typ {
		case tByte:
			x := int8(b[0])
			if x > 100 {
				val.Missing = missingLetter(int(x) - 101)
			} else {
				val.Num = float64(x)
			}
		case tInt:
			x := int16(rd.order.Uint16(b))
			if x > 32740 {
				val.Missing = missingLetter(int(x) - 32741)
			} else {
				val.Num = float64(x)
			}
		case tLong:
			x := int32(rd.order.Uint32(b))
			if x > 2147483620 {
				val.Missing = missingLetter(int(x) - 2147483621)
			} else {
				val.Num = float64(x)
			}
		case tFloat:
			bits := rd.order.Uint32(b)
			if x := math.Float32frombits(bits); bits&0x7fffffff >= 0x7f000000 && bits>>31 == 0 {
				val.Missing = missingLetter(int(bits-0x7f000000) >> 11)
			} else {
				// The float64 nearest to the shortest decimal that reads
				// back as this float32: 0.1, not 0.10000000149011612, as
				// Stata shows and exports it.
				val.Num, _ = strconv.ParseFloat(strconv.FormatFloat(float64(x), 'g', -1, 32), 64)
			}
		case tDouble:
			bits := rd.order.Uint64(b)
			if bits>>63 == 0 && bits >= 0x7fe0000000000000 {
				val.Missing = missingLetter(int((bits - 0x7fe0000000000000) >> 40))
			} else {
				val.Num = math.Float64frombits(bits)
			}
		case tStr:
			val.Str = strings.TrimRight(rd.text(b[:v.Width]), " ")
		case tStrL:
			// not read: see the package documentation
		}
		row[i] = val
	}
	return nil
}

// missingLetter maps the index of an extended missing value (0 for ".",
// 1 for ".a", …) to its letter (0 for ".").
func missingLetter(i int) byte {
	if i <= 0 || i > 26 {
		return 0
	}
	return byte('a' + i - 1)
}

// ValueLabel labels one value of a value label set.
type ValueLabel struct {
	Value   float64 // the value; NaN for an extended missing value
	Missing byte    // 'a'…'z' for ".a"…".z"
	Label   string
}

// ReadValueLabels reads the value label sets stored after the data; it
// must be called after Read has returned io.EOF. The result maps the set's
// name to its labels, in value order.
func (rd *Reader) ReadValueLabels() (map[string][]ValueLabel, error) {
	if !rd.done {
		return nil, errors.New("stata: ReadValueLabels before the end of the data")
	}
	out := map[string][]ValueLabel{}
	nameLen := 33
	if rd.Release >= 118 {
		nameLen = 129
	}
	if rd.xml {
		if err := rd.skipStrLs(); err != nil {
			return nil, err
		}
		if err := rd.tag("<value_labels>"); err != nil {
			return nil, err
		}
	}
	for i := 0; i <= maxChunks; i++ {
		if rd.xml {
			b, err := rd.in.Peek(5)
			if err != nil {
				return nil, rd.errorf("file ends inside the value labels")
			}
			if string(b) == "</val" {
				if err := rd.tag("</value_labels></stata_dta>"); err != nil {
					return nil, err
				}
				return out, nil
			}
			if err := rd.tag("<lbl>"); err != nil {
				return nil, err
			}
		} else if _, err := rd.in.Peek(1); err == io.EOF {
			return out, nil
		}
		l, err := rd.uint(4, "a value label set")
		if err != nil {
			return nil, err
		}
		name, err := rd.bytes(nameLen, "a value label set")
		if err != nil {
			return nil, err
		}
		if _, err := rd.bytes(3, "a value label set"); err != nil {
			return nil, err
		}
		table, err := rd.bytes(int(l), "a value label set")
		if err != nil {
			return nil, err
		}
		labels, err := rd.labelTable(table)
		if err != nil {
			return nil, err
		}
		out[rd.text(name)] = labels
		if rd.xml {
			if err := rd.tag("</lbl>"); err != nil {
				return nil, err
			}
		}
	}
	return nil, rd.errorf("too many value label sets")
}

func (rd *Reader) labelTable(t []byte) ([]ValueLabel, error) {
	if len(t) < 8 {
		return nil, rd.errorf("value label table of %d bytes", len(t))
	}
	n := int(rd.order.Uint32(t))
	txtLen := int(rd.order.Uint32(t[4:]))
	if n < 0 || n > len(t)/8 || 8+8*n+txtLen > len(t) || txtLen < 0 {
		return nil, rd.errorf("value label table with %d entries does not fit its %d bytes", n, len(t))
	}
	txt := t[8+8*n : 8+8*n+txtLen]
	var out []ValueLabel
	for j := 0; j < n; j++ {
		off := int(rd.order.Uint32(t[8+4*j:]))
		val := int32(rd.order.Uint32(t[8+4*n+4*j:]))
		if off < 0 || off >= len(txt) {
			return nil, rd.errorf("value label offset %d outside its text", off)
		}
		vl := ValueLabel{Value: float64(val), Label: rd.text(txt[off:])}
		if val > 2147483620 {
			vl.Value, vl.Missing = math.NaN(), missingLetter(int(val)-2147483621)
		}
		out = append(out, vl)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Missing != out[b].Missing {
			return out[a].Missing < out[b].Missing
		}
		return out[a].Value < out[b].Value
	})
	return out, nil
}

// skipStrLs skips the <strls> section of formats 117+.
func (rd *Reader) skipStrLs() error {
	if err := rd.tag("<strls>"); err != nil {
		return err
	}
	for i := 0; ; i++ {
		b, err := rd.in.Peek(3)
		if err != nil {
			return rd.errorf("file ends inside the strLs")
		}
		if string(b) != "GSO" {
			return rd.tag("</strls>")
		}
		if i > 1<<30 {
			return rd.errorf("too many strLs")
		}
		vo := 12
		if rd.Release == 117 {
			vo = 8
		}
		if _, err := rd.bytes(3+vo+1, "a strL"); err != nil {
			return err
		}
		l, err := rd.uint(4, "a strL")
		if err != nil {
			return err
		}
		if _, err := io.CopyN(io.Discard, rd.in, int64(l)); err != nil {
			return rd.errorf("file ends inside a strL")
		}
		rd.off += int64(l)
	}
}
