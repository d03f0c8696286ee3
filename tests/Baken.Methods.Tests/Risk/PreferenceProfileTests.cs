using Baken.Methods.Risk;
using FsCheck;
using FsCheck.Xunit;
using Shouldly;

namespace Baken.Methods.Tests.Risk;

public sealed class PreferenceProfileTests
{
    private static readonly Criterion[] Nrb =
        new[] { "1.1", "1.2", "2.1", "2.2", "2.3", "3.1", "4.1", "5.1", "5.2", "5.3" }.Select(c => new Criterion(c, c[..1])).ToArray();

    [Fact]
    public void FromInterestWeights_EqualPerInterest_SharesEachInterestOverItsCriteria()
    {
        var profiles = BuiltInProfiles.Create(Nrb);
        var perInterest = profiles.Single(p => p.Name == BuiltInProfiles.EqualPerInterest);

        // Five interests have criteria in the classic set (the sixth has none and drops out): 1/5 each.
        perInterest.Weights["1.1"].ShouldBe(0.1, 1e-12);        // territorial: 2 criteria
        perInterest.Weights["2.1"].ShouldBe(1.0 / 15, 1e-12);   // physical: 3 criteria
        perInterest.Weights["3.1"].ShouldBe(0.2, 1e-12);        // economic: 1 criterion
        perInterest.Weights["4.1"].ShouldBe(0.2, 1e-12);
        perInterest.Weights["5.3"].ShouldBe(1.0 / 15, 1e-12);
    }

    [Fact]
    public void Create_FiveProfiles_DefaultFirstAndAllSumToOne()
    {
        var profiles = BuiltInProfiles.Create(Nrb);

        profiles.Select(p => p.Name).ShouldBe(
        [
            BuiltInProfiles.EqualPerCriterion, BuiltInProfiles.EqualPerInterest, BuiltInProfiles.PhysicalEconomic,
            BuiltInProfiles.SocialInternational, BuiltInProfiles.TerritorialEcological,
        ]);
        profiles[0].Weights.Values.ShouldAllBe(w => Math.Abs(w - 0.1) < 1e-12);
        foreach (var p in profiles) p.Weights.Values.Sum().ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Create_PhysicalEconomicEmphasis_DoublesThoseInterests()
    {
        var p = BuiltInProfiles.Create(Nrb).Single(x => x.Name == BuiltInProfiles.PhysicalEconomic);

        // Interest weights 1,2,2,1,1 over a total of 7: economic (one criterion) 2/7; territorial 1/7 over two criteria.
        p.Weights["3.1"].ShouldBe(2.0 / 7, 1e-12);
        p.Weights["1.1"].ShouldBe(1.0 / 14, 1e-12);
        p.IsIndicative.ShouldBeTrue();
    }

    [Fact]
    public void Create_SocialInternational_NotesTheInterestWithoutCriteria() =>
        BuiltInProfiles.Create(Nrb).Single(x => x.Name == BuiltInProfiles.SocialInternational).Description.ShouldContain("dropped out: 6");

    [Fact]
    public void FromCriterionWeights_NegativeWeight_ThrowsNamingCriterion()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => PreferenceProfile.FromCriterionWeights("p", new Dictionary<string, double> { ["2.1"] = -1, ["3.1"] = 1 }));
        ex.Message.ShouldContain("criterion 2.1");
    }

    [Fact]
    public void FromCriterionWeights_AllZero_Throws() =>
        Should.Throw<ArgumentException>(() => PreferenceProfile.FromCriterionWeights("p", new Dictionary<string, double> { ["2.1"] = 0 })).Message.ShouldContain("at least one must be positive");

    [Fact]
    public void RestrictTo_UnknownCriterion_ThrowsNamingIt() =>
        Should.Throw<ArgumentException>(() => BuiltInProfiles.Create(Nrb)[0].RestrictTo(["9.9"])).Message.ShouldContain("no weight for criterion 9.9");

    [Property(MaxTest = 200, Replay = "(77,3)")]
    public bool Weights_AnyNonNegativeInput_SumToOne(NonEmptyArray<NonNegativeInt> raw)
    {
        var weights = raw.Get.Select((w, i) => (Code: $"c{i}", W: (double)w.Get)).ToList();
        if (weights.All(w => w.W == 0)) weights[0] = (weights[0].Code, 1);
        var p = PreferenceProfile.FromCriterionWeights("p", weights.ToDictionary(w => w.Code, w => w.W));
        return Math.Abs(p.Weights.Values.Sum() - 1) < 1e-12 && p.Weights.Values.All(w => w >= 0);
    }
}
