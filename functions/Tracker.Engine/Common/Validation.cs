namespace Tracker.Engine.Common;

/// <summary>The outcome of checking input: a value, or every problem found (not just the first).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "Valid and Invalid are the only ways to make one; a second, non-generic type would only forward to them.")]
public sealed class Validation<T>
{
    private Validation(T? value, IReadOnlyList<string> problems)
    {
        Value = value;
        Problems = problems;
    }

    public T? Value { get; }

    public IReadOnlyList<string> Problems { get; }

    public bool IsValid => Problems.Count == 0;

    public static Validation<T> Valid(T value) => new(value, []);

    public static Validation<T> Invalid(IReadOnlyList<string> problems) => new(default, problems);
}
