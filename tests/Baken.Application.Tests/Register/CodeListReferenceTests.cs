using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Register;

/// <summary>
/// Issue 13: code lists that were free text (an assessment's <c>sources</c>, a risk's <c>interests</c>) are references, so
/// they obey "references never point up": naming a higher record is refused with a field error naming the field (never the
/// target), the same as naming one that does not exist; and a reader who cannot see a record named before it was raised
/// sees "withheld", not its code.
/// </summary>
public sealed class CodeListReferenceTests
{
    private static readonly FixedUser Coordinator = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, -1, "coord", "Coordinator");
    private static readonly FixedUser Reader = TestDatabase.UserAt(ClassificationLevel.DepartementaalVertrouwelijk, 0, "lezer", "Coordinator");

    private static async Task<Result<RecordView>> SaveAsync(TestDatabase database, ICurrentUser user, string kind, string code, SaveMode mode, params (string Field, string? Value)[] values)
    {
        await using var db = database.Context(user);
        return await new SaveRecord(db, user).HandleAsync(new SaveRecordRequest(kind, code, values.ToDictionary(v => v.Field, v => v.Value), mode));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SourcesAndInterests_NeverPointUp_AndAHiddenOneReadsWithheld(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CriteriaFixture.SeedAsync(database, "1.1");
        (await SaveAsync(database, Coordinator, "source", "SRC-OPEN", SaveMode.Create, ("title", "Open bron"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Coordinator, "source", "SRC-GEHEIM", SaveMode.Create, ("title", "Geheime bron"), ("classification", "Stg.G"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Coordinator, "interest", "B-GEHEIM", SaveMode.Create, ("name", "Geheim belang"), ("classification", "Stg.G"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Coordinator, "scenario", "S-1", SaveMode.Create, ("title", "Overstroming"), ("kind", "hazard"))).IsOk.ShouldBeTrue();

        // An unclassified assessment naming a Stg.G source, and one naming a source that does not exist: the same answer,
        // a field error on 'sources' that does not describe the target.
        var up = await SaveAsync(database, Coordinator, "assessment", "S-1.a", SaveMode.Create, ("scenario", "S-1"), ("analyst", "a"), ("organisation", "RIVM"), ("scores", "1.1=C"), ("sources", "SRC-OPEN;SRC-GEHEIM"));
        var missing = await SaveAsync(database, Coordinator, "assessment", "S-1.a", SaveMode.Create, ("scenario", "S-1"), ("analyst", "a"), ("organisation", "RIVM"), ("scores", "1.1=C"), ("sources", "SRC-OPEN;SRC-NIETS"));
        up.Status.ShouldBe(ResultStatus.Invalid);
        var error = up.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("sources");
        error.Allowed.ShouldNotContain("Stg.G");
        missing.Status.ShouldBe(ResultStatus.Invalid);
        missing.Errors.ShouldHaveSingleItem().Field.ShouldBe("sources");
        var risk = await SaveAsync(database, Coordinator, "risk", "R-1", SaveMode.Create, ("title", "Risico"), ("kind", "hazard"), ("interests", "B-GEHEIM"));
        risk.Status.ShouldBe(ResultStatus.Invalid);
        risk.Errors.ShouldHaveSingleItem().Field.ShouldBe("interests");

        // Named while it was low, then raised: the reader sees "withheld" in the list, never the code.
        (await SaveAsync(database, Coordinator, "source", "SRC-LATER", SaveMode.Create, ("title", "Later geheim"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Coordinator, "assessment", "S-1.a", SaveMode.Create, ("scenario", "S-1"), ("analyst", "a"), ("organisation", "RIVM"), ("scores", "1.1=C"), ("sources", "SRC-OPEN;SRC-LATER"))).IsOk.ShouldBeTrue();
        (await SaveAsync(database, Coordinator, "source", "SRC-LATER", SaveMode.Update, ("classification", "Stg.G"))).IsOk.ShouldBeTrue();
        await using var db = database.Context(Reader);
        var shown = (await new GetRecord(db).HandleAsync("assessment", "S-1.a")).Value!;
        shown.Fields["sources"].ShouldBe("SRC-OPEN;" + RecordReferences.Withheld);
    }
}
