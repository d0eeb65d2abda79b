using System.CommandLine;
using Tracker.Cli.Analyze;
using Tracker.Cli.Api;
using Tracker.Cli.Bench;
using Tracker.Cli.Dashboard;
using Tracker.Cli.Demo;
using Tracker.Cli.Export;
using Tracker.Cli.Models;
using Tracker.Cli.Panels;
using Tracker.Cli.Participants;
using Tracker.Cli.Plans;
using Tracker.Cli.Schedules;
using Tracker.Cli.Serve;
using Tracker.Cli.Smoke;
using Tracker.Cli.Status;
using Tracker.Cli.Summaries;
using Tracker.Cli.Waves;
using Tracker.Engine.Common;

namespace Tracker.Cli;

/// <summary>The `tracker` command tree and how a command line that does not parse is answered.</summary>
public static class TrackerCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Tracker: longitudinal survey panels on Azure Functions, and the models that tell whether co-creation willingness persists.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(SummaryCommand.Create());
        root.Subcommands.Add(PanelCommand.Create());
        root.Subcommands.Add(ParticipantsCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(Consent.ConsentCommand.Create());
        root.Subcommands.Add(Audit.AuditCommand.Create());
        root.Subcommands.Add(PlanCommand.Create());
        root.Subcommands.Add(WaveCommand.Create());
        root.Subcommands.Add(ScheduleCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(SmokeCommand.Create());
        return root;
    }

    /// <summary>
    /// Runs a command line. One that does not parse (a missing option, a typo) is one line on standard error and exit 2,
    /// as docs/researcher.md promises, instead of System.CommandLine's whole help page and exit 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync(ParseProblem(parse)).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    private static string ParseProblem(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var path = string.Join(' ', Path(parse.CommandResult));
        var unmatched = parse.UnmatchedTokens.Count > 0 ? parse.UnmatchedTokens[0] : null;
        if (unmatched is not null && !unmatched.StartsWith('-') && command.Subcommands.Count > 0)
        {
            var hint = NameSuggestion.Hint(unmatched, command.Subcommands.Select(c => c.Name));
            return $"error: '{unmatched}' is not a command of {path}{hint} (see {path} --help)";
        }

        var messages = parse.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal);
        return $"error: {string.Join("; ", messages)} (see {path} --help)";
    }

    private static Stack<string> Path(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(r.Command is RootCommand ? "tracker" : r.Command.Name);
        }

        return names;
    }
}
