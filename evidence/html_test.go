package evidence

import (
	"strings"
	"testing"
)

// TestExhibitHeadKeepsFirstClaim checks that in the HTML brief an
// exhibit's heading, verdict and legal factor sit in one block with its
// first claim, a block printing never splits, and that the further claims
// follow, numbered on: a page never ends with an exhibit's heading alone.
func TestExhibitHeadKeepsFirstClaim(t *testing.T) {
	d, _ := build(t, "en", [2]float64{70, 100}, [2]float64{20, 100})
	b, err := HTML(d)
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	if !strings.Contains(html, ".exhibit-head { break-inside: avoid; }") {
		t.Error("no rule keeping an exhibit's head together")
	}
	heads := strings.Split(html, `<div class="exhibit-head">`)[1:]
	if len(heads) != len(d.Exhibits) {
		t.Fatalf("%d exhibit heads, want %d", len(heads), len(d.Exhibits))
	}
	for i, h := range heads {
		x := d.Exhibits[i]
		head, rest, _ := strings.Cut(h, "</div>")
		if !strings.Contains(head, "<h2>") || !strings.Contains(head, "Verdict") || strings.Count(head, "<li>") != 1 {
			t.Errorf("exhibit %d: head %q, want heading, verdict and the first claim", x.Number, head)
		}
		rest, _, _ = strings.Cut(rest, `<span class="label">Data status`)
		if more := len(x.Findings) - 1; strings.Count(rest, "<li>") != more || (more > 0) != strings.Contains(rest, `<ol class="findings" start="2">`) {
			t.Errorf("exhibit %d: after the head %q, want %d further claims numbered from 2", x.Number, rest, more)
		}
	}
}
