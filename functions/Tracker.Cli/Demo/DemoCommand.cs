using System.CommandLine;
using Spectre.Console;
using Tracker.Cli.Serve;
using Tracker.LocalHost;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Demo;

/// <summary><c>tracker demo</c>: a months-long panel in about two minutes, answered through the real emailed links.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var participants = new Option<int>("--participants") { Description = "How many simulated participants to enrol.", DefaultValueFactory = _ => 200 };
        var waves = new Option<int>("--waves") { Description = "How many weekly waves to run.", DefaultValueFactory = _ => 4 };
        var secondsPerDay = new Option<double>("--seconds-per-day") { Description = "Real seconds per simulated day (the accelerated clock); default 3, slower on a busy machine (3 × load per core, at most 20)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the simulation.", DefaultValueFactory = _ => 20261128 };
        var keep = new Option<bool>("--keep-running") { Description = "Keep the stack running after the demo so the inbox and API can be explored (Ctrl+C stops)." };
        var command = new Command("demo", "Run a whole panel end to end on this machine: create it, enrol simulated participants, send each wave by email on an accelerated clock, answer through the emailed links, and show the status.")
        {
            participants, waves, secondsPerDay, seed, keep,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(participants);
            var waveCount = parse.GetValue(waves);
            var paced = parse.GetResult(secondsPerDay) is null or { Implicit: true };
            var perDay = paced ? Math.Round(DemoPace.ForThisMachine(), 1) : parse.GetValue(secondsPerDay);
            if (count is < 5 or > 20_000 || waveCount is < 1 or > 20 || perDay is < 0.2 or > 60)
            {
                await Console.Error.WriteLineAsync("tracker demo: --participants must be 5–20000, --waves 1–20 and --seconds-per-day 0.2–60.");
                return 2;
            }

            var clock = new AcceleratedTimeProvider(TimeProvider.System.GetUtcNow(), TimeSpan.FromDays(1).TotalSeconds / perDay);
            var options = new TrackerStackOptions { Clock = clock, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error };

            // Every three simulated hours, the timer looks for waves that have opened.
            options.Settings["DispatchSchedule"] = "0 0 */3 * * *";
            // On a clock running 28,800 times fast, ten simulated minutes pass while one message is in flight:
            // a lease that short would let the planner take over sends still under way and repeat them.
            options.Settings["Tracker:ClaimLease"] = "30.00:00:00";

            // The model and summary timers run once, by hand, at the end of the demo (yearly = never in two minutes).
            options.Settings["ModelSchedule"] = "0 0 0 1 1 *";
            options.Settings["SummarySchedule"] = "0 0 0 1 1 *";
            var pace = paced && perDay > DemoPace.QuietSecondsPerDay ? $" — slower than the usual {DemoPace.QuietSecondsPerDay.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} s because this machine is busy" : "";
            AnsiConsole.MarkupLine($"[grey]Starting Azurite, smtp4dev and the Function App (1 simulated day = {perDay} s{pace})…[/]");
            await using var stack = await TrackerStack.StartAsync(options, cancellationToken);
            StackSummary.Print(stack);

            var runner = new DemoRunner(stack, clock, new DemoPopulation(DemoTruth.Default, parse.GetValue(seed)), DemoTruth.Default);
            var ok = await runner.RunAsync(count, waveCount, cancellationToken);

            if (parse.GetValue(keep))
            {
                AnsiConsole.MarkupLine("Still serving: explore the inbox and the API above. Press [bold]Ctrl+C[/] to stop.");
                await StackLifetime.WaitForShutdownAsync(stack, cancellationToken);
            }

            return ok ? 0 : 1;
        });
        return command;
    }
}
