using Baken.Application.Analysis;
using Baken.Application.Catalogue;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Domain.Users;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Catalogue;

/// <summary>Editing the preference profiles from the administration page, on both databases.</summary>
public sealed class CatalogueProfilesTests
{
    private static readonly FixedUser Coordinator = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimGeheim, 0, "coord", Roles.Coordinator);

    private static CatalogueProfiles For(BakenDbContext db, ICurrentUser user) => new(db, user, new SaveRecord(db, user));

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task NewWeights_AreVersioned_AndTheNextAnalysisUsesThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(Coordinator);
        var profiles = For(db, Coordinator);
        var eq = (await profiles.ListAsync()).Value!.Single(p => p.Code == "profiles.EQ-CRIT");
        eq.IsDefault.ShouldBeTrue();
        eq.WeightsBy.ShouldBe("criterion");
        eq.Weights.Select(w => w.Key).ShouldContain("2.1");

        // Deaths count three times as much; the Dutch decimal comma is accepted.
        var typed = eq.Weights.ToDictionary(w => w.Key, w => w.Key == "2.1" ? "3" : w.Key == "3.1" ? "0,5" : "1");
        var saved = await profiles.SaveWeightsAsync(eq.Code, typed, eq.Version);
        saved.IsOk.ShouldBeTrue(string.Join("; ", saved.Errors));
        saved.Value!.Version.ShouldBe(eq.Version + 1);
        saved.Value.Weights.Single(w => w.Key == "2.1").Weight.ShouldBe(3);
        saved.Value.Weights.Single(w => w.Key == "3.1").Weight.ShouldBe(0.5);

        var history = (await new GetHistory(db).HandleAsync("catalogue-entry", eq.Code)).Value!;
        history.Count.ShouldBe(2);

        var catalogue = await new LoadAnalysisCatalogue(db).HandleAsync();
        var weights = catalogue.DefaultProfile.Weights;
        (weights["2.1"] / weights["1.1"]).ShouldBe(3, 1e-12);
        (weights["3.1"] / weights["1.1"]).ShouldBe(0.5, 1e-12);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadWeights_NameTheCriterionAndValue_AndChangeNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(Coordinator);
        var profiles = For(db, Coordinator);
        var eq = (await profiles.ListAsync()).Value!.Single(p => p.Code == "profiles.EQ-CRIT");

        var bad = await profiles.SaveWeightsAsync(eq.Code, new Dictionary<string, string> { ["2.1"] = "-1", ["1.1"] = "veel", ["9.9"] = "1" }, eq.Version);
        bad.Status.ShouldBe(ResultStatus.Invalid);
        bad.Errors.ShouldContain(e => e.Field == "weights.2.1" && e.Value == "-1");
        bad.Errors.ShouldContain(e => e.Field == "weights.1.1" && e.Value == "veel");
        bad.Errors.ShouldContain(e => e.Field == "weights" && e.Value == "9.9");
        var zero = await profiles.SaveWeightsAsync(eq.Code, eq.Weights.ToDictionary(w => w.Key, _ => "0"), eq.Version);
        zero.Errors.ShouldHaveSingleItem().Allowed.ShouldContain("at least one weight above 0");

        // Someone else saved in between: the stale version is refused.
        var stale = await profiles.SaveWeightsAsync(eq.Code, eq.Weights.ToDictionary(w => w.Key, _ => "2"), eq.Version - 1);
        stale.Status.ShouldBe(ResultStatus.Conflict);

        (await profiles.ListAsync()).Value!.Single(p => p.Code == eq.Code).ShouldBeEquivalentTo(eq);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task MakingAProfileTheDefault_LeavesExactlyOneDefault(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(Coordinator);
        var profiles = For(db, Coordinator);
        (await profiles.MakeDefaultAsync("profiles.EQ-INT")).IsOk.ShouldBeTrue();
        var all = (await profiles.ListAsync()).Value!;
        all.Where(p => p.IsDefault).Select(p => p.Code).ShouldBe(["profiles.EQ-INT"]);
        (await new LoadAnalysisCatalogue(db).HandleAsync()).DefaultProfile.Name.ShouldBe("Equal weight per interest");
        (await profiles.MakeDefaultAsync("profiles.NOPE")).Status.ShouldBe(ResultStatus.NotFound);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnAnalyst_CannotEditTheProfiles(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, initialise: true);
        var analyst = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimGeheim, 0, "ana", Roles.Analyst);
        await using var db = database.Context(analyst);
        var profiles = For(db, analyst);
        (await profiles.ListAsync()).Status.ShouldBe(ResultStatus.Forbidden);
        (await profiles.SaveWeightsAsync("profiles.EQ-CRIT", new Dictionary<string, string> { ["2.1"] = "5" }, 1)).Status.ShouldBe(ResultStatus.Forbidden);
        (await profiles.MakeDefaultAsync("profiles.EQ-INT")).Status.ShouldBe(ResultStatus.Forbidden);
    }
}
