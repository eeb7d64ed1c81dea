package analysis

import (
	"math"
	"testing"
)

// TestDesignTableAddN: adding a row count times in one call gives the same
// Rao–Scott test as adding it count times, for respondents that are their
// own PSUs and for clustered ones.
func TestDesignTableAddN(t *testing.T) {
	type row struct {
		r         DesignRow
		i, j, cnt int
	}
	for _, psu := range []bool{false, true} {
		var rows []row
		for k := 0; k < 40; k++ {
			r := DesignRow{Stratum: []string{"a", "b"}[k%2], Weight: 1 + float64(k%3)}
			if psu {
				r.PSU = string(rune('p' + k%5))
			}
			rows = append(rows, row{r, k % 3, (k / 3) % 2, 1 + k%4})
		}
		one, _ := NewDesignTable(3, 2, LonelyFail)
		batch, _ := NewDesignTable(3, 2, LonelyFail)
		for _, rw := range rows {
			for c := 0; c < rw.cnt; c++ {
				if err := one.Add(rw.r, rw.i, rw.j); err != nil {
					t.Fatal(err)
				}
			}
			if err := batch.AddN(rw.r, rw.i, rw.j, rw.cnt); err != nil {
				t.Fatal(err)
			}
		}
		a, err := one.RaoScott()
		if err != nil {
			t.Fatal(err)
		}
		b, err := batch.RaoScott()
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range [][2]float64{{a.F, b.F}, {a.PF, b.PF}, {a.Chisq, b.Chisq}, {a.DenDF, b.DenDF}, {a.Pearson, b.Pearson}} {
			if math.Abs(p[0]-p[1]) > 1e-9*math.Max(1, math.Abs(p[0])) {
				t.Errorf("clustered %v: one by one %v, batch %v", psu, a, b)
				break
			}
		}
	}
	tab, _ := NewDesignTable(2, 2, LonelyFail)
	if err := tab.AddN(DesignRow{Weight: 1}, 0, 0, 0); err == nil {
		t.Error("count 0 accepted")
	}
}
