using System.Collections.Concurrent;
using ScottPlot;
using SkiaSharp;

namespace Tracker.Engine.Charts;

/// <summary>
/// The typeface every chart's text is drawn in, shipped inside this assembly (Liberation Sans, SIL OFL 1.1; see
/// Fonts/LICENSE.txt). The Functions host images have no fonts and no fontconfig, and the native Skia build Tracker
/// uses finds fonts only in /usr/share/fonts, so without this the charts would render with no text at all there.
/// </summary>
public static class ChartFont
{
    /// <summary>The family name charts ask for: not a system font's name, so a host's own fonts can never stand in.</summary>
    public const string Family = "Tracker Chart Sans";

    private static readonly Lazy<EmbeddedFontResolver> Resolver = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Registers the shipped typeface with ScottPlot (once per process) and sets it on everything in the plot.</summary>
    public static void Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        _ = Resolver.Value;
        plot.Font.Set(Family);
    }

    private static EmbeddedFontResolver Register()
    {
        var resolver = new EmbeddedFontResolver(
            Load("LiberationSans-Regular.ttf"),
            Load("LiberationSans-Bold.ttf"));

        // First in the list, so the name resolves to the shipped file before ScottPlot asks the system.
        Fonts.FontResolvers.Insert(0, resolver);
        return resolver;
    }

    private static byte[] Load(string file)
    {
        var name = $"Tracker.Engine.Fonts.{file}";
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The chart font {name} is not embedded in {typeof(ChartFont).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Answers only for <see cref="Family"/>; any other name falls through to ScottPlot's own resolvers.</summary>
    private sealed class EmbeddedFontResolver(byte[] regular, byte[] bold) : IFontResolver
    {
        private readonly ConcurrentDictionary<bool, byte[]> files = new() { [false] = regular, [true] = bold };

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? Create(bold) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? Create(weight >= FontWeight.SemiBold) : null;

        // A new typeface per request: ScottPlot caches and disposes the ones it is given.
        private SKTypeface Create(bool bold)
        {
            using var data = SKData.CreateCopy(files[bold]);
            return SKTypeface.FromData(data)
                ?? throw new InvalidOperationException("Skia could not read the embedded chart font.");
        }
    }
}
