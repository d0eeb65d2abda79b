namespace Tracker.Engine.Panels;

/// <summary>The <c>careless</c> object of a panel definition; every part optional.</summary>
public sealed class CarelessDefinition
{
    public CarelessThresholdsDefinition? Thresholds { get; set; }

    public bool? ExcludeFromModels { get; set; }
}

/// <summary>The thresholds a definition overrides; an absent one keeps its default (<see cref="Tracker.Analysis.Careless.CarelessThresholds"/>).</summary>
public sealed class CarelessThresholdsDefinition
{
    public double? LongStringShare { get; set; }

    public double? MinimumIrv { get; set; }

    public double? MahalanobisPValue { get; set; }

    public double? MinimumEvenOdd { get; set; }

    public double? MinimumSecondsPerItem { get; set; }
}
