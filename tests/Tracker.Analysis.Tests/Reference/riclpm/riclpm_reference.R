# Fits the RI-CLPM with lavaan to a long-format panel CSV and writes the reference JSON that
# Tracker's agreement tests read (the tests never run R).
#
#   Rscript riclpm_reference.R panel.csv panel.ref.json ownership,willingness [equal]
#
# The long table (participant_id, wave, one column per construct) is reshaped to one row per
# participant with columns <construct>_t<wave>; the model is the one the product documents
# (random intercepts, within components, lagged paths free per wave or held equal), fitted as
# lavaan(model, data = wide, missing = "ml", meanstructure = TRUE, int.ov.free = TRUE) with
# standard errors from the observed information (the Hessian).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })

riclpm_syntax <- function(constructs, waves, equal) {
  lines <- character()
  add <- function(...) lines <<- c(lines, paste0(...))
  for (c in constructs) add("RI_", c, " =~ ", paste0("1*", c, "_t", waves, collapse = " + "))
  for (k in waves) for (c in constructs) add("w_", c, "_t", k, " =~ 1*", c, "_t", k)
  for (k in waves) for (c in constructs) add(c, "_t", k, " ~~ 0*", c, "_t", k)
  for (k in waves[-1]) for (c in constructs) {
    rhs <- sapply(constructs, function(d) {
      label <- if (equal) paste0("b_", c, "_", d, "*") else ""
      paste0(label, "w_", d, "_t", k - 1)
    })
    add("w_", c, "_t", k, " ~ ", paste(rhs, collapse = " + "))
  }
  nc <- length(constructs)
  for (k in waves) for (i in seq_len(nc)) for (j in i:nc)
    add("w_", constructs[i], "_t", k, " ~~ w_", constructs[j], "_t", k)
  for (i in seq_len(nc)) for (j in i:nc) add("RI_", constructs[i], " ~~ RI_", constructs[j])
  for (c in constructs) for (k in waves) add("RI_", c, " ~~ 0*w_", c, "_t", k)
  # The random intercepts are uncorrelated with every within component, not only their own.
  for (c in constructs) for (d in constructs) if (c != d) for (k in waves) add("RI_", c, " ~~ 0*w_", d, "_t", k)
  for (c in constructs) for (k in waves) add(c, "_t", k, " ~ 1")
  for (c in constructs) add("RI_", c, " ~ 0*1")
  for (k in waves) for (c in constructs) add("w_", c, "_t", k, " ~ 0*1")
  paste(lines, collapse = "\n")
}

long_to_wide <- function(long, constructs, waves) {
  ids <- unique(as.character(long$participant_id))
  wide <- data.frame(participant_id = ids, stringsAsFactors = FALSE)
  row <- match(as.character(long$participant_id), ids)
  for (c in constructs) for (k in waves) {
    column <- rep(NA_real_, length(ids))
    at <- long$wave == k
    column[row[at]] <- long[[c]][at]
    wide[[paste0(c, "_t", k)]] <- column
  }
  wide
}

fit_riclpm <- function(wide, constructs, waves, equal) {
  lavaan(riclpm_syntax(constructs, waves, equal), data = wide, missing = "ml",
         meanstructure = TRUE, int.ov.free = TRUE, information = "observed",
         observed.information = "hessian")
}

reference_json <- function(fit, constructs, waves, equal) {
  pe <- parameterEstimates(fit)
  pe <- pe[!is.na(pe$se) & pe$se > 0, c("lhs", "op", "rhs", "est", "se")]
  fm <- fitMeasures(fit, c("logl", "unrestricted.logl", "npar", "chisq", "df", "cfi", "rmsea",
                           "baseline.chisq", "baseline.df", "ntotal"))
  list(
    lavaan = as.character(packageVersion("lavaan")),
    constructs = constructs, waves = length(waves), equal = equal,
    fit = as.list(fm),
    parameters = lapply(seq_len(nrow(pe)), function(i) as.list(pe[i, ])))
}

if (sys.nframe() == 0) {
  args <- commandArgs(trailingOnly = TRUE)
  long <- read.csv(args[1], stringsAsFactors = FALSE)
  constructs <- strsplit(args[3], ",")[[1]]
  equal <- length(args) >= 4 && args[4] == "equal"
  waves <- sort(unique(long$wave))
  wide <- long_to_wide(long, constructs, waves)
  result <- tryCatch({
    fit <- fit_riclpm(wide, constructs, waves, equal)
    if (!lavInspect(fit, "converged")) stop("lavaan did not converge")
    reference_json(fit, constructs, waves, equal)
  }, error = function(e) list(lavaan = as.character(packageVersion("lavaan")),
                             constructs = constructs, waves = length(waves), equal = equal,
                             error = conditionMessage(e)))
  write_json(result, args[2], auto_unbox = TRUE, digits = NA, pretty = TRUE)
}
