# Careless-answer indices computed independently in base R (the careless package is not used), for
# CarelessIndicesTests. Makes careless.csv (a small wave: 4 constructs x 3 items, answers 1-5, some skipped,
# some careless patterns planted, seconds to submit) and careless.ref.json with every index per response.
# Run in this folder: Rscript careless_reference.R   (needs r-cran-jsonlite)
suppressPackageStartupMessages(library(jsonlite))
set.seed(20261203)
constructs <- rep(c("ownership", "value", "identification", "willingness"), each = 3)
k <- length(constructs)
n <- 40
trait <- matrix(rnorm(n * 4), n, 4)
answers <- matrix(NA_real_, n, k)
for (j in seq_len(k)) answers[, j] <- pmin(5, pmax(1, round(3 + 0.9 * trait[, (j - 1) %/% 3 + 1] + rnorm(n, sd = 0.7))))
answers[1, ] <- 3                                  # straight-liner
answers[2, ] <- c(rep(5, 8), 4, 4, 5, 5)           # long run
answers[3, ] <- sample(1:5, k, replace = TRUE)     # random answering
answers[4, ] <- rep(c(1, 5), 6)                    # alternating: halves disagree
answers[5, c(2, 7)] <- NA                          # skipped items
answers[6, 12] <- NA
answers[7, 4:6] <- NA                              # a whole construct skipped
seconds <- round(rexp(n, 1 / 90) + 20)
seconds[c(1, 3)] <- c(9, 14)                       # too fast
seconds[8] <- NA                                   # not recorded
colnames(answers) <- paste0("i", seq_len(k))
write.csv(data.frame(response = sprintf("r%02d", seq_len(n)), answers, seconds = seconds), "careless.csv", row.names = FALSE, na = "")

# Long string: the longest run of identical consecutive answers in item order; a skipped item ends a run.
longstring <- function(x) {
  best <- 0; run <- 0; prev <- NA
  for (v in x) {
    if (is.na(v)) { run <- 0; prev <- NA; next }
    run <- if (!is.na(prev) && v == prev) run + 1 else 1
    prev <- v; best <- max(best, run)
  }
  best
}
# IRV: the sample SD (n - 1) of the answered items; undefined below 2 answers.
irv <- function(x) { x <- x[!is.na(x)]; if (length(x) < 2) NA else sd(x) }
# Even-odd: per construct the mean of its odd-positioned and of its even-positioned answered items; Pearson r
# between the two across the constructs with both halves; Spearman-Brown 2r / (1 + r); at least 3 constructs.
# Returns r; the corrected value is computed below (r = -1 gives -Inf, which JSON cannot hold).
evenodd_r <- function(x) {
  odd <- c(); even <- c()
  for (c in unique(constructs)) {
    v <- x[constructs == c]; pos <- seq_along(v)
    o <- v[pos %% 2 == 1]; e <- v[pos %% 2 == 0]
    if (all(is.na(o)) || all(is.na(e))) next
    odd <- c(odd, mean(o, na.rm = TRUE)); even <- c(even, mean(e, na.rm = TRUE))
  }
  if (length(odd) < 3 || sd(odd) == 0 || sd(even) == 0) return(NA)
  cor(odd, even)
}
# Mahalanobis: mean and covariance (n - 1) of the complete responses; a response with skipped items is measured on
# its answered items (the sub-vector and sub-matrix), p-value from chi-square with that many degrees of freedom.
complete <- answers[complete.cases(answers), ]
centre <- colMeans(complete); S <- cov(complete)
d2 <- rep(NA_real_, n); pvalue <- rep(NA_real_, n); df <- rep(NA_integer_, n)
for (i in seq_len(n)) {
  a <- !is.na(answers[i, ])
  if (sum(a) == 0) next
  d2[i] <- mahalanobis(answers[i, a], centre[a], S[a, a, drop = FALSE])
  df[i] <- sum(a)
  pvalue[i] <- pchisq(d2[i], df = df[i], lower.tail = FALSE)
}
rows <- lapply(seq_len(n), function(i) list(
  response = sprintf("r%02d", i),
  longstring = longstring(answers[i, ]),
  irv = irv(answers[i, ]),
  evenodd_r = evenodd_r(answers[i, ]),
  evenodd = { r <- evenodd_r(answers[i, ]); if (is.na(r) || r <= -1) NA else 2 * r / (1 + r) },
  mahalanobis = d2[i], mahalanobis_df = df[i], mahalanobis_p = pvalue[i]))
writeLines(toJSON(list(
  note = "base R 4.2; see careless_reference.R",
  constructs = constructs,
  complete_responses = nrow(complete),
  responses = rows), auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "careless.ref.json")
