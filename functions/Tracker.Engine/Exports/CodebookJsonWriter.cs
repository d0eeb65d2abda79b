using System.Text.Json;

namespace Tracker.Engine.Exports;

/// <summary>The codebook as JSON (camelCase, like the API), for scripts.</summary>
public static class CodebookJsonWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(Codebook codebook, Stream stream, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, codebook, Options, cancellationToken);
}
