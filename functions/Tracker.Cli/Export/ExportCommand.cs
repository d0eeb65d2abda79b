using System.CommandLine;
using Spectre.Console;
using Tracker.Cli.Api;

namespace Tracker.Cli.Export;

/// <summary><c>tracker export --panel ID --format F --out DIR</c>: downloads an export (streamed to disk) into a folder.</summary>
public static class ExportCommand
{
    public static readonly string[] Formats = ["long", "wide", "items", "codebook", "bundle", "consent", "linking"];

    public static Command Create()
    {
        var panel = new Option<string>("--panel", "-p") { Description = "The panel's id.", Required = true };
        var format = new Option<string>("--format") { Description = "long | wide | items | codebook (JSON and Markdown) | bundle (zip for R) | consent | linking (participant id ↔ your ids and contacts: personal data).", Required = true };
        var outDir = new Option<DirectoryInfo>("--out", "-o") { Description = "The folder to write into (created if missing).", DefaultValueFactory = _ => new DirectoryInfo(".") };
        var api = new ApiOptions();
        var command = new Command("export", """
            Download a panel's data. Files are named {panel}-{format}.csv, {panel}-codebook.json/.md, {panel}-bundle.zip.
              long      one row per participant x answered wave: participant_id, wave, days, submitted_at, construct scores
              wide      one row per participant, columns {column}_w{wave}
              items     one row per participant x answered wave with every item answer as given
              codebook  constructs, item wording, scale labels, reverse keys, columns and types, schedule
              bundle    long.csv + codebook + analysis.R (lme4 growth model, nls decay curve) + Tracker's own numbers
              consent   one row per consent decision: participant_id, consent_version, text_sha256, decision, decided_at, language, wave
              linking   participant_id, external_id, email, first_name, language, status, consent: joins Tracker's
                        pseudonymous ids to your own records. PERSONAL DATA: keep it apart from the research data.

            Examples:
              tracker export --panel pABCDEFGHJKL --format long --out data/
              tracker export --panel pABCDEFGHJKL --format bundle --out data/ && cd data && unzip pABCDEFGHJKL-bundle.zip && Rscript analysis.R
            """)
        {
            panel, format, outDir,
        };
        api.AddTo(command);
        command.SetAction((parse, cancellationToken) => CommandRunner.RunAsync(parse, api, async (client, ct) =>
        {
            var panelId = parse.GetValue(panel)!;
            var chosen = parse.GetValue(format)!.Trim().ToLowerInvariant();
            if (!Formats.Contains(chosen)) throw new CommandInputException($"there is no export format '{parse.GetValue(format)}': use {string.Join(", ", Formats)}");
            var directory = parse.GetValue(outDir)!;
            try
            {
                directory.Create();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandInputException($"cannot create the folder '{directory.FullName}': {e.Message}");
            }

            var downloads = chosen == "codebook"
                ? new[] { ("codebook", "codebook.json"), ("codebook.md", "codebook.md") }
                : [(chosen, chosen == "bundle" ? "bundle.zip" : $"{chosen}.csv")];
            var console = CliConsole.For(parse.InvocationConfiguration.Output);
            foreach (var (route, name) in downloads)
            {
                var path = Path.Combine(directory.FullName, $"{SafeFilePart(panelId)}-{name}");
                var bytes = await client.DownloadExportAsync(panelId, route, path, ct);
                console.MarkupLineInterpolated($"Wrote {path} ({Size(bytes)})");
            }

            if (chosen == "linking") console.MarkupLine("[yellow]This file holds personal data (addresses and names): store it apart from the research data and delete it when the linking is done.[/]");

            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static string SafeFilePart(string id) => string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KiB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MiB",
    };
}
