#!/usr/bin/env Rscript
# Peer values for per-wave descriptives (t.test's 95% CI) and Cronbach's alpha (psych::alpha on the
# complete responses of each wave). Needs r-cran-psych and r-cran-jsonlite.
# Usage: Rscript descriptives_reference.R items_panel.csv items_panel.descriptives.json
suppressMessages({library(jsonlite); library(psych)})
a <- commandArgs(trailingOnly = TRUE)
d <- read.csv(a[1])
desc <- lapply(split(d$willingness, d$wave), function(y) {
  ci <- t.test(y)$conf.int
  list(n = length(y), mean = mean(y), sd = sd(y), ci_lower = ci[1], ci_upper = ci[2])
})
alpha_of <- function(cols) lapply(split(d[, cols], d$wave), function(x) {
  x <- na.omit(x); list(n = nrow(x), alpha = suppressWarnings(psych::alpha(x, check.keys = FALSE)$total$raw_alpha))
})
out <- list(descriptives = list(willingness = desc),
            reliability = list(willingness = alpha_of(paste0("willingness_", 1:3)), ownership = alpha_of(paste0("ownership_", 1:3))))
write_json(out, a[2], auto_unbox = TRUE, digits = NA, pretty = TRUE)
