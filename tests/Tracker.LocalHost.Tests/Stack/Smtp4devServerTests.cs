using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Tracker.LocalHost.Stack;

namespace Tracker.LocalHost.Tests.Stack;

public sealed class Smtp4devServerTests
{
    [Fact]
    public async Task Receives_mail_sent_by_mailkit_and_reads_it_back_through_the_api()
    {
        await using var server = await Smtp4devServer.StartAsync();
        using var client = server.CreateClient();
        Assert.True(server.IsRunning);
        Assert.NotEqual(server.SmtpPort, server.WebPort);

        using (var smtp = new SmtpClient())
        {
            await smtp.ConnectAsync(server.SmtpHost, server.SmtpPort, SecureSocketOptions.None);
            for (var i = 1; i <= 7; i++)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Tracker", "noreply@tracker.test"));
                message.To.Add(new MailboxAddress("Participant", $"p{i}@example.test"));
                message.Subject = $"Wave {i} is open";
                message.Headers.Add("List-Unsubscribe", $"<https://tracker.test/u/{i}>");
                message.Body = new BodyBuilder { TextBody = $"Answer wave {i}: https://tracker.test/r/{i}", HtmlBody = $"<p>Answer <a href=\"https://tracker.test/r/{i}\">wave {i}</a></p>" }.ToMessageBody();
                await smtp.SendAsync(message);
            }

            await smtp.DisconnectAsync(quit: true);
        }

        // Seven messages: more than the API's default page of five, and three pages of three below.
        var messages = await client.WaitForMessagesAsync(m => m.Count == 7, TimeSpan.FromSeconds(10));
        var third = messages.Single(m => m.Subject == "Wave 3 is open");
        Assert.Equal("noreply@tracker.test", third.From);
        Assert.Equal(["p3@example.test"], third.To);
        Assert.True(third.ReceivedDate > DateTimeOffset.MinValue);

        var details = await client.GetMessageAsync(third.Id);
        Assert.NotNull(details);
        Assert.Equal("Wave 3 is open", details.Subject);
        Assert.Equal("<https://tracker.test/u/3>", details.Header("list-unsubscribe"));
        Assert.True(details.HasHtmlBody && details.HasPlainTextBody);

        Assert.Contains("https://tracker.test/r/3", await client.GetPlainTextAsync(third.Id));
        Assert.Contains("<a href=\"https://tracker.test/r/3\">", await client.GetHtmlAsync(third.Id));
        Assert.Contains("Subject: Wave 3 is open", await client.GetRawAsync(third.Id));
        Assert.Null(await client.GetMessageAsync(Guid.NewGuid().ToString()));

        using (var paging = new Smtp4devClient(server.WebUrl, pageSize: 3))
        {
            var paged = await paging.ListMessagesAsync();
            Assert.Equal(messages.Select(m => m.Id).Order(), paged.Select(m => m.Id).Order());
        }

        await client.DeleteAllAsync();
        Assert.Empty(await client.ListMessagesAsync());
    }
}
