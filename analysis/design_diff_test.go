package analysis

import (
	"errors"
	"math"
	"strconv"
	"testing"
)

// TestDesignDiffR checks differences of two shares, between groups and
// paired, on generate.R's designs (and two raked ones) against R's
// svycontrast of svytotal.
func TestDesignDiffR(t *testing.T) {
	cache := map[string][]map[string]string{}
	runs := rakeRunsR(t)
	checked := 0
	for _, row := range designCSV(t, "svydiff.csv") {
		name := row["design"] + "/" + row["case"]
		var rows []DesignRow
		var data []map[string]string
		switch row["design"] {
		case "rake_two_default":
			rows, data = rakedRowsR(t, runs["two_default"])
		case "rake_three_tight":
			rows, data = rakedRowsR(t, runs["three_tight"])
		default:
			spec := designSpecs[row["design"]]
			var ok bool
			if data, ok = cache[spec.data]; !ok {
				data = designCSV(t, spec.data)
				cache[spec.data] = data
			}
			rows = designRows(t, spec, data)
		}
		in := func(d map[string]string, dom string) bool {
			if dom == "d_noawards" {
				return d["d_awards"] == "0"
			}
			return d[dom] == "1"
		}
		acc := NewDesignDiff(LonelyFail)
		for i, r := range rows {
			d := data[i]
			if err := acc.AddN(r, in(d, row["d1"]), d[row["y1"]] == "1", in(d, row["d2"]), d[row["y2"]] == "1", 1); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		e, err := acc.Estimate()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		df, _ := strconv.Atoi(row["df"])
		if !designClose(e.Diff, designNum(t, row["diff"]), 1e-9) || !designClose(e.SE, designNum(t, row["se"]), 1e-9) || e.DF != df {
			t.Errorf("%s: diff %v se %v df %d; R %s %s %s", name, e.Diff, e.SE, e.DF, row["diff"], row["se"], row["df"])
			continue
		}
		iv, test, err := DesignDiffInterval(e, 0.95)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !designClose(iv.Lower, math.Max(designNum(t, row["lower"]), -1), 1e-9) || !designClose(iv.Upper, math.Min(designNum(t, row["upper"]), 1), 1e-9) {
			t.Errorf("%s: interval %v; R [%s, %s]", name, iv, row["lower"], row["upper"])
		}
		if p := designNum(t, row["p"]); math.Abs(test.PValue-p) > 1e-9*math.Max(p, 1e-300) && math.Abs(test.PValue-p) > 1e-14 {
			t.Errorf("%s: p %v; R %v", name, test.PValue, p)
		}
		checked++
	}
	if checked < 30 {
		t.Errorf("only %d differences compared with R", checked)
	}
}

// TestDesignDiffPaired: with equal weights and no clusters, the paired
// difference has the variance of the mean of yA − yB with n − 1, and two
// groups that share no PSU have independent estimates.
func TestDesignDiffPaired(t *testing.T) {
	// 2×2 table of paired answers: both, A only, B only, neither.
	tab := [4]int{30, 12, 5, 53}
	acc := NewDesignDiff(LonelyFail)
	n := 0
	var sum, sum2 float64
	for cell, c := range tab {
		ya, yb := cell == 0 || cell == 1, cell == 0 || cell == 2
		if err := acc.AddN(DesignRow{Weight: 3}, true, ya, true, yb, c); err != nil {
			t.Fatal(err)
		}
		d := 0.0
		if ya {
			d++
		}
		if yb {
			d--
		}
		n += c
		sum += d * float64(c)
		sum2 += d * d * float64(c)
	}
	e, err := acc.Estimate()
	if err != nil {
		t.Fatal(err)
	}
	mean := sum / float64(n)
	v := (sum2/float64(n) - mean*mean) * float64(n) / float64(n-1) / float64(n)
	if math.Abs(e.Diff-mean) > 1e-15 || math.Abs(e.Var-v) > 1e-15 || e.DF != n-1 {
		t.Errorf("got %+v; want diff %v var %v df %d", e, mean, v, n-1)
	}
	if _, _, err := DesignDiffInterval(e, 1.5); !errors.Is(err, ErrLevel) {
		t.Errorf("level 1.5: %v", err)
	}
	// No sampling variance (both shares fixed, as two raking margins):
	// nothing to test.
	iv, test, err := DesignDiffInterval(DesignDiffEstimate{Diff: 2e-5, SE: 0, DF: 10}, 0.95)
	if err != nil || iv.Lower != 2e-5 || iv.Upper != 2e-5 || !math.IsNaN(test.PValue) {
		t.Errorf("zero SE: %v %+v %v", iv, test, err)
	}
	if _, _, err := DesignDiffInterval(DesignDiffEstimate{Diff: 0.1, SE: math.NaN(), DF: 10}, 0.95); !errors.Is(err, ErrDegenerate) {
		t.Errorf("NaN SE: %v", err)
	}
	empty := NewDesignDiff(LonelyFail)
	empty.AddN(DesignRow{Weight: 1}, true, true, false, false, 3)
	if _, err := empty.Estimate(); !errors.Is(err, ErrEmptyDomain) {
		t.Errorf("empty second domain: %v", err)
	}
}
