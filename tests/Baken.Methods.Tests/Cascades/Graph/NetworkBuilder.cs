using Baken.Methods.Cascades.Graph;
using FsCheck;
using FsCheck.Fluent;

namespace Baken.Methods.Tests.Cascades.Graph;

/// <summary>Small networks for the graph tests: process X is named "Process X".</summary>
internal static class NetworkBuilder
{
    public static VitalProcessNode Process(string code, VitalProcessCategory category = VitalProcessCategory.B) =>
        new(code, $"Process {code}", category);

    public static DependencyNetwork Network(string codes, params ProcessDependency[] dependencies) =>
        new(codes.Split(',').Select(c => Process(c)), dependencies);

    public static ProcessDependency DependsOn(string dependent, string supplier, double strength = 1, double delay = 0, double backup = 0) =>
        new(dependent, supplier, strength, delay, backup);

    /// <summary>A random network of 2–7 processes "P0" … with one disruption, for property tests.</summary>
    public static Gen<RandomCase> RandomCases() =>
        from n in Gen.Choose(2, 7)
        from specs in (
            from dependent in Gen.Choose(0, n - 1)
            from supplier in Gen.Choose(0, n - 1)
            from strength in Gen.Choose(0, 10)
            from delay in Gen.Choose(0, 3)
            from backup in Gen.Choose(0, 3)
            select (dependent, supplier, strength / 10.0, delay, backup)).ArrayOf()
        from target in Gen.Choose(0, n - 1)
        from start in Gen.Choose(0, 5)
        from duration in Gen.Choose(1, 12)
        from severity in Gen.Choose(1, 10)
        from extra in Gen.Choose(0, 1000)
        from extraStrength in Gen.Choose(1, 10)
        select Build(n, specs, new InitialDisruption($"P{target}", start, duration, severity / 10.0), extra, extraStrength / 10.0);

    private static RandomCase Build(
        int n, (int Dependent, int Supplier, double Strength, int Delay, int Backup)[] specs, InitialDisruption disruption,
        int extra, double extraStrength)
    {
        var dependencies = specs
            .Where(s => s.Dependent != s.Supplier)
            .DistinctBy(s => (s.Dependent, s.Supplier))
            .Select(s => DependsOn($"P{s.Dependent}", $"P{s.Supplier}", s.Strength, s.Delay, s.Backup))
            .ToArray();
        var network = new DependencyNetwork(Enumerable.Range(0, n).Select(i => Process($"P{i}")), dependencies);
        var missing = (
            from dependent in Enumerable.Range(0, n)
            from supplier in Enumerable.Range(0, n)
            where dependent != supplier && !dependencies.Any(d => d.Dependent == $"P{dependent}" && d.Supplier == $"P{supplier}")
            select (dependent, supplier)).ToArray();
        var extraDependency = missing.Length == 0
            ? null
            : DependsOn($"P{missing[extra % missing.Length].dependent}", $"P{missing[extra % missing.Length].supplier}", extraStrength, extra % 3, extra % 4);
        return new RandomCase(network, disruption, extraDependency);
    }
}

/// <summary>A random network, a disruption, and a dependency not yet in the network (null only if the network is complete).</summary>
internal sealed record RandomCase(DependencyNetwork Network, InitialDisruption Disruption, ProcessDependency? Extra)
{
    public override string ToString() =>
        $"{Network.Count} processes; {string.Join("; ", Network.Dependencies.Select(d => $"{d.Dependent}→{d.Supplier} w={d.Strength} δ={d.DelayHours} b={d.BackupHours}"))}; "
        + $"disrupt {Disruption.ProcessCode} at {Disruption.StartHours}h for {Disruption.DurationHours}h sev {Disruption.Severity}; extra {Extra}";
}
