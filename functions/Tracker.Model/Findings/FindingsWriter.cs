using Tracker.Model.Models;
using Tracker.Model.Suppression;
using static Tracker.Model.Findings.Numbers;

namespace Tracker.Model.Findings;

/// <summary>
/// Writes the summary's findings from the stored model only — never from hand-written numbers. Every figure comes with
/// its 95% interval; an interval that includes zero is called "no clear" effect; a decay curve that did not converge
/// is reported as no clear decay; suppressed cells are named as suppressed.
/// </summary>
public static class FindingsWriter
{
    public static IReadOnlyList<Finding> Write(SummaryData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var findings = new List<Finding>();
        var model = data.Model;
        var outcome = model.Outcome;
        var label = Capitalise(ConstructName(model, outcome));

        if (!data.ModelsShown)
        {
            findings.Add(new Finding("suppressed", $"Fewer than {data.Suppression.Minimum} participants have answered so far, so no results are shown yet: every figure would be a small cell."));
            return findings;
        }

        Trend(data, label, findings);
        Decay(model.Analysis.Decay, label, findings);
        Growth(model, label, findings);
        Covariate(model, label, findings);
        Persistence(model.Analysis.Persistence, data.Suppression, label, findings);
        CrossLaggedFindings.Write(model, findings);
        Responses(data, findings);
        Reliability(data, findings);
        Careless(model, findings);
        return findings;
    }

    /// <summary>Only when the panel leaves flagged responses out: the reader must know the figures are not of every answer.</summary>
    private static void Careless(ModelDocument model, List<Finding> findings)
    {
        if (model.CarelessExcluded is not { } excluded) return;
        findings.Add(new Finding("careless", excluded switch
        {
            0 => "No response was flagged as careless answering, so none was left out of these results.",
            1 => "1 response flagged as careless answering (the same answer throughout, too fast, inconsistent or far from everyone else's) was left out of these results.",
            _ => $"{Count(excluded)} responses flagged as careless answering (the same answer throughout, too fast, inconsistent or far from everyone else's) were left out of these results.",
        }));
    }

    private static void Trend(SummaryData data, string label, List<Finding> findings)
    {
        var shown = data.Waves.Where(w => w.Outcome is not null).ToList();
        var hidden = data.Waves.Where(w => w.OutcomeSuppressed).Select(w => w.Row.Wave).ToList();
        if (shown.Count == 0)
        {
            findings.Add(new Finding("trend", $"{label}: no wave has enough responses to show a mean yet."));
        }
        else if (shown.Count == 1)
        {
            var only = shown[0].Outcome!;
            findings.Add(new Finding("trend", $"{label} in wave {Count(only.Wave)} averaged {Fixed(only.Mean!.Value, 2)} ({Interval(only.CiLower, only.CiUpper, 2)}, n = {Count(only.N)})."));
        }
        else
        {
            var first = shown[0].Outcome!;
            var last = shown[^1].Outcome!;
            var clear = first.CiLower is { } fl && first.CiUpper is { } fu && last.CiLower is { } ll && last.CiUpper is { } lu && (ll > fu || lu < fl);
            var verb = !clear ? "changed little, moving" : last.Mean < first.Mean ? "fell" : "rose";
            var tail = clear ? "" : " — the two 95% intervals overlap, so this is no clear change";
            findings.Add(new Finding("trend",
                $"{label} {verb} from {Fixed(first.Mean!.Value, 2)} in wave {Count(first.Wave)} ({Interval(first.CiLower, first.CiUpper, 2)}, n = {Count(first.N)}) "
                + $"to {Fixed(last.Mean!.Value, 2)} in wave {Count(last.Wave)} ({Interval(last.CiLower, last.CiUpper, 2)}, n = {Count(last.N)}){tail}."));
        }

        if (hidden.Count > 0)
        {
            findings.Add(new Finding("suppressed", $"Wave {string.Join(", ", hidden.Select(Count))}: {data.Suppression.Label}; not shown."));
        }
    }

    private static void Decay(DecayDocument decay, string label, List<Finding> findings)
    {
        if (!decay.Converged || decay.Initial?.Estimate is not { } initial || decay.Plateau?.Estimate is not { } plateau || decay.HalfLife?.Estimate is not { } halfLife)
        {
            findings.Add(new Finding("decay", "There is no clear decay to a plateau: a decay curve could not be fitted to these data (the stored model says why)."));
            return;
        }

        var direction = initial > plateau ? "lost" : "gained";
        var text = $"The fitted curve starts at {Fixed(initial, 2)} ({Interval(decay.Initial!.CiLower, decay.Initial.CiUpper, 2)}) and levels off at a plateau of {Fixed(plateau, 2)} "
            + $"({Interval(decay.Plateau!.CiLower, decay.Plateau.CiUpper, 2)}); half of the initial {(initial > plateau ? "excess over" : "shortfall below")} the plateau is {direction} every "
            + $"{Fixed(halfLife, 1)} days ({Interval(decay.HalfLife!.CiLower, decay.HalfLife.CiUpper, 1)}).";
        // SE(lrc) above one half: the interval of the half-life spans more than a factor of seven.
        if (decay.HalfLife.Se is { } se && se / halfLife > 0.5)
        {
            text += " How fast this happens is poorly determined by the waves so far.";
        }

        findings.Add(new Finding("decay", text));
    }

