using System.Text.Json;
using Tracker.Engine.Common;
using Tracker.Engine.Panels;

namespace Tracker.Engine.Consent;

/// <summary>The <c>consent</c> object of a panel definition (or the body of <c>PUT /api/panels/{id}/consent</c>) as read, before it is checked.</summary>
public sealed class ConsentDefinition
{
    public static readonly string[] Properties = ["version", "text", "title"];

    public string? Version { get; set; }

    public LocalizedText? Text { get; set; }

    public LocalizedText? Title { get; set; }

    /// <summary>Whether the object was there at all (a panel without consent behaves as before).</summary>
    public bool Given { get; set; }

    /// <summary>Reads the object at <paramref name="path"/>, noting shape problems by JSON path.</summary>
    public static ConsentDefinition Read(JsonElement element, string path, DefinitionFields reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var definition = new ConsentDefinition { Given = true };
        var fields = reader.Properties(element, path, Properties, "the consent (version, text, title)");
        if (fields is null) return definition;
        definition.Version = reader.Text(fields, path, "version");
        definition.Text = reader.Localized(fields, path, "text");
        definition.Title = reader.Localized(fields, path, "title");
        return definition;
    }
}
