package report

import (
	"os"
	"os/exec"
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

// PDFs are printed by printPDFs (chromium.go) and made reproducible here:
// Chromium writes the clock into /CreationDate and /ModDate, which are
// replaced by SOURCE_DATE_EPOCH (or 1980-01-01) in a string of the same
// length, so the cross-reference offsets stay valid.

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
