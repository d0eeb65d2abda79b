using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tracker.Engine.Telemetry;

/// <summary>
/// The engine's own traces and metrics: dispatch planned, sent and deferred, responses stored, waves sealed, models
/// fitted. Every method takes only a panel id, a wave number and counts, so no address, name or participant id can
/// reach an attribute: the signatures are the privacy rule.
/// </summary>
public static class EngineTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/> (what an exporter subscribes to).</summary>
    public const string Name = "Tracker.Engine";

    public const string PanelIdTag = "tracker.panel.id";
    public const string WaveTag = "tracker.wave";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Planned = Meter.CreateCounter<long>("tracker.dispatch.planned", "{message}", "Messages put on the dispatch queue.");
    private static readonly Counter<long> Sent = Meter.CreateCounter<long>("tracker.dispatch.sent", "{message}", "Messages the SMTP server accepted.");
    private static readonly Counter<long> Deferred = Meter.CreateCounter<long>("tracker.dispatch.deferred", "{message}", "Messages given back for a later run after transient SMTP trouble.");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("tracker.dispatch.failed", "{message}", "Messages the SMTP server refused for good.");
    private static readonly Counter<long> Stored = Meter.CreateCounter<long>("tracker.responses.stored", "{response}", "Answers stored (first submissions and changes).");
    private static readonly Counter<long> SealedRows = Meter.CreateCounter<long>("tracker.seal.rows", "{response}", "Responses written into wave snapshots.");
    private static readonly Counter<long> Fits = Meter.CreateCounter<long>("tracker.model.fits", "{fit}", "Willingness models fitted.");

    /// <summary>Starts the span of planning one wave's sends.</summary>
    public static Activity? StartPlanning(string panelId, int wave) => Start("dispatch plan", panelId, wave);

    public static void WavePlanned(string panelId, int wave, int queued)
    {
        Activity.Current?.SetTag("tracker.dispatch.queued", queued);
        Planned.Add(queued, Tags(panelId, wave));
    }

    /// <summary>Starts the span of sending one queued batch.</summary>
    public static Activity? StartSending(string panelId, int wave) => Start("dispatch send", panelId, wave);

    public static void BatchSent(string panelId, int wave, int sent, int failed, int deferred)
    {
        Activity.Current?.SetTag("tracker.dispatch.sent", sent).SetTag("tracker.dispatch.failed", failed).SetTag("tracker.dispatch.deferred", deferred);
        var tags = Tags(panelId, wave);
        Sent.Add(sent, tags);
        Failed.Add(failed, tags);
        Deferred.Add(deferred, tags);
    }

    public static void ResponseStored(string panelId, int wave) => Stored.Add(1, Tags(panelId, wave));

    /// <summary>Starts the span of sealing one wave.</summary>
    public static Activity? StartSealing(string panelId, int wave) => Start("wave seal", panelId, wave);

    public static void WaveSealed(string panelId, int wave, int rows)
    {
        Activity.Current?.SetTag("tracker.seal.rows", rows);
        SealedRows.Add(rows, Tags(panelId, wave));
    }

    /// <summary>Starts the span of fitting (or finding current) one panel's model.</summary>
    public static Activity? StartModelFit(string panelId)
    {
        var activity = Source.StartActivity("model fit");
        activity?.SetTag(PanelIdTag, panelId);
        return activity;
    }

    public static void ModelFitted(string panelId, int responses)
    {
        Activity.Current?.SetTag("tracker.model.responses", responses);
        Fits.Add(1, new KeyValuePair<string, object?>(PanelIdTag, panelId));
    }

    private static Activity? Start(string name, string panelId, int wave)
    {
        var activity = Source.StartActivity(name);
        activity?.SetTag(PanelIdTag, panelId).SetTag(WaveTag, wave);
        return activity;
    }

    private static TagList Tags(string panelId, int wave) => new() { { PanelIdTag, panelId }, { WaveTag, wave } };
}
