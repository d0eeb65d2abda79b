using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.LocalHost.Stack;

namespace Tracker.Cli.Bench;

/// <summary>smtp4dev as the benchmark's server: counted and read through its REST API (its pace sets the rates).</summary>
public sealed class DispatchSmtp4devInbox : IDispatchInbox, IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly HttpClient http;
    private readonly Smtp4devClient client;

    public DispatchSmtp4devInbox(Smtp4devServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        http = new HttpClient { BaseAddress = server.WebUrl, Timeout = TimeSpan.FromMinutes(2) };
        client = new Smtp4devClient(http, ownsHttpClient: false, pageSize: 500);
    }

    public string Name => "smtp4dev";

    public async Task ClearAsync(CancellationToken cancellationToken)
    {
        await client.DeleteAllAsync(cancellationToken);
        await ExpectReceivedAsync(0, cancellationToken);
    }

    public async Task ExpectReceivedAsync(int expected, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var page = await http.GetFromJsonAsync<JsonElement>("api/messages?mailboxName=Default&pageSize=1", cancellationToken);
            var count = page.GetProperty("rowCount").GetInt32();
            if (count == expected) return;
            if (count > expected || started.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new InvalidOperationException($"smtp4dev holds {count} messages; expected {expected}.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Null: counting costs a request to smtp4dev, so the benchmark polls the ledger instead.</summary>
    public int? ReceivedCount => null;

    public async Task<IReadOnlyList<ReceivedMessage>> ReadAsync(CancellationToken cancellationToken)
    {
        var summaries = await client.ListMessagesAsync(cancellationToken: cancellationToken);
        var messages = new ConcurrentBag<ReceivedMessage>();
        await Parallel.ForEachAsync(summaries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (summary, ct) =>
        {
            var message = await client.GetMessageAsync(summary.Id, ct);
            messages.Add(new ReceivedMessage(message?.Header("Message-ID")?.Trim().Trim('<', '>') ?? "", summary.To));
        });
        return messages.ToList();
    }

    public void Dispose()
    {
        client.Dispose();
        http.Dispose();
    }
}
