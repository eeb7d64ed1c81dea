package analysis

import (
	"fmt"

	"github.com/surveystat/surveystat/analysis/dist"
	"gonum.org/v1/gonum/mat"
)

// DesignTable accumulates, one respondent at a time, the weighted r×c
// table of two categorical variables under a survey design, keeping per
// stratum and PSU the weighted totals of the r·c cell indicators (memory
// O(r·c) per PSU), for the Rao–Scott test of independence.
//
// The zero value is not ready for use; call NewDesignTable.
type DesignTable struct {
	r, c   int
	acc    *designAcc
	lonely LonelyPSU
	n      int // respondents in the table
}

// NewDesignTable returns an empty r×c design-based table.
func NewDesignTable(r, c int, lonely LonelyPSU) (*DesignTable, error) {
	if r < 2 || c < 2 || r*c > 10000 {
		return nil, fmt.Errorf("table of %d×%d: %w", r, c, ErrDesign)
	}
	return &DesignTable{r: r, c: c, acc: newDesignAcc(r * c), lonely: lonely}, nil
}

// Add adds one respondent in row category i and column category j
// (0-based). A negative i or j (a missing answer, or outside the
// subpopulation) keeps the respondent in its PSU with zero
// contributions, as a domain, but out of the table.
func (t *DesignTable) Add(row DesignRow, i, j int) error {
	return t.AddN(row, i, j, 1)
}

// AddN adds count identical respondents, as from a row of an aggregated
// cell table; the result is the same as count calls of Add.
func (t *DesignTable) AddN(row DesignRow, i, j, count int) error {
	if i >= t.r || j >= t.c {
		return fmt.Errorf("cell (%d, %d) outside a %d×%d table: %w", i, j, t.r, t.c, ErrDesign)
	}
	tv := make([]float64, t.r*t.c)
	in := i >= 0 && j >= 0
	if in {
		tv[i+t.r*j] = row.Weight
	}
	if err := t.acc.addN(row, tv, in && row.Weight > 0, count); err != nil {
		return err
	}
	if in {
		t.n += count
	}
	return nil
}

// RaoScottResult is a design-based test of independence in a two-way
// table (Rao & Scott 1981, 1984), as R's svychisq(~a + b, design).
type RaoScottResult struct {
	// Pearson is Pearson's X² for the weighted table rescaled to the
	// number of respondents N (R: the "X-squared" that
	// svychisq(statistic = "Chisq") prints).
	Pearson float64
	// Rows and Cols are the numbers of row and column categories with a
	// positive weighted total (empty ones are dropped, as R sees only the
	// levels present).
	Rows, Cols int
	// MeanDeff is the mean generalized design effect δ̄ = tr(Δ)/K of the
	// K = (Rows−1)(Cols−1) interaction contrasts.
	MeanDeff float64
	// F, NumDF, DenDF and PF are the second-order Rao–Scott test, R's
	// default statistic = "F": F = X²/tr(Δ) on d = tr(Δ)²/tr(Δ²) and
	// d·ν degrees of freedom, ν = PSUs − strata.
	F, NumDF, DenDF, PF float64
	// Chisq, DF and PChisq are the first-order correction, R's
	// statistic = "Chisq": X²/δ̄ referred to χ² on K degrees of freedom.
	Chisq  float64
	DF     int
	PChisq float64
	// Nu is the design degrees of freedom ν = PSUs − strata, counting
	// the PSUs and strata with a respondent in the table (R counts every
	// PSU of the design; the two agree unless whole PSUs are outside the
	// table).
	Nu int
}

