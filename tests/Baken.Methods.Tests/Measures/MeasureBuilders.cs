using Baken.Methods.Measures;

namespace Baken.Methods.Tests.Measures;

/// <summary>Builders for the measures tests: sensible defaults, override only what a test is about.</summary>
internal static class MeasureBuilders
{
    public static MeasureCosts Costs(double oneOff = 0, double yearly = 0, int start = 2026, int lifetime = 1) =>
        new(oneOff, yearly, start, lifetime);

    public static ScenarioBaseline Scenario(string id, double p, double euroDamage = 0, double deaths = 0, double points = 0) =>
        new(id, p,
            new Dictionary<string, double> { ["3.1"] = euroDamage, ["2.1"] = deaths },
            new Dictionary<string, double> { ["3.1"] = points });

    public static MeasureEffect Likelihood(string scenarioId, double multiplier) =>
        new(scenarioId, EffectRange.Exactly(multiplier));

    public static MeasureEffect Reduction(string scenarioId, string criterion, double fraction) =>
        new(scenarioId, null, new Dictionary<string, EffectRange> { [criterion] = EffectRange.Exactly(fraction) });

    public static ModelledMeasure Measure(
        string id, MeasureCosts costs, MeasureKind kind = MeasureKind.Preventive, params MeasureEffect[] effects) =>
        new(id, kind, costs, effects);

    /// <summary>Euros as they are (criterion 3.1) and a value of a statistical life of €3.2 m (2.1, indicative).</summary>
    public static MonetisationTable Table() => new([
        new MonetisationRate("3.1", "euro", 1.0, Indicative: false, "damage is already in euros"),
        new MonetisationRate("2.1", "death", 3.2e6, Indicative: true, "test value"),
    ]);

    public static PortfolioCandidate Candidate(string id, double cost, double reduction, string[]? requires = null, string[]? excludes = null) =>
        new(id, cost, reduction, requires ?? [], excludes ?? []);

    /// <summary>One year from 2026 without discounting, so present values equal the yearly amounts.</summary>
    public static AppraisalPeriod OneYear() => new(2026, 1, 0.0);
}
