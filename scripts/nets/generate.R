# Reference values for nets (groups of categories) in a weighted, clustered
# sample: R survey's svymean and svyciprop of the indicator "answer in the
# net" among respondents with a valid answer (a domain, as subset()), overall
# and by sex. Writes the respondent file and the reference values to the
# directory given as the only argument. Run by scripts/nets/generate.sh.
suppressMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
set.seed(20261201)
n <- 120
d <- data.frame(
  id = sprintf("R%03d", seq_len(n)),
  psu = rep(sprintf("P%02d", 1:24), each = 5),
  sex = sample(c(1, 2), n, replace = TRUE),
  att = sample(c(1, 2, 3, 4, 9), n, replace = TRUE, prob = c(0.3, 0.25, 0.2, 0.15, 0.1)),
  w = round(runif(n, 0.4, 2.6), 3)
)
write.csv(d, file.path(out, "responses.csv"), row.names = FALSE, quote = FALSE)
d$valid <- d$att != 9
d$reject <- as.numeric(d$att %in% c(1, 2))
d$top <- as.numeric(d$att %in% c(3, 4))
des <- svydesign(ids = ~psu, weights = ~w, data = d)
rows <- list()
add <- function(net, domain, sub, level, method) {
  f <- as.formula(paste0("~", net))
  m <- svymean(f, sub)
  ci <- svyciprop(f, sub, method = method, level = level)
  lim <- attr(ci, "ci")
  rows[[length(rows) + 1]] <<- data.frame(
    net = net, domain = domain, level = level, method = method,
    share = sprintf("%.15g", coef(m)[1]), se = sprintf("%.15g", SE(m)[1]),
    lower = sprintf("%.15g", lim[1]), upper = sprintf("%.15g", lim[2]))
}
for (net in c("reject", "top")) {
  for (level in c(0.9, 0.95)) {
    for (method in c("logit", "mean", "beta")) {
      add(net, "all", subset(des, valid), level, method)
      add(net, "sex=m", subset(des, valid & sex == 1), level, method)
      add(net, "sex=f", subset(des, valid & sex == 2), level, method)
    }
  }
}
write.csv(do.call(rbind, rows), file.path(out, "svyciprop.csv"), row.names = FALSE)
writeLines(paste("R", R.version$major, R.version$minor, "survey", as.character(packageVersion("survey"))),
  file.path(out, "VERSIONS"))
