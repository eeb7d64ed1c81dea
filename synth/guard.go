package synth

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/surveystat/surveystat/survey"
)

// Errors CheckTarget reports.
var (
	// ErrNotSynthetic: the study does not say its data is synthetic.
	ErrNotSynthetic = errors.New("the study's data_status is not synthetic")
	// ErrNotOwnFile: the target exists and synth did not write it, or it
	// was changed since.
	ErrNotOwnFile = errors.New("file exists and was not written by surveystat synth, or was changed since")

	errNotFile = errors.New("not a regular file")
)

// StampPath returns the name of the stamp file that records the SHA-256 of
// the file synth wrote at target: target + ".synth.sha256", in the format
// of sha256sum ("<hex>  <name>").
func StampPath(target string) string { return target + ".synth.sha256" }

// Stamp returns the stamp file's content for data written to target.
func Stamp(target string, data []byte) []byte {
	sum := sha256.Sum256(data)
	return []byte(hex.EncodeToString(sum[:]) + "  " + filepath.Base(target) + "\n")
}

// CheckTarget decides whether synthetic data may be written to target.
// The study must be marked data_status: synthetic. An existing target may
// be replaced only if it is what synth would write now (data), or if its
// SHA-256 is the one recorded in its stamp file (StampPath) when synth
// last wrote it, or if force is set. Anything else, such as real
// respondent data at the study's data.file, is refused with ErrNotOwnFile.
func CheckTarget(s *survey.Study, target string, data []byte, force bool) error {
	if s.Status != survey.StatusSynthetic {
		return fmt.Errorf("%s: %w (it is %q): surveystat synth writes only the data file of a study marked data_status: synthetic, so that real respondent data is never replaced", s.Path, ErrNotSynthetic, s.Status)
	}
	st, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return err
	case !st.Mode().IsRegular():
		return fmt.Errorf("%s: %w (expected a file to write the synthetic data to)", target, errNotFile)
	}
	sum, err := fileSHA256(target)
	if err != nil {
		return err
	}
	want := sha256.Sum256(data)
	if sum == hex.EncodeToString(want[:]) || force {
		return nil
	}
	stamp, err := survey.ReadInput(StampPath(target), 1024)
	if err == nil {
		if f := strings.Fields(string(stamp)); len(f) == 2 && f[0] == sum && f[1] == filepath.Base(target) {
			return nil
		}
	}
	return fmt.Errorf("%s: %w (no matching %s); refusing to replace it; hint: if it is real data, point the study's data.file elsewhere; to replace it anyway, move it away or run surveystat synth --force",
		target, ErrNotOwnFile, filepath.Base(StampPath(target)))
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
