using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MimeKit;
using Tracker.Engine.Common;

namespace Tracker.Engine.Participants;

/// <summary>
/// Reads <c>email,external_id,time_zone,first_name,language</c> files. Only <c>email</c> is required; a missing time zone takes the panel's,
/// a missing language leaves the participant on the panel's default.
/// Bad lines are reported one by one and the rest imported, as researchers fix a few addresses rather than a whole file.
/// </summary>
public static class ParticipantCsvParser
{
    public const int MaxRows = 200_000;
    private const int MaxEmailLength = 254;
    private const int MaxExternalIdLength = 64;
    public const int MaxFirstNameLength = 100;
    private static readonly string[] KnownColumns = ["email", "external_id", "time_zone", "first_name", "language"];

    /// <param name="languages">The panel's languages: a <c>language</c> cell must name one of them (null: any tag is refused).</param>
    public static ParticipantCsv Parse(TextReader reader, string defaultTimeZone, IReadOnlyList<string>? languages = null)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        using var csv = new CsvReader(reader, config);
        var rows = new List<ParticipantRow>();
        var rejected = new List<RejectedLine>();
        string[] header;
        try
        {
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
            {
                return new([], [], "The file is empty: expected a header line 'email,external_id,time_zone'.");
            }

            header = csv.HeaderRecord.Select(h => h.Trim().TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        }
        catch (CsvHelperException ex)
        {
            return new([], [], $"The header line could not be read: {ex.GetType().Name}.");
        }

        var unknown = header.Where(h => !KnownColumns.Contains(h)).ToList();
        var problems = new List<string>();
        if (!header.Contains("email")) problems.Add("the header has no 'email' column");
        if (unknown.Count > 0) problems.Add($"unknown column(s) {string.Join(", ", unknown.Select(u => $"'{u}'"))}");
        if (header.Distinct().Count() != header.Length) problems.Add("a column appears twice");
        if (problems.Count > 0)
        {
            return new([], [], $"Bad header: {string.Join("; ", problems)}. Expected 'email,external_id,time_zone'.");
        }

        int emailAt = Array.IndexOf(header, "email"), externalAt = Array.IndexOf(header, "external_id"), zoneAt = Array.IndexOf(header, "time_zone"), firstNameAt = Array.IndexOf(header, "first_name"), languageAt = Array.IndexOf(header, "language");
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            bool more;
            try
            {
                more = csv.Read();
            }
            catch (CsvHelperException)
            {
                rejected.Add(new(csv.Parser.RawRow, "the line could not be read as CSV"));
                break;
            }

            if (!more) break;
            var line = csv.Parser.RawRow;
            if (rows.Count + rejected.Count >= MaxRows)
            {
                return new([], [], $"The file has more than {MaxRows:N0} participants; split it into several imports.");
            }

            var fields = csv.Parser.Record ?? [];
            if (fields.Length > header.Length)
            {
                rejected.Add(new(line, $"{fields.Length} fields where the header has {header.Length}"));
                continue;
            }

            string Field(int at) => at >= 0 && at < fields.Length ? fields[at].Trim() : "";
            var email = Field(emailAt);
            var externalId = Field(externalAt);
            var zone = Field(zoneAt);
            var firstName = Field(firstNameAt);
            var languageCell = Field(languageAt);
            var language = languageCell.Length == 0 ? null : Tracker.Engine.Languages.ParticipantLanguage.Find(languages ?? [], languageCell);

            var reason = EmailProblem(email)
                ?? (externalId.Length > MaxExternalIdLength ? $"external_id is longer than {MaxExternalIdLength} characters" : null)
                ?? (externalId.Any(char.IsControl) ? "external_id contains control characters" : null)
                ?? (firstName.Length > MaxFirstNameLength ? $"first_name is longer than {MaxFirstNameLength} characters" : null)
                ?? (firstName.Any(char.IsControl) ? "first_name contains control characters" : null)
                ?? (zone.Length > 0 && !TimeZones.IsKnown(zone) ? $"time_zone '{Shorten(zone)}' is not an IANA time zone such as Europe/Berlin" : null)
                ?? (languageCell.Length > 0 && language is null ? $"language '{Shorten(languageCell)}' is not one of the panel's languages ({string.Join(", ", languages ?? [])})" : null);
            if (reason is null && seen.TryGetValue(email, out var firstLine))
            {
                reason = $"duplicate of line {firstLine} (same email)";
            }

            if (reason is not null)
            {
                rejected.Add(new(line, reason));
                continue;
            }

            seen[email] = line;
            rows.Add(new(line, email, externalId.Length == 0 ? null : externalId, zone.Length == 0 ? defaultTimeZone : zone)
            {
                FirstName = firstName.Length == 0 ? null : firstName,
                Language = language,
            });
        }

        return new(rows, rejected, null);
    }

    private static string? EmailProblem(string email)
    {
        if (email.Length == 0) return "email is missing";
        if (email.Length > MaxEmailLength) return $"email is longer than {MaxEmailLength} characters";
        if (email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return "email contains spaces or control characters";
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1 || !email[(at + 1)..].Contains('.', StringComparison.Ordinal)
            || !MailboxAddress.TryParse(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.OrdinalIgnoreCase))
        {
            return $"'{Shorten(email)}' is not an email address";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
