using Baken.Application.Common;
using Baken.Application.Register;

namespace Baken.Testing;

/// <summary>
/// Impact criteria in the register, for tests that write assessments or measure effects without loading the catalogue:
/// a scored criterion must exist (issue 18, a reference to a code that does not exist is refused on save).
/// </summary>
public static class CriteriaFixture
{
    /// <summary>Each criterion code (e.g. "1.1") under an interest named by its first part ("I-1"); an existing one stays as it is.</summary>
    public static async Task SeedAsync(TestDatabase database, params string[] codes)
    {
        await using var db = database.Context(FixedUser.System);
        var save = new SaveRecord(db, FixedUser.System);
        foreach (var code in codes)
        {
            var interest = "I-" + code.Split('.')[0];
            foreach (var (kind, recordCode, values) in new[]
            {
                ("interest", interest, new Dictionary<string, string?> { ["name"] = interest }),
                ("criterion", code, new Dictionary<string, string?> { ["interest"] = interest, ["name"] = "Criterium " + code }),
            })
            {
                if ((await new GetRecord(db).HandleAsync(kind, recordCode)).IsOk) continue;
                var result = await save.HandleAsync(new SaveRecordRequest(kind, recordCode, values, SaveMode.Create));
                if (!result.IsOk) throw new InvalidOperationException(string.Join("; ", result.Errors) + result.Message);
            }
        }
    }
}
