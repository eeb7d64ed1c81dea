package analysis

import (
	"errors"
	"math"
	"testing"
)

// Newcombe (1998b), Table II, method 10.
func TestNewcombeDiffPublished(t *testing.T) {
	tests := []struct {
		x1, n1, x2, n2 float64
		lo, hi         float64
	}{
		{56, 70, 48, 80, .0524, .3339},
		{9, 10, 3, 10, .1705, .8090},
		{5, 56, 0, 29, -.0381, .1926},
		{0, 10, 0, 20, -.1611, .2775},
		{10, 10, 0, 20, .6791, 1},
	}
	for _, tt := range tests {
		got, err := NewcombeDiff(tt.x1, tt.n1, tt.x2, tt.n2, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if round4(got.Lower) != tt.lo || round4(got.Upper) != tt.hi {
			t.Errorf("NewcombeDiff(%v/%v − %v/%v) = %.6f–%.6f, want %.4f–%.4f", tt.x1, tt.n1, tt.x2, tt.n2, got.Lower, got.Upper, tt.lo, tt.hi)
		}
	}
	if _, err := NewcombeDiff(1, 2, 3, 2, 0.95); !errors.Is(err, ErrCount) {
		t.Errorf("x2 > n2: error %v, want ErrCount", err)
	}
}

// With no discordant pairs Tango's interval has the closed form
// ±z²/(n + z²) (Tango 1998, section 3) and Newcombe's method 10 with φ = 1
// after correction is narrower; both must contain 0.
func TestPairedDiff(t *testing.T) {
	z := zQuantile(0.95)
	tg, err := PairedDiff(5, 0, 0, 5, 0.95, "tango")
	if err != nil {
		t.Fatal(err)
	}
	want := z * z / (10 + z*z)
	if math.Abs(tg.Lower+want) > 1e-12 || math.Abs(tg.Upper-want) > 1e-12 {
		t.Errorf("tango 5,0,0,5 = %v, want ±%v", tg, want)
	}
	// With φ = 0 (an empty margin) Newcombe's paired interval is the
	// independent one.
	nc, err := PairedDiff(0, 0, 0, 10, 0.95, "newcombe")
	if err != nil {
		t.Fatal(err)
	}
	ind, _ := NewcombeDiff(0, 10, 0, 10, 0.95)
	if math.Abs(nc.Lower-ind.Lower) > 1e-15 || math.Abs(nc.Upper-ind.Upper) > 1e-15 {
		t.Errorf("newcombe 0,0,0,10 = %v, want %v", nc, ind)
	}
	// Tango's limits are where the score statistic equals ∓z.
	for _, tb := range [][4]float64{{36, 12, 2, 0}, {794, 150, 86, 570}, {1, 1, 7, 35}, {0, 10, 0, 0}} {
		iv, err := PairedDiff(tb[0], tb[1], tb[2], tb[3], 0.95, "tango")
		if err != nil {
			t.Fatal(err)
		}
		n := tb[0] + tb[1] + tb[2] + tb[3]
		if iv.Lower > -1 && math.Abs(tangoScore(tb[1], tb[2], n, iv.Lower)-z) > 1e-8 {
			t.Errorf("tango %v: T(lower) = %v, want %v", tb, tangoScore(tb[1], tb[2], n, iv.Lower), z)
		}
		if iv.Upper < 1 && math.Abs(tangoScore(tb[1], tb[2], n, iv.Upper)+z) > 1e-8 {
			t.Errorf("tango %v: T(upper) = %v, want %v", tb, tangoScore(tb[1], tb[2], n, iv.Upper), -z)
		}
	}
	for _, bad := range []struct {
		a, b, c, d, level float64
		method            string
		want              error
	}{
		{0, 0, 0, 0, 0.95, "", ErrEmptyBase},
		{-1, 2, 0, 0, 0.95, "", ErrCount},
		{1, 2, 3, 4, 1, "", ErrLevel},
		{1, 2, 3, 4, 0.95, "wald", ErrMethod},
	} {
		if _, err := PairedDiff(bad.a, bad.b, bad.c, bad.d, bad.level, bad.method); !errors.Is(err, bad.want) {
			t.Errorf("PairedDiff(%v) error %v, want %v", bad, err, bad.want)
		}
	}
}

func TestTwoSampleAndMcNemarErrors(t *testing.T) {
	if _, err := TwoSampleScoreTest(0, 10, 0, 20, TwoSided); !errors.Is(err, ErrDegenerate) {
		t.Errorf("all zero: error %v, want ErrDegenerate", err)
	}
	if _, err := McNemarTest(0, 0, true); !errors.Is(err, ErrEmptyBase) {
		t.Errorf("no discordant pairs: error %v, want ErrEmptyBase", err)
	}
}
