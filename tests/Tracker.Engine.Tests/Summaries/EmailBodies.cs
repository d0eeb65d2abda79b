using Tracker.Engine.Email;
using Tracker.Web.Emails;

namespace Tracker.Engine.Tests.Summaries;

/// <summary>The renderer both hosts register, so the composers' tests read the HTML that is really sent.</summary>
internal static class EmailBodies
{
    public static IEmailBodyRenderer Razor { get; } = new RazorEmailBodyRenderer();
}
