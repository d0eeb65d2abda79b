using System.CommandLine;

namespace Tracker.Cli.Analyze;

/// <summary>Placeholder until the models issue lands: `tracker analyze`.</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var command = new Command("analyze", "Fit the longitudinal models to a long-format CSV.");
        command.SetAction(_ => 0);
        return command;
    }
}
