using Tracker.Engine.Panels;

namespace Tracker.Engine.Consent;

/// <summary>The result of <c>PUT /api/panels/{id}/consent</c>: the panel with its new current version, or the problems (409 when the version exists with other words).</summary>
public sealed record ConsentChange(Panel? Panel, IReadOnlyList<string> Problems, bool IsConflict = false);
