using System.Reflection;

namespace Tracker.LocalHost.Invocation;

/// <summary>Awaits the Task/ValueTask a function returns and yields its value, without knowing T at compile time.</summary>
internal static class AwaitableUnwrapper
{
    /// <summary>The value type a method produces once awaited; null for void, Task and ValueTask.</summary>
    public static Type? ResultType(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
        {
            return null;
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                return returnType.GetGenericArguments()[0];
            }
        }

        return returnType;
    }

    public static async Task<object?> AwaitAsync(object? returned, Type declaredType)
    {
        switch (returned)
        {
            case null:
                return null;
            case Task task:
                await task.ConfigureAwait(false);
                return declaredType.IsGenericType ? GetResult(task) : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
        }

        if (declaredType.IsGenericType && declaredType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            // ValueTask<T> is a struct per T: convert through its own AsTask.
            var asTask = (Task)declaredType.GetMethod(nameof(ValueTask<int>.AsTask), BindingFlags.Public | BindingFlags.Instance)!.Invoke(returned, null)!;
            await asTask.ConfigureAwait(false);
            return GetResult(asTask);
        }

        return returned;
    }

    private static object? GetResult(Task task) =>
        task.GetType().GetProperty(nameof(Task<int>.Result), BindingFlags.Public | BindingFlags.Instance)?.GetValue(task);
}
