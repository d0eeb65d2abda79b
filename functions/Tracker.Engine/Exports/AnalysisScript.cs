using System.Globalization;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// The bundle's <c>analysis.R</c>: Tracker's growth model with lme4, its decay curve with nls(SSasymp) and its
/// cross-lagged paths with lavaan (when installed) on the bundle's long.csv, printing the numbers R reports and,
/// beside them, Tracker's own (tracker_results.json).
/// The growth formula is the fitter's own (<see cref="WillingnessFormula"/>) and column names come from
/// <see cref="ExportColumns"/>, so script, model and export cannot drift apart.
/// </summary>
public static class AnalysisScript
{
    public const string FileName = "analysis.R";

    public static string DecayFormula(string outcome) =>
        $"{outcome} ~ SSasymp({ExportColumns.Days}, plateau, initial, lrc)";

    /// <summary>The script for a panel: the models on long.csv, then the questions of items.csv in R's types (<see cref="AnalysisScriptQuestions"/>).</summary>
    /// <param name="includePartial">The panel's <c>models.includePartial</c>: without it the script leaves partial responses out, as Tracker does.</param>
    public static string Render(string outcome, Tracker.Engine.Instruments.Instrument instrument, bool includePartial = false) =>
        Render(outcome, includePartial) + AnalysisScriptQuestions.Render(instrument);

    /// <param name="includePartial">The panel's <c>models.includePartial</c>: without it the script leaves partial responses out, as Tracker does.</param>
    public static string Render(string outcome, bool includePartial = false)
    {
        var partial = includePartial
            ? "# This panel includes partial responses (complete = 0) in its models, as here."
            : $"# Partial responses (complete = 0: the last page never submitted) are left out, as in Tracker's models.\nif (\"{ExportColumns.Complete}\" %in% names(d)) d <- d[is.na(d${ExportColumns.Complete}) | d${ExportColumns.Complete} == 1, ]";
        var y = outcome;
        var t = ExportColumns.Days;
        var id = ExportColumns.ParticipantId;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # analysis.R: reproduces Tracker's growth model and decay curve on this bundle's {{ExportFormats.FileName(ExportFormat.LongCsv)}}.
            # Run it in the unzipped folder:  Rscript analysis.R
            # Needs lme4 and jsonlite (Debian: apt-get install r-cran-lme4 r-cran-jsonlite; or install.packages(c("lme4", "jsonlite"))),
            # and lavaan for the cross-lagged paths (r-cran-lavaan).
            # Column meanings are in codebook.md; Tracker's own numbers for the same data are in tracker_results.json.

            suppressPackageStartupMessages({
              library(lme4)
              library(jsonlite)
            })
            options(digits = 10)

            d <- read.csv("{{ExportFormats.FileName(ExportFormat.LongCsv)}}", stringsAsFactors = FALSE, na.strings = c("", "NA"))
            {{partial}}
            d${{id}} <- factor(d${{id}})
            d <- d[!is.na(d${{y}}) & !is.na(d${{t}}), ]
            cat(sprintf("%d rows, %d participants, waves %s\n", nrow(d), nlevels(droplevels(d${{id}})),
                        paste(sort(unique(d$wave)), collapse = ", ")))

            tracker <- if (file.exists("tracker_results.json")) fromJSON("tracker_results.json", simplifyVector = FALSE) else NULL
            num <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)
            show <- function(name, r, t) cat(sprintf("  %-22s R %14.6f   Tracker %14.6f\n", name, r, num(t)))

            # Growth: linear mixed model by REML, as Tracker fits it. bobyqa reaches the optimum Tracker reports;
            # lme4's default optimiser can stop short when time is in days.
            cat("\nGrowth model: {{WillingnessFormula.Growth(y)}} (REML)\n")
            growth <- tryCatch(
              lmer({{WillingnessFormula.Growth(y)}}, data = d, REML = TRUE, control = lmerControl(optimizer = "bobyqa")),
              error = function(e) e)
            if (inherits(growth, "error")) {
              cat("  lme4 cannot fit it:", conditionMessage(growth), "\n")
            } else {
              fe <- coef(summary(growth))
              tg <- tracker$growth
              for (term in rownames(fe)) {
                show(paste(term, "estimate"), fe[term, "Estimate"], tg$fixed[[term]]$estimate)
                show(paste(term, "SE"), fe[term, "Std. Error"], tg$fixed[[term]]$se)
              }
              vc <- as.data.frame(VarCorr(growth))
              show("sd (Intercept)", vc$sdcor[is.na(vc$var2) & vc$var1 == "(Intercept)" & vc$grp == "{{id}}"], tg$random$sd_intercept)
              show("sd {{t}}", vc$sdcor[is.na(vc$var2) & vc$var1 == "{{t}}" & vc$grp == "{{id}}"], tg$random$sd_slope)
              show("corr", vc$sdcor[!is.na(vc$var2)], tg$random$corr)
              show("sd residual", vc$sdcor[vc$grp == "Residual"], tg$random$sd_residual)
              show("REML criterion", REMLcrit(growth), tg$reml_criterion)
              if (isSingular(growth)) cat("  boundary (singular) fit: variance parameters are only loosely determined\n")
            }

