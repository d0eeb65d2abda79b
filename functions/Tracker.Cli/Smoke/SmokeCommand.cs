using System.CommandLine;
using Tracker.Cli.Api;

namespace Tracker.Cli.Smoke;

/// <summary><c>tracker smoke --url URL --key KEY</c>: checks a deployed app end to end, sending no email; one line per check.</summary>
public static class SmokeCommand
{
    public static Command Create()
    {
        var api = new ApiOptions();
        var command = new Command("smoke", """
            Check a deployed Function App after `azd up`, without sending email to anyone: the host answers, the admin
            key is accepted, a throwaway panel can be created (no participants, its wave a month away), the
            participant form route renders, and the summary preview route answers. One line per check; exit code 0
            when nothing failed, 1 when a check failed, 2 for bad arguments.

            Example:
              tracker smoke --url https://my-tracker.azurewebsites.net --key $KEY
            """);
        api.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!api.TryResolve(parse, out var connection, out var problem))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
                return ExitCodes.BadInput;
            }

            using var runner = new SmokeRunner(connection!);
            var checks = await runner.RunAsync(TimeProvider.System, cancellationToken);
            foreach (var check in checks) await parse.InvocationConfiguration.Output.WriteLineAsync(check.ToString());
            return checks.Any(c => c.Outcome == SmokeOutcome.Fail) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
