using System.Text.Json;
using Baken.Analysis.Measures;
using Baken.Analysis.Risk;
using Baken.Application.Analysis;
using AnalysisScale = Baken.Analysis.Risk.CriterionScale;

namespace Baken.Application.Strategy;

/// <summary>
/// The current risk of each scenario of an analysis run, in the shape the measures analysis needs. A run keeps the
/// consensus class per criterion and the likelihood class, not the quantities, so each class stands for its
/// representative value: the geometric midpoint of the class (the scale's bounds for quantities, the likelihood
/// scale's bounds for probability), the open-ended classes A and E taken one decade wide. Impact points are the
/// run's weight times the ladder value of the class, so risk points agree with the run's own I(s).
/// </summary>
public static class MeasureBaselines
{
    public static IReadOnlyList<ScenarioBaseline> FromRun(Baken.Domain.Analysis.AnalysisRun run, AnalysisCatalogue catalogue)
    {
        var settings = JsonSerializer.Deserialize<SettingsRecord>(run.SettingsJson, RunSummary.JsonOptions)
                       ?? throw new InvalidOperationException($"Analysis run '{run.Code}' has no settings.");
        var weights = settings.Weights.ToDictionary(w => w.Criterion, w => w.Weight, StringComparer.Ordinal);
        var ladder = new ImpactLadder(settings.Factor);
        var result = new List<ScenarioBaseline>();
        foreach (var s in RunSummary.Parse(run.ResultsJson))
        {
            if (!ImpactClasses.TryParse(s.Likelihood, out var likelihood) || likelihood == ImpactClass.X) continue;
            var points = new Dictionary<string, double>(StringComparer.Ordinal);
            var quantities = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (criterion, text) in s.Consensus)
            {
                if (!ImpactClasses.TryParse(text, out var c) || c == ImpactClass.X) continue;
                points[criterion] = weights.GetValueOrDefault(criterion) * ladder.Value(c);
                if (catalogue.Scales.GetValueOrDefault(criterion) is { } scale && RepresentativeQuantity(scale, c) is { } q) quantities[criterion] = q;
            }
            var p = RepresentativeProbability(catalogue.LikelihoodScale, likelihood);
            result.Add(new ScenarioBaseline(s.Id, LikelihoodScale.AnnualProbability(p, catalogue.LikelihoodScale.HorizonYears), quantities, points));
        }
        return result;
    }

    /// <summary>The geometric midpoint of a likelihood class over the scale's horizon.</summary>
    public static double RepresentativeProbability(LikelihoodScale scale, ImpactClass c)
    {
        var b = scale.LowerBounds; // lower bounds of B, C, D, E
        return c switch
        {
            ImpactClass.A => b[0] / Math.Sqrt(10),
            ImpactClass.E => Math.Sqrt(b[3] * 1.0),
            _ => Math.Sqrt(b[(int)c - 2] * b[(int)c - 1]),
        };
    }

    /// <summary>The geometric midpoint of an impact class on a quantitative scale; null on a ladder.</summary>
    public static double? RepresentativeQuantity(AnalysisScale scale, ImpactClass c)
    {
        if (scale.LowerBounds is not { Count: 5 } lower) return null;
        var i = (int)c - 1; // A = 0
        var low = lower[i];
        var high = i < 4 ? lower[i + 1] : lower[4] * 10;
        return low > 0 ? Math.Sqrt(low * high) : high / 2;
    }
}
