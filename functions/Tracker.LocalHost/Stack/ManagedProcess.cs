using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Tracker.LocalHost.Stack;

/// <summary>
/// A child process whose output goes to a log file and which is killed with its whole tree on dispose, and also
/// when this process exits (ProcessExit, unhandled exception) or dies outright (<see cref="ParentWatchdog"/>), so a
/// crashed test run leaves no service behind.
/// </summary>
internal sealed class ManagedProcess : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<ManagedProcess, byte> Live = new();
    private static int _exitHookInstalled;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private int _stopped;
    private bool _logClosed;

    private ManagedProcess(Process process, StreamWriter log, string logPath)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Id => _process.Id;

    /// <summary>True once stopped too: the Process object is disposed then and must not be asked.</summary>
    public bool HasExited => Volatile.Read(ref _stopped) != 0 || _process.HasExited;

    public int? ExitCode => Volatile.Read(ref _stopped) == 0 && _process.HasExited ? _process.ExitCode : null;

    public static ManagedProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, string logPath, IReadOnlyDictionary<string, string>? environment = null)
    {
        InstallExitHook();
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var argumentList = arguments.ToList();
        var commandLine = $"$ {fileName} {string.Join(' ', argumentList)}";
        var (program, programArguments) = ParentWatchdog.IsAvailable ? ParentWatchdog.Wrap(fileName, argumentList) : (fileName, argumentList);
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in programArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var log = new StreamWriter(new FileStream(logPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), Encoding.UTF8) { AutoFlush = true };
        log.WriteLine(commandLine);
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var managed = new ManagedProcess(process, log, logPath);
        process.OutputDataReceived += (_, e) => managed.Append(e.Data);
        process.ErrorDataReceived += (_, e) => managed.Append(e.Data);
        try
        {
            process.Start();
        }
        catch (Exception ex)
        {
            log.Dispose();
            process.Dispose();
            throw new StackStartupException($"Could not start '{fileName}': {ex.Message}", ex);
        }

        Live.TryAdd(managed, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return managed;
    }

    /// <summary>The end of the log, for error messages.</summary>
    public string Tail(int lines = 20)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(Environment.NewLine, all.TakeLast(lines));
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>
    /// Stops the process: with a <paramref name="gracePeriod"/>, SIGTERM first and the kill only if it has not exited
    /// by then; otherwise the whole tree is killed at once.
    /// </summary>
    public async Task StopAsync(TimeSpan timeout, TimeSpan? gracePeriod = null)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        Live.TryRemove(this, out _);
        if (gracePeriod is { } grace && !_process.HasExited && UnixSignals.TryTerminate(_process.Id))
        {
            using var graceCts = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(graceCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Did not stop in time: killed below.
            }
        }

        Kill();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed but slow to be reaped; nothing more can be done.
        }

        lock (_logLock)
        {
            _log.WriteLine($"[process {(_process.HasExited ? "exited" : "still running")}]");
            _log.Dispose();
            _logClosed = true;
        }

        _process.Dispose();
    }

    public ValueTask DisposeAsync() => new(StopAsync(TimeSpan.FromSeconds(10)));

    private static void InstallExitHook()
    {
        if (Interlocked.Exchange(ref _exitHookInstalled, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAll();
    }

    private static void KillAll()
    {
        foreach (var process in Live.Keys)
        {
            process.Kill();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting while we tried.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (!_logClosed)
            {
                _log.WriteLine(line);
            }
        }
    }
}
