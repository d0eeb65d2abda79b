using System.Reflection;

namespace Tracker.Infra.Tests;

/// <summary>
/// The layers hold: statistics and the model do no I/O and know nothing of HTTP, and the engine is free of ASP.NET Core
/// (the web side, Tracker.Web, owns pages and HTTP). Read from the compiled assemblies' own reference tables, so a
/// single use of an ASP.NET Core or Azure type anywhere in a layer fails here, whatever the project file says.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string[] AspNetCore = ["Microsoft.AspNetCore."];
    private static readonly string[] AzureSdks = ["Azure.", "Microsoft.Azure."];

    public static TheoryData<string> HttpFreeLayers() => ["Tracker.Analysis", "Tracker.Model", "Tracker.Engine"];

    [Theory]
    [MemberData(nameof(HttpFreeLayers))]
    public void A_layer_below_the_web_side_references_no_ASP_NET_Core_assembly(string layer)
    {
        // Tracker.Model exists once the model has its own project; until then there is nothing to check.
        if (Load(layer) is not { } assembly) return;

        Assert.Empty(Offending(assembly, AspNetCore));
    }

    [Fact]
    public void Statistics_reference_no_Azure_SDK()
    {
        var analysis = Load("Tracker.Analysis");

        Assert.NotNull(analysis);
        Assert.Empty(Offending(analysis, AzureSdks));
    }

    [Fact]
    public void The_check_sees_a_layer_that_does_use_ASP_NET_Core()
    {
        // The control: the web side uses ASP.NET Core and the engine uses Azure, so an empty answer above means clean, not blind.
        Assert.Contains(Offending(Load("Tracker.Web")!, AspNetCore), name => name.StartsWith("Microsoft.AspNetCore.Http", StringComparison.Ordinal));
        Assert.NotEmpty(Offending(Load("Tracker.Engine")!, AzureSdks));
    }

    /// <summary>The assembly's references with a forbidden prefix, following references into Tracker's own assemblies.</summary>
    private static List<string> Offending(Assembly assembly, string[] prefixes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { assembly.GetName().Name! };
        var pending = new Queue<Assembly>([assembly]);
        var offending = new List<string>();
        while (pending.TryDequeue(out var next))
        {
            foreach (var reference in next.GetReferencedAssemblies())
            {
                var name = reference.Name!;
                if (!seen.Add(name)) continue;
                if (prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) offending.Add($"{name} (from {next.GetName().Name})");
                else if (name.StartsWith("Tracker.", StringComparison.Ordinal) && Load(name) is { } own) pending.Enqueue(own);
            }
        }

        return offending;
    }

    private static Assembly? Load(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