// RaoScott returns the Rao–Scott tests of independence of the table,
// exactly as R's svychisq: with p̂ the vector of estimated cell
// proportions, V its linearised design covariance, C the interaction
// contrasts (the interaction columns of the saturated model made
// orthogonal to the main effects) and D = diag(p̂),
//
//	Δ = (Cᵀ D⁻¹ C / N)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C),
//
// the matrix of generalized design effects.
func (t *DesignTable) RaoScott() (RaoScottResult, error) {
	var res RaoScottResult
	K := t.r * t.c
	tot := make([]float64, K)
	for _, s := range t.acc.strata {
		for _, p := range s.psus {
			for k, v := range p.t[:K] {
				tot[k] += v
			}
		}
		if s.single {
			for k, v := range s.mean[:K] {
				tot[k] += v * float64(s.nSing)
			}
		}
	}
	W := 0.0
	for _, v := range tot {
		W += v
	}
	if t.n == 0 || !(W > 0) {
		return res, fmt.Errorf("no respondent in the table: %w", ErrEmptyDomain)
	}
	p := make([]float64, K)
	for k := range p {
		p[k] = tot[k] / W
	}
	// Influence of cell proportion l per PSU: (T_l − p_l·Σ_k T_k)/W.
	A := make([]float64, K*K)
	for i := 0; i < K; i++ {
		for l := 0; l < K; l++ {
			A[i*K+l] = -p[l] / W
			if i == l {
				A[i*K+l] += 1 / W
			}
		}
	}
	vfull, err := t.acc.cov(A, K, t.lonely)
	if err != nil {
		return res, err
	}
	// Keep the rows and columns with a positive total.
	rowTot := make([]float64, t.r)
	colTot := make([]float64, t.c)
	for i := 0; i < t.r; i++ {
		for j := 0; j < t.c; j++ {
			rowTot[i] += p[i+t.r*j]
			colTot[j] += p[i+t.r*j]
		}
	}
	var rows, cols []int
	for i, v := range rowTot {
		if v > 0 {
			rows = append(rows, i)
		}
	}
	for j, v := range colTot {
		if v > 0 {
			cols = append(cols, j)
		}
	}
	nr, nc := len(rows), len(cols)
	res.Rows, res.Cols = nr, nc
	if nr < 2 || nc < 2 {
		return res, fmt.Errorf("%d non-empty rows and %d non-empty columns: %w", nr, nc, ErrDegenerate)
	}
	psus, strata := t.acc.df()
	res.Nu = psus - strata
	if t.acc.rk != nil {
		// R keeps every row of a raked design in a subset, and svychisq
		// counts all of its PSUs and strata.
		res.Nu = t.acc.dfAll()
	}
	if res.Nu < 1 {
		return res, fmt.Errorf("ν = %d: %w", res.Nu, ErrDesignDF)
	}
	k := nr * nc
	cell := make([]int, k) // reduced cell (a + nr·b) → full index
	for b, j := range cols {
		for a, i := range rows {
			cell[a+nr*b] = i + t.r*j
		}
	}
	N := float64(t.n)
	if t.acc.rk != nil {
		N = float64(t.acc.rk.rows()) // R: nrow of the raked subset, all rows
	}
	// Pearson X² of the table scaled to N (N cancels in F and Δ).
	for _, j := range cols {
		for _, i := range rows {
			o := N * p[i+t.r*j]
			e := N * rowTot[i] * colTot[j]
			res.Pearson += (o - e) * (o - e) / e
		}
	}
	// Main-effects design X1 (intercept, row and column treatment
	// contrasts) and interaction columns X12 of the saturated model.
	nint := (nr - 1) * (nc - 1)
	x1 := mat.NewDense(k, nr+nc-1, nil)
	x12 := mat.NewDense(k, nint, nil)
	for b := 0; b < nc; b++ {
		for a := 0; a < nr; a++ {
			q := a + nr*b
			x1.Set(q, 0, 1)
			if a > 0 {
				x1.Set(q, a, 1)
			}
			if b > 0 {
				x1.Set(q, nr-1+b, 1)
			}
			if a > 0 && b > 0 {
				x12.Set(q, (a-1)+(nr-1)*(b-1), 1)
			}
		}
	}
	var coef mat.Dense
	if err := coef.Solve(x1, x12); err != nil {
		return res, fmt.Errorf("contrasts: %v: %w", err, ErrDegenerate)
	}
	var fit, C mat.Dense
	fit.Mul(x1, &coef)
	C.Sub(x12, &fit)
	iD := mat.NewDiagDense(k, nil)
	V := mat.NewDense(k, k, nil)
	for q := 0; q < k; q++ {
		if pq := p[cell[q]]; pq > 0 {
			iD.SetDiag(q, 1/pq)
		}
		for o := 0; o < k; o++ {
			V.Set(q, o, vfull[cell[q]*K+cell[o]])
		}
	}
	var iDC, denom, tmp, numr, delta mat.Dense
	iDC.Mul(iD, &C)
	denom.Mul(C.T(), &iDC)
	denom.Scale(1/N, &denom)
	tmp.Mul(V, &iDC)
	numr.Mul(iDC.T(), &tmp)
	if err := delta.Solve(&denom, &numr); err != nil {
		return res, fmt.Errorf("Rao–Scott Δ: %v: %w", err, ErrDegenerate)
	}
	var d2 mat.Dense
	d2.Mul(&delta, &delta)
	tr, tr2 := mat.Trace(&delta), mat.Trace(&d2)
	if !(tr > 0) || !(tr2 > 0) {
		return res, fmt.Errorf("generalized design effects sum to %v: %w", tr, ErrDegenerate)
	}
	res.MeanDeff = tr / float64(nint)
	d0 := tr * tr / tr2
	res.F = res.Pearson / tr
	res.NumDF = d0
	res.DenDF = d0 * float64(res.Nu)
	res.PF = dist.FSurvival(res.F, d0, res.DenDF)
	res.Chisq = res.Pearson / res.MeanDeff
	res.DF = nint
	res.PChisq = dist.ChiSquaredSurvival(res.Chisq, float64(nint))
	return res, nil
}
