using System.CommandLine;
using System.Text.Json;
using Tracker.Cli.Bench;

namespace Tracker.Cli.Tests;

/// <summary>`tracker bench riclpm` at CI size (no R needed): it simulates, fits, and reports one JSON line with Tracker's time and memory.</summary>
public class BenchRiclpmTests
{
    [Fact]
    public async Task Small_run_fits_and_reports_a_json_line()
    {
        var (exitCode, output, error) = await RunAsync("--participants", "400", "--waves", "4", "--no-lavaan", "--json", "-");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output.Trim());
        var root = json.RootElement;
        Assert.Equal("riclpm", root.GetProperty("bench").GetString());
        Assert.Equal(400, root.GetProperty("participants").GetInt32());
        Assert.InRange(root.GetProperty("rows").GetInt32(), 400, 1600);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tracker_problem").ValueKind);
        Assert.True(root.GetProperty("tracker_seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("tracker_peak_working_set_mb").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("lavaan_seconds").ValueKind);
        Assert.Contains("--no-lavaan", root.GetProperty("lavaan_note").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_waves_exit_2()
    {
        var (exitCode, _, error) = await RunAsync("--waves", "2", "--no-lavaan");

        Assert.Equal(2, exitCode);
        Assert.Contains("--waves 3–30", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Shares_the_json_and_seed_options_with_the_other_benches()
    {
        var bench = BenchCommand.Create();
        Option Named(string command, string option) =>
            bench.Subcommands.Single(c => c.Name == command).Options.Single(o => o.Name == option);

        foreach (var option in new[] { "--json", "--seed" })
            Assert.Equal(Named("ingest", option).Description, Named("riclpm", option).Description);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(RiclpmBenchCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["riclpm", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
