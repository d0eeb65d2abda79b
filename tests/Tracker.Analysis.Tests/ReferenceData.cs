using System.Text.Json;
using Tracker.Analysis.Data;

namespace Tracker.Analysis.Tests;

/// <summary>The peer reference files copied from R (lme4, nls, survival) into this project, so tests never need R.</summary>
internal static class ReferenceData
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    /// <summary>Reads a plain CSV (no quoting, as R's write.csv(quote = FALSE) writes it): numeric columns as numbers, the rest as text.</summary>
    public static LongTable Table(string name)
    {
        var lines = File.ReadAllLines(PathOf(name)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var columns = new List<TableColumn>();
        for (var c = 0; c < header.Length; c++)
        {
            var texts = cells.Select(r => (string?)r[c]).ToArray();
            var numbers = new double[texts.Length];
            var numeric = texts.All((t, i) => TableColumn.TryParseNumber(t, out numbers[i]));
            columns.Add(numeric ? TableColumn.FromNumbers(header[c], numbers) : TableColumn.FromTexts(header[c], texts));
        }
        return new LongTable(columns);
    }

    public static JsonElement Json(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(name)));
        return document.RootElement.Clone();
    }

    private static bool All(this string?[] texts, Func<string?, int, bool> predicate)
    {
        for (var i = 0; i < texts.Length; i++) if (!predicate(texts[i], i)) return false;
        return true;
    }
}
