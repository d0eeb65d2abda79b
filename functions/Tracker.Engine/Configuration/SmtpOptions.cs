using System.ComponentModel.DataAnnotations;

namespace Tracker.Engine.Configuration;

/// <summary>How email leaves Tracker (app settings <c>Smtp__*</c>): smtp4dev locally, any SMTP relay in Azure.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    [Required]
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>None, Auto, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    [Required]
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "";

    [Required]
    public string FromName { get; set; } = "Tracker";

    /// <summary>How many SMTP connections send at once.</summary>
    [Range(1, 32)]
    public int MaxConnections { get; set; } = 4;

    /// <summary>Upper bound on messages per second; providers cap it (0 = unlimited).</summary>
    [Range(0, 10000)]
    public double MessagesPerSecond { get; set; }
}
