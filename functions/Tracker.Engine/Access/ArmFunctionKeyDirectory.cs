using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tracker.Engine.Access;

/// <summary>
/// The Function App's keys as Azure Resource Manager lists them (<c>host/default/listkeys</c>: the master key and the
/// host keys; <c>functions/NAME/listkeys</c>: one function's keys), read with the app's identity, which infra gives a
/// role that may list keys and nothing else. Only SHA-256 hashes are kept. A list is reused for five minutes; a key
/// that matches nothing makes the app read the lists again, at most every 30 seconds, so a key just created or rotated
/// with <c>az functionapp keys set</c> works within a minute and a stream of wrong keys costs one read per half minute.
/// When Resource Manager cannot be read, the last lists read stay in use; with none, the check is unavailable.
/// </summary>
public sealed class ArmFunctionKeyDirectory : IFunctionKeyDirectory, IDisposable
{
    public const string ApiVersion = "2025-03-01";
    internal static readonly TimeSpan Fresh = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan RereadAfterMiss = TimeSpan.FromSeconds(30);
    private const string HostList = "";

    private readonly HostKeyOptions _options;
    private readonly TokenCredential? _credential;
    private readonly HttpClient _http;
    private readonly TimeProvider _clock;
    private readonly ILogger<ArmFunctionKeyDirectory> _logger;
    private readonly ConcurrentDictionary<string, KeyList> _lists = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _reading = new(1, 1);

