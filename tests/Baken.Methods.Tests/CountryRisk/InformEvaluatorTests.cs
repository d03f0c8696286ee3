using Baken.Methods.CountryRisk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.CountryRisk;

public class InformEvaluatorTests
{
    private const double Tolerance = 1e-9;

    // INFORM 2016, Afghanistan, as published (one decimal).
    private static Dictionary<string, double?> Afghanistan2016() => new()
    {
        ["earthquake"] = 8.9, ["flood"] = 6.6, ["tsunami"] = 0, ["tropical_cyclone"] = 0, ["drought"] = 6.7,
        ["natural"] = 5.5, ["projected_conflict_risk"] = 10, ["current_conflict_intensity"] = 10, ["human"] = 10,
        ["hazard_exposure"] = 8.6,
        ["development_deprivation"] = 6.5, ["inequality"] = 5.1, ["aid_dependency"] = 9.3, ["socio_economic_vulnerability"] = 6.9,
        ["uprooted_people"] = 8.9, ["health_conditions"] = 1.2, ["children_u5"] = 7.4, ["recent_shocks"] = 0.3, ["food_security"] = 7.1,
        ["other_vulnerable_groups"] = 4.8, ["vulnerable_groups"] = 7.4, ["vulnerability"] = 7.2,
        ["drr"] = 6.3, ["governance"] = 8.4, ["institutional"] = 7.4,
        ["communication"] = 7.9, ["physical_infrastructure"] = 8.5, ["access_to_health_care"] = 9.1, ["infrastructure"] = 8.5,
        ["lack_of_coping_capacity"] = 8.0,
    };

    [Fact]
    public void Evaluate_Afghanistan2016FromDimensions_ReproducesPublishedRisk()
    {
        // Hand check: (8.6 × 7.2 × 8.0)^(1/3) = 495.36^(1/3) = 7.9124; INFORM 2016 publishes 7.9.
        var result = InformEvaluator.Evaluate(InformModels.Release2016, Afghanistan2016(), InformLevel.Dimension);

        result.Risk!.Value.ShouldBe(7.912377116005969, Tolerance);
        result.Risk.Value.ShouldBe(7.9, 0.05);
    }

    [Theory]
    [InlineData(InformLevel.Category)]
    [InlineData(InformLevel.Component)]
    [InlineData(InformLevel.SubComponent)]
    public void Evaluate_Afghanistan2016FromLowerLevels_StaysWithinPublishedRounding(InformLevel level)
    {
        var result = InformEvaluator.Evaluate(InformModels.Release2016, Afghanistan2016(), level);

        result.Risk!.Value.ShouldBe(7.9, 0.1);
        result.Scores["hazard_exposure"]!.Value.ShouldBe(8.6, 0.1);
    }

    [Fact]
    public void Evaluate_FromCategories_ComputesDimensionsAndKeepsPublishedCategories()
    {
        var result = InformEvaluator.Evaluate(InformModels.Release2016, Afghanistan2016(), InformLevel.Category);

        result.Scores["natural"].ShouldBe(5.5);
        result.Scores["hazard_exposure"]!.Value.ShouldBe(11 - Math.Sqrt((11 - 5.5) * (11 - 10)), Tolerance);
    }

    [Fact]
    public void Evaluate_MissingDrr_InstitutionalIsMeanOfGovernanceAlone()
    {
        // Albania 2016: DRR 'x', Governance 6.2 → Institutional 6.2 (published 6.2), not (0 + 6.2) / 2.
        var scores = Afghanistan2016();
        scores["drr"] = null;
        scores["governance"] = 6.2;

        var result = InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Component);

