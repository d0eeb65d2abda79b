using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tracker.Engine.Models;
using Tracker.Engine.Panels;
using Tracker.Engine.Participants;
using Tracker.Engine.Sealing;
using Tracker.Engine.Telemetry;

namespace Tracker.EndToEnd.Tests;

/// <summary>The engine's spans and metrics, caught by an in-memory exporter while a panel runs through the real stack.</summary>
[Collection(StackCollection.Name)]
public sealed class TelemetryTests(StackFixture stack)
{
    private T Service<T>() where T : notnull => stack.Stack.Host.Services.GetRequiredService<T>();

    [Fact]
    public async Task Dispatch_answers_sealing_and_the_model_are_traced_and_counted_with_no_personal_data()
    {
        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        // Always on: the admin API's HTTP span is nobody's here, and the default (parent-based) sampler would drop its children.
        using var tracing = Sdk.CreateTracerProviderBuilder().SetSampler(new AlwaysOnSampler()).AddSource(EngineTelemetry.Name).AddInMemoryExporter(activities).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(EngineTelemetry.Name).AddInMemoryExporter(metrics).Build();

        var panelId = await stack.PanelWithOneClosedWaveAsync([]);
        var panel = (await Service<PanelRepository>().GetAsync(panelId, CancellationToken.None))!;
        Assert.Equal(SealStatus.Sealed, (await Service<WaveSealer>().SealAsync(panel, 1, CancellationToken.None)).Status);
        Assert.True((await Service<WillingnessModelService>().FitIfStaleAsync(panel, CancellationToken.None)).Fitted);
        tracing!.ForceFlush();
        metering!.ForceFlush();

        // Every kind of work is there, for this panel.
        string[] spans = ["dispatch plan", "dispatch send", "wave seal", "model fit"];
        var ours = activities.Where(a => Equals(a.GetTagItem(EngineTelemetry.PanelIdTag), panelId)).ToList();
        Assert.All(spans, name => Assert.Contains(ours, a => a.DisplayName == name));
        var points = metrics.SelectMany(m => Points(m).Select(p => (m.Name, Point: p))).Where(p => Tags(p.Point).Any(t => Equals(t.Value, panelId))).ToList();
        Assert.Equal(StackFixture.ClosedWaveParticipants, points.Where(p => p.Name == "tracker.responses.stored").Sum(p => p.Point.GetSumLong()));
        Assert.Equal(StackFixture.ClosedWaveParticipants, points.Where(p => p.Name == "tracker.dispatch.sent").Sum(p => p.Point.GetSumLong()));
        Assert.Contains(points, p => p.Name == "tracker.model.fits");

        // No attribute of any span or metric point names a participant: neither the address nor the participant id.
        var contacts = await Service<ParticipantRepository>().GetContactsAsync(panelId, CancellationToken.None);
        Assert.Equal(StackFixture.ClosedWaveParticipants, contacts.Count);
        string[] personal = [.. contacts.Values.SelectMany(c => new[] { c.Email, c.RowKey })];
        var values = activities.SelectMany(a => a.TagObjects).Concat(metrics.SelectMany(Points).SelectMany(Tags))
            .Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.DoesNotContain(personal, p => value.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }

    private static List<MetricPoint> Points(Metric metric)
    {
        var points = new List<MetricPoint>();
        foreach (ref readonly var point in metric.GetMetricPoints()) points.Add(point);
        return points;
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (var tag in point.Tags) tags.Add(tag);
        return tags;
    }
}
