using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Tracker.Cli.Bench;

/// <summary>
/// A minimal SMTP server on loopback for <c>tracker bench dispatch --sink</c>: it accepts every message at once and
/// keeps only its recipients and Message-ID, so the sender, not the server, sets the pace (smtp4dev stores and indexes
/// each message and runs at about 20 a second). It speaks the subset MailKit uses without TLS or authentication:
/// EHLO/HELO (with PIPELINING), MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT.
/// </summary>
public sealed class DispatchSink : IDispatchInbox, IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMessage> received = new();
    private readonly ConcurrentDictionary<Task, bool> sessions = new();
    private readonly Task accepting;

    private DispatchSink()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(backlog: 256);
        accepting = AcceptAsync(stopping.Token);
    }

    public string Name => "fast sink (in-process, loopback)";

    /// <summary>Where to send: 127.0.0.1:port, as the stack's SMTP endpoint expects it.</summary>
    public string Endpoint => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public static DispatchSink Start() => new();

    public Task ClearAsync(CancellationToken cancellationToken)
    {
        received.Clear();
        return Task.CompletedTask;
    }

    public async Task ExpectReceivedAsync(int expected, CancellationToken cancellationToken)
    {
        // A message counts once the server has answered its DATA, which MailKit awaits: by now it is normally here.
        var started = Stopwatch.StartNew();
        while (received.Count < expected && started.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50, cancellationToken);
        if (received.Count != expected) throw new InvalidOperationException($"The sink holds {received.Count} messages; expected {expected}.");
    }

    public int? ReceivedCount => received.Count;

    public Task<IReadOnlyList<ReceivedMessage>> ReadAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReceivedMessage>>(received.ToArray());

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
            await Task.WhenAll(sessions.Keys);
        }
        catch (OperationCanceledException)
        {
            // Stopping: sessions end with the listener.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var session = ServeAsync(client, cancellationToken);
            sessions.TryAdd(session, true);
            _ = session.ContinueWith(t => sessions.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        client.NoDelay = true;
        try
        {
            await using var stream = client.GetStream();
            // Latin-1 maps every byte to one char, so an 8-bit body passes through without decoding errors.
            using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
            await using var writer = new StreamWriter(stream, Encoding.Latin1, bufferSize: 4 * 1024) { NewLine = "\r\n", AutoFlush = false };
            await ReplyAsync(writer, "220 tracker-bench-sink ESMTP");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await ReplyAsync(writer, "250-tracker-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 52428800");
                        break;
                    case "HELO":
                        await ReplyAsync(writer, "250 tracker-bench-sink");
                        break;
                    case "MAIL":
                    case "RSET":
                        recipients.Clear();
                        await ReplyAsync(writer, "250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await ReplyAsync(writer, "250 OK");
                        break;
                    case "DATA":
                        await ReplyAsync(writer, "354 End data with <CR><LF>.<CR><LF>");
                        var messageId = await ReadDataAsync(reader, cancellationToken);
                        received.Enqueue(new ReceivedMessage(messageId, recipients.ToArray()));
                        recipients.Clear();
                        await ReplyAsync(writer, "250 OK queued");
                        break;
                    case "NOOP":
                        await ReplyAsync(writer, "250 OK");
                        break;
                    case "QUIT":
                        await ReplyAsync(writer, "221 Bye");
                        return;
                    default:
                        await ReplyAsync(writer, "502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up or the sink is stopping.
        }
    }

    /// <summary>Writes a reply at once. (Not held back while pipelined commands are buffered: StreamReader.Peek on a
    /// network stream blocks until the client sends more, and the client is waiting for this reply.)</summary>
    private static async Task ReplyAsync(StreamWriter writer, string reply)
    {
        await writer.WriteLineAsync(reply);
        await writer.FlushAsync();
    }

    /// <summary>Reads the message up to the lone dot and returns its Message-ID (empty when it has none).</summary>
    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        var messageId = "";
        var inHeaders = true;
        var inMessageId = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == ".") return messageId.Trim('<', '>');
            if (!inHeaders) continue;
            if (line.Length == 0) { inHeaders = false; continue; }
            if (line.StartsWith('.')) line = line[1..];
            if (inMessageId && line[0] is ' ' or '\t') { messageId += line.Trim(); continue; }
            inMessageId = line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase);
            if (inMessageId) messageId = line["Message-ID:".Length..].Trim();
        }

        throw new IOException("The connection closed inside DATA.");
    }

    private static string Address(string line)
    {
        var open = line.IndexOf('<', StringComparison.Ordinal);
        var close = line.IndexOf('>', open + 1);
        return open >= 0 && close > open ? line[(open + 1)..close] : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
