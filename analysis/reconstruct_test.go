package analysis

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/surveystat/surveystat/survey"
)

// Expected ranges are worked out by hand: k/n rounds to the percentage
// exactly when n(p − h)/100 ≤ k < n(p + h)/100, h = 0.5·10^−decimals.
func TestCountRange(t *testing.T) {
	for _, tc := range []struct {
		percent  float64
		decimals int
		n        int
		lo, hi   int
	}{
		{18, 0, 1009, 177, 186}, // 176/1009 = 17.44%, 187/1009 = 18.53%
		{39, 0, 1009, 389, 398}, // 388/1009 = 38.45%, 399/1009 = 39.54%
		{26, 0, 861, 220, 228},  // 219.555 … 228.165
		{43, 0, 861, 366, 374},  // 365.925 … 374.535
		{17.5, 1, 1000, 175, 175},
		{0, 0, 1000, 0, 4},        // 4/1000 = 0.4%, 5/1000 = 0.5% rounds up
		{100, 0, 1000, 995, 1000}, // 995/1000 = 99.5% rounds up
	} {
		lo, hi, err := CountRange(tc.percent, tc.decimals, tc.n)
		if err != nil || lo != tc.lo || hi != tc.hi {
			t.Errorf("CountRange(%v%%, %d, %d) = %d, %d, %v; want %d, %d", tc.percent, tc.decimals, tc.n, lo, hi, err, tc.lo, tc.hi)
		}
		for k := tc.lo; k <= tc.hi; k++ {
			f := survey.PublishedFigure{Percent: survey.RequiredReal(tc.percent), Decimals: survey.RequiredInt(tc.decimals)}
			if !f.Matches(float64(k) / float64(tc.n)) {
				t.Errorf("%d/%d does not round to %v%%", k, tc.n, tc.percent)
			}
		}
	}
	for _, tc := range []struct {
		percent  float64
		decimals int
		n        int
	}{
		{16, 1, 10}, // 1/10 = 10%, 2/10 = 20%: nothing rounds to 16.0%
		{50, 0, 0},
		{101, 0, 100},
	} {
		if _, _, err := CountRange(tc.percent, tc.decimals, tc.n); !errors.Is(err, ErrRounding) {
			t.Errorf("CountRange(%v%%, %d, %d): err = %v, want ErrRounding", tc.percent, tc.decimals, tc.n, err)
		}
	}
}

func TestNearestCount(t *testing.T) {
	for _, tc := range []struct {
		percent      float64
		n, lo, hi, k int
	}{
		{18, 1009, 177, 186, 182}, // 181.62
		{39, 1009, 389, 398, 394}, // 393.51
		{26, 861, 220, 228, 224},  // 223.86
		{50, 3, 0, 3, 2},          // 1.5 rounds up
		{50, 3, 0, 1, 1},          // kept within the range
	} {
		if k := NearestCount(tc.percent, tc.n, tc.lo, tc.hi); k != tc.k {
			t.Errorf("NearestCount(%v%%, %d) = %d, want %d", tc.percent, tc.n, k, tc.k)
		}
	}
}

func tableRows(n int, pcts ...float64) []survey.TableRow {
	rows := make([]survey.TableRow, len(pcts))
	for i, p := range pcts {
		rows[i] = survey.TableRow{Question: "q", Category: strconv.Itoa(i), Percent: p, Base: n, Deff: math.NaN(), NEff: math.NaN()}
		if math.IsNaN(p) {
			rows[i].Remainder = true
		}
	}
	return rows
}

