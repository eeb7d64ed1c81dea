# Reference values for surveystat's design-based estimators (package
# analysis: design*.go, rake*.go, subgroup*.go, adjust*.go), computed with
# R's survey package from its own api data sets.
#
# Usage: Rscript scripts/design/generate.R [outdir]
# (default outdir analysis/testdata/design). See generate.sh.
suppressMessages(library(survey))
options(survey.lonely.psu = "fail")
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "analysis/testdata/design"
dir.create(out, recursive = TRUE, showWarnings = FALSE)
data(api)

wcsv <- function(x, name) {
  write.csv(x, file.path(out, name), row.names = FALSE, na = "NA")
  invisible(NULL)
}
num <- function(x) trimws(formatC(as.numeric(x), digits = 15, format = "g"))

# Indicator columns, computed here so that Go reads exactly R's y and domains.
ind <- function(d) {
  data.frame(
    y_ell0 = as.integer(d$ell == 0),
    y_schwide = as.integer(d$sch.wide == "Yes"),
    y_stypeE = as.integer(d$stype == "E"),
    y_meals50 = as.integer(d$meals > 50),
    y_awards = as.integer(d$awards == "Yes"),
    y_none = as.integer(d$api00 < 0), # no school: p = 0
    y_all = as.integer(d$api00 > 0), # every school: p = 1
    d_all = 1L,
    d_stypeH = as.integer(d$stype == "H"),
    d_stypeM = as.integer(d$stype == "M"),
    d_awards = as.integer(d$awards == "Yes")
  )
}

clus1 <- cbind(apiclus1[, c("dnum", "snum", "stype", "sch.wide", "awards", "comp.imp", "pw", "fpc")], ind(apiclus1))
strat <- cbind(apistrat[, c("snum", "stype", "sch.wide", "awards", "comp.imp", "pw", "fpc")], ind(apistrat))
strat$fpcfrac <- as.vector(table(apistrat$stype)[apistrat$stype]) / apistrat$fpc
clus2 <- cbind(apiclus2[, c("dnum", "snum", "stype", "sch.wide", "awards", "comp.imp", "pw")], ind(apiclus2))
# svydesign(id = ~dnum, fpc = ~fpc) without weights= takes them from the fpc.
clus1$w_fpc <- weights(svydesign(id = ~dnum, fpc = ~fpc, data = clus1))
wcsv(clus1, "apiclus1.csv")
wcsv(strat, "apistrat.csv")
wcsv(clus2, "apiclus2.csv")

designs <- list(
  clus1 = svydesign(id = ~dnum, fpc = ~fpc, data = clus1),
  clus1nofpc = svydesign(id = ~dnum, weights = ~pw, data = clus1),
  clus2nofpc = svydesign(id = ~dnum + snum, weights = ~pw, data = clus2),
  strat = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpc, data = strat),
  stratfrac = svydesign(id = ~1, strata = ~stype, weights = ~pw, fpc = ~fpcfrac, data = strat),
  stratnofpc = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = strat),
  wonly = svydesign(id = ~1, weights = ~pw, data = strat)
)
shares <- c("y_ell0", "y_schwide", "y_stypeE", "y_meals50", "y_awards", "y_none", "y_all")
domains <- c("d_all", "d_stypeH", "d_stypeM", "d_awards")
methods <- c("logit", "likelihood", "asin", "beta", "mean", "xlogit")
levels <- c(0.90, 0.95, 0.99)

# svyciprop(method = "likelihood") profiles around the quasibinomial
# svyglm(y ~ 1) it fits with glm's default control, which stops when the
# relative change in deviance falls below 1e-8. Its naive variance (the
# denominator of the design-effect ratio that sets the cutoff) is then
# evaluated at the last-but-one iterate, which depends on glm's starting
# values, and the limits move by up to ~1e-5 (~2e-4 in one-df domains).
# The reference is the same interval from the same svyglm fitted to
# convergence; lik1df.csv keeps svyciprop's own numbers beside it.
lik_converged <- function(y, des, lv) {
  tryCatch({
    g <- suppressWarnings(svyglm(as.formula(paste0("I(", y, "==1) ~ 1")), des,
      family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100)))
    as.numeric(plogis(suppressMessages(suppressWarnings(
      confint(g, 1, level = lv, method = "likelihood", ddf = degf(des))))))
  }, error = function(e) c(NA, NA))
}

