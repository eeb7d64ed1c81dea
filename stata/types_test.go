package stata

import (
	"bytes"
	"encoding/binary"
	"io"
	"math"
	"testing"
)

// dta114 builds a format 114 file (little-endian) with one variable of
// each numeric type and the given observations, each a list of raw
// values in type order: byte, int, long, float, double.
func dta114(rows [][5]uint64) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.Write([]byte{114, 2, 1, 0})
	binary.Write(&b, le, uint16(5))
	binary.Write(&b, le, uint32(len(rows)))
	b.Write(make([]byte, 81+18))
	b.Write([]byte{251, 252, 253, 254, 255})
	for _, n := range []string{"b", "i", "l", "f", "d"} {
		name := make([]byte, 33)
		copy(name, n)
		b.Write(name)
	}
	b.Write(make([]byte, 2*6))
	for range 5 {
		f := make([]byte, 49)
		copy(f, "%9.0g")
		b.Write(f)
	}
	b.Write(make([]byte, 5*33+5*81))
	b.Write([]byte{0, 0, 0, 0, 0})
	for _, r := range rows {
		b.WriteByte(byte(r[0]))
		binary.Write(&b, le, uint16(r[1]))
		binary.Write(&b, le, uint32(r[2]))
		binary.Write(&b, le, uint32(r[3]))
		binary.Write(&b, le, r[4])
	}
	return b.Bytes()
}

// TestNumericTypes checks every numeric type, its system missing value
// and its extended missing values, as Stata's dta documentation gives
// them.
func TestNumericTypes(t *testing.T) {
	f32 := func(x float32) uint64 { return uint64(math.Float32bits(x)) }
	rows := [][5]uint64{
		{7, 300, 70000, f32(0.1), math.Float64bits(2.5)},
		{0xfd, 0xfed4, 0xfffeee90, f32(-1.5), math.Float64bits(-0.25)}, // -3, -300, -70000 in two's complement
		{101, 32741, 2147483621, 0x7f000000, 0x7fe0000000000000},       // .
		{102, 32742, 2147483622, 0x7f000800, 0x7fe0010000000000},       // .a
		{127, 32767, 2147483647, 0x7f00d000, 0x7fe01a0000000000},       // .z
	}
	rd, err := NewReader(bytes.NewReader(dta114(rows)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := [][5]Value{
		{{Num: 7}, {Num: 300}, {Num: 70000}, {Num: 0.1}, {Num: 2.5}},
		{{Num: -3}, {Num: -300}, {Num: -70000}, {Num: -1.5}, {Num: -0.25}},
	}
	row := make([]Value, 5)
	for i := range rows {
		if err := rd.Read(row); err != nil {
			t.Fatal(err)
		}
		for j, v := range row {
			switch i {
			case 0, 1:
				if v != want[i][j] {
					t.Errorf("row %d, %s: %+v, want %+v", i, rd.Variables[j].Name, v, want[i][j])
				}
			default:
				letter := []byte{0, 'a', 'z'}[i-2]
				if !v.IsMissing() || v.Missing != letter {
					t.Errorf("row %d, %s: %+v, want missing %q", i, rd.Variables[j].Name, v, letter)
				}
			}
		}
	}
	if err := rd.Read(row); err != io.EOF {
		t.Errorf("after the last row: %v", err)
	}
}
