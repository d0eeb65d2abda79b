using System.CommandLine;
using Tracker.Cli.Analyze;
using Tracker.Cli.Demo;
using Tracker.Cli.Export;
using Tracker.Cli.Panels;
using Tracker.Cli.Participants;
using Tracker.Cli.Serve;
using Tracker.Cli.Status;

var root = new RootCommand("Tracker: longitudinal survey panels on Azure Functions, and the models that tell whether co-creation willingness persists.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
root.Subcommands.Add(PanelCommand.Create());
root.Subcommands.Add(ParticipantsCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
return await root.Parse(args).InvokeAsync();
