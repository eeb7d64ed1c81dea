package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// pdfTimeout bounds the printing of one page (Chromium's start-up has a
// bound of its own, a minute).
const pdfTimeout = 2 * time.Minute

// pdfJob is one page to print: an HTML file and the PDF to write.
type pdfJob struct{ html, pdf string }

// pdfPrinter is a headless Chromium started once for every PDF of a run
// and driven over the DevTools protocol (Page.printToPDF, one tab per
// page, all tabs at once): one start-up of about a second instead of one
// per PDF. startPrinter starts it in the background, so that Chromium
// starts while the report's charts and pages are still being made.
type pdfPrinter struct {
	chromium string
	ready    chan struct{} // closed when Chromium has started or failed to
	browser  context.Context
	err      error  // why Chromium did not start
	stop     func() // stops Chromium and removes its profile directory
}

// startPrinter starts Chromium in the background and returns at once. A
// done parent (nil for none) stops it. close must be called.
func startPrinter(parent context.Context, chromium string) *pdfPrinter {
	if parent == nil {
		parent = context.Background()
	}
	p := &pdfPrinter{chromium: chromium, ready: make(chan struct{}), stop: func() {}}
	go func() {
		defer close(p.ready)
		p.browser, p.stop, p.err = launchChromium(parent, chromium)
	}()
	return p
}

// launchChromium starts Chromium with a fresh profile directory.
func launchChromium(parent context.Context, chromium string) (browser context.Context, stop func(), err error) {
	ud, err := os.MkdirTemp("", "surveystat-chromium-")
	if err != nil {
		return nil, func() {}, err
	}
	// Chromium may still be writing its profile for a moment after the
	// process ended; retry briefly so that nothing is left behind.
	removeProfile := func() {
		for i := 0; i < 20 && os.RemoveAll(ud) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium),
		// A loaded machine may take more than chromedp's default 20 s to
		// start Chromium.
		chromedp.WSURLReadTimeout(time.Minute),
	}
	for _, f := range ChromiumFlags(ud) {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if hasValue {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	actx, acancel := chromedp.NewExecAllocator(parent, opts...)
	browser, bcancel := chromedp.NewContext(actx)
	if err := chromedp.Run(browser); err != nil {
		bcancel()
		acancel() // stops Chromium and waits for it
		removeProfile()
		return nil, func() {}, fmt.Errorf("starting chromium %s: %w", chromium, err)
	}
	return browser, func() {
		// Close Chromium gracefully (Browser.close), so that it removes
		// its own temporary files (org.chromium.Chromium.*) as it does
		// after --print-to-pdf; cancelling alone would kill it.
		chromedp.Cancel(browser)
		bcancel()
		acancel()
		removeProfile()
	}, nil
}

// print prints every job's HTML file to its PDF, all at once, within
// pdfTimeout. Each PDF's dates are fixed by fixPDFDates, so the bytes are
// reproducible. The error names every page that could not be printed;
// the PDFs written so far are left for the caller, which writes into a
// staging folder it removes on error.
func (p *pdfPrinter) print(jobs []pdfJob) error {
	<-p.ready
	if p.err != nil {
		return p.err
	}
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { errs[i] = printTab(p.browser, j) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// close stops Chromium once it has started (or failed to) and removes
// its profile.
func (p *pdfPrinter) close() {
	<-p.ready
	p.stop()
}

// printPDFs prints every job's HTML file to its PDF with one headless
// Chromium (see pdfPrinter). A done parent (nil for none) stops the
// printing and Chromium.
func printPDFs(parent context.Context, chromium string, jobs []pdfJob) error {
	if len(jobs) == 0 {
		return nil
	}
	p := startPrinter(parent, chromium)
	defer p.close()
	return p.print(jobs)
}

// printTab prints one job in a new tab of browser.
func printTab(browser context.Context, j pdfJob) error {
	abs, err := filepath.Abs(j.html)
	if err != nil {
		return err
	}
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	tab, tcancel := context.WithTimeout(tab, pdfTimeout)
	defer tcancel()
	var b []byte
	var fontsReady bool
	err = chromedp.Run(tab,
		chromedp.Navigate("file://"+filepath.ToSlash(abs)),
		// The report uses only system fonts, but wait for them as a print
		// from the command line does.
		chromedp.Evaluate(`document.fonts.ready.then(() => true)`, &fontsReady, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
			return p.WithAwaitPromise(true)
		}),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// As `chromium --print-to-pdf --no-pdf-header-footer`: the
			// paper size of the page's CSS @page rule (A4 or Letter),
			// backgrounds, no header or footer. Untagged: Chromium's
			// tagged-PDF structure tree (/StructElem) is written in an
			// order that varies from run to run on a loaded machine, so a
			// tagged PDF is not reproducible byte for byte; the untagged
			// one differs only in its dates, fixed below. The cost is the
			// PDF's accessibility tree; the HTML report is the accessible
			// form.
			var err error
			b, _, err = page.PrintToPDF().
				WithPreferCSSPageSize(true).
				WithPrintBackground(true).
				WithDisplayHeaderFooter(false).
				WithGenerateTaggedPDF(false).
				Do(ctx)
			return err
		}),
	)
	if err != nil {
		return fmt.Errorf("chromium printing %s: %w", j.html, err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF")) {
		return fmt.Errorf("chromium printed something that is not a PDF for %s", j.html)
	}
	return os.WriteFile(j.pdf, fixPDFDates(b, sourceDate()), 0o644)
}