    public ArmFunctionKeyDirectory(IOptions<HostKeyOptions> options, TimeProvider clock, ILogger<ArmFunctionKeyDirectory> logger)
        : this(options.Value, CredentialFor(options.Value), new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }), clock, logger)
    {
    }

    internal ArmFunctionKeyDirectory(HostKeyOptions options, TokenCredential? credential, HttpClient http, TimeProvider clock, ILogger<ArmFunctionKeyDirectory> logger)
    {
        _options = options;
        _credential = credential;
        _http = http;
        _clock = clock;
        _logger = logger;
    }

    public async ValueTask<KeyCheck> CheckAsync(string presentedKey, string functionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(presentedKey);
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        if (_credential is null || string.IsNullOrWhiteSpace(_options.SiteResourceId))
        {
            return KeyCheck.Unavailable("this app cannot check keys: Tracker__Auth__HostKeys__SiteResourceId is not set (infra sets it); sign in instead");
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey));
        var first = await MatchAsync(hash, functionName, forceRead: false, cancellationToken).ConfigureAwait(false);
        if (first.Outcome != KeyCheckOutcome.Unknown) return first;
        return await MatchAsync(hash, functionName, forceRead: true, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _http.Dispose();
        _reading.Dispose();
    }

    private async Task<KeyCheck> MatchAsync(byte[] hash, string functionName, bool forceRead, CancellationToken cancellationToken)
    {
        var host = await ListAsync(HostList, forceRead, cancellationToken).ConfigureAwait(false);
        if (host.Failure is { } hostFailure) return KeyCheck.Unavailable(hostFailure);
        if (host.Match(hash) is { } hostKey) return KeyCheck.Admitted(hostKey.Name, hostKey.IsMaster);

        var function = await ListAsync(functionName, forceRead, cancellationToken).ConfigureAwait(false);
        if (function.Match(hash) is { } functionKey) return KeyCheck.Admitted(functionKey.Name, false);
        return function.Failure is { } functionFailure ? KeyCheck.Unavailable(functionFailure) : KeyCheck.Unknown;
    }

    private async Task<KeyList> ListAsync(string function, bool forceRead, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        if (_lists.TryGetValue(function, out var known) && known.Failure is null && !known.Due(now, forceRead)) return known;

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have read it while this one waited.
            now = _clock.GetUtcNow();
            if (_lists.TryGetValue(function, out known) && known.Failure is null && !known.Due(now, forceRead)) return known;
            if (known is { Failure: not null } && now - known.ReadAt < RereadAfterMiss) return known;

            var read = await ReadAsync(function, now, cancellationToken).ConfigureAwait(false);
            if (read.Failure is not null && known is { Failure: null })
            {
                // Keep answering with the keys last read rather than locking every key holder out while Resource Manager is away.
                _lists[function] = known with { ReadAt = now };
                return known;
            }

            _lists[function] = read;
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    private async Task<KeyList> ReadAsync(string function, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = function.Length == 0 ? "host/default/listkeys" : $"functions/{Uri.EscapeDataString(function)}/listkeys";
        var uri = new Uri(_options.ManagementEndpoint, $"{_options.SiteResourceId!.Trim().Trim('/')}/{path}?api-version={ApiVersion}");
        try
        {
            var scope = new Uri(_options.ManagementEndpoint, ".default").ToString();
            var token = await _credential!.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (function.Length > 0 && response.StatusCode == System.Net.HttpStatusCode.NotFound) return KeyList.Empty(now);
            if (!response.IsSuccessStatusCode)
            {
                _logger.LogWarning("Reading the Function App's keys from Resource Manager answered {Status}", (int)response.StatusCode);
                return KeyList.Failed(now, $"this app could not read its keys from Azure Resource Manager (HTTP {(int)response.StatusCode}); check that its identity has the Tracker key reader role (docs/deploy.md)");
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            return function.Length == 0 ? KeyList.FromHostKeys(json.RootElement, now) : KeyList.FromFunctionKeys(json.RootElement, now);
        }
        catch (Exception ex) when (ex is AuthenticationFailedException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("Reading the Function App's keys from Resource Manager failed: {Error}", ex.GetType().Name);
            return KeyList.Failed(now, $"this app could not read its keys from Azure Resource Manager ({ex.GetType().Name}); sign in, or retry");
        }
    }

    private static TokenCredential CredentialFor(HostKeyOptions options) =>
        string.IsNullOrWhiteSpace(options.ClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId.Trim()));

    private sealed record NamedHash(string Name, bool IsMaster, byte[] Hash);

    /// <summary>One list of keys as read at <see cref="ReadAt"/>, hashed; or why it could not be read.</summary>
    private sealed record KeyList(IReadOnlyList<NamedHash> Keys, DateTimeOffset ReadAt, string? Failure)
    {
        public static KeyList Empty(DateTimeOffset now) => new([], now, null);

        public static KeyList Failed(DateTimeOffset now, string why) => new([], now, why);

        public bool Due(DateTimeOffset now, bool afterMiss) => now - ReadAt >= (afterMiss ? RereadAfterMiss : Fresh);

        public NamedHash? Match(byte[] hash) => Keys.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(k.Hash, hash));

        public static KeyList FromHostKeys(JsonElement root, DateTimeOffset now)
        {
            var keys = new List<NamedHash>();
            if (root.TryGetProperty("masterKey", out var master) && master.ValueKind == JsonValueKind.String && master.GetString() is { Length: > 0 } value)
            {
                keys.Add(new NamedHash(CallerResolver.MasterKeyName, true, Hash(value)));
            }

            if (root.TryGetProperty("functionKeys", out var hostKeys)) keys.AddRange(Named(hostKeys));
            return new KeyList(keys, now, null);
        }

        // The function's list comes as a string dictionary, either bare or under "properties".
        public static KeyList FromFunctionKeys(JsonElement root, DateTimeOffset now) =>
            new([.. Named(root.TryGetProperty("properties", out var properties) ? properties : root)], now, null);

        private static IEnumerable<NamedHash> Named(JsonElement dictionary) =>
            dictionary.ValueKind != JsonValueKind.Object
                ? []
                : dictionary.EnumerateObject()
                    .Where(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { Length: > 0 })
                    .Select(p => new NamedHash(p.Name, false, Hash(p.Value.GetString()!)))
                    .ToList();

        private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
    }
}
