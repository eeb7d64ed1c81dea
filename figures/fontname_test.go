package figures

import (
	"errors"
	"testing"

	"github.com/surveystat/surveystat/internal/fonttest"
)

// TestParseFontsNames checks that a font whose names could break the SVG
// or PDF they are written into is rejected, and a plain one accepted.
func TestParseFontsNames(t *testing.T) {
	for _, tc := range []struct {
		family, postscript string
		ok                 bool
	}{
		{"Liberation Sans", "LiberationSans", true},
		{"Grünewald Sans", "Gruenewald-Sans", true},
		{"Font 2.0+", "Font2", true},
		{`x"><img src=x onerror=alert(1)>`, "X", false},
		{"x;fill:url(http://evil/t.png)", "X", false},
		{"x</style><script>alert(1)</script>", "X", false},
		{"Plain", "Plain/Type0 (x)", false},
		{"Plain", "Plain Sans", false},
		{"", "X", true}, // an empty family name draws nothing unsafe
		{"A very long family name that goes on and on beyond sixty-three bytes", "X", false},
		{"Bidi\u202eName", "X", false},
	} {
		t.Run(tc.family, func(t *testing.T) {
			ttf := fonttest.Renamed(tc.family, tc.postscript)
			_, err := ParseFonts(ttf, nil)
			if tc.ok && err != nil {
				t.Fatalf("ParseFonts: %v", err)
			}
			if !tc.ok && !errors.Is(err, ErrFontName) {
				t.Fatalf("ParseFonts: %v, want ErrFontName", err)
			}
			if _, err := ParseFonts(ttf, fonttest.Renamed("Plain", "Plain")); tc.ok != (err == nil) {
				t.Fatalf("ParseFonts with a plain bold face: %v", err)
			}
		})
	}
}
