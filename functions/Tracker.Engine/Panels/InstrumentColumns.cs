using Tracker.Engine.Storage;

namespace Tracker.Engine.Panels;

/// <summary>
/// Spreads an instrument's JSON over the panel row's instrument columns: a table string property holds at most
/// 32K UTF-16 characters, and a bilingual instrument with demographics and many items is longer than that.
/// Splitting keeps the JSON readable in a storage browser (unlike compression) and leaves rows written before
/// the split, with everything in <see cref="PanelEntity.InstrumentJson"/>, readable as they are.
/// </summary>
public static class InstrumentColumns
{
    /// <summary>Characters per column, below the service's 32,768 with room to spare.</summary>
    public const int PartLength = 32_000;

    public const int Parts = 8;

    /// <summary>The longest instrument JSON a panel row stores.</summary>
    public const int MaxLength = PartLength * Parts;

    private static readonly Action<PanelEntity, string?>[] Setters =
    [
        (e, v) => e.InstrumentJson = v ?? "",
        (e, v) => e.InstrumentJson2 = v,
        (e, v) => e.InstrumentJson3 = v,
        (e, v) => e.InstrumentJson4 = v,
        (e, v) => e.InstrumentJson5 = v,
        (e, v) => e.InstrumentJson6 = v,
        (e, v) => e.InstrumentJson7 = v,
        (e, v) => e.InstrumentJson8 = v,
    ];

    public static void Write(PanelEntity entity, string json)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(json);
        var parts = Split(json);
        if (parts.Count > Parts)
        {
            // The definition's validation refuses such an instrument first; this only guards the invariant.
            throw new InvalidOperationException($"The instrument JSON ({json.Length:N0} characters) is longer than a panel row holds.");
        }

        for (var i = 0; i < Parts; i++)
        {
            Setters[i](entity, i < parts.Count ? parts[i] : null);
        }
    }

    public static string Read(PanelEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return string.Concat(entity.InstrumentJson, entity.InstrumentJson2, entity.InstrumentJson3, entity.InstrumentJson4,
            entity.InstrumentJson5, entity.InstrumentJson6, entity.InstrumentJson7, entity.InstrumentJson8);
    }

    /// <summary>Cuts <paramref name="json"/> into parts of at most <see cref="PartLength"/>, never between the two halves of a surrogate pair.</summary>
    public static IReadOnlyList<string> Split(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parts = new List<string>();
        var start = 0;
        while (json.Length - start > PartLength)
        {
            var length = char.IsHighSurrogate(json[start + PartLength - 1]) ? PartLength - 1 : PartLength;
            parts.Add(json.Substring(start, length));
            start += length;
        }

        parts.Add(json[start..]);
        return parts;
    }
}
