using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Tracker.Engine.Configuration;
using Tracker.Engine.Email;
using Tracker.EndToEnd.Tests.BadInput;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A relay that closes connections left idle (smtp4dev does, after a quiet spell between dispatches): the next send
/// on the pooled connection reconnects, logged at debug without an exception, while a server that really is down is
/// still logged as before.
/// </summary>
public sealed class IdleDisconnectTests
{
    [Fact]
    public async Task A_connection_the_server_closed_while_idle_is_reopened_quietly_and_the_message_is_sent()
    {
        await using var server = ScriptedSmtpServer.Start();
        var logs = new CapturedLogs();
        await using var services = Services(server.Port, logs);
        var mailer = services.GetRequiredService<SmtpMailer>();

        await mailer.SendAsync(Message(1, mailer), CancellationToken.None);
        server.DropIdleConnections();
        await mailer.SendAsync(Message(2, mailer), CancellationToken.None);
        await mailer.DisposeAsync();

        Assert.Equal(["idle-1@tracker.test", "idle-2@tracker.test"], server.Received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Contains(logs.Lines, l => l.StartsWith("Debug ", StringComparison.Ordinal) && l.Contains("closed an idle connection", StringComparison.Ordinal));
        var loud = logs.Lines.Where(l => l.StartsWith("Warning ", StringComparison.Ordinal) || l.StartsWith("Error ", StringComparison.Ordinal)).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Exception", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_refuses_connections_is_still_a_warning_with_its_exception()
    {
        var server = ScriptedSmtpServer.Start();
        await server.StopAsync();
        var logs = new CapturedLogs();
        await using var services = Services(server.Port, logs);
        var mailer = services.GetRequiredService<SmtpMailer>();

        await Assert.ThrowsAnyAsync<Exception>(() => mailer.SendAsync(Message(1, mailer), CancellationToken.None));

        Assert.Contains(logs.Lines, l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("SocketException", StringComparison.Ordinal));
    }

    private static MimeMessage Message(int n, SmtpMailer mailer)
    {
        var message = new MimeMessage { Subject = $"idle {n}", MessageId = $"idle-{n}@tracker.test" };
        message.From.Add(mailer.Sender);
        message.To.Add(MailboxAddress.Parse($"p{n}@example.org"));
        message.Body = new TextPart("plain") { Text = "hello" };
        return message;
    }

    private static ServiceProvider Services(int port, CapturedLogs logs)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddOptions<SmtpOptions>().Configure(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = port;
            o.Security = "None";
            o.FromAddress = "tracker@tracker.test";
            o.MaxConnections = 1;
        });
        services.AddSmtpResilience();
        services.AddSingleton<SmtpMailer>();
        return services.BuildServiceProvider();
    }
}