        result.Scores["institutional"]!.Value.ShouldBe(6.2, Tolerance);
        result.MissingInputs.ShouldBe(["drr"]);
    }

    [Fact]
    public void Evaluate_MissingInequality_RenormalisesSocioEconomicWeights()
    {
        // Antigua and Barbuda 2016: D&D 2.7, Inequality 'x', Aid Dependency 0.6 → (0.5·2.7 + 0.25·0.6) / 0.75 = 2.0 (published 2.0).
        var scores = Afghanistan2016();
        scores["development_deprivation"] = 2.7;
        scores.Remove("inequality");
        scores["aid_dependency"] = 0.6;

        var result = InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Component);

        result.Scores["socio_economic_vulnerability"]!.Value.ShouldBe(2.0, Tolerance);
    }

    [Fact]
    public void Evaluate_MissingDimensionWithoutLowerData_RiskIsMissingNotZero()
    {
        var scores = new Dictionary<string, double?> { ["hazard_exposure"] = 5, ["vulnerability"] = 5, ["lack_of_coping_capacity"] = null };

        var result = InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Dimension);

        result.Risk.ShouldBeNull();
        result.Scores["lack_of_coping_capacity"].ShouldBeNull();
        result.MissingInputs.ShouldContain("drr");
    }

    [Fact]
    public void Evaluate_PublishedDimensionMissing_DerivesItFromCategories()
    {
        var scores = Afghanistan2016();
        scores["vulnerability"] = null;

        var result = InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Dimension);

        result.DerivedInputs.ShouldContain("vulnerability");
        result.Scores["vulnerability"]!.Value.ShouldBe(11 - Math.Sqrt((11 - 6.9) * (11 - 7.4)), Tolerance);
        result.Risk.ShouldNotBeNull();
    }

    [Fact]
    public void Evaluate_PublishedScoreOutOfRange_ThrowsNamingNode()
    {
        var scores = Afghanistan2016();
        scores["flood"] = 11;

        var ex = Should.Throw<ArgumentOutOfRangeException>(() => InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Component));
        ex.Message.ShouldContain("flood");
    }

    [Fact]
    public void Evaluate_Release2020_IncludesEpidemicInNatural()
    {
        var scores = Afghanistan2016();
        scores["epidemic"] = 10;

        var with2016 = InformEvaluator.Evaluate(InformModels.Release2016, scores, InformLevel.Component);
        var with2020 = InformEvaluator.Evaluate(InformModels.Release2020, scores, InformLevel.Component);

        with2020.Scores["natural"]!.Value.ShouldBeGreaterThan(with2016.Scores["natural"]!.Value);
        InformModels.Release2016.Contains("epidemic").ShouldBeFalse();
    }

    [Property(MaxTest = 200, Replay = "(4242,1717)")]
    public Property Evaluate_RaisingAnyComponent_NeverLowersRisk()
    {
        var model = InformModels.Release2020;
        var leaves = model.Nodes.Where(n => n.IsLeaf).Select(n => n.Id).ToArray();
        var score = Gen.Choose(0, 100).Select(i => i / 10.0);
        var gen =
            from values in Gen.ArrayOf(score, leaves.Length)
            from index in Gen.Choose(0, leaves.Length - 1)
            from bump in Gen.Choose(1, 100).Select(i => i / 10.0)
            select (values, index, bump);

        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var before = leaves.Select((id, i) => (id, v: (double?)t.values[i])).ToDictionary(x => x.id, x => x.v);
            var after = new Dictionary<string, double?>(before) { [leaves[t.index]] = Math.Min(10, t.values[t.index] + t.bump) };

            var riskBefore = InformEvaluator.Evaluate(model, before, InformLevel.SubComponent).Risk!.Value;
            var riskAfter = InformEvaluator.Evaluate(model, after, InformLevel.SubComponent).Risk!.Value;
            return riskAfter >= riskBefore - 1e-12;
        });
    }

    [Property(MaxTest = 100, Replay = "(99,7)")]
    public Property Evaluate_AnyScores_RiskStaysInZeroToTen()
    {
        var model = InformModels.Release2016;
        var leaves = model.Nodes.Where(n => n.IsLeaf).Select(n => n.Id).ToArray();
        var gen = Gen.ArrayOf(Gen.Choose(0, 100).Select(i => i / 10.0), leaves.Length);
        return Prop.ForAll(gen.ToArbitrary(), values =>
        {
            var scores = leaves.Select((id, i) => (id, v: (double?)values[i])).ToDictionary(x => x.id, x => x.v);
            var risk = InformEvaluator.Evaluate(model, scores, InformLevel.SubComponent).Risk!.Value;
            return risk >= 0 && risk <= 10;
        });
    }
}
