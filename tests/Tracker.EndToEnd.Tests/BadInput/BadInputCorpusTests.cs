using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>
/// Runs every case of corpus.json against the real stack. Each answer must have the expected 4xx (never a 5xx), carry
/// the expected wording, leave every table row as it was, and leave no personal data in the logs.
/// </summary>
/// <remarks>
/// A case's <c>path</c> may hold <c>{token}</c>, <c>{panel}</c> and <c>{other}</c>. Its <c>token</c> is one of
/// <c>{"genuine": who, "wave", "panel", "expiresInDays"}</c>, <c>{"raw": text}</c>,
/// <c>{"mutate": op, "base": who}</c> or <c>{"forge": {"key": "random"|"ours", "keyId", "version", "wave", "panel", "payload"}}</c>
/// (who: answered, fresh, erased). Its <c>body</c> may hold <c>{repeat:N:text}</c>, <c>{lines:N:text with #}</c>,
/// <c>{items:value}</c>, <c>{items-but:id:value}</c>, <c>{email:k}</c>, <c>{start}</c> and <c>{hostile-instrument}</c>;
/// <c>bodyBase64</c> sends bytes. <c>headers</c> are sent as given; <c>signIn</c> (<c>{"name", "roles", "tenant"}</c>,
/// tenant "ours" for the fixture's) signs in with the development sign-in first and sends its cookie instead of a key.
/// </remarks>
[Collection(SecurityCollection.Name)]
public sealed partial class BadInputCorpusTests(SecurityFixture stack)
{
    public static TheoryData<string> CaseIds => BadInputCorpus.Ids();

