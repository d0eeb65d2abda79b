using Tracker.Model.Models;

namespace Tracker.Engine.Models;

/// <summary>What a fit pass did for one panel: the current model (null when the panel has no responses) and whether it was fitted now.</summary>
public sealed record ModelFitOutcome(string PanelId, ModelDocument? Model, bool Fitted);
