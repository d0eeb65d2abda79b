using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>
/// A small real SMTP server on a loopback port whose replies to RCPT TO a test scripts (451 for a first attempt, 550 for
/// some addresses, a slow DATA), recording every accepted message with its Message-ID. smtp4dev accepts everything, so
/// the transient and permanent refusals Tracker must survive need a server that says no; MailKit talks to it over TCP
/// exactly as it talks to any relay. Stop and start keep the port, so "the SMTP server is down" is a refused connection.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> rcptAttempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> dataAttempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly ConcurrentDictionary<TcpClient, byte> clients = new();
    private TcpListener? listener;
    private CancellationTokenSource? stopping;
    private Task? accepting;

    private ScriptedSmtpServer(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>The reply to RCPT TO for (recipient, attempt number for that recipient), or null for 250.</summary>
    public Func<string, int, string?> RecipientReply { get; set; } = (_, _) => null;

    /// <summary>How long the server takes to accept a message's data (to keep messages in flight while a test pulls a plug).</summary>
    public TimeSpan DataDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Whether to close the connection right after the terminating dot of a message to these recipients, without the
    /// 250: the message is kept (the server had it) but the client never learns so.
    /// </summary>
    public Func<IReadOnlyList<string>, bool> DropAfterData { get; set; } = _ => false;

    /// <summary>How many times DATA was started (354 sent) for a recipient.</summary>
    public int DataAttemptsFor(string recipient) => dataAttempts.GetValueOrDefault(recipient);

    public IReadOnlyCollection<ReceivedMail> Received => received.ToArray();

    public static ScriptedSmtpServer Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new ScriptedSmtpServer(port);
        server.Listen();
        return server;
    }

    /// <summary>How many times RCPT TO was tried for the address (each Polly retry is one more).</summary>
    public int AttemptsFor(string recipient) => rcptAttempts.GetValueOrDefault(recipient);

    public void Listen()
    {
        if (listener is not null) return;
        stopping = new CancellationTokenSource();
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        accepting = AcceptAsync(listener, stopping.Token);
    }

    /// <summary>Closes the port and every open connection: clients see refused connections until <see cref="Listen"/>.</summary>
    public async Task StopAsync()
    {
        if (listener is null) return;
        await stopping!.CancelAsync();
        listener.Stop();
        foreach (var client in clients.Keys)
        {
            client.Close();
        }

        try
        {
            await accepting!;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a connection.
        }

        stopping.Dispose();
        listener = null;
    }

    /// <summary>
    /// Closes every open connection but keeps listening, as a relay does with connections idle past its time-out:
    /// a client learns it only when it next writes.
    /// </summary>
    public void DropIdleConnections()
    {
        foreach (var client in clients.Keys)
        {
            client.Close();
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptAsync(TcpListener server, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await server.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            clients[client] = 0;
            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(client, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    // The client went away, or the server was stopped under it: that is the point of stopping.
                }
                finally
                {
                    clients.TryRemove(client, out _);
                    client.Dispose();
                }
            }, CancellationToken.None);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.Latin1, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ESMTP scripted");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                case "RSET":
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    var address = Address(line);
                    var reply = RecipientReply(address, rcptAttempts.AddOrUpdate(address, 1, (_, n) => n + 1));
                    if (reply is null) recipients.Add(address);
                    await writer.WriteLineAsync(reply ?? "250 OK");
                    break;
                case "DATA":
                    if (recipients.Count == 0)
                    {
                        await writer.WriteLineAsync("503 5.5.1 No valid recipients");
                        break;
                    }

                    foreach (var recipient in recipients) dataAttempts.AddOrUpdate(recipient, 1, (_, n) => n + 1);
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var messageId = await ReadDataAsync(reader, cancellationToken);
                    if (DataDelay > TimeSpan.Zero) await Task.Delay(DataDelay, cancellationToken);
                    received.Enqueue(new ReceivedMail(recipients.ToArray(), messageId));
                    if (DropAfterData(recipients))
                    {
                        // Accepted, but the reply never leaves: the connection drops after the dot.
                        client.Client.Shutdown(SocketShutdown.Both);
                        return;
                    }

                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    /// <summary>Reads the message up to the lone dot and returns its Message-ID (without angle brackets).</summary>
    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var messageId = "";
        var inHeaders = true;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == ".") return messageId;
            if (line.Length == 0) inHeaders = false;
            if (inHeaders && line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = line["Message-ID:".Length..].Trim().Trim('<', '>');
            }
        }

        throw new IOException("The connection closed in the middle of DATA.");
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
