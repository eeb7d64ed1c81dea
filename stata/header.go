package stata

import (
	"encoding/binary"
	"strconv"
)

// raw descriptor fields, decoded once the encoding is known.
type rawDesc struct {
	names, formats, labelNames, labels [][]byte
	label                              []byte
}

// readOldHeader reads formats 113–115: a binary header, then typlist,
// varlist, srtlist, fmtlist, lbllist, variable labels and expansion
// fields.
func (rd *Reader) readOldHeader() error {
	var h [4]byte
	if err := rd.full(h[:], "the header"); err != nil {
		return err
	}
	rd.Release = int(h[0])
	if rd.Release < 113 || rd.Release > 115 {
		return rd.errorf("unknown format %d (not a .dta file, or a format before 113)", h[0])
	}
	switch h[1] {
	case 1:
		rd.order = binary.BigEndian
	case 2:
		rd.order = binary.LittleEndian
	default:
		return rd.errorf("unknown byte order %d", h[1])
	}
	k, err := rd.uint(2, "the header")
	if err != nil {
		return err
	}
	n, err := rd.uint(4, "the header")
	if err != nil {
		return err
	}
	rd.Obs = int64(n)
	d := &rawDesc{}
	if d.label, err = rd.bytes(81, "the data label"); err != nil {
		return err
	}
	if _, err := rd.bytes(18, "the time stamp"); err != nil {
		return err
	}
	types, err := rd.bytes(int(k), "the variable types")
	if err != nil {
		return err
	}
	rd.Variables = make([]Variable, k)
	for i, t := range types {
		v := &rd.Variables[i]
		switch {
		case t >= 1 && t <= 244:
			v.typ, v.Width = tStr, int(t)
		case t == 251:
			v.typ = tByte
		case t == 252:
			v.typ = tInt
		case t == 253:
			v.typ = tLong
		case t == 254:
			v.typ = tFloat
		case t == 255:
			v.typ = tDouble
		default:
			return rd.errorf("variable %d has unknown type %d", i+1, t)
		}
	}
	fmtLen := 49
	if rd.Release == 113 {
		fmtLen = 12
	}
	read := func(dst *[][]byte, size int, what string) error {
		for range rd.Variables {
			b, err := rd.bytes(size, what)
			if err != nil {
				return err
			}
			*dst = append(*dst, b)
		}
		return nil
	}
	if err := read(&d.names, 33, "the variable names"); err != nil {
		return err
	}
	if _, err := rd.bytes(2*(int(k)+1), "the sort list"); err != nil {
		return err
	}
	if err := read(&d.formats, fmtLen, "the formats"); err != nil {
		return err
	}
	if err := read(&d.labelNames, 33, "the value label names"); err != nil {
		return err
	}
	if err := read(&d.labels, 81, "the variable labels"); err != nil {
		return err
	}
	for i := 0; ; i++ {
		if i > maxChunks {
			return rd.errorf("too many expansion fields")
		}
		t, err := rd.uint(1, "the expansion fields")
		if err != nil {
			return err
		}
		l, err := rd.uint(4, "the expansion fields")
		if err != nil {
			return err
		}
		if t == 0 && l == 0 {
			break
		}
		if _, err := rd.bytes(int(l), "an expansion field"); err != nil {
			return err
		}
	}
	rd.desc = d
	return nil
}

