using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Domain.Security;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Register;

/// <summary>
/// The register page's filter choices (themes, risks, …) come from one statement for all kinds: each kind's codes the
/// reader may see, in natural order, and nothing of a record above the reader.
/// </summary>
public sealed class FilterChoicesTests
{
    private static readonly FixedUser Low = TestDatabase.UserAt(ClassificationLevel.Ongerubriceerd, 0, "laag", "Coordinator");
    private static readonly FixedUser High = TestDatabase.UserAt(ClassificationLevel.StaatsgeheimZeerGeheim, 0, "hoog", "Coordinator");

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachKindGetsItsVisibleCodes_InNaturalOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        foreach (var (kind, code, classification) in new[]
                 {
                     ("theme", "TX10", "Ongerubriceerd"), ("theme", "TX9", "Ongerubriceerd"), ("theme", "TX-SECRET", "Stg.G"),
                     ("risk", "RX2", "Ongerubriceerd"), ("risk", "RX-SECRET", "Stg.G"), ("risk", "RX1", "Ongerubriceerd"),
                 })
        {
            await using var write = database.Context(High);
            var values = new Dictionary<string, string?> { ["classification"] = classification, [kind == "theme" ? "name" : "title"] = code };
            if (kind == "risk") values["kind"] = "threat";
            (await new SaveRecord(write, High).HandleAsync(new SaveRecordRequest(kind, code, values, SaveMode.Create))).IsOk.ShouldBeTrue(code);
        }

        await using var db = database.Context(Low);
        var choices = await new ListRecords(db).CodesAsync(["risk", "theme", "no-such-kind", "theme"]);

        choices.Keys.Order(StringComparer.Ordinal).ShouldBe(["risk", "theme"]);
        choices["theme"].Where(c => c.StartsWith("TX", StringComparison.Ordinal)).ShouldBe(["TX9", "TX10"]);
        choices["risk"].Where(c => c.StartsWith("RX", StringComparison.Ordinal)).ShouldBe(["RX1", "RX2"]);
        (await new ListRecords(db).CodesAsync([])).ShouldBeEmpty();
    }
}
