using System.Diagnostics;
using System.Net.Sockets;

namespace Tracker.LocalHost.Stack;

/// <summary>Waits until a started service answers, failing early (with its log) when the process dies.</summary>
internal static class ServiceReadiness
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until every URL answers HTTP with any status (Azurite answers 400/403 to a bare GET).</summary>
    public static async Task WaitForHttpAsync(ManagedProcess process, string service, IReadOnlyList<Uri> urls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var pending = urls.ToList();
        await WaitAsync(process, service, timeout, async () =>
        {
            foreach (var url in pending.ToList())
            {
                try
                {
                    using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                    pending.Remove(url);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    return false;
                }
            }

            return pending.Count == 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a URL answers 2xx (smtp4dev's API answers only once its database is ready).</summary>
    public static async Task WaitForSuccessAsync(ManagedProcess process, string service, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await WaitAsync(process, service, timeout, async () =>
        {
            try
            {
                using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async Task WaitForTcpAsync(ManagedProcess process, string service, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitAsync(process, service, timeout, async () =>
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitAsync(ManagedProcess process, string service, TimeSpan timeout, Func<Task<bool>> probe, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new StackStartupException(
                    $"{service} exited with code {process.ExitCode} while starting. Its log is at {process.LogPath}:{Environment.NewLine}{process.Tail()}");
            }

            if (await probe().ConfigureAwait(false))
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new StackStartupException(
                    $"{service} did not answer within {timeout.TotalSeconds:0} s. Its log is at {process.LogPath}:{Environment.NewLine}{process.Tail()}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
