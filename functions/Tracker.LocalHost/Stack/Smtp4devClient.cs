using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// A small typed client over smtp4dev's REST API (shapes checked against 3.15.0): list messages (paged; the server's
/// default page size is 5), message details, plain text / HTML / raw source, delete all.
/// </summary>
public sealed class Smtp4devClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly int _pageSize;

    /// <param name="webUrl">smtp4dev's web URL.</param>
    /// <param name="pageSize">Messages fetched per request while listing.</param>
    public Smtp4devClient(Uri webUrl, int pageSize = 100)
        : this(new HttpClient { BaseAddress = webUrl }, ownsHttpClient: true, pageSize)
    {
    }

    /// <param name="http">A client whose BaseAddress is smtp4dev's web URL.</param>
    public Smtp4devClient(HttpClient http, bool ownsHttpClient = false, int pageSize = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _http = http;
        _ownsHttp = ownsHttpClient;
        _pageSize = pageSize;
    }

    /// <summary>Every message in the mailbox, newest first, paging through the API.</summary>
    public async Task<IReadOnlyList<Smtp4devMessageSummary>> ListMessagesAsync(string mailboxName = "Default", CancellationToken cancellationToken = default)
    {
        var all = new List<Smtp4devMessageSummary>();
        for (var page = 1; ; page++)
        {
            var url = $"api/messages?mailboxName={Uri.EscapeDataString(mailboxName)}&pageSize={_pageSize}&page={page}";
            var result = await _http.GetFromJsonAsync<PagedResult>(url, JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"smtp4dev returned an empty body for {url}.");
            all.AddRange(result.Results);
            if (result.Results.Count == 0 || page >= result.PageCount)
            {
                return all;
            }
        }
    }

    /// <summary>Polls until <paramref name="predicate"/> holds for the mailbox's messages, or throws TimeoutException.</summary>
    public async Task<IReadOnlyList<Smtp4devMessageSummary>> WaitForMessagesAsync(
        Func<IReadOnlyList<Smtp4devMessageSummary>, bool> predicate, TimeSpan timeout, string mailboxName = "Default", CancellationToken cancellationToken = default)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var messages = await ListMessagesAsync(mailboxName, cancellationToken).ConfigureAwait(false);
            if (predicate(messages))
            {
                return messages;
            }

            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"smtp4dev's mailbox '{mailboxName}' did not reach the expected state within {timeout}; it holds {messages.Count} messages.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The message's details, or null when there is no such message.</summary>
    public async Task<Smtp4devMessage?> GetMessageAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync($"api/messages/{Uri.EscapeDataString(id)}", cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Smtp4devMessage>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
    }

    public Task<string> GetPlainTextAsync(string id, CancellationToken cancellationToken = default) => GetTextAsync(id, "plaintext", cancellationToken);

    public Task<string> GetHtmlAsync(string id, CancellationToken cancellationToken = default) => GetTextAsync(id, "html", cancellationToken);

    /// <summary>The message source as received (headers and MIME parts).</summary>
    public Task<string> GetRawAsync(string id, CancellationToken cancellationToken = default) => GetTextAsync(id, "raw", cancellationToken);

    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.DeleteAsync("api/messages/*", cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Task<string> GetTextAsync(string id, string part, CancellationToken cancellationToken) =>
        _http.GetStringAsync($"api/messages/{Uri.EscapeDataString(id)}/{part}", cancellationToken);

    private sealed record PagedResult(IReadOnlyList<Smtp4devMessageSummary> Results, int CurrentPage, int PageCount, int PageSize, int RowCount);
}
