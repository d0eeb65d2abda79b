#!/usr/bin/env Rscript
# Extra data sets for Tracker.Analysis's own references (edge cases the shared references do not cover).
# Usage: Rscript make_cases.R   (run in this folder; writes the CSVs next to it)
panel <- read.csv("example_panel.csv", stringsAsFactors = FALSE)
sleep <- read.csv("sleepstudy.csv", stringsAsFactors = FALSE)

# Heavy attrition: 30% drop out after every wave, 15% skip a wave; other column names; many one-answer participants.
set.seed(7)
n <- 300; W <- 8; x <- round(rnorm(n), 3); u0 <- rnorm(n, 0, 0.6); u1 <- rnorm(n, 0, 0.004)
alive <- rep(TRUE, n); rows <- list()
for (w in 1:W) {
  t <- (w - 1) * 14 + round(runif(n, 0, 3), 2)
  y <- 4 + u0 + (2 + 0.5 * x) * exp(-(0.05 + u1) * t) + rnorm(n, 0, 0.45)
  if (w > 1) alive <- alive & runif(n) > 0.30
  idx <- which(alive & runif(n) > 0.15)
  rows[[w]] <- data.frame(id = sprintf("p%03d", idx), wave = w, t = t[idx], y = round(y[idx], 4), x = x[idx])
}
heavy <- do.call(rbind, rows); heavy <- heavy[order(heavy$id, heavy$wave), ]
write.csv(heavy, "heavy_attrition.csv", row.names = FALSE, quote = FALSE)

# A single wave: every participant answered once.
write.csv(panel[panel$wave == 1, ], "single_wave.csv", row.names = FALSE, quote = FALSE)

# sleepstudy plus a participant with one observation.
write.csv(rbind(sleep, data.frame(reaction = 301.5, days = 4, subject = "s999", wave = 5)),
          "one_observation.csv", row.names = FALSE, quote = FALSE)

# Two participants only.
write.csv(sleep[sleep$subject %in% c("s308", "s309"), ], "two_groups.csv", row.names = FALSE, quote = FALSE)

# Item-level answers (7-point, two constructs, a few items unanswered) for descriptives and Cronbach's alpha.
set.seed(11)
n <- 120; rows <- list()
trait <- rnorm(n); own <- rnorm(n)
for (w in 1:4) {
  idx <- which(runif(n) > 0.1 * w)
  item <- function(base, noise) pmin(7, pmax(1, round(base + rnorm(length(idx), 0, noise))))
  it <- data.frame(participant_id = sprintf("q%03d", idx), wave = w, days = (w - 1) * 30,
                   willingness_1 = item(4.5 + trait[idx] - 0.2 * w, 0.8), willingness_2 = item(4.4 + trait[idx] - 0.2 * w, 0.9),
                   willingness_3 = item(4.6 + trait[idx] - 0.2 * w, 1.0),
                   ownership_1 = item(4 + own[idx], 1), ownership_2 = item(4 + own[idx], 1.2), ownership_3 = item(4 + 0.5 * own[idx], 1.4))
  it$ownership_2[runif(nrow(it)) < 0.05] <- NA
  it$willingness <- round(rowMeans(it[, c("willingness_1", "willingness_2", "willingness_3")]), 4)
  rows[[w]] <- it
}
items <- do.call(rbind, rows); items <- items[order(items$participant_id, items$wave), ]
write.csv(items, "items_panel.csv", row.names = FALSE, quote = FALSE, na = "")
