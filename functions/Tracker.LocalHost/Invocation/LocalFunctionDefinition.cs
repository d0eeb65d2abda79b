using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Tracker.LocalHost.Discovery;

namespace Tracker.LocalHost.Invocation;

/// <summary>The function's metadata as a <see cref="FunctionContext"/> exposes it; bindings are described by the attributes instead.</summary>
internal sealed class LocalFunctionDefinition : FunctionDefinition
{
    public LocalFunctionDefinition(FunctionDescriptor descriptor)
    {
        Name = descriptor.Name;
        Id = descriptor.Name;
        EntryPoint = descriptor.EntryPoint;
        PathToAssembly = descriptor.Method.DeclaringType!.Assembly.Location;
        Parameters = [.. descriptor.Method.GetParameters().Select(p => new FunctionParameter(p.Name!, p.ParameterType))];
    }

    public override ImmutableArray<FunctionParameter> Parameters { get; }

    public override string PathToAssembly { get; }

    public override string EntryPoint { get; }

    public override string Id { get; }

    public override string Name { get; }

    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;

    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
}