func TestReconstructQuestion(t *testing.T) {
	rest := math.NaN()
	for _, tc := range []struct {
		name          string
		rows          []survey.TableRow
		count, lo, hi []int
	}{
		{
			// 18% and 39% of 1,009 and the rest: 182 and 394 are the
			// nearest counts; the remainder 433 = 1009 − 576 (42.9%); its
			// range is what the others leave: 1009 − (186 + 398) …
			// 1009 − (177 + 389).
			name:  "remainder",
			rows:  tableRows(1009, 18, 39, rest),
			count: []int{182, 394, 433}, lo: []int{177, 389, 425}, hi: []int{186, 398, 443},
		},
		{
			// 7/66/27 of 750: nearest 52.5→53, 495, 202.5→203 add up to
			// 751; the category furthest above its target (53 − 52.5 =
			// 203 − 202.5, the first of them) gives one back. Ranges are
			// narrowed by the others: 7% alone admits 49 … 56.
			name:  "largest remainder",
			rows:  tableRows(750, 7, 66, 27),
			count: []int{52, 495, 203}, lo: []int{49, 492, 199}, hi: []int{56, 498, 206},
		},
		{
			// 33/33/33 of 100: each admits 33 only (32.5 ≤ k < 33.5), and
			// 3 × 33 = 99 is not 100, so no counts fit.
			name: "does not fit",
			rows: tableRows(100, 33, 33, 33),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			count, lo, hi, err := ReconstructQuestion(tc.rows)
			if tc.count == nil {
				if !errors.Is(err, ErrRounding) {
					t.Fatalf("err = %v, want ErrRounding", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i := range tc.count {
				if count[i] != tc.count[i] || lo[i] != tc.lo[i] || hi[i] != tc.hi[i] {
					t.Errorf("category %d: count %d in %d…%d, want %d in %d…%d", i, count[i], lo[i], hi[i], tc.count[i], tc.lo[i], tc.hi[i])
				}
			}
		})
	}
}

// TestEffectiveIntervalReference checks intervals on an effective sample
// size against R (scripts/published/generate.R): prop.test for Wilson,
// beta quantiles for Clopper–Pearson, on count/deff of n/deff.
func TestEffectiveIntervalReference(t *testing.T) {
	f, err := os.Open("testdata/published/deff.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 {
		t.Fatal("no reference rows")
	}
	num := func(s string) float64 {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, rec := range recs[1:] {
		method := rec[0]
		count, n, deff, level := num(rec[1]), num(rec[2]), num(rec[3]), num(rec[4])
		alt, err := ParseAlternative(rec[5])
		if err != nil {
			t.Fatal(err)
		}
		want := Interval{Lower: num(rec[6]), Upper: num(rec[7])}
		got, err := EffectiveInterval(method, count, n, deff, level, alt)
		if err != nil {
			t.Errorf("%v: %v", rec, err)
			continue
		}
		if math.Abs(got.Lower-want.Lower) > 1e-9 || math.Abs(got.Upper-want.Upper) > 1e-9 {
			t.Errorf("%s %v of %v, deff %v, level %v %s: got %.12f–%.12f, R %.12f–%.12f",
				method, count, n, deff, level, rec[5], got.Lower, got.Upper, want.Lower, want.Upper)
		}
		if !(got.Lower <= count/n && count/n <= got.Upper) {
			t.Errorf("%s %v of %v: estimate outside %v", method, count, n, got)
		}
	}
}

// A design effect widens the interval: the Wilson interval of 182 of
// 1,009 with deff 2 is the interval of 91 of 504.5.
func TestEffectiveIntervalWidens(t *testing.T) {
	srs, _ := EffectiveInterval("wilson", 182, 1009, 1, 0.95, TwoSided)
	d2, _ := EffectiveInterval("wilson", 182, 1009, 2, 0.95, TwoSided)
	direct, _ := Wilson(91, 504.5, 0.95)
	if !(d2.Lower < srs.Lower && d2.Upper > srs.Upper) {
		t.Errorf("deff 2 interval %v not wider than %v", d2, srs)
	}
	if d2 != direct {
		t.Errorf("deff 2: %v, want Wilson(91, 504.5) = %v", d2, direct)
	}
	if _, err := EffectiveInterval("wilson", 1, 10, 0, 0.95, TwoSided); err == nil {
		t.Error("deff 0 accepted")
	}
	if _, err := EffectiveInterval("mid-p", 182, 1009, 1.5, 0.95, TwoSided); err == nil {
		t.Error("mid-p on a non-whole effective count accepted")
	}
}

// TestClaimFlipsWithinRounding: 53% of 1,000 admits 525 … 534 respondents.
// "More than half" is supported at the point count 530 (lower 95% one-sided
// Wilson bound above 50%) but not at 525, so over the rounding range it is
// not supported; 56% of 1,000 is supported at every compatible count.
func TestClaimFlipsWithinRounding(t *testing.T) {
	s := &survey.Study{Analysis: survey.Analysis{Level: 0.95, MinBase: 30}, Questions: []survey.Question{{
		ID: "q", Method: "wilson", Categories: []survey.Category{{ID: "yes"}, {ID: "no"}},
	}}}
	for _, tc := range []struct {
		pct          float64
		deff         float64
		supported    bool
		lo, hi, at   int
		pointSupport bool
	}{
		{53, math.NaN(), false, 525, 534, 0, true},
		{56, math.NaN(), true, 555, 564, 10, true},
		// deff 5: n_eff 200; the one-sided Wilson lower bound is about
		// 50.2% at 560 but 49.7% at 555.
		{56, 5, false, 555, 564, 0, true},
	} {
		rows := tableRows(1000, tc.pct, math.NaN())
		rows[0].Category, rows[1].Category = "yes", "no"
		rows[0].Deff, rows[1].Deff = tc.deff, tc.deff
		est, err := TableEstimates(s, rows)
		if err != nil {
			t.Fatal(err)
		}
		e := est[0]
		point, err := EvaluateClaim(e, ">", 0.5, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		r, cr, err := EvaluateClaimRange(e, ">", 0.5, 0.95)
		if err != nil {
			t.Fatal(err)
		}
		if cr.CountMin != float64(tc.lo) || cr.CountMax != float64(tc.hi) || cr.Counts != tc.hi-tc.lo+1 {
			t.Errorf("%v%%: range %+v, want %d…%d", tc.pct, cr, tc.lo, tc.hi)
		}
		if r.Supported != tc.supported {
			t.Errorf("%v%% deff %v: supported %v over the range (%d of %d), want %v", tc.pct, tc.deff, r.Supported, cr.SupportedAt, cr.Counts, tc.supported)
		}
		if tc.at > 0 && cr.SupportedAt != tc.at {
			t.Errorf("%v%%: supported at %d counts, want %d", tc.pct, cr.SupportedAt, tc.at)
		}
		if !tc.supported && tc.pointSupport && (cr.SupportedAt == 0 || cr.SupportedAt == cr.Counts) {
			t.Errorf("%v%%: the claim should flip within the range, supported at %d of %d", tc.pct, cr.SupportedAt, cr.Counts)
		}
		if e.Design == nil && math.IsNaN(tc.deff) && point.Supported != tc.pointSupport {
			t.Errorf("%v%%: at the point count supported = %v, want %v", tc.pct, point.Supported, tc.pointSupport)
		}
		// The reported bound is the least favourable: the bound at the
		// smallest compatible count for ">".
		worst := e
		worst.Count, worst.Share = float64(tc.lo), float64(tc.lo)/1000
		if d := e.Deff; d != 1 {
			worst.Count, worst.Base = worst.Count/d, worst.Base/d
		}
		w, _ := EvaluateClaim(worst, ">", 0.5, 0.95)
		if math.Abs(r.Bound-w.Bound) > 1e-15 || r.Estimate.Count != e.Count {
			t.Errorf("%v%%: bound %v, want the bound at %d: %v; estimate %v", tc.pct, r.Bound, tc.lo, w.Bound, r.Estimate.Count)
		}
	}
}

// FuzzReconstructQuestion: for any percentages and base, the counts either
// fail with ErrRounding or add up to the base, lie in their ranges, and
// every count in a published category's range rounds to its percentage.
func FuzzReconstructQuestion(f *testing.F) {
	f.Add(uint16(1009), uint16(180), uint16(390), uint8(0), true)
	f.Add(uint16(750), uint16(70), uint16(660), uint8(0), false)
	f.Add(uint16(3), uint16(500), uint16(500), uint8(1), false)
	f.Fuzz(func(t *testing.T, n, a, b uint16, dec uint8, rest bool) {
		if n == 0 || dec > 2 {
			return
		}
		scale := math.Pow(10, float64(dec))
		pa, pb := float64(a%1001)/10, float64(b%1001)/10 // 0–100 in tenths
		pa, pb = math.Round(pa*scale)/scale, math.Round(pb*scale)/scale
		third := math.NaN()
		if !rest {
			third = math.Max(0, math.Round((100-pa-pb)*scale)/scale)
		}
		rows := tableRows(int(n), pa, pb, third)
		for i := range rows {
			rows[i].Decimals = int(dec)
		}
		count, lo, hi, err := ReconstructQuestion(rows)
		if err != nil {
			if !errors.Is(err, ErrRounding) {
				t.Fatalf("error not ErrRounding: %v", err)
			}
			return
		}
		sum := 0
		for i := range count {
			sum += count[i]
			if count[i] < lo[i] || count[i] > hi[i] || lo[i] < 0 || hi[i] > int(n) {
				t.Fatalf("category %d: %d outside %d…%d", i, count[i], lo[i], hi[i])
			}
			if rows[i].Remainder {
				continue
			}
			f := survey.PublishedFigure{Percent: survey.RequiredReal(rows[i].Percent), Decimals: survey.RequiredInt(dec)}
			for _, k := range []int{lo[i], hi[i], count[i]} {
				if !f.Matches(float64(k) / float64(n)) {
					t.Fatalf("%d/%d does not round to %v%% at %d decimals", k, n, rows[i].Percent, dec)
				}
			}
		}
		if sum != int(n) {
			t.Fatalf("counts %v add up to %d, not %d", count, sum, n)
		}
	})
}

// TestTableEstimatesNets checks nets of a study from a published table by
// hand: the count is the sum of the categories' counts, and the compatible
// counts are those the categories can add up to with the others filling
// the base. Intervals are Wilson's (worked out with the score formula).
func TestTableEstimatesNets(t *testing.T) {
	rest := math.NaN()
	for _, tc := range []struct {
		name           string
		pcts           []float64
		n              int
		net            []string
		count, lo, hi  float64
		pct            float64
		remainder      bool
		lower, upper   float64
		claimOp        string
		claimValue     float64
		claimSupported bool
	}{
		{
			// 7/66/27 of 750: counts 52, 495, 203 (TestReconstructQuestion).
			// a + c = 255; alone they admit 49 + 199 … 56 + 206 = 248 … 262,
			// but b admits only 492 … 498, so a + c = 750 − b is 252 … 258.
			name: "narrowed by the others", pcts: []float64{7, 66, 27}, n: 750,
			net: []string{"a", "c"}, count: 255, lo: 252, hi: 258, pct: 34,
			lower: 0.3069897195552633, upper: 0.3746409506715311,
			claimOp: ">", claimValue: 0.3, claimSupported: true,
		},
		{
			// 18%, 39% and the rest of 1,009: counts 182, 394, 433; b + c =
			// 827 in 1009 − 186 … 1009 − 177; its percentage is not
			// published (c is the remainder).
			name: "with the remainder", pcts: []float64{18, 39, rest}, n: 1009,
			net: []string{"b", "c"}, count: 827, lo: 823, hi: 832, remainder: true,
			lower: 0.7947005117184682, upper: 0.8421217612866359,
			claimOp: ">", claimValue: 0.82, claimSupported: false,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := survey.Question{ID: "q", Method: "wilson",
				Categories: []survey.Category{{ID: "a"}, {ID: "b"}, {ID: "c"}},
				Nets:       []survey.Net{{ID: "net", Categories: tc.net}}}
			s := &survey.Study{Analysis: survey.Analysis{Level: 0.95}, Questions: []survey.Question{q}}
			rows := tableRows(tc.n, tc.pcts...)
			for i := range rows {
				rows[i].Category = q.Categories[i].ID
			}
			est, err := TableEstimates(s, rows)
			if err != nil {
				t.Fatal(err)
			}
			if len(est) != 4 || est[3].Category != "net" {
				t.Fatalf("got %d estimates (last %q), want 3 categories and the net", len(est), est[len(est)-1].Category)
			}
			e := est[3]
			rc := e.Reconstructed
			if e.Count != tc.count || rc.CountMin != tc.lo || rc.CountMax != tc.hi || !rc.Net {
				t.Errorf("net count %v in %v…%v (net %v), want %v in %v…%v", e.Count, rc.CountMin, rc.CountMax, rc.Net, tc.count, tc.lo, tc.hi)
			}
			if rc.Remainder != tc.remainder || (!tc.remainder && rc.Percent != tc.pct) {
				t.Errorf("published percent %v (remainder %v), want %v (%v)", rc.Percent, rc.Remainder, tc.pct, tc.remainder)
			}
			if math.Abs(e.Lower-tc.lower) > 1e-12 || math.Abs(e.Upper-tc.upper) > 1e-12 || e.Share != tc.count/float64(tc.n) {
				t.Errorf("share %v [%v, %v], want %v [%v, %v]", e.Share, e.Lower, e.Upper, tc.count/float64(tc.n), tc.lower, tc.upper)
			}
			r, cr, err := EvaluateClaimRange(e, tc.claimOp, tc.claimValue, 0.95)
			if err != nil {
				t.Fatal(err)
			}
			if cr.Counts != int(tc.hi-tc.lo)+1 || r.Supported != tc.claimSupported {
				t.Errorf("claim %s %v: supported %v at %d of %d counts, want %v over %v", tc.claimOp, tc.claimValue, r.Supported, cr.SupportedAt, cr.Counts, tc.claimSupported, tc.hi-tc.lo+1)
			}
		})
	}
}
