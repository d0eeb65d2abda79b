using System.CommandLine;
using Tracker.Cli.Analyze;
using Tracker.Cli.Demo;
using Tracker.Cli.Serve;

var root = new RootCommand("Tracker: longitudinal survey panels on Azure Functions, and the models that tell whether co-creation willingness persists.");
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(AnalyzeCommand.Create());
return await root.Parse(args).InvokeAsync();
