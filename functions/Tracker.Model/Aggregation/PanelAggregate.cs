using System.Runtime.InteropServices;
using Tracker.Analysis;
using Tracker.Analysis.Data;
using Tracker.Analysis.Descriptives;
using Tracker.Analysis.Reliability;
using Tracker.Model.Models;
using Tracker.Model.Time;

namespace Tracker.Model.Aggregation;

/// <summary>
/// What the willingness models need from a panel's responses, accumulated as they stream past one wave at a time
/// (waves in ascending order), instead of every response and a long table with a column per item:
/// <list type="bullet">
/// <item>per wave, as it closes: descriptives of every score and item column and Cronbach's α of every construct
/// (computed on that wave's rows alone, in the long table's order, so each number is the one the whole table gives);</item>
/// <item>across waves, the narrow columns the models read: participant (as codes), wave, days, the outcome and the
/// covariate construct — growth, decay, persistence and retention fit on these.</item>
/// </list>
/// Only the wave being read is held in full. Days are <see cref="ModelTimeAxis.Between"/> the participant's first
/// answered submission (the first wave they appear in) and this one.
/// </summary>
public sealed class PanelAggregate
{
    private readonly IReadOnlyList<string> constructs;
    private readonly Dictionary<string, int> constructIndex;
    private readonly IReadOnlySet<string> reversedItems;
    private readonly int scaleMin;
    private readonly int scaleMax;
    private readonly string outcome;
    private readonly string? covariate;
    private readonly List<string> labels = [];
    private readonly List<WaveColumns?> closed = [];
    private readonly SortedSet<string> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<WaveSummary>> summaries = new(StringComparer.Ordinal);
    private readonly List<(int Wave, string Construct, IReadOnlyList<string> Items, WaveAlpha Alpha)> alphas = [];
    private readonly List<WaveTally> tallies = [];
    private readonly List<double> present = [];
    private readonly List<int> complete = [];
    private Dictionary<string, Participant>? participants = new(StringComparer.Ordinal);
    private WaveBuffer? buffer;
    private WaveBuffer? current;
    private AnswerLayout? layout;
    private LongTable? modelTable;
    private int closedRows;
    private bool covariateSeen;

    public PanelAggregate(IReadOnlyList<ConstructInfo> constructs, IReadOnlySet<string> reversedItems, int scaleMin, int scaleMax, string outcome, string? covariateConstruct)
    {
        ArgumentNullException.ThrowIfNull(constructs);
        ArgumentNullException.ThrowIfNull(reversedItems);
        ArgumentNullException.ThrowIfNull(outcome);
        this.constructs = constructs.Select(c => c.Id).ToList();
        constructIndex = this.constructs.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        this.reversedItems = reversedItems;
        this.scaleMin = scaleMin;
        this.scaleMax = scaleMax;
        this.outcome = outcome;
        covariate = covariateConstruct;
    }

    /// <summary>An aggregate for the panel <paramref name="input"/> describes (its responses are not read).</summary>
    public static PanelAggregate For(ModelInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new PanelAggregate(input.Constructs, input.ReversedItems, input.ScaleMin, input.ScaleMax, input.Outcome, input.CovariateConstruct);
    }

    /// <summary>Responses added so far.</summary>
    public int Responses => closedRows + (current?.Count ?? 0);

    /// <summary>The waves that had responses, in order, once <see cref="Complete"/> has run.</summary>
    public IReadOnlyList<WaveTally> Waves => tallies;

    /// <summary>
    /// Adds one response. Waves must arrive in ascending order; within a wave any order (the long table's order, by
    /// participant id, is restored when the wave closes).
    /// </summary>
    public void Add(int wave, string participantId, DateTimeOffset submittedAt, IReadOnlyDictionary<string, double?> scores, IReadOnlyDictionary<string, int> answers)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(answers);
        var row = BeginResponse(wave, participantId, submittedAt);
        for (var c = 0; c < constructs.Count; c++)
        {
            row.SetScore(c, scores.TryGetValue(constructs[c], out var s) && s is { } v ? v : double.NaN);
        }

