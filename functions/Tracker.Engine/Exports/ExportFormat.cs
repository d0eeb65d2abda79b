namespace Tracker.Engine.Exports;

/// <summary>The shapes a panel can be exported in; <see cref="ExportFormats"/> maps them to route names, files and media types.</summary>
public enum ExportFormat
{
    LongCsv,
    WideCsv,
    ItemsCsv,
    Codebook,
    CodebookMarkdown,
    Bundle,

    /// <summary>consent.csv: every consent decision (<see cref="Consent.ConsentCsv"/>).</summary>
    ConsentCsv,
    /// <summary>Participant id ↔ external id, contact, status: personal data, for the team's own records.</summary>
    LinkingCsv,
}