est <- NULL
cis <- NULL
for (dn in names(designs)) {
  for (dom in domains) {
    des <- designs[[dn]]
    if (dom != "d_all") des <- subset(des, des$variables[[dom]] == 1)
    for (y in shares) {
      f <- as.formula(paste0("~", y))
      m <- svymean(f, des, deff = TRUE)
      mr <- svymean(f, des, deff = "replace")
      est <- rbind(est, data.frame(
        design = dn, share = y, domain = dom,
        p = num(coef(m)[1]), se = num(SE(m)[1]), deff = num(deff(m)[1]),
        df = degf(des), n = nrow(des), deff_replace = num(deff(mr)[1])
      ))
      for (lv in levels) {
        for (me in methods) {
          ci <- if (me == "likelihood") lik_converged(y, des, lv) else tryCatch(
            suppressWarnings(attr(svyciprop(as.formula(paste0("~I(", y, "==1)")), des, method = me, level = lv), "ci")),
            error = function(e) c(NA, NA)
          )
          cis <- rbind(cis, data.frame(
            design = dn, share = y, domain = dom, level = lv, method = me,
            lower = num(ci[1]), upper = num(ci[2])
          ))
        }
      }
    }
  }
}
wcsv(est, "svymean.csv")
wcsv(cis, "svyciprop.csv")

# Lonely PSUs: apistrat with one school of stratum "H" kept, and apiclus1
# stratified by school type with district 716 alone in a stratum of its own.
lonely <- strat[strat$stype != "H" | seq_len(nrow(strat)) == which(strat$stype == "H")[1], ]
wcsv(lonely, "apistrat_lonely.csv")
cl <- clus1
cl$str <- ifelse(cl$dnum == 716, "lone", "rest")
wcsv(cl, "apiclus1_lonely.csv")
lon <- NULL
for (rule in c("fail", "certainty", "adjust")) {
  options(survey.lonely.psu = rule)
  dl <- list(
    strat_lonely = svydesign(id = ~1, strata = ~stype, weights = ~pw, data = lonely),
    clus1_lonely = svydesign(id = ~dnum, strata = ~str, weights = ~pw, data = cl)
  )
  for (dn in names(dl)) {
    for (y in c("y_schwide", "y_meals50")) {
      m <- tryCatch(svymean(as.formula(paste0("~", y)), dl[[dn]]), error = function(e) NULL)
      lon <- rbind(lon, data.frame(
        design = dn, rule = rule, share = y,
        p = if (is.null(m)) "error" else num(coef(m)[1]),
        se = if (is.null(m)) "error" else num(SE(m)[1]),
        df = degf(dl[[dn]])
      ))
    }
  }
}
options(survey.lonely.psu = "fail")
wcsv(lon, "lonely.csv")

# Raking (R's ?rake example, plus a three-margin version with population
# margins from apipop, plus a run stopped before convergence).
pop <- apipop
clus1$row <- seq_len(nrow(clus1))
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = clus1, fpc = ~fpc)
pop.types <- data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018))
pop.schwide <- data.frame(sch.wide = c("No", "Yes"), Freq = c(1072, 5122))
pop.awards <- as.data.frame(table(awards = pop$awards))
margins <- rbind(
  data.frame(example = "two", variable = "stype", category = pop.types$stype, total = pop.types$Freq),
  data.frame(example = "two", variable = "sch.wide", category = pop.schwide$sch.wide, total = pop.schwide$Freq),
  data.frame(example = "three", variable = "stype", category = pop.types$stype, total = pop.types$Freq),
  data.frame(example = "three", variable = "sch.wide", category = pop.schwide$sch.wide, total = pop.schwide$Freq),
  data.frame(example = "three", variable = "awards", category = as.character(pop.awards$awards), total = pop.awards$Freq)
)
wcsv(margins, "rake_margins.csv")
runs <- list(
  list(name = "two_default", ex = "two", control = list(maxit = 10, epsilon = 1)),
  list(name = "two_tight", ex = "two", control = list(maxit = 100, epsilon = 1e-10)),
  list(name = "three_default", ex = "three", control = list(maxit = 10, epsilon = 1)),
  list(name = "three_tight", ex = "three", control = list(maxit = 100, epsilon = 1e-10)),
  list(name = "three_maxit2", ex = "three", control = list(maxit = 2, epsilon = 1e-10))
)
rw <- data.frame(row = clus1$row, pw = clus1$pw)
rc <- NULL
raked <- list()
for (r in runs) {
  sm <- if (r$ex == "two") list(~stype, ~sch.wide) else list(~stype, ~sch.wide, ~awards)
  pm <- if (r$ex == "two") list(pop.types, pop.schwide) else list(pop.types, pop.schwide, pop.awards)
  conv <- TRUE
  d <- withCallingHandlers(rake(dclus1, sm, pm, control = r$control),
    warning = function(w) {
      conv <<- FALSE
      invokeRestart("muffleWarning")
    }
  )
  raked[[r$name]] <- d
  rw[[r$name]] <- num(weights(d))
  rc <- rbind(rc, data.frame(
    run = r$name, example = r$ex, maxit = r$control$maxit, epsilon = r$control$epsilon,
    converged = conv
  ))
}
wcsv(rw, "rake_weights.csv")
wcsv(rc, "rake_runs.csv")

