using Baken.Methods.CountryRisk;
using Shouldly;
using Xunit;

namespace Baken.Methods.Tests.CountryRisk;

public class InformModelTests
{
    [Fact]
    public void Release2016_Structure_HasThreeDimensionsAndThirtyScoresBelowIndex()
    {
        var model = InformModels.Release2016;

        model.Root.Children.Select(c => c.Id).ShouldBe(["hazard_exposure", "vulnerability", "lack_of_coping_capacity"]);
        model.Root.Aggregation.ShouldBe(InformAggregation.GeometricMean);
        // The 2016 file publishes 30 scores below the index (Earthquake … LACK OF COPING CAPACITY), 2020 adds Epidemic.
        model.Nodes.Count.ShouldBe(31);
        InformModels.Release2020.Nodes.Count.ShouldBe(32);
    }

    [Fact]
    public void Release2020_SocioEconomicVulnerability_IsWeightedHalfQuarterQuarter()
    {
        var node = InformModels.Release2020["socio_economic_vulnerability"];

        node.Aggregation.ShouldBe(InformAggregation.WeightedArithmeticMean);
        node.Weights.ShouldBe([0.5, 0.25, 0.25]);
    }

    [Fact]
    public void Constructor_DuplicateNodeId_ThrowsNamingId()
    {
        var leaf = InformNode.Leaf("flood", "Flood", InformLevel.Dimension);
        var twin = InformNode.Leaf("flood", "Flood again", InformLevel.Dimension);
        var root = InformNode.Aggregate("risk", "Risk", InformLevel.Risk, InformAggregation.GeometricMean, [leaf, twin]);

        var ex = Should.Throw<ArgumentException>(() => new InformModel("test", root));
        ex.Message.ShouldContain("'flood'");
    }

    [Fact]
    public void Aggregate_WeightedWithoutWeights_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => InformNode.Aggregate(
            "sev", "SEV", InformLevel.Category, InformAggregation.WeightedArithmeticMean,
            [InformNode.Leaf("a", "A", InformLevel.Component)]));
        ex.ParamName.ShouldBe("weights");
    }

    [Fact]
    public void Aggregate_ChildNotFinerThanParent_Throws()
    {
        var ex = Should.Throw<ArgumentException>(() => InformNode.Aggregate(
            "natural", "Natural", InformLevel.Category, InformAggregation.ReversedGeometricMean,
            [InformNode.Leaf("flood", "Flood", InformLevel.Category)]));
        ex.Message.ShouldContain("finer");
    }

    [Theory]
    [InlineData("Flood")]
    [InlineData("1flood")]
    [InlineData("")]
    public void Leaf_InvalidId_Throws(string id)
    {
        Should.Throw<ArgumentException>(() => InformNode.Leaf(id, "Flood", InformLevel.Component)).ParamName.ShouldBe("id");
    }
}
