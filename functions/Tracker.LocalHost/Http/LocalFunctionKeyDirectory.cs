using Tracker.Engine.Access;

namespace Tracker.LocalHost.Http;

/// <summary>The app's key directory on the local host: the host's own key store, in place of Resource Manager's lists.</summary>
internal sealed class LocalFunctionKeyDirectory(FunctionKeyStore keys) : IFunctionKeyDirectory
{
    public ValueTask<KeyCheck> CheckAsync(string presentedKey, string functionName, CancellationToken cancellationToken)
    {
        var (kind, name) = keys.IdentifyNamed(presentedKey, functionName);
        return ValueTask.FromResult(kind == FunctionKeyKind.None ? KeyCheck.Unknown : KeyCheck.Admitted(name!, kind == FunctionKeyKind.Master));
    }
}
