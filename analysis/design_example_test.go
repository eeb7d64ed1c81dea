package analysis

import "fmt"

// A share from a one-stage cluster sample with a stratum, streamed one
// respondent at a time, and its interval by R's default svyciprop method.
func ExampleDesignTally() {
	type resp struct {
		stratum, psu string
		w            float64
		yes          bool
	}
	data := []resp{
		{"north", "n1", 10, true}, {"north", "n1", 10, false}, {"north", "n2", 12, true},
		{"north", "n2", 12, true}, {"north", "n3", 8, false}, {"south", "s1", 20, false},
		{"south", "s1", 20, true}, {"south", "s2", 15, false}, {"south", "s2", 15, false},
	}
	tally := NewDesignTally(LonelyFail)
	for _, r := range data {
		row := DesignRow{Stratum: r.stratum, PSU: r.psu, Weight: r.w}
		if err := tally.Add(row, true, r.yes); err != nil {
			fmt.Println(err)
			return
		}
	}
	e, err := tally.Estimate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("p %.4f, SE %.4f, df %d, Kish deff %.3f, n_eff %.2f\n", e.P, e.SE, e.DF, e.KishDeff, e.NEff)
	iv, err := DesignInterval("logit", e, 0.95, TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("95%% CI %.4f–%.4f\n", iv.Lower, iv.Upper)
	// R: svyciprop(~I(y == 1), svydesign(id = ~psu, strata = ~stratum,
	// weights = ~w, data)) gives the same.
	// Output:
	// p 0.4426, SE 0.1780, df 3, Kish deff 1.090, n_eff 8.26
	// 95% CI 0.0740–0.8875
}

// A domain (subpopulation) estimate: respondents outside the domain are
// added with inDomain false, so that the design's PSUs and degrees of
// freedom are those of the whole sample, as R's subset(design, …).
func ExampleDesignInterval() {
	tally := NewDesignTally(LonelyFail)
	psu := []string{"a", "a", "b", "b", "c", "c", "d", "d"}
	women := []bool{true, false, true, true, false, true, true, false}
	yes := []bool{true, true, false, true, false, false, true, true}
	for i := range psu {
		if err := tally.Add(DesignRow{PSU: psu[i], Weight: 1}, women[i], yes[i]); err != nil {
			fmt.Println(err)
			return
		}
	}
	e, _ := tally.Estimate()
	fmt.Printf("women: p %.3f, SE %.4f, df %d\n", e.P, e.SE, e.DF)
	for _, m := range DesignMethodNames() {
		iv, err := DesignInterval(m, e, 0.95, TwoSided)
		if err != nil {
			fmt.Println(m, err)
			continue
		}
		fmt.Printf("%-10s %.4f–%.4f\n", m, iv.Lower, iv.Upper)
	}
	// R's svyciprop gives the same, except that its "mean" interval is
	// -0.0236–1.2236, not clipped to [0, 1].
	// Output:
	// women: p 0.600, SE 0.1960, df 3
	// logit      0.1004–0.9528
	// xlogit     0.1004–0.9528
	// beta       0.1384–0.9515
	// mean       0.0000–1.0000
	// likelihood 0.0629–0.9849
	// asin       0.0610–0.9977
}
