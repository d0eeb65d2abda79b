using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Tracker.LocalHost.Http;

/// <summary>
/// The keys the local host accepts, modelled on Azure's: one master key, named host keys (each opens every
/// Function-level route), and named function keys (each opens one function's Function-level route). Keys can be set and
/// removed while the host runs, as <c>az functionapp keys set|delete</c> do in Azure; a removed key is refused at once.
/// Only SHA-256 hashes are kept, so a key is never held or compared in the clear.
/// </summary>
public sealed class FunctionKeyStore
{
    private readonly byte[] _masterHash;
    private readonly ConcurrentDictionary<string, byte[]> _hostKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Function, string Name), byte[]> _functionKeys = new(FunctionKeyComparer.Instance);

    public FunctionKeyStore(string masterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterKey);
        _masterHash = Hash(masterKey);
    }

    /// <summary>Adds or replaces the named host key (Azure: <c>az functionapp keys set --key-type functionKeys</c>).</summary>
    public void SetHostKey(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        _hostKeys[name] = Hash(value);
    }

    /// <summary>Revokes the named host key; false when there was none.</summary>
    public bool RemoveHostKey(string name) => _hostKeys.TryRemove(name, out _);

    /// <summary>Adds or replaces a named key of one function (Azure: <c>az functionapp function keys set</c>).</summary>
    public void SetFunctionKey(string functionName, string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        _functionKeys[(functionName, name)] = Hash(value);
    }

    /// <summary>Revokes one function's named key; false when there was none.</summary>
    public bool RemoveFunctionKey(string functionName, string name) => _functionKeys.TryRemove((functionName, name), out _);

    /// <summary>The names of the host keys (never their values).</summary>
    public IReadOnlyList<string> HostKeyNames => [.. _hostKeys.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The name Azure gives the master key in the host's <c>keyid</c> claim.</summary>
    public const string MasterKeyName = "master";

    /// <summary>What the presented key is, if it is any key of ours; <paramref name="functionName"/> scopes function keys.</summary>
    public FunctionKeyKind Identify(string? presented, string functionName) => IdentifyNamed(presented, functionName).Kind;

    /// <summary>What the presented key is and its name (the Functions host's <c>keyid</c>: <c>master</c> for the master key).</summary>
    public (FunctionKeyKind Kind, string? Name) IdentifyNamed(string? presented, string functionName)
    {
        if (string.IsNullOrEmpty(presented)) return (FunctionKeyKind.None, null);

        // Hashing first gives equal lengths, so the comparison time says nothing about a key.
        var hash = Hash(presented);
        if (CryptographicOperations.FixedTimeEquals(hash, _masterHash)) return (FunctionKeyKind.Master, MasterKeyName);
        foreach (var (name, key) in _hostKeys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key)) return (FunctionKeyKind.Host, name);
        }

        foreach (var (id, key) in _functionKeys)
        {
            if (string.Equals(id.Function, functionName, StringComparison.OrdinalIgnoreCase) && CryptographicOperations.FixedTimeEquals(hash, key)) return (FunctionKeyKind.Function, id.Name);
        }

        return (FunctionKeyKind.None, null);
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Function names are case-insensitive in Azure; key names are not.</summary>
    private sealed class FunctionKeyComparer : IEqualityComparer<(string Function, string Name)>
    {
        public static readonly FunctionKeyComparer Instance = new();

        public bool Equals((string Function, string Name) x, (string Function, string Name) y) =>
            string.Equals(x.Function, y.Function, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Name, y.Name, StringComparison.Ordinal);

        public int GetHashCode((string Function, string Name) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Function), StringComparer.Ordinal.GetHashCode(obj.Name));
    }
}
