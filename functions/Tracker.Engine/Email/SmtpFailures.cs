using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;

namespace Tracker.Engine.Email;

/// <summary>Which SMTP failures are worth retrying: 4xx replies, dropped connections and time-outs; never 5xx.</summary>
public static class SmtpFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        OperationCanceledException => false,
        _ => false,
    };

    /// <summary>
    /// Whether a send on a connection kept open between messages failed because the server had closed it: a dropped
    /// stream, or a 421 "closing channel" reply.
    /// </summary>
    public static bool IsIdleDisconnect(Exception exception) => exception is
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException
        or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };
}