# Estimates from the raked designs: svyrecvar removes the raking margins
# from the linearised values, so the SEs differ from those of the same
# weights taken as fixed.
rest <- NULL
rcis <- NULL
for (rn in names(raked)) {
  for (dom in domains) {
    des <- raked[[rn]]
    if (dom != "d_all") des <- subset(des, des$variables[[dom]] == 1)
    for (y in shares) {
      m <- svymean(as.formula(paste0("~", y)), des)
      rest <- rbind(rest, data.frame(
        run = rn, share = y, domain = dom,
        p = num(coef(m)[1]), se = num(SE(m)[1]), df = degf(des)
      ))
      for (me in methods) {
        ci <- tryCatch(
          suppressWarnings(attr(svyciprop(as.formula(paste0("~I(", y, "==1)")), des, method = me, level = 0.95), "ci")),
          error = function(e) c(NA, NA)
        )
        if (me == "likelihood") {
          # svyciprop's own glm stops at a relative deviance change of
          # 1e-8, which leaves its profile ~1e-4 off here (the domain's
          # design keeps every row); the same interval from a glm fitted
          # to convergence:
          ci <- tryCatch({
            g <- svyglm(as.formula(paste0("I(", y, "==1) ~ 1")), des,
              family = quasibinomial, control = glm.control(epsilon = 1e-15, maxit = 100))
            plogis(suppressWarnings(confint(g, 1, level = 0.95, method = "likelihood")))
          }, error = function(e) c(NA, NA))
        }
        rcis <- rbind(rcis, data.frame(
          run = rn, share = y, domain = dom, level = 0.95, method = me,
          lower = num(ci[1]), upper = num(ci[2])
        ))
      }
    }
  }
}
wcsv(rest, "rake_svymean.csv")
wcsv(rcis, "rake_svyciprop.csv")
rchi <- NULL
for (rn in c("two_default", "three_tight")) {
  for (f in list(~awards + comp.imp, ~sch.wide + stype, ~sch.wide + comp.imp)) {
    vars <- all.vars(f)
    # A test within a subset (the schools of two types) keeps every row of
    # the raked design, and svychisq's denominator df counts all its PSUs.
    dom <- if (identical(vars, c("sch.wide", "comp.imp"))) "d_notE" else "d_all"
    des <- if (dom == "d_all") raked[[rn]] else subset(raked[[rn]], stype != "E")
    fF <- svychisq(f, des, statistic = "F")
    fC <- svychisq(f, des, statistic = "Chisq")
    rchi <- rbind(rchi, data.frame(
      run = rn, row = vars[1], col = vars[2], domain = dom,
      F = num(fF$statistic), ndf = num(fF$parameter[1]), ddf = num(fF$parameter[2]), p_F = num(fF$p.value),
      X2 = num(fC$statistic), df_Chisq = fC$parameter[1], p_Chisq = num(fC$p.value)
    ))
  }
}
wcsv(rchi, "rake_svychisq.csv")

