// Package fonttest makes font files for tests: Go Regular with a
// family and PostScript name of the test's choosing, as a hostile or
// unusual font file would carry.
package fonttest

import (
	"encoding/binary"
	"unicode/utf16"

	"golang.org/x/image/font/gofont/goregular"
)

// Renamed returns the Go Regular font (golang.org/x/image/font/gofont)
// with a name table that says family for the family and full name (name
// IDs 1 and 4) and postscript for the PostScript name (name ID 6). The new name table is appended to the file and the table
// directory is pointed at it; checksums are not updated (parsers of the
// Go ecosystem do not check them).
func Renamed(family, postscript string) []byte {
	src := goregular.TTF
	ttf := append([]byte(nil), src...)
	for len(ttf)%4 != 0 {
		ttf = append(ttf, 0)
	}
	off := uint32(len(ttf))
	table := nameTable(map[uint16]string{1: family, 4: family, 6: postscript})
	ttf = append(ttf, table...)
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	for i := range n {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "name" {
			binary.BigEndian.PutUint32(rec[8:], off)
			binary.BigEndian.PutUint32(rec[12:], uint32(len(table)))
		}
	}
	return ttf
}

// nameTable builds a format-0 name table with one Windows Unicode
// (platform 3, encoding 1, US English) record per name ID, in ID order.
func nameTable(names map[uint16]string) []byte {
	ids := []uint16{1, 4, 6}
	var storage []byte
	hdr := make([]byte, 6+12*len(ids))
	binary.BigEndian.PutUint16(hdr[2:], uint16(len(ids)))
	binary.BigEndian.PutUint16(hdr[4:], uint16(len(hdr)))
	for i, id := range ids {
		var s []byte
		for _, u := range utf16.Encode([]rune(names[id])) {
			s = binary.BigEndian.AppendUint16(s, u)
		}
		r := hdr[6+12*i:]
		binary.BigEndian.PutUint16(r[0:], 3)
		binary.BigEndian.PutUint16(r[2:], 1)
		binary.BigEndian.PutUint16(r[4:], 0x409)
		binary.BigEndian.PutUint16(r[6:], id)
		binary.BigEndian.PutUint16(r[8:], uint16(len(s)))
		binary.BigEndian.PutUint16(r[10:], uint16(len(storage)))
		storage = append(storage, s...)
	}
	return append(hdr, storage...)
}
