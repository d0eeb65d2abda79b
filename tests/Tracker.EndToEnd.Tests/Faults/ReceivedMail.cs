namespace Tracker.EndToEnd.Tests.Faults;

/// <summary>One message <see cref="ScriptedSmtpServer"/> accepted: its envelope recipients and its Message-ID.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> Recipients, string MessageId);
