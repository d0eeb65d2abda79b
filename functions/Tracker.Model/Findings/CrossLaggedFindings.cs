using System.Globalization;
using Tracker.Analysis.Riclpm;
using Tracker.Model.Models;
using static Tracker.Model.Findings.Numbers;

namespace Tracker.Model.Findings;

/// <summary>
/// The summary's words for the stored cross-lagged paths (<see cref="ModelDocument.CrossLaggedPaths"/>): one finding
/// per mechanism saying, in each direction, in how many wave pairs the within-person path is clearly different from
/// zero (its 95% interval excludes zero) and listing every wave pair's interval. Paths are free per wave pair, so the
/// count is the summary. A fit that is not identified gets its reason in words and no numbers.
/// </summary>
public static class CrossLaggedFindings
{
    public const string Topic = "cross-lagged";

    public static void Write(ModelDocument model, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(findings);
        if (model.CrossLaggedPaths is not { } fits) return;
        foreach (var fit in fits)
        {
            if (fit.Constructs.Count != 2) continue;
            var x = FindingsWriter.ConstructName(model, fit.Constructs[0]).ToLowerInvariant();
            var y = FindingsWriter.ConstructName(model, fit.Constructs[1]).ToLowerInvariant();
            findings.Add(new Finding(Topic, fit.Identified && fit.Parameters.Count > 0
                ? $"Within-person, from one wave to the next: when a participant's {x} was above their own usual level, their {y} at the next wave was {Direction(fit, fit.Constructs[0], fit.Constructs[1])}. "
                  + $"The other way round, {y} above its usual level was followed by {x} that was {Direction(fit, fit.Constructs[1], fit.Constructs[0])}."
                : $"Whether {x} and {y} drive each other from one wave to the next cannot be estimated yet: {Reason(fit.Message)}."));
        }
    }

    /// <summary>
    /// The path from <paramref name="cause"/> at wave k−1 to <paramref name="effect"/> at wave k, wave pair by wave pair,
    /// as lavaan names it (<c>w_{effect}_t{k} ~ w_{cause}_t{k−1}</c>).
    /// </summary>
    public static IReadOnlyList<(int From, int To, RiclpmParameterDocument Path)> Paths(RiclpmDocument fit, string cause, string effect)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var result = new List<(int, int, RiclpmParameterDocument)>();
        for (var k = 1; k < fit.Waves.Count; k++)
        {
            var lhs = "w_" + WidePanel.VariableName(effect, fit.Waves[k]);
            var rhs = "w_" + WidePanel.VariableName(cause, fit.Waves[k - 1]);
            var path = fit.Parameters.FirstOrDefault(p => p.Op == "~" && p.Lhs == lhs && p.Rhs == rhs);
            if (path is not null) result.Add((fit.Waves[k - 1], fit.Waves[k], path));
        }

        return result;
    }

    /// <summary>The stored 95% Wald interval the summary prints (estimate ± 1.96 standard errors); null without one.</summary>
    public static (double Lower, double Upper)? Interval(RiclpmParameterDocument path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path is { CiLower: { } lower, CiUpper: { } upper } ? (lower, upper) : null;
    }

    private static string Direction(RiclpmDocument fit, string cause, string effect)
    {
        var paths = Paths(fit, cause, effect);
        var intervals = paths.Select(p => (p.From, p.To, Interval: Interval(p.Path))).ToList();
        var higher = intervals.Count(i => i.Interval is { Lower: > 0 });
        var lower = intervals.Count(i => i.Interval is { Upper: < 0 });
        var unclear = intervals.Count - higher - lower;
        var pairs = intervals.Count;
        var parts = new List<string>();
        if (higher > 0) parts.Add($"clearly higher than usual in {Pairs(higher, pairs)}");
        if (lower > 0) parts.Add($"clearly lower than usual in {Pairs(lower, pairs)}");
        var words = parts.Count == 0
            ? $"not clearly different from usual in any of the {Count(pairs)} wave pairs"
            : string.Join(" and ", parts) + (unclear > 0 ? $", and not clearly different from usual in the other {Count(unclear)}" : "");
        var list = string.Join("; ", intervals.Select(i => $"{Count(i.From)}→{Count(i.To)}: {(i.Interval is { } ci ? $"{Fixed(ci.Lower, 2)} to {Fixed(ci.Upper, 2)}" : "not available")}"));
        return $"{words} (95% CI of the path by wave pair — {list})";
    }

    private static string Pairs(int count, int of) => count == of
        ? (of == 1 ? "the one wave pair" : $"all {Count(of)} wave pairs")
        : string.Create(CultureInfo.InvariantCulture, $"{count} of {of} wave pairs");

    /// <summary>Why a fit is missing, in words a stakeholder can act on: the analysis message may carry figures, these never do.</summary>
    public static string Reason(string? message) => message switch
    {
        null => "the model could not be fitted",
        _ when message.Contains("not converged", StringComparison.Ordinal) => "the estimation did not settle on an answer with these data",
        _ when message.Contains("nobody answered", StringComparison.Ordinal) || message.Contains("nobody gave both", StringComparison.Ordinal)
            => "one of the two was not answered in one of the closed waves, so its change there is unknown",
        _ when message.Contains("too few", StringComparison.Ordinal) => "too few participants have answered so far",
        _ when message.Contains("waves", StringComparison.Ordinal) && message.Contains("at least", StringComparison.Ordinal)
            => "it needs more closed waves to tell stable differences between people from change within a person",
        _ when message.Contains("singular", StringComparison.Ordinal) || message.Contains("positive definite", StringComparison.Ordinal)
            => "the answers so far cannot tell some parts of the model apart",
        _ => "the answers so far cannot identify the model",
    };
}
