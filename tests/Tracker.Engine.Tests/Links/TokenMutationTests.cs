using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tracker.Engine.Configuration;
using Tracker.Engine.Links;

namespace Tracker.Engine.Tests.Links;

/// <summary>
/// A million random mutations of genuine tokens — bit flips, byte substitutions, truncations, insertions and
/// base64url alphabet swaps — and not one verifies. Seeded, so a failure names a mutation that can be replayed.
/// </summary>
public sealed class TokenMutationTests
{
    private const int Mutations = 1_000_000;
    private const int Seed = 20261128;
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_mutation_of_a_valid_token_verifies()
    {
        var signer = new LinkSigner(new FixedLinkOptions(new LinkOptions { ActiveKeyId = "k1", Keys = { ["k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) } }), new FakeTimeProvider(Now));
        var random = new Random(Seed);
        var tokens = Enumerable.Range(0, 64)
            .Select(i => signer.Sign(new LinkToken("p" + Id(random, 11), Id(random, 16), 1 + (i % 12), Now.AddDays(1 + i))))
            .ToArray();
        Assert.All(tokens, t => Assert.Equal(LinkVerificationStatus.Valid, signer.Verify(t).Status));

        var counts = new int[Enum.GetValues<Mutation>().Length];
        var tried = 0;
        while (tried < Mutations)
        {
            var original = tokens[random.Next(tokens.Length)];
            var kind = (Mutation)random.Next(counts.Length);
            var mutated = Mutate(original, kind, random);
            if (mutated == original)
            {
                // Substituting a character by itself is not a mutation; draw again rather than count it.
                continue;
            }

            var verdict = signer.Verify(mutated);
            if (verdict.Status != LinkVerificationStatus.Invalid)
            {
                Assert.Fail($"Mutation {tried} ({kind}) was accepted as {verdict.Status}:{Environment.NewLine}  original {original}{Environment.NewLine}  mutated  {mutated}");
            }

            counts[(int)kind]++;
            tried++;
        }

        // Every kind was exercised a fair share of the million, so none passed vacuously.
        Assert.All(counts, c => Assert.True(c > Mutations / counts.Length / 2, $"only {c} mutations of one kind"));
    }

    private enum Mutation
    {
        BitFlip,
        ByteSubstitution,
        Truncation,
        Insertion,
        AlphabetSwap,
        DecodedBitFlip,
    }

    private static string Mutate(string token, Mutation kind, Random random)
    {
        switch (kind)
        {
            case Mutation.BitFlip:
            {
                // A flipped bit in the token's text, kept ASCII so it still reaches the decoder.
                var chars = token.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = (char)((chars[at] ^ (1 << random.Next(7))) & 0x7F);
                return new string(chars);
            }

            case Mutation.ByteSubstitution:
            {
                var chars = token.ToCharArray();
                var at = random.Next(chars.Length);
                chars[at] = random.Next(4) == 0 ? (char)random.Next(0, 256) : Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)];
                return new string(chars);
            }

            case Mutation.Truncation:
                return random.Next(2) == 0 ? token[..random.Next(token.Length)] : token[random.Next(1, token.Length + 1)..];

            case Mutation.Insertion:
            {
                var at = random.Next(token.Length + 1);
                var inserted = random.Next(8) == 0 ? "." : Base64UrlAlphabet[random.Next(Base64UrlAlphabet.Length)].ToString();
                return token[..at] + inserted + token[at..];
            }

            case Mutation.AlphabetSwap:
            {
                // The standard alphabet's + / and = for base64url's - _ and none: same bits, different text.
                var chars = token.ToCharArray();
                var swaps = token.Select((c, i) => (c, i)).Where(p => p.c is '-' or '_').Select(p => p.i).ToArray();
                if (swaps.Length == 0 || random.Next(3) == 0)
                {
                    return random.Next(2) == 0 ? token.Replace(".", "=.", StringComparison.Ordinal) : token + "=";
                }

                var at = swaps[random.Next(swaps.Length)];
                chars[at] = chars[at] == '-' ? '+' : '/';
                return new string(chars);
            }

            default:
            {
                // A bit flipped in the decoded payload or MAC and re-encoded: well-formed base64url, wrong content.
                var dot = token.IndexOf('.', StringComparison.Ordinal);
                var part = random.Next(2);
                var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(part == 0 ? token.AsSpan(0, dot) : token.AsSpan(dot + 1));
                var at = random.Next(bytes.Length);
                bytes[at] ^= (byte)(1 << random.Next(8));
                var encoded = System.Buffers.Text.Base64Url.EncodeToString(bytes);
                return part == 0 ? encoded + token[dot..] : token[..(dot + 1)] + encoded;
            }
        }
    }

    private static string Id(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(Base64UrlAlphabet[random.Next(52)]);
        return text.ToString();
    }
}
