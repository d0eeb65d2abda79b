namespace Tracker.Engine.Storage;

/// <summary>
/// The shared send-rate bucket of one SMTP account: the tokens left at <see cref="RefilledAt"/>. Every instance refills
/// it from the elapsed time and takes from it under the row's ETag, so the bucket is one however many instances run.
/// </summary>
public sealed class SendRateEntity : TableEntityBase
{
    public const string Partition = "smtp";

    public double Tokens { get; set; }

    public DateTimeOffset RefilledAt { get; set; }
}
