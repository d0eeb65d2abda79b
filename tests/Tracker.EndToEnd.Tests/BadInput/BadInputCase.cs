using System.Text.Json.Nodes;

namespace Tracker.EndToEnd.Tests.BadInput;

/// <summary>One case of corpus.json: a request and what the answer must be. See <see cref="BadInputCorpusTests"/> for the fields.</summary>
public sealed class BadInputCase(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public string Id => (string)Json["id"]!;

    public string Category => (string)Json["category"]!;

    public string Method => (string?)Json["method"] ?? "GET";

    public string Path => (string)Json["path"]!;

    public bool Admin => (bool?)Json["admin"] ?? false;

    /// <summary>Open the panel's dashboard session first (a minted link), as a researcher's browser would have.</summary>
    public bool DashboardSession => (bool?)Json["dashboardSession"] ?? false;

    public string? ContentType => (string?)Json["contentType"];

    public string? Body => (string?)Json["body"];

    public string? BodyBase64 => (string?)Json["bodyBase64"];

    public JsonObject? Token => Json["token"] as JsonObject;

    /// <summary>Headers sent as given (a forged <c>X-MS-CLIENT-PRINCIPAL</c>, say).</summary>
    public JsonObject? Headers => Json["headers"] as JsonObject;

    /// <summary>Sign in first with the development sign-in: <c>{"name", "roles": [...], "tenant"}</c>; the request then carries its cookie and no key.</summary>
    public JsonObject? SignIn => Json["signIn"] as JsonObject;

    public int Status => (int)Json["expect"]!["status"]!;

    public IReadOnlyList<string> Contains => Strings("contains");

    public IReadOnlyList<string> NotContains => Strings("notContains");

    /// <summary>
    /// False only for the valid requests of the markup cases: a thank-you page stores answers, and opening a form records
    /// that the participant opened it.
    /// </summary>
    public bool StorageUnchanged => (bool?)Json["expect"]!["storageUnchanged"] ?? true;

    /// <summary>xunit shows this in the test name, so a failure names its case.</summary>
    public override string ToString() => Id;

    private string[] Strings(string name) =>
        Json["expect"]![name] is JsonArray array ? [.. array.Select(n => (string)n!)] : [];
}
