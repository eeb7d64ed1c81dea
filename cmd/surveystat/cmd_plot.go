package main

import (
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/surveystat/surveystat/figures"
	"github.com/surveystat/surveystat/report"
	"github.com/surveystat/surveystat/survey"
)

const plotArgs = "[--lang en,de,nl] [--format png,svg,pdf] [--preset print,social,square] [--palette #RRGGBB,…] [--font REGULAR.ttf [--font-bold BOLD.ttf]] [--out DIR] STUDY.yaml"

func runPlot(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("plot", plotArgs, stderr)
	langs := fs.String("lang", strings.Join(report.Langs(), ","), "languages, comma-separated")
	formats := fs.String("format", "png,svg,pdf", "formats, comma-separated")
	presets := fs.String("preset", "print", "sizes, comma-separated: print (16×9 cm, PNG at 300 dpi), social (1200×675), square (1080×1080)")
	palette := fs.String("palette", "", "house colours as #RRGGBB, comma-separated, used in order (default Okabe–Ito)")
	font := fs.String("font", "", "house font: regular TTF/OTF file")
	fontBold := fs.String("font-bold", "", "house font: bold TTF/OTF file (default: the regular one)")
	out := fs.String("out", "charts", "write to `DIR`/<study-id>/<lang>/")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("want one study file, got %d arguments", len(pos))
	}
	var fmts []figures.Format
	for _, f := range split(*formats) {
		ff, err := figures.ParseFormat(f)
		if err != nil {
			return asUsage(err)
		}
		fmts = append(fmts, ff)
	}
	var pres []figures.Preset
	for _, p := range split(*presets) {
		pp, err := figures.ParsePreset(p)
		if err != nil {
			return asUsage(err)
		}
		pres = append(pres, pp)
	}
	for _, l := range split(*langs) {
		if !contains(report.Langs(), l) {
			return usagef("--lang %q: want one of %s", l, strings.Join(report.Langs(), ", "))
		}
	}
	if *fontBold != "" && *font == "" {
		return usagef("--font-bold needs --font")
	}
	if len(split(*langs)) == 0 || len(fmts) == 0 || len(pres) == 0 {
		return usagef("--lang, --format and --preset each need at least one value")
	}
	var houseColours []color.Color
	if *palette != "" {
		if houseColours, err = parsePalette(*palette); err != nil {
			return asUsage(err)
		}
	}
	s, err := survey.Load(pos[0])
	if err != nil {
		return err
	}
	th, err := report.StudyTheme(s)
	if err != nil {
		return err
	}
	if houseColours != nil {
		th.Palette = houseColours
	}
	if *font != "" || *fontBold != "" {
		reg, err := survey.ReadInput(*font, survey.MaxFontBytes)
		if err != nil {
			return err
		}
		var bold []byte
		if *fontBold != "" {
			if bold, err = survey.ReadInput(*fontBold, survey.MaxFontBytes); err != nil {
				return err
			}
		}
		if th.Fonts, err = figures.ParseFonts(reg, bold); err != nil {
			return err
		}
	}
	res, err := report.Analyse(s)
	if err != nil {
		return err
	}
	n := 0
	for _, lang := range split(*langs) {
		for _, p := range pres {
			co := report.ChartOutput{Formats: fmts, Theme: th, Preset: p}
			if p == pres[0] {
				co.Warnings = stderr // once per language, not per size
			}
			_, err := report.WriteCharts(res, lang, co, func(rel string, b []byte) error {
				path := filepath.Join(*out, s.ID, strings.TrimPrefix(rel, "figures/"))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					return err
				}
				n++
				return report.WriteFileAtomic(path, b)
			})
			if err != nil {
				return err
			}
		}
	}
	_, err = fmt.Fprintf(stdout, "wrote %d files to %s\n", n, filepath.Join(*out, s.ID))
	return err
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// parsePalette parses "#RRGGBB,#RRGGBB,…".
func parsePalette(s string) ([]color.Color, error) {
	var out []color.Color
	for _, h := range split(s) {
		h = strings.TrimPrefix(h, "#")
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil || len(h) != 6 {
			return nil, fmt.Errorf("--palette: %q is not a colour #RRGGBB", "#"+h)
		}
		out = append(out, color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff})
	}
	return out, nil
}
