using Tracker.Analysis.Careless;
using Tracker.Engine.Instruments;
using Tracker.Engine.Responses;

namespace Tracker.Engine.Careless;

/// <summary>
/// Collects one wave's stored responses into a <see cref="CarelessWave"/>: each response's answers in the
/// instrument's item order (an item not answered is missing) and its seconds to submit, through one reused buffer,
/// so nothing is allocated per response and the response itself is not kept.
/// </summary>
public sealed class CarelessWaveBuilder
{
    private readonly Item[] items;
    private readonly double[] answers;

    public CarelessWaveBuilder(Instrument instrument, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        items = instrument.Items.ToArray();
        answers = new double[items.Length];
        Wave = new CarelessWave(items.Length, capacity);
    }

    public CarelessWave Wave { get; }

    public void Add(StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        for (var i = 0; i < items.Length; i++)
        {
            answers[i] = response.Answers.TryGetValue(items[i].Id, out var answer) ? answer : double.NaN;
        }

        Wave.Add(answers, response.SecondsToSubmit);
    }
}
