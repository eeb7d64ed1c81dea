package main

import (
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/surveystat/surveystat/survey"
)

// progressMinSize is the smallest respondent file that gets a progress
// bar: smaller files are read in well under a second.
const progressMinSize = 64 << 20

// progressInput returns a function that wraps a respondent file of size
// bytes in a reader that draws a progress bar on stderr, when stderr is a
// terminal and the file is large; otherwise it returns the file unchanged
// and prints nothing. The returned done function clears the bar; call it
// when reading has ended.
func progressInput(stderr io.Writer) func(r io.Reader, size int64, name string) (io.Reader, func()) {
	return func(r io.Reader, size int64, name string) (io.Reader, func()) {
		f, ok := stderr.(*os.File)
		if !ok || size < progressMinSize || !term.IsTerminal(int(f.Fd())) {
			return r, func() {}
		}
		bar := progressbar.NewOptions64(size,
			progressbar.OptionSetWriter(f),
			progressbar.OptionSetDescription("reading "+filepath.Base(name)),
			progressbar.OptionShowBytes(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
		)
		pr := survey.NewProgressReader(r, 1<<20, func(n int64) { bar.Set64(n) })
		return pr, func() { bar.Finish() }
	}
}
