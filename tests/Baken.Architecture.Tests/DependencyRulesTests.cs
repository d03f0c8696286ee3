using System.Reflection;

namespace Baken.Architecture.Tests;

/// <summary>The dependency rules of docs/architecture.md, checked on the compiled assemblies.</summary>
public sealed class DependencyRulesTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Baken.Methods"] = [],
        ["Baken.Domain"] = ["Baken.Methods"],
        ["Baken.Application"] = ["Baken.Domain", "Baken.Methods"],
        ["Baken.Infrastructure"] = ["Baken.Application", "Baken.Domain", "Baken.Methods"],
        ["Baken.Infrastructure.Sqlite"] = ["Baken.Infrastructure", "Baken.Application", "Baken.Domain", "Baken.Methods"],
        ["Baken.Infrastructure.Postgres"] = ["Baken.Infrastructure", "Baken.Application", "Baken.Domain", "Baken.Methods"],
    };

    public static TheoryData<string> Layers() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Layers))]
    public void Layer_ReferencesOnlyAllowedBakenAssemblies(string layer)
    {
        var assembly = Assembly.Load(layer);
        var bakenReferences = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Baken", StringComparison.Ordinal)).ToList();
        bakenReferences.ShouldAllBe(r => Allowed[layer].Contains(r), $"{layer} may reference only {string.Join(", ", Allowed[layer])}");
    }

    [Fact]
    public void Analysis_UsesNoPersistenceWebOrConsole()
    {
        var references = Assembly.Load("Baken.Methods").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.ShouldNotContain(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_DoesNotDependOnEntityFramework()
    {
        Assembly.Load("Baken.Domain").GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldNotContain(n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Hosts_ReferenceTheLayersTheyCompose()
    {
        // Web and CLI are composition roots: they may use every layer, and nothing may depend on them.
        foreach (var layer in Allowed.Keys)
            Assembly.Load(layer).GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(n => n == "Baken.Web" || n == "baken");
    }
}
