using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;
using Tracker.Engine.Sealing;

namespace Tracker.Engine.Models;

/// <summary>
/// One response's answers and scores as the model's read uses them: by position, in the instrument's item and
/// construct order (NaN: not given), in two arrays reused for every response. A sealed row's values sit in arrays
/// under column names its whole file shares (<see cref="SharedKeyDictionary{T}"/>), so the names are matched to the
/// instrument once per file and each value is copied by position; any other row is looked up by name.
/// </summary>
public sealed class ModelRow
{
    private readonly string[] items;
    private readonly string[] constructs;
    private readonly int[] answerColumns;
    private readonly int[] scoreColumns;
    private ColumnKeys? answerKeys;
    private ColumnKeys? scoreKeys;
    private readonly HashSet<string> ids = new(StringComparer.Ordinal);

    public ModelRow(Instrument instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        items = [.. instrument.Items.Select(i => i.Id)];
        constructs = [.. instrument.Constructs.Select(c => c.Id)];
        Answers = new double[items.Length];
        Scores = new double[constructs.Length];
        answerColumns = new int[items.Length];
        scoreColumns = new int[constructs.Length];
    }

    /// <summary>The loaded response's participant (one string per participant however many rows name them, when read by <see cref="LoadParticipant"/>).</summary>
    public string ParticipantId { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; set; }

    /// <summary>Seconds from serving the form to the first submission; null when the form was not timed.</summary>
    public double? SecondsToSubmit { get; set; }

    /// <summary>False for a partial response (its last page never submitted).</summary>
    public bool Complete { get; set; }

    /// <summary>The stored response the row was loaded from by <see cref="Load"/>; null when a reader filled it directly.</summary>
    public StoredResponse? Response { get; private set; }

    /// <summary>The instrument's item ids: the positions of <see cref="Answers"/>.</summary>
    public IReadOnlyList<string> Items => items;

    /// <summary>The instrument's construct ids: the positions of <see cref="Scores"/>.</summary>
    public IReadOnlyList<string> Constructs => constructs;

    /// <summary>The loaded response's item answers in instrument order, NaN where not answered.</summary>
    public double[] Answers { get; }

    /// <summary>The loaded response's construct scores in instrument order, NaN where there is none.</summary>
    public double[] Scores { get; }

    /// <summary>
    /// Whether the loaded response's answers are exactly <see cref="Answers"/>: no answer under a key outside the
    /// instrument's items (a sealed row has none). When false, a reader that takes every answer key should take the
    /// response's dictionaries.
    /// </summary>
    public bool OnlyInstrumentItems { get; private set; }

    /// <summary>Copies <paramref name="response"/> into the row: its participant, times, answers and scores.</summary>
    public void Load(StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Response = response;
        ParticipantId = response.ParticipantId;
        SubmittedAt = response.SubmittedAt;
        SecondsToSubmit = response.SecondsToSubmit;
        Complete = response.Complete;
        var outside = response.Answers.Count;
        if (response.Answers is SharedKeyDictionary<int> shared)
        {
            if (!ReferenceEquals(shared.Columns, answerKeys)) answerKeys = Map(shared.Columns, items, answerColumns);
            for (var i = 0; i < items.Length; i++)
            {
                if (shared.TryGetAt(answerColumns[i], out var answer)) { Answers[i] = answer; outside--; }
                else Answers[i] = double.NaN;
            }
        }
        else
        {
            for (var i = 0; i < items.Length; i++)
            {
                if (response.Answers.TryGetValue(items[i], out var answer)) { Answers[i] = answer; outside--; }
                else Answers[i] = double.NaN;
            }
        }

        OnlyInstrumentItems = outside == 0;
        if (response.Scores is SharedKeyDictionary<double?> scores)
        {
            if (!ReferenceEquals(scores.Columns, scoreKeys)) scoreKeys = Map(scores.Columns, constructs, scoreColumns);
            for (var c = 0; c < constructs.Length; c++) Scores[c] = scores.TryGetAt(scoreColumns[c], out var s) && s is { } v ? v : double.NaN;
        }
        else
        {
            for (var c = 0; c < constructs.Length; c++) Scores[c] = response.Scores.TryGetValue(constructs[c], out var s) && s is { } v ? v : double.NaN;
        }
    }

    /// <summary>
    /// Starts a row a reader fills directly (<see cref="Answers"/>, <see cref="Scores"/> and the times by position):
    /// the participant's id from the reader's text, the same string for every row of the same participant.
    /// </summary>
    public void LoadParticipant(ReadOnlySpan<char> participantId)
    {
        Response = null;
        OnlyInstrumentItems = true;
        var lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(participantId, out var id))
        {
            id = participantId.ToString();
            ids.Add(id);
        }

        ParticipantId = id;
    }

    /// <summary>Each of <paramref name="responses"/> loaded into <paramref name="row"/> (the same instance every time).</summary>
    public static async IAsyncEnumerable<ModelRow> LoadEach(IAsyncEnumerable<StoredResponse> responses, ModelRow row, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(row);
        await foreach (var response in responses.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            row.Load(response);
            yield return row;
        }
    }

    /// <summary>Each name's column in <paramref name="keys"/>, −1 when the file has no such column.</summary>
    private static ColumnKeys Map(ColumnKeys keys, string[] names, int[] columns)
    {
        for (var i = 0; i < names.Length; i++) columns[i] = keys.TryGetIndex(names[i], out var column) ? column : -1;
        return keys;
    }
}
