using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Tracker.Engine.Participants;

/// <summary>
/// Turns the uploaded bytes of a participant file into text, refusing anything that is not UTF-8: a file saved as
/// Latin-1 or Windows-1252 ("Müller" as the single byte 0xFC) would otherwise be stored with replacement characters in
/// names and addresses. A UTF-8 byte-order mark (Excel's "CSV UTF-8") is accepted and dropped; a file with a UTF-16
/// byte-order mark is read as UTF-16, as before.
/// </summary>
public static class ParticipantCsvText
{
    private static readonly UnicodeEncoding Utf16Little = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding Utf16Big = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with <paramref name="problem"/> naming the line of the first byte that is not UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        // A UTF-16 file announces itself with its byte-order mark (Excel's "Unicode Text"): unambiguous, so still read.
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Utf16(bytes[2..], Utf16Little, out problem);
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Utf16(bytes[2..], Utf16Big, out problem);
        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, written);

        var line = 1 + bytes[..read].Count((byte)'\n');
        problem = $"The file is not UTF-8; save it as CSV UTF-8 (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"). The first byte that is not UTF-8 is on line {line}.";
        return null;
    }

    private static string? Utf16(ReadOnlySpan<byte> bytes, UnicodeEncoding encoding, out string? problem)
    {
        problem = null;
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problem = "The file starts as UTF-16 but is not valid UTF-16; save it as CSV UTF-8.";
            return null;
        }
    }
}
