# Simulates the RI-CLPM reference panels (long CSVs) with fixed seeds and writes lavaan's fits of
# them with riclpm_reference.R. Run from this folder:  Rscript make_riclpm_cases.R
# Each panel has attrition (dropping out after any wave) and skipped answers, so the fits exercise
# the full-information likelihood over missing-data patterns.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
source("riclpm_reference.R")

simulate_panel <- function(seed, participants, waves, constructs, lagged, ri_cov, dropout = 0.12, skip = 0.06,
                           blank = NULL) {
  set.seed(seed)
  n <- participants
  nc <- length(constructs)
  ri <- matrix(rnorm(n * nc), n) %*% chol(ri_cov)
  within_cov <- diag(0.5, nc) + 0.15
  w <- matrix(rnorm(n * nc), n) %*% chol(within_cov)
  means <- seq(3.2, 4.1, length.out = nc)
  present <- rep(TRUE, n)
  rows <- list()
  for (k in seq_len(waves)) {
    if (k > 1) {
      w <- w %*% t(lagged) + matrix(rnorm(n * nc), n) %*% chol(within_cov * 0.8)
      present <- present & runif(n) > dropout
    }
    scores <- sweep(ri + w, 2, means + 0.05 * k, "+")
    scores[runif(n * nc) < skip] <- NA
    for (b in blank) if (b$wave == k) scores[, match(b$construct, constructs)] <- NA
    answered <- present & rowSums(!is.na(scores)) > 0
    frame <- data.frame(participant_id = sprintf("p%04d", which(answered)), wave = k,
                        days = round((k - 1) * 30 + runif(sum(answered), 0, 6), 2))
    for (i in seq_len(nc)) frame[[constructs[i]]] <- round(scores[answered, i], 4)
    rows[[k]] <- frame
  }
  long <- do.call(rbind, rows)
  long[order(long$participant_id, long$wave), ]
}

make_case <- function(name, constructs, equal, ...) {
  long <- simulate_panel(constructs = constructs, ...)
  write.csv(long, paste0(name, ".csv"), row.names = FALSE, quote = FALSE, na = "")
  waves <- sort(unique(long$wave))
  wide <- long_to_wide(long, constructs, waves)
  result <- tryCatch({
    fit <- fit_riclpm(wide, constructs, waves, equal)
    if (!lavInspect(fit, "converged")) stop("lavaan did not converge")
    reference_json(fit, constructs, waves, equal)
  }, error = function(e) list(lavaan = as.character(packageVersion("lavaan")), constructs = constructs,
                             waves = length(waves), equal = equal, error = conditionMessage(e)))
  write_json(result, paste0(name, ".ref.json"), auto_unbox = TRUE, digits = NA, pretty = TRUE)
}

two <- c("ownership", "willingness")
lag2 <- matrix(c(0.35, 0.20, 0.10, 0.30), 2, byrow = TRUE)
ri2 <- matrix(c(0.6, 0.25, 0.25, 0.5), 2)
make_case("two_free", two, FALSE, seed = 101, participants = 400, waves = 4, lagged = lag2, ri_cov = ri2)
make_case("two_equal", two, TRUE, seed = 202, participants = 400, waves = 5, lagged = lag2, ri_cov = ri2)

three <- c("ownership", "value", "willingness")
lag3 <- matrix(c(0.30, 0.05, 0.10,
                 0.10, 0.25, 0.00,
                 0.20, 0.15, 0.35), 3, byrow = TRUE)
ri3 <- matrix(c(0.5, 0.2, 0.2, 0.2, 0.4, 0.15, 0.2, 0.15, 0.6), 3)
make_case("three_free", three, FALSE, seed = 303, participants = 450, waves = 4, lagged = lag3, ri_cov = ri3)

# Nobody answered willingness in wave 3 (the construct was not asked that wave).
make_case("unasked_wave", two, TRUE, seed = 404, participants = 400, waves = 5, lagged = lag2, ri_cov = ri2,
          blank = list(list(construct = "willingness", wave = 3)))

# Random-intercept variances near 0: the stable between-person differences are tiny.
make_case("near_boundary", two, TRUE, seed = 505, participants = 350, waves = 4, lagged = lag2,
          ri_cov = matrix(c(0.02, 0.0, 0.0, 0.015), 2))