        foreach (var (item, answer) in answers)
        {
            if (constructIndex.ContainsKey(item)) continue;
            // Items enter Cronbach's α, which needs every item keyed the same way as its construct: reverse-keyed answers are reversed.
            row.SetItem(item, reversedItems.Contains(item) ? scaleMin + scaleMax - answer : answer);
        }

        row.EndRow();
    }

    /// <summary>
    /// Names the answer positions of <see cref="Add(int, string, DateTimeOffset, ReadOnlySpan{double}, ReadOnlySpan{double})"/>:
    /// the items a reader lays every response out in (a sealed wave's columns, the instrument's items), once, so that
    /// no answer is looked up by name.
    /// </summary>
    public void UseAnswerLayout(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Distinct(StringComparer.Ordinal).Count() != items.Count) throw new ArgumentException("each item once", nameof(items));
        layout = new AnswerLayout(
            [.. items],
            [.. items.Select(constructIndex.ContainsKey)],
            [.. items.Select(reversedItems.Contains)],
            new int[items.Count]);
        layout.Columns.AsSpan().Fill(-1);
    }

    /// <summary>
    /// Adds one response laid out by position, the same as <see cref="Add(int, string, DateTimeOffset, IReadOnlyDictionary{string, double?}, IReadOnlyDictionary{string, int})"/>
    /// with the same values by name: <paramref name="scores"/> in the aggregate's construct order and
    /// <paramref name="answers"/> in the order <see cref="UseAnswerLayout"/> named (NaN: not given, as a key the
    /// dictionaries lack). Nothing is looked up by name and nothing is allocated.
    /// </summary>
    public void Add(int wave, string participantId, DateTimeOffset submittedAt, ReadOnlySpan<double> scores, ReadOnlySpan<double> answers)
    {
        ArgumentNullException.ThrowIfNull(participantId);
        var items = layout ?? throw new InvalidOperationException("UseAnswerLayout names the answers' positions first");
        if (scores.Length != constructs.Count) throw new ArgumentException($"one score per construct ({constructs.Count})", nameof(scores));
        if (answers.Length != items.Names.Length) throw new ArgumentException($"one answer per item of the layout ({items.Names.Length})", nameof(answers));
        var row = BeginResponse(wave, participantId, submittedAt);
        for (var c = 0; c < scores.Length; c++) row.SetScore(c, scores[c]);
        for (var i = 0; i < answers.Length; i++)
        {
            var answer = answers[i];
            if (double.IsNaN(answer) || items.Construct[i]) continue;
            var column = items.Columns[i];
            // The wave's column for this item from its first answer in the wave on, as the by-name Add adds it.
            if (column < 0) items.Columns[i] = column = row.ItemColumn(items.Names[i]);
            row.SetItemAt(column, items.Reversed[i] ? scaleMin + scaleMax - answer : answer);
        }

        row.EndRow();
    }

    /// <summary>Switches to <paramref name="wave"/> when it is new (closing the last one) and starts the response's row.</summary>
    private WaveBuffer BeginResponse(int wave, string participantId, DateTimeOffset submittedAt)
    {
        if (participants is null) throw new InvalidOperationException("the aggregate is complete: no response can be added after Complete");
        if (current is null || current.Wave != wave)
        {
            if (current is not null && wave < current.Wave) throw new InvalidOperationException($"wave {wave} arrived after wave {current.Wave}: waves must stream in ascending order");
            if (current is not null) CloseWave();
            current = buffer ??= new WaveBuffer(constructs.Count);
            current.Reset(wave);
            layout?.Columns.AsSpan().Fill(-1);
        }

        ref var participant = ref CollectionsMarshal.GetValueRefOrAddDefault(participants, participantId, out var known);
        if (!known) participant = new Participant(submittedAt, -1);

        current.BeginRow(participantId, ModelTimeAxis.Between(participant.FirstSubmittedAt, submittedAt));
        return current;
    }

    /// <summary>
    /// Closes the last wave. Call once, after the last response. The wave buffer and the participants' first
    /// submissions are let go here: the models need neither, and at a million participants they are the largest
    /// things the read held.
    /// </summary>
    public void Complete()
    {
        if (current is not null) CloseWave();
        current = null;
        buffer = null;
        participants = null;
    }

    /// <summary>
    /// The narrow long table the models fit on: participant_id (codes), wave, days, the outcome and the covariate
    /// construct, rows by wave then participant id. Built once: each column is filled from the closed waves and each
    /// wave's share let go as soon as it is copied, so the table and the waves are not both held in full.
    /// </summary>
    public LongTable ModelTable()
    {
        if (modelTable is not null) return modelTable;
        var rows = closedRows;
        var codes = new int[rows];
        var waves = new double[rows];
        var days = new double[rows];
        var withOutcome = HasColumn(outcome);
        var withCovariate = covariate is not null && covariate != outcome && HasColumn(covariate);
        var outcomes = withOutcome ? new double[rows] : null;
        var covariates = withCovariate ? new double[rows] : null;
        var start = 0;
        for (var w = 0; w < closed.Count; w++)
        {
            var wave = closed[w]!;
            closed[w] = null;
            var span = new Range(start, start + wave.Count);
            wave.Codes.CopyTo(codes.AsSpan(span));
            waves.AsSpan(span).Fill(wave.Wave);
            wave.Days.CopyTo(days.AsSpan(span));
            if (outcomes is not null) Fill(outcomes.AsSpan(span), wave.Outcome);
            if (covariates is not null) Fill(covariates.AsSpan(span), wave.Covariate);
            start += wave.Count;
        }

        var columns = new List<TableColumn>
        {
            TableColumn.FromCodes(WillingnessFormula.Subject, codes, labels),
            TableColumn.FromNumbers(WillingnessFormula.Wave, waves),
            TableColumn.FromNumbers(ModelTimeAxis.Column, days),
        };
        if (outcomes is not null) columns.Add(TableColumn.FromNumbers(outcome, outcomes));
        if (covariates is not null) columns.Add(TableColumn.FromNumbers(covariate!, covariates));
        return modelTable = new LongTable(columns);
    }

    private static void Fill(Span<double> target, double[]? values)
    {
        if (values is null) target.Fill(double.NaN);
        else values.CopyTo(target);
    }

    /// <summary>Descriptives of every score column (what the long table's <see cref="PanelAnalysis"/> would describe), waves ascending.</summary>
    public IReadOnlyList<ColumnDescriptives> Descriptives(PanelAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return PanelAnalysis.ScoreColumns(NumericColumns(), ConstructItemsOfTable(), options)
            .Select(column => new ColumnDescriptives(column, summaries.TryGetValue(column, out var list) ? list : []))
            .ToList();
    }

    /// <summary>
    /// α of every construct per wave. A wave that lacks one of a construct's items (answered in another wave) has no
    /// complete response for it in the long table, so no α, exactly as the table would give.
    /// </summary>
    public IReadOnlyList<ConstructReliability> Reliability()
    {
        var result = new List<ConstructReliability>();
        foreach (var (construct, constructItems) in ConstructItemsOfTable().OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var byWave = alphas
                .Where(a => a.Construct == construct && a.Items.SequenceEqual(constructItems, StringComparer.Ordinal))
                .Select(a => a.Alpha)
                .ToList();
            result.Add(new ConstructReliability(construct, constructItems, byWave));
        }

        return result;
    }

    private bool HasColumn(string name) => constructIndex.ContainsKey(name) || (covariateSeen && name == covariate);

    /// <summary>The long table's numeric columns in its order: wave, days, constructs, then items by name.</summary>
    private IEnumerable<string> NumericColumns() => new[] { WillingnessFormula.Wave, ModelTimeAxis.Column }.Concat(constructs).Concat(items);

    private IReadOnlyDictionary<string, IReadOnlyList<string>> ConstructItemsOfTable() => ConstructItems.FromColumnNames(NumericColumns());

    private void CloseWave()
    {
        var wave = current!;
        var order = wave.SortedOrder();
        var count = wave.Count;
        tallies.Add(new WaveTally(wave.Wave, wave.Count, ModelTimeAxis.WaveMean(wave.Days)));
        var covariateItem = covariate is not null && !constructIndex.ContainsKey(covariate) ? IndexOf(wave.ItemNames, covariate) : -1;
        if (covariateItem >= 0) covariateSeen = true;

        // The narrow columns, in the long table's order; participants are coded in order of first appearance there.
        var outcomeColumn = constructIndex.TryGetValue(outcome, out var o) ? wave.Column(o) : null;
        var covariateColumn = covariate is null ? null
            : constructIndex.TryGetValue(covariate, out var c) ? wave.Column(c)
            : covariateItem >= 0 ? wave.Column(wave.ConstructCount + covariateItem) : null;
        var narrow = new WaveColumns(wave.Wave, new int[count], new double[count], outcomeColumn is null ? null : new double[count], covariateColumn is null ? null : new double[count]);
        for (var r = 0; r < count; r++)
        {
            var row = order?[r] ?? r;
            ref var participant = ref CollectionsMarshal.GetValueRefOrNullRef(participants!, wave.Participants[row]);
            if (participant.Code < 0)
            {
                participant = participant with { Code = labels.Count };
                labels.Add(wave.Participants[row]);
            }

            narrow.Codes[r] = participant.Code;
            narrow.Days[r] = wave.Days[row];
            if (narrow.Outcome is not null) narrow.Outcome[r] = outcomeColumn![row];
            if (narrow.Covariate is not null) narrow.Covariate[r] = covariateColumn![row];
        }

        closed.Add(narrow);
        closedRows += count;

        // This wave's columns by name, each column's values in the table's row order (copied only when the wave did
        // not arrive in it; sealed snapshots do).
        var names = constructs.Concat(wave.ItemNames).ToList();
        var sorted = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var values = wave.Column(i);
            if (order is not null)
            {
                var source = values;
                values = new double[count];
                for (var r = 0; r < count; r++) values[r] = source[order[r]];
            }

            sorted[names[i]] = values;
            present.Clear();
            for (var r = 0; r < count; r++)
            {
                if (!double.IsNaN(values[r])) present.Add(values[r]);
            }

            if (present.Count == 0) continue;
            if (!summaries.TryGetValue(names[i], out var list)) summaries.Add(names[i], list = []);
            list.Add(WaveDescriptives.Summarise(wave.Wave, present));
        }

        foreach (var item in wave.ItemNames) items.Add(item);
        var waveItems = wave.ItemNames.Order(StringComparer.Ordinal);
        var waveColumns = new[] { WillingnessFormula.Wave, ModelTimeAxis.Column }.Concat(constructs).Concat(waveItems);
        foreach (var (construct, constructItems) in ConstructItems.FromColumnNames(waveColumns))
        {
            var columns = constructItems.Select(i => sorted[i]).ToArray();
            complete.Clear();
            for (var r = 0; r < count; r++)
            {
                var answered = true;
                for (var k = 0; k < columns.Length && answered; k++) answered = !double.IsNaN(columns[k][r]);
                if (answered) complete.Add(r);
            }

            if (complete.Count == 0) continue;
            alphas.Add((wave.Wave, construct, constructItems, new WaveAlpha(wave.Wave, complete.Count, CronbachAlpha.Compute(columns, complete))));
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name) return i;
        }

        return -1;
    }

    /// <summary>The positional answers' items: name, whether a construct's id (skipped, as by name), reverse-keyed, and the current wave's column (−1 until answered in it).</summary>
    private sealed record AnswerLayout(string[] Names, bool[] Construct, bool[] Reversed, int[] Columns);

    /// <summary>A value in the participants' dictionary, not an object per participant: a million of them are read.</summary>
    private readonly record struct Participant(DateTimeOffset FirstSubmittedAt, int Code);
}
