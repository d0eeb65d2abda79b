using Spectre.Console;
using Tracker.LocalHost.App;

namespace Tracker.Cli.Serve;

/// <summary>Where everything of a running local stack can be reached.</summary>
public static class StackSummary
{
    public static void Print(TrackerStack stack)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("What").AddColumn("Where");
        table.AddRow("API", Markup.Escape(stack.ApiBaseUrl.ToString()));
        table.AddRow("Admin key", Markup.Escape(stack.AdminKey) + " [grey](the master key; header x-functions-key)[/]");
        if (stack.Host.Keys.HostKeyNames.Count > 0)
        {
            table.AddRow("Host keys", Markup.Escape(string.Join(", ", stack.Host.Keys.HostKeyNames)) + " [grey](named; each opens the admin routes)[/]");
        }

        table.AddRow("Email inbox", stack.Smtp4dev is null ? Markup.Escape($"{stack.SmtpHost}:{stack.SmtpPort} (your SMTP server)") : Markup.Escape(stack.Smtp4dev.WebUrl.ToString()) + " [grey](smtp4dev)[/]");
        table.AddRow("Storage", stack.Azurite is null ? "[grey]the connection string you gave[/]" : Markup.Escape($"Azurite: tables {stack.Azurite.TableEndpoint}, blobs {stack.Azurite.BlobEndpoint}, queues {stack.Azurite.QueueEndpoint}"));
        table.AddRow("Functions", Markup.Escape(string.Join(", ", stack.Host.Functions.Select(f => f.Name).Order(StringComparer.Ordinal))));
        AnsiConsole.Write(table);
    }
}
