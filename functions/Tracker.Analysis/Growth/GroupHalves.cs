namespace Tracker.Analysis.Growth;

/// <summary>
/// A sum over groups split in a fixed way: below <see cref="SplitFrom"/> groups one range, from it two halves —
/// the first half on a second core while the calling thread sums the second — always added first half then second.
/// The split depends only on the number of groups, so the result is the same to the bit whichever thread finishes
/// first, and the same on a one-core machine (which sums the two halves one after the other).
/// </summary>
internal static class GroupHalves
{
    /// <summary>Below this a deviance evaluation takes a fraction of a millisecond: handing half to another thread costs more than it saves.</summary>
    public const int SplitFrom = 4096;

    public static T Sum<T>(int groups, Func<T> create, Action<T, int, int> accumulate, Action<T, T> add, int splitFrom = SplitFrom)
    {
        var first = create();
        if (groups < splitFrom)
        {
            accumulate(first, 0, groups);
            return first;
        }
        var middle = groups / 2;
        var second = create();
        if (Environment.ProcessorCount > 1)
        {
            var task = Task.Run(() => accumulate(first, 0, middle));
            accumulate(second, middle, groups);
            task.GetAwaiter().GetResult();
        }
        else
        {
            accumulate(first, 0, middle);
            accumulate(second, middle, groups);
        }
        add(first, second);
        return first;
    }
}
