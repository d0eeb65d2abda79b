using System.ComponentModel.DataAnnotations;

namespace Tracker.Engine.Configuration;

/// <summary>Settings of the Tracker app itself (app settings <c>Tracker__*</c>).</summary>
public sealed class TrackerOptions
{
    public const string Section = "Tracker";

    /// <summary>The absolute URL participants' links start with, e.g. https://tracker.example.org (no trailing /api).</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How many participants one queued dispatch batch carries.</summary>
    [Range(1, 1000)]
    public int DispatchBatchSize { get; set; } = 100;

    /// <summary>
    /// How long a send claim holds before another sender may take it over (the message was in flight when its sender
    /// died). Longer than any one send can take; the demo's accelerated clock needs it longer in simulated time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = Tracker.Engine.Storage.SendLedgerDefaults.ClaimLease;
}
