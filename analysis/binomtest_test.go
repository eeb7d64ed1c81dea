package analysis

import (
	"errors"
	"math"
	"testing"
)

func TestBinomialTestR(t *testing.T) {
	// R: binom.test(51, 235, 1/6, alternative = …)$p.value.
	tests := []struct {
		alt  Alternative
		want float64
	}{
		{TwoSided, 0.0437479701823997},
		{Greater, 0.02654424571169085},
		{Less, 0.982022657605858},
	}
	for _, tt := range tests {
		got, err := BinomialTest(51, 235, 1.0/6, tt.alt)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.PValue-tt.want) > 1e-12*tt.want || got.Statistic != 51 {
			t.Errorf("BinomialTest(51, 235, 1/6, %v) = %+v, want p %.16g", tt.alt, got, tt.want)
		}
	}
}

// At p0 = 1/2 the distribution is symmetric and the two-sided p-value is
// twice the smaller tail, capped at 1; R's relErr makes the mirror outcome
// count despite rounding.
func TestBinomialTestSymmetric(t *testing.T) {
	for _, n := range []int{1, 10, 37, 1000} {
		for x := 0; x <= n; x += 1 + n/13 {
			got, err := BinomialTest(x, n, 0.5, TwoSided)
			if err != nil {
				t.Fatal(err)
			}
			tail := math.Min(binomLower(float64(x), float64(n), 0.5), binomUpper(float64(x), float64(n), 0.5))
			if want := math.Min(1, 2*tail); math.Abs(got.PValue-want) > 1e-13 {
				t.Errorf("BinomialTest(%d, %d, 0.5) p = %.16g, want %.16g", x, n, got.PValue, want)
			}
		}
	}
}

func TestBinomialTestEdges(t *testing.T) {
	tests := []struct {
		x, n int
		p0   float64
		alt  Alternative
		want float64
	}{
		{0, 10, 0, TwoSided, 1},
		{1, 10, 0, TwoSided, 0},
		{10, 10, 1, TwoSided, 1},
		{9, 10, 1, TwoSided, 0},
		{5, 10, 0.5, TwoSided, 1},
		{0, 5, 0.3, Less, math.Pow(0.7, 5)},
		{5, 5, 0.3, Greater, math.Pow(0.3, 5)},
	}
	for _, tt := range tests {
		got, err := BinomialTest(tt.x, tt.n, tt.p0, tt.alt)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got.PValue-tt.want) > 1e-14 {
			t.Errorf("BinomialTest(%d, %d, %v, %v) p = %v, want %v", tt.x, tt.n, tt.p0, tt.alt, got.PValue, tt.want)
		}
	}
	for _, bad := range []struct {
		x, n int
		p0   float64
		want error
	}{{1, 0, .5, ErrEmptyBase}, {3, 2, .5, ErrCount}, {-1, 2, .5, ErrCount}, {1, 2, 1.5, ErrNull}, {1, 2, math.NaN(), ErrNull}} {
		if _, err := BinomialTest(bad.x, bad.n, bad.p0, TwoSided); !errors.Is(err, bad.want) {
			t.Errorf("BinomialTest(%d, %d, %v) error %v, want %v", bad.x, bad.n, bad.p0, err, bad.want)
		}
	}
}

// The score test is the test the Wilson interval inverts: at p0 equal to
// a Wilson limit the two-sided p-value is exactly α.
func TestScoreTestInvertsWilson(t *testing.T) {
	for _, c := range [][2]float64{{3, 17}, {81, 263}, {0.5, 4.25}} {
		iv, err := Wilson(c[0], c[1], 0.95)
		if err != nil {
			t.Fatal(err)
		}
		for _, p0 := range []float64{iv.Lower, iv.Upper} {
			r, err := ScoreTest(c[0], c[1], p0, TwoSided)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(r.PValue-0.05) > 1e-12 || math.Abs(r.Statistic-math.Pow(zQuantile(0.95), 2)) > 1e-9 {
				t.Errorf("ScoreTest(%v, %v, %v) = %+v, want p 0.05", c[0], c[1], p0, r)
			}
		}
	}
	if _, err := ScoreTest(1, 2, 0, TwoSided); !errors.Is(err, ErrNull) {
		t.Errorf("p0 = 0: error %v, want ErrNull", err)
	}
}
