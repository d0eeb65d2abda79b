using Tracker.Analysis.Riclpm;

namespace Tracker.Cli.Analyze;

/// <summary>Reads `--riclpm x,y[,z…]` and `--riclpm-equal` into a model specification, or one line saying what is wrong.</summary>
public static class RiclpmArguments
{
    public static bool TryParse(string? constructs, bool equal, out RiclpmSpecification? specification, out string? error)
    {
        specification = null;
        error = null;
        if (constructs is null)
        {
            if (equal) error = "--riclpm-equal needs --riclpm with the constructs to fit, e.g. --riclpm ownership,willingness --riclpm-equal";
            return error is null;
        }
        var names = constructs.Split(',', StringSplitOptions.TrimEntries);
        if (names.Length is < RiclpmSpecification.MinimumConstructs or > RiclpmSpecification.MaximumConstructs || names.Any(n => n.Length == 0))
        {
            error = $"--riclpm takes {RiclpmSpecification.MinimumConstructs} to {RiclpmSpecification.MaximumConstructs} construct columns separated by commas, e.g. --riclpm ownership,willingness; got '{constructs}'";
            return false;
        }
        var repeated = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            error = $"--riclpm names '{repeated.Key}' twice; give each construct once";
            return false;
        }
        specification = new RiclpmSpecification(names, equal);
        return true;
    }
}
