using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tracker.Web.Pages;

/// <summary>
/// Renders a page component to its HTML with ASP.NET Core's <see cref="HtmlRenderer"/>. Text and attribute values are
/// always encoded (only the style sheet goes out raw, as a <see cref="MarkupString"/>), so instrument or answer text can
/// never become markup. The pages do no I/O, so rendering completes synchronously.
/// </summary>
internal static class PageRenderer
{
    // All ranges allowed so instruments in other scripts stay readable in the source; the HTML-significant characters are still encoded.
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    public static string Render<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters)).ConfigureAwait(false);
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }
}
