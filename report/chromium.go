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

// pdfTimeout bounds one run's printing: starting Chromium and printing
// every page.
const pdfTimeout = 2 * time.Minute

// pdfJob is one page to print: an HTML file and the PDF to write.
type pdfJob struct{ html, pdf string }

// printPDFs prints every job's HTML file to its PDF with one headless
// Chromium, started once and driven over the DevTools protocol
// (Page.printToPDF, one tab per page, all tabs at once): one start-up of
// about a second instead of one per PDF. Each PDF's dates are fixed by
// fixPDFDates, so the bytes are reproducible. The error names every page
// that could not be printed; the PDFs written so far are left for the
// caller, which writes into a staging folder it removes on error. A done
// parent (nil for none) stops the printing and Chromium.
func printPDFs(parent context.Context, chromium string, jobs []pdfJob) error {
	if len(jobs) == 0 {
		return nil
	}
	ud, err := os.MkdirTemp("", "surveystat-chromium-")
	if err != nil {
		return err
	}
	// Chromium may still be writing its profile for a moment after the
	// process ended; retry briefly so that nothing is left behind.
	defer func() {
		for i := 0; i < 20 && os.RemoveAll(ud) != nil; i++ {
			time.Sleep(50 * time.Millisecond)
		}
	}()

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
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithTimeout(parent, pdfTimeout)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel() // stops Chromium and waits for it
	browser, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	if err := chromedp.Run(browser); err != nil {
		return fmt.Errorf("starting chromium %s: %w", chromium, err)
	}
	// Close Chromium gracefully (Browser.close), so that it removes its
	// own temporary files (org.chromium.Chromium.*) as it does after
	// --print-to-pdf; cancelling alone would kill it. Only once it has
	// started: chromedp.Cancel waits for a browser that never came.
	defer chromedp.Cancel(browser)

	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Go(func() { errs[i] = printTab(browser, j) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// printTab prints one job in a new tab of browser.
func printTab(browser context.Context, j pdfJob) error {
	abs, err := filepath.Abs(j.html)
	if err != nil {
		return err
	}
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
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
