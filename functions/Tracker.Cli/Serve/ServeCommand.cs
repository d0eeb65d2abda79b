using System.CommandLine;
using Spectre.Console;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Serve;

/// <summary><c>tracker serve</c>: the whole stack on this machine until Ctrl+C.</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var storage = new Option<string?>("--storage") { Description = "Use this storage connection string instead of starting Azurite." };
        var smtp = new Option<string?>("--smtp") { Description = "Use this SMTP server (host:port) instead of starting smtp4dev." };
        var port = new Option<int>("--port") { Description = "The API port.", DefaultValueFactory = _ => 7071 };
        var adminKey = new Option<string?>("--admin-key") { Description = "The master key: opens every admin route and /admin (x-functions-key header or ?code=); generated when omitted." };
        var hostKeys = new Option<string[]>("--host-key")
        {
            Description = "A named host key NAME=VALUE, as `az functionapp keys set` makes in Azure: opens every admin route but not /admin; repeat for more.",
            AllowMultipleArgumentsPerToken = false,
        };
        var linkKey = new Option<string?>("--link-key") { Description = "Base64 link-signing key (≥ 32 bytes); set it when storage outlives this process, or old links stop working." };
        var devSignIn = new Option<bool>("--dev-sign-in") { Description = "Serve a development sign-in at /.auth/login/dev (pick a name and roles; loopback only) in place of Microsoft Entra ID." };
        var command = new Command("serve", "Start Azurite, smtp4dev and the Function App locally, print their URLs, and serve until Ctrl+C.")
        {
            storage, smtp, port, adminKey, hostKeys, linkKey, devSignIn,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new TrackerStackOptions
            {
                StorageConnectionString = parse.GetValue(storage),
                SmtpEndpoint = parse.GetValue(smtp),
                Port = parse.GetValue(port),
                AdminKey = parse.GetValue(adminKey) ?? Environment.GetEnvironmentVariable("TRACKER_ADMIN_KEY"),
                LinkKey = parse.GetValue(linkKey) ?? Environment.GetEnvironmentVariable("TRACKER_LINK_KEY"),
                MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information,
                DevSignIn = parse.GetValue(devSignIn),
            };
            foreach (var pair in parse.GetValue(hostKeys) ?? [])
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0 || separator == pair.Length - 1)
                {
                    AnsiConsole.MarkupLine($"[red]--host-key takes NAME=VALUE; '{Markup.Escape(pair.Split('=')[0])}' has no name or no value.[/]");
                    return Tracker.Cli.Api.ExitCodes.BadInput;
                }

                options.HostKeys[pair[..separator]] = pair[(separator + 1)..];
            }

            AnsiConsole.MarkupLine("[grey]Starting the local stack…[/]");
            await using var stack = await TrackerStack.StartAsync(options, cancellationToken);
            StackSummary.Print(stack);
            if (options.DevSignIn) AnsiConsole.MarkupLine($"Development sign-in: [link]{Markup.Escape(stack.Host.BaseUrl + ".auth/login/dev")}[/] (this machine only)");
            AnsiConsole.MarkupLine("Serving. Press [bold]Ctrl+C[/] to stop.");
            await StackLifetime.WaitForShutdownAsync(stack, cancellationToken);
            AnsiConsole.MarkupLine("[grey]Stopping…[/]");

            return 0;
        });
        return command;
    }
}