    private static void Growth(ModelDocument model, string label, List<Finding> findings)
    {
        var growth = model.Analysis.Growth;
        if (growth.Fixed is null || !growth.Fixed.TryGetValue("days", out var slope) || slope.Estimate is not { } estimate)
        {
            findings.Add(new Finding("growth", "The growth model cannot be fitted yet: it needs more participants with answers in more than one wave."));
            return;
        }

        var clear = slope.ExcludesZero;
        var text = clear
            ? $"The mixed growth model puts the average change in {label.ToLowerInvariant()} at {Fixed(estimate, 4)} per day ({Interval(slope.CiLower, slope.CiUpper, 4)}), clearly {(estimate < 0 ? "downward" : "upward")}."
            : $"The mixed growth model finds no clear linear change in {label.ToLowerInvariant()}: {Fixed(estimate, 4)} per day ({Interval(slope.CiLower, slope.CiUpper, 4)}), not statistically significant.";
        findings.Add(new Finding("growth", text));
    }

    private static void Covariate(ModelDocument model, string label, List<Finding> findings)
    {
        if (model.CovariateModel is not { } covariate) return;
        var name = ConstructName(model, covariate.Construct).ToLowerInvariant();
        if (covariate.Growth.Fixed is null || !covariate.Growth.Fixed.TryGetValue(covariate.InteractionTerm, out var term) || term.Estimate is not { } estimate)
        {
            findings.Add(new Finding("covariate", $"Whether {name} at the start changes how {label.ToLowerInvariant()} develops cannot be estimated yet."));
            return;
        }

        var text = term.ExcludesZero
            ? $"Participants who started with stronger {name} {(estimate > 0 ? "decline more slowly (or rise faster)" : "decline faster")}: each scale point of {name} in their first wave changes the daily slope by {Fixed(estimate, 4)} ({Interval(term.CiLower, term.CiUpper, 4)})."
            : $"There is no clear evidence that {name} at the start changes how fast {label.ToLowerInvariant()} changes: {Fixed(estimate, 4)} per day per scale point ({Interval(term.CiLower, term.CiUpper, 4)}), not significant.";
        findings.Add(new Finding("covariate", text));
    }

    private static void Persistence(PersistenceDocument persistence, CellSuppression suppression, string label, List<Finding> findings)
    {
        if (!persistence.Converged || persistence.Rho?.Estimate is not { } rho || suppression.Hides(persistence.NPairs))
        {
            findings.Add(new Finding("persistence", "Wave-to-wave persistence cannot be shown yet: it needs more participants who answered consecutive waves."));
            return;
        }

        findings.Add(new Finding("persistence",
            $"From one wave to the next, a participant's {label.ToLowerInvariant()} carries over with an autoregressive coefficient of {Fixed(rho, 2)} ({Interval(persistence.Rho.CiLower, persistence.Rho.CiUpper, 2)}; one means fully persistent, zero no carry-over)."));
    }

    private static void Responses(SummaryData data, List<Finding> findings)
    {
        var rates = data.Waves.Where(w => w.ResponseRate is not null).ToList();
        if (rates.Count >= 1)
        {
            var first = rates[0];
            var last = rates[^1];
            findings.Add(new Finding("responses", rates.Count == 1
                ? $"Response rate: {Percent(first.ResponseRate!.Value)} of those invited answered wave {Count(first.Row.Wave)}."
                : $"Response rate: {Percent(first.ResponseRate!.Value)} in wave {Count(first.Row.Wave)}, {Percent(last.ResponseRate!.Value)} in wave {Count(last.Row.Wave)}."));
        }

        var retention = data.Waves.LastOrDefault(w => w.Retention is not null && w.RetentionSource is not null);
        if (retention is not null)
        {
            var source = retention.RetentionSource!;
            findings.Add(new Finding("retention",
                $"Retention (Kaplan–Meier): {Percent(retention.Retention!.Value)} of the {Count(data.Participants)} participants who answered at least once were still answering by wave {Count(retention.Row.Wave)} ({PercentInterval(source.CiLower, source.CiUpper)})."));
        }
    }

    private static void Reliability(SummaryData data, List<Finding> findings)
    {
        var latest = data.Waves.LastOrDefault(w => !w.ResponsesSuppressed)?.Row.Wave;
        if (latest is null) return;
        var alphas = data.Model.Analysis.Reliability
            .Select(r => r.Value.Waves.FirstOrDefault(w => w.Wave == latest))
            .Where(a => a is not null && a.Alpha is not null && data.Suppression.Shows(a.N))
            .Select(a => a!.Alpha!.Value)
            .ToList();
        if (alphas.Count == 0) return;
        findings.Add(new Finding("reliability",
            $"Measurement reliability in wave {Count(latest.Value)}: Cronbach's α of the constructs ranged from {Fixed(alphas.Min(), 2)} to {Fixed(alphas.Max(), 2)}."));
    }

    public static string ConstructName(ModelDocument model, string id) =>
        model.Constructs.FirstOrDefault(c => c.Id == id)?.Name is { Length: > 0 } name && name.Length <= 40 ? name : id;

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
