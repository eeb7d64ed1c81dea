// Command gen writes a synthetic respondent file in the schema of the
// shipped study data/noyb-de-2025/study.yaml, for benchmarks: every row
// respects the study's bases, so the file is valid.
//
//	go run ./scripts/bench/gen -rows 1000000 -out bench/1m.csv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
)

func main() {
	rows := flag.Int("rows", 10000, "number of respondents")
	out := flag.String("out", "", "output file (default: standard output)")
	seed := flag.Uint64("seed", 2025, "random seed")
	flag.Parse()
	if err := run(*rows, *out, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(rows int, out string, seed uint64) error {
	f := os.Stdout
	if out != "" {
		var err error
		if f, err = os.Create(out); err != nil {
			return err
		}
		defer f.Close()
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("respondent_id,gender,age_band,uses_facebook,uses_instagram,aware,attitude,recall_instagram,recall_facebook,informed\n")
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	pick := func(weights ...int) int { // 1-based category with the given weights
		total := 0
		for _, x := range weights {
			total += x
		}
		r := rng.IntN(total)
		for i, x := range weights {
			if r < x {
				return i + 1
			}
			r -= x
		}
		return len(weights)
	}
	width := len(strconv.Itoa(rows))
	var line []byte
	code := func(c int) {
		line = append(line, ',')
		if c > 0 {
			line = strconv.AppendInt(line, int64(c), 10)
		}
	}
	for i := 1; i <= rows; i++ {
		line = append(line[:0], 'R')
		n := strconv.Itoa(i)
		for range width - len(n) {
			line = append(line, '0')
		}
		line = append(line, n...)
		gender := pick(490, 502, 8, 2) // 4 → missing code 9
		if gender == 4 {
			gender = 9
		}
		age := pick(230, 260, 270, 240)
		fb := pick(800, 200)
		ig := 1
		if fb == 1 {
			ig = pick(500, 300)
		}
		aware := pick(750, 245, 5)
		if aware == 3 {
			aware = 9
		}
		attitude := 0
		if aware == 1 {
			attitude = pick(52, 491, 203, 4)
			if attitude == 4 {
				attitude = 9
			}
		}
		recallIG, recallFB := 0, 0
		if ig == 1 {
			recallIG = pick(280, 420)
		}
		if fb == 1 {
			recallFB = pick(312, 488)
		}
		informed := pick(349, 651)
		code(gender)
		code(age)
		code(fb)
		code(ig)
		code(aware)
		code(attitude)
		code(recallIG)
		code(recallFB)
		code(informed)
		line = append(line, '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return w.Flush()
}
