using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracker.Cli.Panels;
using Tracker.Cli.Plans;
using Tracker.Cli.Status;

namespace Tracker.Browser.Tests;

/// <summary>
/// What the researcher reads on the command line about a panel's plan and its data-retention date: the plan's
/// wave-level send times once per wave, and the retention date with its warning in <c>status</c> and <c>panel show</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RetentionCliTests(BrowserFixture stack)
{
    [Fact]
    public async Task The_plan_shows_a_waves_number_and_first_and_last_send_only_on_its_first_row()
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Plan rows",
            instrument = "default",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 2, interval = "P7D", window = "P5D", reminders = new[] { "P2D" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var panelId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await stack.ImportAsync(panelId, BrowserFixture.Emails(2));

        var plan = await RunAsync("plan", "--panel", panelId);
        Assert.True(plan.ExitCode == 0, plan.Error);
        var rows = plan.Output.Split('\n').Where(l => l.Contains("invite", StringComparison.Ordinal) || l.Contains("reminder-1", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, rows.Count);
        foreach (var row in rows)
        {
            var cells = row.Split('│', StringSplitOptions.TrimEntries);
            var invite = row.Contains("invite", StringComparison.Ordinal);
            // cells[0] is the left border; then wave, message, first send, last send, states.
            Assert.Equal(invite, cells[1].Length > 0);
            Assert.Equal(invite ? 2 : 0, Date().Count(cells[3] + " " + cells[4]));
        }
    }

    [Fact]
    public async Task Status_and_panel_show_print_the_retention_date_and_its_warning()
    {
        var until = DateOnly.FromDateTime(stack.Clock.GetUtcNow().UtcDateTime).AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var later = DateOnly.FromDateTime(stack.Clock.GetUtcNow().UtcDateTime).AddDays(90).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var near = await CreateAsync(until);
        var far = await CreateAsync(later);

        foreach (var command in new[] { new[] { "status", "--panel", near }, ["panel", "show", "--panel", near] })
        {
            var run = await RunAsync(command);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains($"data retention until {until}", run.Output, StringComparison.Ordinal);
            Assert.Contains($"The data-retention date {until} is 20 days away", run.Output, StringComparison.Ordinal);
        }

        // Far off: the date, no warning.
        foreach (var command in new[] { new[] { "status", "--panel", far }, ["panel", "show", "--panel", far] })
        {
            var run = await RunAsync(command);
            Assert.Contains($"data retention until {later}", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("days away", run.Output, StringComparison.Ordinal);
        }
    }

    private async Task<string> CreateAsync(string until)
    {
        var created = await stack.Admin.PostAsJsonAsync("api/panels", new
        {
            name = "Retention shown",
            instrument = "default",
            schedule = new { start = stack.Clock.GetUtcNow(), waves = 1, interval = "P7D", window = "P2D" },
            dataRetentionUntil = until,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex Date();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        InProcessCli.RunAsync(stack, [PanelCommand.Create(), StatusCommand.Create(), PlanCommand.Create()], arguments);
}
