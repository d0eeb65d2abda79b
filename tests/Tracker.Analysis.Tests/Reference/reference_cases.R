#!/usr/bin/env Rscript
# Like reference.R (same arguments, same functions, sourced from it), but a section R cannot compute
# is written as {"converged": false, "message": ...} instead of stopping the script. Edge-case
# references (a single wave, too few groups) need that.
# Usage: Rscript reference_cases.R INPUT.csv OUTPUT.json [formula] [outcome] [time] [subject] [wave]
here <- dirname(normalizePath(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))))
src <- readLines(file.path(here, "reference.R"))
eval(parse(text = src[seq_len(grep("^dec <- tryCatch", src) - 1)]))
safe <- function(expr) tryCatch(expr, error = function(e) list(converged = FALSE, message = conditionMessage(e)))
out <- list(growth = safe(growth(d, formula)), decay = safe(decay(d[[outcome]], d[[time]])),
            persistence = safe(persistence(d)), retention = safe(retention(d)))
write_json(out, output, auto_unbox = TRUE, digits = NA, pretty = TRUE)
