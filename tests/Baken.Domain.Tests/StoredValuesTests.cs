using System.Text.Json;
using Baken.Methods.Cascades.Compound;
using Baken.Domain.Capabilities;
using Baken.Domain.Dependencies;
using Baken.Domain.Strategy;
using Baken.Methods.Measures;
using CriterionScore = Baken.Domain.Assessments.CriterionScore;
using Baken.Domain.Register;

namespace Baken.Domain.Tests;

/// <summary>The typed values of scenarios, organisations and measures: their own range checks and their stored JSON form.</summary>
public sealed class StoredValuesTests
{
    [Fact]
    public void EachValue_RoundTripsThroughItsJsonForm()
    {
        IReadOnlyList<ScenarioDisruption> disruptions = [new("1", 24), new("6", 12.5, 0.25)];
        IReadOnlyList<CapabilityNeed> needs = [new("CAP-MED", CapabilityPhase.Response, 4), new("CAP-COMM", CapabilityPhase.Any, 0)];
        IReadOnlyList<CapabilityLevel> levels = [new("CAP-MED", 2)];
        IReadOnlyList<CapabilityRaise> raises = [new("CAP-MED", 1), new("CAP-COMM", 4)];
        var dependence = new CompoundDependence(DependenceKind.Conditional, [0.3, 0.5]);

        StoredValues.Disruptions(StoredValues.ToJson(disruptions)).ShouldBe(disruptions);
        StoredValues.CapabilityNeeds(StoredValues.ToJson(needs)).ShouldBe(needs);
        StoredValues.CapabilityLevels(StoredValues.ToJson(levels)).ShouldBe(levels);
        StoredValues.CapabilityRaises(StoredValues.ToJson(raises)).ShouldBe(raises);
        StoredValues.Dependence(StoredValues.ToJson(dependence)).ShouldBe(dependence);
        StoredValues.Dependence(StoredValues.ToJson(CompoundDependence.Independent)).ShouldBe(CompoundDependence.Independent);
        StoredValues.ToJson(needs).ShouldBe("""[{"capability":"CAP-MED","phase":"response","level":4},{"capability":"CAP-COMM","phase":"any","level":0}]""");
        StoredValues.Disruptions(null).ShouldBeEmpty();
        StoredValues.ToJson((IReadOnlyList<ScenarioDisruption>?)null).ShouldBe("[]");
    }

    /// <summary>One JSON-column style (issue 18): the values that once had their own helpers are written and read by StoredValues too.</summary>
    [Fact]
    public void ScoresLinksEffectsOptionsAndSubjects_RoundTripThroughStoredValues_WithTheirNamedMembers()
    {
        IReadOnlyList<CriterionScore> scores = [new("2.1", "B-D~C"), new("2.2", "€2.1 bn")];
        IReadOnlyList<RecordLink> links = [new("scenario", "S-01"), new("goal", "GOAL-03")];
        IReadOnlyList<ScenarioEffect> effects = [new("S-01", new EffectRange(0.6, 0.65, 0.8), [new CriterionReduction("2.1", new EffectRange(0.2, 0.25, 0.3))]), new("S-02", null, [new CriterionReduction("2.2", EffectRange.Exactly(0.1))])];
        IReadOnlyList<DependencyOptionChoice> options = [new(DependencyOption.Stockpile, DependencyOptionStatus.Chosen, "six months")];

        StoredValues.ToJson(scores).ShouldStartWith("""[{"criterion":"2.1","judgement":"B-D~C"},{"criterion":"2.2","judgement":""");
        StoredValues.Scores(StoredValues.ToJson(scores)).ShouldBe(scores);
        StoredValues.ToJson(links).ShouldBe("""[{"kind":"scenario","code":"S-01"},{"kind":"goal","code":"GOAL-03"}]""");
        StoredValues.Links(StoredValues.ToJson(links)).ShouldBe(links);
        StoredValues.ToJson(effects).ShouldContain("""{"criterion":"2.1","low":0.2,"mostLikely":0.25,"high":0.3}""");
        StoredValues.Effects(StoredValues.ToJson(effects)).ShouldBe(effects);
        StoredValues.Options(StoredValues.ToJson(options)).ShouldBe(options);
        StoredValues.Link(StoredValues.ToJson(new RecordLink("goal", "GOAL-06"))).ShouldBe(new RecordLink("goal", "GOAL-06"));
        // A round-1 copy never made (null) is not an empty one.
        StoredValues.Same((IReadOnlyList<CriterionScore>?)null, []).ShouldBeFalse();
        StoredValues.Same(scores, StoredValues.Copy(scores)).ShouldBeTrue();
        StoredValues.Hash(scores).ShouldBe(StoredValues.Hash(StoredValues.Copy(scores)));
    }

    [Fact]
    public void TheChangeCheck_ComparesValues_AndTheHashAgrees()
    {
        var a = new CompoundDependence(DependenceKind.Conditional, [0.3, 0.5]);
        var b = new CompoundDependence(DependenceKind.Conditional, new List<double> { 0.3, 0.5 });
        StoredValues.Same(a, b).ShouldBeTrue();
        StoredValues.Hash(a).ShouldBe(StoredValues.Hash(b));
        StoredValues.Same(a, new CompoundDependence(DependenceKind.Conditional, [0.3])).ShouldBeFalse();
        StoredValues.Same(a, null).ShouldBeFalse();
        StoredValues.Same((IReadOnlyList<ScenarioDisruption>?)null, []).ShouldBeTrue();
        StoredValues.Same([new ScenarioDisruption("1", 24)], [new ScenarioDisruption("1", 24, 1)]).ShouldBeTrue();
        StoredValues.Same([new ScenarioDisruption("1", 24)], [new ScenarioDisruption("1", 24, 0.5)]).ShouldBeFalse();
    }

    [Fact]
    public void AValueOutOfItsRange_CannotBeMade()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ScenarioDisruption("1", 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new ScenarioDisruption("1", 8761));
        Should.Throw<ArgumentOutOfRangeException>(() => new ScenarioDisruption("1", 24, 1.5));
        Should.Throw<ArgumentException>(() => new ScenarioDisruption(" ", 24));
        Should.Throw<ArgumentOutOfRangeException>(() => new CapabilityNeed("CAP-MED", CapabilityPhase.Any, 5));
        Should.Throw<ArgumentException>(() => new CapabilityLevel("CAP MED", 2));
        Should.Throw<ArgumentOutOfRangeException>(() => new CapabilityRaise("CAP-MED", 0));
        Should.Throw<ArgumentException>(() => new CompoundDependence(DependenceKind.Independent, [0.5]));
        Should.Throw<ArgumentException>(() => new CompoundDependence(DependenceKind.Conditional, []));
        Should.Throw<ArgumentOutOfRangeException>(() => new CompoundDependence(DependenceKind.Conditional, [double.NaN]));
    }

    [Theory]
    [InlineData("""[{"process":"1","hours":24,"severity":1,"note":"x"}]""")] // a member it does not know
    [InlineData("""[{"process":"1","hours":0,"severity":1}]""")] // out of range
    [InlineData("""[null]""")]
    [InlineData("""{"process":"1"}""")]
    public void AStoredValueThatCannotBeRead_IsAnError_NeverDropped(string json)
    {
        Should.Throw<Exception>(() => StoredValues.Disruptions(json)).ShouldSatisfyAllConditions(
            e => (e is JsonException or ArgumentException).ShouldBeTrue(e.GetType().Name));
    }
}
