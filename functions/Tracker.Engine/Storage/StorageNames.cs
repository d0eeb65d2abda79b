namespace Tracker.Engine.Storage;

/// <summary>Every table, blob container and queue Tracker uses; infra provisions exactly these.</summary>
public static class StorageNames
{
    /// <summary>The connection setting name (a connection string locally; <c>TrackerStorage__tableServiceUri</c> etc. with an identity in Azure).</summary>
    public const string Connection = "TrackerStorage";

    public const string PanelsTable = "panels";
    public const string WavesTable = "waves";
    public const string ParticipantsTable = "participants";
    public const string ContactsTable = "contacts";
    public const string InvitationsTable = "invitations";
    public const string ResponsesTable = "responses";
    public const string SummariesTable = "summaries";

    /// <summary>Consent versions and participants' decisions (<see cref="Consent.ConsentRepository"/>).</summary>
    public const string ConsentsTable = "consents";

    /// <summary>The app-wide send-rate bucket, one row per SMTP account (<see cref="Email.GlobalSendRate"/>).</summary>
    public const string SendRateTable = "sendrate";

    /// <summary>
    /// One insert-only row per admin action (<see cref="Audit.AuditLog"/>), partitioned by panel. Outlives the panel's
    /// deletion: the record that data was erased or deleted is what an ethics board asks for afterwards.
    /// </summary>
    public const string AuditTable = "audit";

    public const string SealedWavesContainer = "sealed-waves";
    public const string ModelsContainer = "models";

    public const string DispatchQueue = "dispatch-batches";

    /// <summary>Where the Functions host moves a dispatch message that failed maxDequeueCount times (host.json).</summary>
    public const string DispatchPoisonQueue = DispatchQueue + "-poison";

    public static IReadOnlyList<string> Tables { get; } =
        [PanelsTable, WavesTable, ParticipantsTable, ContactsTable, InvitationsTable, ResponsesTable, SummariesTable, SendRateTable, ConsentsTable, AuditTable];

    /// <summary>The tables whose rows belong to a panel's data, which deleting the panel removes: every table but the audit trail.</summary>
    public static IReadOnlyList<string> PanelDataTables { get; } = [.. Tables.Where(t => t != AuditTable)];

    public static IReadOnlyList<string> Containers { get; } = [SealedWavesContainer, ModelsContainer];

    public static IReadOnlyList<string> Queues { get; } = [DispatchQueue];
}
