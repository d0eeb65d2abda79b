using System.Security.Cryptography;

namespace Tracker.Engine.Common;

/// <summary>Random, unguessable identifiers (no look-alike characters), so ids in links reveal nothing and cannot be enumerated.</summary>
public static class Ids
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewPanelId() => "p" + RandomNumberGenerator.GetString(Alphabet, 11);

    public static string NewParticipantId() => RandomNumberGenerator.GetString(Alphabet, 16);

    public static bool LooksLikeId(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 32 && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
