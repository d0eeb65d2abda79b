using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Serve;

/// <summary>Waits for Ctrl+C or SIGTERM, whichever of the command line or the web host sees it first.</summary>
public static class StackLifetime
{
    public static async Task WaitForShutdownAsync(TrackerStack stack, CancellationToken cancellationToken)
    {
        // The web host's own lifetime takes SIGTERM, so the command's token alone would never fire on `kill`.
        var stopping = stack.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Either signal means stop; the caller disposes the stack.
        }
    }
}
