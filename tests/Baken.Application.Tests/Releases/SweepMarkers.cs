using Baken.Domain.Security;
using Baken.Application.Common;
using Baken.Infrastructure.Persistence;
using Baken.Testing;

namespace Baken.Application.Tests.Releases;

/// <summary>
/// The marker records both release sweeps put in the register: one at every level, one unpublished public one, and one in
/// each of two compartments; and a database that knows those compartments.
/// </summary>
internal static class SweepMarkers
{
    public static readonly (string Tag, string Level, string? Compartments, bool Publishable)[] All =
    [
        ("PUB", "Ongerubriceerd", null, true),
        ("UNPUB", "Ongerubriceerd", null, false),
        ("DEPV", "Dep.V", null, false),
        ("STGC", "Stg.C", null, false),
        ("STGG", "Stg.G", null, false),
        ("STGZG", "Stg.ZG", null, false),
        ("NUC", "Dep.V", "NUC", false),
        ("CYB", "Stg.C", "CYB", false),
    ];

    /// <summary>A database with the default catalogue and the compartments NUC and CYB.</summary>
    public static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, initialise: true);
        await using var db = database.Context(FixedUser.System);
        db.Compartments.Add(new Compartment("NUC", "Nuclear", 0));
        db.Compartments.Add(new Compartment("CYB", "Cyber", 1));
        await db.SaveChangesAsync();
        return database;
    }
}
