using System.Text.Json;
using Tracker.Analysis;

namespace Tracker.Panels.Exports;

/// <summary>
/// Tracker's growth and decay numbers for the bundle (tracker_results.json), keyed as the analysis reference files
/// and <c>tracker analyze --json</c> key them, so analysis.R can print R's and Tracker's side by side.
/// </summary>
public static class TrackerResultsJson
{
    public const string FileName = "tracker_results.json";

    public static async Task WriteAsync(Stream stream, string outcome, PanelReport? report, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("outcome", outcome);
        json.WriteStartObject("growth");
        var growth = report?.Growth;
        json.WriteString("formula", growth?.Formula ?? AnalysisScript.GrowthFormula(outcome));
        if (growth?.Fit is { } fit)
        {
            json.WriteNumber("n_obs", fit.Observations);
            json.WriteNumber("n_groups", fit.Groups);
            Number(json, "reml_criterion", fit.RemlCriterion);
            json.WriteStartObject("fixed");
            foreach (var effect in fit.Fixed)
            {
                json.WriteStartObject(effect.Name);
                Number(json, "estimate", effect.Estimate);
                Number(json, "se", effect.StandardError);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("random");
            Number(json, "sd_intercept", fit.Random.SdIntercept);
            Number(json, "sd_slope", fit.Random.SdSlope);
            Number(json, "corr", fit.Random.Correlation);
            Number(json, "sd_residual", fit.Random.SdResidual);
            json.WriteEndObject();
            json.WriteBoolean("converged", fit.Converged);
            json.WriteBoolean("singular", fit.Singular);
            json.WriteString("message", fit.Message);
        }
        else
        {
            json.WriteBoolean("converged", false);
            json.WriteString("message", growth?.Problem ?? "no answers to model yet");
        }

        json.WriteEndObject();
        json.WriteStartObject("decay");
        var decay = report?.Decay;
        if (decay is { Converged: true })
        {
            Estimate(json, "plateau", decay.Plateau);
            Estimate(json, "initial", decay.Initial);
            Estimate(json, "rate", decay.Rate);
            Estimate(json, "half_life", decay.HalfLife);
            Number(json, "rss", decay.Rss);
            Number(json, "sigma", decay.Sigma);
            json.WriteNumber("n", decay.Observations);
            json.WriteBoolean("converged", true);
        }
        else
        {
            json.WriteBoolean("converged", false);
            json.WriteString("message", decay?.Message ?? "no answers to model yet");
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Estimate(Utf8JsonWriter json, string name, ParameterEstimate? estimate)
    {
        json.WriteStartObject(name);
        Number(json, "estimate", estimate?.Estimate);
        Number(json, "se", estimate?.StandardError);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) json.WriteNumber(name, v);
        else json.WriteNull(name);
    }
}
