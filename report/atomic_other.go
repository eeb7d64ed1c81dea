//go:build !linux

package report

// exchangeDirs reports that this system has no atomic exchange of
// directories; replaceDir falls back to two renames.
func exchangeDirs(a, b string) error { return errNoExchange }