    [Fact]
    public void The_corpus_has_at_least_200_cases_with_unique_ids_in_every_category()
    {
        Assert.True(BadInputCorpus.Cases.Count >= 200, $"{BadInputCorpus.Cases.Count} cases");
        Assert.Equal(BadInputCorpus.Cases.Count, BadInputCorpus.Cases.Select(c => c.Id).Distinct().Count());
        Assert.Equal(
            ["admin", "csv", "export", "form", "html", "panel", "token"],
            BadInputCorpus.Cases.Select(c => c.Category).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Each_case_is_refused_clearly_and_changes_nothing(string id)
    {
        var @case = BadInputCorpus.Get(id);
        var before = await stack.SnapshotAsync();
        var logLines = stack.Logs.Lines.Count;

        var token = @case.Token is { } spec ? BuildToken(spec) : "";
        using var request = new HttpRequestMessage(new HttpMethod(@case.Method), Expand(@case.Path, token, path: true));
        if (@case.Body is not null || @case.BodyBase64 is not null)
        {
            var bytes = @case.BodyBase64 is not null ? Convert.FromBase64String(@case.BodyBase64) : Encoding.UTF8.GetBytes(Expand(@case.Body!, token, path: false));
            request.Content = new ByteArrayContent(bytes);
            if (@case.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(@case.ContentType);

            // A server that refuses a large body by its Content-Length answers before reading it; without 100-continue
            // the client would still be sending and see a reset instead of the answer.
            request.Headers.ExpectContinue = bytes.Length > 1024 * 1024;
        }

        foreach (var (name, value) in @case.Headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, (string?)value);
        }

        if (@case.DashboardSession) await stack.OpenDashboardSessionAsync(@case.Admin ? stack.Admin : stack.Anonymous, stack.PanelId);
        using var signedIn = @case.SignIn is { } signIn ? await SignInAsync(signIn) : null;
        using var response = await (signedIn ?? (@case.Admin ? stack.Admin : stack.Anonymous)).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;

        Assert.True(status < 500, $"{id}: {status} {Shorten(body)} {string.Join(Environment.NewLine, stack.Logs.Lines.Skip(logLines).Where(l => l.StartsWith("Error", StringComparison.Ordinal)))}");
        Assert.True(status == @case.Status, $"{id}: expected {@case.Status}, got {status}: {Shorten(body)}");
        Assert.False(string.IsNullOrWhiteSpace(body), $"{id}: no message in the answer");
        foreach (var expected in @case.Contains)
        {
            Assert.True(body.Contains(expected, StringComparison.Ordinal), $"{id}: the answer does not say \"{expected}\": {Shorten(body)}");
        }

        foreach (var unexpected in @case.NotContains)
        {
            Assert.False(body.Contains(unexpected, StringComparison.Ordinal), $"{id}: the answer contains \"{unexpected}\"");
        }

        if (@case.StorageUnchanged)
        {
            var after = await stack.SnapshotAsync();
            Assert.True(before == after, $"{id}: stored data changed");
        }

        LogScan.AssertClean(stack, stack.Logs.Lines.Skip(logLines), token);
    }

    /// <summary>A client with the development sign-in's cookie for that name, those roles and that tenant ("ours": the fixture's).</summary>
    private async Task<HttpClient> SignInAsync(JsonObject spec)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = stack.Stack.Host.BaseUrl };
        var form = new List<KeyValuePair<string, string>> { new("name", (string?)spec["name"] ?? "Corpus") };
        form.AddRange((spec["roles"] as JsonArray ?? []).Select(r => new KeyValuePair<string, string>("roles", (string)r!)));
        if ((string?)spec["tenant"] is { } tenant) form.Add(new("tenant", tenant == "ours" ? SecurityFixture.TenantId : tenant));
        using var response = await client.PostAsync(".auth/login/dev", new FormUrlEncodedContent(form));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private string BuildToken(JsonObject spec)
    {
        string Who(string? name) => name switch
        {
            null or "answered" => stack.Answered,
            "fresh" => stack.Fresh,
            "erased" => stack.Erased,
            _ => name,
        };

        string Panel(string? name) => name switch
        {
            null or "this" => stack.PanelId,
            "other" => stack.OtherPanelId,
            _ => name,
        };

        if (spec["raw"] is { } raw) return (string)raw!;
        if (spec["genuine"] is { } genuine)
        {
            var days = (double?)spec["expiresInDays"] ?? 7;
            return stack.Token(Who((string?)genuine), (int?)spec["wave"] ?? 1, Panel((string?)spec["panel"]), stack.Clock.GetUtcNow().AddDays(days));
        }

        if (spec["forge"] is JsonObject forge)
        {
            var payload = (string?)forge["payload"] ?? stack.Payload(
                Who((string?)forge["participant"]),
                (int?)forge["wave"] ?? 1,
                Panel((string?)forge["panel"]),
                (string?)forge["keyId"] ?? SecurityFixture.LinkKeyId,
                version: (string?)forge["version"] ?? "1");
            var key = (string?)forge["key"] == "ours" ? stack.LinkKeyBytes : RandomNumberGenerator.GetBytes(32);
            return SecurityFixture.Forge(payload, key);
        }

        var original = stack.Token(Who((string?)spec["base"]));
        return Mutate(original, (string)spec["mutate"]!);
    }

    /// <summary>One named change to a genuine token; the corpus says which and where.</summary>
    private static string Mutate(string token, string operation)
    {
        var parts = operation.Split(':');
        int Arg(int i) => int.Parse(parts[i], System.Globalization.CultureInfo.InvariantCulture);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return parts[0] switch
        {
            "truncate-end" => token[..^Arg(1)],
            "keep-start" => token[..Arg(1)],
            "truncate-start" => token[Arg(1)..],
            "flip" => Flip(token, Arg(1) >= 0 ? Arg(1) : token.Length + Arg(1)),
            "flip-mac" => Flip(token, dot + 1 + Arg(1)),
            "insert" => token.Insert(Arg(1) >= 0 ? Arg(1) : token.Length + Arg(1) + 1, parts[2]),
            "append" => token + parts[1],
            "prepend" => parts[1] + token,
            "payload-only" => token[..dot],
            "mac-only" => token[(dot + 1)..],
            "no-dot" => token.Remove(dot, 1),
            "swap-parts" => token[(dot + 1)..] + "." + token[..dot],
            "upper" => token.ToUpperInvariant(),
            "lower" => token.ToLowerInvariant(),
            "standard-base64" => token.Replace('-', '+').Replace('_', '/') + (token.Contains('-', StringComparison.Ordinal) || token.Contains('_', StringComparison.Ordinal) ? "" : "+"),
            "padded" => token[..dot] + "==" + token[dot..] + "=",
            "double-mac" => token + token[dot..],
            "reverse" => new string(token.Reverse().ToArray()),
            _ => throw new InvalidOperationException($"Unknown mutation '{operation}'."),
        };
    }

    private static string Flip(string token, int at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var index = alphabet.IndexOf(token[at], StringComparison.Ordinal);
        var replacement = index < 0 ? 'A' : alphabet[(index + 17) % alphabet.Length];
        return token[..at] + replacement + token[(at + 1)..];
    }

    private string Expand(string template, string token, bool path)
    {
        var text = template
            .Replace("{token}", path ? Uri.EscapeDataString(token) : token, StringComparison.Ordinal)
            .Replace("{panel}", stack.PanelId, StringComparison.Ordinal)
            .Replace("{other}", stack.OtherPanelId, StringComparison.Ordinal)
            .Replace("{start}", stack.Clock.GetUtcNow().ToString("O"), StringComparison.Ordinal)
            .Replace("{hostile-instrument}", SecurityFixture.HostilePanel(stack.Clock.GetUtcNow())["instrument"]!.ToJsonString(), StringComparison.Ordinal);
        text = Repeat().Replace(text, m => string.Concat(Enumerable.Repeat(Unescape(m.Groups[2].Value), int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))));
        text = Lines().Replace(text, m => string.Join("\n", Enumerable.Range(1, int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(i => m.Groups[2].Value.Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))));
        text = ItemsBut().Replace(text, m => string.Join("&", stack.ItemIds.Where(i => i != m.Groups[1].Value).Select(i => $"{i}={m.Groups[2].Value}")));
        text = Items().Replace(text, m => string.Join("&", stack.ItemIds.Select(i => $"{i}={m.Groups[1].Value}")));
        text = Email().Replace(text, m => stack.Emails[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        return text;
    }

    /// <summary>Lets the corpus spell a control character or a brace inside a repeat as \uXXXX.</summary>
    private static string Unescape(string text) => Regex.Unescape(text);

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    [GeneratedRegex(@"\{repeat:(\d+):([^}]*)\}")]
    private static partial Regex Repeat();

    [GeneratedRegex(@"\{lines:(\d+):([^}]*)\}")]
    private static partial Regex Lines();

    [GeneratedRegex(@"\{items:([^}]*)\}")]
    private static partial Regex Items();

    [GeneratedRegex(@"\{items-but:([a-z_0-9]+):([^}]*)\}")]
    private static partial Regex ItemsBut();

    [GeneratedRegex(@"\{email:(\d+)\}")]
    private static partial Regex Email();
}
