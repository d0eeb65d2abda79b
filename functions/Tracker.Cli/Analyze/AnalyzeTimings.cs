using System.Diagnostics;
using System.Globalization;

namespace Tracker.Cli.Analyze;

/// <summary>
/// Phase times of one `tracker analyze` run on stderr when TRACKER_TIMINGS=1 (docs/performance.md): wall and CPU
/// seconds of start-up (process start to the command), reading, the models, and the report, so a benchmark can say
/// where a whole-process figure goes without a profiler. Off, it costs nothing.
/// </summary>
internal sealed class AnalyzeTimings
{
    public const string Variable = "TRACKER_TIMINGS";

    private readonly TextWriter _error;
    private readonly Process _process = Process.GetCurrentProcess();
    private long _phaseStarted;
    private TimeSpan _cpuAtPhaseStart;

    private AnalyzeTimings(TextWriter error)
    {
        _error = error;
        _phaseStarted = Stopwatch.GetTimestamp();
        _cpuAtPhaseStart = _process.TotalProcessorTime;
        var sinceStart = TimeProvider.System.GetUtcNow() - _process.StartTime.ToUniversalTime();
        Write("start-up", sinceStart, _cpuAtPhaseStart);
    }

    /// <summary>Null unless the variable asks for timings.</summary>
    public static AnalyzeTimings? Start(TextWriter error) =>
        Environment.GetEnvironmentVariable(Variable) == "1" ? new AnalyzeTimings(error) : null;

    /// <summary>Ends the phase running since the last call (or the start) and names it.</summary>
    public void Lap(string phase)
    {
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        Write(phase, Stopwatch.GetElapsedTime(_phaseStarted), cpu - _cpuAtPhaseStart);
        _phaseStarted = Stopwatch.GetTimestamp();
        _cpuAtPhaseStart = cpu;
    }

    private void Write(string phase, TimeSpan wall, TimeSpan cpu) =>
        _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timing {phase,-9} wall {wall.TotalSeconds:0.000} s  cpu {cpu.TotalSeconds:0.000} s"));
}
