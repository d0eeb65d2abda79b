namespace Tracker.Analysis.Riclpm;

/// <summary>Where a free parameter sits in the model matrices, and its name as lavaan writes it.</summary>
internal sealed record ParameterSlot(SlotKind Kind, int Row, int Col, string Lhs, string Op, string Rhs);
