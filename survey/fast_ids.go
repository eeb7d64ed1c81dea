package survey

import (
	"math"
	"strconv"
	"strings"
)

// idSet remembers the respondent ids of a file and the line each was first
// seen on, in little memory per id.
//
// Ids of the usual form — a fixed prefix and a number, such as R0001 or
// 100234 — are kept exactly in pages of a table indexed by the number: 2
// bytes per id when the numbers are dense and each page's ids lie within
// 65535 lines of each other (as when the file is sorted by id), 4 bytes
// otherwise. All other ids (and all ids,
// once the numbers turn out to be sparse) are kept as 64-bit FNV-1a hashes
// with their line: two different ids are taken for duplicates only if
// their hashes collide, which for n ids happens with probability about
// n²/2⁶⁵ (3·10⁻⁶ for ten million ids).
type idSet struct {
	decided bool   // the numeric form is fixed by the first id
	numeric bool   // ids of the numeric form go to pages
	prefix  string // the numeric form: prefix,
	width   int    // and the number of digits (0: any, without leading zeros)

	pages  map[uint64]*idPage // number>>idPageBits → lines, 0 for unseen
	last   *idPage            // the page of lastNo, the page most recently used
	lastNo uint64
	nums   int // ids kept in pages

	hashed map[uint64]int // FNV-1a hash of the id → line
}

const idPageBits = 12

// idPage holds the lines of 4096 consecutive numbers: as offsets from
// base in narrow, until one does not fit, then in wide. 0 means unseen.
type idPage struct {
	base   int
	narrow *[1 << idPageBits]uint16
	wide   *[1 << idPageBits]uint32
}

func (p *idPage) get(i uint64) int {
	if p.wide != nil {
		return int(p.wide[i])
	}
	if d := p.narrow[i]; d != 0 {
		return p.base + int(d) - 1
	}
	return 0
}

func (p *idPage) set(i uint64, line int) {
	if p.wide == nil {
		if d := line - p.base + 1; d > 0 && d <= 0xffff {
			p.narrow[i] = uint16(d)
			return
		}
		p.wide = new([1 << idPageBits]uint32)
		for j, d := range p.narrow {
			if d != 0 {
				p.wide[j] = uint32(p.base + int(d) - 1)
			}
		}
		p.narrow = nil
	}
	p.wide[i] = uint32(line)
}

func newIDSet() *idSet {
	return &idSet{pages: map[uint64]*idPage{}, hashed: map[uint64]int{}}
}

// add records id, first seen on line, and returns false; for an id seen
// before it returns the line it was first seen on and true.
func (s *idSet) add(id string, line int) (first int, dup bool) {
	if !s.decided {
		s.decided = true
		p, d := splitNumber(id)
		if d != "" && uint64(line) <= math.MaxUint32 {
			s.numeric, s.prefix = true, p
			if d[0] == '0' && len(d) > 1 {
				s.width = len(d)
			}
		}
	}
	if s.numeric && uint64(line) <= math.MaxUint32 {
		if n, ok := s.number(id); ok {
			return s.addNumber(n, line)
		}
	}
	return s.addHash(hashID(id), line)
}

// addBytes is add for an id held in a byte slice; it allocates nothing for
// an id that was not seen before.
func (s *idSet) addBytes(id []byte, line int) (first int, dup bool) {
	if !s.decided || !s.numeric {
		if s.decided {
			return s.addHash(hashIDBytes(id), line)
		}
		return s.add(string(id), line)
	}
	if uint64(line) <= math.MaxUint32 {
		p, d := splitNumberBytes(id)
		if string(p) == s.prefix && s.numberForm(d) {
			return s.addNumber(digitsValue(d), line)
		}
	}
	return s.addHash(hashIDBytes(id), line)
}

// number returns the number of an id of the numeric form.
func (s *idSet) number(id string) (uint64, bool) {
	p, d := splitNumber(id)
	if p != s.prefix || !s.numberForm([]byte(d)) {
		return 0, false
	}
	n, err := strconv.ParseUint(d, 10, 64)
	return n, err == nil
}

// numberForm reports whether digits d are of the set's numeric form: the
// fixed width, or any width without leading zeros. Within the form,
// different digit strings are different numbers.
func (s *idSet) numberForm(d []byte) bool {
	if len(d) == 0 || len(d) > 18 {
		return false
	}
	if s.width > 0 {
		return len(d) == s.width
	}
	return d[0] != '0' || len(d) == 1
}

func (s *idSet) addNumber(n uint64, line int) (int, bool) {
	no := n >> idPageBits
	p := s.last
	if p == nil || no != s.lastNo {
		p = s.pages[no]
		if p == nil {
			// Sparse numbers would waste pages: keep every id as a hash
			// from now on.
			if len(s.pages) >= 64 && (len(s.pages)+1)<<idPageBits > 8*s.nums {
				s.demote()
				return s.addHash(hashID(s.format(n)), line)
			}
			p = &idPage{base: line, narrow: new([1 << idPageBits]uint16)}
			s.pages[no] = p
		}
		s.last, s.lastNo = p, no
	}
	i := n & (1<<idPageBits - 1)
	if first := p.get(i); first != 0 {
		return first, true
	}
	p.set(i, line)
	s.nums++
	return 0, false
}

func (s *idSet) addHash(h uint64, line int) (int, bool) {
	if first, ok := s.hashed[h]; ok {
		return first, true
	}
	s.hashed[h] = line
	return 0, false
}

// demote moves the ids kept in pages to the hashes.
func (s *idSet) demote() {
	for no, p := range s.pages {
		for i := range uint64(1 << idPageBits) {
			if line := p.get(i); line != 0 {
				s.hashed[hashID(s.format(no<<idPageBits|i))] = line
			}
		}
	}
	s.numeric, s.pages, s.last, s.nums = false, nil, nil, 0
}

// format returns the id of number n in the numeric form.
func (s *idSet) format(n uint64) string {
	d := strconv.FormatUint(n, 10)
	if len(d) < s.width {
		d = strings.Repeat("0", s.width-len(d)) + d
	}
	return s.prefix + d
}

// digitsValue returns the value of at most 19 ASCII digits.
func digitsValue(d []byte) uint64 {
	var n uint64
	for _, c := range d {
		n = n*10 + uint64(c-'0')
	}
	return n
}

// splitNumber splits an id into a prefix and its trailing ASCII digits.
func splitNumber(id string) (prefix, digits string) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	return id[:i], id[i:]
}

func splitNumberBytes(id []byte) (prefix, digits []byte) {
	i := len(id)
	for i > 0 && id[i-1] >= '0' && id[i-1] <= '9' {
		i--
	}
	return id[:i], id[i:]
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashID(id string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(id); i++ {
		h = (h ^ uint64(id[i])) * fnvPrime
	}
	return h
}

func hashIDBytes(id []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range id {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}
