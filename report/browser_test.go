package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestBrowser opens every language's index.html and evidence brief in headless Chromium with
// networking off and checks what a reader sees: no console errors or
// exceptions, no request that leaves the page (anything but file: and
// data: URLs), and every chart drawn with a real size. A screenshot is
// saved to $SURVEYSTAT_SCREENSHOT_DIR when set (make browser-test does).
func TestBrowser(t *testing.T) {
	chromium := needChromium(t)
	browsePages(t, chromium, sharedShipped(t), "")
}

// TestBrowserHostile opens the pages of the hostile study (see
// TestHostileStudy), whose every text carries script, event handlers,
// javascript: links and tracker images: no script may run (it would set
// window.pwned), no element that loads anything may exist, and no request
// may leave the page.
func TestBrowserHostile(t *testing.T) {
	chromium := needChromium(t)
	browsePages(t, chromium, sharedHostile(t), "hostile-")
}

// browsePages opens the three report pages in dir and checks them;
// shotPrefix prefixes the screenshots' names.
func browsePages(t *testing.T, chromium, dir, shotPrefix string) {
	t.Helper()
	// Chromium may still be writing its profile for a moment after it is
	// told to quit, so the profile is removed with retries rather than by
	// t.TempDir's strict cleanup.
	ud, err := os.MkdirTemp("", "surveystat-browser-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		for i := 0; i < 20 && os.RemoveAll(ud) != nil; i++ {
			time.Sleep(100 * time.Millisecond)
		}
	}()
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(chromium)}
	for _, f := range ChromiumFlags(ud) {
		name, value, hasValue := strings.Cut(strings.TrimPrefix(f, "--"), "=")
		if hasValue {
			opts = append(opts, chromedp.Flag(name, value))
		} else {
			opts = append(opts, chromedp.Flag(name, true))
		}
	}
	opts = append(opts, chromedp.WindowSize(1280, 900))
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	defer acancel()
	// One browser, one tab per page: starting a browser per page is slow
	// and, on a loaded machine, may miss chromedp's connection timeout.
	browser, bcancelAll := chromedp.NewContext(actx)
	defer bcancelAll()
	if err := chromedp.Run(browser); err != nil {
		t.Fatal(err)
	}

	for _, page := range []string{"index.html", "index.de.html", "index.nl.html", "evidence.html", "evidence.de.html", "evidence.nl.html"} {
		if strings.HasPrefix(page, "evidence") {
			// Only a study with an evidence section has a brief; the
			// shipped study must have one.
			if _, err := os.Stat(filepath.Join(dir, page)); err != nil {
				if shotPrefix == "" {
					t.Errorf("%s: %v", page, err)
				}
				continue
			}
		}
		t.Run(page, func(t *testing.T) {
			bctx, bcancel := chromedp.NewContext(browser)
			defer bcancel()
			var mu sync.Mutex
			var problems []string
			chromedp.ListenTarget(bctx, func(ev any) {
				mu.Lock()
				defer mu.Unlock()
				switch e := ev.(type) {
				case *runtime.EventConsoleAPICalled:
					if e.Type == runtime.APITypeError || e.Type == runtime.APITypeWarning {
						problems = append(problems, "console "+string(e.Type))
					}
				case *runtime.EventExceptionThrown:
					problems = append(problems, "exception: "+e.ExceptionDetails.Text)
				case *network.EventRequestWillBeSent:
					u := e.Request.URL
					if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
						problems = append(problems, "external request: "+u)
					}
				case *network.EventLoadingFailed:
					problems = append(problems, "failed to load: "+e.ErrorText)
				}
			})
			abs, err := filepath.Abs(filepath.Join(dir, page))
			if err != nil {
				t.Fatal(err)
			}
			var figures, drawn, loaders, exhibits, exhibitCharts int
			var pwned bool
			var title string
			var shot []byte
			err = chromedp.Run(bctx,
				network.Enable(),
				runtime.Enable(),
				network.EmulateNetworkConditions(true, 0, 0, 0),
				chromedp.Navigate("file://"+filepath.ToSlash(abs)),
				chromedp.WaitReady("footer"),
				chromedp.Title(&title),
				chromedp.Evaluate(`document.querySelectorAll("figure").length`, &figures),
				chromedp.Evaluate(`Array.from(document.querySelectorAll("figure .chart svg, figure img"))
					.filter(e => { const r = e.getBoundingClientRect(); return r.width > 100 && r.height > 50 &&
						(e.tagName !== "IMG" || (e.complete && e.naturalWidth > 0)); }).length`, &drawn),
				chromedp.Evaluate(`document.querySelectorAll("script, img, iframe, object, embed, link, image, foreignObject, use").length`, &loaders),
				chromedp.Evaluate(`window.pwned !== undefined`, &pwned),
				chromedp.Evaluate(`document.querySelectorAll("section.exhibit").length`, &exhibits),
				chromedp.Evaluate(`Array.from(document.querySelectorAll("section.exhibit"))
					.filter(s => Array.from(s.querySelectorAll("figure .chart svg")).some(e => {
						const r = e.getBoundingClientRect(); return r.width > 100 && r.height > 50; })).length`, &exhibitCharts),
				chromedp.FullScreenshot(&shot, 80),
			)
			if err != nil {
				t.Fatal(err)
			}
			if pwned {
				t.Error("a script from the input ran (window.pwned is set)")
			}
			if loaders != 0 {
				t.Errorf("%d elements that run or load something (script, img, iframe, …)", loaders)
			}
			if title == "" {
				t.Error("page has no title")
			}
			if figures == 0 || drawn != figures {
				t.Errorf("%d of %d charts drawn with a visible size", drawn, figures)
			}
			// The shipped brief has three exhibits, each with its chart.
			if strings.HasPrefix(page, "evidence") && (exhibits != 3 || exhibitCharts != exhibits) {
				t.Errorf("%d of %d exhibits with a drawn chart, want 3 of 3", exhibitCharts, exhibits)
			}
			mu.Lock()
			for _, p := range problems {
				t.Error(p)
			}
			mu.Unlock()
			if d := os.Getenv("SURVEYSTAT_SCREENSHOT_DIR"); d != "" {
				os.MkdirAll(d, 0o755)
				if err := os.WriteFile(filepath.Join(d, shotPrefix+strings.TrimSuffix(page, ".html")+".jpg"), shot, 0o644); err != nil {
					t.Error(err)
				}
			}
			if len(shot) < 10000 {
				t.Errorf("screenshot of %d bytes", len(shot))
			}
		})
	}
}
