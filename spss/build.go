package spss

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// buildDictionary turns the raw records into Variables: it applies the
// encoding, long names (7.13), very long strings (7.14), value labels
// (records 3 and 4, 7.21) and missing values (7.22).
func (rd *Reader) buildDictionary(vars []rawVar, labelSets []rawLabels, docs [][]byte, ext map[int][]byte, opt Options) error {
	name := opt.Encoding
	if name == "" {
		name = string(bytes.TrimRight(ext[20], "\x00 "))
	}
	codePage := 0
	if b := ext[3]; len(b) >= 32 {
		codePage = int(int32(rd.order.Uint32(b[28:])))
	}
	enc, canon, err := encodingFor(name, codePage)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	rd.Dict.Encoding = canon
	if enc != nil {
		rd.dec = enc.NewDecoder()
	}
	if b := ext[4]; len(b) >= 8 {
		rd.sysmis = math.Float64frombits(rd.order.Uint64(b[:8]))
	}
	rd.Dict.Label = strings.TrimRight(rd.text([]byte(rd.Dict.Label)), " ")
	for _, d := range docs {
		rd.Dict.Documents = append(rd.Dict.Documents, strings.TrimRight(rd.text(d), " "))
	}

	// Variables and the dictionary index (1-based, counting continuation
	// records) of each.
	byIndex := map[int]int{}
	var out []Variable
	units := 0
	for i := 0; i < len(vars); {
		v := vars[i]
		if v.continues {
			return rd.errorf("a continuation record without a string variable before it (dictionary index %d)", i+1)
		}
		width := v.typ
		n := 1
		if width > 0 {
			n = (width + 7) / 8
		}
		for k := 1; k < n; k++ {
			if i+k >= len(vars) || !vars[i+k].continues {
				return rd.errorf("string variable %q of width %d lacks continuation records", v.name, width)
			}
		}
		short := rd.text(v.name)
		x := Variable{Name: short, ShortName: short, Label: rd.text(v.label), Width: width, index: i + 1,
			Format:   Format{Type: v.print >> 16 & 0xff, Width: v.print >> 8 & 0xff, Decimals: v.print & 0xff},
			segments: []segment{{units: n, used: width}}}
		x.Missing = rd.missing(v, width == 0)
		byIndex[i+1] = len(out)
		out = append(out, x)
		units += n
		i += n
	}
	if units == 0 {
		return rd.errorf("the dictionary has no variables")
	}
	rd.units = units

	// Very long strings: the first segment carries the short name; the
	// following variables are its other segments.
	if b := ext[14]; len(b) > 0 {
		widths := map[string]int{}
		for _, kv := range strings.Split(rd.text(b), "\t") {
			kv = strings.Trim(kv, "\x00")
			k, val, ok := strings.Cut(kv, "=")
			if !ok {
				continue
			}
			w, err := strconv.Atoi(strings.TrimLeft(strings.TrimRight(val, "\x00 "), "0"))
			if err != nil || w < 256 || w > 32767 {
				return rd.errorf("very long string record: width %q of %s", val, k)
			}
			widths[k] = w
		}
		var merged []Variable
		for i := 0; i < len(out); i++ {
			v := out[i]
			w, ok := widths[v.ShortName]
			if !ok {
				merged = append(merged, v)
				continue
			}
			nseg := (w + 251) / 252
			if i+nseg > len(out) {
				return rd.errorf("very long string %s: %d segments expected, the dictionary ends first", v.ShortName, nseg)
			}
			v.Width = w
			v.segments = nil
			for k := 0; k < nseg; k++ {
				seg := out[i+k].segments[0]
				// Every segment but the last is a string of width 255
				// holding 255 bytes of the value; the last has width
				// w − 252·k and holds the remaining w − 255·k bytes (as
				// GNU PSPP and SPSS write them).
				alloc, used := 255, 255
				if k == nseg-1 {
					alloc, used = w-252*k, w-255*k
				}
				if out[i+k].Width != alloc && !(k == nseg-1 && (out[i+k].Width+7)/8 == (alloc+7)/8) {
					return rd.errorf("very long string %s: segment %d has width %d, want %d", v.ShortName, k+1, out[i+k].Width, alloc)
				}
				v.segments = append(v.segments, segment{units: seg.units, used: used})
			}
			merged = append(merged, v)
			i += nseg - 1
		}
		out = merged
		byIndex = map[int]int{}
		for i := range out {
			byIndex[out[i].index] = i
		}
	}

	// Long names.
	if b := ext[13]; len(b) > 0 {
		long := map[string]string{}
		for _, kv := range strings.Split(rd.text(b), "\t") {
			if k, val, ok := strings.Cut(kv, "="); ok {
				long[k] = val
			}
		}
		for i := range out {
			if l, ok := long[out[i].ShortName]; ok && l != "" {
				out[i].Name = l
			}
		}
	}

	// Value labels.
	for _, ls := range labelSets {
		for _, di := range ls.vars {
			vi, ok := byIndex[di]
			if !ok {
				return rd.errorf("value labels for dictionary index %d, which is not a variable", di)
			}
			v := &out[vi]
			for j, raw := range ls.values {
				val := Value{Num: math.NaN()}
				if v.Numeric() {
					val.Num = rd.number(raw[:])
				} else {
					val = Value{Num: math.NaN(), Str: trimString(rd.text21(raw[:]))}
				}
				v.ValueLabels = append(v.ValueLabels, ValueLabel{Value: val, Label: rd.text(ls.labels[j])})
			}
		}
	}
	byName := map[string]int{}
	for i := range out {
		byName[strings.ToUpper(out[i].Name)] = i
		byName[strings.ToUpper(out[i].ShortName)] = i
	}
	if err := rd.longStringLabels(ext[21], out, byName); err != nil {
		return err
	}
	if err := rd.longStringMissing(ext[22], out, byName); err != nil {
		return err
	}
	if rd.weightIndex != 0 {
		vi, ok := byIndex[rd.weightIndex]
		if !ok || !out[vi].Numeric() {
			return rd.errorf("the weight index %d is not a numeric variable", rd.weightIndex)
		}
		rd.Dict.Weight = out[vi].Name
	}
	rd.Dict.Variables = out
	return nil
}

