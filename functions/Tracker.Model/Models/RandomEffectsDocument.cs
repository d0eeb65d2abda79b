using System.Text.Json.Serialization;

namespace Tracker.Model.Models;

/// <summary>
/// Random-effect standard deviations and correlation, as lme4's VarCorr reports them; a term the formula does not
/// have is absent, not null.
/// </summary>
public sealed record RandomEffectsDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SdIntercept,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? SdSlope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Corr,
    double? SdResidual);
