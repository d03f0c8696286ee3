using System.Text.Json;
using Baken.Methods.Cascades.Compound;
using Baken.Domain.Capabilities;
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
