using Tracker.Engine.Languages;

namespace Tracker.Engine.Forms;

/// <summary>
/// Why one item's answer was not accepted, as a catalog key and the numbers its text needs; shown beside the item and in
/// the error summary in the participant's language (<see cref="In"/>), and in English (<see cref="Message"/>) anywhere else.
/// </summary>
public sealed record AnswerError(string ItemId, AnswerErrorKey Key, IReadOnlyList<AnswerNumber> Values)
{
    public AnswerError(string itemId, AnswerErrorKey key)
        : this(itemId, key, [])
    {
    }

    /// <summary>The page-text key of <paramref name="key"/>: its name with the first letter in lower case.</summary>
    public static string CatalogKeyOf(AnswerErrorKey key)
    {
        var name = key.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The page-text key this error is worded by.</summary>
    public string CatalogKey => CatalogKeyOf(Key);

    /// <summary>The error in English (logs, tests, anything that is not a participant's page).</summary>
    public string Message => In(ParticipantTexts.English);

    /// <summary>The error in <paramref name="texts"/>' language, its numbers in that language's culture.</summary>
    public string In(ParticipantTexts texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Fill(CatalogKey, [.. Values.Select(v => (v.Name, (object)texts.Number(v.Value, v.IsCount)))]);
    }

    public bool Equals(AnswerError? other) =>
        other is not null && ItemId == other.ItemId && Key == other.Key && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(ItemId, Key, Values.Count);

    public override string ToString() => $"{ItemId}: {Message}";
}
