package survey

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestProgressReader(t *testing.T) {
	var got []int64
	p := NewProgressReader(iotest.OneByteReader(strings.NewReader("abcdefghij")), 4, func(n int64) { got = append(got, n) })
	b, err := io.ReadAll(p)
	if err != nil || string(b) != "abcdefghij" {
		t.Fatalf("read %q, %v", b, err)
	}
	want := []int64{4, 8, 10}
	if len(got) != len(want) {
		t.Fatalf("reports %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("reports %v, want %v", got, want)
		}
	}
	if p.BytesRead() != 10 {
		t.Errorf("BytesRead = %d", p.BytesRead())
	}
}
