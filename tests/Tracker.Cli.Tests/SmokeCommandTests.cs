using System.CommandLine;
using System.Net.Http.Json;
using System.Text.Json;
using Tracker.Cli.Bench;
using Tracker.Cli.Smoke;
using Tracker.LocalHost.App;
using Tracker.LocalHost.Stack;

namespace Tracker.Cli.Tests;

/// <summary><c>tracker smoke</c> against the local stack, as a researcher would run it against Azure after <c>azd up</c>.</summary>
public sealed class SmokeCommandTests
{
    [Fact]
    public async Task Smoke_passes_against_a_working_app_creates_an_empty_panel_and_fails_on_a_wrong_key()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: ct);
        var options = BenchCommand.StackOptions();
        options.StorageConnectionString = azurite.ConnectionString;
        await using var stack = await TrackerStack.StartAsync(options, ct);

        var run = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", stack.AdminKey);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["pass  host", "pass  admin key", "pass  panel", "pass  survey route", "skip  summary preview", "skip  cleanup"], lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));

        // The panel it names exists, with nobody to send to.
        var panelId = lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        var status = await admin.GetFromJsonAsync<JsonElement>($"api/panels/{panelId}/status", ct);
        Assert.StartsWith(SmokeRunner.PanelNamePrefix, status.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, status.GetProperty("participants").GetInt32());

        var wrongKey = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", "not-a-key-of-this-app");
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("fail  admin key: refused (401)", wrongKey.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("panel:", wrongKey.Output, StringComparison.Ordinal);

        var nobody = await SmokeAsync("--url", "http://127.0.0.1:9/", "--key", "k");
        Assert.Equal(1, nobody.ExitCode);
        Assert.StartsWith("fail  host: cannot reach", nobody.Output, StringComparison.Ordinal);
    }

    private static async Task<CliRun> SmokeAsync(params string[] arguments)
    {
        var root = new RootCommand("test");
        root.Subcommands.Add(SmokeCommand.Create());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(["smoke", .. arguments]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
