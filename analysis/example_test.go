package analysis_test

import (
	"fmt"

	"github.com/surveystat/surveystat/analysis"
)

func ExampleWilson() {
	iv, err := analysis.Wilson(81, 263, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f–%.4f\n", iv.Lower, iv.Upper)
	// Output: 0.2553–0.3662
}

func ExampleProportionInterval() {
	for _, m := range []string{"wilson", "clopper-pearson", "jeffreys"} {
		iv, err := analysis.ProportionInterval(m, 1, 29, 0.95, analysis.TwoSided)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-15s %.4f–%.4f\n", m, iv.Lower, iv.Upper)
	}
	iv, _ := analysis.ProportionInterval("clopper-pearson", 51, 235, 0.95, analysis.Greater)
	fmt.Printf("one-sided lower bound %.4f\n", iv.Lower)
	// Output:
	// wilson          0.0061–0.1718
	// clopper-pearson 0.0009–0.1776
	// jeffreys        0.0037–0.1501
	// one-sided lower bound 0.1735
}

func ExampleNewcombeDiff() {
	iv, err := analysis.NewcombeDiff(56, 70, 48, 80, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f to %.4f\n", iv.Lower, iv.Upper)
	// Output: 0.0524 to 0.3339
}

func ExampleMultinomialIntervals() {
	ivs, err := analysis.MultinomialIntervals([]float64{56, 72, 73, 59, 62, 87, 58}, 0.95, "sison-glaz")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4f–%.4f\n", ivs[0].Lower, ivs[0].Upper)
	// Output: 0.0792–0.1644
}

func ExampleBinomialTest() {
	r, err := analysis.BinomialTest(51, 235, 1.0/6, analysis.TwoSided)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: x = %v, p = %.4f\n", r.Method, r.Statistic, r.PValue)
	// Output: Exact binomial test: x = 51, p = 0.0437
}
