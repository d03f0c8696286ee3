using Baken.Methods.Cascades.Compound;
using Baken.Methods.Measures;
using Baken.Methods.Risk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Cascades.Compound;

/// <summary>
/// A compound scenario, scored from its parts as a run rescores it (each class standing for its geometric middle on a
/// quantitative scale, the highest class on a ladder), never ranks below its most serious part on impact; where it ties
/// on I(s), the only thing that can put it below is the lower joint likelihood that the stated dependence gives.
/// </summary>
public sealed class CompoundRankingPropertyTests
{
    private static readonly ImpactClassScale Deaths = ImpactClassScale.Quantitative("2.1", 1, "deaths", [1, 10, 100, 1_000, 10_000], true);
    private static readonly ImpactClassScale Costs = ImpactClassScale.Quantitative("3.1", 1, "EUR", [5e7, 5e8, 5e9, 5e10, 5e11], true);

    private static readonly CriterionRule[] Rules =
    [
        new("2.1", CriterionCombination.SumThenReclass, new ClassLowerBounds(Deaths.LowerBounds)),
        new("3.1", CriterionCombination.SumThenReclass, new ClassLowerBounds(Costs.LowerBounds)),
        new("5.3", CriterionCombination.MaxClass),
    ];

    private sealed record Case(int[][] Classes, double[] Probabilities, double[] Weights, double[]? Conditional, double Factor);

    private static Arbitrary<Case> Cases() =>
        Gen.Choose(2, 4).SelectMany(n =>
            Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 5), 3), n).SelectMany(classes =>
            Gen.ArrayOf(Gen.Choose(1, 1000).Select(x => x / 1000.0), n).SelectMany(p =>
            Gen.ArrayOf(Gen.Choose(0, 10).Select(x => (double)x), 3).SelectMany(w =>
            Gen.Elements(true, false).SelectMany(independent =>
            Gen.ArrayOf(Gen.Choose(0, 1000).Select(x => x / 1000.0), n - 1).SelectMany(conditional =>
            Gen.Elements(3.0, 10.0).Select(f => new Case(classes, p, w.Sum() == 0 ? [1, 1, 1] : w,
                independent ? null : conditional, f))))))))
        .ToArbitrary();

    private static ScenarioPart Part(int index, int[] classes, double p)
    {
        double? Quantity(ImpactClassScale scale, ImpactClass c) => c == ImpactClass.X ? 0 : ClassRepresentative.Quantity(scale, c, ClassValuationRule.GeometricMean);
        var c0 = (ImpactClass)classes[0];
        var c1 = (ImpactClass)classes[1];
        return new ScenarioPart($"S{index}", p,
        [
            new CriterionScore("2.1", ImpactClassLetter.At(classes[0]), Quantity(Deaths, c0)),
            new CriterionScore("3.1", ImpactClassLetter.At(classes[1]), Quantity(Costs, c1)),
            new CriterionScore("5.3", ImpactClassLetter.At(classes[2])),
        ]);
    }

    [Property(MaxTest = 300, Replay = "(20261202,23)")]
    public Property Compound_NeverRanksBelowItsMostSeriousPart_UnlessTheDependenceLowersItsLikelihood() =>
        Prop.ForAll(Cases(), c =>
        {
            var parts = c.Classes.Select((k, i) => Part(i, k, c.Probabilities[i])).ToList();
            DependenceAssumption dependence;
            try { dependence = c.Conditional is null ? DependenceAssumption.Independent : DependenceAssumption.Conditional(c.Conditional); }
            catch (ArgumentException) { return true; } // not a coherent set of conditional probabilities: nothing to rank
            CompoundScenarioResult result;
            try { result = CompoundScenario.Combine(parts, Rules, dependence); }
            catch (ArgumentException) { return true; } // conditional probabilities above what the parts allow are refused, not ranked

            var ladder = new ImpactLadder(c.Factor);
            double Impact(IEnumerable<char> letters) => ladder.ImpactValue(c.Weights, letters.Select(l => (ImpactClass)ImpactClassLetter.Ladder.IndexOf(l)).ToArray());
            var compound = Impact(result.Criteria.Select(x => x.Class));
            foreach (var part in parts)
            {
                var own = Impact(part.Scores.Select(s => s.Class));
                if (compound < own - 1e-12) return false; // ranks below a part on impact: never allowed
                // On a tie the likelihood decides; the joint likelihood can only be lower, and only through the dependence.
                if (Math.Abs(compound - own) <= 1e-12 && result.Probability > part.Probability + 1e-12) return false;
            }
            return result.Probability <= result.ProbabilityUpperBound + 1e-12;
        });
}
