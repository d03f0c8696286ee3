using Baken.Methods.Cascades.Compound;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Baken.Methods.Tests.Cascades.Compound;

/// <summary>
/// Compound scenarios on a pandemic (P) during a cyber attack on hospitals (C). Reference values are hand-computed;
/// probabilities compare with 1e-15 (a product of two or three decimals).
/// </summary>
public sealed class CompoundScenarioTests
{
    /// <summary>The indicative decade ladder for deaths (METHODS §1.1): A from 1, B from 10, C 100, D 1 000, E 10 000.</summary>
    private static readonly ClassLowerBounds Deaths = new([1, 10, 100, 1_000, 10_000]);

    private static readonly CriterionRule[] Rules =
    [
        new("2.1", CriterionCombination.SumThenReclass, Deaths),
        new("5.3", CriterionCombination.MaxClass),
    ];

    private static ScenarioPart Pandemic(double p = 0.2) =>
        new("P", p, [new CriterionScore("2.1", 'C', 600), new CriterionScore("5.3", 'D')]);

    private static ScenarioPart CyberAttack(double p = 0.1) =>
        new("C", p, [new CriterionScore("2.1", 'C', 500), new CriterionScore("5.3", 'B')]);

    [Fact]
    public void Combine_SumThenReclass_SumCrossesIntoHigherClass()
    {
        var deaths = CompoundScenario.Combine([Pandemic(), CyberAttack()], Rules, DependenceAssumption.Independent).Criteria[0];

        // 600 + 500 = 1 100 ≥ 1 000: D, though each part alone is C.
        deaths.Quantity.ShouldBe(1_100);
        deaths.Class.ShouldBe('D');
        deaths.Combination.ShouldBe(CriterionCombination.SumThenReclass);
        deaths.Explanation.ShouldBe("sum 600 (P) + 500 (C) = 1100 → D (D from 1000)");
    }

    [Fact]
    public void Combine_MaxClass_TakesWorstPart()
    {
        var unrest = CompoundScenario.Combine([Pandemic(), CyberAttack()], Rules, DependenceAssumption.Independent).Criteria[1];

        unrest.Class.ShouldBe('D');
        unrest.Quantity.ShouldBeNull();
        unrest.Explanation.ShouldBe("max of D (P), B (C) = D");
    }

    [Fact]
    public void Combine_Independent_MultipliesProbabilities()
    {
        var result = CompoundScenario.Combine([Pandemic(0.2), CyberAttack(0.1)], Rules, DependenceAssumption.Independent);

        result.Probability.ShouldBe(0.02, 1e-15);
        result.ProbabilityUpperBound.ShouldBe(0.1);
        result.ProbabilityLowerBound.ShouldBe(0);
        result.LikelihoodExplanation.ShouldBe("independent: p = 0.2 (P) × 0.1 (C) = 0.02 over the horizon");
    }

    [Fact]
    public void Combine_Conditional_UsesGivenConditionalProbability()
    {
        // P(C | P) = 0.3: an attack is more likely while hospitals are under pandemic pressure.
        var result = CompoundScenario.Combine([Pandemic(0.2), CyberAttack(0.1)], Rules, DependenceAssumption.Conditional(0.3));

        result.Probability.ShouldBe(0.06, 1e-15);
        result.LikelihoodExplanation.ShouldContain("0.3 (P(C | P))");
    }

    [Fact]
    public void Combine_ThreeParts_ChainsConditionals()
    {
        var flood = new ScenarioPart("F", 0.5, [new CriterionScore("2.1", 'B', 20)]);

        var result = CompoundScenario.Combine(
            [Pandemic(0.2), CyberAttack(0.1), flood], Rules, DependenceAssumption.Conditional(0.4, 0.5));

        result.Probability.ShouldBe(0.04, 1e-15);
        result.Criteria[0].Quantity.ShouldBe(1_120);
        result.ProbabilityLowerBound.ShouldBe(0);
        result.ScenarioIds.ShouldBe(["P", "C", "F"]);
    }

