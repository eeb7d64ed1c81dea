// Package dist provides the distribution and quantile functions that
// surveystat's intervals and tests are built on — normal, Student's t, χ²,
// F and beta — accurate to about 1e-12 relative over the whole range they
// are called with: tail probabilities down to 1e-300, levels up to
// 1 − 1e-12, and shapes and degrees of freedom from 0.001 to 1e8 (1e-11
// where a shape or the degrees of freedom reach a million).
//
// Every function takes the tail it is asked about, so that a small upper
// tail probability α/2 is never formed as 1 − α/2 (which loses the digits
// of α).
//
// The regularised incomplete beta function is computed here (incBeta):
// its continued fraction with a prefactor from Loader's saddle-point
// binomial density, and, when one shape is large and the other is not, a
// double-exponential quadrature of the tail the continued fraction
// handles badly. gonum's mathext.RegIncBeta (Cephes incbet) loses up to 8
// digits at large shapes, and its inverse mathext.InvRegIncBeta (with the
// distuv Quantile methods built on it) is off in the leading digit far in
// the tail: the 0.999999 upper Clopper–Pearson limit of 0 in 57 came out
// as 0.99999868 instead of 0.2247253, and the t quantile at 8,590 df and
// p = 1e-14 as −8.2275 instead of −7.6639.
//
// Quantiles invert the distribution functions by a safeguarded Newton
// iteration on the logarithm of the tail probability, in a variable that
// keeps both small results and results close to 1 at full relative
// precision (the log-odds for beta, t and F, the log for χ²), with
// closed forms where there are any (beta with a shape of 1, which gives
// the Clopper–Pearson limits at x = 0 and x = n; t with 1 and 2 df; χ²
// with 1 and 2 df). From 100,000 df on, t uses the Cornish–Fisher
// expansion instead, and beta distributions with both shapes above 1e9
// their normal approximation with a skewness correction (absolute error
// below 1e-13). The normal quantile is gonum's (Wichura's AS 241);
// the incomplete gamma function is gonum's (Cephes igam, igamc).
//
// The functions are checked against R's qnorm, qbeta, qt, qchisq, qf, pt,
// pchisq, pf and pbinom on a grid of extreme arguments
// (analysis/testdata/conformance/quantiles.csv, written by
// scripts/conformance/quantiles.R), and the quantiles against their own
// distribution functions to the last bit.
package dist
