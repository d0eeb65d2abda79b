using System.Text.RegularExpressions;

namespace Tracker.Engine.Instruments;

/// <summary>
/// Checks a researcher's instrument before a panel is created with it. Every problem is reported at once,
/// each prefixed by its JSON path, so a researcher fixes the definition in one round trip rather than one error at a time.
/// </summary>
/// <remarks>
/// The instrument usually comes straight from System.Text.Json, which does not enforce nullable annotations,
/// so every reference is checked for null even where the type says it cannot be.
/// </remarks>
public static partial class InstrumentValidator
{
    public const int MaxConstructs = 40;
    public const int MaxItemsPerConstruct = 20;
    public const int MaxTextLength = 500;
    public const int MaxIntroductionLength = 4000;
    public const int MaxLabelLength = 100;
    public const int MinScalePoints = 2;
    public const int MaxScalePoints = 11;

    // Bounds the scale far from int overflow; real agreement scales start at 0 or 1.
    public const int ScaleBound = 1000;

    public const string InstrumentIdPattern = "^[a-z0-9][a-z0-9_-]{0,63}$";
    public const string ConstructIdPattern = "^[a-z][a-z0-9]{0,31}$";
    public const string ItemIdPattern = "^[a-z][a-z0-9]*_[0-9]+$";
    public const string LayerPattern = "^[a-z][a-z0-9_-]{0,31}$";
    public const string LanguagePattern = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$";

    // Item ids become form field names and table property names; keep them short.
    public const int MaxItemIdLength = 40;