    [Fact]
    public void Combine_HighProbabilities_FrechetLowerBoundAboveZero()
    {
        var result = CompoundScenario.Combine([Pandemic(0.9), CyberAttack(0.8)], Rules, DependenceAssumption.Independent);

        result.ProbabilityLowerBound.ShouldBe(0.7, 1e-15);
        result.Probability.ShouldBe(0.72, 1e-15);
    }

    [Fact]
    public void Combine_ConditionalContradictsMarginal_SaysInconsistent()
    {
        // 0.2 × 0.9 = 0.18 > P(C) = 0.1.
        Should.Throw<ArgumentException>(() =>
                CompoundScenario.Combine([Pandemic(0.2), CyberAttack(0.1)], Rules, DependenceAssumption.Conditional(0.9)))
            .Message.ShouldContain("inconsistent");
    }

    [Fact]
    public void Combine_WrongNumberOfConditionals_SaysHowMany()
    {
        Should.Throw<ArgumentException>(() =>
                CompoundScenario.Combine([Pandemic(), CyberAttack()], Rules, DependenceAssumption.Conditional(0.1, 0.2)))
            .Message.ShouldContain("there must be 1");
    }

    [Fact]
    public void Combine_MissingCriterion_CountsAsNoImpact()
    {
        var quiet = new ScenarioPart("Q", 0.5, []);

        var result = CompoundScenario.Combine([Pandemic(), quiet], Rules, DependenceAssumption.Independent);

        result.Criteria[0].Quantity.ShouldBe(600);
        result.Criteria[0].Class.ShouldBe('C');
        result.Criteria[1].Class.ShouldBe('D');
    }

    [Fact]
    public void Combine_ClassWithoutQuantityUnderSumRule_AsksForQuantity()
    {
        var classOnly = new ScenarioPart("K", 0.5, [new CriterionScore("2.1", 'B')]);

        var message = Should.Throw<ArgumentException>(() =>
            CompoundScenario.Combine([Pandemic(), classOnly], Rules, DependenceAssumption.Independent)).Message;
        message.ShouldContain("Scenario 'K'");
        message.ShouldContain("'2.1'");
        message.ShouldContain("max class");
    }

    [Fact]
    public void Combine_CriterionWithoutRule_NamesIt()
    {
        var extra = new ScenarioPart("K", 0.5, [new CriterionScore("3.1", 'B', 1e9)]);

        Should.Throw<ArgumentException>(() => CompoundScenario.Combine([Pandemic(), extra], Rules, DependenceAssumption.Independent))
            .Message.ShouldContain("'3.1'");
    }

    [Fact]
    public void Combine_OnePart_NeedsTwo()
    {
        Should.Throw<ArgumentException>(() => CompoundScenario.Combine([Pandemic()], Rules, DependenceAssumption.Independent))
            .Message.ShouldContain("two or more");
    }

    [Fact]
    public void Combine_SamePartTwice_Throws()
    {
        Should.Throw<ArgumentException>(() => CompoundScenario.Combine([Pandemic(), Pandemic()], Rules, DependenceAssumption.Independent))
            .Message.ShouldContain("'P' takes part twice");
    }

    [Theory]
    [InlineData(0, 'X')]
    [InlineData(0.5, 'X')]
    [InlineData(1, 'A')]
    [InlineData(9.99, 'A')]
    [InlineData(10, 'B')]
    [InlineData(999, 'C')]
    [InlineData(10_000, 'E')]
    [InlineData(1e12, 'E')]
    public void Classify_DecadeLadder_LowerBoundsInclusive(double deaths, char expected)
    {
        Deaths.Classify(deaths).ShouldBe(expected);
    }

