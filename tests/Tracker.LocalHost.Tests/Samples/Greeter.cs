namespace Tracker.LocalHost.Tests.Samples;

/// <summary>An app service, registered by the test's ConfigureServices as Program.cs would.</summary>
public sealed class Greeter(TimeProvider clock)
{
    public string Greet(string name) => $"Hello, {name}";

    public DateTimeOffset Now => clock.GetUtcNow();
}
