namespace Tracker.Engine.Access;

/// <summary>
/// The Function App's keys, as the app itself checks them: in Azure read from Resource Manager
/// (<see cref="ArmFunctionKeyDirectory"/>), on the local host its own key store. A function key opens only the function
/// it belongs to; a host key and the master key open every function.
/// </summary>
public interface IFunctionKeyDirectory
{
    ValueTask<KeyCheck> CheckAsync(string presentedKey, string functionName, CancellationToken cancellationToken);
}
