using System.Text.Json;
using Tracker.Analysis.Decay;
using Tracker.Analysis.Growth;
using Tracker.Analysis.Persistence;
using Tracker.Analysis.Retention;
using Tracker.Analysis.Riclpm;

namespace Tracker.Analysis;

/// <summary>
/// Writes a PanelReport with exactly the sections and keys of the peer reference files
/// (growth, decay, persistence, retention — as reference.R writes them), plus descriptives and
/// reliability, and converged/singular/message flags. Numbers round-trip; NaN becomes null.
/// The section writers are public so other documents (the export bundle) key their sections the same way.
/// </summary>
public static class PanelReportJson
{
    public static void Write(Stream stream, PanelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        WriteGrowth(json, report.Growth);
        WriteDecay(json, report.Decay);
        WritePersistence(json, report.Persistence);
        WriteRetention(json, report.Retention);
        WriteDescriptives(json, report);
        WriteReliability(json, report);
        if (report.Riclpm is { } riclpm) WriteRiclpm(json, riclpm);
        json.WriteEndObject();
    }

    public static string ToJson(PanelReport report)
    {
        using var stream = new MemoryStream();
        Write(stream, report);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteGrowth(Utf8JsonWriter json, GrowthOutcome growth)
    {
        json.WriteStartObject("growth");
        json.WriteString("formula", growth.Formula);
        if (growth.Fit is not { } fit)
        {
            json.WriteBoolean("converged", false);
            json.WriteString("message", growth.Problem);
            json.WriteEndObject();
            return;
        }
        json.WriteNumber("n_obs", fit.Observations);
        json.WriteNumber("n_groups", fit.Groups);
        Number(json, "reml_criterion", fit.RemlCriterion);
        json.WriteStartObject("fixed");
        foreach (var effect in fit.Fixed)
        {
            json.WriteStartObject(effect.Name);
            Number(json, "estimate", effect.Estimate);
            Number(json, "se", effect.StandardError);
            Number(json, "t", effect.T);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("random");
        if (fit.Random.SdIntercept is { } sdIntercept) Number(json, "sd_intercept", sdIntercept);
        if (fit.Random.SdSlope is { } sdSlope) Number(json, "sd_slope", sdSlope);
        if (fit.Random.Correlation is { } correlation) Number(json, "corr", correlation);
        Number(json, "sd_residual", fit.Random.SdResidual);
        json.WriteEndObject();
        json.WriteBoolean("converged", fit.Converged);
        json.WriteBoolean("singular", fit.Singular);
        Message(json, fit.Message);
        json.WriteEndObject();
    }

    public static void WriteDecay(Utf8JsonWriter json, DecayFit decay)
    {
        json.WriteStartObject("decay");
        if (decay.Converged)
        {
            Estimate(json, "plateau", decay.Plateau!);
            Estimate(json, "initial", decay.Initial!);
            Estimate(json, "rate", decay.Rate!);
            Estimate(json, "half_life", decay.HalfLife!);
            Number(json, "rss", decay.Rss!.Value);
            Number(json, "sigma", decay.Sigma!.Value);
            json.WriteNumber("n", decay.Observations);
        }
        json.WriteBoolean("converged", decay.Converged);
        Message(json, decay.Message);
        json.WriteEndObject();
    }

    private static void WritePersistence(Utf8JsonWriter json, PersistenceFit persistence)
    {
        json.WriteStartObject("persistence");
        if (persistence.Estimable)
        {
            Estimate(json, "rho", persistence.Rho!);
            Estimate(json, "intercept", persistence.Intercept!);
        }
        json.WriteNumber("n_pairs", persistence.Pairs);
        json.WriteNumber("n_groups", persistence.Groups);
        json.WriteBoolean("converged", persistence.Estimable);
        Message(json, persistence.Message);
        json.WriteEndObject();
    }

    private static void WriteRetention(Utf8JsonWriter json, RetentionCurve retention)
    {
        json.WriteStartObject("retention");
        Number(json, "final_wave", retention.FinalWave);
        json.WriteNumber("n", retention.Participants);
        json.WriteStartArray("curve");
        foreach (var point in retention.Points)
        {
            json.WriteStartObject();
            Number(json, "wave", point.Wave);
            json.WriteNumber("at_risk", point.AtRisk);
            json.WriteNumber("events", point.Events);
            Number(json, "survival", point.Survival);
            Number(json, "se", point.StandardError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDescriptives(Utf8JsonWriter json, PanelReport report)
    {
        json.WriteStartObject("descriptives");
        foreach (var column in report.Descriptives)
        {
            json.WriteStartArray(column.Column);
            foreach (var wave in column.Waves)
            {
                json.WriteStartObject();
                Number(json, "wave", wave.Wave);
                json.WriteNumber("n", wave.N);
                Number(json, "mean", wave.Mean);
                Number(json, "sd", wave.Sd);
                Number(json, "ci_lower", wave.CiLower);
                Number(json, "ci_upper", wave.CiUpper);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WriteReliability(Utf8JsonWriter json, PanelReport report)
    {
        json.WriteStartObject("reliability");
        foreach (var construct in report.Reliability)
        {
            json.WriteStartObject(construct.Construct);
            json.WriteStartArray("items");
            foreach (var item in construct.Items) json.WriteStringValue(item);
            json.WriteEndArray();
            json.WriteStartArray("waves");
            foreach (var wave in construct.Waves)
            {
                json.WriteStartObject();
                Number(json, "wave", wave.Wave);
                json.WriteNumber("n", wave.N);
                Number(json, "alpha", wave.Alpha);
                if (wave.Warning is { } warning) json.WriteString("warning", warning);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The RI-CLPM section: fit measures and parameters named as lavaan's fitMeasures() and parameterEstimates() name them.</summary>
    public static void WriteRiclpm(Utf8JsonWriter json, RiclpmFit riclpm)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(riclpm);
        json.WriteStartObject("riclpm");
        json.WriteStartArray("constructs");
        foreach (var construct in riclpm.Constructs) json.WriteStringValue(construct);
        json.WriteEndArray();
        json.WriteStartArray("waves");
        foreach (var wave in riclpm.Waves) json.WriteNumberValue(wave);
        json.WriteEndArray();
        json.WriteBoolean("equal_lagged_paths", riclpm.EqualLaggedPaths);
        json.WriteBoolean("identified", riclpm.Identified);
        if (riclpm.Problem is not null) json.WriteString("message", riclpm.Problem);
        if (riclpm.Fit is { } fit)
        {
            json.WriteStartObject("fit");
            Number(json, "logl", fit.LogLikelihood);
            json.WriteNumber("npar", fit.Parameters);
            Number(json, "chisq", fit.ChiSquare);
            json.WriteNumber("df", fit.DegreesOfFreedom);
            Number(json, "cfi", fit.Cfi);
            Number(json, "rmsea", fit.Rmsea);
            json.WriteNumber("ntotal", fit.Participants);
            json.WriteEndObject();
        }
        json.WriteStartArray("parameters");
        foreach (var parameter in riclpm.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("lhs", parameter.Lhs);
            json.WriteString("op", parameter.Op);
            json.WriteString("rhs", parameter.Rhs);
            Number(json, "est", parameter.Estimate);
            Number(json, "se", parameter.StandardError);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Estimate(Utf8JsonWriter json, string name, ParameterEstimate estimate)
    {
        json.WriteStartObject(name);
        Number(json, "estimate", estimate.Estimate);
        Number(json, "se", estimate.StandardError);
        json.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter json, string? message)
    {
        if (message is null) json.WriteNull("message");
        else json.WriteString("message", message);
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}
