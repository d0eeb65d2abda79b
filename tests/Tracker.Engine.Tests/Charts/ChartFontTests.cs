using System.Diagnostics;
using SkiaSharp;
using Tracker.Engine.Charts;
using Tracker.Model.Tests;

namespace Tracker.Engine.Tests.Charts;

/// <summary>
/// The Functions host images have no fonts. The charts must still carry their text there: each chart is rendered in a
/// child process that sees an empty /usr/share/fonts (the one place the fontconfig-free Skia build looks for fonts),
/// and its title, axis labels and tick labels must have ink, exactly as when rendered here with the system's fonts.
/// </summary>
public sealed class ChartFontTests
{
    private const string SystemFonts = "/usr/share/fonts";

    /// <summary>Where the text of a 720 × 480 chart is, and nothing else: above the plot frame, left of the tick labels, below them.</summary>
    private static readonly (string Name, SKRectI Box)[] TextRegions =
    [
        ("title", new SKRectI(0, 0, ChartStyle.Width, 40)),
        ("y-axis label", new SKRectI(0, 60, 24, 420)),
        ("x-axis label", new SKRectI(0, 452, ChartStyle.Width, ChartStyle.Height)),
    ];

    [Fact]
    public async Task Without_system_fonts_every_chart_still_has_its_text_and_renders_as_it_does_here()
    {
        var work = Directory.CreateTempSubdirectory("tracker-chart-fonts-");
        try
        {
            // The control: without system fonts, text in a system font leaves no ink (so the child really sees none)...
            var control = Path.Combine(work.FullName, "control");
            await RunWithoutSystemFontsAsync(ChartProbe.SystemFontCommand, control, work.FullName);
            Assert.True(Ink(ChartProbe.SystemFontPlot(), new SKRectI(0, 0, ChartStyle.Width, ChartStyle.Height)) > 2_000,
                "the control text should have ink where the system's fonts are visible (is fonts-liberation2 installed?)");
            Assert.Equal(0, Ink(await File.ReadAllBytesAsync(Path.Combine(control, "system-font.png")), new SKRectI(0, 0, ChartStyle.Width, ChartStyle.Height)));

            // ...while the charts, whose typeface ships with Tracker.Model, keep every label.
            var charts = Path.Combine(work.FullName, "charts");
            await RunWithoutSystemFontsAsync(ChartProbe.ChartsCommand, charts, work.FullName);
            foreach (var here in ChartProbe.Charts())
            {
                var there = await File.ReadAllBytesAsync(Path.Combine(charts, here.Id + ".png"));
                foreach (var (name, box) in TextRegions)
                {
                    var ink = Ink(there, box);
                    Assert.True(ink > 40, $"{here.Id}: the {name} has {ink} dark pixels without system fonts");
                }

                Assert.True(here.Png.AsSpan().SequenceEqual(there), $"{here.Id}: renders differently with and without the system's fonts");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs this assembly's <see cref="ChartProbe"/> in a mount namespace where /usr/share/fonts is an empty folder.</summary>
    private static async Task RunWithoutSystemFontsAsync(string command, string output, string work)
    {
        var empty = Directory.CreateDirectory(Path.Combine(work, "no-fonts")).FullName;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var probe = typeof(ChartProbe).Assembly.Location;

        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Directory.Exists(SystemFonts))
        {
            // A user namespace makes the bind mount possible without root; the mount is gone when the child exits.
            start.FileName = "unshare";
            foreach (var argument in new[] { "--user", "--map-root-user", "--mount", "sh", "-c", "mount --bind \"$1\" \"$2\" && shift 2 && exec \"$@\"", "sh", empty, SystemFonts, dotnet, probe, command, output })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = dotnet;
            foreach (var argument in new[] { probe, command, output })
            {
                start.ArgumentList.Add(argument);
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{start.FileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
    }

    /// <summary>Pixels in the box dark enough to be text (the charts' background is white, their text near-black).</summary>
    private static int Ink(byte[] png, SKRectI box)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a PNG");
        var ink = 0;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (Math.Max(pixel.Red, Math.Max(pixel.Green, pixel.Blue)) < 128)
                {
                    ink++;
                }
            }
        }

        return ink;
    }
}