# Differences of two shares: between two disjoint groups (independent) and
# between two questions among the same respondents (paired), by the delta
# method on the totals (svycontrast of svytotal), with df of the design
# restricted to the respondents in either domain.
dcases <- list(
  list(name = "groups_stype", y1 = "y_schwide", d1 = "d_stypeH", y2 = "y_schwide", d2 = "d_stypeM"),
  list(name = "groups_awards", y1 = "y_meals50", d1 = "d_awards", y2 = "y_meals50", d2 = "d_noawards"),
  list(name = "paired_all", y1 = "y_schwide", d1 = "d_all", y2 = "y_awards", d2 = "d_all"),
  list(name = "paired_stypeM", y1 = "y_ell0", d1 = "d_stypeM", y2 = "y_meals50", d2 = "d_stypeM")
)
ddesigns <- c(designs, list(rake_two_default = raked[["two_default"]], rake_three_tight = raked[["three_tight"]]))
diffs <- NULL
for (dn in names(ddesigns)) {
  for (dc in dcases) {
    des <- ddesigns[[dn]]
    v <- des$variables
    d1 <- if (dc$d1 == "d_noawards") 1L - v$d_awards else v[[dc$d1]]
    d2 <- if (dc$d2 == "d_noawards") 1L - v$d_awards else v[[dc$d2]]
    des <- update(des, z1 = v[[dc$y1]] * d1, n1 = d1, z2 = v[[dc$y2]] * d2, n2 = d2, inany = pmax(d1, d2))
    tot <- svytotal(~ z1 + n1 + z2 + n2, des)
    con <- svycontrast(tot, quote(z1 / n1 - z2 / n2))
    df <- degf(subset(des, inany == 1))
    ci <- confint(con, level = 0.95, df = df)
    diffs <- rbind(diffs, data.frame(
      design = dn, case = dc$name, y1 = dc$y1, d1 = dc$d1, y2 = dc$y2, d2 = dc$d2,
      diff = num(coef(con)[1]), se = num(SE(con)[1]), df = df,
      lower = num(ci[1]), upper = num(ci[2]),
      p = num(2 * pt(-abs(coef(con)[1] / SE(con)[1]), df))
    ))
  }
}
wcsv(diffs, "svydiff.csv")

# Rao-Scott tests of independence.
chi <- NULL
tests <- list(
  list(design = "strat", f = ~sch.wide + stype),
  list(design = "clus1", f = ~sch.wide + stype),
  list(design = "clus1nofpc", f = ~awards + comp.imp),
  list(design = "stratnofpc", f = ~stype + awards),
  list(design = "wonly", f = ~sch.wide + comp.imp),
  list(design = "clus2nofpc", f = ~stype + awards)
)
for (t in tests) {
  fF <- svychisq(t$f, designs[[t$design]], statistic = "F")
  fC <- svychisq(t$f, designs[[t$design]], statistic = "Chisq")
  vars <- all.vars(t$f)
  chi <- rbind(chi, data.frame(
    design = t$design, row = vars[1], col = vars[2],
    F = num(fF$statistic), ndf = num(fF$parameter[1]), ddf = num(fF$parameter[2]), p_F = num(fF$p.value),
    X2 = num(fC$statistic), df_Chisq = fC$parameter[1], p_Chisq = num(fC$p.value)
  ))
}
wcsv(chi, "svychisq.csv")

# p.adjust.
p <- c(0.01, 0.04, 0.03, 0.005, 0.2, 0.04, 0.5, 0.001, 0.9, 0.03)
wcsv(data.frame(p = p, holm = num(p.adjust(p, "holm")), BH = num(p.adjust(p, "BH"))), "padjust.csv")

writeLines(c(
  paste("R:", R.version.string),
  paste("survey:", as.character(packageVersion("survey")))
), file.path(out, "VERSIONS"))

# Likelihood intervals in domains with one degree of freedom (issue 13,
# item 5): two PSUs of n/2 respondents, weights 1 and w2, k1 and k2 of
# them with y = 1. With t_1 = 12.7 the profile runs beyond logit ±30,
# where glm clamps the fitted value and the profile turns flat.
set.seed(13)
l1 <- NULL
for (it in 1:160) {
  n <- 2 * sample(5:40, 1)
  k1 <- sample(0:3, 1)
  k2 <- sample(0:4, 1)
  if (k1 + k2 == 0) next
  w2 <- round(runif(1, 0.3, 4), 2)
  d <- data.frame(psu = rep(1:2, each = n / 2), y = 0L, w = rep(c(1, w2), each = n / 2))
  if (k1 > 0) d$y[1:k1] <- 1L
  if (k2 > 0) d$y[n / 2 + seq_len(k2)] <- 1L
  des <- svydesign(ids = ~psu, weights = ~w, data = d)
  m <- svymean(~y, des)
  ci0 <- tryCatch(suppressWarnings(attr(svyciprop(~I(y == 1), des, method = "likelihood"), "ci")),
    error = function(e) c(NA, NA))
  ci <- lik_converged("y", des, 0.95)
  l1 <- rbind(l1, data.frame(
    n = n, k1 = k1, k2 = k2, w2 = w2, p = num(coef(m)[1]), se = num(SE(m)[1]),
    lower = num(ci[1]), upper = num(ci[2]), lower_svyciprop = num(ci0[1]), upper_svyciprop = num(ci0[2])
  ))
}
wcsv(l1, "lik1df.csv")
