using System.CommandLine;
using System.Net;
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
    public async Task Smoke_passes_against_a_working_app_deletes_its_empty_panel_and_fails_on_a_wrong_key()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = timeout.Token;
        await using var azurite = await AzuriteServer.StartAsync(cancellationToken: ct);
        var options = BenchCommand.StackOptions();
        options.StorageConnectionString = azurite.ConnectionString;
        await using var stack = await TrackerStack.StartAsync(options, ct);

        var run = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", stack.AdminKey);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = Lines(run.Output);
        Assert.Equal(["pass  host", "pass  admin key", "pass  panel", "pass  survey route", "skip  summary preview", "pass  cleanup"], lines.Select(Check));

        // The panel it named is gone.
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/panels/{PanelOf(lines)}/status", ct)).StatusCode);

        var wrongKey = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", "not-a-key-of-this-app");
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("fail  admin key: refused (401)", wrongKey.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("panel:", wrongKey.Output, StringComparison.Ordinal);

        var nobody = await SmokeAsync("--url", "http://127.0.0.1:9/", "--key", "k");
        Assert.Equal(1, nobody.ExitCode);
        Assert.StartsWith("fail  host: cannot reach", nobody.Output, StringComparison.Ordinal);

        var badAddress = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", stack.AdminKey, "--to", "a@example.org,b@example.org");
        Assert.Equal((2, "error: --to must be one plain email address, e.g. you@example.org"), (badAddress.ExitCode, badAddress.Error.Trim()));
    }

    [Fact]
    public async Task Smoke_with_an_address_invites_it_answers_the_form_renders_the_charts_and_deletes_the_panel()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        // Azurite, smtp4dev and the queue function, as deployed; no timers, so only the smoke test's own dispatch sends.
        await using var stack = await TrackerStack.StartAsync(new TrackerStackOptions { EnableTimers = false, EnableQueueListeners = true, MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Error }, ct);
        var address = $"smoke-{Guid.NewGuid():N}@example.org";

        var run = await SmokeAsync("--url", stack.ApiBaseUrl.AbsoluteUri, "--key", stack.AdminKey, "--to", address, "--send-timeout", "90");

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var lines = Lines(run.Output);
        Assert.Equal(
            ["pass  host", "pass  admin key", "pass  panel", "pass  survey route", "pass  enrol", "pass  send", "pass  sent", "pass  link", "pass  form", "pass  answer", "pass  summary preview", "pass  cleanup"],
            lines.Select(Check));
        Assert.Matches(@"^pass  form: the link opens the form \(\d+ items\)$", lines[8]);
        Assert.Matches(@"^pass  summary preview: rendered with [1-9]\d* chart image\(s\)$", lines[10]);
        Assert.DoesNotContain(address, run.Output, StringComparison.OrdinalIgnoreCase);

        // The invitation reached the named address.
        using var inbox = stack.Smtp4dev!.CreateClient();
        var mail = await inbox.WaitForMessagesAsync(all => all.Any(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase)), TimeSpan.FromSeconds(30), cancellationToken: ct);
        Assert.Single(mail, m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase));

        // And the panel is gone, from its own route and from the list.
        var panelId = PanelOf(lines);
        using var admin = stack.Host.CreateClient(withAdminKey: true);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"api/panels/{panelId}", ct)).StatusCode);
        var panels = await admin.GetFromJsonAsync<JsonElement>("api/panels", ct);
        Assert.DoesNotContain(panels.GetProperty("panels").EnumerateArray(), p => p.GetProperty("id").GetString() == panelId);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Check(string line) => line[..line.IndexOf(':', StringComparison.Ordinal)];

    /// <summary>The panel id from "pass  panel: created pXXXXXXXXXXX (…)".</summary>
    private static string PanelOf(string[] lines) => lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[3];

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
