namespace Tracker.Engine.Panels;

/// <summary>The model settings as posted (<c>"models": {"includePartial": true}</c>); absent ones keep their defaults.</summary>
public sealed class ModelsDefinition
{
    public bool? IncludePartial { get; set; }
}