            # Decay to a plateau: {{y}} = plateau + (initial - plateau) * exp(-rate * {{t}}), rate = exp(lrc).
            cat("\nDecay curve: nls({{DecayFormula(y)}})\n")
            decay <- tryCatch(nls({{DecayFormula(y)}}, data = d), error = function(e) e)
            td <- tracker$decay
            if (inherits(decay, "error")) {
              cat("  nls finds no decay to a plateau:", conditionMessage(decay), "\n")
              if (!is.null(td) && isFALSE(td$converged)) cat("  Tracker agrees:", td$message, "\n")
            } else {
              s <- coef(summary(decay))
              rate <- exp(s["lrc", "Estimate"])
              half_life <- log(2) / rate
              show("plateau", s["plateau", "Estimate"], td$plateau$estimate)
              show("plateau SE", s["plateau", "Std. Error"], td$plateau$se)
              show("initial", s["initial", "Estimate"], td$initial$estimate)
              show("initial SE", s["initial", "Std. Error"], td$initial$se)
              show("rate per day", rate, td$rate$estimate)
              show("rate SE", rate * s["lrc", "Std. Error"], td$rate$se)
              show("half-life (days)", half_life, td$half_life$estimate)
              show("half-life SE", half_life * s["lrc", "Std. Error"], td$half_life$se)
              show("residual SD", summary(decay)$sigma, td$sigma)
            }

            # Within-person cross-lagged paths: the RI-CLPM of each mechanism with {{y}} on the closed waves Tracker
            # used (tracker_results.json), fitted with lavaan as docs/analysis.md writes the model.
            tcl <- tracker$cross_lagged_paths
            if (length(tcl) > 0) {
              if (!requireNamespace("lavaan", quietly = TRUE)) {
                cat("\nCross-lagged paths: install lavaan (Debian: apt-get install r-cran-lavaan) to reproduce them\n")
              } else {
                riclpm_syntax <- function(cs, ws) {
                  l <- character()
                  add <- function(...) l <<- c(l, paste0(...))
                  for (c in cs) add("RI_", c, " =~ ", paste0("1*", c, "_t", ws, collapse = " + "))
                  for (k in ws) for (c in cs) add("w_", c, "_t", k, " =~ 1*", c, "_t", k)
                  for (k in ws) for (c in cs) add(c, "_t", k, " ~~ 0*", c, "_t", k)
                  for (i in seq_along(ws)[-1]) for (c in cs) add("w_", c, "_t", ws[i], " ~ ", paste0("w_", cs, "_t", ws[i - 1], collapse = " + "))
                  for (k in ws) for (i in seq_along(cs)) for (j in i:length(cs)) add("w_", cs[i], "_t", k, " ~~ w_", cs[j], "_t", k)
                  for (i in seq_along(cs)) for (j in i:length(cs)) add("RI_", cs[i], " ~~ RI_", cs[j])
                  for (c in cs) for (d in cs) for (k in ws) add("RI_", c, " ~~ 0*w_", d, "_t", k)
                  for (c in cs) for (k in ws) add(c, "_t", k, " ~ 1")
                  for (c in cs) add("RI_", c, " ~ 0*1")
                  for (k in ws) for (c in cs) add("w_", c, "_t", k, " ~ 0*1")
                  paste(l, collapse = "\n")
                }
                raw <- read.csv("{{ExportFormats.FileName(ExportFormat.LongCsv)}}", stringsAsFactors = FALSE, na.strings = c("", "NA"))
                for (tf in tcl) {
                  cs <- unlist(tf$constructs)
                  ws <- unlist(tf$waves)
                  cat(sprintf("\nCross-lagged paths (RI-CLPM, lavaan missing = \"ml\"): %s and %s, waves %s\n", cs[1], cs[2], paste(ws, collapse = ", ")))
                  ids <- unique(as.character(raw${{id}}[raw$wave %in% ws]))
                  wide <- data.frame(row.names = seq_along(ids))
                  for (k in ws) for (c in cs) {
                    at <- raw$wave == k
                    wide[[paste0(c, "_t", k)]] <- raw[[c]][at][match(ids, as.character(raw${{id}}[at]))]
                  }
                  wide <- wide[rowSums(!is.na(wide)) > 0, , drop = FALSE]
                  fit <- tryCatch(lavaan::lavaan(riclpm_syntax(cs, ws), data = wide, missing = "ml", meanstructure = TRUE,
                                                 int.ov.free = TRUE, information = "observed", observed.information = "hessian"),
                                  error = function(e) e)
                  if (inherits(fit, "error")) {
                    cat("  lavaan cannot fit it:", conditionMessage(fit), "\n")
                  }
                  if (!isTRUE(tf$identified)) {
                    cat("  Tracker: ", tf$message, "\n")
                    next
                  }
                  if (inherits(fit, "error")) next
                  pe <- lavaan::parameterEstimates(fit)
                  for (tp in tf$parameters) {
                    if (tp$op != "~") next
                    row <- pe[pe$lhs == tp$lhs & pe$op == "~" & pe$rhs == tp$rhs, ]
                    show(paste(tp$lhs, "~", tp$rhs), row$est, tp$est)
                    show("  SE", row$se, tp$se)
                  }
                  fm <- lavaan::fitMeasures(fit, c("logl", "npar", "chisq", "df", "cfi", "rmsea", "ntotal"))
                  for (m in names(fm)) show(m, fm[[m]], tf$fit[[m]])
                }
              }
            }

            """);
    }
}
