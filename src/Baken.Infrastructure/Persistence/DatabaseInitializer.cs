using System.Data.Common;
using Baken.Application.Catalogue;
using Baken.Application.Common;
using Baken.Application.Register;
using Baken.Application.Users;
using Baken.Infrastructure.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Baken.Infrastructure.Persistence;

public sealed record InitializationOutcome(string? AdministratorPassword, CatalogueLoadSummary? Catalogue, IReadOnlyList<string> AppliedMigrations);

/// <summary>
/// What every host does on start: bring the schema up to date, create the first administrator on an empty
/// database, and load the default catalogue the first time (later loads are explicit: 'baken catalog import').
/// </summary>
/// <remarks>
/// Every CLI command starts here, so the usual case (schema current, administrator and catalogue present) is answered by
/// one plain SQL query, without EF Core's migration machinery or query compilation (docs/performance.md, CLI start-up).
/// Anything else, including a database the query cannot read, takes the full path, which decides as before.
/// </remarks>
public static class DatabaseInitializer
{
    public static async Task<InitializationOutcome> InitializeAsync(DatabaseOptions options, TimeProvider clock, string? catalogueFolder = null,
        CancellationToken ct = default)
    {
        await using var db = DatabaseSetup.CreateContext(options, FixedUser.System, clock);
        StartupTrace.Mark("initialiser: context created");
        if (await IsCurrentAsync(db, ct))
        {
            StartupTrace.Mark("initialiser: schema, administrator and catalogue present");
            return new InitializationOutcome(null, null, []);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        // Free-text options of dependencies written before they were typed; text not yet rewritten reads the same way.
        await DependencyOptionsMigration.RunAsync(db, ct);
        StartupTrace.Mark("initialiser: migrations checked");

        var password = await new EnsureAdministrator(db, clock).HandleAsync(ct);

        CatalogueLoadSummary? loaded = null;
        if (!await db.Interests.IgnoreQueryFilters().AnyAsync(ct))
        {
            var (files, errors) = CatalogueDirectory.Read(catalogueFolder ?? CatalogueDirectory.Default);
            if (errors.Count > 0) throw new SetupException("The default catalogue cannot be read: " + string.Join("; ", errors));
            var result = await new LoadCatalogue(new ImportRecords(db, FixedUser.System), db).HandleAsync(files, ct);
            if (!result.IsOk) throw new SetupException("The default catalogue is invalid: " + string.Join("; ", result.Errors));
            loaded = result.Value;
        }
        StartupTrace.Mark("initialiser: administrator and catalogue checked");
        return new InitializationOutcome(password, loaded, pending);
    }

    /// <summary>
    /// True when the database has exactly this build's migrations applied, a user and an interest: then there is nothing to
    /// do. False (take the full path) for anything else, including a database without the history table.
    /// </summary>
    private static async Task<bool> IsCurrentAsync(BakenDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToList();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        try
        {
            if (opened) await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            // One round trip: the applied migrations, then whether a user and an interest exist (NULL rows mark them).
            command.CommandText = """
                SELECT "MigrationId" FROM "__EFMigrationsHistory"
                UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM "Users") AND EXISTS (SELECT 1 FROM "Interests")
                """;
            var applied = new List<string>();
            var populated = false;
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    if (reader.IsDBNull(0)) populated = true;
                    else applied.Add(reader.GetString(0));
                }
            return populated && applied.Order(StringComparer.Ordinal).SequenceEqual(known.Order(StringComparer.Ordinal), StringComparer.Ordinal);
        }
        catch (DbException)
        {
            return false; // no history table yet (a new database), or tables missing: the full path creates them
        }
        finally
        {
            if (opened) await connection.CloseAsync();
        }
    }
}
