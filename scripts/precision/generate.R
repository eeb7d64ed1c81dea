# Reference values for the precision statement of a weighted, stratified
# cluster sample (report/testdata/studies/weighted-strata-clusters): the
# design effect of every overall share (svymean(..., deff = "replace")),
# their median, the design's degrees of freedom and the margin of error at
# p = 50 %, qt(0.975, df) * sqrt(median deff * 0.25 / n).
# Usage: sh scripts/precision/generate.sh (make conformance-refs)
suppressMessages(library(survey))
d <- read.csv("report/testdata/studies/weighted-strata-clusters/responses.csv")
des <- svydesign(ids = ~village, strata = ~district, weights = ~wt, data = d, nest = TRUE)
deffs <- c()
share <- function(des, y) {
  m <- svymean(as.formula(paste0("~", y)), des, deff = "replace")
  deff(m)[1]
}
# visits: all respondents with a valid answer (9 = missing)
dv <- subset(des, visits %in% 1:3)
for (k in 1:3) {
  dv <- update(dv, y = as.numeric(visits == k))
  deffs <- c(deffs, share(dv, "y"))
}
# ebooks: among visitors (visits 1 or 2) with an answer
de <- subset(des, visits %in% 1:2 & ebooks %in% 1:2)
for (k in 1:2) {
  de <- update(de, y = as.numeric(ebooks == k))
  deffs <- c(deffs, share(de, "y"))
}
n <- nrow(d)
df <- degf(des)
med <- median(deffs)
moe <- qt(0.975, df) * sqrt(med * 0.25 / n)
cat("n,df,strata,psus,median_deff,moe_points\n")
cat(sprintf("%d,%d,%d,%d,%.10f,%.10f\n", n, df, length(unique(d$district)),
  length(unique(paste(d$district, d$village))), med, 100 * moe))