    [Fact]
    public void ClassLowerBounds_NotIncreasing_NamesClasses()
    {
        Should.Throw<ArgumentException>(() => new ClassLowerBounds([1, 10, 10, 100, 1000]))
            .Message.ShouldContain("class C (10) must be larger than that of class B (10)");
    }

    [Fact]
    public void ClassLowerBounds_FourValues_SaysFive()
    {
        Should.Throw<ArgumentException>(() => new ClassLowerBounds([1, 10, 100, 1000])).Message.ShouldContain("there must be 5");
    }

    [Fact]
    public void ClassLowerBounds_ZeroForA_Throws()
    {
        Should.Throw<ArgumentException>(() => new ClassLowerBounds([0, 10, 100, 1000, 10000])).Message.ShouldContain("class X");
    }

    [Fact]
    public void CriterionRule_SumWithoutBounds_Throws()
    {
        Should.Throw<ArgumentException>(() => new CriterionRule("2.1", CriterionCombination.SumThenReclass))
            .Message.ShouldContain("lower bounds");
    }

    [Theory]
    [InlineData('F')]
    [InlineData('a')]
    public void CriterionScore_UnknownLetter_Throws(char letter)
    {
        Should.Throw<ArgumentException>(() => new CriterionScore("2.1", letter)).Message.ShouldContain("X, A, B, C, D, E");
    }

    [Fact]
    public void ScenarioPart_ProbabilityAboveOne_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ScenarioPart("P", 1.5, [])).Message.ShouldContain("[0, 1]");
    }

    [Fact]
    public void Conditional_ProbabilityOutsideUnitInterval_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DependenceAssumption.Conditional(-0.1)).Message.ShouldContain("[0, 1]");
    }

    private static Gen<(double[] Deaths, char[] Classes, double[] P)> Parts() =>
        from n in Gen.Choose(2, 5)
        from deaths in Gen.Choose(0, 20_000).ArrayOf(n)
        from classes in Gen.Elements('X', 'A', 'B', 'C', 'D', 'E').ArrayOf(n)
        from p in Gen.Choose(0, 1000).ArrayOf(n)
        select (deaths.Select(d => (double)d).ToArray(), classes, p.Select(x => x / 1000.0).ToArray());

    private static ScenarioPart[] Build((double[] Deaths, char[] Classes, double[] P) g) =>
        g.Deaths.Select((d, i) => new ScenarioPart(
            $"S{i}", g.P[i], [new CriterionScore("2.1", Deaths.Classify(d), d), new CriterionScore("5.3", g.Classes[i])])).ToArray();

    [Property(MaxTest = 300, Replay = "(20261123,711)")]
    public Property Combine_Compound_NeverScoresBelowItsWorstPart() =>
        Prop.ForAll(Parts().ToArbitrary(), g =>
        {
            var parts = Build(g);
            var result = CompoundScenario.Combine(parts, Rules, DependenceAssumption.Independent);
            return result.Criteria.All(c => parts.All(p =>
                ImpactClassLetter.Ladder.IndexOf(c.Class) >= ImpactClassLetter.Ladder.IndexOf(p.Scores.Single(s => s.Criterion == c.Criterion).Class)));
        });

    [Property(MaxTest = 300, Replay = "(20261123,713)")]
    public Property Combine_Independent_WithinFrechetBoundsAndOrderFree() =>
        Prop.ForAll(Parts().ToArbitrary(), g =>
        {
            var parts = Build(g);
            var forward = CompoundScenario.Combine(parts, Rules, DependenceAssumption.Independent);
            var backward = CompoundScenario.Combine(parts.Reverse().ToArray(), Rules, DependenceAssumption.Independent);
            return forward.Probability >= forward.ProbabilityLowerBound - 1e-15
                && forward.Probability <= forward.ProbabilityUpperBound + 1e-15
                && Math.Abs(forward.Probability - backward.Probability) <= 1e-15
                && forward.Criteria.Select(c => c.Class).SequenceEqual(backward.Criteria.Select(c => c.Class));
        });
}
