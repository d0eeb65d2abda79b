namespace Tracker.Engine.Participants;

/// <summary>The points of an import where <see cref="ParticipantImporter.Interleave"/> is called (a seam for tests).</summary>
public enum ImportStage
{
    /// <summary>Everything the import decides on has been read; nothing written yet.</summary>
    Read,

    /// <summary>The index rows of the new addresses are written.</summary>
    IndexWritten,

    /// <summary>The new contacts are written; the new participant rows not yet.</summary>
    ContactsWritten,
}
