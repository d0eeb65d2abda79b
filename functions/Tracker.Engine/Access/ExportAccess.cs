using Tracker.Engine.Exports;

namespace Tracker.Engine.Access;

/// <summary>
/// Which exports carry personal data beyond pseudonymous ids: the linking file (addresses, first names, your own ids)
/// and the consent records. Those need the owner; every other format is de-identified and an analyst's.
/// </summary>
public static class ExportAccess
{
    public static IReadOnlyList<ExportFormat> ContactBearing { get; } = [ExportFormat.LinkingCsv, ExportFormat.ConsentCsv];

    /// <summary>The role a format needs beyond the route's own (null: none); an unknown name needs nothing more, it is refused as a 400.</summary>
    public static Role? RoleFor(string? format) =>
        ExportFormats.TryParse(format, out var kind) && ContactBearing.Contains(kind) ? Role.Owner : null;
}