func (rd *Reader) number(b []byte) float64 {
	x := math.Float64frombits(rd.order.Uint64(b))
	if x == rd.sysmis || math.IsNaN(x) {
		return math.NaN()
	}
	return x
}

func (rd *Reader) missing(v rawVar, numeric bool) Missing {
	var m Missing
	vals := v.miss
	if v.nmiss < 0 {
		m.HasRange = true
		m.Low = math.Float64frombits(rd.order.Uint64(vals[0][:]))
		m.High = math.Float64frombits(rd.order.Uint64(vals[1][:]))
		vals = vals[2:]
	}
	for _, b := range vals {
		if numeric {
			m.Values = append(m.Values, Value{Num: math.Float64frombits(rd.order.Uint64(b[:]))})
		} else {
			m.Values = append(m.Values, Value{Str: trimString(rd.text(b[:]))})
		}
	}
	return m
}

// byteCursor reads length-prefixed fields of records 7.21 and 7.22.
type byteCursor struct {
	rd  *Reader
	b   []byte
	bad bool
}

func (c *byteCursor) int32() int {
	if len(c.b) < 4 {
		c.bad = true
		return 0
	}
	x := int(int32(c.rd.order.Uint32(c.b)))
	c.b = c.b[4:]
	return x
}

func (c *byteCursor) bytes(n int) []byte {
	if n < 0 || n > len(c.b) {
		c.bad = true
		c.b = nil
		return nil
	}
	x := c.b[:n]
	c.b = c.b[n:]
	return x
}

func (rd *Reader) longStringLabels(b []byte, out []Variable, byName map[string]int) error {
	c := &byteCursor{rd: rd, b: b}
	for len(c.b) > 0 && !c.bad {
		name := rd.text(c.bytes(c.int32()))
		c.int32() // width
		n := c.int32()
		if c.bad || n < 0 || n > maxLabels {
			break
		}
		vi, ok := byName[strings.ToUpper(name)]
		for j := 0; j < n && !c.bad; j++ {
			val := trimString(rd.text21(c.bytes(c.int32())))
			lab := rd.text21(c.bytes(c.int32()))
			if ok {
				out[vi].ValueLabels = append(out[vi].ValueLabels, ValueLabel{Value: Value{Str: val}, Label: lab})
			}
		}
	}
	if c.bad {
		return rd.errorf("malformed long string value label record (7.21)")
	}
	return nil
}

func (rd *Reader) longStringMissing(b []byte, out []Variable, byName map[string]int) error {
	c := &byteCursor{rd: rd, b: b}
	for len(c.b) > 0 && !c.bad {
		name := rd.text(c.bytes(c.int32()))
		nb := c.bytes(1)
		if c.bad {
			break
		}
		n := int(nb[0])
		size := c.int32()
		vi, ok := byName[strings.ToUpper(name)]
		for j := 0; j < n && !c.bad; j++ {
			val := trimString(rd.text(c.bytes(size)))
			if ok {
				out[vi].Missing.Values = append(out[vi].Missing.Values, Value{Str: val})
			}
		}
	}
	if c.bad {
		return rd.errorf("malformed long string missing value record (7.22)")
	}
	return nil
}

// text21 decodes a string value of a value label (records 3 and 7.21) or
// a label of record 7.21. GNU PSPP 1.6 writes them in UTF-8 whatever the
// file's encoding, so bytes that are valid UTF-8
// with a multi-byte sequence are taken as UTF-8 (in windows-1252 text such
// sequences, like "Ã¼", practically never occur).
func (rd *Reader) text21(b []byte) string {
	if rd.dec != nil && utf8.Valid(b) {
		for _, c := range b {
			if c >= 0x80 {
				return string(b)
			}
		}
	}
	return rd.text(b)
}
