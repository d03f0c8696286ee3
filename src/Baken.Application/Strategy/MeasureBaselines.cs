using System.Text.Json;
using Baken.Methods.Measures;
using Baken.Methods.Risk;
using Baken.Application.Analysis;
using Baken.Domain.Analysis;

namespace Baken.Application.Strategy;

/// <summary>
/// The current risk of each scenario of an analysis run, in the shape the measures analysis needs. A run keeps the
/// consensus class per criterion and the likelihood class, not the quantities, so each class stands for its
/// representative value under a <see cref="ClassValuationRule"/> (by default the geometric middle of the class: the
/// scale's bounds for quantities, the likelihood scale's bounds for probability, the open-ended classes A and E taken
/// one decade wide). Impact points are the run's weight times the ladder value of the class, so risk points agree
/// with the run's own I(s).
/// </summary>
public static class MeasureBaselines
{
    public static IReadOnlyList<ScenarioBaseline> FromRun(AnalysisRun run, AnalysisCatalogue catalogue,
        ClassValuationRule rule = ClassValuationRule.GeometricMean)
    {
        var settings = JsonSerializer.Deserialize<SettingsRecord>(run.SettingsJson, RunSummary.JsonOptions)
                       ?? throw new InvalidOperationException($"Analysis run '{run.Code}' has no settings.");
        var weights = settings.Weights.ToDictionary(w => w.Criterion, w => w.Weight, StringComparer.Ordinal);
        var ladder = new ImpactLadder(settings.Factor);
        var result = new List<ScenarioBaseline>();
        foreach (var s in RunSummary.Parse(run.ResultsJson))
        {
            if (!ImpactClasses.TryParse(s.Likelihood, out var likelihood) || likelihood == ImpactClass.X) continue;
            var classes = s.Consensus.Select(p => (p.Key, ImpactClasses.TryParse(p.Value, out var c) ? c : ImpactClass.X, weights.GetValueOrDefault(p.Key)));
            result.Add(Baseline(s.Id, likelihood, classes, ladder, catalogue, rule));
        }
        return result;
    }

    /// <summary>
    /// Every scenario's baseline in each of the first draws of the run's Monte Carlo: the drawn classes, likelihood and
    /// weights (so the impact points of a draw sum to that draw's I(s)). A scenario drawn at likelihood X has probability 0.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<ScenarioBaseline>> FromDraws(RiskDraws draws, double factor, AnalysisCatalogue catalogue, ClassValuationRule rule)
    {
        var ladder = new ImpactLadder(factor);
        var result = new List<IReadOnlyList<ScenarioBaseline>>(draws.Count);
        for (var i = 0; i < draws.Count; i++)
        {
            var row = new List<ScenarioBaseline>(draws.ScenarioIds.Count);
            for (var s = 0; s < draws.ScenarioIds.Count; s++)
            {
                var classes = new (string, ImpactClass, double)[draws.CriterionCodes.Count];
                for (var k = 0; k < classes.Length; k++) classes[k] = (draws.CriterionCodes[k], draws.Class(i, s, k), draws.Weight(i, k));
                row.Add(Baseline(draws.ScenarioIds[s], draws.Likelihood(i, s), classes, ladder, catalogue, rule));
            }
            result.Add(row);
        }
        return result;
    }

    private static ScenarioBaseline Baseline(string id, ImpactClass likelihood, IEnumerable<(string Criterion, ImpactClass Class, double Weight)> classes,
        ImpactLadder ladder, AnalysisCatalogue catalogue, ClassValuationRule rule)
    {
        var points = new Dictionary<string, double>(StringComparer.Ordinal);
        var quantities = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (criterion, c, weight) in classes)
        {
            if (c == ImpactClass.X) continue;
            points[criterion] = weight * ladder.Value(c);
            if (catalogue.Scales.GetValueOrDefault(criterion) is { } scale && ClassRepresentative.Quantity(scale, c, rule) is { } q) quantities[criterion] = q;
        }
        var p = ClassRepresentative.Probability(catalogue.LikelihoodScale, likelihood, rule);
        return new ScenarioBaseline(id, LikelihoodScale.AnnualProbability(p, catalogue.LikelihoodScale.HorizonYears), quantities, points);
    }

    /// <summary>The geometric midpoint of a likelihood class over the scale's horizon.</summary>
    public static double RepresentativeProbability(LikelihoodScale scale, ImpactClass c) =>
        ClassRepresentative.Probability(scale, c, ClassValuationRule.GeometricMean);

    /// <summary>The geometric midpoint of an impact class on a quantitative scale; null on a ladder.</summary>
    public static double? RepresentativeQuantity(ImpactClassScale scale, ImpactClass c) =>
        ClassRepresentative.Quantity(scale, c, ClassValuationRule.GeometricMean);
}
