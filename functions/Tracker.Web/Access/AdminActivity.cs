using Microsoft.AspNetCore.Http;
using Tracker.Engine.Access;

namespace Tracker.Web.Access;

/// <summary>
/// One admin request as it goes: who called, what for, and the details the function adds (counts, formats). The gate
/// starts it; the host writes it to the audit trail once the answer's status is known (<see cref="AdminAuditRecorder"/>).
/// </summary>
public sealed class AdminActivity(string action, Caller? caller, AdminTarget target)
{
    private const string ItemKey = "Tracker.AdminActivity";
    private readonly Dictionary<string, string> details = new(StringComparer.Ordinal);
    private int recorded;

    public string Action { get; } = action;

    public Caller? Caller { get; } = caller;

    public AdminTarget Target { get; private set; } = target;

    public IReadOnlyDictionary<string, string> Details => details;

    /// <summary>The activity of this request, if the gate has seen it.</summary>
    public static AdminActivity? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.Items.TryGetValue(ItemKey, out var value) ? value as AdminActivity : null;
    }

    /// <summary>Adds a detail: a count, a format, a number of rows — never an address, a name or an answer.</summary>
    public AdminActivity Note(string key, object? value)
    {
        // Booleans as JSON spells them, so the trail reads the same as the API's answers.
        details[key] = value is bool flag ? (flag ? "true" : "false") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return this;
    }

    /// <summary>The panel an action created, once it has an id.</summary>
    public AdminActivity ForPanel(string panelId)
    {
        Target = Target with { PanelId = panelId };
        return this;
    }

    /// <summary>
    /// The answer's body is written after the function returns (a streamed export), and the audit row should say what
    /// it held: the row then waits for <see cref="AdminAuditRecorder.CompleteAsync"/> with <c>bodyWritten</c>.
    /// </summary>
    public bool WaitsForBody { get; private set; }

    public AdminActivity WaitForBody()
    {
        WaitsForBody = true;
        return this;
    }

    /// <summary>True the first time only: a request's audit row is written once, whichever host step gets there first.</summary>
    internal bool ClaimRecording() => Interlocked.Exchange(ref recorded, 1) == 0;

    internal void Attach(HttpContext context) => context.Items[ItemKey] = this;
}
