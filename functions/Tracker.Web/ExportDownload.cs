using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Tracker.Web.Access;
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
        var activity = AdminActivity.Of(context.HttpContext.Request);
        var completed = false;
        try
        {
            var rows = await exporter.WriteAsync(panel, format, response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
            if (rows is { } count) activity?.Note("rows", count);
            completed = true;
        }
        finally
        {
            // The audit row waited for the body (the function returned before it was written): now it can say how many rows went out.
            if (activity is { WaitsForBody: true } && context.HttpContext.RequestServices.GetService<AdminAuditRecorder>() is { } recorder)
            {
                if (!completed) activity.Note("interrupted", true);
                await recorder.CompleteAsync(context.HttpContext, response.StatusCode, CancellationToken.None, bodyWritten: true).ConfigureAwait(false);
            }
        }
    }
}
