using Baken.Domain.Dependencies;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Persistence;

/// <summary>
/// The data migration of a dependency's options from free text to the JSON form, run at every start (it finds nothing
/// once done): each value that is not yet a JSON array is rewritten by <see cref="DependencyOptionText.FromStored"/> —
/// known words become options, the rest an 'other' note, nothing dropped. The column keeps its name and type, so a value
/// that was not migrated yet still reads the same way through the model's converter.
/// </summary>
public static class DependencyOptionsMigration
{
    private sealed record Row(string Code, string Options);

    /// <returns>How many records were rewritten.</returns>
    public static async Task<int> RunAsync(BakenDbContext db, CancellationToken ct = default)
    {
        var old = await db.Database.SqlQueryRaw<Row>(
                "SELECT \"Code\", \"Options\" FROM \"Dependencies\" WHERE \"Options\" IS NOT NULL AND \"Options\" NOT LIKE '[%'")
            .ToListAsync(ct);
        foreach (var row in old)
        {
            var json = DependencyOptionText.ToJson(DependencyOptionText.FromStored(row.Options));
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Dependencies\" SET \"Options\" = {0} WHERE \"Code\" = {1}", [json, row.Code], ct);
        }
        return old.Count;
    }
}
