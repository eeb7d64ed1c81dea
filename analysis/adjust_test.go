package analysis

import (
	"fmt"
	"math"
	"testing"
)

func TestAdjustR(t *testing.T) {
	rows := designCSV(t, "padjust.csv")
	p := make([]float64, len(rows))
	for i, r := range rows {
		p[i] = designNum(t, r["p"])
	}
	holm, bh := HolmAdjust(p), BHAdjust(p)
	for i, r := range rows {
		if !designClose(holm[i], designNum(t, r["holm"]), 1e-12) || !designClose(bh[i], designNum(t, r["BH"]), 1e-12) {
			t.Errorf("p %v: holm %v BH %v, R %s %s", p[i], holm[i], bh[i], r["holm"], r["BH"])
		}
	}
}

func TestAdjustEdges(t *testing.T) {
	if len(HolmAdjust(nil)) != 0 || len(BHAdjust(nil)) != 0 {
		t.Error("empty input")
	}
	p := []float64{0.02, math.NaN(), 0.03}
	h, b := HolmAdjust(p), BHAdjust(p)
	// m = 2: the NaN does not count.
	if h[0] != 0.04 || !math.IsNaN(h[1]) || h[2] != 0.04 || b[0] != 0.03 || !math.IsNaN(b[1]) || b[2] != 0.03 {
		t.Errorf("holm %v BH %v", h, b)
	}
	if h := HolmAdjust([]float64{0.9, 0.8}); h[0] != 1 || h[1] != 1 {
		t.Errorf("capped at 1: %v", h)
	}
}

func ExampleHolmAdjust() {
	p := []float64{0.01, 0.04, 0.03, 0.005}
	fmt.Printf("%.3f\n", HolmAdjust(p))
	fmt.Printf("%.3f\n", BHAdjust(p))
	// Output:
	// [0.030 0.060 0.060 0.020]
	// [0.020 0.040 0.040 0.020]
}
