using System.Globalization;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// The bundle's <c>analysis.R</c>: Tracker's growth model with lme4 and its decay curve with nls(SSasymp) on the
/// bundle's long.csv, printing the numbers Tracker reports and, beside them, Tracker's own (tracker_results.json).
/// The growth formula is the fitter's own (<see cref="WillingnessFormula"/>) and column names come from
/// <see cref="ExportColumns"/>, so script, model and export cannot drift apart.
/// </summary>
public static class AnalysisScript
{
    public const string FileName = "analysis.R";

    public static string DecayFormula(string outcome) =>
        $"{outcome} ~ SSasymp({ExportColumns.Days}, plateau, initial, lrc)";

    public static string Render(string outcome)
    {
        var y = outcome;
        var t = ExportColumns.Days;
        var id = ExportColumns.ParticipantId;
        return string.Create(CultureInfo.InvariantCulture, $$"""
            # analysis.R: reproduces Tracker's growth model and decay curve on this bundle's {{ExportFormats.FileName(ExportFormat.LongCsv)}}.
            # Run it in the unzipped folder:  Rscript analysis.R
            # Needs lme4 and jsonlite (Debian: apt-get install r-cran-lme4 r-cran-jsonlite; or install.packages(c("lme4", "jsonlite"))).
            # Column meanings are in codebook.md; Tracker's own numbers for the same data are in tracker_results.json.

            suppressPackageStartupMessages({
              library(lme4)
              library(jsonlite)
            })
            options(digits = 10)

            d <- read.csv("{{ExportFormats.FileName(ExportFormat.LongCsv)}}", stringsAsFactors = FALSE, na.strings = c("", "NA"))
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

            """);
    }
}
