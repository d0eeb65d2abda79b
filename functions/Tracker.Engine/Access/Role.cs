namespace Tracker.Engine.Access;

/// <summary>
/// What a member of a panel's team may do. The roles are ordered: each includes the rights of every role below it
/// (owner ⊃ manager ⊃ analyst ⊃ viewer), so a route declares the least role it needs and a caller passes when theirs is
/// at least that. A hierarchy, not a set of independent rights, because the four roles nest exactly.
/// </summary>
public enum Role
{
    /// <summary>The dashboard and status.</summary>
    Viewer = 1,

    /// <summary>Adds de-identified exports (no contact columns), the model and summaries.</summary>
    Analyst = 2,

    /// <summary>Adds panels, schedules, imports, dispatch, the plan.</summary>
    Manager = 3,

    /// <summary>Everything: contacts, erasure, consent records, role-bound settings, the audit trail.</summary>
    Owner = 4,
}
