using System.Collections;
using Microsoft.Azure.Functions.Worker;

namespace Tracker.LocalHost.Invocation;

/// <summary>A plain feature bag; the local host sets no worker features, but middleware-style code may.</summary>
internal sealed class LocalInvocationFeatures : IInvocationFeatures
{
    private readonly Dictionary<Type, object> _features = [];

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var value) ? (T)value : default;

    public void Set<T>(T instance)
    {
        if (instance is null)
        {
            _features.Remove(typeof(T));
        }
        else
        {
            _features[typeof(T)] = instance;
        }
    }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
