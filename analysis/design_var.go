package analysis

import (
	"fmt"
	"math"
)

// cov returns the design covariance of the m linearised statistics whose
// PSU influence values are z_j = Aᵀ t_j, with A a base×m matrix
// (row-major, A[i*m+l]; base the number of components the caller adds):
// R's svyrecvar() for a one-stage (ultimate cluster) design,
//
//	V = Σ_h f_h · n_h/(n_h − 1) · Σ_j (z_hj − z̄_h)(z_hj − z̄_h)ᵀ,
//
// where f_h is the finite population correction. The result is m×m,
// row-major. With raked weights the influence values are first replaced
// by their residuals from the raking margins (rakeAcc.residualise).
func (a *designAcc) cov(A []float64, m int, lonely LonelyPSU) ([]float64, error) {
	f, err := a.fpcFactors()
	if err != nil {
		return nil, err
	}
	if a.rk != nil {
		A = a.rk.residualise(A, m)
	}
	k := a.k
	v := make([]float64, m*m)
	z := make([]float64, m)
	zbar := make([]float64, m)
	mag := make([]float64, m)
	c := make([]float64, m*m)
	for si, s := range a.strata {
		n := s.nPSU()
		if n == 0 || f[si] < 1e-7 {
			continue // certainty stratum, as R
		}
		center := true
		scale := f[si]
		if n == 1 {
			switch lonely {
			case LonelyCertainty:
				continue
			case LonelyAdjust:
				center = false
			default:
				return nil, fmt.Errorf("stratum %q (R: survey.lonely.psu = \"fail\"; use certainty or adjust): %w", s.id, ErrLonelyPSU)
			}
		} else {
			scale *= float64(n) / float64(n-1)
		}
		for i := range c {
			c[i] = 0
		}
		if s.single {
			// Σ (z − z̄)(z − z̄)ᵀ = Aᵀ M A with M the co-moment of t; without
			// centring add n·z̄ z̄ᵀ, z̄ = Aᵀ t̄.
			for l := 0; l < m; l++ {
				zbar[l] = 0
				for i := 0; i < k; i++ {
					zbar[l] += A[i*m+l] * s.mean[i]
				}
			}
			for l := 0; l < m; l++ {
				for o := l; o < m; o++ {
					var q float64
					for i := 0; i < k; i++ {
						ail := A[i*m+l]
						if ail == 0 {
							continue
						}
						for j := 0; j < k; j++ {
							q += ail * s.comom[i*k+j] * A[j*m+o]
						}
					}
					if !center {
						q += float64(n) * zbar[l] * zbar[o]
					}
					c[l*m+o] = q
					c[o*m+l] = q
				}
			}
			for l := 0; l < m; l++ {
				c[l*m+l] = math.Max(c[l*m+l], 0)
			}
		} else {
			for l := range zbar {
				zbar[l] = 0
			}
			if center {
				for _, p := range s.psus {
					for l := 0; l < m; l++ {
						var q float64
						for i := 0; i < k; i++ {
							q += A[i*m+l] * p.t[i]
						}
						zbar[l] += q
					}
				}
				for l := range zbar {
					zbar[l] /= float64(n)
				}
			}
			for l := range mag {
				mag[l] = 0
			}
			for _, p := range s.psus {
				for l := 0; l < m; l++ {
					var q float64
					for i := 0; i < k; i++ {
						q += A[i*m+l] * p.t[i]
					}
					z[l] = q - zbar[l]
					mag[l] += q * q
				}
				for l := 0; l < m; l++ {
					for o := 0; o < m; o++ {
						c[l*m+o] += z[l] * z[o]
					}
				}
			}
			// PSU totals equal to within rounding (z_hj − z̄_h of the
			// order of ε·z_hj) have no variance: drop the rounding noise
			// so that a census or a stratum-constant y gives exactly 0.
			for l := 0; l < m; l++ {
				if c[l*m+l] <= 1e-24*mag[l] {
					for o := 0; o < m; o++ {
						c[l*m+o], c[o*m+l] = 0, 0
					}
				}
			}
		}
		for i := range v {
			v[i] += scale * c[i]
		}
	}
	return v, nil
}

// designDomain holds the domain-level sums of a share.
type designDomain struct {
	rows, nobs int
	sw, sw2    float64
}

// designShare returns the share whose numerator totals are component y
// and denominator totals component d of acc's vectors; swy is Σw·y.
func designShare(acc *designAcc, lonely LonelyPSU, dom designDomain, y, d int, swy float64) (DesignEstimate, error) {
	return designShareOf(acc, lonely, dom, []int{y}, d, swy)
}

// designShareOf is designShare for the share of several components ys
// together (a net of categories): Y is their sum, so its influence is the
// sum of theirs; swy is the weight total of all of them.
func designShareOf(acc *designAcc, lonely LonelyPSU, dom designDomain, ys []int, d int, swy float64) (DesignEstimate, error) {
	if dom.nobs == 0 || !(dom.sw > 0) {
		return DesignEstimate{}, fmt.Errorf("%d respondents in the domain, none with a positive weight: %w", dom.rows, ErrEmptyDomain)
	}
	W := dom.sw
	p := math.Min(swy/W, 1)
	// Influence per PSU: z_j = (Y_j − p̂·N_j)/W.
	A := make([]float64, acc.base)
	for _, y := range ys {
		A[y] += 1 / W
	}
	A[d] -= p / W
	v, err := acc.cov(A, 1, lonely)
	if err != nil {
		return DesignEstimate{}, err
	}
	psus, strata := acc.df()
	if acc.rk != nil {
		// R keeps every row of a calibrated design in a subset (with zero
		// weight outside it), so nrow() of the domain's design, which the
		// beta and likelihood intervals use, is that of the whole sample.
		dom.rows = acc.rk.rows()
	}
	e := DesignEstimate{
		P:         p,
		Var:       v[0],
		SE:        math.Sqrt(v[0]),
		DF:        psus - strata,
		N:         dom.rows,
		NObs:      dom.nobs,
		WeightSum: W,
		KishDeff:  float64(dom.nobs) * dom.sw2 / (W * W),
		NEff:      W * W / dom.sw2,
	}
	n := float64(dom.nobs)
	s2 := p * (1 - p) * n / (n - 1) // R's svyvar: weighted variance with n/(n−1)
	if W < n {
		e.Deff = math.NaN()
	} else {
		e.Deff = e.Var / (s2 * (W - n) / (W * n))
	}
	e.DeffReplace = e.Var / (s2 / n)
	return e, nil
}
