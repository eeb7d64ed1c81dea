package spss

import (
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"testing"
)

// build writes a minimal system file by the format's description: a
// numeric variable X and an 8-byte string S, cases of (x, s), with the
// given byte order, uncompressed or bytecode-compressed (bias 100).
func build(order binary.ByteOrder, bytecode bool, cases []struct {
	x float64
	s string
}) []byte {
	var b bytes.Buffer
	w := func(v any) { binary.Write(&b, order, v) }
	pad := func(s string, n int) []byte { p := bytes.Repeat([]byte{' '}, n); copy(p, s); return p }
	b.WriteString("$FL2")
	b.Write(pad("@(#) test", 60))
	comp := int32(0)
	if bytecode {
		comp = 1
	}
	w(int32(2))          // layout code
	w(int32(2))          // nominal case size
	w(comp)              // compression
	w(int32(0))          // weight index
	w(int32(len(cases))) // cases
	w(float64(100))      // bias
	b.Write(pad("01 Jan 25", 9))
	b.Write(pad("00:00:00", 8))
	b.Write(pad("", 64))
	b.Write(make([]byte, 3))
	for _, v := range []struct {
		typ  int32
		name string
	}{{0, "X"}, {8, "S"}} {
		w(int32(2))
		w(v.typ)
		w(int32(0)) // no label
		w(int32(0)) // no missing values
		w(int32(5<<16 | 8<<8 | 2))
		w(int32(5<<16 | 8<<8 | 2))
		b.Write(pad(v.name, 8))
	}
	w(int32(999))
	w(int32(0))
	if !bytecode {
		for _, c := range cases {
			w(c.x)
			b.Write(pad(c.s, 8))
		}
		return b.Bytes()
	}
	var cmds []byte
	var raw [][]byte
	flush := func() {
		for len(cmds) < 8 {
			cmds = append(cmds, 0)
		}
		b.Write(cmds)
		for _, r := range raw {
			b.Write(r)
		}
		cmds, raw = nil, nil
	}
	add := func(c byte, r []byte) {
		cmds = append(cmds, c)
		if r != nil {
			raw = append(raw, r)
		}
		if len(cmds) == 8 {
			flush()
		}
	}
	for _, c := range cases {
		switch {
		case math.IsNaN(c.x):
			add(255, nil)
		case c.x == math.Trunc(c.x) && c.x > -100 && c.x < 152:
			add(byte(c.x+100), nil)
		default:
			var r [8]byte
			order.PutUint64(r[:], math.Float64bits(c.x))
			add(253, r[:])
		}
		if c.s == "" {
			add(254, nil)
		} else {
			add(253, pad(c.s, 8))
		}
	}
	add(252, nil)
	flush()
	return b.Bytes()
}

// TestByteOrderAndBytecode reads files of both byte orders, uncompressed
// and with every bytecode (bias codes, 253 raw, 254 spaces, 255
// system-missing, 252 end of data, 0 padding).
func TestByteOrderAndBytecode(t *testing.T) {
	cases := []struct {
		x float64
		s string
	}{{1, "ab"}, {-99, ""}, {1.5, "zz"}, {math.NaN(), "12345678"}, {1e6, "x"}}
	for _, order := range []binary.ByteOrder{binary.LittleEndian, binary.BigEndian} {
		for _, bytecode := range []bool{false, true} {
			rd, err := NewReader(bytes.NewReader(build(order, bytecode, cases)), Options{})
			if err != nil {
				t.Fatalf("%v, bytecode %v: %v", order, bytecode, err)
			}
			row := make([]Value, 2)
			for i, c := range cases {
				if err := rd.Read(row); err != nil {
					t.Fatalf("%v, bytecode %v, case %d: %v", order, bytecode, i+1, err)
				}
				if (math.IsNaN(c.x) != row[0].IsSysmis()) || (!math.IsNaN(c.x) && row[0].Num != c.x) || row[1].Str != c.s {
					t.Errorf("%v, bytecode %v, case %d: %+v, want %v %q", order, bytecode, i+1, row, c.x, c.s)
				}
			}
			if err := rd.Read(row); err != io.EOF {
				t.Errorf("%v, bytecode %v: after the last case: %v", order, bytecode, err)
			}
		}
	}
}
