using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Tracker.Cli.Bench;

namespace Tracker.Cli.Tests;

/// <summary>The benchmark's fast SMTP sink records what MailKit sent: every message, its recipients and its Message-ID.</summary>
public sealed class DispatchSinkTests
{
    [Fact]
    public async Task Records_each_message_with_its_recipients_and_message_id_over_one_pipelined_connection()
    {
        await using var sink = DispatchSink.Start();
        var port = int.Parse(sink.Endpoint.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Pipelining));

        for (var i = 0; i < 3; i++)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("tracker@example.org"));
            message.To.Add(MailboxAddress.Parse($"p{i}@example.invalid"));
            if (i == 2) message.Cc.Add(MailboxAddress.Parse("copy@example.invalid"));
            message.MessageId = $"m{i}@example.org";
            message.Subject = "Wave 1";
            // A body line that starts with a dot must not end the message early.
            message.Body = new TextPart("plain") { Text = $".\r\n..still the body of {i}\r\n" };
            await client.SendAsync(message);
        }
        await client.DisconnectAsync(true);

        await sink.ExpectReceivedAsync(3, CancellationToken.None);
        var received = (await sink.ReadAsync(CancellationToken.None)).OrderBy(m => m.MessageId, StringComparer.Ordinal).ToList();
        Assert.Equal(["m0@example.org", "m1@example.org", "m2@example.org"], received.Select(m => m.MessageId));
        Assert.Equal(["p0@example.invalid"], received[0].Recipients);
        Assert.Equal(["p2@example.invalid", "copy@example.invalid"], received[2].Recipients);

        await sink.ClearAsync(CancellationToken.None);
        Assert.Empty(await sink.ReadAsync(CancellationToken.None));
    }
}
