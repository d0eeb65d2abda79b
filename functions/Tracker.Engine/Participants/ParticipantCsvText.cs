using System.Buffers;
using System.Text.Unicode;

namespace Tracker.Engine.Participants;

/// <summary>
/// Turns the uploaded bytes of a participant file into text, refusing anything that is not UTF-8: a file saved as
/// Latin-1 or Windows-1252 ("Müller" as the single byte 0xFC) would otherwise be stored with replacement characters in
/// names and addresses. A UTF-8 byte-order mark (Excel's "CSV UTF-8") is accepted and dropped.
/// </summary>
public static class ParticipantCsvText
{
    /// <summary>The text, or null with <paramref name="problem"/> naming the line of the first byte that is not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, written);

        var line = 1 + bytes[..read].Count((byte)'\n');
        problem = $"The file is not UTF-8; save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"). The first byte that is not UTF-8 is on line {line}.";
        return null;
    }
}
