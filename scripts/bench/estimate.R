# The estimates of scripts/bench/estimate (surveystat) in R's survey
# package, for the benchmark: every question's shares with 95% intervals,
# overall and by gender, age_band, uses_facebook and uses_instagram, each
# among the question's base with valid answers (code 9 = missing). Shares
# are means of 0/1 indicators per category, so that a subgroup in which a
# category does not occur is no problem.
#
#   Rscript scripts/bench/estimate.R FILE.csv [one]
#
# With "one", only what the scaling issue timed R on: one share (aware)
# with its interval, and the same share by gender with svyby.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
mode <- if (length(args) >= 2) args[2] else "all"
start <- Sys.time()
d <- read.csv(args[1], colClasses = c("character", rep("integer", 9)))
if (anyDuplicated(d$respondent_id)) stop("duplicate respondent id")
questions <- list(gender = 1:3, age_band = 1:4, uses_facebook = 1:2, uses_instagram = 1:2,
                  aware = 1:2, attitude = 1:3, recall_instagram = 1:2,
                  recall_facebook = 1:2, informed = 1:2)
base <- list(attitude = quote(aware == 1),
             recall_instagram = quote(uses_instagram == 1),
             recall_facebook = quote(uses_facebook == 1))
subgroups <- c("gender", "age_band", "uses_facebook", "uses_instagram")
for (v in subgroups) d[[v]][d[[v]] == 9] <- NA
for (q in names(questions)) for (c in questions[[q]]) {
  d[[paste0(q, "_", c)]] <- as.numeric(d[[q]] == c)
}
d$w <- 1
des <- svydesign(ids = ~1, weights = ~w, data = d)
n <- 0
if (mode == "one") {
  ci <- confint(svymean(~aware_1, des))
  ci <- confint(svyby(~aware_1, ~gender, des, svymean, na.rm.by = TRUE))
  n <- 1 + length(ci) / 2
  questions <- list()
}
for (q in names(questions)) {
  keep <- !is.na(d[[q]]) & d[[q]] != 9
  if (!is.null(base[[q]])) keep <- keep & with(d, eval(base[[q]]))
  keep[is.na(keep)] <- FALSE
  sub <- subset(des, keep)
  f <- as.formula(paste("~", paste0(q, "_", questions[[q]], collapse = " + ")))
  m <- svymean(f, sub)
  ci <- confint(m)
  n <- n + length(coef(m))
  for (g in subgroups) {
    if (g == q) next
    b <- svyby(f, as.formula(paste0("~", g)), sub, svymean, na.rm.by = TRUE)
    ci <- confint(b)
    n <- n + length(coef(b))
  }
}
cat(sprintf("rows=%d estimates=%d seconds=%.3f\n", nrow(d), n,
            as.numeric(difftime(Sys.time(), start, units = "secs"))))
