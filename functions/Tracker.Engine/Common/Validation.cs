namespace Tracker.Engine.Common;

/// <summary>The outcome of checking input: a value, or every problem found (not just the first).</summary>
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