// readXMLHeader reads formats 117–119 up to and including <data>.
func (rd *Reader) readXMLHeader() error {
	if err := rd.tag("<stata_dta><header><release>"); err != nil {
		return err
	}
	rel, err := rd.bytes(3, "the release")
	if err != nil {
		return err
	}
	rd.Release, err = strconv.Atoi(string(rel))
	if err != nil || rd.Release < 117 || rd.Release > 119 {
		return rd.errorf("unknown format %q", rel)
	}
	if err := rd.tag("</release><byteorder>"); err != nil {
		return err
	}
	bo, err := rd.bytes(3, "the byte order")
	if err != nil {
		return err
	}
	switch string(bo) {
	case "MSF":
		rd.order = binary.BigEndian
	case "LSF":
		rd.order = binary.LittleEndian
	default:
		return rd.errorf("unknown byte order %q", bo)
	}
	if err := rd.tag("</byteorder><K>"); err != nil {
		return err
	}
	ksize, nsize, lsize, nameLen, fmtLen, labLen, sortSize := 2, 8, 2, 129, 57, 321, 2
	switch rd.Release {
	case 117:
		nsize, lsize, nameLen, fmtLen, labLen = 4, 1, 33, 49, 81
	case 119:
		ksize, sortSize = 4, 4
	}
	k, err := rd.uint(ksize, "the number of variables")
	if err != nil {
		return err
	}
	if k > maxVars {
		return rd.errorf("%d variables", k)
	}
	if err := rd.tag("</K><N>"); err != nil {
		return err
	}
	n, err := rd.uint(nsize, "the number of observations")
	if err != nil {
		return err
	}
	rd.Obs = int64(n)
	if err := rd.tag("</N><label>"); err != nil {
		return err
	}
	d := &rawDesc{}
	ll, err := rd.uint(lsize, "the data label")
	if err != nil {
		return err
	}
	if d.label, err = rd.bytes(int(ll), "the data label"); err != nil {
		return err
	}
	if err := rd.tag("</label><timestamp>"); err != nil {
		return err
	}
	tl, err := rd.uint(1, "the time stamp")
	if err != nil {
		return err
	}
	if _, err := rd.bytes(int(tl), "the time stamp"); err != nil {
		return err
	}
	if err := rd.tag("</timestamp></header><map>"); err != nil {
		return err
	}
	if _, err := rd.bytes(14*8, "the map"); err != nil {
		return err
	}
	if err := rd.tag("</map><variable_types>"); err != nil {
		return err
	}
	rd.Variables = make([]Variable, k)
	for i := range rd.Variables {
		t, err := rd.uint(2, "the variable types")
		if err != nil {
			return err
		}
		v := &rd.Variables[i]
		switch {
		case t >= 1 && t <= 2045:
			v.typ, v.Width = tStr, int(t)
		case t == 32768:
			v.typ, v.Width = tStrL, -1
		case t == 65530:
			v.typ = tByte
		case t == 65529:
			v.typ = tInt
		case t == 65528:
			v.typ = tLong
		case t == 65527:
			v.typ = tFloat
		case t == 65526:
			v.typ = tDouble
		default:
			return rd.errorf("variable %d has unknown type %d", i+1, t)
		}
	}
	section := func(open, close string, dst *[][]byte, size int) error {
		if err := rd.tag(open); err != nil {
			return err
		}
		for range rd.Variables {
			b, err := rd.bytes(size, open)
			if err != nil {
				return err
			}
			if dst != nil {
				*dst = append(*dst, b)
			}
		}
		return rd.tag(close)
	}
	if err := section("</variable_types><varnames>", "</varnames>", &d.names, nameLen); err != nil {
		return err
	}
	if err := rd.tag("<sortlist>"); err != nil {
		return err
	}
	if _, err := rd.bytes(sortSize*(int(k)+1), "the sort list"); err != nil {
		return err
	}
	if err := section("</sortlist><formats>", "</formats>", &d.formats, fmtLen); err != nil {
		return err
	}
	if err := section("<value_label_names>", "</value_label_names>", &d.labelNames, nameLen); err != nil {
		return err
	}
	if err := section("<variable_labels>", "</variable_labels>", &d.labels, labLen); err != nil {
		return err
	}
	if err := rd.tag("<characteristics>"); err != nil {
		return err
	}
	for i := 0; ; i++ {
		if i > maxChunks {
			return rd.errorf("too many characteristics")
		}
		b, err := rd.in.Peek(4)
		if err != nil {
			return rd.errorf("file ends inside the characteristics")
		}
		if string(b) == "</ch" {
			if err := rd.tag("</characteristics><data>"); err != nil {
				return err
			}
			break
		}
		if err := rd.tag("<ch>"); err != nil {
			return err
		}
		l, err := rd.uint(4, "a characteristic")
		if err != nil {
			return err
		}
		if _, err := rd.bytes(int(l), "a characteristic"); err != nil {
			return err
		}
		if err := rd.tag("</ch>"); err != nil {
			return err
		}
	}
	rd.desc = d
	return nil
}
