using System.Text.Json;

namespace Tracker.Engine.Instruments;

/// <summary>
/// A reading problem worded for the researcher (not in .NET type names), thrown by the instrument's own converters.
/// <see cref="Inner"/> is the path inside the value the converter read, since a converter's nested read loses the
/// serializer's path and the serializer only adds where the converter started.
/// </summary>
public sealed class InstrumentJsonException : JsonException
{
    public InstrumentJsonException()
    {
    }

    public InstrumentJsonException(string message)
        : base(message)
    {
    }

    public InstrumentJsonException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InstrumentJsonException(string message, string inner, Exception? innerException)
        : base(message, innerException)
    {
        Inner = inner;
    }

    /// <summary>Where inside the converter's value, e.g. <c>.colour</c>; empty when the value itself is wrong.</summary>
    public string Inner { get; } = "";

    /// <summary>True when the message is already written for researchers.</summary>
    public bool Worded { get; init; } = true;
}
