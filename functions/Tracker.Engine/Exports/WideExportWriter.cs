using Tracker.Engine.Panels;
using Tracker.Engine.Responses;
using Tracker.Model.Time;

namespace Tracker.Engine.Exports;

/// <summary>
/// One row per participant (every enrolled one, and anyone with responses), with days, submitted_at and each construct
/// score per wave as <c>{column}_w{n}</c>, then <c>complete_w{n}</c> for every wave. Each wave and the participant list come ordered by participant id, so the
/// rows are produced by merging those sorted streams: memory holds one response per wave, not the panel.
/// </summary>
public static class WideExportWriter
{
    public static async Task<int> WriteAsync(IResponseSource source, Panel panel, TextWriter writer, CancellationToken cancellationToken)
    {
        var waves = panel.Schedule.Waves;
        var constructs = panel.Instrument.Constructs;
        await using var csv = CsvOutput.Open(writer);
        await CsvOutput.WriteHeaderAsync(csv, ExportColumns.WideCsv(panel.Instrument, waves)).ConfigureAwait(false);

        var participants = source.ParticipantIdsAsync(panel.Id, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var streams = new IAsyncEnumerator<StoredResponse>[waves];
        var heads = new StoredResponse?[waves];
        var rows = 0;
        try
        {
            for (var i = 0; i < waves; i++)
            {
                streams[i] = source.ReadWaveAsync(panel.Id, i + 1, cancellationToken).GetAsyncEnumerator(cancellationToken);
                heads[i] = await NextAsync(streams[i], null, i + 1).ConfigureAwait(false);
            }

            var nextParticipant = await participants.MoveNextAsync().ConfigureAwait(false) ? participants.Current : null;
            var row = new StoredResponse?[waves];
            while (true)
            {
                var id = nextParticipant;
                foreach (var head in heads)
                {
                    if (head is not null && (id is null || string.CompareOrdinal(head.ParticipantId, id) < 0)) id = head.ParticipantId;
                }

                if (id is null) break;

                while (nextParticipant is not null && string.CompareOrdinal(nextParticipant, id) <= 0)
                {
                    nextParticipant = await participants.MoveNextAsync().ConfigureAwait(false) ? participants.Current : null;
                }

                DateTimeOffset? first = null;
                for (var i = 0; i < waves; i++)
                {
                    row[i] = null;
                    if (heads[i] is { } head && head.ParticipantId == id)
                    {
                        row[i] = head;
                        first ??= head.SubmittedAt;
                        heads[i] = await NextAsync(streams[i], id, i + 1).ConfigureAwait(false);
                    }
                }

                csv.WriteField(CsvCells.Text(id));
                for (var i = 0; i < waves; i++)
                {
                    var response = row[i];
                    csv.WriteField(response is null ? string.Empty : CsvCells.Number(ModelTimeAxis.Between(first!.Value, response.SubmittedAt)));
                    csv.WriteField(CsvCells.Timestamp(response?.SubmittedAt));
                    foreach (var construct in constructs)
                    {
                        csv.WriteField(CsvCells.Number(response?.Scores.GetValueOrDefault(construct.Id)));
                    }
                }

                for (var i = 0; i < waves; i++)
                {
                    csv.WriteField(CsvCells.Number(row[i] is null ? null : row[i]!.Complete ? 1 : 0));
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                rows++;
            }
        }
        finally
        {
            await participants.DisposeAsync().ConfigureAwait(false);
            foreach (var stream in streams)
            {
                if (stream is not null) await stream.DisposeAsync().ConfigureAwait(false);
            }
        }

        await csv.FlushAsync().ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    private static async Task<StoredResponse?> NextAsync(IAsyncEnumerator<StoredResponse> stream, string? previous, int wave)
    {
        if (!await stream.MoveNextAsync().ConfigureAwait(false)) return null;
        var next = stream.Current;
        // The merge is only correct on sorted input; fail loudly rather than split a participant over two rows.
        if (previous is not null && string.CompareOrdinal(next.ParticipantId, previous) <= 0)
        {
            throw new InvalidDataException($"Wave {wave}'s responses are not ordered by participant id.");
        }

        return next;
    }
}
