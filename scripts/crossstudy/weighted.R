# Reference values for a difference between two independent weighted
# surveys: the two respondent files are written to
# crossstudy/testdata/weighted/ (weights only) and
# crossstudy/testdata/weighted2/ (weights and clusters), then stacked with
# the survey as a stratum, so that R survey's variance of the difference of
# the two shares is the sum of the two surveys' design-based variances:
# svyby(~y, ~survey, design, svymean, covmat = TRUE), svycontrast(b − a)
# and confint() on the normal distribution. Writes
# crossstudy/testdata/weighted_r.csv. Run by scripts/crossstudy/generate.sh.
suppressMessages(library(survey))
out <- "crossstudy/testdata"
set.seed(20261202)
a <- data.frame(
  id = sprintf("W%03d", 1:60),
  banner_q = sample(1:3, 60, replace = TRUE, prob = c(0.3, 0.4, 0.3)),
  w = round(runif(60, 0.5, 2), 2))
b <- data.frame(
  id = sprintf("V%03d", 1:80),
  psu = rep(sprintf("P%02d", 1:20), each = 4),
  banner_q = sample(1:3, 80, replace = TRUE, prob = c(0.45, 0.35, 0.2)),
  w = round(runif(80, 0.4, 2.5), 2))
write.csv(a, file.path(out, "weighted", "responses.csv"), row.names = FALSE, quote = FALSE)
write.csv(b, file.path(out, "weighted2", "responses.csv"), row.names = FALSE, quote = FALSE)
both <- rbind(
  data.frame(survey = "a", psu = a$id, banner_q = a$banner_q, w = a$w),
  data.frame(survey = "b", psu = paste0("b", b$psu), banner_q = b$banner_q, w = b$w))
both$y <- as.numeric(both$banner_q == 1)
des <- svydesign(ids = ~psu, strata = ~survey, weights = ~w, data = both)
by <- svyby(~y, ~survey, des, svymean, covmat = TRUE)
rows <- list()
for (level in c(0.9, 0.95, 0.99)) {
  con <- svycontrast(by, c(-1, 1))
  ci <- confint(con, level = level)
  rows[[length(rows) + 1]] <- data.frame(
    level = level,
    share_a = sprintf("%.15g", coef(by)[1]), share_b = sprintf("%.15g", coef(by)[2]),
    diff = sprintf("%.15g", coef(con)[1]), se = sprintf("%.15g", SE(con)[1]),
    lower = sprintf("%.15g", ci[1, 1]), upper = sprintf("%.15g", ci[1, 2]))
}
write.csv(do.call(rbind, rows), file.path(out, "weighted_r.csv"), row.names = FALSE)