    [GeneratedRegex(InstrumentIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex InstrumentIdRegex();

    [GeneratedRegex(ConstructIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ConstructIdRegex();

    [GeneratedRegex(ItemIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex ItemIdRegex();

    [GeneratedRegex(LayerPattern, RegexOptions.CultureInvariant)]
    private static partial Regex LayerRegex();

    [GeneratedRegex(LanguagePattern, RegexOptions.CultureInvariant)]
    private static partial Regex LanguageRegex();

    /// <summary>Every problem with <paramref name="instrument"/>, each as "<c>path: message</c>"; empty when it is usable.</summary>
    /// <param name="path">The JSON path of the instrument in the document it came from, e.g. <c>instrument</c> inside a panel definition.</param>
    public static IReadOnlyList<string> Validate(Instrument? instrument, string path = "instrument")
    {
        var problems = new List<string>();
        if (instrument is null)
        {
            problems.Add($"{path}: is required");
            return problems;
        }

        Identifier(problems, $"{path}.id", instrument.Id, InstrumentIdRegex(), InstrumentIdPattern);
        Text(problems, $"{path}.title", instrument.Title, MaxTextLength, required: true);
        Text(problems, $"{path}.introduction", instrument.Introduction, MaxIntroductionLength, required: false, allowLineBreaks: true);
        Identifier(problems, $"{path}.language", instrument.Language, LanguageRegex(), LanguagePattern);
        Scale(problems, $"{path}.scale", instrument.Scale);
        Constructs(problems, $"{path}.constructs", instrument.Constructs);

        // The form shows construct items only until pages and question types land; accepting pages would store a panel
        // whose questions nobody is ever shown.
        if (instrument.Pages is not null) problems.Add($"{path}.pages: pages and question types are not available in this version yet; leave \"pages\" out (every construct is shown on one page)");
        return problems;
    }

    private static void Scale(List<string> problems, string path, ResponseScale? scale)
    {
        if (scale is null)
        {
            problems.Add($"{path}: is required");
            return;
        }

        var boundsOk = true;
        foreach (var (name, value) in new[] { ("min", scale.Min), ("max", scale.Max) })
        {
            if (value < -ScaleBound || value > ScaleBound)
            {
                problems.Add($"{path}.{name}: must be between {-ScaleBound} and {ScaleBound}");
                boundsOk = false;
            }
        }

        int? points = null;
        if (boundsOk)
        {
            if (scale.Min >= scale.Max)
            {
                problems.Add($"{path}: min ({scale.Min}) must be less than max ({scale.Max})");
            }
            else
            {
                points = scale.Max - scale.Min + 1;
                if (points < MinScalePoints || points > MaxScalePoints)
                {
                    problems.Add($"{path}: must have {MinScalePoints} to {MaxScalePoints} points, has {points}");
                }
            }
        }

        if (scale.Labels is null)
        {
            problems.Add($"{path}.labels: is required");
            return;
        }

        if (points is { } expected && scale.Labels.Count != expected)
        {
            problems.Add($"{path}.labels: must name each of the {expected} points from {scale.Min} to {scale.Max}, has {scale.Labels.Count}");
        }

        for (var i = 0; i < scale.Labels.Count; i++)
        {
            Text(problems, $"{path}.labels[{i}]", scale.Labels[i], MaxLabelLength, required: true);
        }
    }

    private static void Constructs(List<string> problems, string path, IReadOnlyList<Construct?>? constructs)
    {
        if (constructs is null)
        {
            problems.Add($"{path}: is required");
            return;
        }

        if (constructs.Count is < 1 or > MaxConstructs)
        {
            problems.Add($"{path}: must have 1 to {MaxConstructs} constructs, has {constructs.Count}");
        }

        var constructIds = new HashSet<string>(StringComparer.Ordinal);
        var itemIds = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < constructs.Count; c++)
        {
            var constructPath = $"{path}[{c}]";
            var construct = constructs[c];
            if (construct is null)
            {
                problems.Add($"{constructPath}: is required");
                continue;
            }

            var idOk = Identifier(problems, $"{constructPath}.id", construct.Id, ConstructIdRegex(), ConstructIdPattern);
            if (idOk && !constructIds.Add(construct.Id))
            {
                problems.Add($"{constructPath}.id: \"{construct.Id}\" is used by an earlier construct");
            }

            Text(problems, $"{constructPath}.name", construct.Name, MaxTextLength, required: true);
            Identifier(problems, $"{constructPath}.layer", construct.Layer, LayerRegex(), LayerPattern);
            Items(problems, $"{constructPath}.items", idOk ? construct.Id : null, construct.Items, itemIds);
        }
    }

    private static void Items(List<string> problems, string path, string? constructId, IReadOnlyList<Item?>? items, HashSet<string> itemIds)
    {
        if (items is null)
        {
            problems.Add($"{path}: is required");
            return;
        }

        if (items.Count is < 1 or > MaxItemsPerConstruct)
        {
            problems.Add($"{path}: must have 1 to {MaxItemsPerConstruct} items, has {items.Count}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = items[i];
            if (item is null)
            {
                problems.Add($"{itemPath}: is required");
                continue;
            }

            if (Identifier(problems, $"{itemPath}.id", item.Id, ItemIdRegex(), ItemIdPattern))
            {
                if (item.Id.Length > MaxItemIdLength)
                {
                    problems.Add($"{itemPath}.id: must be at most {MaxItemIdLength} characters");
                }

                // Analysis groups items by prefix, so an item filed under the wrong construct would silently score wrongly.
                if (constructId is not null && !item.Id.StartsWith(constructId + "_", StringComparison.Ordinal))
                {
                    problems.Add($"{itemPath}.id: must start with its construct id \"{constructId}_\"");
                }

                if (!itemIds.Add(item.Id))
                {
                    problems.Add($"{itemPath}.id: \"{item.Id}\" is used by an earlier item");
                }
            }

            Text(problems, $"{itemPath}.text", item.Text, MaxTextLength, required: true);
        }
    }

    private static bool Identifier(List<string> problems, string path, string? value, Regex regex, string pattern)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{path}: is required");
            return false;
        }

        if (!regex.IsMatch(value))
        {
            problems.Add($"{path}: must match {pattern}");
            return false;
        }

        return true;
    }

    private static void Text(List<string> problems, string path, string? value, int maxLength, bool required, bool allowLineBreaks = false)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            if (required || value is null)
            {
                problems.Add($"{path}: is required");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            problems.Add($"{path}: must be at most {maxLength} characters, has {value.Length}");
        }

        if (value.Any(ch => IsForbidden(ch, allowLineBreaks)))
        {
            problems.Add($"{path}: must not contain control characters");
        }
    }

    // Bidirectional overrides are refused with the control characters: they can make a statement display differently from what is stored.
    private static bool IsForbidden(char ch, bool allowLineBreaks) =>
        (char.IsControl(ch) && !(allowLineBreaks && ch is '\n' or '\r'))
        || ch is >= '\u202A' and <= '\u202E'
        || ch is >= '\u2066' and <= '\u2069';
}
