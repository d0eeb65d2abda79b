using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Model.Models;

namespace Tracker.Engine.Exports;

/// <summary>
/// The four columns Tracker's growth and decay models read (participant_id, wave, days, outcome), collected from long
/// rows as they stream past. It holds four values per row rather than the responses, and it is the very data the long
/// export writes, so the bundle's R script and Tracker's own numbers see the same input.
/// </summary>
public sealed class OutcomeTable(string outcome)
{
    private readonly List<string?> _participants = [];
    private readonly List<double> _waves = [];
    private readonly List<double> _days = [];
    private readonly List<double> _scores = [];
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    public string Outcome { get; } = outcome;

    public int Rows => _scores.Count;

    public void Add(LongRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        // One string instance per participant, however many waves they answered.
        if (!_ids.TryGetValue(row.ParticipantId, out var id))
        {
            id = row.ParticipantId;
            _ids[id] = id;
        }

        _participants.Add(id);
        _waves.Add(row.Wave);
        _days.Add(row.Days);
        _scores.Add(row.Response.Scores.GetValueOrDefault(Outcome) ?? double.NaN);
    }

    public LongTable ToLongTable() => new([
        TableColumn.FromTexts(ExportColumns.ParticipantId, _participants.ToArray()),
        TableColumn.FromNumbers(ExportColumns.Wave, _waves.ToArray()),
        TableColumn.FromNumbers(ExportColumns.Days, _days.ToArray()),
        TableColumn.FromNumbers(Outcome, _scores.ToArray()),
    ]);

    public PanelAnalysisOptions Options => new()
    {
        Outcome = Outcome,
        Time = ExportColumns.Days,
        Subject = ExportColumns.ParticipantId,
        Wave = ExportColumns.Wave,
        Formula = WillingnessFormula.Growth(Outcome),
    };

    /// <summary>Tracker's models on this table, or null when there is nothing to model yet (no answered outcome).</summary>
    public PanelReport? Analyze()
    {
        if (!_scores.Any(double.IsFinite)) return null;
        try
        {
            return PanelAnalysis.Analyze(ToLongTable(), Options);
        }
        catch (AnalysisException)
        {
            // Malformed input cannot come from storage; data too thin for a model is reported inside the report instead.
            return null;
        }
    }
}
