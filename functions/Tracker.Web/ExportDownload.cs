using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tracker.Engine.Exports;
using Tracker.Engine.Panels;

namespace Tracker.Web;

/// <summary>
/// An export as an HTTP download. The body is written while storage is read, so a large panel never sits in the
/// function's memory; everything that can fail as bad input (format, panel id) has been checked before this exists.
/// </summary>
public sealed class ExportDownload(Panel panel, ExportFormat format, PanelExporter exporter) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ExportFormats.ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{panel.Id}-{ExportFormats.FileName(format)}\"";
        // Exports hold research data: never cached by a proxy or browser, never sniffed into something executable.
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        await exporter.WriteAsync(panel, format, response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
