namespace Tracker.Engine.Access;

/// <summary>How a caller proved who they are.</summary>
public enum CallerMethod
{
    /// <summary>Signed in with Microsoft Entra ID through App Service Authentication.</summary>
    Entra,

    /// <summary>A function, host or master key (scripts and CI).</summary>
    Key,

    /// <summary>The local host's development sign-in (<c>tracker serve --dev-sign-in</c>).</summary>
    Dev,
}
