using System.CommandLine;
using System.Net.Mail;
using Tracker.Cli.Api;

namespace Tracker.Cli.Smoke;

/// <summary><c>tracker smoke --url URL --key KEY [--to ADDRESS]</c>: checks a deployed app end to end; one line per check.</summary>
public static class SmokeCommand
{
    public static Command Create()
    {
        var api = new ApiOptions();
        var to = new Option<string?>("--to")
        {
            Description = "An address of yours: a throwaway panel invites it, answers the form behind its link and renders the summary with charts.",
        };
        var timeout = new Option<int>("--send-timeout")
        {
            Description = "Seconds to wait for the invitation to be sent (default 180).",
            DefaultValueFactory = _ => (int)SmokeRunner.DefaultSendTimeout.TotalSeconds,
        };
        var command = new Command("smoke", """
            Check a deployed Function App after `azd up`. Always: the host answers, the admin key is accepted, a
            throwaway panel can be created and the participant form route renders. With --to, the whole path: the
            panel starts now, enrols that one address, sends it wave 1 and waits until status shows it sent, opens
            the participant's link (from the support route), answers every item, checks the thank-you page and
            renders the summary preview with its charts. Without --to nothing is sent and the preview route is
            checked on the empty panel. Either way the throwaway panel is deleted at the end. One line per check;
            exit code 0 when nothing failed, 1 when a check failed, 2 for bad arguments.

            Examples:
              tracker smoke --url https://my-tracker.azurewebsites.net --key $KEY
              tracker smoke --url https://my-tracker.azurewebsites.net --key $KEY --to you@example.org
            """)
        {
            to, timeout,
        };
        api.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!api.TryResolve(parse, out var connection, out var problem))
            {
                await error.WriteLineAsync($"error: {problem}");
                return ExitCodes.BadInput;
            }

            var address = parse.GetValue(to)?.Trim();
            // One plain address: it becomes the one line of an import CSV.
            if (address is not null && (!MailAddress.TryCreate(address, out var parsed) || parsed.Address != address || address.IndexOfAny([',', '"', '\n', '\r']) >= 0))
            {
                await error.WriteLineAsync("error: --to must be one plain email address, e.g. you@example.org");
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(timeout) is < 1 or > 3600)
            {
                await error.WriteLineAsync("error: --send-timeout must be between 1 and 3600 seconds");
                return ExitCodes.BadInput;
            }

            using var runner = new SmokeRunner(connection!) { SendTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            var checks = await runner.RunAsync(TimeProvider.System, address, cancellationToken);
            foreach (var check in checks) await parse.InvocationConfiguration.Output.WriteLineAsync(check.ToString());
            return checks.Any(c => c.Outcome == SmokeOutcome.Fail) ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
