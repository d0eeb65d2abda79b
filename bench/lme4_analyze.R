#!/usr/bin/env Rscript
# The peer side of bench/analyze.sh: the same four analyses as `tracker analyze` (lme4 growth model,
# nls decay, AR(1) with CR1 SEs, Kaplan-Meier), one lmer fit with the chosen optimiser, written as JSON.
# The persistence meat uses rowsum (vectorised) so R is not slowed by reference.R's per-participant lapply.
# Usage: Rscript lme4_analyze.R INPUT.csv OUTPUT.json FORMULA [optimizer: default|bobyqa] [outcome] [time] [subject] [wave]
suppressMessages({library(lme4); library(jsonlite); library(survival)})
a <- commandArgs(trailingOnly = TRUE)
input <- a[1]; output <- a[2]; formula <- a[3]
optimizer <- if (length(a) >= 4) a[4] else "default"
outcome <- if (length(a) >= 5) a[5] else "willingness"
time    <- if (length(a) >= 6) a[6] else "days"
subject <- if (length(a) >= 7) a[7] else "participant_id"
wave    <- if (length(a) >= 8) a[8] else "wave"
clock <- function() proc.time()[["elapsed"]]
t0 <- clock()
d <- read.csv(input, stringsAsFactors = FALSE)
t1 <- clock()
ctl <- if (optimizer == "bobyqa") lmerControl(optimizer = "bobyqa") else lmerControl()
fm <- suppressWarnings(lmer(as.formula(formula), d, REML = TRUE, control = ctl))
t2 <- clock()
vc <- as.data.frame(VarCorr(fm)); re <- vc[vc$grp != "Residual", ]
fe <- fixef(fm); se <- sqrt(diag(as.matrix(vcov(fm))))
growth <- list(formula = formula, n_obs = nobs(fm), n_groups = as.integer(ngrps(fm)[1]), reml_criterion = REMLcrit(fm),
  fixed = lapply(setNames(names(fe), names(fe)), function(n) list(estimate = unname(fe[n]), se = unname(se[n]), t = unname(fe[n] / se[n]))),
  random = list(sd_intercept = re[is.na(re$var2) & re$var1 == "(Intercept)", "sdcor"],
                sd_slope = re[is.na(re$var2) & re$var1 != "(Intercept)", "sdcor"],
                corr = re[!is.na(re$var2), "sdcor"], sd_residual = vc[vc$grp == "Residual", "sdcor"]),
  singular = isSingular(fm))
y <- d[[outcome]]; tt <- d[[time]]
decay <- tryCatch({
  fit <- nls(y ~ SSasymp(tt, plateau, initial, lrc)); co <- coef(summary(fit)); rate <- exp(co["lrc", 1])
  list(plateau = list(estimate = co["plateau", 1], se = co["plateau", 2]), initial = list(estimate = co["initial", 1], se = co["initial", 2]),
       rate = list(estimate = rate, se = rate * co["lrc", 2]), half_life = list(estimate = log(2) / rate, se = log(2) / rate * co["lrc", 2]),
       rss = sum(residuals(fit)^2), sigma = summary(fit)$sigma, n = length(y))
}, error = function(e) list(converged = FALSE, message = conditionMessage(e)))
t3 <- clock()
k <- paste(d[[subject]], d[[wave]]); prev <- setNames(y, paste(d[[subject]], d[[wave]] + 1))
lag <- prev[k]; ok <- !is.na(lag)
yy <- y[ok]; x <- lag[ok]; g <- d[[subject]][ok]
X <- cbind(1, x); fit <- lm.fit(X, yy); u <- fit$residuals
bread <- solve(crossprod(X)); n <- length(yy); G <- length(unique(g))
S <- rowsum(X * u, g); meat <- crossprod(S)
V <- bread %*% meat %*% bread * (G / (G - 1)) * ((n - 1) / (n - 2))
persistence <- list(rho = list(estimate = unname(fit$coefficients[2]), se = sqrt(V[2, 2])),
                    intercept = list(estimate = unname(fit$coefficients[1]), se = sqrt(V[1, 1])), n_pairs = n, n_groups = G)
last <- tapply(d[[wave]], d[[subject]], max); W <- max(d[[wave]])
s <- survfit(Surv(as.numeric(last), as.numeric(last < W)) ~ 1)
retention <- list(final_wave = W, n = length(last), curve = lapply(seq_along(s$time), function(i)
  list(wave = s$time[i], at_risk = s$n.risk[i], events = s$n.event[i], survival = s$surv[i], se = s$std.err[i] * s$surv[i])))
t4 <- clock()
write_json(list(growth = growth, decay = decay, persistence = persistence, retention = retention), output, auto_unbox = TRUE, digits = NA, pretty = TRUE)
message(sprintf("timing read=%.2f lmer=%.2f nls=%.2f ar1+km=%.2f", t1 - t0, t2 - t1, t3 - t2, t4 - t3))
