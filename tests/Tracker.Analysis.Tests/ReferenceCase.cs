namespace Tracker.Analysis.Tests;

/// <summary>One row of Reference/cases.tsv: a data set, the model options reference.R was run with, and what kind of fit lme4 found.</summary>
public sealed record ReferenceCase(string Name, string Data, string Formula, string Outcome, string Time, string Subject, string Wave, string Kind)
{
    public PanelAnalysisOptions Options => new()
    {
        Formula = Formula,
        Outcome = Outcome,
        Time = Time,
        Subject = Subject,
        Wave = Wave,
    };

    public string ReferenceFile => $"{Name}.ref.json";

    public static IReadOnlyList<ReferenceCase> All { get; } = File
        .ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Reference", "cases.tsv"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('\t'))
        .Select(f => new ReferenceCase(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]))
        .ToList();

    public static TheoryData<string> Named(params string[] kinds) =>
        new(All.Where(c => kinds.Contains(c.Kind)).Select(c => c.Name));

    public static ReferenceCase Get(string name) => All.Single(c => c.Name == name);

    public override string ToString() => Name;
}
