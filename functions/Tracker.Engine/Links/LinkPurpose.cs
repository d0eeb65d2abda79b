namespace Tracker.Engine.Links;

/// <summary>
/// What a signed link is for. The purpose is part of the signed payload and every route accepts only its own, so a
/// link found in one place (an email footer, a List-Unsubscribe header) cannot be used for another.
/// </summary>
public enum LinkPurpose
{
    /// <summary>The participant's form for one wave (<c>/api/r/{token}</c>). A token signed before purposes existed is one of these.</summary>
    Survey,

    /// <summary>The opt-out page and the RFC 8058 one-click target (<c>/api/o/{token}</c>).</summary>
    OptOut,

    /// <summary>A stakeholder's summary unsubscribe link (<c>/api/summary/unsubscribe/{token}</c>), signed by the subscription signer.</summary>
    SummaryUnsubscribe,
}
