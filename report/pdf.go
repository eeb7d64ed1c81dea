package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// Chromium returns the path of a Chromium or Chrome binary: the one named
// by $SURVEYSTAT_CHROMIUM, else the first of chromium, chromium-browser,
// google-chrome on $PATH; "" if there is none.
func Chromium() string {
	if p := os.Getenv("SURVEYSTAT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ChromiumFlags are the flags surveystat starts headless Chromium with:
// no network beyond what the page itself asks for (and the report asks for
// nothing), no first-run, sync or update traffic.
func ChromiumFlags(userDataDir string) []string {
	return []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--user-data-dir=" + userDataDir,
	}
}

// printPDF prints an HTML file to PDF with headless Chromium and makes the
// result reproducible: Chromium writes the clock into /CreationDate and
// /ModDate, which are replaced by SOURCE_DATE_EPOCH (or 1980-01-01) in a
// string of the same length, so the cross-reference offsets stay valid.
func printPDF(chromium, html, pdf string) error {
	ud, err := os.MkdirTemp("", "surveystat-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(ud)
	abs, err := filepath.Abs(html)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// --disable-pdf-tagging: Chromium's tagged-PDF structure tree
	// (/StructElem) is written in an order that varies from run to run on a
	// loaded machine, so a tagged PDF is not reproducible byte for byte;
	// the untagged one differs only in its dates, fixed below. The cost is
	// the PDF's accessibility tree; the HTML report is the accessible form.
	args := append(ChromiumFlags(ud), "--no-pdf-header-footer", "--disable-pdf-tagging", "--print-to-pdf="+pdf, "file://"+filepath.ToSlash(abs))
	cmd := exec.CommandContext(ctx, chromium, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("chromium --print-to-pdf %s: %w: %s", html, err, lastLine(stderr.String()))
	}
	b, err := os.ReadFile(pdf)
	if err != nil {
		return fmt.Errorf("chromium wrote no PDF for %s: %w", html, err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		return errors.New("chromium wrote something that is not a PDF")
	}
	return os.WriteFile(pdf, fixPDFDates(b, sourceDate()), 0o644)
}

var pdfDate = regexp.MustCompile(`D:\d{14}`)

// fixPDFDates replaces every PDF date stamp D:YYYYMMDDHHMMSS with t.
func fixPDFDates(b []byte, t time.Time) []byte {
	stamp := []byte("D:" + t.UTC().Format("20060102150405"))
	return pdfDate.ReplaceAll(b, stamp)
}

// sourceDate is SOURCE_DATE_EPOCH (reproducible-builds.org) if set and
// valid, else 1980-01-01, the earliest date ZIP and many tools accept.
func sourceDate() time.Time {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		if sec, err := strconv.ParseInt(v, 10, 64); err == nil {
			return time.Unix(sec, 0).UTC()
		}
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

func lastLine(s string) string {
	s = string(bytes.TrimSpace([]byte(s)))
	if i := bytes.LastIndexByte([]byte(s), '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
