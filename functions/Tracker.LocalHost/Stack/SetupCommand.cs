namespace Tracker.LocalHost.Stack;

/// <summary>Runs a one-off set-up command (npm ci, dotnet tool restore) to completion, logging to a file.</summary>
internal static class SetupCommand
{
    public static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, string logPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var process = ManagedProcess.Start(fileName, arguments, workingDirectory, logPath);
        await using (process.ConfigureAwait(false))
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cts.CancelAfter(timeout);
            while (!process.HasExited)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cts.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new StackStartupException(
                        $"'{Path.GetFileName(fileName)} {string.Join(' ', arguments)}' did not finish within {timeout.TotalMinutes:0} min. Its log is at {logPath}.");
                }
            }

            if (process.ExitCode != 0)
            {
                throw new StackStartupException(
                    $"'{Path.GetFileName(fileName)} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode} in {workingDirectory}. Its log is at {logPath}:{Environment.NewLine}{process.Tail()}");
            }
        }
    }
}
